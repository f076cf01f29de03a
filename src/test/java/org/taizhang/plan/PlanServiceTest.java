package org.taizhang.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taizhang.db.jooq.Tables.CHANGE_LOG;
import static org.taizhang.db.jooq.Tables.PLAN;
import static org.taizhang.db.jooq.Tables.PLAN_ITEM;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.Fixtures;
import org.taizhang.TestDb;
import org.taizhang.common.PlanStatus;
import org.taizhang.common.ValidationException;
import org.taizhang.db.Database;
import org.taizhang.stats.Period;
import org.taizhang.stats.StatsService;

class PlanServiceTest {
    @TempDir
    Path dir;
    Database db;
    PlanService plans;
    int root;
    int child;

    @BeforeEach
    void open() {
        db = TestDb.open(dir);
        plans = new PlanService(db);
        root = Fixtures.org(db, "示范区群团工作部", null, 1, LocalDate.of(2010, 1, 1), null);
        child = Fixtures.org(db, "𠮷祥社区团委", root, 3, LocalDate.of(2021, 3, 1), LocalDate.of(2021, 5, 1));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private int newPlan(int year) {
        return plans.create(new PlanInput(root, year + "年工作计划", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null));
    }

    private List<String> shape(PlanOutline o) {
        return o.lines().stream().map(l -> "  ".repeat(l.depth()) + l.number() + l.node().fields().text()).toList();
    }

    @Test
    void aPlanStoredWithoutPeriodLabelIsNamedFromItsDates() {
        int id = newPlan(2027);
        db.txRun(ctx -> ctx.update(PLAN).setNull(PLAN.PERIOD_LABEL).where(PLAN.ID.eq(id)).execute());
        int half = plans.create(new PlanInput(root, "下半年计划𠮷🎉", LocalDate.of(2021, 7, 1), LocalDate.of(2021, 12, 31), null));
        db.txRun(ctx -> ctx.update(PLAN).set(PLAN.PERIOD_LABEL, " ").where(PLAN.ID.eq(half)).execute());
        Plan p = plans.require(id);
        assertThat(p.periodLabel()).isEqualTo("2027年");
        assertThat(plans.list(root, null)).extracting(Plan::periodLabel).containsExactlyInAnyOrder("2027年", "2021年下半年");
        // the title already names the period: not said twice
        assertThat(p.heading()).isEqualTo("2027年工作计划");
        assertThat(plans.require(half).heading()).isEqualTo("下半年计划𠮷🎉（2021年下半年）");
        assertThat(Plan.headingOf("示范区群团工作部2027年度工作计划", "2027年")).isEqualTo("示范区群团工作部2027年度工作计划");
        assertThat(Plan.headingOf("示范区群团工作部2021年 下半年工作计划", "2021年下半年")).isEqualTo("示范区群团工作部2021年 下半年工作计划");
        assertThat(Plan.headingOf("２０２７年计划", "2027年")).isEqualTo("２０２７年计划");
        assertThat(Plan.headingOf("重点工作计划", "2027年")).isEqualTo("重点工作计划（2027年）");
    }

    @Test
    void createListAndHeaderValidation() {
        int id = newPlan(2022);
        Plan p = plans.require(id);
        assertThat(p.title()).isEqualTo("2022年工作计划");
        assertThat(p.periodLabel()).isEqualTo("2022年");
        assertThat(p.orgName()).isEqualTo("示范区群团工作部");
        assertThat(plans.list(root, 2022)).extracting(Plan::id).containsExactly(id);
        assertThat(plans.list(root, 2021)).isEmpty();
        assertThat(plans.list(null, null)).hasSize(1);

        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> plans.create(new PlanInput(null, " ", LocalDate.of(2022, 12, 31), LocalDate.of(2022, 1, 1), null)));
        assertThat(e.messageFor(PlanService.F_ORG)).contains("请选择");
        assertThat(e.messageFor(PlanService.F_TITLE)).contains("不能为空");
        assertThat(e.messageFor(PlanService.F_TO)).contains("早于开始日期");
        assertThatThrownBy(() -> plans.create(new PlanInput(999, "x", LocalDate.of(2022, 1, 1), LocalDate.of(2022, 2, 1), null)))
                .hasMessageContaining("不存在");
        assertThat(db.<Integer>read(ctx -> ctx.fetchCount(PLAN))).isEqualTo(1);
    }

