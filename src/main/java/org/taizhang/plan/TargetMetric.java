package org.taizhang.plan;

import org.taizhang.common.UserException;

/**
 * What a measurable target counts, from the records of the plan's organisation subtree in the plan's
 * period: activities (optionally of one category), 人次, 服务时长, 惠及人数, 换届 completed, new
 * organisations, honours. Stored in {@code plan_item.target_metric} by {@link #code}.
 */
public enum TargetMetric {
    ACTIVITIES("activities", "开展活动", "场", true),
    PARTICIPANTS("participants", "参与人次", "人次", true),
    SERVICE_HOURS("service_hours", "服务时长", "小时", true),
    BENEFICIARIES("beneficiaries", "惠及群众", "人", true),
    ELECTIONS("elections", "完成换届", "个", false),
    FOUNDED("founded", "新建组织", "个", false),
    HONORS("honors", "获得荣誉", "项", false);

    public final String code;
    public final String label;
    public final String unit;
    /** Whether a category narrows it (activity figures only). */
    public final boolean byCategory;

    TargetMetric(String code, String label, String unit, boolean byCategory) {
        this.code = code;
        this.label = label;
        this.unit = unit;
        this.byCategory = byCategory;
    }

    /** By code ("elections") or Chinese label ("完成换届"); null/blank → null. */
    public static TargetMetric of(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        for (TargetMetric m : values()) {
            if (m.code.equalsIgnoreCase(t) || m.label.equals(t) || m.name().equalsIgnoreCase(t)) {
                return m;
            }
        }
        StringBuilder b = new StringBuilder();
        for (TargetMetric m : values()) {
            b.append(b.isEmpty() ? "" : "、").append(m.code).append("（").append(m.label).append("）");
        }
        throw new UserException("目标指标“" + t + "”无效，可选：" + b);
    }

    @Override
    public String toString() {
        return label;
    }
}
