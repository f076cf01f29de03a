package org.taizhang.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.Fixtures.orgInput;
import static org.taizhang.db.jooq.Tables.ACTIVITY;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
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

    static List<Integer> ids(String q) {
        return new ArrayList<>(db.read(ctx -> ctx.select(ACTIVITY.ID).from(ACTIVITY)
                .where(ActivityService.condition(ActivityFilter.ALL.withText(q))).orderBy(ACTIVITY.ID).fetch(ACTIVITY.ID)));
    }
}
