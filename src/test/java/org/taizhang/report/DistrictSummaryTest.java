package org.taizhang.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.Fixtures;
import org.taizhang.TestDb;
import org.taizhang.db.Database;
import org.taizhang.demo.DistrictExample;

/**
 * The summary of a realistic district half-year (built by hand after a real 群团工作部 summary, see
 * {@link DistrictExample}) reads like the office's own: concrete activities and the national honour
 * named, themed headings without repeats, no text meant for the clerk, and a valid Word file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistrictSummaryTest {
    @TempDir
    static Path dir;
    Database db;
    DistrictExample.Ids ids;
    SummaryComposer composer;
    SummaryContent both;
    String text;

    @BeforeAll
    void load() {
        db = TestDb.open(dir);
        ids = DistrictExample.load(db);
        composer = new SummaryComposer(db, Fixtures.clockAt(LocalDate.of(2026, 3, 2), java.time.ZoneOffset.UTC));
        both = composer.draft(ids.root(), DistrictExample.FROM, DistrictExample.TO, SummaryTemplate.BOTH, null)
                .withAppendices(List.of("stats", "honors", "activities"));
        text = all(both);
    }

    @AfterAll
    void close() {
        db.close();
    }

    static String all(SummaryContent c) {
        StringBuilder b = new StringBuilder(c.title()).append('\n');
        c.parts().forEach(p -> b.append(p.heading()).append('\n').append(p.text()).append('\n'));
        return b.toString();
    }

    @Test
    void namesConcreteActivitiesWithOrganiserMonthAndFigures() throws Exception {
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "district-summary.txt"), text);
        List<String> named = List.of("“马路天使”交通文明志愿服务", "“红色阅读周周汇”党史学习教育", "首届“工会杯”八人制足球联赛", "防疫志愿服务",
                "“亮净一号”清滩护河净山志愿服务", "“相约湾区 青聚大鹏”深港澳青年交流活动", "“青春齐向党”主题团日活动");
        long found = named.stream().filter(text::contains).count();
        assertThat(found).isGreaterThanOrEqualTo(5);
        assertThat(text).contains("新区义工联1至6月开展“马路天使”交通文明志愿服务，287人次参与，服务时长7335小时");
        // a series with serial tails is named once, cleaned, with its count
        assertThat(text).contains("“三会一课”专题学习（51期）").doesNotContain("（第1期）").doesNotContain("第51期");
        // planned activities are not named
        assertThat(text).doesNotContain("青春夜话");
        // 「等活动」 when there are more than the ones named
        assertThat(text).contains("等活动");
    }

    @Test
    void namesTheNationalAndProvincialHonoursAndCountsTheRest() {
        assertThat(text).contains("葵涌办事处公共服务办公室团支部被共青团中央授予“全国五四红旗团支部”称号");
        assertThat(text).contains("新区总工会黄旭军同志被中共广东省委授予“省级优秀共产党员”称号");
        assertThat(text).contains("市级集体荣誉7项、个人荣誉23项").contains("共获得各级荣誉42项");
        assertThat(text).doesNotContain("市“十佳公益组织”称号"); // 市级: counted, not named
    }

    @Test
    void organisationWorkCountsManyElectionsAndNamesANewOrganisation() {
        assertThat(text).contains("指导25个基层组织规范有序完成换届，其中团委13个、妇联12个");
        assertThat(text).contains("新成立新区青年发展促进会");
        assertThat(text).contains("尚有2个组织换届逾期");
    }

    @Test
    void openingLeadsIntoTheReportWithHeadlineFigures() {
        SummaryContent.Part intro = both.parts().getFirst();
        assertThat(intro.key()).isEqualTo(SummaryComposer.INTRO);
        assertThat(intro.heading()).isEmpty();
        assertThat(intro.text()).startsWith("2021年上半年，大鹏新区群团工作部坚持以习近平新时代中国特色社会主义思想为指导")
                .contains("共开展各类活动").contains("其中国家级荣誉1项").contains("25个基层组织顺利完成换届")
                .endsWith("现将2021年上半年工作情况总结如下：");
    }

    @Test
    void themedHeadingsNeverTwiceAndEmptyThemesLeftOut() {
        List<String> headings = new ArrayList<>();
        both.parts().forEach(p -> {
            headings.add(p.heading());
            p.paras().stream().map(SummaryContent.Para::text).filter(t -> t.matches("^（[一二三四五六七八九十]+）.*")).forEach(headings::add);
        });
        Set<String> seen = new HashSet<>();
        for (String h : headings) {
            assertThat(seen.add(ThemeService.normal(h.replaceAll("^（[一二三四五六七八九十]+）", "")))).as("heading twice: " + h).isTrue();
        }
        String work = both.part(SummaryComposer.WORK).text();
        assertThat(work).contains("（一）坚持思想引领，引导群众听党话跟党走").contains("（二）深化志愿服务，用心用情服务群众")
                .contains("选树先进典型，激发争先创优活力");
        // 志愿服务 and 慰问帮扶 share one theme: one heading, 一是/二是 inside
        assertThat(work).contains("一是志愿服务常态长效。").contains("二是关爱帮扶温暖人心。");
        assertThat(work).doesNotContain("（十）").doesNotContain("会议工作").doesNotContain("其他工作");
    }

    @Test
    void problemsAreDraftedFromTheRecords() {
        String problems = both.part(SummaryComposer.PROBLEMS).text();
        assertThat(problems).startsWith("一是");
        assertThat(problems).contains("文体活动由6场减少到1场").contains("慰问帮扶活动由9场减少到4场");
        assertThat(problems).contains("葵涌社区工联会和南澳社区工联会换届已逾期");
        assertThat(problems).contains("5名团员年满28周岁后仍登记为共青团员");
        assertThat(problems).contains("“志愿服务常态化”目标志愿服务开展活动20场，实际完成11场（55%）").contains("另有1项任务已过完成时限仍未办结");
    }

    @Test
    void thePeopleHaveRealisticDistinctNames() {
        List<String> names = db.read(ctx -> ctx.select(org.taizhang.db.jooq.Tables.PERSON.NAME).from(org.taizhang.db.jooq.Tables.PERSON)
                .fetch(org.taizhang.db.jooq.Tables.PERSON.NAME));
        assertThat(names).hasSizeGreaterThan(60).doesNotHaveDuplicates();
        assertThat(names).noneMatch(n -> n.matches(".*[0-9０-９].*") || n.startsWith("青年") || n.startsWith("先进个人"));
        assertThat(names).allMatch(n -> n.codePointCount(0, n.length()) >= 2 && n.codePointCount(0, n.length()) <= 4);
    }

    @Test
    void thePlanKeepsItsStructure() {
        List<String> next = both.part(SummaryComposer.NEXT).paras().stream().map(SummaryContent.Para::text).toList();
        assertThat(next).containsSubsequence("（一）聚焦“美丽大鹏”，实施生态志愿促进行动", "一是全方位提升党建引领志愿参与。持续完善党建引领“实战化体系化”志愿服务模式，培育涉海安全、山地救援、心理援助等专业志愿服务队伍。"
                + "二是广覆盖延展生态环保志愿内涵。组建生态环保志愿服务联盟，延展“亮净一号”生态志愿服务空间。", "（二）聚焦“活力大鹏”，实施改革创新牵引行动",
                "1．做深做优“质量建会”", "一是扎实做好“工会权益盾”服务。打造一批“活力工会”品牌。二是开发“鹏翼”人才发展计划。推动基层工会由“建起来”到“活起来”。",
                "2．巩固提升“破难行动”成果", "开展妇联“领头雁”培训项目。实施妇联执委积分制。", "（三）聚焦“幸福大鹏”，实施共建共享温暖行动");
    }

    @Test
    void withoutAPlanTheNextStepsAreDraftedFromWhatFallsDue() {
        db.txRun(ctx -> ctx.deleteFrom(org.taizhang.db.jooq.Tables.PLAN).where(org.taizhang.db.jooq.Tables.PLAN.ID.eq(ids.nextPlan())).execute());
        try {
            SummaryContent c = composer.draft(ids.root(), DistrictExample.FROM, DistrictExample.TO, SummaryTemplate.BOTH, null);
            String next = c.part(SummaryComposer.NEXT).text();
            assertThat(next).startsWith("下一步，大鹏新区群团工作部将").contains("（一）持续深化重点工作").contains("“亮净一号”清滩护河净山志愿服务")
                    .contains("（二）夯实基层组织基础").contains("3名团员将于下半年年满28周岁")
                    .contains("（三）推动计划任务落实").contains("建立生态环保志愿服务联盟。");
            assertThat(next).doesNotContain("（请").doesNotContain("尚未编写");
        } finally {
            // put the plan back for the other tests: reload the example into a fresh database is costly; not needed
        }
    }

    @Test
    void theWordFileIsCleanValidAndNamesWhatTheTextNames() throws Exception {
        Path file = dir.resolve("大鹏新区2021年上半年工作总结.docx");
        composer.export(both, file);
        String all;
        try (InputStream in = Files.newInputStream(file); XWPFDocument d = new XWPFDocument(in)) {
            all = String.join("\n", d.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(d.getTables()).isNotEmpty();
            d.getTables().forEach(t -> assertThat(t.getCTTbl().getTblGrid()).isNotNull());
            assertThat(d.getProperties().getCoreProperties().getCreator()).isEqualTo("大鹏新区群团工作部");
            assertThat(d.getProperties().getExtendedProperties().getApplication()).isEqualTo("Taizhang");
        }
        assertThat(all).contains("葵涌办事处公共服务办公室团支部被共青团中央授予“全国五四红旗团支部”称号").contains("“马路天使”交通文明志愿服务");
        // nothing in brackets meant for the clerk
        Matcher hint = Pattern.compile("[（(](?:请|尚未|此处|在此)[^）)]*[）)]").matcher(all);
        assertThat(hint.find()).as("placeholder text in the file").isFalse();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String settings = new String(zip.getInputStream(zip.getEntry("word/settings.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(settings).containsPattern("w:compatSetting[^>]*w:name=\"compatibilityMode\"[^>]*w:val=\"15\"");
            String doc = new String(zip.getInputStream(zip.getEntry("word/document.xml")).readAllBytes(), StandardCharsets.UTF_8);
            int tables = doc.split("<w:tbl>", -1).length - 1;
            assertThat(doc.split("<w:tblGrid>", -1).length - 1).isEqualTo(tables);
            assertThat(doc).contains("<w:outlineLvl w:val=\"0\"/>").contains("<w:outlineLvl w:val=\"1\"/>");
        }
    }
}
