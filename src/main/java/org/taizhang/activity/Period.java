package org.taizhang.activity;

import java.time.LocalDate;

/** The period presets of the lists (本月, 本季度, 上半年 …), as date ranges relative to today. */
public enum Period {
    THIS_MONTH("本月"), THIS_QUARTER("本季度"), FIRST_HALF("上半年"), SECOND_HALF("下半年"), THIS_YEAR("本年"),
    LAST_YEAR("上一年"), ALL("全部"), CUSTOM("自定义");

    private final String label;

    Period(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** {from, to} inclusive; both null for {@link #ALL} and {@link #CUSTOM}. 上半年/下半年 are of the current year. */
    public LocalDate[] range(LocalDate today) {
        int y = today.getYear();
        return switch (this) {
            case THIS_MONTH -> new LocalDate[] {today.withDayOfMonth(1), today.withDayOfMonth(today.lengthOfMonth())};
            case THIS_QUARTER -> {
                int first = (today.getMonthValue() - 1) / 3 * 3 + 1;
                LocalDate start = LocalDate.of(y, first, 1);
                yield new LocalDate[] {start, start.plusMonths(3).minusDays(1)};
            }
            case FIRST_HALF -> new LocalDate[] {LocalDate.of(y, 1, 1), LocalDate.of(y, 6, 30)};
            case SECOND_HALF -> new LocalDate[] {LocalDate.of(y, 7, 1), LocalDate.of(y, 12, 31)};
            case THIS_YEAR -> new LocalDate[] {LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)};
            case LAST_YEAR -> new LocalDate[] {LocalDate.of(y - 1, 1, 1), LocalDate.of(y - 1, 12, 31)};
            case ALL, CUSTOM -> new LocalDate[] {null, null};
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
