package org.taizhang.stats;

import java.math.BigDecimal;

/**
 * The four activity figures of a subtree and period: 场次 (number of activities), 参与人次,
 * 服务时长 in tenths of an hour (exact), 惠及人数.
 */
public record Totals(long activities, long participants, long serviceTenths, long beneficiaries) {
    public static final Totals ZERO = new Totals(0, 0, 0, 0);

    /** 服务时长 in hours, exact to one decimal ("12.5"). */
    public BigDecimal serviceHours() {
        return BigDecimal.valueOf(serviceTenths, 1);
    }

    /** "12.5" / "12" — hours as a summary writes them (no trailing ".0"). */
    public String serviceHoursText() {
        return hoursText(serviceTenths);
    }

    public static String hoursText(long tenths) {
        return org.taizhang.common.Numbers.tenths(tenths);
    }

    public Totals plus(Totals o) {
        return new Totals(activities + o.activities, participants + o.participants, serviceTenths + o.serviceTenths,
                beneficiaries + o.beneficiaries);
    }

    public long get(Metric m) {
        return switch (m) {
            case ACTIVITIES -> activities;
            case PARTICIPANTS -> participants;
            case SERVICE_TENTHS -> serviceTenths;
            case BENEFICIARIES -> beneficiaries;
        };
    }

    /** The activity figures, with their Chinese names and units. */
    public enum Metric {
        ACTIVITIES("场次", "场"), PARTICIPANTS("参与人次", "人次"), SERVICE_TENTHS("服务时长", "小时"), BENEFICIARIES("惠及人数", "人");

        public final String label;
        public final String unit;

        Metric(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }

        /** The value as shown: hours with one decimal, other figures as integers, thousands separated (57,612). */
        public String format(long value) {
            return this == SERVICE_TENTHS ? org.taizhang.common.Numbers.groupedTenths(value) : org.taizhang.common.Numbers.grouped(value);
        }
    }
}
