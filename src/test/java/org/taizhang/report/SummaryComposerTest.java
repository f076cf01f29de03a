package org.taizhang.report;

import org.taizhang.stats.SummaryFigures;

import org.taizhang.common.Numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.Fixtures;
import org.taizhang.TestDb;
import org.taizhang.common.ValidationException;
import org.taizhang.db.Database;
import org.taizhang.plan.ItemFields;
import org.taizhang.plan.PlanInput;
import org.taizhang.plan.PlanNode;
import org.taizhang.plan.PlanOutline;
import org.taizhang.plan.PlanService;
import org.taizhang.report.SummaryContent.Para;
import org.taizhang.report.SummaryContent.Part;
import org.taizhang.stats.HonorTable;
import org.taizhang.stats.Period;
import org.taizhang.stats.Row;
import org.taizhang.stats.StatsService;
import org.taizhang.stats.Totals;

class SummaryComposerTest {
    @TempDir
    Path dir;
    Database db;
    SummaryComposer composer;
    int root;
    int league;
    int branch;
    int other;
    static final LocalDate FROM = LocalDate.of(2021, 1, 1);
    static final LocalDate TO = LocalDate.of(2021, 6, 30);

    @BeforeEach
    void setUp() {
        db = TestDb.open(dir);
        composer = new SummaryComposer(db, Clock.fixed(java.time.Instant.parse("2021-07-05T08:00:00Z"), ZoneOffset.UTC));
        root = Fixtures.org(db, "示范区群团工作部", null, 1, LocalDate.of(2010, 1, 1), null);
        league = Fixtures.org(db, "共青团示范区委员会", root, 3, LocalDate.of(2010, 1, 1), LocalDate.of(2021, 4, 1));
        branch = Fixtures.org(db, "𠮷祥社区团支部", league, 5, LocalDate.of(2021, 3, 1), null);
        other = Fixtures.org(db, "别的单位", null, 2, LocalDate.of(2010, 1, 1), null);
        // 志愿服务 (2): big numbers so that 万 formatting shows
        Fixtures.activity(db, branch, 2, LocalDate.of(2021, 3, 5), 30000, 73350, 53412, false);
        Fixtures.activity(db, league, 2, LocalDate.of(2021, 5, 4), 412, 0, 0, false);
        Fixtures.activity(db, root, 1, LocalDate.of(2021, 2, 1), 51, 0, 0, false);
        Fixtures.activity(db, branch, 2, LocalDate.of(2021, 6, 1), 999, 999, 999, true); // planned: not held
        Fixtures.activity(db, branch, 2, LocalDate.of(2021, 7, 1), 999, 999, 999, false); // after the period
        Fixtures.activity(db, other, 2, LocalDate.of(2021, 3, 5), 999, 999, 999, false); // outside the subtree
        Fixtures.honor(db, league, LocalDate.of(2021, 5, 4), "全国五四红旗团委", "国家级");
        Fixtures.honor(db, branch, LocalDate.of(2021, 5, 4), "省级青年文明号", "省级");
        Fixtures.honor(db, branch, LocalDate.of(2021, 5, 5), "省级青年文明号", "省级");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private int nextPlan() {
        PlanService plans = new PlanService(db);
        int id = plans.create(new PlanInput(root, "下半年工作计划", LocalDate.of(2021, 7, 1), LocalDate.of(2021, 12, 31), null));
        PlanOutline o = plans.load(id);
        PlanNode s1 = o.addSection(ItemFields.heading("思想引领"));
        o.addChild(s1.key(), ItemFields.item("深化思想政治引领。", "组织团员青年开展党史学习教育。"));
        o.addChild(s1.key(), ItemFields.item("加强网络宣传。", "办好公众号。"));
        PlanNode s2 = o.addSection(ItemFields.heading("组织建设"));
        o.addChild(s2.key(), ItemFields.item("完成换届。", "指导25个社区完成换届。"));
        plans.save(id, o);
        return id;
    }

    /** Every figure of the draft equals the statistics for the same subtree and period, and appears in the text as formatted. */
    @Test
    void everyFigureEqualsTheStatistics() {
        SummaryContent c = composer.draft(root, FROM, TO, SummaryTemplate.SUMMARY, null);
        StatsService stats = new StatsService(db);
        Period p = Period.custom(FROM, TO);
        Totals total = stats.totals(root, p);
        Map<String, Long> f = c.figures();
        assertThat(f.get("total.activities")).isEqualTo(total.activities()).isEqualTo(3);
        assertThat(f.get("total.participants")).isEqualTo(total.participants());
        assertThat(f.get("total.service")).isEqualTo(total.serviceTenths());
        assertThat(f.get("total.beneficiaries")).isEqualTo(total.beneficiaries());
        for (Row r : stats.byCategory(root, p)) {
            assertThat(f.get("cat." + r.id() + ".activities")).isEqualTo(r.totals().activities());
            assertThat(f.get("cat." + r.id() + ".participants")).isEqualTo(r.totals().participants());
            assertThat(f.get("cat." + r.id() + ".service")).isEqualTo(r.totals().serviceTenths());
            assertThat(f.get("cat." + r.id() + ".beneficiaries")).isEqualTo(r.totals().beneficiaries());
        }
        HonorTable h = stats.honors(root, p);
        assertThat(f.get("honor.total")).isEqualTo(h.total()).isEqualTo(3);
        assertThat(f.get("honor.省级.集体")).isEqualTo(h.count("省级", "集体")).isEqualTo(2);
        var w = stats.orgWork(root, p, StatsService.DEFAULT_MONTHS);
        assertThat(f.get("org.elections")).isEqualTo(w.electionsHeld().current()).isEqualTo(1);
        assertThat(f.get("org.founded")).isEqualTo(w.founded().current()).isEqualTo(1);

        // every linked paragraph shows exactly these figures, formatted as documents write them
        for (Part part : c.parts()) {
            for (Para para : part.paras()) {
                if (para.linked()) {
                    assertThat(para.text()).isEqualTo(FigureText.render(para.template(), f));
                    for (String key : FigureText.keys(para.template())) {
                        assertThat(f).containsKey(key);
                    }
                }
            }
        }
        String work = c.part(SummaryComposer.WORK).text();
        Totals vol = stats.byCategory(root, p).stream().filter(r -> r.id() == 2).findFirst().orElseThrow().totals();
        assertThat(vol.activities()).isEqualTo(2);
        assertThat(work).contains("上半年共开展志愿服务活动2场，参与" + Numbers.approx(vol.participants()) + "人次，服务时长"
                + Numbers.hours(vol.serviceTenths()) + "小时，惠及群众" + Numbers.approx(vol.beneficiaries()) + "人。");
        assertThat(work).contains("参与3万余人次").contains("服务时长7335小时").contains("惠及群众5.3万余人");
        // the office's themes (stored mapping), empty ones left out
        assertThat(work).contains("（一）坚持思想引领，引导群众听党话跟党走").contains("（二）深化志愿服务，用心用情服务群众")
                .contains("（三）夯实组织基础，提升自身建设水平").contains("（四）选树先进典型，激发争先创优活力")
                .doesNotContain("丰富文体生活").doesNotContain("（五）");
        assertThat(work).contains("共获得各级荣誉3项，其中国家级集体荣誉1项，省级集体荣誉2项。");
        assertThat(work).contains("共青团示范区委员会荣获“全国五四红旗团委”称号；𠮷祥社区团支部荣获“省级青年文明号”称号。");
        assertThat(work).contains("指导共青团示范区委员会规范有序完成换届，新成立𠮷祥社区团支部");
        assertThat(work).doesNotContain("999");
        assertThat(c.part(SummaryComposer.INTRO).text()).contains("共开展各类活动3场").endsWith("现将2021年上半年工作情况总结如下：");
        assertThat(c.title()).isEqualTo("示范区群团工作部2021年上半年工作总结");
        assertThat(c.signDate()).isEqualTo(LocalDate.of(2021, 7, 5));
        // a report made long after its period is dated at the period's end, not the day it was generated
        assertThat(SummaryComposer.signDate(TO, LocalDate.of(2026, 3, 1))).isEqualTo(TO);
        assertThat(SummaryComposer.signDate(TO, LocalDate.of(2021, 8, 20))).isEqualTo(LocalDate.of(2021, 8, 20));
    }

    @Test
    void summaryPlusPlanTakesTheNextPlanAndExportsToWord() throws Exception {
        int planId = nextPlan();
        SummaryContent c = composer.draft(root, FROM, TO, SummaryTemplate.BOTH, null);
        assertThat(c.planId()).isEqualTo(planId);
        // items 一是…二是… run on in one paragraph, as 工作开展情况 and the reference summaries write them; one item alone is not numbered
        assertThat(c.part(SummaryComposer.NEXT).text()).isEqualTo(String.join("\n", "下半年，我们将重点抓好以下工作：", "（一）思想引领",
                "一是深化思想政治引领。组织团员青年开展党史学习教育。二是加强网络宣传。办好公众号。", "（二）组织建设", "完成换届。指导25个社区完成换届。"));
        assertThat(c.part(SummaryComposer.PROBLEMS).text()).doesNotContain("请在此").doesNotStartWith("（");
        c = c.withAppendices(List.of("stats", "honors"));
        Path file = dir.resolve("上半年总结.docx");
        composer.export(c, file);
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(file))) {
            List<String> texts = d.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            // the title breaks between phrases, never inside a word
            assertThat(texts.getFirst()).isEqualTo("示范区群团工作部2021年上半年\n工作总结及下一步工作计划");
            assertThat(texts).contains("一、工作开展情况", "二、存在问题", "三、下一步工作计划", "（一）坚持思想引领，引导群众听党话跟党走",
                    "（二）深化志愿服务，用心用情服务群众",
                    "一是深化思想政治引领。组织团员青年开展党史学习教育。二是加强网络宣传。办好公众号。", "完成换届。指导25个社区完成换届。",
                    "示范区群团工作部", "2021年7月5日", "附件：1．2021年上半年活动分类统计表");
            assertOneItemForm(d);
            // the figures in the Word text are the statistics
            String all = String.join("\n", texts);
            assertThat(all).contains("共开展各类活动3场").contains("服务时长7335小时");
            assertThat(d.getTables()).hasSize(2);
            var statsTable = d.getTables().getFirst();
            var volRow = statsTable.getRows().stream().filter(r -> r.getCell(0).getText().equals("志愿服务")).findFirst().orElseThrow();
            assertThat(volRow.getCell(1).getText()).isEqualTo("2");
            assertThat(volRow.getCell(3).getText()).as("a table groups thousands, like the screen").isEqualTo("7,335");
            assertThat(d.getTables().get(1).getRows()).hasSize(4);
        }
    }

    /**
     * One way of writing 一是、二是 in the whole document: inside a paragraph, in body type, never bold and
     * never a 二是 starting a paragraph of its own.
     */
    static void assertOneItemForm(XWPFDocument d) {
        for (XWPFParagraph p : d.getParagraphs()) {
            String t = p.getText();
            assertThat(t).as("a 二是 on a line of its own").doesNotStartWith("二是").doesNotStartWith("三是");
            if (t.contains("一是")) {
                assertThat(p.getRuns()).as("bold in “" + t + "”").noneMatch(r -> r.isBold());
            }
        }
    }

    @Test
    void itemsTheClerkTypedOnLinesOfTheirOwnRunOnInWord() throws Exception {
        SummaryContent c = composer.draft(root, FROM, TO, SummaryTemplate.SUMMARY, null);
        Part problems = SummaryComposer.edit(c.part(SummaryComposer.PROBLEMS), "存在问题", "一是基层活力不足𠮷。\n二是经费紧张１２３。\n三是宣传不够🎉。", c.figures());
        c = c.withParts(List.of(c.part(SummaryComposer.INTRO), c.part(SummaryComposer.WORK), problems));
        Path file = dir.resolve("items.docx");
        composer.export(c, file);
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(file))) {
            assertThat(d.getParagraphs()).extracting(XWPFParagraph::getText).contains("一是基层活力不足𠮷。二是经费紧张１２３。三是宣传不够🎉。");
            assertOneItemForm(d);
        }
    }

    @Test
    void editedTextKeepsFiguresLinkedAndRefreshUpdatesThem() {
        SummaryContent c = composer.draft(root, FROM, TO, SummaryTemplate.SUMMARY, null);
        Part work = c.part(SummaryComposer.INTRO);
        String opening = work.paras().getFirst().text();
        assertThat(opening).contains("共开展各类活动3场");
        String edited = work.text().replace("围绕中心、服务大局，", "在区委领导下，") + "\n（一）理论学习\n我们自己写的一段话。";
        Part newWork = SummaryComposer.edit(work, "", edited, c.figures());
        assertThat(newWork.heading()).isEmpty();
        assertThat(newWork.paras().getFirst().linked()).isTrue();
        assertThat(newWork.paras().getLast().linked()).isFalse();
        Part problems = SummaryComposer.edit(c.part(SummaryComposer.PROBLEMS), "存在问题", "一是基层活力不足。\n\n二是经费紧张。", c.figures());
        c = c.withParts(List.of(newWork, problems));

        // new records arrive; refresh puts the new figures into the linked text and keeps the user's words
        Fixtures.activity(db, branch, 2, LocalDate.of(2021, 6, 2), 10, 10, 10, false);
        SummaryContent r = composer.refresh(c);
        String text = r.part(SummaryComposer.INTRO).text();
        assertThat(text).contains("在区委领导下，").contains("共开展各类活动4场")
                .contains("（一）理论学习").contains("我们自己写的一段话。");
        assertThat(r.figures().get("total.activities")).isEqualTo(new StatsService(db).totals(root, Period.custom(FROM, TO)).activities());
        assertThat(r.part(SummaryComposer.PROBLEMS).paras()).extracting(Para::text).containsExactly("一是基层活力不足。", "二是经费紧张。");

        // a line whose figure was removed by the user becomes free text and is left alone
        Part cut = SummaryComposer.edit(r.part(SummaryComposer.INTRO), null, "共开展了很多活动。", r.figures());
        assertThat(cut.paras().getFirst().linked()).isFalse();
    }

    @Test
    void savedSummariesReopenAndProblemsAreKeptForNextTime() {
        SummaryService store = new SummaryService(db);
        SummaryContent d = composer.draft(root, FROM, TO, SummaryTemplate.SUMMARY, null);
        Part problems = SummaryComposer.edit(d.part(SummaryComposer.PROBLEMS), "存在问题", "志愿服务常态化不够🎉。", d.figures());
        SummaryContent c = d.withParts(List.of(d.part(SummaryComposer.INTRO), d.part(SummaryComposer.WORK), problems));
        int id = store.save(null, c);
        SummaryContent back = store.require(id);
        assertThat(back).isEqualTo(c);
        assertThat(store.list(root)).extracting(SummaryService.Saved::title).containsExactly("示范区群团工作部2021年上半年工作总结");
        assertThat(store.list(other)).isEmpty();

        int id2 = store.save(id, back.withTitle("改过的标题", "示范区群团工作部", LocalDate.of(2021, 7, 6)));
        assertThat(id2).isEqualTo(id);
        assertThat(store.require(id).title()).isEqualTo("改过的标题");
        assertThat(store.list(null)).hasSize(1);

        // drafted again for the same period: the clerk's own problems are kept; another period gets them drafted from the records
        SummaryContent again = composer.draft(root, FROM, TO, SummaryTemplate.SUMMARY, null);
        assertThat(again.part(SummaryComposer.PROBLEMS).text()).isEqualTo("志愿服务常态化不够🎉。");
        SummaryContent next = composer.draft(root, LocalDate.of(2021, 7, 1), LocalDate.of(2021, 12, 31), SummaryTemplate.SUMMARY, null);
        assertThat(next.part(SummaryComposer.PROBLEMS).text()).contains("换届已逾期");
        assertThat(next.title()).isEqualTo("示范区群团工作部2021年下半年工作总结");

        assertThatThrownBy(() -> store.save(null, c.withTitle(" ", null, null))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("标题");
        assertThatThrownBy(() -> store.save(999, c)).hasMessageContaining("#999");
        store.delete(id);
        assertThat(store.load(id)).isEmpty();
        assertThatThrownBy(() -> store.require(id)).hasMessageContaining("找不到");
    }

    @Test
    void planTemplateLaysOutThePlanItself() throws Exception {
        nextPlan();
        SummaryContent c = composer.draft(root, LocalDate.of(2021, 7, 1), LocalDate.of(2021, 12, 31), SummaryTemplate.PLAN, null);
        assertThat(c.title()).isEqualTo("下半年工作计划");
        // a plan is signed when it is issued (here the export day, early in the period), never on the period's last day
        assertThat(c.signDate()).isEqualTo(LocalDate.of(2021, 7, 5));
        assertThat(SummaryComposer.planSignDate(LocalDate.of(2021, 7, 1), LocalDate.of(2026, 12, 2))).isEqualTo(LocalDate.of(2021, 7, 1));
        assertThat(SummaryComposer.planSignDate(LocalDate.of(2027, 1, 1), LocalDate.of(2026, 12, 2))).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(c.parts()).extracting(Part::heading).containsExactly("思想引领", "组织建设");
        assertThat(c.figures()).isEmpty();
        Path file = dir.resolve("plan.docx");
        composer.export(c, file);
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(file))) {
            List<String> texts = d.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).contains("2021年7月5日").doesNotContain("2021年12月31日");
            assertThat(texts).containsSubsequence("下半年工作计划", "一、思想引领", "一是深化思想政治引领。组织团员青年开展党史学习教育。二是加强网络宣传。办好公众号。",
                    "二、组织建设", "完成换届。指导25个社区完成换届。");
            assertOneItemForm(d);
        }
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> composer.draft(root, TO, FROM, SummaryTemplate.SUMMARY, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("晚于");
        assertThatThrownBy(() -> composer.draft(4242, FROM, TO, SummaryTemplate.SUMMARY, null)).hasMessageContaining("不存在");
        assertThatThrownBy(() -> composer.draft(root, FROM, TO, SummaryTemplate.SUMMARY, 777)).hasMessageContaining("#777");
        SummaryContent c = composer.draft(root, FROM, TO, SummaryTemplate.SUMMARY, null).withAppendices(List.of("nonsense"));
        assertThatThrownBy(() -> composer.export(c, dir.resolve("x.docx"))).hasMessageContaining("附件类型");
        assertThat(dir.resolve("x.docx")).doesNotExist();
        assertThat(SummaryTemplate.of("总结＋计划")).isEqualTo(SummaryTemplate.BOTH);
        assertThatThrownBy(() -> SummaryTemplate.of("月报")).hasMessageContaining("可选");
    }

    @Test
    void emptyPeriodStillDrafts() {
        SummaryContent c = composer.draft(root, LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31), SummaryTemplate.BOTH, null);
        assertThat(c.part(SummaryComposer.WORK).paras()).hasSize(1);
        assertThat(c.part(SummaryComposer.WORK).text()).contains("全年").contains("尚无已开展的活动");
        assertThat(c.part(SummaryComposer.INTRO).text()).doesNotContain("0场");
        assertThat(c.part(SummaryComposer.NEXT).text()).startsWith("下一步，示范区群团工作部将").doesNotContain("（请").doesNotContain("尚未编写");
    }

    @Test
    void categoryFiguresMatchTheStatisticsRowByRow() {
        db.txRun(ctx -> ctx.update(org.taizhang.db.jooq.Tables.ACTIVITY_CATEGORY).set(org.taizhang.db.jooq.Tables.ACTIVITY_CATEGORY.ACTIVE, false)
                .where(org.taizhang.db.jooq.Tables.ACTIVITY_CATEGORY.ID.in(1, 9)).execute());
        List<Row> mine = SummaryFigures.byCategory(db, root, FROM, TO);
        List<Row> stats = new StatsService(db).byCategory(root, Period.custom(FROM, TO), true); // same rows: every active category
        assertThat(mine).extracting(Row::id).containsExactlyElementsOf(stats.stream().map(Row::id).toList());
        assertThat(mine).extracting(Row::label).containsExactlyElementsOf(stats.stream().map(Row::label).toList());
        assertThat(mine).extracting(Row::totals).containsExactlyElementsOf(stats.stream().map(Row::totals).toList());
        assertThat(mine).extracting(Row::id).contains(1).doesNotContain(9); // inactive: kept only with activities
    }

    @Test
    void highlightedActivitiesAreNamed() {
        int id = Fixtures.activity(db, branch, 2, LocalDate.of(2021, 4, 1), 80, 0, 0, false);
        db.txRun(ctx -> ctx.update(org.taizhang.db.jooq.Tables.ACTIVITY).set(org.taizhang.db.jooq.Tables.ACTIVITY.HIGHLIGHT, true)
                .set(org.taizhang.db.jooq.Tables.ACTIVITY.NAME, "“𠮷祥”关爱行动").where(org.taizhang.db.jooq.Tables.ACTIVITY.ID.eq(id)).execute());
        String work = composer.draft(root, FROM, TO, SummaryTemplate.SUMMARY, null).part(SummaryComposer.WORK).text();
        // 亮点 first, then the largest, with organiser, month and figures
        assertThat(work).contains("其中，𠮷祥社区团支部4月开展“𠮷祥”关爱行动，80人次参与；𠮷祥社区团支部3月开展活动，3万人次参与");
    }

    @Test
    void itemLeadIsTheFirstSentence() {
        assertThat(SummaryComposer.item("一是深化思想政治引领。组织学习。")).isEqualTo(ReportDocument.Paragraph.item("深化思想政治引领。", "组织学习。"));
        assertThat(SummaryComposer.item("二是做好其他工作。")).isEqualTo(ReportDocument.Paragraph.item(null, "做好其他工作。"));
    }

    @Test
    void proseCleansNamesAndAvoidsDoubledWords() {
        assertThat(Prose.activityNoun("文体活动")).isEqualTo("文体活动");
        assertThat(Prose.activityNoun("志愿服务")).isEqualTo("志愿服务活动");
        assertThat(Prose.cleanName("青年理论学习（第5期）")).isEqualTo("青年理论学习");
        assertThat(Prose.cleanName("2021年学雷锋志愿服务活动(第十二期)")).isEqualTo("学雷锋志愿服务活动");
        assertThat(Prose.cleanName("职工趣味运动会第3场")).isEqualTo("职工趣味运动会");
        assertThat(Prose.cleanName("\"四史\"教育𠮷（二）")).isEqualTo("“四史”教育𠮷");
        assertThat(Prose.cleanName("{total.activities}读书会")).isEqualTo("｛total.activities｝读书会");
        assertThat(Prose.asActivity("社区环境整治")).isEqualTo("社区环境整治活动");
        assertThat(Prose.asActivity("职工篮球赛")).isEqualTo("职工篮球赛");
        assertThat(Prose.verb("职工篮球赛")).isEqualTo("举办");
        assertThat(Prose.verb("季度工作例会")).isEqualTo("召开");
        assertThat(Prose.honourTitle("全国五四红旗团支部")).isEqualTo("“全国五四红旗团支部”称号");
        assertThat(Prose.honourTitle("市“十佳公益组织”")).isEqualTo("市“十佳公益组织”称号");
        assertThat(Prose.honourTitle("广东省五一劳动奖章")).isEqualTo("“广东省五一劳动奖章”");
        assertThat(Prose.months(LocalDate.of(2021, 1, 4), LocalDate.of(2021, 6, 30))).isEqualTo("1至6月");
    }
}
