package org.taizhang.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** 同比: a figure now and in the same period of the previous year, with absolute and % change. */
public record Change(long current, long previous) {
    public long delta() {
        return current - previous;
    }

    /** Percentage change with one decimal (HALF_UP); null when the previous figure is 0 (no base to compare). */
    public BigDecimal percent() {
        if (previous == 0) {
            return null;
        }
        return BigDecimal.valueOf(delta() * 100L).divide(BigDecimal.valueOf(previous), 1, RoundingMode.HALF_UP);
    }

    /** "+25.0%", "-3.3%", "持平", or "—" (no previous figure; "新增" when there is a current one). */
    public String percentText() {
        BigDecimal p = percent();
        if (p == null) {
            return current == 0 ? "—" : "新增";
        }
        if (p.signum() == 0) {
            return "持平";
        }
        return (p.signum() > 0 ? "+" : "") + p.toPlainString() + "%";
    }

    /** "+12" / "-3" / "0". */
    public String deltaText() {
        long d = delta();
        return (d > 0 ? "+" : "") + org.taizhang.common.Numbers.grouped(d);
    }
}
