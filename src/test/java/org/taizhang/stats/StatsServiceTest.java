package org.taizhang.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taizhang.stats.StatsFixture.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.TestDb;
import org.taizhang.db.Database;
import org.taizhang.db.jooq.Tables;
import org.taizhang.org.Org;
import org.taizhang.org.OrgService;

/** Golden figures on {@link StatsFixture}; every expected number is added up by hand from the fixture comments. */
class StatsServiceTest {
    @TempDir
    java.nio.file.Path dir;
    Database db;
    StatsService stats;
    OrgService orgs;
    static final Period H1 = Period.firstHalf(2021);

    @BeforeEach
    void setUp() {
        db = TestDb.open(dir);
        StatsFixture.load(db);
        Clock clock = Clock.fixed(LocalDate.of(2021, 8, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        stats = new StatsService(db, clock);
        orgs = new OrgService(db, clock);
        orgs.move(VOLUNTEERS, LEAGUE);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void totalsCountTheWholeSubtreeWithBothEndsOfThePeriod() {
        // 1 (01-01), 2 (06-30), 5, 6, 9 — not 3 (07-01), 4 (2020-12-31), 7 (other root), 8 (planned)
        assertThat(stats.totals(ROOT, H1)).isEqualTo(new Totals(5, 10 + 20 + 30 + 8 + 3, 15 + 25 + 40 + 5 + 7, 100 + 50 + 10 + 2));
        assertThat(stats.totals(ROOT, H1).serviceHoursText()).isEqualTo("9.2");
        // 2020H1: 10 (2020-01-01), 11 (2020-06-30), 12 (2020-02-29)
        assertThat(stats.totals(ROOT, H1.previousYear())).isEqualTo(new Totals(3, 11, 11, 21));
        // a one-day period on the last day, and a two-day period across the half-year boundary
        assertThat(stats.totals(ROOT, Period.custom(d("2021-06-30"), d("2021-06-30"))).activities()).isEqualTo(1);
        assertThat(stats.totals(ROOT, Period.custom(d("2021-06-30"), d("2021-07-01"))).activities()).isEqualTo(2);
        assertThat(stats.totals(UNION, Period.quarter(2021, 3))).isEqualTo(new Totals(1, 5, 10, 0));
        // null root = every organisation, including the other root (7) but still not the planned one
        assertThat(stats.totals(null, H1).activities()).isEqualTo(6);
        assertThat(stats.totals(OTHER, H1)).isEqualTo(new Totals(1, 100, 100, 100));
        assertThat(stats.totals(WOMEN, Period.year(2019))).isEqualTo(Totals.ZERO);
    }

    @Test
    void anOrganisationMovedToAnotherParentTakesItsActivitiesAlong() {
        assertThat(stats.totals(LEAGUE, H1).activities()).isEqualTo(2); // 5 (团支部) + 6 (志愿队, moved here)
        assertThat(stats.totals(UNION, H1).activities()).isEqualTo(1);  // only 2
        orgs.move(VOLUNTEERS, UNION);
        assertThat(stats.totals(LEAGUE, H1).activities()).isEqualTo(1);
        assertThat(stats.totals(UNION, H1)).isEqualTo(new Totals(2, 28, 30, 10));
        assertThat(stats.totals(ROOT, H1).activities()).isEqualTo(5);
    }

    @Test
    void byChildOrganisationAddsUpToTheTotal() {
        List<Row> rows = stats.byChildOrg(ROOT, H1);
        assertThat(rows).extracting(Row::label).containsExactly("区群团工作部", "区总工会", "区团委", "区妇联");
        assertThat(rows.getFirst().note()).isEqualTo("本级");
        assertThat(rows).extracting(Row::totals).containsExactly(
                new Totals(1, 10, 15, 100), new Totals(1, 20, 25, 0), new Totals(2, 38, 45, 60), new Totals(1, 3, 7, 2));
        assertThat(rows.stream().map(Row::totals).reduce(Totals.ZERO, Totals::plus)).isEqualTo(stats.totals(ROOT, H1));
        // 同比 per child: 2020H1 本级 10, 区总工会 11, 区团委 12
        assertThat(rows).extracting(r -> r.previous().activities()).containsExactly(1L, 1L, 1L, 0L);
        assertThat(rows.get(1).change(Totals.Metric.PARTICIPANTS)).isEqualTo(new Change(20, 6));
        // drill down: 区团委's children
        assertThat(stats.byChildOrg(LEAGUE, H1)).extracting(Row::label, r -> r.totals().activities())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("区团委", 0L), org.assertj.core.groups.Tuple.tuple("社区团支部", 1L),
                        org.assertj.core.groups.Tuple.tuple("青年志愿队", 1L));
        // without a root: every top-level organisation, no 本级 row
        assertThat(stats.byChildOrg(null, H1)).extracting(Row::label, r -> r.totals().activities())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("区群团工作部", 5L), org.assertj.core.groups.Tuple.tuple("外区团委", 1L));
    }

    @Test
    void byCategoryKeepsDeactivatedCategoriesThatHaveActivities() {
        List<Row> rows = stats.byCategory(ROOT, H1, true);
        // ten active categories (zeros included) + 旧类别 (inactive, has activity 9); 宣讲（已合并） has none → absent
        assertThat(rows).hasSize(11);
        assertThat(rows).extracting(Row::label).doesNotContain("宣讲（已合并）");
        Row old = rows.stream().filter(r -> r.id() == CAT_OLD).findFirst().orElseThrow();
        assertThat(old.note()).isEqualTo("已停用");
        assertThat(old.totals()).isEqualTo(new Totals(1, 3, 7, 2));
        assertThat(rows.stream().filter(r -> r.id() == CAT_VOLUNTEER).findFirst().orElseThrow().totals()).isEqualTo(new Totals(2, 28, 30, 10));
        assertThat(rows.stream().filter(r -> r.id() == CAT_STUDY).findFirst().orElseThrow().previous()).isEqualTo(new Totals(1, 4, 10, 20));
        assertThat(rows.stream().map(Row::totals).reduce(Totals.ZERO, Totals::plus)).isEqualTo(stats.totals(ROOT, H1));
        // a merged category: its activities are re-pointed to the surviving one and count there
        db.txRun(ctx -> ctx.update(Tables.ACTIVITY).set(Tables.ACTIVITY.CATEGORY_ID, CAT_STUDY)
                .where(Tables.ACTIVITY.CATEGORY_ID.eq(CAT_OLD)).execute());
        rows = stats.byCategory(ROOT, H1, true);
        assertThat(rows).hasSize(10);
        assertThat(rows.getFirst().totals()).isEqualTo(new Totals(2, 13, 22, 102));
        // by default only the categories that have activities: 学习教育, 志愿服务, 文体 (旧类别's one moved away)
        assertThat(stats.byCategory(ROOT, H1)).extracting(Row::id).containsExactly(CAT_STUDY, CAT_VOLUNTEER, CAT_SPORTS);
    }

    @Test
    void categoriesWithoutActivitiesAreLeftOutUnlessAskedButAFallToZeroStays() {
        // a seeded category never used, and 𠮷祥 one that had an activity last year only (a real fall to zero)
        db.txRun(ctx -> {
            ctx.insertInto(Tables.ACTIVITY_CATEGORY).set(Tables.ACTIVITY_CATEGORY.ID, 21).set(Tables.ACTIVITY_CATEGORY.NAME, "从未使用的类别😀")
                    .set(Tables.ACTIVITY_CATEGORY.SORT_ORDER, -2).set(Tables.ACTIVITY_CATEGORY.ACTIVE, true).execute();
            ctx.insertInto(Tables.ACTIVITY_CATEGORY).set(Tables.ACTIVITY_CATEGORY.ID, 22).set(Tables.ACTIVITY_CATEGORY.NAME, "𠮷祥关爱１２３")
                    .set(Tables.ACTIVITY_CATEGORY.SORT_ORDER, -1).set(Tables.ACTIVITY_CATEGORY.ACTIVE, true).execute();
            ctx.insertInto(Tables.ACTIVITY).set(Tables.ACTIVITY.ID, 40).set(Tables.ACTIVITY.START_DATE, d("2020-05-05"))
                    .set(Tables.ACTIVITY.NAME, "去年的活动").set(Tables.ACTIVITY.ORG_ID, BRANCH).set(Tables.ACTIVITY.CATEGORY_ID, 22)
                    .set(Tables.ACTIVITY.PARTICIPANTS, 9).set(Tables.ACTIVITY.SERVICE_TENTHS, 0).set(Tables.ACTIVITY.BENEFICIARIES, 0)
                    .set(Tables.ACTIVITY.PLANNED, false).execute();
        });
        List<Row> shown = stats.byCategory(ROOT, H1);
        assertThat(shown).extracting(Row::label).doesNotContain("从未使用的类别😀").contains("𠮷祥关爱１２３");
        Row fell = shown.stream().filter(r -> r.id() == 22).findFirst().orElseThrow();
        assertThat(fell.totals()).isEqualTo(Totals.ZERO);
        assertThat(fell.previous()).isEqualTo(new Totals(1, 9, 0, 0));
        assertThat(shown).extracting(Row::id).containsExactly(22, CAT_STUDY, CAT_VOLUNTEER, CAT_SPORTS, CAT_OLD);
        assertThat(shown.stream().map(Row::totals).reduce(Totals.ZERO, Totals::plus)).isEqualTo(stats.totals(ROOT, H1));
        assertThat(stats.report(ROOT, H1).byCategory()).isEqualTo(shown);
        // asked for: every active category, the unused one first by its sort order, zeros included
        List<Row> all = stats.byCategory(ROOT, H1, true);
        assertThat(all).extracting(Row::id).startsWith(21, 22).contains(CAT_OLD).doesNotContain(CAT_UNUSED_OLD).hasSize(13);
        assertThat(all.getFirst().totals()).isEqualTo(Totals.ZERO);
        assertThat(all.getFirst().previous()).isEqualTo(Totals.ZERO);
        assertThat(stats.report(ROOT, H1, StatsService.DEFAULT_MONTHS, true).byCategory()).isEqualTo(all);
    }

    @Test
    void byMonthListsEveryMonthWithTheSameMonthAYearEarlier() {
        List<Row> rows = stats.byMonth(ROOT, H1);
        assertThat(rows).extracting(Row::key).containsExactly("2021-01", "2021-02", "2021-03", "2021-04", "2021-05", "2021-06");
        assertThat(rows).extracting(r -> r.totals().activities()).containsExactly(1L, 1L, 2L, 0L, 0L, 1L);
        assertThat(rows).extracting(r -> r.previous().activities()).containsExactly(1L, 1L, 0L, 0L, 0L, 1L);
        assertThat(rows.get(2).label()).isEqualTo("2021年3月");
    }

    @Test
    void honoursByLevelAndKind() {
        HonorTable t = stats.honors(ROOT, H1);
        assertThat(t.count("国家级", "集体")).isEqualTo(1);
        assertThat(t.count("省级", "个人")).isEqualTo(2);
        assertThat(t.count("省级", "集体")).isZero(); // 07-01 is outside
        assertThat(t.count("市级", null)).isZero();   // other root
        assertThat(t.total()).isEqualTo(3);
        assertThat(t.cells()).hasSize(12);
        assertThat(stats.honors(ROOT, H1.previousYear()).count("省级", "集体")).isEqualTo(1);
        Behind b = stats.behind(ROOT, H1, new Figure.Honors("省级", "个人"), 100);
        assertThat(b.total()).isEqualTo(2);
        assertThat(b.rows()).extracting(RecordRow::title).containsExactly("省级优秀团员", "省级优秀团干部");
        assertThat(b.rows().get(1).detail()).contains("张𠮷").contains("个人");
    }

    @Test
    void organisationWork() {
        OrgWork w = stats.orgWork(ROOT, H1, 3);
        assertThat(w.asOf()).isEqualTo(d("2021-06-30"));
        assertThat(w.electionsHeld()).isEqualTo(new Change(1, 0)); // 1 on 2021-06-30; 8 is another root
        assertThat(w.founded()).isEqualTo(new Change(1, 0));       // 3 on 2021-01-01; 5 on 2020-07-01 is 2020H2
        // at 2021-06-30: overdue 2 (due 2021-02-28) and 4 (due 2021-03-01, own term 2)
        assertThat(w.electionsOverdue()).isEqualTo(2);
        assertThat(w.electionsDueSoon()).isZero();                 // nothing due 2021-06-30 … 2021-09-30
        assertThat(w.membersAtStart()).isEqualTo(7);               // on 2021-01-01: persons 1, 2, 3, 5, 7, 9, 10
        assertThat(w.membersAtEnd()).isEqualTo(6);                 // on 2021-06-30: 1, 2, 3, 5, 8, 10
        assertThat(w.joined()).isEqualTo(1);                       // 8
        assertThat(w.left()).isEqualTo(2);                         // 7, 9
        assertThat(w.ageOuts()).isEqualTo(2);                      // 1 (06-30), 10 (01-01)
        assertThat(w.withoutOrg()).isEqualTo(4);                   // 6, 7, 9, 11
    }

    @Test
    void electionDueDatesFollowLeapYearsAndTermChanges() {
        // 2016-02-29 + 5 years = 2021-02-28 (not 03-01), same as Org.nextElectionDue in Java
        Org union = orgs.get(UNION).orElseThrow();
        assertThat(union.nextElectionDue()).isEqualTo(d("2021-02-28"));
        List<ElectionDue> due = stats.electionsDue(null, d("2021-02-01"), 1, false, 100);
        assertThat(due).extracting(ElectionDue::orgId, ElectionDue::due)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(UNION, d("2021-02-28")), org.assertj.core.groups.Tuple.tuple(LEAGUE, d("2021-03-01")));
        // on the due day it is not yet overdue; the day after it is
        assertThat(stats.electionsDue(null, d("2021-02-28"), 0, true, 100)).isEmpty();
        assertThat(stats.electionsDue(null, d("2021-03-01"), 0, true, 100)).extracting(ElectionDue::orgId).containsExactly(UNION);
        assertThat(stats.electionsDue(null, d("2021-03-02"), 0, true, 100)).extracting(ElectionDue::orgId).containsExactly(UNION, LEAGUE);
        // 区团委's own term is changed from 2 years back to the type default (3): due moves to 2022-03-01
        db.txRun(ctx -> ctx.update(Tables.ORG).setNull(Tables.ORG.TERM_YEARS).where(Tables.ORG.ID.eq(LEAGUE)).execute());
        assertThat(stats.electionsDue(null, d("2021-03-02"), 0, true, 100)).extracting(ElectionDue::orgId).containsExactly(UNION);
        assertThat(stats.electionsDue(null, d("2022-03-01"), 0, false, 100)).extracting(ElectionDue::orgId).containsExactly(LEAGUE);
        // SQL agrees with Java for every organisation with a known base date, across leap days
        db.txRun(ctx -> ctx.update(Tables.ORG).set(Tables.ORG.LAST_ELECTION_ON, d("2020-02-29")).set(Tables.ORG.TERM_YEARS, 4)
                .where(Tables.ORG.ID.eq(BRANCH)).execute());
        for (Org o : orgs.listAll()) {
            if (o.nextElectionDue() == null) {
                continue;
            }
            assertThat(stats.electionsDue(null, o.nextElectionDue(), 0, false, 100)).extracting(ElectionDue::orgId).contains(o.id());
        }
        assertThat(orgs.get(BRANCH).orElseThrow().nextElectionDue()).isEqualTo(d("2024-02-29"));
        // 区妇联 has neither date: never listed
        assertThat(stats.electionsDue(null, d("2100-01-01"), 0, true, 100)).extracting(ElectionDue::orgId).doesNotContain(WOMEN);
    }

