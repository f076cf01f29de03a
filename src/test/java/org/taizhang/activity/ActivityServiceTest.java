package org.taizhang.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taizhang.Fixtures.clockAt;
import static org.taizhang.Fixtures.orgInput;
import static org.taizhang.Fixtures.rejected;
import static org.taizhang.db.jooq.Tables.ACTIVITY;
import static org.taizhang.db.jooq.Tables.ATTACHMENT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.TestDb;
import org.taizhang.attachment.AttachmentInfo;
import org.taizhang.attachment.AttachmentService;
import org.taizhang.common.ValidationException;
import org.taizhang.db.Database;
import org.taizhang.org.OrgService;

class ActivityServiceTest {
    static final Clock CLOCK = clockAt(LocalDate.of(2024, 12, 31), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Database db;
    ActivityService svc;
    int root, a, a1, b;
    int study, volunteer;

    @BeforeEach
    void setUp() {
        db = TestDb.open(dir);
        OrgService orgs = new OrgService(db, CLOCK);
        root = orgs.add(orgInput("示范区群团工作部", 1, null));
        a = orgs.add(orgInput("示范区总工会", 2, root));
        a1 = orgs.add(orgInput("𠮷祥街道总工会", 2, a));
        b = orgs.add(orgInput("共青团示范区委员会", 3, root));
        svc = new ActivityService(db, CLOCK);
        study = svc.categoryByName("学习教育").id();
        volunteer = svc.categoryByName("志愿服务").id();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    ActivityInput act(String date, String name, int org, int cat, int people, int tenths, int benef) {
        return ActivityInput.of(LocalDate.parse(date), name, org, cat, people, tenths, benef);
    }

    @Test
    void batchValidatorAppliesTheSameRules() {
        var check = svc.validator();
        ActivityInput ok = act("2024-03-05", " 学雷锋𠮷 ", a, volunteer, 10, 205, 30);
        assertThat(check.apply(ok)).isEqualTo(svc.validate(ok));
        ActivityInput unknown = new ActivityInput(LocalDate.of(2024, 3, 5), null, "学雷锋", 99_999, List.of(a, 88_888), 77_777,
                10, 0, 0, null, null, false, false);
        ValidationException batch = rejected(() -> check.apply(unknown));
        ValidationException single = rejected(() -> svc.validate(unknown));
        assertThat(batch.errors()).isEqualTo(single.errors());
        assertThat(batch.messageFor("主办组织")).contains("不存在");
        assertThat(batch.messageFor("类别")).contains("类别不存在");
    }

    @Test
    void totalsSayHowManyOfTheListedActivitiesAreOnlyPlanned() {
        svc.add(act("2024-06-01", "已举行的学习会", a, study, 10, 0, 0));
        svc.add(act("2025-01-10", "年初计划会", a1, study, 0, 0, 0).withPlanned(true));
        svc.add(act("2025-01-12", "别处的计划", b, study, 0, 0, 0).withPlanned(true));
        ActivityTotals t = svc.totals(new ActivityFilter(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), a, null, null));
        assertThat(t).isEqualTo(new ActivityTotals(2, 10, 0, 0, 1));
        assertThat(t.text()).endsWith("（其中 1 场为尚未举行的计划，不计入统计）");
        assertThat(svc.totals(new ActivityFilter(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), a, null, null)).planned())
                .isZero();
    }

    @Test
    void totalsForSubtreeAndPeriodMatchHandComputedFixture() {
        // in subtree A (a, a1) and in 2024 H1:
        svc.add(act("2024-01-05", "新春慰问", a, volunteer, 30, 905, 120));      // yes
        svc.add(act("2024-06-30", "学习二十大精神", a1, study, 45, 0, 0));        // yes (last day)
        svc.add(act("2024-03-08", "三八节志愿服务🎉", a1, volunteer, 12, 365, 40)); // yes
        // outside by period
        svc.add(act("2023-12-31", "年末总结会", a, study, 100, 0, 0));
        svc.add(act("2024-07-01", "七一活动", a1, study, 50, 0, 0));
        // outside by organisation
        svc.add(act("2024-02-02", "团员志愿服务", b, volunteer, 20, 400, 60));
        svc.add(act("2024-02-03", "部务会", root, study, 8, 0, 0));

        ActivityFilter f = new ActivityFilter(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30), a, null, null);
        ActivityTotals t = svc.totals(f);
        assertThat(t.count()).isEqualTo(3);
        assertThat(t.participants()).isEqualTo(30 + 45 + 12);
        assertThat(t.serviceTenths()).isEqualTo(905 + 0 + 365);
        assertThat(t.hours()).isEqualTo("127.0");
        assertThat(t.beneficiaries()).isEqualTo(160);

