package org.taizhang.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.TestDb;
import org.taizhang.cli.CliRun;
import org.taizhang.cli.TaizhangCli;
import org.taizhang.db.Database;
import org.taizhang.org.OrgService;

/** The stats command on the golden fixture: JSON schema, text, reminders, records, export, bad input. */
class StatsCommandTest {
    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void setUp() {
        try (Database db = TestDb.open(dir)) {
            StatsFixture.load(db);
            new OrgService(db).move(StatsFixture.VOLUNTEERS, StatsFixture.LEAGUE);
        }
        file = dir.resolve("test.db");
    }

    CliRun run(String... args) {
        return CliRun.onDb(file, args);
    }

    @Test
    void jsonReportHasTheDocumentedSchemaAndTheGoldenFigures() throws Exception {
        CliRun r = run("stats", "--org", "区群团工作部", "--period", "2021H1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("schema").asText()).isEqualTo("taizhang.stats/1");
        assertThat(j.at("/org/id").asInt()).isEqualTo(1);
        assertThat(j.at("/period/from").asText()).isEqualTo("2021-01-01");
        assertThat(j.at("/period/to").asText()).isEqualTo("2021-06-30");
        assertThat(j.at("/period/label").asText()).isEqualTo("2021年上半年");
        assertThat(j.at("/period/code").asText()).isEqualTo("2021H1");
        assertThat(j.at("/previousPeriod/code").asText()).isEqualTo("2020H1");
        assertThat(j.at("/totals/activities").asLong()).isEqualTo(5);
        assertThat(j.at("/totals/participants").asLong()).isEqualTo(71);
        assertThat(j.at("/totals/serviceTenths").asLong()).isEqualTo(92);
        assertThat(j.at("/totals/serviceHours").decimalValue()).isEqualByComparingTo("9.2");
        assertThat(j.at("/totals/beneficiaries").asLong()).isEqualTo(162);
        assertThat(j.at("/previousTotals/activities").asLong()).isEqualTo(3);
        assertThat(j.at("/change/activities/delta").asLong()).isEqualTo(2);
        assertThat(j.at("/change/activities/percent").decimalValue()).isEqualByComparingTo("66.7");
        assertThat(j.get("byMonth")).hasSize(6);
        assertThat(j.at("/byMonth/2/month").asText()).isEqualTo("2021-03");
        assertThat(j.at("/byMonth/2/totals/activities").asLong()).isEqualTo(2);
        assertThat(j.at("/byChildOrg/0/own").asBoolean()).isTrue();
        assertThat(j.at("/byChildOrg/2/name").asText()).isEqualTo("区团委");
        assertThat(j.at("/byChildOrg/2/totals/participants").asLong()).isEqualTo(38);
        JsonNode old = null;
        for (JsonNode c : j.get("byCategory")) {
            if (c.get("id").asInt() == StatsFixture.CAT_OLD) {
                old = c;
            }
        }
        assertThat(old).isNotNull();
        assertThat(old.get("active").asBoolean()).isFalse();
        // categories without activities in either period are left out unless --all-categories
        assertThat(j.get("byCategory")).extracting(c -> c.get("id").asInt())
                .containsExactly(StatsFixture.CAT_STUDY, StatsFixture.CAT_VOLUNTEER, StatsFixture.CAT_SPORTS, StatsFixture.CAT_OLD);
        JsonNode all = new ObjectMapper().readTree(run("stats", "--org", "区群团工作部", "--period", "2021H1", "--all-categories", "--json").out());
        assertThat(all.get("byCategory")).hasSize(11);
        assertThat(all.get("totals")).isEqualTo(j.get("totals"));
        assertThat(j.at("/honors/total").asLong()).isEqualTo(3);
        assertThat(j.at("/honors/cells/0/level").asText()).isEqualTo("国家级");
        assertThat(j.at("/honors/cells/0/count").asLong()).isEqualTo(1);
        assertThat(j.at("/orgWork/electionsHeld/current").asLong()).isEqualTo(1);
        assertThat(j.at("/orgWork/members/atEnd").asLong()).isEqualTo(6);
        assertThat(j.at("/orgWork/ageOuts").asLong()).isEqualTo(2);

        // --from/--to gives the same figures as --period; full-width dates are accepted
        CliRun custom = run("stats", "--org", "#1", "--from", "２０２１年１月１日", "--to", "2021/6/30", "--json");
        assertThat(new ObjectMapper().readTree(custom.out()).get("totals")).isEqualTo(j.get("totals"));
    }

    @Test
    void textReport() {
        CliRun r = run("stats", "--org", "区团委", "--period", "2021H1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("区团委 · 2021年上半年").contains("场次：2 场").contains("青年志愿队：1 场");
        // the text's 按类别 table lists the unused categories only when asked
        String all = run("stats", "--org", "区团委", "--period", "2021H1", "--all-categories").out();
        assertThat(all.lines().count()).isGreaterThan(r.out().lines().count());
        assertThat(run("stats", "--help").out()).contains("--all-categories").contains("都没有活动的类别");
    }

    @Test
    void remindersAsJsonAndText() throws Exception {
        CliRun r = run("stats", "reminders", "--at", "2021-01-01", "--months", "6", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("schema").asText()).isEqualTo("taizhang.reminders/1");
        assertThat(j.at("/turning28/count").asLong()).isEqualTo(6);
        assertThat(j.at("/electionsDueSoon/items/0/due").asText()).isEqualTo("2021-02-28");
        assertThat(j.at("/over28/items/0/name").asText()).isEqualTo("王五");
        assertThat(j.at("/planItemsOverdue/count").asLong()).isZero();
        JsonNode later = new ObjectMapper().readTree(run("stats", "reminders", "--at", "2021-04-01", "--json").out());
        assertThat(later.at("/planItemsOverdue/items/1/text").asText()).isEqualTo("一是开展主题团日𠮷");
        assertThat(later.at("/planItemsOverdue/items/1/due").asText()).isEqualTo("2021-03-31");
        CliRun text = run("stats", "reminders", "--at", "2021-03-02", "--months", "1");
        assertThat(text.out()).contains("换届已逾期：2 个").contains("区总工会［工会］应于 2021-02-28 换届");
    }

    @Test
    void recordsBehindAFigure() throws Exception {
        CliRun r = run("stats", "records", "--org", "区群团工作部", "--period", "2021H1", "--figure", "activities", "--category", "志愿服务",
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("total").asLong()).isEqualTo(2);
        assertThat(j.at("/rows/0/date").asText()).isEqualTo("2021-03-20");
        CliRun honors = run("stats", "records", "--org", "1", "--period", "2021H1", "--figure", "honors", "--level", "省级", "--kind", "个人");
        assertThat(honors.out()).contains("共 2 条").contains("省级优秀团干部");
    }

    @Test
    void exportWritesOneSheetPerBreakdown() throws Exception {
        Path out = dir.resolve("统计𠮷.xlsx");
        Files.writeString(out, "old content that must be replaced");
        CliRun r = run("stats", "export", "--org", "区群团工作部", "--period", "2021H1", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(6);
            Sheet overview = wb.getSheet("总览");
            assertThat(overview.getRow(4).getCell(0).getStringCellValue()).isEqualTo("场次");
            assertThat(overview.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(5);
            assertThat(overview.getRow(6).getCell(1).getNumericCellValue()).isEqualTo(9.2);
            assertThat(overview.getRow(3).getCell(0).getCellStyle().getFillForegroundColor()).isNotZero();
            Sheet byChild = wb.getSheet("按下级组织");
            assertThat(byChild.getRow(7).getCell(0).getStringCellValue()).isEqualTo("区妇联");
            assertThat(byChild.getRow(8).getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(byChild.getRow(8).getCell(2).getNumericCellValue()).isEqualTo(5);
            Sheet honors = wb.getSheet("荣誉");
            assertThat(honors.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(1);
            int usedRows = wb.getSheet("按类别").getLastRowNum();
            Path allOut = dir.resolve("全部类别.xlsx");
            assertThat(run("stats", "export", "--org", "区群团工作部", "--period", "2021H1", "--all-categories", "--out", allOut.toString()).code()).isZero();
            try (XSSFWorkbook allWb = new XSSFWorkbook(Files.newInputStream(allOut))) {
                assertThat(allWb.getSheet("按类别").getLastRowNum()).isEqualTo(usedRows + 7); // 11 rows instead of 4
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void badInputIsRefusedWithAReason() throws Exception {
        CliRun r = run("stats", "--org", "不存在的组织", "--period", "2021H1");
        assertThat(r.code()).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(r.err()).contains("找不到名为“不存在的组织”的组织");
        r = run("stats", "--period", "2021Q5");
        assertThat(r.code()).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(r.err()).contains("不是统计时段");
        r = run("stats", "--from", "2021-06-30", "--to", "2021-01-01");
        assertThat(r.err()).contains("晚于");
        r = run("stats", "--from", "2021-01-01");
        assertThat(r.err()).contains("--to");
        r = run("stats", "--period", "2021", "--from", "2021-01-01");
        assertThat(r.err()).contains("只能用一种");
        r = run("stats", "records", "--figure", "nonsense");
        assertThat(r.err()).contains("--figure 不认识");
        r = run("stats", "export", "--out", dir.resolve("x.txt").toString());
        assertThat(r.err()).contains(".xlsx");
        r = run("stats", "export", "--out", dir.resolve("没有这个文件夹/x.xlsx").toString());
        assertThat(r.code()).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(r.err()).contains("不存在");
        Files.createDirectories(dir.resolve("目录.xlsx"));
        r = run("stats", "export", "--out", dir.resolve("目录.xlsx").toString());
        assertThat(r.code()).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(r.err()).contains("是一个文件夹");
        r = run("stats", "records", "--figure", "honors", "--level", "世界级");
        assertThat(r.err()).contains("荣誉级别“世界级”不存在");
        r = run("stats", "records", "--figure", "activities", "--category", "不存在的类别");
        assertThat(r.err()).contains("没有名为“不存在的类别”的活动类别");
        r = run("stats", "reminders", "--months", "-2");
        assertThat(r.err()).contains("月数");
    }
}