    @Test
    void saveAndReloadRoundTripWithEveryField() {
        int id = newPlan(2022);
        PlanOutline o = plans.load(id);
        PlanNode s1 = o.addSection(ItemFields.heading("深化思想引领"));
        PlanNode sub = o.addChild(s1.key(), ItemFields.heading("学习教育"));
        o.addChild(sub.key(), new ItemFields("组织专题学习。", "全年不少于１２次🎉", child, LocalDate.of(2022, 6, 30),
                PlanStatus.IN_PROGRESS, TargetMetric.ACTIVITIES, 1, 12, false));
        PlanNode s2 = o.addSection(ItemFields.heading("加强组织建设"));
        o.addChild(s2.key(), ItemFields.item("完成换届。", "２５个社区").withTarget(TargetMetric.ELECTIONS, null, 25));
        plans.save(id, o);
        assertThat(o.dirty()).isFalse();
        assertThat(o.lines()).allSatisfy(l -> assertThat(l.node().id()).isNotNull());

        PlanOutline back = plans.load(id);
        assertThat(shape(back)).containsExactly("一、深化思想引领", "  （一）学习教育", "    一是组织专题学习。全年不少于１２次🎉",
                "二、加强组织建设", "  一是完成换届。２５个社区");
        ItemFields f = back.items().getFirst().node().fields();
        assertThat(f.ownerOrgId()).isEqualTo(child);
        assertThat(f.dueDate()).isEqualTo(LocalDate.of(2022, 6, 30));
        assertThat(f.status()).isEqualTo(PlanStatus.IN_PROGRESS);
        assertThat(f.metric()).isEqualTo(TargetMetric.ACTIVITIES);
        assertThat(f.targetCategoryId()).isEqualTo(1);
        assertThat(f.targetValue()).isEqualTo(12);
        assertThat(plans.require(id).itemCount()).isEqualTo(5);

        // reorder, outdent, delete and save again: rows follow, ids of kept rows stay
        int keptId = back.items().get(1).node().id();
        PlanNode first = back.roots().getFirst();
        back.moveDown(first.key());
        back.delete(back.roots().get(1).key());
        plans.save(id, back);
        PlanOutline again = plans.load(id);
        assertThat(shape(again)).containsExactly("一、加强组织建设", "  一是完成换届。２５个社区");
        assertThat(again.items().getFirst().node().id()).isEqualTo(keptId);
        assertThat(db.<Integer>read(ctx -> ctx.fetchCount(PLAN_ITEM))).isEqualTo(2);
        assertThat(db.<Integer>read(ctx -> ctx.fetchCount(CHANGE_LOG, CHANGE_LOG.TABLE_NAME.eq("plan_item").and(CHANGE_LOG.ACTION.eq("delete")))))
                .isEqualTo(3);

        // saving again without an edit (Ctrl+S twice) writes no update and no change-log entry
        int logBefore = db.<Integer>read(ctx -> ctx.fetchCount(CHANGE_LOG));
        plans.save(id, plans.load(id));
        assertThat(db.<Integer>read(ctx -> ctx.fetchCount(CHANGE_LOG))).isEqualTo(logBefore);
        PlanOutline edited = plans.load(id);
        PlanNode item = edited.items().getFirst().node();
        edited.edit(item.key(), item.fields().withStatus(PlanStatus.DONE));
        plans.save(id, edited);
        assertThat(db.<Integer>read(ctx -> ctx.fetchCount(CHANGE_LOG))).isEqualTo(logBefore + 1);
    }

