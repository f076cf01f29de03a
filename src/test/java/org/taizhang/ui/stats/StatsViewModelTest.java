package org.taizhang.ui.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.TestDb;
import org.taizhang.db.Database;
import org.taizhang.stats.Period;
import org.taizhang.stats.StatsFixtureAccess;
import org.taizhang.stats.StatsService;
import org.taizhang.ui.TaskRunner;

/** 统计分析's state and loading without a stage: real SQLite, the golden fixture, a runner the test drives. */
class StatsViewModelTest {
    @TempDir
    Path dir;
    Database db;
    StatsService stats;

    @BeforeEach
    void open() {
        db = TestDb.open(dir);
        StatsFixtureAccess.load(db);
        stats = new StatsService(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void loadsTheHeadlineThenTheReport() {
        StatsViewModel vm = new StatsViewModel(stats, TaskRunner.DIRECT);
        List<String> seen = new ArrayList<>();
        vm.headlineProperty().addListener((o, a, h) -> seen.add(h == null ? "-" : "headline " + h.now().activities()));
        vm.load(StatsFixtureAccess.ROOT, "区群团工作部", Period.firstHalf(2021));
        assertThat(vm.report()).isNotNull();
        assertThat(vm.report().totals().activities()).isEqualTo(5);
        assertThat(vm.report().totals().participants()).isEqualTo(71);
        assertThat(vm.headlineProperty().get().now().activities()).isEqualTo(5);
        assertThat(vm.headingProperty().get()).isEqualTo("区群团工作部 · 2021年上半年（2021-01-01 至 2021-06-30）");
        assertThat(vm.statusProperty().get()).startsWith("统计完成").contains("同比时段：2020年上半年");
        assertThat(seen).contains("headline 5");
    }

    @Test
    void showsTheCategoriesWithoutActivitiesOnlyWhenAsked() {
        StatsViewModel vm = new StatsViewModel(stats, TaskRunner.DIRECT);
        vm.load(StatsFixtureAccess.ROOT, "区群团工作部", Period.firstHalf(2021));
        assertThat(vm.report().byCategory()).hasSize(4).allMatch(r -> r.totals().activities() + r.previous().activities() > 0);
        vm.allCategoriesProperty().set(true);
        vm.load(StatsFixtureAccess.ROOT, "区群团工作部", Period.firstHalf(2021));
        assertThat(vm.report().byCategory()).hasSize(11).anyMatch(r -> r.totals().activities() + r.previous().activities() == 0);
        assertThat(vm.report().totals().activities()).isEqualTo(5);
    }

    @Test
    void theTimeFilterRangeIsTheStatisticsPeriod() {
        assertThat(StatsViewModel.period(java.time.LocalDate.of(2021, 7, 1), java.time.LocalDate.of(2021, 9, 30)))
                .isEqualTo(Period.quarter(2021, 3)).extracting(Period::label).isEqualTo("2021年第三季度");
        assertThat(StatsViewModel.period(java.time.LocalDate.of(2021, 1, 1), java.time.LocalDate.of(2021, 12, 31)).label()).isEqualTo("2021年");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StatsViewModel.period(null, java.time.LocalDate.of(2021, 1, 1)))
                .isInstanceOf(org.taizhang.common.UserException.class).hasMessage("自定义时段请选好开始日期和结束日期");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StatsViewModel.period(java.time.LocalDate.of(2021, 3, 1),
                java.time.LocalDate.of(2021, 2, 1))).isInstanceOf(org.taizhang.common.UserException.class).hasMessageContaining("晚于结束日期");
    }

    /** Answers arrive in any order: only the latest question's answer is shown, and a new question clears the old report at once. */
    @Test
    void aLaterQuestionWinsAndTheOldReportGoesAtOnce() {
        List<Runnable> queued = new ArrayList<>();
        TaskRunner deferred = new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
                queued.add(() -> TaskRunner.DIRECT.run(work, onSuccess, onError));
            }
        };
        StatsViewModel vm = new StatsViewModel(stats, deferred);
        vm.load(StatsFixtureAccess.ROOT, "区群团工作部", Period.firstHalf(2021));
        queued.forEach(Runnable::run);
        queued.clear();
        assertThat(vm.report().rootOrgId()).isEqualTo(StatsFixtureAccess.ROOT);

        vm.load(StatsFixtureAccess.ROOT, "区群团工作部", Period.year(2021));
        assertThat(vm.report()).as("no stale report under the new heading").isNull();
        vm.load(StatsFixtureAccess.LEAGUE, "区团委", Period.firstHalf(2021));
        List<Runnable> firstQuestion = new ArrayList<>(queued.subList(0, 2));
        List<Runnable> secondQuestion = new ArrayList<>(queued.subList(2, 4));
        secondQuestion.forEach(Runnable::run);
        firstQuestion.forEach(Runnable::run); // the slower, older answer arrives last
        assertThat(vm.report().rootOrgId()).isEqualTo(StatsFixtureAccess.LEAGUE);
        assertThat(vm.report().totals().activities()).isEqualTo(1);
        assertThat(vm.headingProperty().get()).startsWith("区团委 · 2021年上半年");

        vm.clear("自定义时段请选好开始日期和结束日期");
        assertThat(vm.report()).isNull();
        assertThat(vm.headlineProperty().get()).isNull();
        assertThat(vm.statusProperty().get()).isEqualTo("自定义时段请选好开始日期和结束日期");
    }
}
