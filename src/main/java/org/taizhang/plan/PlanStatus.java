package org.taizhang.plan;

import org.taizhang.common.UserException;

/** Status of a plan item, stored as its Chinese label. */
public enum PlanStatus {
    NOT_STARTED("未开始"), IN_PROGRESS("进行中"), DONE("已完成"), CANCELLED("已取消");

    public final String label;

    PlanStatus(String label) {
        this.label = label;
    }

    public static PlanStatus of(String text) {
        if (text == null || text.isBlank()) {
            return NOT_STARTED;
        }
        String t = text.strip();
        for (PlanStatus s : values()) {
            if (s.label.equals(t) || s.name().equalsIgnoreCase(t)) {
                return s;
            }
        }
        throw new UserException("状态“" + t + "”无效，可选：未开始、进行中、已完成、已取消");
    }

    @Override
    public String toString() {
        return label;
    }
}