    @Test
    void leagueMembersAgeOutOnTheir28thBirthday() {
        assertThat(stats.ageOuts(ROOT, H1, 100)).extracting(AgeOut::name, AgeOut::turns28).containsExactly(
                org.assertj.core.groups.Tuple.tuple("冯十二😀", d("2021-01-01")), org.assertj.core.groups.Tuple.tuple("张𠮷", d("2021-06-30")));
        // the day before the 28th birthday: not yet
        assertThat(stats.ageOuts(ROOT, Period.custom(d("2021-01-02"), d("2021-06-29")), 100)).isEmpty();
        // everyone (null root): also 赵六 (other root), 孙八 (no organisation), 郑十一 (left, but still 团员)
        assertThat(stats.ageOuts(null, H1, 100)).extracting(AgeOut::name)
                .containsExactlyInAnyOrder("冯十二😀", "张𠮷", "赵六", "孙八", "郑十一");
        // born 29 Feb 1992: 28 on 29 Feb 2020; born 29 Feb 2072: 28 on 28 Feb 2100 (2100 is not a leap year)
        assertThat(stats.ageOuts(null, Period.month(2020, 2), 100)).extracting(AgeOut::turns28).containsExactly(d("2020-02-29"));
        assertThat(stats.ageOuts(null, Period.month(2100, 2), 100)).extracting(AgeOut::turns28).containsExactly(d("2100-02-28"));
        assertThat(stats.ageOuts(null, Period.custom(d("2100-03-01"), d("2100-03-31")), 100)).isEmpty();
    }

