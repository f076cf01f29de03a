package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void orgAndPersonCommandsEndToEnd() throws Exception {
        String db = dir.resolve("cli.db").toString();
        assertThat(run("--db", db, "org", "add", "示范区总工会", "--type", "工会").code()).isZero();
        CliRun add = run("--db", db, "org", "add", "𠮷祥社区工联会", "--type", "工联会", "--parent", "示范区总工会",
                "--founded", "２０１６年２月２９日", "--last-election", "2021/3/5", "--phone", "13800138000");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("示范区总工会 / 𠮷祥社区工联会");

        CliRun list = run("--db", db, "org", "list", "--json");
        JsonNode orgs = Cli.mapper().readTree(list.out());
        assertThat(orgs).hasSize(2);
        JsonNode child = orgs.get(1);
        assertThat(child.get("name").asText()).isEqualTo("𠮷祥社区工联会");
        assertThat(child.get("founded").asText()).isEqualTo("2016-02-29");
        assertThat(child.get("nextElectionDue").asText()).isEqualTo("2026-03-05");
        assertThat(child.get("path").asText()).isEqualTo("示范区总工会 / 𠮷祥社区工联会");

        CliRun person = run("--db", db, "person", "add", "--org", "𠮷祥社区工联会", "--name", "张😀", "--id-number",
                "11010519491231002x", "--role", "主席", "--joined", "2020.5.4");
        assertThat(person.code()).as(person.err()).isZero();
        JsonNode people = Cli.mapper().readTree(run("--db", db, "person", "list", "--org", "示范区总工会", "--subtree", "--json").out());
        assertThat(people.get("total").asInt()).isEqualTo(1);
        JsonNode p = people.get("rows").get(0);
        assertThat(p.get("name").asText()).isEqualTo("张😀");
        assertThat(p.get("idNumber").asText()).isEqualTo("110105********002X");
        assertThat(p.get("gender").asText()).isEqualTo("女");
        assertThat(p.get("role").asText()).isEqualTo("主席");
        JsonNode full = Cli.mapper().readTree(run("--db", db, "person", "list", "--full-id", "--json").out());
        assertThat(full.get("rows").get(0).get("idNumber").asText()).isEqualTo("11010519491231002X");

        CliRun refuse = run("--db", db, "org", "remove", "𠮷祥社区工联会");
        assertThat(refuse.code()).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(refuse.err()).contains("1 名成员").contains("不能删除");

        assertThat(run("--db", db, "person", "remove", "11010519491231002X", "--org", "𠮷祥社区工联会").out()).contains("一并删除");
        assertThat(run("--db", db, "org", "move", "𠮷祥社区工联会", "--top").code()).isZero();
        assertThat(run("--db", db, "org", "remove", "𠮷祥社区工联会").code()).isZero();
        assertThat(Cli.mapper().readTree(run("--db", db, "org", "list", "--json").out())).hasSize(1);
    }

    @Test
    void badInputGetsReasonAndExitCode2() {
        String db = dir.resolve("bad.db").toString();
        run("--db", db, "org", "add", "示范区总工会", "--type", "工会");
        CliRun badType = run("--db", db, "org", "add", "某组织", "--type", "俱乐部");
        assertThat(badType.code()).isEqualTo(2);
        assertThat(badType.err()).contains("组织类型").contains("没有“俱乐部”这种组织类型");
        CliRun badDate = run("--db", db, "org", "add", "某组织", "--type", "工会", "--founded", "2021-02-30");
        assertThat(badDate.code()).isEqualTo(2);
        assertThat(badDate.err()).contains("不存在");
        CliRun badId = run("--db", db, "person", "add", "--org", "示范区总工会", "--name", "张三", "--id-number", "110105194912310021");
        assertThat(badId.code()).isEqualTo(2);
        assertThat(badId.err()).contains("身份证号").contains("校验位不对");
        CliRun noOrg = run("--db", db, "person", "add", "--org", "不存在的组织", "--name", "张三");
        assertThat(noOrg.err()).contains("找不到名为“不存在的组织”的组织");
        CliRun cycle = run("--db", db, "org", "move", "示范区总工会", "--to", "示范区总工会");
        assertThat(cycle.code()).isEqualTo(2);
        assertThat(run("--db", db, "person", "list", "--json").code()).isZero();
    }

    @Test
    void foreignFileIsRefusedWithExitCode3() throws Exception {
        Path file = dir.resolve("not-ours.db");
        Files.writeString(file, "hello");
        CliRun r = run("--db", file.toString(), "org", "list");
        assertThat(r.code()).isEqualTo(TaizhangCli.EXIT_DATABASE);
        assertThat(r.err()).contains("不是台账数据库文件");
        assertThat(Files.readString(file)).isEqualTo("hello");
    }

    @Test
    void demoThenList() {
        String db = dir.resolve("demo.db").toString();
        CliRun demo = run("--db", db, "demo", "--orgs", "40", "--people", "300", "--activities", "0", "--honors", "0", "--seed", "3");
        assertThat(demo.code()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("组织 40 个").contains("人员 300 人");
        CliRun list = run("--db", db, "org", "list", "--query", "yljd");
        assertThat(list.out()).contains("示范区群团工作部").contains("园岭街道总工会").doesNotContain("南园街道总工会");
        CliRun again = run("--db", db, "demo");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("已经有数据");
    }

    @Test
    void withoutACommandTheWindowOpensOnTheChosenFileOrSaysWhyNot() {
        var previous = TaizhangCli.guiLauncher;
        try {
            java.util.List<Path> opened = new java.util.ArrayList<>();
            TaizhangCli.guiLauncher = p -> {
                opened.add(p);
                return 0;
            };
            assertThat(run("--db", dir.resolve("窗口.db").toString()).code()).isZero();
            assertThat(opened).containsExactly(dir.resolve("窗口.db"));

            TaizhangCli.guiLauncher = p -> {
                throw new TaizhangCli.GuiUnavailableException(new UnsupportedOperationException("Unable to load glass GTK library."));
            };
            CliRun r = run();
            assertThat(r.code()).isEqualTo(TaizhangCli.EXIT_NO_WINDOW);
            assertThat(r.err()).contains("无法打开窗口").contains("GTK").contains("命令行功能照常可用").doesNotContain("at org.");
        } finally {
            TaizhangCli.guiLauncher = previous;
        }
    }

    @Test
    void aPlainWindowStartSkipsTheCommandLineParserWithTheSameExitCodes() {
        assertThat(TaizhangCli.windowOnly()).isNotNull();
        assertThat(TaizhangCli.windowOnly("--db", "台账𠮷.db")).isEqualTo(Path.of("台账𠮷.db"));
        assertThat(TaizhangCli.windowOnly("--db=台账.db")).isEqualTo(Path.of("台账.db"));
        assertThat(TaizhangCli.windowOnly("--db", "台账.db", "org", "list")).isNull();
        assertThat(TaizhangCli.windowOnly("--version")).isNull();
        assertThat(TaizhangCli.windowOnly("--db", "--help")).isNull();
        var previous = TaizhangCli.guiLauncher;
        var previousErr = System.err;
        var err = new java.io.ByteArrayOutputStream();
        try {
            java.util.List<Path> opened = new java.util.ArrayList<>();
            TaizhangCli.guiLauncher = p -> {
                opened.add(p);
                return 0;
            };
            assertThat(TaizhangCli.run("--db", dir.resolve("窗口１２３.db").toString())).isZero();
            assertThat(opened).containsExactly(dir.resolve("窗口１２３.db"));

            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            TaizhangCli.guiLauncher = p -> {
                throw new TaizhangCli.GuiUnavailableException(new UnsupportedOperationException("Unable to load glass GTK library."));
            };
            assertThat(TaizhangCli.run()).isEqualTo(TaizhangCli.EXIT_NO_WINDOW);
            TaizhangCli.guiLauncher = p -> {
                throw new IllegalStateException("a bug");
            };
            assertThat(TaizhangCli.run("--db", "x.db")).isEqualTo(TaizhangCli.EXIT_INTERNAL);
        } finally {
            TaizhangCli.guiLauncher = previous;
            System.setErr(previousErr);
        }
        String printed = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(printed).contains("无法打开窗口").contains("命令行功能照常可用").doesNotContain("at org.");
        assertThat(printed).contains("程序内部错误");
    }
}
