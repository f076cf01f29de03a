package org.taizhang.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** One run of the real command line in the test's JVM: its exit code and what it printed. */
public record CliRun(int code, String out, String err) {

    /** Runs {@code taizhang args…}. */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TaizhangCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs {@code taizhang --db file args…}. */
    public static CliRun onDb(Path file, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = file.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return of(all);
    }
}
