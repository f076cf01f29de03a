package org.taizhang.activity;

import org.taizhang.common.Dates;

import java.time.LocalDate;
import java.util.List;

/** One activity as lists show it, with the organiser's and category's names. */
public record ActivityRow(int id, LocalDate startDate, LocalDate endDate, String name, int orgId, String orgName,
                          int categoryId, String categoryName, int participants, int serviceTenths, int beneficiaries,
                          String place, String description, boolean highlight, boolean planned, List<String> coOrgNames,
                          int attachmentCount) {

    /** 服务时长 with one decimal, e.g. "12.5". */
    public String hours() {
        return Amounts.hours(serviceTenths);
    }

    /** "2024-03-05", or "2024-03-05—03-07" for several days (see {@link Dates#isoRange}). */
    public String dateText() {
        return Dates.isoRange(startDate, endDate == null ? startDate : endDate);
    }
}