    @Test
    void remindersAtADate() {
        Reminders r = stats.reminders(null, d("2021-01-01"), 6, 100);
        // 28th birthdays from 2021-01-01 to 2021-07-01 inclusive: 10, 4, 6 (01-01), 9 (05-05), 1 (06-30), 2 (07-01)
        assertThat(r.turning28Count()).isEqualTo(6);
        assertThat(r.turning28()).extracting(AgeOut::name).endsWith("郑十一", "张𠮷", "李四");
        assertThat(r.over28()).extracting(AgeOut::name).containsExactly("王五");
        assertThat(r.electionsDueSoon()).extracting(ElectionDue::orgId).containsExactly(UNION, LEAGUE);
        assertThat(r.electionsOverdueCount()).isZero();
        assertThat(r.withoutOrgCount()).isEqualTo(3); // 6, 11, and 8 (joins 2021-04-01); 7 and 9 are still members on 2021-01-01
        Reminders scoped = stats.reminders(ROOT, d("2021-01-01"), 6, 100);
        assertThat(scoped.turning28()).extracting(AgeOut::name).containsExactly("冯十二😀", "郑十一", "张𠮷", "李四");
        assertThat(scoped.turning28().getFirst().orgName()).isEqualTo("区群团工作部");
        assertThat(stats.reminders(null, d("2021-01-01"), 6, 2).turning28()).hasSize(2);
        assertThatThrownBy(() -> stats.reminders(null, d("2021-01-01"), -1, 10)).hasMessageContaining("月数");
    }

