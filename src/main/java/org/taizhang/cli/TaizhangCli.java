package org.taizhang.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.taizhang.app.Errors;
import org.taizhang.app.Logs;
import org.taizhang.common.UserException;
import org.taizhang.db.DataDirectory;
import org.taizhang.app.Workspace;
import org.taizhang.db.DatabaseException;
import org.taizhang.common.ValidationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code taizhang [--db FILE] COMMAND …}. Without a command it opens the window. Exit codes: 0 ok,
 * 1 usage error, 2 rejected input (message says which field and why), 3 database problem,
 * 4 internal error, 5 no window could be opened (no display).
 */
@Command(name = "taizhang", versionProvider = TaizhangCli.Version.class,
        description = "群团工作台账：组织名册、活动台账、荣誉、统计与工作总结。不带命令时打开窗口。",
        subcommands = {
                DemoCommand.class,
                OrgCommand.class,
                PersonCommand.class,
                ActivityCommand.class,
                HonorCommand.class,
                ImportCommand.class,
                ExportCommand.class,
                StatsCommand.class,
                PlanCommand.class,
                SummaryCommand.class,
                ExchangeCommand.class,
                BackupCommand.class,
                RestoreCommand.class,
                CheckCommand.class,
                BenchCommand.class,
                AotTrainingCommand.class,
                CommandLine.HelpCommand.class})
public final class TaizhangCli implements Callable<Integer> {
    public static final int EXIT_INVALID = 2;
    public static final int EXIT_DATABASE = 3;
    public static final int EXIT_INTERNAL = 4;
    public static final int EXIT_NO_WINDOW = 5;

    @Option(names = "--db", paramLabel = "FILE", description = "数据库文件（默认：用户数据目录下的 taizhang.db）")
    Path db;

    /** Set by tests to open a window-less run; the window launcher otherwise. */
    static volatile java.util.function.Function<Path, Integer> guiLauncher = TaizhangCli::launchGui;

    public Path databasePath() {
        return db != null ? db : DataDirectory.defaultDatabase();
    }

    /** Opens the chosen database with its checks and daily backup ({@link Workspace#open}); callers close it. */
    public Workspace open() {
        return Workspace.open(databasePath());
    }

    @Override
    public Integer call() {
        return guiLauncher.apply(databasePath());
    }

    private static int launchGui(Path db) {
        try {
            org.taizhang.ui.TaizhangApp.launchWith(db);
            return 0;
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // JavaFX could not reach a display (a server without a desktop, a missing GTK 3 on Linux)
            throw new GuiUnavailableException(e);
        }
    }

    /** {@code taizhang --version}: the version and where the log file is. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"台账 Taizhang 0.1.0", "日志文件：" + Logs.file()};
        }
    }

    /** The window cannot be shown on this computer; the command line still works. */
    static final class GuiUnavailableException extends RuntimeException {
        GuiUnavailableException(Throwable cause) {
            super("无法打开窗口：这台电脑没有可用的图形界面（" + cause.getMessage() + "）。"
                    + "在 Linux 上需要图形桌面和 GTK 3（如 libgtk-3-0）。命令行功能照常可用，见 taizhang --help。", cause);
        }
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new TaizhangCli());
        CliHelp.install(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter e = line.getErr();
            if (ex instanceof ValidationException v) {
                v.errors().forEach(fe -> e.println("错误：" + fe));
                e.flush();
                return EXIT_INVALID;
            }
            if (ex instanceof DatabaseException d) {
                e.println("数据库错误：" + d.getMessage());
                e.flush();
                return EXIT_DATABASE;
            }
            if (ex instanceof GuiUnavailableException g) {
                e.println(g.getMessage());
                e.flush();
                return EXIT_NO_WINDOW;
            }
            if (ex instanceof UserException u) {
                e.println("错误：" + u.getMessage());
                e.flush();
                return EXIT_INVALID;
            }
            e.println(Errors.reportBug(ex));
            e.flush();
            return EXIT_INTERNAL;
        });
        return cl;
    }

    /**
     * The database of a plain window start ({@code taizhang} or {@code taizhang --db FILE}), else null. The window
     * starts without building the command line (picocli reads all command classes: about a second of the start).
     */
    static Path windowOnly(String... args) {
        if (args.length == 0) {
            return DataDirectory.defaultDatabase();
        }
        if (args.length == 2 && args[0].equals("--db") && !args[1].isEmpty() && !args[1].startsWith("-")) {
            return Path.of(args[1]);
        }
        if (args.length == 1 && args[0].startsWith("--db=") && args[0].length() > 5) {
            return Path.of(args[0].substring(5));
        }
        return null;
    }

    /** The window on {@code db}, with the exit codes and messages the command line gives for the same start. */
    private static int openWindow(Path db) {
        try {
            return guiLauncher.apply(db);
        } catch (GuiUnavailableException e) {
            printError(e.getMessage());
            return EXIT_NO_WINDOW;
        } catch (RuntimeException e) {
            printError(Errors.reportBug(e));
            return EXIT_INTERNAL;
        }
    }

    private static void printError(String message) {
        PrintWriter err = new PrintWriter(new TerminalWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8)), true);
        err.println(message);
        err.flush();
    }

    /** Runs with UTF-8 console output (Chinese must not turn into '?' on a C/POSIX locale), control characters made visible. */
    public static int run(String... args) {
        Path window = windowOnly(args);
        if (window != null) {
            return openWindow(window);
        }
        PrintWriter out = new PrintWriter(new TerminalWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)), true);
        PrintWriter err = new PrintWriter(new TerminalWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8)), true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
