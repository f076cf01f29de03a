package org.taizhang.plan;

import java.time.LocalDate;

/** A plan header: organisation, title, period, and the plan it was copied from (if any). */
public record Plan(int id, int orgId, String orgName, String title, LocalDate from, LocalDate to, String periodLabel,
                   Integer copiedFromId, int itemCount) {
    @Override
    public String toString() {
        return title;
    }
}