    @Test
    void planItemsPastDueAreReminded() {
        // due 2021-03-31: overdue from 2021-04-01, not on the day itself; finished items never
        assertThat(stats.reminders(null, d("2021-03-31"), 0, 100).planItemsOverdue()).extracting(PlanItemDue::itemId).containsExactly(4);
        assertThat(stats.reminders(null, d("2021-04-01"), 0, 100).planItemsOverdue()).extracting(PlanItemDue::itemId).containsExactly(4, 1);
        Reminders root = stats.reminders(ROOT, d("2021-06-01"), 0, 100);
        assertThat(root.planItemsOverdue()).extracting(PlanItemDue::itemId).containsExactly(1, 3);
        assertThat(root.planItemsOverdue().getFirst().text()).isEqualTo("一是开展主题团日𠮷");
        assertThat(root.planItemsOverdue().getFirst().orgName()).isEqualTo("区团委");
        assertThat(root.planItemsOverdue().get(1).orgName()).isEqualTo("外区团委"); // the item's owner
        assertThat(root.planItemsOverdue().get(1).text()).endsWith("…").hasSizeLessThan(45);
        // another root sees its own plan's item and the item it owns in our plan
        assertThat(stats.reminders(OTHER, d("2021-06-01"), 0, 100).planItemsOverdue()).extracting(PlanItemDue::itemId).containsExactly(4, 3);
        assertThat(stats.reminders(OTHER, d("2021-06-01"), 0, 100).planItemsOverdueCount()).isEqualTo(2);
    }

