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

    /** "12/20 场（60%）", for the plan outline's 目标进度 column (the metric is in the item's fields beside it). */
    public String shortText() {
        return org.taizhang.common.Numbers.grouped(actual) + "/" + org.taizhang.common.Numbers.grouped(target) + " " + metric.unit
                + "（" + percent() + "%）";
    }

    /** "志愿服务 开展活动 12/20 场（60%）" */
    public String text() {
        return (categoryName == null ? "" : categoryName + " ") + metric.label + " " + actual + "/" + target + " " + metric.unit
                + "（" + percent() + "%）";
    }
}
