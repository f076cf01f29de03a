package org.taizhang.honor;

import java.time.LocalDate;

/**
 * One honour to record. {@code level} is one of {@link HonorService#LEVELS}, {@code kind} 集体 or 个人.
 * A 集体 honour goes to {@code orgId}; a 个人 honour to {@code personId}, with {@code orgId} the
 * organisation they belong to (when null, the person's current organisation is used).
 */
public record HonorInput(LocalDate date, String title, String level, String kind, Integer orgId, Integer personId,
                         String issuer, String note) {
    public static HonorInput collective(LocalDate date, String title, String level, int orgId, String issuer) {
        return new HonorInput(date, title, level, HonorService.COLLECTIVE, orgId, null, issuer, null);
    }

    public static HonorInput individual(LocalDate date, String title, String level, Integer orgId, int personId, String issuer) {
        return new HonorInput(date, title, level, HonorService.INDIVIDUAL, orgId, personId, issuer, null);
    }
}
