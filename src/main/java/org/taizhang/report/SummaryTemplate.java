package org.taizhang.report;

import org.taizhang.common.UserException;

/** What the composer drafts: 工作总结, 工作计划, or 总结+计划 (summary with the next period's plan). */
public enum SummaryTemplate {
    SUMMARY("工作总结"), PLAN("工作计划"), BOTH("总结+计划");

    public final String label;

    SummaryTemplate(String label) {
        this.label = label;
    }

    public static SummaryTemplate of(String text) {
        if (text == null || text.isBlank()) {
            return SUMMARY;
        }
        String t = text.strip().replace("＋", "+").replace("及", "+").replace("和", "+");
        for (SummaryTemplate s : values()) {
            if (s.label.equals(t) || s.name().equalsIgnoreCase(t)) {
                return s;
            }
        }
        if (t.equals("总结")) {
            return SUMMARY;
        }
        if (t.equals("计划")) {
            return PLAN;
        }
        throw new UserException("模板“" + text.strip() + "”无效，可选：工作总结、工作计划、总结+计划");
    }

    @Override
    public String toString() {
        return label;
    }
}