    @Test
    void badOutlineIsRefusedAndNothingIsWritten() {
        int id = newPlan(2022);
        PlanOutline o = plans.load(id);
        PlanNode s = o.addSection(ItemFields.heading("好的"));
        o.addChild(s.key(), ItemFields.item("有内容。", ""));
        plans.save(id, o);
        int logBefore = db.read(ctx -> ctx.fetchCount(CHANGE_LOG));

        PlanOutline bad = plans.load(id);
        PlanNode empty = bad.addSection(ItemFields.heading("  "));
        bad.addChild(empty.key(), ItemFields.item("", " "));
        bad.addChild(empty.key(), ItemFields.item("目标。", "").withTarget(TargetMetric.ACTIVITIES, null, 0));
        bad.addChild(empty.key(), ItemFields.item("无指标。", "").withTarget(null, null, 5));
        bad.addChild(empty.key(), ItemFields.item("责任。", "").withOwner(4242));
        bad.edit(bad.roots().getFirst().key(), ItemFields.heading("改了"));
        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class, () -> plans.save(id, bad));
        assertThat(e.getMessage()).contains("“二、”的标题不能为空").contains("“二、一是”没有内容")
                .contains("“二、二是”的目标值应为大于 0 的整数").contains("没有选择目标指标").contains("责任组织 #4242 不存在");
        assertThat(shape(plans.load(id))).containsExactly("一、好的", "  一是有内容。");
        assertThat(db.<Integer>read(ctx -> ctx.fetchCount(CHANGE_LOG))).isEqualTo(logBefore);
    }

    @Test
    void copyForwardMarksItemsCarriedOver() {
        int id = newPlan(2021);
        PlanOutline o = plans.load(id);
        PlanNode s = o.addSection(ItemFields.heading("组织建设"));
        o.addChild(s.key(), ItemFields.item("换届。", "").withStatus(PlanStatus.IN_PROGRESS).withDue(LocalDate.of(2021, 6, 30)));
        o.addChild(s.key(), ItemFields.item("建站。", "").withStatus(PlanStatus.DONE));
        plans.save(id, o);
        assertThat(plans.previous(root, LocalDate.of(2022, 1, 1))).get().extracting(Plan::id).isEqualTo(id);
        assertThat(plans.previous(root, LocalDate.of(2021, 1, 1))).isEmpty();

        int copy = plans.copyFrom(id, new PlanInput(root, "2022年工作计划", LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), null));
        assertThat(plans.require(copy).copiedFromId()).isEqualTo(id);
        PlanOutline c = plans.load(copy);
        assertThat(shape(c)).containsExactly("一、组织建设", "  一是换届。", "  二是建站。");
        assertThat(c.items()).allSatisfy(l -> assertThat(l.node().fields().carriedOver()).isTrue());
        assertThat(c.roots().getFirst().fields().carriedOver()).isFalse();
        assertThat(c.items().get(0).node().fields().status()).isEqualTo(PlanStatus.IN_PROGRESS);
        assertThat(c.items().get(0).node().fields().dueDate()).isEqualTo(LocalDate.of(2022, 6, 30));
        assertThat(c.items().get(1).node().fields().status()).isEqualTo(PlanStatus.NOT_STARTED);
        // the source is untouched
        assertThat(plans.load(id).items()).allSatisfy(l -> assertThat(l.node().fields().carriedOver()).isFalse());
        plans.delete(id);
        assertThat(plans.require(copy).copiedFromId()).isNull();
        assertThat(plans.load(copy).items()).hasSize(2);
    }

    @Test
    void progressEqualsTheStatistics() {
        LocalDate d = LocalDate.of(2022, 3, 5);
        Fixtures.activity(db, child, 2, d, 30, 125, 40, false);
        Fixtures.activity(db, child, 2, d.plusDays(1), 20, 10, 5, false);
        Fixtures.activity(db, root, 1, d, 5, 0, 0, false);
        Fixtures.activity(db, child, 2, d, 99, 99, 99, true); // planned, not held: not counted
        Fixtures.activity(db, child, 2, LocalDate.of(2021, 12, 31), 99, 99, 99, false); // before the period
        Fixtures.org(db, "新社区妇联", root, 6, LocalDate.of(2022, 4, 1), LocalDate.of(2022, 4, 1));
        Fixtures.honor(db, child, d, "五四红旗团支部", "省级");
        int id = newPlan(2022);
        PlanOutline o = plans.load(id);
        PlanNode s = o.addSection(ItemFields.heading("目标"));
        PlanNode vol = o.addChild(s.key(), ItemFields.item("志愿服务。", "").withTarget(TargetMetric.ACTIVITIES, 2, 20));
        PlanNode hours = o.addChild(s.key(), ItemFields.item("时长。", "").withTarget(TargetMetric.SERVICE_HOURS, 2, 10));
        PlanNode all = o.addChild(s.key(), ItemFields.item("人次。", "").withTarget(TargetMetric.PARTICIPANTS, null, 50));
        PlanNode el = o.addChild(s.key(), ItemFields.item("换届。", "").withTarget(TargetMetric.ELECTIONS, null, 25));
        PlanNode fo = o.addChild(s.key(), ItemFields.item("新建。", "").withTarget(TargetMetric.FOUNDED, null, 2));
        PlanNode ho = o.addChild(s.key(), ItemFields.item("荣誉。", "").withTarget(TargetMetric.HONORS, null, 1));
        o.addChild(s.key(), ItemFields.item("无目标。", ""));
        Map<Long, Progress> p = plans.progress(plans.require(id), o);
        assertThat(p).hasSize(6);

        StatsService stats = new StatsService(db);
        Period period = Period.year(2022);
        var volRow = stats.byCategory(root, period).stream().filter(r -> r.id() == 2).findFirst().orElseThrow();
        assertThat(p.get(vol.key()).actual()).isEqualTo(volRow.totals().activities()).isEqualTo(2);
        assertThat(p.get(vol.key()).percent()).isEqualTo(10);
        assertThat(p.get(vol.key()).categoryName()).isEqualTo("志愿服务");
        assertThat(p.get(vol.key()).text()).isEqualTo("志愿服务 开展活动 2/20 场（10%）");
        assertThat(p.get(hours.key()).actual()).isEqualTo(volRow.totals().serviceTenths() / 10).isEqualTo(13);
        assertThat(p.get(hours.key()).reached()).isTrue();
        assertThat(p.get(all.key()).actual()).isEqualTo(stats.totals(root, period).participants()).isEqualTo(55);
        var work = stats.orgWork(root, period, 3);
        assertThat(p.get(el.key()).actual()).isEqualTo(work.electionsHeld().current()).isEqualTo(1);
        assertThat(p.get(fo.key()).actual()).isEqualTo(work.founded().current()).isEqualTo(1);
        assertThat(p.get(ho.key()).actual()).isEqualTo(stats.honors(root, period).total()).isEqualTo(1);
    }

    @Test
    void categoriesByName() {
        assertThat(plans.categoryByName("志愿服务")).isEqualTo(2);
        assertThatThrownBy(() -> plans.categoryByName("不存在")).hasMessageContaining("可选");
    }

    /**
     * The window saves a snapshot on the database thread while the clerk goes on editing the outline:
     * the save writes exactly the snapshot, the outline takes over the new row ids, and edits made
     * meanwhile stay unsaved (dirty) and are written by the next save — nothing duplicated, nothing lost.
     */
    @Test
    void aSnapshotIsSavedWhileTheOutlineGoesOnBeingEdited() throws Exception {
        int id = newPlan(2023);
        PlanOutline o = plans.load(id);
        PlanNode s1 = o.addSection(ItemFields.heading("思想引领"));
        PlanNode a = o.addChild(s1.key(), ItemFields.item("深化学习。", "组织学习𠮷"));
        PlanOutline copy = o.snapshot();
        Thread saver = new Thread(() -> plans.save(id, copy));
        saver.start();
        // meanwhile, on "the FX thread"
        o.addChild(s1.key(), ItemFields.item("开展宣讲。", "宣讲🎉"));
        o.edit(a.key(), ItemFields.item("深化学习（改）。", "组织学习𠮷"));
        saver.join();
        o.saved(copy);
        assertThat(shape(plans.load(id))).containsExactly("一、思想引领", "  一是深化学习。组织学习𠮷");
        assertThat(o.dirty()).as("edits after the snapshot are not marked saved").isTrue();
        assertThat(o.find(a.key()).id()).as("the saved line got its row").isNotNull();

        PlanOutline second = o.snapshot();
        plans.save(id, second);
        o.saved(second);
        assertThat(o.dirty()).isFalse();
        assertThat(shape(plans.load(id))).containsExactly("一、思想引领", "  一是深化学习（改）。组织学习𠮷", "  二是开展宣讲。宣讲🎉");
        assertThat(db.<Integer>read(ctx -> ctx.fetchCount(PLAN_ITEM))).as("no line stored twice").isEqualTo(3);
    }
}
