package org.taizhang.ui.stats;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.taizhang.common.Dates;
import org.taizhang.stats.Period;
import org.taizhang.stats.Report;
import org.taizhang.stats.StatsService;
import org.taizhang.stats.Totals;
import org.taizhang.ui.Dialogs;
import org.taizhang.ui.TaskRunner;

/**
 * The state of 统计分析 without any control: the organisation and period asked for, the headline
 * figures (first, fast) and the full report, the status line. Each {@link #load} supersedes the
 * one before — a slower earlier answer never overwrites a newer one, and the old report is gone
 * as soon as the question changes (no stale figures under a new heading). Tested without a stage.
 */
public final class StatsViewModel {
    /** The headline figures of a period and of the same period a year before. */
    public record Headline(Totals now, Totals before) {
    }

    private final StatsService stats;
    private final TaskRunner runner;
    private final ReadOnlyObjectWrapper<Headline> headline = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Report> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("请选择组织和时段");
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty allCategories = new SimpleBooleanProperty(false);
    private long token;

    public StatsViewModel(StatsService stats, TaskRunner runner) {
        this.stats = stats;
        this.runner = runner;
    }

    /**
     * The statistics period of the time filter's {from, to}: a Chinese reason when a date is missing
     * (a half-filled 自定义) or the two are reversed.
     */
    public static Period period(java.time.LocalDate from, java.time.LocalDate to) {
        if (from == null || to == null) {
            throw new org.taizhang.common.UserException("自定义时段请选好开始日期和结束日期");
        }
        return Period.custom(from, to);
    }

    /** Statistics of {@code root} (null: every organisation) over {@code p}; {@code scope} names it in the heading. */
    public void load(Integer root, String scope, Period p) {
        long t = ++token;
        report.set(null);
        headline.set(null);
        failure.set(null);
        heading.set(scope + " · " + p.label() + "（" + Dates.iso(p.from()) + " 至 " + Dates.iso(p.to()) + "）");
        status.set("正在统计…");
        long t0 = System.nanoTime();
        boolean all = allCategories.get();
        // the four headline figures first (one indexed query each), the breakdowns after
        runner.run(() -> new Headline(stats.totals(root, p), stats.totals(root, p.previousYear())), h -> {
            if (t == token && report.get() == null) {
                headline.set(h);
                status.set(String.format("主要数字用时 %.0f 毫秒，正在统计分类明细…", (System.nanoTime() - t0) / 1e6));
            }
        }, e -> { });
        runner.run(() -> stats.report(root, p, StatsService.DEFAULT_MONTHS, all), r -> {
            if (t != token) {
                return;
            }
            headline.set(new Headline(r.totals(), r.previousTotals()));
            report.set(r);
            status.set(String.format("统计完成，用时 %.0f 毫秒。同比时段：%s。活动按开始日期计入（首尾两天都算），含全部下级组织，不含计划中的活动。",
                    (System.nanoTime() - t0) / 1e6, r.previousPeriod().label()));
        }, e -> {
            if (t == token) {
                status.set("统计失败：" + Dialogs.inlineText(e));
                failure.set(e);
            }
        });
    }

    /** The question is incomplete (a half-typed custom period): the old figures go, the reason shows. */
    public void clear(String reason) {
        token++;
        report.set(null);
        headline.set(null);
        heading.set("请选择组织和时段");
        status.set(reason);
    }

    /** 显示无活动的类别: the next {@link #load} also lists the categories without activities in either period. */
    public BooleanProperty allCategoriesProperty() {
        return allCategories;
    }

    public ReadOnlyObjectProperty<Headline> headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Report> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public Report report() {
        return report.get();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** The failure of the latest load (shown once by the view), or null. */
    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