    @Test
    void recordsBehindEachFigureMatchTheFigure() {
        Report report = stats.report(ROOT, H1);
        Behind all = stats.behind(ROOT, H1, Figure.Activities.all(), 100);
        assertThat(all.total()).isEqualTo(report.totals().activities());
        assertThat(all.rows()).extracting(RecordRow::id).containsExactly(1, 9, 5, 6, 2);
        assertThat(all.rows().getFirst().detail()).isEqualTo("学习教育 · 10人次 · 1.5小时 · 惠及100人");
        for (Row row : report.byCategory()) {
            assertThat(stats.behind(ROOT, H1, new Figure.Activities(row.id(), null, null, false), 100).total())
                    .as(row.label()).isEqualTo(row.totals().activities());
        }
        for (Row row : report.byMonth()) {
            assertThat(stats.behind(ROOT, H1, new Figure.Activities(null, YearMonth.parse(row.key()), null, false), 100).total())
                    .isEqualTo(row.totals().activities());
        }
        for (Row row : report.byChildOrg()) {
            boolean own = "本级".equals(row.note());
            assertThat(stats.behind(ROOT, H1, new Figure.Activities(null, null, own ? null : row.id(), own), 100).total())
                    .as(row.label()).isEqualTo(row.totals().activities());
        }
        Behind b = stats.behind(ROOT, H1, new Figure.Activities(CAT_VOLUNTEER, YearMonth.of(2021, 3), LEAGUE, false), 100);
        assertThat(b.rows()).extracting(RecordRow::id).containsExactly(6);
        assertThat(b.title()).isEqualTo("活动（志愿服务，2021年3月，区团委）");
        assertThat(stats.behind(ROOT, H1, Figure.Activities.all(), 2).rows()).hasSize(2);
        assertThat(stats.behind(ROOT, H1, Figure.Activities.all(), 2).truncated()).isTrue();

        OrgWork w = report.orgWork();
        assertThat(stats.behind(ROOT, H1, new Figure.ElectionsHeld(), 100).rows()).extracting(RecordRow::id).containsExactly(ROOT);
        assertThat(stats.behind(ROOT, H1, new Figure.Founded(), 100).rows()).extracting(RecordRow::id).containsExactly(STREET);
        assertThat(stats.behind(ROOT, H1, new Figure.ElectionsDue(w.asOf(), 3, true), 100).rows()).extracting(RecordRow::id)
                .containsExactly(UNION, LEAGUE);
        assertThat(stats.behind(ROOT, H1, new Figure.Members(true), 100).total()).isEqualTo(w.membersAtStart());
        assertThat(stats.behind(ROOT, H1, new Figure.Members(false), 100).rows()).extracting(RecordRow::id)
                .containsExactly(1, 2, 3, 5, 8, 10);
        assertThat(stats.behind(ROOT, H1, new Figure.MemberChanges(false), 100).rows()).extracting(RecordRow::title)
                .containsExactly("郑十一", "周九");
        assertThat(stats.behind(ROOT, H1, new Figure.AgeOuts(), 100).total()).isEqualTo(w.ageOuts());
        assertThat(stats.behind(ROOT, H1, new Figure.WithoutOrg(), 100).rows()).extracting(RecordRow::id).containsExactly(6, 7, 9, 11);
    }