        ActivityPage page = svc.list(f, 0, 2);
        assertThat(page.totals()).isEqualTo(t);
        assertThat(page.rows()).extracting(ActivityRow::name).containsExactly("学习二十大精神", "三八节志愿服务🎉");
        assertThat(svc.list(f, 2, 2).rows()).extracting(ActivityRow::name).containsExactly("新春慰问");

        // category and text narrow both rows and totals
        ActivityFilter vol = f.withCategory(volunteer);
        assertThat(svc.totals(vol)).isEqualTo(new ActivityTotals(2, 42, 1270, 160));
        assertThat(svc.totals(f.withText("志愿"))).isEqualTo(new ActivityTotals(1, 12, 365, 40));
        assertThat(svc.totals(ActivityFilter.ALL.withOrg(root)).count()).isEqualTo(7);
        // sorting
        assertThat(svc.rows(f, ActivitySort.PARTICIPANTS, false, 0, 10)).extracting(ActivityRow::participants)
                .containsExactly(12, 30, 45);
        assertThat(svc.rows(f, ActivitySort.ORG, false, 0, 10)).extracting(ActivityRow::orgName)
                .containsExactly("示范区总工会", "𠮷祥街道总工会", "𠮷祥街道总工会");
        assertThat(svc.totalsByCategory(f).values()).extracting(ActivityTotals::count).containsExactly(1, 2);
    }

    @Test
    void everyBadFieldIsReportedUnderItsLabel() {
        ValidationException e = rejected(() -> svc.parse(new ActivityText("2024/13/01", "", "", "不存在的组织", "", "跳舞",
                "-3", "2.55", "abc", "", "", false, false)));
        assertThat(e.messageFor("日期")).contains("不存在");
        assertThat(e.messageFor("主办组织")).contains("找不到");
        assertThat(e.messageFor("类别")).contains("没有“跳舞”").contains("学习教育");
        assertThat(e.messageFor("参与人次")).contains("负数");
        assertThat(e.messageFor("服务时长")).contains("一位小数");
        assertThat(e.messageFor("惠及人数")).contains("不是数字");

        // full-width digits and units are read
        ActivityInput in = svc.parse(new ActivityText("２０２４年３月５日", null, " 学雷锋 ", "示范区总工会", "共青团示范区委员会", "志愿服务",
                "１，２００人次", "３６００.５小时", "800人", "𠮷祥社区", null, true, false));
        assertThat(in.startDate()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(in.participants()).isEqualTo(1200);
        assertThat(in.serviceTenths()).isEqualTo(36005);
        assertThat(in.coOrgIds()).containsExactly(b);
        int id = svc.add(in);
        assertThat(svc.get(id).orElseThrow().coOrgNames()).containsExactly("共青团示范区委员会");
        assertThat(svc.get(id).orElseThrow().hours()).isEqualTo("3600.5");
        assertThat(svc.get(id).orElseThrow().name()).isEqualTo("学雷锋");

        int before = db.read(ctx -> ctx.fetchCount(ACTIVITY));
        // future date without 计划
        assertThat(rejected(() -> svc.add(act("2025-01-02", "明年", a, study, 1, 0, 0))).messageFor("日期")).contains("计划");
        assertThat(svc.add(act("2025-01-02", "明年", a, study, 0, 0, 0).withPlanned(true))).isPositive();
        // absurd numbers
        assertThat(rejected(() -> svc.add(act("2024-01-02", "x", a, study, 5_000_000, 0, 0))).messageFor("参与人次")).contains("不合理");
        assertThat(rejected(() -> svc.add(act("2024-01-02", "x", a, study, -1, 0, 0))).messageFor("参与人次")).contains("负数");
        assertThat(rejected(() -> svc.add(act("2024-01-02", "x", a, study, 1, 0, 99_000_000))).messageFor("惠及人数")).contains("不合理");
        // hours not plausible for 人次: 10 people, one day, 241 hours
        assertThat(rejected(() -> svc.add(act("2024-01-02", "x", a, volunteer, 10, 2410, 0))).messageFor("服务时长"))
                .contains("不合理").contains("240.0");
        assertThat(svc.add(act("2024-01-02", "x", a, volunteer, 10, 2400, 0))).isPositive();
        assertThat(rejected(() -> svc.add(act("2024-01-02", "y", a, volunteer, 0, 10, 0))).messageFor("服务时长")).contains("参与人次");
        // date range
        ActivityInput range = new ActivityInput(LocalDate.of(2024, 5, 2), LocalDate.of(2024, 5, 1), "x", a, List.of(), study,
                1, 0, 0, null, null, false, false);
        assertThat(rejected(() -> svc.add(range)).messageFor("结束日期")).contains("早于");
        // empty name, missing org and category
        ValidationException empty = rejected(() -> svc.add(new ActivityInput(null, null, "  ", null, List.of(), null, null, null,
                null, null, null, false, false)));
        assertThat(empty.errors()).extracting(fe -> fe.field()).contains("日期", "活动名称", "主办组织", "类别");
        assertThat(rejected(() -> svc.add(act("2024-01-02", "x", a, study, 1, 0, 0).withCoOrgs(List.of(a)))).messageFor("协办组织"))
                .contains("相同");
        // nothing bad was written
        assertThat(db.<Integer>read(ctx -> ctx.fetchCount(ACTIVITY))).isEqualTo(before + 2);
    }

    @Test
    void duplicateIsAWarningTheCallerCanOverride() {
        int first = svc.add(act("2024-05-04", "五四青年节座谈会", b, study, 20, 0, 0));
        DuplicateActivityException e = (DuplicateActivityException) rejected(() -> svc.add(act("2024-05-04", " 五四青年节座谈会", b, study, 30, 0, 0)));
        assertThat(e.existingId()).isEqualTo(first);
        assertThat(e.messageFor("活动名称")).contains("已登记").contains("#" + first);
        assertThat(svc.findDuplicate(b, LocalDate.of(2024, 5, 4), "五四青年节座谈会", null)).contains(first);
        assertThat(svc.findDuplicate(b, LocalDate.of(2024, 5, 4), "五四青年节座谈会", first)).isEmpty();
        // another org or another day is not a duplicate
        svc.add(act("2024-05-04", "五四青年节座谈会", a, study, 20, 0, 0));
        svc.add(act("2024-05-05", "五四青年节座谈会", b, study, 20, 0, 0));
        int second = svc.add(act("2024-05-04", "五四青年节座谈会", b, study, 30, 0, 0), true);
        assertThat(second).isNotEqualTo(first);
        assertThat(svc.totals(ActivityFilter.ALL).count()).isEqualTo(4);
    }

    @Test
    void deleteSeveralThenUndoPutsEverythingBack() {
        int x = svc.add(act("2024-05-04", "甲", b, study, 20, 0, 0).withCoOrgs(List.of(a)));
        int y = svc.add(act("2024-05-05", "乙", b, volunteer, 10, 50, 3));
        int z = svc.add(act("2024-05-06", "丙", b, volunteer, 1, 0, 0));
        AttachmentService att = new AttachmentService(db);
        att.add(AttachmentService.ACTIVITY, y, "签到表.pdf", new byte[] {1, 2, 3});
        ActivityTotals before = svc.totals(ActivityFilter.ALL);
        assertThat(svc.canUndo()).isFalse();
        DeletedActivities d = svc.remove(List.of(x, y));
        assertThat(d.count()).isEqualTo(2);
        assertThat(svc.totals(ActivityFilter.ALL).count()).isEqualTo(1);
        assertThat(att.list(AttachmentService.ACTIVITY, y)).isEmpty();
        assertThat(svc.canUndo()).isTrue();
        assertThat(svc.undoLastDelete()).isEqualTo(2);
        assertThat(svc.totals(ActivityFilter.ALL)).isEqualTo(before);
        assertThat(svc.get(x).orElseThrow().coOrgNames()).containsExactly("示范区总工会");
        assertThat(att.list(AttachmentService.ACTIVITY, y)).hasSize(1);
        assertThat(svc.canUndo()).isFalse();
        assertThat(rejected(svc::undoLastDelete).errors()).isNotEmpty();
        // a stale id makes the whole delete fail and changes nothing
        assertThat(rejected(() -> svc.remove(List.of(z, 9999))).errors().getFirst().message()).contains("已不存在");
        assertThat(svc.get(z)).isPresent();
    }

    @Test
    void categoriesCanBeAddedRenamedDeactivatedAndMerged() {
        Category c = svc.addCategory("红色研学");
        assertThat(rejected(() -> svc.addCategory("红色研学")).messageFor("类别")).contains("已存在");
        assertThat(rejected(() -> svc.addCategory(" ")).messageFor("类别")).contains("不能为空");
        svc.renameCategory(c.id(), "红色教育");
        svc.add(act("2024-05-04", "参观纪念馆", b, c.id(), 20, 0, 0));
        svc.setCategoryActive(c.id(), false);
        assertThat(svc.categories(false)).extracting(Category::name).doesNotContain("红色教育");
        assertThat(svc.categories(true)).extracting(Category::name).contains("红色教育");
        assertThat(rejected(() -> svc.categoryByName("红色教育")).messageFor("类别")).contains("已停用");
        assertThat(svc.mergeCategory(c.id(), study)).isEqualTo(1);
        assertThat(svc.categories(true)).extracting(Category::name).doesNotContain("红色教育");
        assertThat(svc.totals(ActivityFilter.ALL.withCategory(study)).count()).isEqualTo(1);
    }

    @Test
    void attachmentsSurviveReopeningAndCopyingTheDatabaseFile() throws Exception {
        int id = svc.add(act("2024-05-04", "合影", b, study, 20, 0, 0));
        byte[] photo = new byte[300_000];
        new Random(7).nextBytes(photo);
        Path src = dir.resolve("𠮷祥合影🎉.jpg");
        Files.write(src, photo);
        AttachmentService att = new AttachmentService(db);
        int aid = att.addFile(AttachmentService.ACTIVITY, id, src);
        att.add(AttachmentService.ACTIVITY, id, "签到表.txt", "张三、李四".getBytes(StandardCharsets.UTF_8));
        List<AttachmentInfo> list = att.list(AttachmentService.ACTIVITY, id);
        assertThat(list).extracting(AttachmentInfo::fileName).containsExactly("𠮷祥合影🎉.jpg", "签到表.txt");
        assertThat(list.getFirst().mimeType()).isEqualTo("image/jpeg");
        assertThat(list.getFirst().sizeBytes()).isEqualTo(photo.length);
        assertThat(svc.get(id).orElseThrow().attachmentCount()).isEqualTo(2);

        // copy with VACUUM INTO, then close and reopen both files
        Path copy = dir.resolve("copy.db");
        db.withConnection(c -> c.createStatement().execute("VACUUM INTO '" + copy.toString().replace("'", "''") + "'"));
        db.close();
        db = Database.open(dir.resolve("test.db"));
        assertThat(new AttachmentService(db).content(aid)).isEqualTo(photo);
        try (Database other = Database.open(copy)) {
            AttachmentService a2 = new AttachmentService(other);
            assertThat(a2.content(aid)).isEqualTo(photo);
            Path out = a2.saveTo(aid, Files.createDirectory(dir.resolve("out")));
            assertThat(out.getFileName().toString()).isEqualTo("𠮷祥合影🎉.jpg");
            assertThat(Files.readAllBytes(out)).isEqualTo(photo);
        }
        AttachmentService a3 = new AttachmentService(db);
        a3.remove(aid);
        assertThat(a3.list(AttachmentService.ACTIVITY, id)).hasSize(1);
        assertThatThrownBy(() -> a3.content(aid)).isInstanceOf(ValidationException.class).hasMessageContaining("不存在");
        assertThatThrownBy(() -> a3.addFile(AttachmentService.ACTIVITY, id, dir.resolve("nope.pdf")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("找不到文件");
        assertThat(db.<Integer>read(ctx -> ctx.fetchCount(ATTACHMENT))).isEqualTo(1);
    }

    @Test
    void pagesAreTheSameWhicheverQueryPlanIsChosen() {
        // many activities in the subtree make list() walk the date index; rows() without a count sorts instead
        for (int i = 0; i < 60; i++) {
            svc.add(act(LocalDate.of(2024, 1, 1).plusDays(i % 20).toString(), "活动" + i, i % 3 == 0 ? a1 : i % 3 == 1 ? a : b,
                    study, i, 0, 0));
        }
        ActivityFilter f = new ActivityFilter(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), a, null, null);
        for (int offset : new int[] {0, 5, 37}) {
            assertThat(svc.list(f, offset, 5).rows()).extracting(ActivityRow::id)
                    .containsExactlyElementsOf(svc.rows(f, ActivitySort.DATE, true, offset, 5).stream().map(ActivityRow::id).toList());
        }
        assertThat(svc.list(f, 0, 1000).rows()).hasSize(40).allSatisfy(r -> assertThat(r.orgId()).isIn(a, a1));
        assertThat(svc.list(f, 0, 1000).rows()).extracting(ActivityRow::startDate).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void amountsParseAndFormat() {
        assertThat(Amounts.parseHours("2.5")).isEqualTo(25);
        assertThat(Amounts.parseHours("３")).isEqualTo(30);
        assertThat(Amounts.parseHours("1,000.0小时")).isEqualTo(10000);
        assertThat(Amounts.parseHours("")).isNull();
        assertThat(Amounts.hours(12345)).isEqualTo("1234.5");
        assertThat(Amounts.hours(0)).isEqualTo("0.0");
        assertThat(Amounts.hoursGrouped(12345678)).isEqualTo("1,234,567.8");
        assertThat(new ActivityTotals(2, 1200, 12345, 3000).text()).isEqualTo("共 2 场，参与 1,200 人次，服务 1,234.5 小时，惠及 3,000 人");
        assertThat(new ActivityTotals(3, 1200, 12345, 3000, 1).text())
                .isEqualTo("共 3 场，参与 1,200 人次，服务 1,234.5 小时，惠及 3,000 人（其中 1 场为尚未举行的计划，不计入统计）");
        assertThatThrownBy(() -> Amounts.parseCount("1.5")).hasMessageContaining("整数");
        assertThatThrownBy(() -> Amounts.parseHours("十小时")).hasMessageContaining("不是数字");
    }
}
