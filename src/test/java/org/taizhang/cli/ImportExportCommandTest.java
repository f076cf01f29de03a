package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.db.Database;
import org.taizhang.person.IdNumber;

/** The import/export commands end to end: exit codes, --json, --dry-run, --skip-bad, --rejects, --map, templates. */
class ImportExportCommandTest {
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.onDb(dir.resolve("cli.db"), args);
    }

    private static String id(String first17) {
        return first17 + IdNumber.checkChar(first17);
    }

    private int count(String table) {
        try (Database db = Database.open(dir.resolve("cli.db"))) {
            return db.read(ctx -> ctx.fetchOne("SELECT count(*) FROM " + table).get(0, Integer.class));
        }
    }

    @Test
    void importCsvWithDryRunJsonSkipBadAndRejects() throws Exception {
        Path orgs = dir.resolve("orgs.csv");
        Files.writeString(orgs, "组织名称,类型,上级组织\n园岭社区团委,团委,园岭街道团工委\n园岭街道团工委,团工委,\n", StandardCharsets.UTF_8);
        CliRun o = run("import", "orgs", orgs.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("已导入组织 2 个");

        Path people = dir.resolve("people.csv");
        Files.write(people, ("姓名,身份证,单位,手机\n张三," + id("11010119900307123") + ",园岭社区团委,13800138000\n"
                + "李四,12345,园岭社区团委,\n").getBytes("GBK"));
        CliRun dry = run("import", "people", people.toString(), "--dry-run", "--json", "--map", "身份证=身份证号", "--map", "单位=所属组织");
        assertThat(dry.code()).isEqualTo(TaizhangCli.EXIT_INVALID);
        JsonNode j = Cli.mapper().readTree(dry.out());
        assertThat(j.get("accepted").asInt()).isEqualTo(1);
        assertThat(j.get("rejectedCount").asInt()).isEqualTo(1);
        JsonNode r = j.get("rejected").get(0);
        assertThat(r.get("row").asInt()).isEqualTo(3);
        assertThat(r.get("column").asText()).isEqualTo("B");
        assertThat(r.get("reason").asText()).contains("18位");
        assertThat(j.get("mapping").get("身份证号").asText()).isEqualTo("B 身份证");
        assertThat(count("person")).isZero();

        CliRun refused = run("import", "people", people.toString(), "--map", "身份证=身份证号", "--map", "单位=所属组织");
        assertThat(refused.code()).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(refused.out()).contains("第 3 行").contains("未导入");
        assertThat(count("person")).isZero();

        Path rejects = dir.resolve("rejects.xlsx");
        CliRun ok = run("import", "people", people.toString(), "--map", "身份证=身份证号", "--map", "单位=所属组织", "--skip-bad",
                "--rejects", rejects.toString());
        assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("已导入人员 1 人").contains("跳过有错误的行 1 行");
        assertThat(rejects).exists();
        assertThat(count("person")).isEqualTo(1);

        CliRun list = run("person", "list", "--json");
        assertThat(list.out()).contains("110101********1234".substring(0, 6)).doesNotContain(id("11010119900307123"));
    }

    @Test
    void exportTemplateAndRefusals() throws Exception {
        Path orgs = Files.writeString(dir.resolve("o.csv"), "组织名称,组织类型\n园岭社区团委,团委\n", StandardCharsets.UTF_8);
        assertThat(run("import", "orgs", orgs.toString()).code()).isZero();
        Path out = dir.resolve("组织.xlsx");
        CliRun e = run("export", "orgs", "--out", out.toString());
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).contains("已导出组织 1 行");
        CliRun full = run("export", "people", "--out", dir.resolve("p.xlsx").toString(), "--full-id");
        assertThat(full.err()).contains("完整的身份证号");
        CliRun t = run("export", "template", "activities", "--out", dir.resolve("活动模板").toString());
        assertThat(t.code()).isZero();
        assertThat(dir.resolve("活动模板.xlsx")).exists();
        CliRun noKind = run("export", "template", "--out", dir.resolve("x.xlsx").toString());
        assertThat(noKind.code()).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(noKind.err()).contains("请写明模板类型");
        Path xls = Files.write(dir.resolve("old.xls"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        CliRun bad = run("import", "people", xls.toString());
        assertThat(bad.code()).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(bad.err()).contains("错误：");
        CliRun kind = run("import", "salaries", out.toString());
        assertThat(kind.code()).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(kind.err()).contains("orgs（组织）");
        Files.writeString(dir.resolve("~$组织.xlsx"), "lock");
        CliRun locked = run("export", "orgs", "--out", out.toString());
        assertThat(locked.code()).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(locked.err()).contains("正在被 Excel、Word 或 WPS 打开");
    }
}
