package org.taizhang.ui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.db.jooq.Tables.ACTIVITY;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.Fixtures;
import org.taizhang.TestDb;
import org.taizhang.activity.ActivityInput;
import org.taizhang.activity.ActivityRow;
import org.taizhang.activity.ActivityService;
import org.taizhang.activity.ActivitySort;
import org.taizhang.activity.Category;
import org.taizhang.common.FieldError;
import org.taizhang.db.Database;
import org.taizhang.org.OrgService;
import org.taizhang.stats.StatsService;
import org.taizhang.ui.Prompts;
import org.taizhang.ui.TaskRunner;

/** 活动台账's filters, paging, totals, delete/undo and quick entry without a stage: real SQLite, real services. */
class ActivityViewModelTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @TempDir
    Path dir;
    Database db;
    Fixtures.DistrictOrgs orgs;
    ActivityService service;
    /** The questions asked, and the answers given in turn (yes when none is queued). */
    final List<String> asked = new ArrayList<>();
    final Deque<Boolean> answers = new ArrayDeque<>();
    final List<Throwable> failures = new ArrayList<>();
    int changes;

    @BeforeEach
    void open() {
        db = TestDb.open(dir);
        orgs = Fixtures.districtOrgs(new OrgService(db));
        service = new ActivityService(db, Fixtures.clockAt(TODAY, ZoneId.systemDefault()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ActivityViewModel vm(TaskRunner runner) {
        Prompts prompts = new Prompts() {
            @Override
            public boolean confirm(String header, String text) {
                asked.add(header + "｜" + text);
                return answers.isEmpty() || answers.pop();
            }

            @Override
            public void error(Throwable e) {
                failures.add(e);
            }
        };
        ActivityViewModel vm = new ActivityViewModel(service, new OrgService(db), new StatsService(db), runner, prompts, () -> changes++);
        vm.setPeriod(null, null);
        vm.reload();
        return vm;
    }

    private static OrgChoice choice(List<OrgChoice> items, String name) {
        return items.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static Category category(List<Category> items, String name) {
        return items.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private void type(ActivityViewModel vm, String org, String cat, String name, String people, String hours, String benefit) {
        if (org != null) {
            vm.orgProperty().set(choice(vm.formOrgs(), org));
        }
        if (cat != null) {
            vm.categoryProperty().set(category(vm.formCategories(), cat));
        }
        vm.dateProperty().set("２０２６年６月１日");
        vm.nameProperty().set(name);
        vm.participantsProperty().set(people);
        vm.hoursProperty().set(hours);
        vm.beneficiariesProperty().set(benefit);
    }

    @Test
    void quickEntryKeepsOrgCategoryAndDateAndTheTotalsFollowTheFilter() {
        ActivityViewModel vm = vm(TaskRunner.DIRECT);
        assertThat(vm.filterOrgs().getFirst()).isEqualTo(OrgChoice.ALL);
        assertThat(vm.orgFilterProperty().get()).isEqualTo(OrgChoice.ALL);
        assertThat(vm.filterCategories().getFirst()).isEqualTo(ActivityViewModel.ALL_CATEGORIES);
        assertThat(vm.formOrgs()).extracting(OrgChoice::name).containsExactly("示范区群团工作部", "共青团示范区委员会", "𠮷祥社区团委", "示范区妇女联合会");
        assertThat(vm.dateProperty().get()).as("a new entry starts on today").isEqualTo("2026-06-15");
        assertThat(vm.totalsTextProperty().get()).isEqualTo("合计：" + service.totals(vm.currentFilter()).text());

        type(vm, "𠮷祥社区团委", "志愿服务", "学雷锋志愿服务🎉", "１２", "36.5", "200");
        vm.save(false);
        assertThat(failures).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("已保存：学雷锋志愿服务🎉（２０２６年６月１日）");
        assertThat(vm.orgProperty().get().name()).isEqualTo("𠮷祥社区团委");
        assertThat(vm.categoryProperty().get().name()).isEqualTo("志愿服务");
        assertThat(vm.dateProperty().get()).isEqualTo("２０２６年６月１日");
        assertThat(vm.nameProperty().get()).isEmpty();
        assertThat(vm.participantsProperty().get()).isEmpty();
        assertThat(vm.errorsProperty().get()).isNull();
        assertThat(changes).isEqualTo(1);
        type(vm, null, "学习教育", "团课", "30", "", "");
        vm.save(false);
        type(vm, "示范区妇女联合会", "志愿服务", "巾帼志愿服务", "5", "10", "40");
        vm.save(false);
        assertThat(vm.rows()).extracting(ActivityRow::name).containsExactlyInAnyOrder("学雷锋志愿服务🎉", "团课", "巾帼志愿服务");
        assertThat(vm.rows().getFirst().participants() + vm.rows().get(1).participants() + vm.rows().get(2).participants()).isEqualTo(47);
        assertThat(vm.totalsTextProperty().get()).isEqualTo("合计：共 3 场，参与 47 人次，服务 46.5 小时，惠及 240 人");

        vm.categoryFilterProperty().set(category(vm.filterCategories(), "志愿服务"));
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.totalsTextProperty().get()).isEqualTo("合计：共 2 场，参与 17 人次，服务 46.5 小时，惠及 240 人");
        // the subtree of the 团委 together with the category
        vm.orgFilterProperty().set(choice(vm.filterOrgs(), "共青团示范区委员会"));
        assertThat(vm.totalsTextProperty().get()).isEqualTo("合计：共 1 场，参与 12 人次，服务 36.5 小时，惠及 200 人");
        assertThat(vm.shownTotals()).isEqualTo(service.totals(vm.currentFilter()));
        vm.orgFilterProperty().set(OrgChoice.ALL);
        vm.categoryFilterProperty().set(ActivityViewModel.ALL_CATEGORIES);
        vm.searchProperty().set("🎉");
        assertThat(vm.rows()).extracting(ActivityRow::name).containsExactly("学雷锋志愿服务🎉");
        vm.searchProperty().set("");
        vm.setPeriod(LocalDate.of(2026, 6, 2), LocalDate.of(2026, 12, 31));
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.totalsTextProperty().get()).isEqualTo("合计：共 0 场，参与 0 人次，服务 0 小时，惠及 0 人");
        vm.setPeriod(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 6, 1));
        assertThat(vm.totalsTextProperty().get()).isEqualTo("结束日期早于开始日期，请调整时间段");
        vm.setPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
        assertThat(vm.rows()).hasSize(3);
        // the latest year with records is offered to the period filter on every reload
        vm.reload();
        assertThat(vm.latestYearProperty().get()).isEqualTo(2026);
        // sorting is done in SQL: by participants ascending
        vm.sortBy(ActivitySort.PARTICIPANTS, false);
        assertThat(vm.rows()).extracting(ActivityRow::participants).containsExactly(5, 12, 30);
    }

    @Test
    void onlyTouchedFieldsShowProblemsUntilSaveIsTriedAndABadFormAddsNothing() {
        ActivityViewModel vm = vm(TaskRunner.DIRECT);
        vm.participantsProperty().set("-3");
        assertThat(vm.errorsProperty().get()).isNotNull();
        assertThat(vm.errorsProperty().get().errors()).extracting(FieldError::field).containsExactly(ActivityService.F_PARTICIPANTS);
        assertThat(vm.errorsProperty().get().errors().getFirst().message()).contains("负数");
        vm.save(false);
        assertThat(vm.errorsProperty().get().errors()).extracting(FieldError::field)
                .contains(ActivityService.F_PARTICIPANTS, ActivityService.F_NAME, ActivityService.F_ORG);
        assertThat(db.<Integer>read(ctx -> ctx.fetchCount(ACTIVITY))).isZero();
        assertThat(vm.savingProperty().get()).isFalse();
        assertThat(failures).isEmpty();
        // 清空 forgets everything and shows no problems
        vm.resetForm(true);
        assertThat(vm.errorsProperty().get()).isNull();
        assertThat(vm.participantsProperty().get()).isEmpty();
        assertThat(vm.dateProperty().get()).isEqualTo("2026-06-15");
    }

    @Test
    void aDuplicateIsWarnedAboutAndSavedOnlyWhenConfirmed() {
        ActivityViewModel vm = vm(TaskRunner.DIRECT);
        type(vm, "示范区妇女联合会", "志愿服务", "巾帼志愿服务", "5", "10", "40");
        vm.save(false);
        assertThat(vm.duplicateWarningProperty().get()).isEmpty();
        type(vm, null, null, "巾帼志愿服务", "6", "", "");
        assertThat(vm.duplicateWarningProperty().get()).contains("已登记过同名活动").doesNotContain("#");
        answers.push(false);
        vm.save(false);
        assertThat(asked).singleElement().asString().startsWith("可能重复登记｜");
        assertThat(db.<Integer>read(ctx -> ctx.fetchCount(ACTIVITY))).isEqualTo(1);
        assertThat(vm.nameProperty().get()).as("a declined save keeps what was typed").isEqualTo("巾帼志愿服务");
        vm.save(false); // asked again, agreed this time
        assertThat(asked).hasSize(2);
        assertThat(db.<Integer>read(ctx -> ctx.fetchCount(ACTIVITY))).isEqualTo(2);
        assertThat(vm.rows()).hasSize(2);
    }

    @Test
    void deleteAsksFirstAndUndoBringsTheRowsBack() {
        ActivityViewModel vm = vm(TaskRunner.DIRECT);
        for (String n : List.of("一", "二", "三")) {
            type(vm, "示范区群团工作部", "学习教育", "团课" + n, "10", "", "");
            vm.save(false);
        }
        assertThat(vm.rows()).hasSize(3);
        List<ActivityRow> two = List.copyOf(vm.rows().subList(0, 2));
        answers.push(false);
        vm.delete(two);
        assertThat(vm.rows()).as("declined: nothing deleted").hasSize(3);
        vm.delete(two);
        assertThat(asked.getLast()).startsWith("删除所选的 2 场活动？｜连同它们的附件一起删除：\n· 2026-06-01 团课");
        assertThat(vm.rows()).hasSize(1);
        assertThat(vm.totalsTextProperty().get()).startsWith("合计：共 1 场");
        assertThat(vm.statusProperty().get()).isEqualTo("已删除 2 场活动");
        assertThat(vm.undoAvailableProperty().get()).isTrue();
        vm.undoDelete();
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.statusProperty().get()).isEqualTo("已恢复 2 场活动");
        assertThat(vm.undoAvailableProperty().get()).isFalse();
    }

    @Test
    void editLoadsTheActivityAndSavesTheChange() {
        ActivityViewModel vm = vm(TaskRunner.DIRECT);
        type(vm, "𠮷祥社区团委", "志愿服务", "学雷锋志愿服务🎉", "１２", "36.5", "200");
        vm.placeProperty().set("𠮷祥广场");
        vm.save(false);
        int id = vm.rows().getFirst().id();
        vm.edit(id);
        assertThat(vm.editingIdProperty().get()).isEqualTo(id);
        assertThat(vm.formTitleProperty().get()).isEqualTo("编辑活动：2026-06-01 学雷锋志愿服务🎉");
        assertThat(vm.saveTextProperty().get()).isEqualTo("保存修改（Enter）");
        assertThat(vm.participantsProperty().get()).isEqualTo("12");
        assertThat(vm.hoursProperty().get()).isEqualTo("36.5");
        assertThat(vm.placeProperty().get()).isEqualTo("𠮷祥广场");
        assertThat(vm.orgProperty().get().name()).isEqualTo("𠮷祥社区团委");
        assertThat(vm.errorsProperty().get()).as("loading is not typing").isNull();
        vm.participantsProperty().set("１２３");
        vm.save(false);
        assertThat(vm.statusProperty().get()).startsWith("已修改：学雷锋志愿服务🎉");
        assertThat(vm.editingIdProperty().get()).isNull();
        assertThat(vm.formTitleProperty().get()).isEqualTo("快速录入");
        ActivityInput in = service.input(id).orElseThrow();
        assertThat(in.participants()).isEqualTo(123);
        assertThat(in.place()).isEqualTo("𠮷祥广场");
        assertThat(vm.rows()).singleElement().extracting(ActivityRow::participants).isEqualTo(123);
    }

    @Test
    void pagesLoadOnAskAndTheTotalsCoverTheWholeFilter() {
        int cat = service.categoryByName("学习教育").id();
        List<ActivityInput> many = new ArrayList<>();
        for (int i = 0; i < ActivityViewModel.PAGE + 3; i++) {
            many.add(new ActivityInput(LocalDate.of(2025, 1, 1).plusDays(i % 300), null, "团课" + i, orgs.branch(), List.of(), cat, 2, 0, 0,
                    null, null, false, false));
        }
        db.txRun(ctx -> ActivityService.addBatch(ctx, many, n -> { }));
        ActivityViewModel vm = vm(TaskRunner.DIRECT);
        assertThat(vm.rows()).hasSize(ActivityViewModel.PAGE);
        assertThat(vm.moreAvailableProperty().get()).isTrue();
        assertThat(vm.moreTextProperty().get()).isEqualTo("加载更多（已显示 500 / 503）");
        assertThat(vm.totalsTextProperty().get()).startsWith("合计：共 503 场，参与 1,006 人次");
        vm.loadMore();
        assertThat(vm.rows()).hasSize(503);
        assertThat(vm.moreAvailableProperty().get()).isFalse();
        assertThat(vm.rows().stream().map(ActivityRow::id).distinct().count()).isEqualTo(503);
    }

    /** Answers arrive in any order: only the latest filter's rows are shown. */
    @Test
    void aLaterFilterWins() {
        ActivityViewModel direct = vm(TaskRunner.DIRECT);
        type(direct, "示范区妇女联合会", "志愿服务", "巾帼志愿服务", "5", "10", "40");
        direct.save(false);
        type(direct, "𠮷祥社区团委", "学习教育", "团课", "30", "", "");
        direct.save(false);

        List<Runnable> queued = new ArrayList<>();
        TaskRunner deferred = new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
                queued.add(() -> TaskRunner.DIRECT.run(work, onSuccess, onError));
            }
        };
        ActivityViewModel vm = vm(deferred);
        while (!queued.isEmpty()) {
            queued.removeFirst().run(); // the lists, then the rows
        }
        assertThat(vm.rows()).hasSize(2);
        vm.searchProperty().set("巾帼");
        vm.searchProperty().set("团课");
        assertThat(queued).hasSize(2);
        queued.get(1).run();
        queued.get(0).run(); // the older, slower answer arrives last
        assertThat(vm.rows()).extracting(ActivityRow::name).containsExactly("团课");
        assertThat(vm.totalsTextProperty().get()).startsWith("合计：共 1 场，参与 30 人次");
    }
}
