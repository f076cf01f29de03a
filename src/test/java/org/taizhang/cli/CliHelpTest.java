package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taizhang.app.Logs;
import picocli.CommandLine;

/** Every command answers --help; usage errors are explained in Chinese with exit 1. */
class CliHelpTest {
    /** Every command path of the tree: [], [org], [org, add], … */
    static List<List<String>> allCommands() {
        List<List<String>> out = new ArrayList<>();
        collect(TaizhangCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), List.of(), out);
        return out;
    }

    private static void collect(CommandLine c, List<String> path, List<List<String>> out) {
        out.add(path);
        c.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) { // aliases once
                List<String> p = new ArrayList<>(path);
                p.add(name);
                collect(sub, p, out);
            }
        });
    }

    @Test
    void everyCommandAndSubcommandAnswersHelp() {
        List<List<String>> commands = allCommands();
        assertThat(commands).hasSizeGreaterThan(50)
                .contains(List.of("import"), List.of("stats"), List.of("org", "types"), List.of("activity", "list"), List.of("bench", "roster"));
        // one command line parses every request in turn (picocli resets it between runs), which keeps this quick
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = TaizhangCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        for (List<String> path : commands) {
            for (String flag : List.of("--help", "-h")) {
                out.getBuffer().setLength(0);
                err.getBuffer().setLength(0);
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                int code = cl.execute(args.toArray(String[]::new));
                String what = "taizhang " + String.join(" ", args);
                assertThat(code).as("%s → %s", what, err).isZero();
                assertThat(out.toString()).as(what).startsWith("用法：taizhang").contains("显示本命令的说明并退出")
                        .doesNotContainIgnoringCase("show this help");
                assertThat(err.toString()).as(what).isEmpty();
            }
        }
    }

    @Test
    void topLevelHelpAndVersionNameTheLogFile() {
        assertThat(CliRun.of("--help").out()).contains("命令：").contains("日志文件：" + Logs.file());
        CliRun v = CliRun.of("--version");
        assertThat(v.code()).isZero();
        assertThat(v.out()).contains("Taizhang 0.1.0").contains("日志文件：" + Logs.file());
    }

    @Test
    void anUnknownOptionIsAUsageErrorInChinese() {
        CliRun r = CliRun.of("activity", "list", "--bogus");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("用法错误：不认识的选项“--bogus”").contains("taizhang activity list --help")
                .doesNotContain("Unknown option");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMissingParameterIsAUsageErrorInChinese() {
        CliRun r = CliRun.of("import");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("用法错误：缺少").doesNotContain("Missing");
    }

    @Test
    void aBadValueIsAUsageErrorInChinese() {
        CliRun r = CliRun.of("activity", "list", "--limit", "１２三");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("用法错误：选项 --limit 的值“１２三”无效，应为整数").doesNotContain("Invalid value");
        CliRun noValue = CliRun.of("activity", "list", "--limit");
        assertThat(noValue.code()).isEqualTo(1);
        assertThat(noValue.err()).contains("用法错误：").contains("--limit").doesNotContain("Missing");
    }

    @Test
    void anUnknownCommandIsAUsageErrorInChinese() {
        CliRun r = CliRun.of("statz");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("用法错误：").contains("statz").contains("stats");
    }
}