    @Test
    void theOnePassReportAgreesWithTheSimpleTotals() {
        for (Integer root : new Integer[] {null, ROOT, UNION, STREET, LEAGUE, BRANCH, WOMEN, VOLUNTEERS, OTHER}) {
            for (Period p : List.of(H1, H1.previousYear(), Period.year(2021), Period.year(2020), Period.custom(d("2020-02-29"), d("2021-07-01")),
                    Period.month(2021, 3))) {
                Report r = stats.report(root, p);
                assertThat(r.totals()).as(root + " " + p).isEqualTo(stats.totals(root, p));
                assertThat(r.previousTotals()).as(root + " " + p).isEqualTo(stats.totals(root, p.previousYear()));
                assertThat(r.byMonth().stream().map(Row::totals).reduce(Totals.ZERO, Totals::plus)).isEqualTo(r.totals());
                assertThat(r.byChildOrg().stream().map(Row::totals).reduce(Totals.ZERO, Totals::plus)).isEqualTo(r.totals());
            }
        }
    }

    @Test
    void reportBundlesEverythingWithYearOnYearChange() {
        Report r = stats.report(ROOT, H1);
        assertThat(r.rootName()).isEqualTo("区群团工作部");
        assertThat(r.previousPeriod()).isEqualTo(Period.firstHalf(2020));
        Change c = r.change(Totals.Metric.ACTIVITIES);
        assertThat(c.delta()).isEqualTo(2);
        assertThat(c.percentText()).isEqualTo("+66.7%");
        assertThat(r.change(Totals.Metric.PARTICIPANTS).percent()).isEqualByComparingTo("545.5"); // 71 vs 11
        assertThat(r.honorChange("省级", "集体").percentText()).isEqualTo("-100.0%");
        assertThat(r.honorChange("国家级", "集体").percentText()).isEqualTo("新增");
        assertThatThrownBy(() -> stats.report(999, H1)).hasMessageContaining("#999");
    }
}
