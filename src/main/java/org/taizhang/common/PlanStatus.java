package org.taizhang.common;

/**
 * Status of a plan item. The database stores {@link #code} (V050 converted the labels stored before);
 * {@link #label} is what the clerk reads and types, and this enum is its one home. It lives in {@code common}
 * because both {@code plan} (which owns the items) and {@code stats} (which counts overdue items) read it.
 */
public enum PlanStatus {
    NOT_STARTED("not_started", "未开始"), IN_PROGRESS("in_progress", "进行中"), DONE("done", "已完成"), CANCELLED("cancelled", "已取消");

    public final String code;
    public final String label;

    PlanStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The status stored as {@code code}; an unknown code is a bug (the column's CHECK constraint allows only these). */
    public static PlanStatus ofCode(String code) {
        for (PlanStatus s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalStateException("plan_item.status holds an unknown code: " + code);
    }

    /** A status as typed: its label (未开始 …), code or name; blank → {@link #NOT_STARTED}. */
    public static PlanStatus of(String text) {
        if (text == null || text.isBlank()) {
            return NOT_STARTED;
        }
        String t = text.strip();
        for (PlanStatus s : values()) {
            if (s.label.equals(t) || s.code.equalsIgnoreCase(t) || s.name().equalsIgnoreCase(t)) {
                return s;
            }
        }
        throw new UserException("状态“" + t + "”无效，可选：" + String.join("、", java.util.Arrays.stream(values()).map(s -> s.label).toList()));
    }

    /** True while the item still has to be done (未开始 or 进行中). */
    public boolean open() {
        return this == NOT_STARTED || this == IN_PROGRESS;
    }

    @Override
    public String toString() {
        return label;
    }
}
