package org.taizhang.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.db.jooq.Tables.ACTIVITY;
import static org.taizhang.db.jooq.Tables.HONOR;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.Fixtures;
import org.taizhang.TestDb;
import org.taizhang.db.Database;

/**
 * Every list the summary writes names each thing once: activities of one name held by several
 * organisations (walk 1, finding 23: 「关爱空巢老人志愿服务、关爱空巢老人志愿服务等活动」), organisations of
 * one name under different parents, one honour given to several organisations — in the draft and in the
 * Word file written and read back.
 */
class SummaryListsTest {
    @TempDir
    Path dir;

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 6, 30);
    static final int VOLUNTEER = 2;

    private static void activity(Database db, int org, String name, LocalDate day, int participants) {
        db.txRun(ctx -> ctx.insertInto(ACTIVITY).set(ACTIVITY.NAME, name).set(ACTIVITY.ORG_ID, org).set(ACTIVITY.CATEGORY_ID, VOLUNTEER)
                .set(ACTIVITY.START_DATE, day).set(ACTIVITY.PARTICIPANTS, participants).set(ACTIVITY.SERVICE_TENTHS, 0)
                .set(ACTIVITY.BENEFICIARIES, 0).set(ACTIVITY.PLANNED, false).execute());
    }

    private static void honour(Database db, int org, String title, String issuer) {
        db.txRun(ctx -> ctx.insertInto(HONOR).set(HONOR.ORG_ID, org).set(HONOR.HONOR_DATE, LocalDate.of(2026, 5, 4)).set(HONOR.TITLE, title)
                .set(HONOR.LEVEL, "省级").set(HONOR.KIND, "集体").set(HONOR.ISSUER, issuer).execute());
    }

    private static int occurrences(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            n++;
        }
        return n;
    }

    @Test
    void namesInListsAreDistinctInTheDraftAndInWord() throws Exception {
        try (Database db = TestDb.open(dir)) {
            int root = Fixtures.org(db, "示范区群团工作部", null, 1, LocalDate.of(2010, 1, 1), null);
            int a = Fixtures.org(db, "𠮷祥社区团委", root, 3, LocalDate.of(2010, 1, 1), null);
            int b = Fixtures.org(db, "南园社区团委", root, 3, LocalDate.of(2010, 1, 1), null);
            int c = Fixtures.org(db, "园岭社区团委", root, 3, LocalDate.of(2010, 1, 1), null);
            // two organisations of one name under different parents, both founded in the period
            Fixtures.org(db, "和桥社区团支部", a, 5, LocalDate.of(2026, 3, 1), null);
            Fixtures.org(db, "和桥社区团支部", b, 5, LocalDate.of(2026, 4, 1), null);
            activity(db, a, "学雷锋志愿服务", LocalDate.of(2026, 3, 5), 900);
            activity(db, b, "文明交通劝导志愿服务", LocalDate.of(2026, 3, 20), 800);
            activity(db, c, "文明交通劝导志愿服务", LocalDate.of(2026, 4, 20), 750);
            activity(db, c, "敬老院探访志愿服务", LocalDate.of(2026, 4, 2), 700);
            activity(db, a, "关爱空巢老人志愿服务", LocalDate.of(2026, 5, 8), 600);
            activity(db, b, "关爱空巢老人志愿服务（第2场）", LocalDate.of(2026, 5, 9), 500);
            activity(db, c, "关爱空巢老人志愿服务", LocalDate.of(2026, 6, 9), 40);
            activity(db, c, "社区环境清洁１２３🎉", LocalDate.of(2026, 6, 10), 30);
            honour(db, a, "广东省青年文明号", "共青团广东省委");
            honour(db, b, "广东省青年文明号", "共青团广东省委");

            SummaryComposer composer = new SummaryComposer(db, Fixtures.clockAt(LocalDate.of(2026, 7, 3), ZoneOffset.UTC));
            SummaryContent draft = composer.draft(root, FROM, TO, SummaryTemplate.SUMMARY, null);
            assertThat(draft.part(SummaryComposer.INTRO).text()).startsWith("2026年上半年，示范区群团工作部");
            // a period not yet over says up to when it is counted
            SummaryContent running = new SummaryComposer(db, Fixtures.clockAt(LocalDate.of(2026, 6, 2), ZoneOffset.UTC))
                    .draft(root, FROM, TO, SummaryTemplate.SUMMARY, null);
            assertThat(running.part(SummaryComposer.INTRO).text()).startsWith("2026年上半年（截至6月2日），示范区群团工作部");
            String work = draft.part(SummaryComposer.WORK).text();
            String volunteer = work.lines().filter(l -> l.contains("志愿服务活动")).findFirst().orElseThrow();
            // the activity named in detail is not listed again, a name held by several organisations is one item with its count
            assertThat(occurrences(volunteer, "文明交通劝导志愿服务")).as(volunteer).isEqualTo(1);
            assertThat(occurrences(volunteer, "关爱空巢老人志愿服务")).as(volunteer).isEqualTo(1);
            assertThat(volunteer).contains("此外，还开展了关爱空巢老人志愿服务（2次）等活动。");
            // one clause for one honour given to two organisations
            assertThat(work).contains("𠮷祥社区团委和南园社区团委被共青团广东省委授予“广东省青年文明号”称号");
            assertThat(occurrences(work, "广东省青年文明号")).isEqualTo(1);
            // organisations of one name: once, with how many
            assertThat(work).contains("新成立和桥社区团支部（2个）");
            assertThat(occurrences(work, "和桥社区团支部")).isEqualTo(1);

            Path file = dir.resolve("总结.docx");
            composer.export(draft, file);
            try (XWPFDocument d = new XWPFDocument(Files.newInputStream(file))) {
                String all = String.join("\n", d.getParagraphs().stream().map(XWPFParagraph::getText).toList());
                assertThat(all).contains("此外，还开展了关爱空巢老人志愿服务（2次）等活动。")
                        .contains("𠮷祥社区团委和南园社区团委被共青团广东省委授予“广东省青年文明号”称号").contains("新成立和桥社区团支部（2个）");
                for (String name : List.of("文明交通劝导志愿服务", "关爱空巢老人志愿服务", "广东省青年文明号", "和桥社区团支部")) {
                    assertThat(occurrences(all, name)).as(name).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void proseListsNeverRepeatAName() {
        assertThat(Prose.list(List.of("甲", "乙", "甲"))).isEqualTo("甲和乙");
        assertThat(Prose.list(List.of("和桥社区团委", "南园社区团委", "和桥社区团委"), "个")).isEqualTo("和桥社区团委（2个）和南园社区团委");
        assertThat(Prose.etc(List.of("A", "B", "A", "C"))).isEqualTo("A、B、C");
        assertThat(Prose.numbered(List.of("甲。", "乙。"))).isEqualTo("一是甲。二是乙。");
        assertThat(Prose.numbered(List.of("甲。"))).isEqualTo("甲。");
    }

    @Test
    void tablesWriteShortDatesAndGroupedNumbers() {
        LocalDate from = LocalDate.of(2021, 1, 1);
        LocalDate to = LocalDate.of(2021, 6, 30);
        assertThat(org.taizhang.common.Numbers.tableDate(LocalDate.of(2021, 5, 5), from, to)).isEqualTo("5月5日");
        assertThat(org.taizhang.common.Numbers.tableDate(LocalDate.of(2021, 5, 5), LocalDate.of(2020, 7, 1), to)).isEqualTo("2021-05-05");
        assertThat(org.taizhang.common.Numbers.groupedTenths(639150, true)).isEqualTo("63,915.0");
        assertThat(org.taizhang.common.Numbers.groupedTenths(1205, true)).isEqualTo("120.5");
        // 小四 when the columns can hold every cell on one line, 五号 when they cannot
        assertThat(WordWriter.tablePt(List.of("类别", "场次"), List.of(List.of("志愿服务", "1,234")), WordWriter.TEXT_WIDTH)).isEqualTo(12.0);
        assertThat(WordWriter.tablePt(List.of("序号", "日期", "荣誉名称", "级别", "类型", "获得者"),
                List.of(List.of("1", "5月4日", "广东“优秀战疫志愿服务典型”项目𠮷", "国家级", "集体", "葵涌办事处公共服务办公室团支部")),
                WordWriter.TEXT_WIDTH)).isEqualTo(10.5);
    }
}
