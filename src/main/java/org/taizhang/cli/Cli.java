package org.taizhang.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.taizhang.app.Workspace;
import org.taizhang.common.Dates;
import org.taizhang.common.Texts;
import org.taizhang.common.UserException;
import org.taizhang.common.ValidationException;
import org.taizhang.db.Database;
import org.taizhang.db.DatabaseException;
import org.taizhang.org.OrgService;
import org.taizhang.stats.Period;
import picocli.CommandLine.Model.CommandSpec;

/** Small helpers shared by the commands: the open database, output, JSON, date options. */
public final class Cli {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private Cli() {
    }

    public static TaizhangCli root(CommandSpec spec) {
        return (TaizhangCli) spec.root().userObject();
    }

    /** The chosen database, opened through {@link Workspace#open} (checks, lock, migrations, daily backup). */
    public static Database open(CommandSpec spec) {
        return workspace(spec).db();
    }

    /**
     * The chosen database and its services; closing it closes the database. What the user must know about the
     * file (sidecars set aside, a failed automatic backup, a network folder …) is printed to stderr.
     */
    public static Workspace workspace(CommandSpec spec) {
        refuseMissingDatabase(spec);
        Workspace ws = root(spec).open();
        PrintWriter err = spec.commandLine().getErr();
        ws.db().warnings().forEach(w -> err.println("提醒：" + w));
        err.flush();
        return ws;
    }

    /** Commands that only read: they never create a database where none is (a mistyped --db must not leave files). */
    private static final java.util.Set<String> READING = java.util.Set.of("list", "show", "records", "reminders", "stats", "export",
            "status", "roster", "activities", "types", "categories");

    /**
     * An explicit {@code --db} must name a real database: never a folder, pipe or device; its folder is never
     * created; a command that only reads does not create an empty database.
     */
    static void refuseMissingDatabase(CommandSpec spec) {
        TaizhangCli root = root(spec);
        if (root.db == null) {
            return; // the default database in the user's data folder is created on first use
        }
        Path file = root.db.toAbsolutePath().normalize();
        if (Files.exists(file)) {
            if (!Files.isRegularFile(file)) {
                throw new DatabaseException("“" + file + "”不是普通文件（是文件夹、管道或设备），不是数据库，已拒绝打开。请用 --db 指定一个 .db 文件。");
            }
            return;
        }
        Path folder = file.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new DatabaseException("找不到数据库：文件夹“" + folder + "”不存在（路径写错了，或 U 盘、网络盘没有连接？）。"
                    + "没有新建任何文件夹或文件。如要在那里新建数据库，请先建好文件夹。");
        }
        if (READING.contains(spec.name()) && !wasSetAside(file)) {
            throw new DatabaseException("数据库文件“" + file + "”不存在（路径写错了？）。这个命令只读取数据，没有新建数据库。"
                    + "如要新建，请先运行 taizhang --db \"" + file + "\" demo（示例数据）或导入、添加记录。");
        }
    }

    /** A damaged file moved aside from this path: opening explains that and offers the backup. */
    private static boolean wasSetAside(Path file) {
        try (var files = Files.list(file.getParent())) {
            String prefix = file.getFileName() + ".damaged-";
            return files.anyMatch(p -> p.getFileName().toString().startsWith(prefix));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    public static PrintWriter out(CommandSpec spec) {
        return spec.commandLine().getOut();
    }

    /** Writes {@code value} as indented JSON (UTF-8, dates as "2021-03-05"). */
    public static void json(CommandSpec spec, Object value) {
        try {
            PrintWriter out = out(spec);
            out.println(JSON.writeValueAsString(value));
            out.flush();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectMapper mapper() {
        return JSON;
    }

    /** Parses a date option in any of the usual spellings; null stays null. */
    public static LocalDate date(String text) {
        return Dates.parse(text);
    }

    /**
     * The period of plan and summary commands: --period (2022, 2022H2 …) or both --from and --to.
     * ({@code stats} has its own rules: it defaults to this year.)
     */
    static Period period(String period, String from, String to) {
        if (period != null) {
            return Period.parse(period);
        }
        if (from == null || to == null) {
            throw new UserException("请用 --period（如 2022、2022H2）或 --from 与 --to 指定时段");
        }
        return Period.custom(Cli.date(from), Cli.date(to));
    }

    /** "3", "#3" or "＃３" → 3, with a Chinese message naming what was expected and the command that lists them. */
    static int number(String text, String what, String listCommand) {
        String s = text == null ? "" : Texts.halfWidth(text).strip();
        if (s.startsWith("#")) {
            s = s.substring(1);
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new ValidationException(what, "“" + text + "”不是" + what + "编号，请写成 3 或 #3（用 " + listCommand + " 查看编号）");
        }
    }

    /** The id of an optional --org option (name, path or #编号); null when it was not given. */
    static Integer orgId(Database db, String org) {
        return org == null ? null : new OrgService(db).resolve(org).id();
    }

    /** As {@link #orgId(Database, String)}, with a failed look-up reported under the command's own field {@code field}. */
    static Integer orgId(Database db, String org, String field) {
        try {
            return orgId(db, org);
        } catch (ValidationException e) {
            throw new ValidationException(field, e.errors().getFirst().message());
        }
    }

    /** "#12", "12" or "＃１２" → 12; otherwise says it is not a {@code what} number. */
    public static int recordId(String s, String what) {
        String t = Texts.compactCode(s);
        if (t != null && t.startsWith("#")) {
            t = t.substring(1);
        }
        if (t == null || !t.matches("\\d{1,9}")) {
            throw new ValidationException("编号", "“" + s + "”不是" + what + "编号（如 #12）");
        }
        return Integer.parseInt(t);
    }
}
