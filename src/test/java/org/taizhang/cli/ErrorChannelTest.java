package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.taizhang.common.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level handler: a user error prints its message (exit 2), a bug prints only a reference (exit 4). */
class ErrorChannelTest {
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        final RuntimeException e;

        Boom(RuntimeException e) {
            this.e = e;
        }

        @Override
        public Integer call() {
            throw e;
        }
    }

    static CliRun runThrowing(RuntimeException e) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = TaizhangCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        cl.addSubcommand("boom", new Boom(e));
        cl.setErr(new PrintWriter(err, true)); // reaches the subcommand added after the first setErr
        return new CliRun(cl.execute("boom"), out.toString(), err.toString());
    }

    @Test
    void aUserErrorIsShownAsSuch() {
        CliRun r = runThrowing(new UserException("“１２３😀”不是统计时段"));
        assertThat(r.code()).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(r.err().strip()).isEqualTo("错误：“１２３😀”不是统计时段");
    }

    @Test
    void aBugShowsAReferenceAndTheLogFileNeverAStackTrace() {
        CliRun r = runThrowing(new NumberFormatException("For input string: \"𠮷\""));
        assertThat(r.code()).isEqualTo(TaizhangCli.EXIT_INTERNAL);
        assertThat(r.err()).startsWith("程序内部错误（错误编号 ").contains("taizhang.log").contains("发给维护人员")
                .doesNotContain("NumberFormatException").doesNotContain("\tat ").doesNotContain("𠮷");
    }
}
