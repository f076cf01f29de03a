package org.taizhang.honor;

import java.time.LocalDate;

/** One honour as lists show it. {@code personName} is null for a 集体 honour. */
public record HonorRow(int id, LocalDate date, String title, String level, String kind, int orgId, String orgName,
                       Integer personId, String personName, String issuer, String note, int attachmentCount) {
    /** The recipient as a summary names it: the person (and their organisation) or the organisation. */
    public String recipient() {
        return personName == null ? orgName : personName + "（" + orgName + "）";
    }
}
