package org.taizhang.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.Fixtures.orgInput;
import static org.taizhang.db.jooq.Tables.ACTIVITY;
import static org.taizhang.db.jooq.Tables.ORG;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.app.DemoDataFactory;
import org.taizhang.common.Texts;
import org.taizhang.db.Database;
import org.taizhang.demo.DemoData;
import org.taizhang.org.OrgService;

/**
 * Text search through the FTS5 trigram index gives exactly what the old row-by-row LIKE scan gave, on demo
 * data (real names, places and descriptions) and on awkward text; the triggers keep the index in step.
 */
class ActivityTextSearchTest {
    @TempDir
    static Path dir;
    static Database db;
    static ActivityService svc;
    static int org;
    static int cat;

    @BeforeAll
    static void setUp() {
        db = Database.open(dir.resolve("search.db"));
        DemoDataFactory.create(db, LocalDate.of(2024, 6, 30)).generate(new DemoData.Size(30, 100, 1500, 10), 5, p -> { });
        org = new OrgService(db).add(orgInput("𠮷祥街道团工委", 3, null));
        svc = new ActivityService(db);
        cat = svc.categoryByName("志愿服务").id();
        add("ABC 读书会 𠮷", "１２３号会议室", "含 100% 与 a_b 的\"引号\"简介😀");
        add("学雷锋", null, null);
        add("党史学习", "社区", "学习");
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    static int add(String name, String place, String description) {
        return svc.add(new ActivityInput(LocalDate.of(2024, 3, 5), null, name, org, List.of(), cat, 10, 20, 0, place,
                description, false, false), true);
    }

    /** Ids found by the filter's condition (index first) and by the plain scan; they must be equal. */
    static void assertSameAsScan(String query) {
        String q = Texts.cleanOrNull(query);
        List<Integer> indexed = db.read(ctx -> ctx.select(ACTIVITY.ID).from(ACTIVITY)
                .where(ActivityService.condition(ActivityFilter.ALL.withText(query))).orderBy(ACTIVITY.ID).fetch(ACTIVITY.ID));
        List<Integer> scanned = db.read(ctx -> ctx.select(ACTIVITY.ID).from(ACTIVITY)
                .where(TextSearch.scan(q)).orderBy(ACTIVITY.ID).fetch(ACTIVITY.ID));
        assertThat(indexed).as("search “%s”", query).isEqualTo(scanned);
    }

    @Test
    void substringsOfRealRecordsFindTheSameRowsAsTheScan() {
        List<String> texts = new ArrayList<>();
        db.read(ctx -> ctx.select(ACTIVITY.NAME, ACTIVITY.PLACE, ACTIVITY.DESCRIPTION).from(ACTIVITY).fetch()).forEach(r -> {
            for (String t : new String[] {r.value1(), r.value2(), r.value3()}) {
                if (t != null && !t.isBlank()) {
                    texts.add(t);
                }
            }
        });
        Random rnd = new Random(14);
        Set<String> queries = new LinkedHashSet<>();
        while (queries.size() < 160) {
            int[] cps = texts.get(rnd.nextInt(texts.size())).codePoints().toArray();
            int len = 1 + rnd.nextInt(Math.min(6, cps.length));
            int at = rnd.nextInt(cps.length - len + 1);
            String word = Texts.cleanOrNull(new String(cps, at, len));
            if (word != null) {
                queries.add(word);
            }
        }
        int found = 0;
        for (String q : queries) {
            assertSameAsScan(q);
            found += db.read(ctx -> ctx.fetchCount(ACTIVITY, ActivityService.condition(ActivityFilter.ALL.withText(q)))) > 0 ? 1 : 0;
        }
        assertThat(found).as("queries taken from the records find something").isEqualTo(queries.size());
    }

    @Test
    void twoCharacterWordsShortWordsAndSeveralWords() {
        for (String q : List.of("学习", "社区", "雷锋", "志愿 服务", "学习 社区", "学", "服务 2", "区", "会议", "团工")) {
            assertSameAsScan(q);
        }
        // a two-character word at the very end of a value (found through the U+001F after it)
        assertThat(ids("雷锋")).isNotEmpty();
        Integer history = db.read(ctx -> ctx.select(ACTIVITY.ID).from(ACTIVITY).where(ACTIVITY.NAME.eq("党史学习")).fetchOne(ACTIVITY.ID));
        assertThat(ids("学习 社区")).contains(history);
    }

    @Test
    void awkwardTextCaseAndSpecialCharacters() {
        for (String q : List.of("abc", "ABC", "aBc 读书", "𠮷", "读书会 𠮷", "１２３", "１２", "123", "100%", "%", "a_b", "_",
                "\"引号\"", "引号\"", "😀", "简介😀", "ab", "AB", "Bc", "zz", "不存在的文字")) {
            assertSameAsScan(q);
        }
        assertThat(ids("abc")).hasSize(1).isEqualTo(ids("ABC"));
        assertThat(ids("１２３号")).hasSize(1);
        assertThat(ids("100%")).hasSize(1);
        assertThat(ids("不存在的文字")).isEmpty();
    }

    @Test
    void theIndexFollowsAddEditDeleteAndUndo() {
        int id = add("冬日送温暖慰问活动", "𠮷祥社区", null);
        assertThat(ids("送温暖")).contains(id);
        assertThat(ids("𠮷祥社")).contains(id);
        ActivityRow row = svc.get(id).orElseThrow();
        svc.update(id, new ActivityInput(row.startDate(), null, "夏季防溺水宣传", org, List.of(), cat, 10, 20, 0, "河畔",
                null, false, false), true);
        assertThat(ids("送温暖")).doesNotContain(id);
        assertThat(ids("防溺水")).contains(id);
        assertThat(ids("河畔")).contains(id);
        svc.remove(id);
        assertThat(ids("防溺水")).doesNotContain(id);
        svc.undoLastDelete();
        assertThat(ids("防溺水")).contains(id);
        assertSameAsScan("防溺水");
    }

    @Test
    void theIndexDoesTheNarrowing() throws Exception {
        int id = add("独一无二的标题", null, null);
        assertThat(ids("一无二")).containsExactly(id);
        assertThat(ids("无二")).containsExactly(id);
        // take the row out of the index only: a search that really uses the index no longer finds it
        db.withConnection(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate("DELETE FROM activity_fts WHERE rowid = " + id);
            }
        });
        assertThat(ids("一无二")).isEmpty();
        assertThat(ids("无二")).isEmpty();
        db.withConnection(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate("INSERT INTO activity_fts (rowid, name) VALUES (" + id + ", '独一无二的标题' || char(31))");
            }
        });
        assertThat(ids("一无二")).containsExactly(id);
    }

    /**
     * Every way of reading a search (index looked up by id, date index walked and tested against the index's
     * matches, no index at all) gives exactly the scan's rows in the list's order, with year, subtree and
     * category filters; and the list's page and totals (which pick one of those ways by the index's counts)
     * equal the scan's.
     */
    @Test
    void everyPlanAndTheListEqualTheScanWithFilters() {
        List<String> texts = new ArrayList<>();
        db.read(ctx -> ctx.select(ACTIVITY.NAME, ACTIVITY.PLACE).from(ACTIVITY).fetch()).forEach(r -> {
            if (r.value1() != null) {
                texts.add(r.value1());
            }
            if (r.value2() != null) {
                texts.add(r.value2());
            }
        });
        List<Integer> roots = db.read(ctx -> ctx.select(ORG.ID).from(ORG).orderBy(ORG.ID).fetch(ORG.ID));
        Random rnd = new Random(1414);
        int nonEmpty = 0;
        for (int i = 0; i < 40; i++) {
            int[] cps = texts.get(rnd.nextInt(texts.size())).codePoints().toArray();
            int len = 2 + rnd.nextInt(Math.min(4, cps.length - 1));
            int at = rnd.nextInt(cps.length - len + 1);
            String word = Texts.cleanOrNull(new String(cps, at, len));
            if (word == null) {
                continue;
            }
            String q = i % 7 == 0 ? word + " 活动" : word;
            int year = 2022 + rnd.nextInt(3);
            ActivityFilter f = new ActivityFilter(rnd.nextBoolean() ? LocalDate.of(year, 1, 1) : null,
                    rnd.nextBoolean() ? LocalDate.of(year, 12, 31) : null,
                    rnd.nextInt(3) == 0 ? null : roots.get(rnd.nextInt(Math.min(8, roots.size()))),
                    rnd.nextInt(4) == 0 ? cat : null, q, rnd.nextInt(5) == 0);
            ActivityFilter plain = f.withText(null);
            org.jooq.Condition scan = ActivityService.condition(plain).and(TextSearch.scan(Texts.cleanOrNull(q)));
            List<Integer> expected = db.read(ctx -> ctx.select(ACTIVITY.ID).from(ACTIVITY).where(scan)
                    .orderBy(ACTIVITY.START_DATE.desc(), ACTIVITY.ID.desc()).fetch(ACTIVITY.ID));
            for (boolean byDate : new boolean[] {false, true}) {
                for (TextSearch.Plan plan : TextSearch.Plan.values()) {
                    List<Integer> got = db.read(ctx -> ctx.select(ACTIVITY.ID).from(ACTIVITY)
                            .where(ActivityService.condition(f, byDate, plan))
                            .orderBy(ACTIVITY.START_DATE.desc(), ACTIVITY.ID.desc()).fetch(ACTIVITY.ID));
                    assertThat(got).as("“%s” %s, plan %s, by date %s", q, f, plan, byDate).isEqualTo(expected);
                }
            }
            ActivityTotals sums = db.read(ctx -> {
                var r = ctx.select(DSL.count(), DSL.coalesce(DSL.sum(ACTIVITY.PARTICIPANTS), 0).cast(Long.class),
                        DSL.coalesce(DSL.sum(ACTIVITY.SERVICE_TENTHS), 0).cast(Long.class),
                        DSL.coalesce(DSL.sum(ACTIVITY.BENEFICIARIES), 0).cast(Long.class),
                        DSL.count().filterWhere(ACTIVITY.PLANNED.eq(DSL.inline(true)))).from(ACTIVITY).where(scan).fetchOne();
                return new ActivityTotals(r.value1(), r.value2(), r.value3(), r.value4(), r.value5());
            });
            int offset = rnd.nextInt(3) * 5;
            int limit = 1 + rnd.nextInt(30);
            ActivityPage page = svc.list(f, ActivitySort.DATE, true, offset, limit);
            assertThat(page.totals()).as("totals of “%s” %s", q, f).isEqualTo(sums);
            assertThat(page.rows().stream().map(ActivityRow::id).toList()).as("page of “%s” %s", q, f)
                    .isEqualTo(expected.subList(Math.min(offset, expected.size()), Math.min(offset + limit, expected.size())));
            assertThat(svc.rows(f, ActivitySort.DATE, true, offset, limit, expected.size()).stream().map(ActivityRow::id).toList())
                    .isEqualTo(page.rows().stream().map(ActivityRow::id).toList());
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("searches that find something").isGreaterThan(12);
    }

    @Test
    void theEstimateIsAnUpperBoundFromTheIndex() {
        long all = db.read(ctx -> (long) ctx.fetchCount(ACTIVITY));
        for (String q : List.of("学雷锋", "雷锋", "志愿 服务", "社区", "不存在的文字", "abc")) {
            long found = ids(q).size();
            long estimate = db.read(ctx -> TextSearch.estimate(ctx, Texts.cleanOrNull(q)));
            assertThat(estimate).as("estimate for “%s”", q).isBetween(found, all);
        }
        long single = db.read(ctx -> TextSearch.estimate(ctx, "学"));
        long none = db.read(ctx -> TextSearch.estimate(ctx, "不存在的文字"));
        assertThat(single).as("a one-character word is not in the index").isEqualTo(-1L);
        assertThat(none).isZero();
    }

    static List<Integer> ids(String q) {
        return new ArrayList<>(db.read(ctx -> ctx.select(ACTIVITY.ID).from(ACTIVITY)
                .where(ActivityService.condition(ActivityFilter.ALL.withText(q))).orderBy(ACTIVITY.ID).fetch(ACTIVITY.ID)));
    }
}
