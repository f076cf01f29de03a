package org.taizhang.activity;

import org.taizhang.common.Numbers;

/**
 * 场次, 参与人次, 服务时长 (tenths of an hour), 惠及人数 over a filter, summed in SQL; {@code planned} says
 * how many of the counted activities are only planned (statistics and summaries leave those out).
 */
public record ActivityTotals(int count, long participants, long serviceTenths, long beneficiaries, int planned) {
    public static final ActivityTotals ZERO = new ActivityTotals(0, 0, 0, 0);

    public ActivityTotals(int count, long participants, long serviceTenths, long beneficiaries) {
        this(count, participants, serviceTenths, beneficiaries, 0);
    }

    public String hours() {
        return Amounts.hours(serviceTenths);
    }

    /** "共 12 场，参与 1,200 人次，服务 1,350.5 小时，惠及 3,000 人" */
    public String text() {
        return "共 " + Numbers.grouped(count) + " 场，参与 " + Numbers.grouped(participants) + " 人次，服务 " + Numbers.groupedTenths(serviceTenths)
                + " 小时，惠及 " + Numbers.grouped(beneficiaries) + " 人"
                + (planned > 0 ? "（其中 " + Numbers.grouped(planned) + " 场为尚未举行的计划，不计入统计）" : "");
    }
}
