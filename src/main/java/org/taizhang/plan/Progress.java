package org.taizhang.plan;

/**
 * Target vs actual of one item: {@code actual} is counted from the records (hours as whole hours),
 * {@code percent} is capped at 999.
 */
public record Progress(TargetMetric metric, String categoryName, long target, long actual) {
    public int percent() {
        if (target <= 0) {
            return 0;
        }
        return (int) Math.min(999, actual * 100 / target);
    }

    public boolean reached() {
        return actual >= target;
    }

    /** "志愿服务 开展活动 12/20 场（60%）" */
    public String text() {
        return (categoryName == null ? "" : categoryName + " ") + metric.label + " " + actual + "/" + target + " " + metric.unit
                + "（" + percent() + "%）";
    }
}
