package org.taizhang.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;

/**
 * The one object that opens the SQLite file. It checks that the file is ours and not from a newer
 * version before touching it, switches on WAL, foreign keys and a busy timeout, runs pending
 * migrations, and hands out a jOOQ {@link DSLContext}. Nothing else opens connections.
 *
 * <p>One connection, used by one thread at a time: every public method is synchronized, the UI runs
 * all database work on a single background executor.
 */
public final class Database implements AutoCloseable {
    /** 'TZHG' — stamped into the SQLite header so a foreign file is recognised. */
    public static final int APPLICATION_ID = 0x545A4847;

    private final Path file;
    private final Connection connection;
    private final DSLContext dsl;
    private final boolean readOnly;
    private volatile Consumer<Integer> beforeMigration = v -> { };

    private Database(Path file, Connection connection, boolean readOnly) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
        Settings settings = new Settings().withRenderSchema(false).withExecuteLogging(false);
        this.dsl = DSL.using(connection, SQLDialect.SQLITE, settings);
    }

    /** Opens (creating if missing) and migrates the database at {@code file}. */
    public static Database open(Path file) {
        return open(file, false, null);
    }

    /**
     * @param beforeMigration called with the file's current version before pending migrations run
     *     (the backup feature hooks in here); may be null
     */
    public static Database open(Path file, boolean readOnly, Consumer<Database> beforeMigration) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
        } catch (IOException e) {
            throw new DatabaseException("无法创建数据库所在的文件夹 " + abs.getParent() + "：" + e.getMessage(), e);
        }
        if (Files.isDirectory(abs)) {
            throw new DatabaseException("“" + abs + "”是一个文件夹，不是数据库文件。请选择一个 .db 文件。");
        }
        checkHeader(abs);
        Connection conn = connect(abs, readOnly);
        Database db = new Database(abs, conn, readOnly);
        try {
            db.inspectAndPrepare(beforeMigration);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** Refuse a non-SQLite file before the driver sees it (the driver would say "not a database"). */
    private static void checkHeader(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(16);
            if (head.length == 0) {
                return; // an empty file is a new database
            }
            String magic = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (!magic.equals("SQLite format 3\0")) {
                throw new DatabaseException("“" + file.getFileName() + "”不是台账数据库文件（也不是 SQLite 数据库），已拒绝打开，文件未被改动。");
            }
        } catch (IOException e) {
            throw new DatabaseException("无法读取数据库文件 " + file + "：" + e.getMessage(), e);
        }
    }

    private static Connection connect(Path file, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setEncoding(SQLiteConfig.Encoding.UTF8);
        config.setBusyTimeout(5000);
        config.enforceForeignKeys(true);
        config.setReadOnly(readOnly);
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        } catch (SQLException e) {
            throw new DatabaseException("无法打开数据库文件 " + file + "：" + e.getMessage(), e);
        }
    }

    private void inspectAndPrepare(Consumer<Database> beforeMigration) {
        int appId;
        int version;
        int tables;
        try {
            appId = pragmaInt("application_id");
            version = pragmaInt("user_version");
            tables = queryInt("SELECT count(*) FROM sqlite_master WHERE type = 'table'");
        } catch (SQLException e) {
            throw new DatabaseException("“" + file.getFileName() + "”无法作为数据库读取（文件可能已损坏或不是数据库）：" + e.getMessage(), e);
        }
        if (appId != APPLICATION_ID && (appId != 0 || tables > 0)) {
            throw new DatabaseException("“" + file.getFileName() + "”是其他软件的 SQLite 数据库，不是台账数据库，已拒绝打开，文件未被改动。");
        }
        int latest = Migrations.latestVersion();
        if (version > latest) {
            throw new DatabaseException("“" + file.getFileName() + "”由更新版本的台账软件创建（数据版本 " + version
                    + "，本软件支持到 " + latest + "）。请升级软件后再打开；文件未被改动。");
        }
        if (readOnly) {
            return;
        }
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA synchronous = NORMAL");
        } catch (SQLException e) {
            throw new DatabaseException("无法设置数据库日志模式：" + e.getMessage(), e);
        }
        if (version < latest) {
            if (version > 0 && beforeMigration != null) {
                beforeMigration.accept(this);
            }
            migrate(version);
        }
    }

    private void migrate(int from) {
        List<Migrations.Migration> pending = Migrations.all().stream().filter(m -> m.version() > from).toList();
        try {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                for (Migrations.Migration m : pending) {
                    for (String sql : m.statements()) {
                        try {
                            st.execute(sql);
                        } catch (SQLException e) {
                            throw new SQLException("迁移脚本 " + m.name() + " 执行失败：" + e.getMessage(), e);
                        }
                    }
                    st.execute("PRAGMA user_version = " + m.version());
                }
                st.execute("PRAGMA application_id = " + APPLICATION_ID);
                List<String> fk = foreignKeyProblems(st);
                if (!fk.isEmpty()) {
                    throw new SQLException("迁移后外键检查失败：" + fk);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the original error is what matters
            }
            throw new DatabaseException("数据库升级失败，已回滚，数据未改动：" + e.getMessage(), e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // connection is closed by the caller on error
            }
        }
    }

    private static List<String> foreignKeyProblems(Statement st) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "#" + rs.getLong(2));
            }
        }
        return out;
    }

    private int pragmaInt(String pragma) throws SQLException {
        return queryInt("PRAGMA " + pragma);
    }

    private int queryInt(String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The schema version of the open file. */
    public synchronized int version() {
        try {
            return pragmaInt("user_version");
        } catch (SQLException e) {
            throw new DatabaseException("读取数据版本失败：" + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** Runs {@code work} in one transaction; any exception rolls everything back. */
    public synchronized <T> T tx(Function<DSLContext, T> work) {
        return dsl.transactionResult(cfg -> work.apply(cfg.dsl()));
    }

    /** Runs {@code work} in one transaction; any exception rolls everything back. */
    public synchronized void txRun(Consumer<DSLContext> work) {
        dsl.transaction(cfg -> work.accept(cfg.dsl()));
    }

    /** Read-only work outside an explicit transaction. */
    public synchronized <T> T read(Function<DSLContext, T> work) {
        return work.apply(dsl);
    }

    /** The raw JDBC connection, for the SQLite backup API and pragmas only. */
    public synchronized <T> T withConnection(SqlFunction<Connection, T> work) {
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new DatabaseException("数据库操作失败：" + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    public interface SqlFunction<A, B> {
        B apply(A a) throws SQLException;
    }

    @Override
    public synchronized void close() {
        try {
            if (!connection.isClosed()) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // closing: nothing more to do
        }
    }
}
