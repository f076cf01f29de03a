package org.taizhang.activity;

import java.time.LocalDate;
import java.util.List;

/**
 * One activity to add or update. {@code serviceTenths} is 服务时长 in tenths of an hour (2.5 小时 = 25).
 * Null numbers count as 0. {@code coOrgIds} are the co-organisers (协办组织), never the organiser.
 */
public record ActivityInput(LocalDate startDate, LocalDate endDate, String name, Integer orgId, List<Integer> coOrgIds,
                            Integer categoryId, Integer participants, Integer serviceTenths, Integer beneficiaries,
                            String place, String description, boolean highlight, boolean planned) {

    public ActivityInput {
        coOrgIds = coOrgIds == null ? List.of() : List.copyOf(coOrgIds);
    }

    /** The minimum: date, name, organiser, category and the three numbers. */
    public static ActivityInput of(LocalDate date, String name, int orgId, int categoryId, int participants,
                                   int serviceTenths, int beneficiaries) {
        return new ActivityInput(date, null, name, orgId, List.of(), categoryId, participants, serviceTenths, beneficiaries,
                null, null, false, false);
    }

    public ActivityInput withHighlight(boolean h) {
        return new ActivityInput(startDate, endDate, name, orgId, coOrgIds, categoryId, participants, serviceTenths,
                beneficiaries, place, description, h, planned);
    }

    public ActivityInput withPlanned(boolean p) {
        return new ActivityInput(startDate, endDate, name, orgId, coOrgIds, categoryId, participants, serviceTenths,
                beneficiaries, place, description, highlight, p);
    }

    public ActivityInput withCoOrgs(List<Integer> ids) {
        return new ActivityInput(startDate, endDate, name, orgId, ids, categoryId, participants, serviceTenths,
                beneficiaries, place, description, highlight, planned);
    }
}
