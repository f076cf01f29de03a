package org.taizhang.plan;

import java.time.LocalDate;
import org.taizhang.common.Numbers;

/**
 * A plan header: organisation, title, period, and the plan it was copied from (if any). The period
 * label is never empty: a plan stored without one (an older file, an import, the district example)
 * is named from its dates — 「2021年下半年」 — so the window, the command line and Word all say the same.
 */
public record Plan(int id, int orgId, String orgName, String title, LocalDate from, LocalDate to, String periodLabel,
                   Integer copiedFromId, int itemCount) {
    public Plan {
        if ((periodLabel == null || periodLabel.isBlank()) && from != null && to != null) {
            periodLabel = Numbers.periodTitle(from, to);
        }
    }

    /**
     * The title as the plan list and the window show it: 「…2021年下半年工作计划」 alone when the title
     * already names the period, otherwise followed by the period 「…工作计划（2021年下半年）」.
     */
    public String heading() {
        return headingOf(title, periodLabel);
    }

    /** {@link #heading()} for a title and period label not (yet) saved. */
    public static String headingOf(String title, String periodLabel) {
        String t = title == null ? "" : title.strip();
        if (periodLabel == null || periodLabel.isBlank() || compact(t).contains(compact(periodLabel))) {
            return t;
        }
        return t + "（" + periodLabel.strip() + "）";
    }

    private static String compact(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().filter(c -> !Character.isWhitespace(c) && c != '度' && c != '\u3000')
                .map(c -> c >= '０' && c <= '９' ? c - '０' + '0' : c).forEach(b::appendCodePoint);
        return b.toString();
    }

    @Override
    public String toString() {
        return title;
    }
}
