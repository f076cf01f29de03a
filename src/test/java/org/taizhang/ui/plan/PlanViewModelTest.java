package org.taizhang.ui.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.db.jooq.Tables.PLAN_ITEM;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.Fixtures;
import org.taizhang.TestDb;
import org.taizhang.common.PlanStatus;
import org.taizhang.db.Database;
import org.taizhang.org.OrgService;
import org.taizhang.plan.PlanOutline;
import org.taizhang.plan.PlanService;
import org.taizhang.plan.TargetMetric;
import org.taizhang.report.SummaryComposer;
import org.taizhang.report.SummaryTemplate;
import org.taizhang.ui.Prompts;
import org.taizhang.ui.TaskRunner;
import org.taizhang.ui.plan.PlanViewModel.Where;

/** 工作计划's outline editing, dirty state, saving from a snapshot, switching and export without a stage: real SQLite, real services. */
class PlanViewModelTest {
    @TempDir
    Path dir;
    Database db;
    Fixtures.DistrictOrgs orgs;
    final List<String> asked = new ArrayList<>();
    final List<Runnable> queued = new ArrayList<>();
    boolean deferring;
    int changes;

    /** Runs at once, or — while {@link #deferring} — keeps the work until the test runs it (a slow database thread). */
    final TaskRunner runner = new TaskRunner() {
        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
            if (deferring) {
                queued.add(() -> TaskRunner.DIRECT.run(work, onSuccess, onError));
            } else {
                TaskRunner.DIRECT.run(work, onSuccess, onError);
            }
        }
    };

    @BeforeEach
    void open() {
        db = TestDb.open(dir);
        orgs = Fixtures.districtOrgs(new OrgService(db));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private PlanViewModel vm() {
        Prompts prompts = new Prompts() {
            @Override
            public boolean confirm(String header, String text) {
                asked.add(header);
                return true;
            }

            @Override
            public void error(Throwable e) {
                throw new AssertionError(e);
            }
        };
        PlanViewModel vm = new PlanViewModel(new PlanService(db), new OrgService(db), runner, prompts, () -> changes++, (p, file) -> {
            SummaryComposer composer = new SummaryComposer(db);
            composer.export(composer.draft(p.orgId(), p.from(), p.to(), SummaryTemplate.PLAN, p.id()), file);
        });
        vm.reload();
        return vm;
    }

    private static List<String> lines(PlanOutline o) {
        return o.lines().stream().map(l -> l.number() + l.node().fields().lead() + "|" + (l.node().fields().body() == null ? "" : l.node().fields().body()))
                .toList();
    }

    private List<String> storedLeads() {
        return db.read(ctx -> ctx.select(PLAN_ITEM.LEAD).from(PLAN_ITEM).orderBy(PLAN_ITEM.ID).fetch(PLAN_ITEM.LEAD));
    }

    /** A new plan of the league for 2026 with 一、思想引领 → 一是…, 二是…; 二、组织建设 → 一是… (not saved). */
    private PlanViewModel planWithOutline() {
        PlanViewModel vm = vm();
        vm.orgProperty().set(vm.orgs().stream().filter(o -> o.id() == orgs.league()).findFirst().orElseThrow());
        vm.newPeriodProperty().set("２０２６年");
        vm.newTitleProperty().set("𠮷祥社区团委２０２６年工作计划🎉");
        vm.createPlan();
        assertThat(vm.currentPlan().periodLabel()).isEqualTo("2026年");
        assertThat(vm.titleProperty().get()).isEqualTo("𠮷祥社区团委２０２６年工作计划🎉");
        vm.add(Where.SECTION);
        vm.leadProperty().set("思想引领");
        vm.add(Where.CHILD);
        vm.leadProperty().set("深化思想政治引领。");
        vm.bodyProperty().set("组织团员青年学习🎉，全年１２３场");
        vm.add(Where.AFTER);
        vm.leadProperty().set("加强网络宣传。");
        vm.bodyProperty().set("办好𠮷祥公众号");
        vm.add(Where.SECTION);
        vm.leadProperty().set("组织建设");
        vm.add(Where.CHILD);
        vm.leadProperty().set("完成换届。");
        vm.statusProperty().set(PlanStatus.IN_PROGRESS);
        vm.dueProperty().set(LocalDate.of(2026, 9, 30));
        vm.ownerProperty().set(vm.orgs().stream().filter(o -> o.id() == orgs.branch()).findFirst().orElseThrow());
        vm.metricProperty().set(TargetMetric.ELECTIONS);
        vm.targetProperty().set("１２");
        vm.apply();
        return vm;
    }

    @Test
    void editingTheOutlineMarksItUnsavedAndEveryStepCanBeUndone() {
        PlanViewModel vm = planWithOutline();
        assertThat(lines(vm.currentOutline())).containsExactly("一、思想引领|", "一是深化思想政治引领。|组织团员青年学习🎉，全年１２３场",
                "二是加强网络宣传。|办好𠮷祥公众号", "二、组织建设|", "一是完成换届。|");
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.titleProperty().get()).endsWith(" · 未保存");
        assertThat(storedLeads()).as("nothing is written before 保存").isEmpty();

        // select 二是 (typing for the selected line goes into it when the selection moves)
        long second = vm.currentOutline().lines().get(2).node().key();
        vm.select(second);
        assertThat(vm.leadProperty().get()).isEqualTo("加强网络宣传。");
        vm.moveUp();
        assertThat(lines(vm.currentOutline()).get(1)).startsWith("一是加强网络宣传。");
        vm.undo();
        assertThat(lines(vm.currentOutline()).get(1)).startsWith("一是深化思想政治引领。");
        // Tab under the previous item makes that one a （一） subsection; Shift+Tab brings it back
        vm.select(second);
        vm.indent();
        assertThat(lines(vm.currentOutline())).startsWith("一、思想引领|", "（一）深化思想政治引领。|组织团员青年学习🎉，全年１２３场",
                "一是加强网络宣传。|办好𠮷祥公众号");
        vm.outdent();
        assertThat(lines(vm.currentOutline()).get(2)).startsWith("二是加强网络宣传。");
        // a first item cannot be indented: the reason shows and nothing changes
        vm.select(vm.currentOutline().lines().get(1).node().key());
        int revision = vm.revisionProperty().get();
        vm.indent();
        assertThat(vm.revisionProperty().get()).isGreaterThan(revision);
        assertThat(lines(vm.currentOutline()).get(1)).startsWith("一是深化思想政治引领。");
        // typed but not applied: kept when another line is selected
        vm.leadProperty().set("深化思想政治引领（改）。");
        vm.select(second);
        assertThat(lines(vm.currentOutline()).get(1)).startsWith("一是深化思想政治引领（改）。");
        // delete, then undo
        vm.delete();
        assertThat(vm.currentOutline().lines()).hasSize(4);
        assertThat(vm.selectedProperty().get()).isNull();
        vm.undo();
        assertThat(vm.currentOutline().lines()).hasSize(5);
        // a target that is not a number is refused with the reason, the line unchanged
        vm.select(second);
        vm.targetProperty().set("二十");
        vm.apply();
        assertThat(vm.messageProperty().get()).isEqualTo("目标值：“二十”不是整数，请填写如 20");
        assertThat(vm.currentOutline().find(second).fields().targetValue()).isNull();
        // dragging 二、组织建设's item onto 一是 puts it there
        long last = vm.currentOutline().lines().get(4).node().key();
        vm.moveOnto(last, vm.currentOutline().lines().get(1).node().key());
        assertThat(lines(vm.currentOutline())).extracting(s -> s.substring(0, s.indexOf('|')))
                .startsWith("一、思想引领", "一是完成换届。", "二是深化思想政治引领（改）。");
    }

    @Test
    void saveThenReloadGivesBackWhatWasEdited() {
        PlanViewModel vm = planWithOutline();
        List<String> edited = lines(vm.currentOutline());
        int planId = vm.currentPlan().id();
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("已保存");
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.titleProperty().get()).doesNotContain("未保存");
        assertThat(changes).isEqualTo(1);
        assertThat(vm.plans()).singleElement().satisfies(p -> assertThat(p.itemCount()).isEqualTo(5));
        assertThat(storedLeads()).containsExactlyInAnyOrder("思想引领", "深化思想政治引领。", "加强网络宣传。", "组织建设", "完成换届。");

        // a fresh view-model (the next start) opens the same plan from the database
        PlanViewModel again = vm();
        again.orgProperty().set(again.orgs().stream().filter(o -> o.id() == orgs.league()).findFirst().orElseThrow());
        assertThat(again.currentPlan().id()).as("the newest plan of the organisation opens by itself").isEqualTo(planId);
        assertThat(lines(again.currentOutline())).isEqualTo(edited);
        assertThat(again.titleProperty().get()).isEqualTo("𠮷祥社区团委２０２６年工作计划🎉");
        again.select(again.currentOutline().lines().get(4).node().key());
        assertThat(again.statusProperty().get()).isEqualTo(PlanStatus.IN_PROGRESS);
        assertThat(again.dueProperty().get()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(again.ownerProperty().get().name()).isEqualTo("𠮷祥社区团委");
        assertThat(again.metricProperty().get()).isEqualTo(TargetMetric.ELECTIONS);
        assertThat(again.targetProperty().get()).isEqualTo("12");
        assertThat(again.progressText(again.currentOutline().lines().get(4).node())).contains("12");
        assertThat(again.dirtyProperty().get()).isFalse();
    }

    @Test
    void aRejectedSaveLeavesTheDatabaseAsItWasAndTheEditsOpen() {
        PlanViewModel vm = planWithOutline();
        vm.save();
        List<String> before = storedLeads();
        // an empty item and a target without a metric: both named by their numbers
        vm.select(vm.currentOutline().lines().get(2).node().key());
        vm.add(Where.AFTER);
        vm.select(vm.currentOutline().lines().get(1).node().key());
        vm.leadProperty().set("改过但不会保存的要点");
        vm.metricProperty().set(null);
        vm.targetProperty().set("５");
        vm.apply();
        vm.save();
        assertThat(vm.messageProperty().get()).contains("“一、三是”没有内容").contains("没有选择目标指标");
        assertThat(storedLeads()).isEqualTo(before);
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.titleProperty().get()).endsWith(" · 未保存");
        assertThat(lines(vm.currentOutline()).get(1)).startsWith("一是改过但不会保存的要点");
    }

    /** The outline is copied when 保存 is pressed: lines added while the database thread writes stay unsaved, and nothing races. */
    @Test
    void saveWritesTheSnapshotTakenWhenAskedWhileEditingGoesOn() {
        PlanViewModel vm = planWithOutline();
        deferring = true;
        vm.save();
        assertThat(queued).hasSize(1);
        // the clerk goes on editing before the database thread runs
        vm.select(vm.currentOutline().lines().get(4).node().key());
        vm.add(Where.AFTER);
        vm.leadProperty().set("保存后才加的一条。");
        vm.apply();
        deferring = false;
        queued.removeFirst().run();
        assertThat(storedLeads()).hasSize(5).doesNotContain("保存后才加的一条。");
        assertThat(vm.currentOutline().lines()).hasSize(6);
        assertThat(vm.dirtyProperty().get()).as("the later line is still unsaved").isTrue();
        assertThat(vm.currentOutline().lines().get(4).node().id()).as("saved lines got their rows").isNotNull();
        vm.save();
        assertThat(storedLeads()).hasSize(6).contains("保存后才加的一条。");
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void openingAnotherPlanSavesTheOpenOneFirstAndDeleteAsks() {
        PlanViewModel vm = planWithOutline();
        int first = vm.currentPlan().id();
        vm.newPeriodProperty().set("2027年");
        vm.newTitleProperty().set("");
        vm.createPlan();
        assertThat(vm.messageProperty().get()).isEqualTo("已新建计划；已自动保存“𠮷祥社区团委２０２６年工作计划🎉”");
        assertThat(vm.currentPlan().periodLabel()).isEqualTo("2027年");
        assertThat(vm.currentPlan().title()).isEqualTo("共青团示范区委员会2027年工作计划");
        assertThat(storedLeads()).as("the 2026 plan was saved on the way").hasSize(5);
        assertThat(vm.plans()).hasSize(2);
        // the year filter narrows the list
        vm.yearFilterProperty().set("２０２６");
        assertThat(vm.plans()).singleElement().satisfies(p -> assertThat(p.id()).isEqualTo(first));
        vm.yearFilterProperty().set("");
        vm.open(vm.plans().stream().filter(p -> p.id() == first).findFirst().orElseThrow());
        assertThat(vm.currentOutline().lines()).hasSize(5);
        vm.deletePlan();
        assertThat(asked).containsExactly("删除计划“𠮷祥社区团委２０２６年工作计划🎉”？");
        assertThat(vm.currentPlan().periodLabel()).as("the remaining plan opens").isEqualTo("2027年");
        assertThat(vm.messageProperty().get()).isEqualTo("已删除计划“𠮷祥社区团委２０２６年工作计划🎉”");
        assertThat(vm.plans()).hasSize(1);
        assertThat(storedLeads()).isEmpty();
    }

    @Test
    void exportSavesFirstAndWritesTheWordFile() throws Exception {
        PlanViewModel vm = planWithOutline();
        Path docx = dir.resolve("计划𠮷.docx");
        List<Path> done = new ArrayList<>();
        vm.exportTo(docx, done::add);
        assertThat(done).containsExactly(docx);
        assertThat(vm.messageProperty().get()).isEqualTo("已导出：" + docx);
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(storedLeads()).hasSize(5);
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx))) {
            List<String> texts = d.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).contains("一是深化思想政治引领。组织团员青年学习🎉，全年１２３场。二是加强网络宣传。办好𠮷祥公众号。");
        }
    }

    @Test
    void nothingHappensWithoutAPlanButTheReasonShows() {
        PlanViewModel vm = vm();
        vm.add(Where.SECTION);
        assertThat(vm.messageProperty().get()).isEqualTo("请先选择或新建一个计划");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("请先选择或新建一个计划");
        vm.newPeriodProperty().set("2021H3");
        vm.createPlan();
        assertThat(vm.messageProperty().get()).contains("不是统计时段");
        assertThat(vm.plans()).isEmpty();
    }
}
