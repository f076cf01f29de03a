package org.taizhang.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.taizhang.common.AtomicFile;
import org.taizhang.common.OsErrors;

/**
 * The one object that opens the SQLite file. Before touching a file it checks that it is ours and not
 * from a newer version (refusing leaves it byte-for-byte untouched); it takes the single-writer lock
 * ({@code <db>.lock}; a second process gets read-only mode), checks integrity when the last session
 * crashed (a non-empty {@code -wal}) and moves a damaged file aside instead of writing to it; it
 * switches on WAL, foreign keys and a busy timeout, backs up and runs pending migrations, and hands
 * out a jOOQ {@link DSLContext}. Nothing else opens connections for writing.
 *
 * <p>One connection, used by one thread at a time: every public method is synchronized, the UI runs
 * all database work on a single background executor.
 */
public final class Database implements AutoCloseable {
    /** 'TZHG' — stamped into the SQLite header so a foreign file is recognised. */
    public static final int APPLICATION_ID = 0x545A4847;
    private static final DateTimeFormatter DAMAGED_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** The migrations to apply; tests swap in a deliberately broken extra script. */
    static volatile Supplier<List<Migrations.Migration>> migrationSource = Migrations::all;

    private final Path file;
    private final Connection connection;
    private final DSLContext dsl;
    private final boolean readOnly;
    private final String readOnlyReason;
    private final DbLock lock;
    /** The database and its sidecars may not be the target of any file the program writes while open. */
    private final AtomicFile.Protection protection;
    private volatile boolean healthy;
    /** True once the file was checked this session (at open after an unclean exit, or before the first write). */
    private volatile boolean firstWriteChecked;
    /** Set when damage was found during the session: every later write is refused with this message. */
    private volatile String knownDamage;
    /** Open while a deferred start-up check has not passed yet: writes wait for it (see {@link #open(Path, Options)}). */
    private final java.util.concurrent.CountDownLatch checkPassed = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean checkPending;
    private volatile DatabaseException checkFailure;
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    /** The open transaction's context while {@link #tx} runs (only ever touched under this object's lock). */
    private DSLContext current;

    /** Databases open in this JVM, closed by {@link #CLOSE_ON_EXIT} when the JVM is asked to stop. */
    private static final java.util.Set<Database> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /**
     * SIGTERM (logout, shutdown, {@code kill}), Ctrl+C or {@code System.exit} with a database still open: close
     * it as "退出" would (after the transaction in progress), so the lock file records a clean close and the
     * next start skips the check after an unclean exit.
     */
    private static final Thread CLOSE_ON_EXIT = new Thread(() -> OPEN.forEach(Database::close), "taizhang-close-on-exit");

    static {
        Runtime.getRuntime().addShutdownHook(CLOSE_ON_EXIT);
    }

    private Database(Path file, Connection connection, boolean readOnly, String readOnlyReason, DbLock lock) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
        this.readOnlyReason = readOnlyReason;
        this.lock = lock;
        this.protection = AtomicFile.protect("正在使用的台账数据库文件", ownFiles(file).toArray(Path[]::new));
        Settings settings = new Settings().withRenderSchema(false).withExecuteLogging(false);
        this.dsl = DSL.using(connection, SQLDialect.SQLITE, settings);
    }

    /** Opens (creating if missing) and migrates the database at {@code file}, backing it up before a migration. */
    public static Database open(Path file) {
        return open(file, false, d -> new BackupService(d).backupBeforeMigration());
    }

    /**
     * How to open: {@code deferCheck} leaves the integrity check after an unclean exit to
     * {@link #runDeferredCheck()} (the window runs it in the background after the first screen); writes wait
     * until it has passed. A file with pending migrations is always checked first.
     */
    public record Options(boolean readOnly, Consumer<Database> beforeMigration, boolean deferCheck) {
        /** What the command line and the tests use: checks before returning, backup before a migration. */
        public static final Options DEFAULT = new Options(false, d -> new BackupService(d).backupBeforeMigration(), false);

        public Options withDeferredCheck() {
            return new Options(readOnly, beforeMigration, true);
        }
    }

    /** Opens with {@code options}; see {@link #open(Path, boolean, Consumer)}. */
    public static Database open(Path file, Options options) {
        return open(file, options.readOnly(), options.beforeMigration(), options.deferCheck());
    }

    /**
     * @param readOnly open without writing (no lock, no migration)
     * @param beforeMigration called before pending migrations run on a file that already has data
     *     (the pre-migration backup); may be null
     * @throws DatabaseDamagedException when the file is damaged; it has then been moved aside
     * @throws DatabaseException for every other reason not to open, in plain Chinese
     */
    public static Database open(Path file, boolean readOnly, Consumer<Database> beforeMigration) {
        return open(file, readOnly, beforeMigration, false);
    }

    private static Database open(Path file, boolean readOnly, Consumer<Database> beforeMigration, boolean deferCheck) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
        } catch (IOException e) {
            throw new DatabaseException("无法创建数据库所在的文件夹 " + abs.getParent() + "：" + ioReason(e) + "。请选择一个可以写入的位置。", e);
        }
        if (Files.isDirectory(abs)) {
            throw new DatabaseException("“" + abs + "”是一个文件夹，不是数据库文件。请选择一个 .db 文件。");
        }
        if (Files.exists(abs) && !Files.isRegularFile(abs)) {
            // a pipe or a device: reading it would hang or read endlessly
            throw new DatabaseException("“" + abs + "”不是普通文件（是管道、设备或其他特殊文件），不是数据库，已拒绝打开。请选择一个 .db 文件。");
        }
        boolean existed = Files.exists(abs);
        long size = existed ? sizeOf(abs) : 0;
        if (!existed && !readOnly) {
            refuseToReplaceADamagedFile(abs);
        }
        checkHeader(abs);
        if (existed && size == 0 && !readOnly) {
            EmptyFile.refuseIfItHadBackups(abs);
        }
        DbLock lock = null;
        String readOnlyReason = readOnly ? "以只读方式打开" : null;
        if (!readOnly) {
            try {
                lock = DbLock.tryAcquire(abs);
                if (lock == null) {
                    readOnly = true;
                    readOnlyReason = "另一个台账窗口或命令正在使用这个数据库文件，为避免两处同时写入，本窗口只能查看、不能修改";
                }
            } catch (IOException e) {
                if (!existed) {
                    throw new DatabaseException("无法在文件夹“" + abs.getParent() + "”中新建数据库：" + ioReason(e)
                            + "。请选择一个可以写入的文件夹。", e);
                }
                readOnly = true;
                readOnlyReason = "数据库所在的文件夹不能写入（" + ioReason(e) + "），只能查看、不能修改。请把数据库复制到可写的文件夹后再打开";
            }
        }
        if (!readOnly && existed && !Files.isWritable(abs)) {
            readOnly = true;
            readOnlyReason = "数据库文件是只读的，只能查看、不能修改。请去掉文件的“只读”属性后重新打开";
        }
        String sidecarNote = null;
        if (lock != null && existed && DbLock.holders(abs) <= 1) {
            // nobody else has the file open: a -wal beside it is a leftover, check it belongs here before SQLite applies it
            sidecarNote = Sidecars.setAsideForeignLog(abs).orElse(null);
            if (!readOnly) {
                Sidecars.alignPermissions(abs);
            }
        }
        // check integrity when the last session crashed (non-empty WAL, lock file says "open") or the file
        // was changed outside the program since the last clean close (copied in, restored by hand, damaged)
        boolean crashed = lock != null && existed && size > 0 && lock.previousStamp() != null
                && (sizeOf(walOf(abs)) > 0 || !lock.previousStamp().equals(DbLock.stamp(abs)));
        Connection conn;
        try {
            conn = connect(abs, readOnly);
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
        Database db = new Database(abs, conn, readOnly, readOnlyReason, lock);
        db.firstWriteChecked = crashed; // checked at open (or by the deferred check before writes go on)
        try {
            db.inspectAndPrepare(beforeMigration, crashed, deferCheck);
        } catch (RuntimeException e) {
            db.close();
            if (e instanceof Quarantine q) {
                throw quarantine(abs, q.problem, q.getCause());
            }
            throw e;
        }
        db.healthy = true;
        OPEN.add(db);
        if (!db.checkPending) {
            db.checkPassed.countDown();
        }
        if (sidecarNote != null) {
            db.addWarning(sidecarNote);
        }
        if (!readOnly) {
            AtomicFile.cleanStaleTemps(abs.getParent()); // temp files of a killed export or backup
        }
        StorageCheck.warning(abs).ifPresent(db::addWarning);
        return db;
    }

    /**
     * After a damaged file was moved aside, opening the same path again must not quietly start an empty
     * database (the user would think everything is lost): explain, and offer the newest backup again.
     */
    private static void refuseToReplaceADamagedFile(Path abs) {
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        String prefix = abs.getFileName() + ".damaged-";
        Path newestDamaged;
        try (var files = Files.list(parent)) {
            newestDamaged = files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && !n.endsWith("-wal") && !n.endsWith("-shm");
            }).max(java.util.Comparator.comparing(p -> p.getFileName().toString())).orElse(null);
        } catch (IOException e) {
            return;
        }
        if (newestDamaged == null) {
            return;
        }
        BackupInfo newest = BackupService.newestGood(abs, configuredBackupDir(newestDamaged, abs)).orElse(null);
        StringBuilder msg = new StringBuilder("数据库文件“" + abs.getFileName() + "”此前因损坏已被移到“" + newestDamaged.getFileName()
                + "”。为免让人误以为数据全部丢失，程序不会在原位置新建一个空数据库。");
        if (newest != null) {
            msg.append("\n最近一份完好的备份是 ").append(newest.createdAt().toString().replace('T', ' ')).append(" 的“")
                    .append(newest.file().getFileName()).append("”（").append(newest.counts()).append("）。")
                    .append("\n可以在窗口中选择从这份备份恢复，或运行：taizhang --db \"").append(abs).append("\" restore \"")
                    .append(newest.file()).append("\"");
        } else {
            msg.append("\n没有找到可用的备份。如果确实要从空数据库重新开始，请先把损坏的文件移到别处或改名。");
        }
        throw new DatabaseDamagedException(msg.toString(), abs, newestDamaged, newest, null);
    }

    /** Helper for the empty-file case, kept apart so {@link #open} reads top to bottom. */
    private static final class EmptyFile {
        static void refuseIfItHadBackups(Path abs) {
            // an empty file is a new database, unless backups exist: then it was a database that got emptied
            if (BackupService.list(BackupService.defaultDirectory(abs), abs, false).isEmpty()) {
                return;
            }
            throw quarantine(abs, "文件是空的（0 字节），但它有备份，说明原来的数据丢失了", null);
        }
    }

    /** Thrown inside {@link #inspectAndPrepare} when the file is damaged; turned into a {@link DatabaseDamagedException}. */
    private static final class Quarantine extends RuntimeException {
        final String problem;

        Quarantine(String problem, Throwable cause) {
            super(problem, cause);
            this.problem = problem;
        }
    }

    /**
     * Moves a damaged file (with its -wal/-shm) aside as {@code <name>.damaged-<time>} without changing
     * a byte, and builds the exception that explains it and offers the newest good backup.
     */
    static DatabaseDamagedException quarantine(Path abs, String problem, Throwable cause) {
        String stamp = DAMAGED_STAMP.format(LocalDateTime.now());
        Path aside = abs.resolveSibling(abs.getFileName() + ".damaged-" + stamp);
        Path moved = null;
        String moveProblem = null;
        if (DbLock.holders(abs) > 0) {
            moveProblem = "数据库仍在本程序中打开";
        } else {
            try {
                Files.move(abs, aside, StandardCopyOption.ATOMIC_MOVE);
                moved = aside;
                for (String suffix : List.of("-wal", "-shm")) {
                    Path side = abs.resolveSibling(abs.getFileName() + suffix);
                    if (Files.exists(side)) {
                        Files.move(side, abs.resolveSibling(aside.getFileName() + suffix), StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            } catch (IOException e) {
                moveProblem = ioReason(e);
            }
        }
        BackupInfo newest = BackupService.newestGood(abs, configuredBackupDir(moved, abs)).orElse(null);
        StringBuilder msg = new StringBuilder("数据库文件“" + abs.getFileName() + "”已损坏：" + problem + "。");
        if (moved != null) {
            msg.append("为防止进一步损坏，程序没有在它上面写入任何内容，已把它原样移到“").append(moved.getFileName())
                    .append("”（同一文件夹），需要时可交给技术人员尝试修复。");
        } else {
            msg.append("程序没有在它上面写入任何内容（未能把它移到一旁：").append(moveProblem).append("）。");
        }
        if (newest != null) {
            msg.append("\n最近一份完好的备份是 ").append(newest.createdAt().toString().replace('T', ' '))
                    .append(" 的“").append(newest.file().getFileName()).append("”（").append(newest.counts()).append("）。")
                    .append("\n可以在窗口中选择从这份备份恢复，或运行：taizhang --db \"").append(abs).append("\" restore \"")
                    .append(newest.file()).append("\"");
        } else {
            msg.append("\n没有找到可用的备份。如果在 U 盘等处另有备份，可以用“文件 → 从备份恢复…”或 restore 命令恢复。");
        }
        return new DatabaseDamagedException(msg.toString(), abs, moved, newest, cause);
    }

    /** The backups folder configured in the (damaged) file, if it can still be read; else null. */
    private static Path configuredBackupDir(Path damaged, Path original) {
        if (damaged == null) {
            return null;
        }
        try (Connection c = BackupService.connect(damaged, true); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT value FROM app_setting WHERE key = '" + BackupService.SETTING_DIR + "'")) {
            return rs.next() && rs.getString(1) != null ? original.resolveSibling(rs.getString(1).strip()) : null;
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Refuses a non-SQLite file, a foreign SQLite file and one from a newer version by reading the raw
     * header, before SQLite (or the lock) touches anything beside it.
     */
    private static void checkHeader(Path file) {
        if (!Files.exists(file) || AtomicFile.protectedAs(file) != null) {
            // open in this process already (checked then): a raw read would drop SQLite's locks (AtomicFile.refuseReading)
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(100);
            if (head.length == 0) {
                return; // an empty file is a new database
            }
            String magic = new String(head, 0, Math.min(16, head.length), StandardCharsets.ISO_8859_1);
            if (!magic.equals("SQLite format 3\0")) {
                throw new DatabaseException("“" + file.getFileName() + "”不是台账数据库文件（也不是 SQLite 数据库），已拒绝打开，文件未被改动。");
            }
            if (head.length < 100) {
                return; // truncated header: SQLite will report it
            }
            ByteBuffer b = ByteBuffer.wrap(head);
            int version = b.getInt(60);
            int appId = b.getInt(68);
            if (appId != APPLICATION_ID && appId != 0) {
                throw foreign(file);
            }
            if (version > latestVersion()) {
                throw newer(file, version);
            }
        } catch (IOException e) {
            throw new DatabaseException("无法读取数据库文件 " + file + "：" + ioReason(e), e);
        }
    }

    private static DatabaseException foreign(Path file) {
        return new DatabaseException("“" + file.getFileName() + "”是其他软件的 SQLite 数据库，不是台账数据库，已拒绝打开，文件未被改动。");
    }

    private static DatabaseException newer(Path file, int version) {
        return new DatabaseException("“" + file.getFileName() + "”由更新版本的台账软件创建（数据版本 " + version
                + "，本软件支持到 " + latestVersion() + "）。请升级软件后再打开；文件未被改动。");
    }

    private static Connection connect(Path file, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setEncoding(SQLiteConfig.Encoding.UTF8);
        config.setBusyTimeout(5000);
        config.enforceForeignKeys(true);
        config.setReadOnly(readOnly);
        try {
            return DriverManager.getConnection(jdbcUrl(file, readOnly), config.toProperties());
        } catch (SQLException e) {
            throw new DatabaseException("无法打开数据库文件 " + file + "：" + describe(e), e);
        }
    }

    private void inspectAndPrepare(Consumer<Database> beforeMigration, boolean crashed, boolean deferCheck) {
        int appId;
        int version;
        int tables;
        try {
            appId = pragmaInt("application_id");
            version = pragmaInt("user_version");
            tables = queryInt("SELECT count(*) FROM sqlite_master WHERE type = 'table'");
        } catch (SQLException e) {
            if (isCorruption(e) && !readOnly) {
                throw new Quarantine("无法读取文件结构（" + describe(e) + "）", e);
            }
            throw new DatabaseException("“" + file.getFileName() + "”无法作为数据库读取：" + describe(e), e);
        }
        if (appId != APPLICATION_ID && (appId != 0 || tables > 0)) {
            throw foreign(file);
        }
        int latest = latestVersion();
        if (version > latest) {
            throw newer(file, version);
        }
        if (crashed && deferCheck && version == latest && !readOnly) {
            // the window shows the data first and checks in the background; writes wait for the check
            checkPending = true;
        } else if (crashed) {
            // the last session did not close cleanly: make sure what SQLite recovered is sound
            List<String> problems = integrityProblems();
            if (!problems.isEmpty()) {
                throw new Quarantine("完整性检查发现问题（" + String.join("；", problems) + "）", null);
            }
        }
        try (Statement st = connection.createStatement()) {
            // 32 MB page cache: a 500k-people roster and a year of activities stay in memory
            st.execute("PRAGMA cache_size = -32768");
            st.execute("PRAGMA temp_store = MEMORY");
            // read the file through memory mapping (up to 1 GB): looking up thousands of scattered rows (the
            // totals of a text search) then costs no system call per page that is not in the page cache
            st.execute("PRAGMA mmap_size = 1073741824");
        } catch (SQLException e) {
            // the defaults are only slower
        }
        if (readOnly) {
            return;
        }
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA synchronous = NORMAL");
        } catch (SQLException e) {
            throw new DatabaseException("无法设置数据库日志模式：" + describe(e), e);
        }
        if (version < latest) {
            if (version > 0 && beforeMigration != null) {
                try {
                    beforeMigration.accept(this);
                } catch (DatabaseException e) {
                    throw new DatabaseException("升级数据库前的备份没有成功，为安全起见没有升级，数据未改动：" + e.getMessage(), e);
                }
            }
            migrate(version);
        }
    }

    /** {@code PRAGMA integrity_check} lines other than "ok" (a read error counts as a problem). */
    List<String> integrityProblems() {
        List<String> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check(20)")) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equals(line)) {
                    out.add(line);
                }
            }
        } catch (SQLException e) {
            out.add(describe(e));
        }
        return out;
    }

    /** True while the integrity check left for later by {@link Options#deferCheck()} has not passed. */
    public boolean checkPending() {
        return checkPassed.getCount() > 0;
    }

    /**
     * Runs the check left for later on a second, read-only connection, so reads on this one go on: first
     * {@code PRAGMA quick_check} (when it passes, writes may go on), then the full {@code integrity_check}.
     * When either finds damage the database is closed, the file moved aside untouched, and the
     * {@link DatabaseDamagedException} (which offers the newest good backup) is thrown; writes that were
     * waiting fail with it. Does nothing when no check is pending.
     *
     * @param quickPassed called when the quick check has passed and writes are released (may be null)
     */
    public void runDeferredCheck(Runnable quickPassed) {
        if (!checkPending) {
            return;
        }
        checkPending = false;
        List<String> problems;
        try (Connection check = connect(file, true)) {
            problems = checkLines(check, "PRAGMA quick_check(20)");
            if (problems.isEmpty()) {
                checkPassed.countDown();
                if (quickPassed != null) {
                    quickPassed.run();
                }
                problems = checkLines(check, "PRAGMA integrity_check(20)");
            }
        } catch (SQLException | RuntimeException e) {
            problems = List.of(describe(e));
        }
        if (problems.isEmpty()) {
            return;
        }
        synchronized (this) {
            healthy = false;
            DatabaseDamagedException damaged;
            close();
            damaged = quarantine(file, "完整性检查发现问题（" + String.join("；", problems) + "）", null);
            checkFailure = damaged;
            checkPassed.countDown();
            throw damaged;
        }
    }

    private static List<String> checkLines(Connection c, String pragma) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(pragma)) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equals(line)) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    /** Files up to this size get {@code PRAGMA quick_check} before the first write of a session (measured: README). */
    static final long QUICK_CHECK_LIMIT = 64L * 1024 * 1024;

    /**
     * Before the first write of a session, a file that was not checked at open (the common case: the last
     * session closed cleanly and the file looks unchanged) gets {@code PRAGMA quick_check} when it is at most
     * {@link #QUICK_CHECK_LIMIT}: bytes flipped behind the program's back (a failing disk, a bad copy with the
     * time kept) are found before anything is written into them. Once damage is known, no write goes in.
     */
    private void checkBeforeFirstWrite() {
        if (knownDamage != null) {
            throw new DatabaseException(knownDamage);
        }
        if (firstWriteChecked || readOnly) {
            return;
        }
        synchronized (this) {
            if (firstWriteChecked) {
                return;
            }
            firstWriteChecked = true;
            if (sizeOf(file) > QUICK_CHECK_LIMIT) {
                return; // large files: the check after an unclean exit and the user's `check` cover them
            }
            List<String> problems;
            try {
                problems = checkLines(connection, "PRAGMA quick_check(5)");
            } catch (SQLException e) {
                problems = List.of(describe(e));
            }
            if (!problems.isEmpty()) {
                healthy = false; // the next open checks fully and moves the file aside
                knownDamage = "数据库文件已损坏（快速检查：" + String.join("；", problems) + "）。为免把数据写进损坏的文件，"
                        + "本次修改没有保存。请关闭程序后重新打开：程序会把损坏的文件原样移到一旁，并提供从备份恢复。";
                throw new DatabaseException(knownDamage);
            }
        }
    }

    /** Writes wait here while a deferred check runs; they fail when it found damage. */
    private void awaitCheck() {
        if (checkPassed.getCount() > 0) {
            try {
                checkPassed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DatabaseException("等待数据库检查时被中断，本次修改没有保存。", e);
            }
        }
        if (checkFailure != null) {
            throw new DatabaseException("数据库检查发现文件损坏，本次修改没有保存：" + checkFailure.getMessage(), checkFailure);
        }
    }

    public static int latestVersion() {
        List<Migrations.Migration> all = migrationSource.get();
        return all.isEmpty() ? 0 : all.getLast().version();
    }

    private void migrate(int from) {
        List<Migrations.Migration> pending = migrationSource.get().stream().filter(m -> m.version() > from).toList();
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
            throw new DatabaseException("数据库升级失败，已回滚，数据未改动：" + describe(e), e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // connection is closed by the caller on error
            }
        }
    }

    private static List<String> foreignKeyProblems(Statement st) throws SQLException {
        List<String> out = new ArrayList<>();
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
            throw new DatabaseException("读取数据版本失败：" + describe(e), e);
        }
    }

    public Path file() {
        return file;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** Why the database is read-only (for the banner), or null when it is writable. */
    public String readOnlyReason() {
        return readOnlyReason;
    }

    /** Warnings for the user about this database (network or cloud folder, clock, failed automatic backup). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    void addWarning(String warning) {
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    /** Throws the read-only explanation when writing is not possible. */
    public void requireWritable() {
        if (readOnly) {
            throw new DatabaseException(readOnlyMessage());
        }
    }

    private String readOnlyMessage() {
        return "数据库当前是只读模式：" + readOnlyReason + "。本次修改没有保存，数据未改动。";
    }

    /**
     * Runs {@code work} in one transaction; any exception rolls everything back. Called inside another
     * {@code tx} (a service method used by a larger operation such as a data-package import), it joins
     * the outer transaction as a savepoint: nothing is committed until the outer work ends, and the
     * outer failure rolls back everything. While a deferred start-up check runs, it first waits for it.
     */
    public <T> T tx(Function<DSLContext, T> work) {
        awaitCheck();
        checkBeforeFirstWrite();
        synchronized (this) {
            DSLContext outer = current;
            try {
                return (outer != null ? outer : dsl).transactionResult(cfg -> {
                    current = cfg.dsl();
                    try {
                        return work.apply(current);
                    } finally {
                        current = outer;
                    }
                });
            } catch (RuntimeException e) {
                throw outer != null ? e : translate(e);
            }
        }
    }

    /** As {@link #tx}, without a result. */
    public void txRun(Consumer<DSLContext> work) {
        tx(ctx -> {
            work.accept(ctx);
            return null;
        });
    }

    /** Read-only work outside an explicit transaction. */
    public synchronized <T> T read(Function<DSLContext, T> work) {
        try {
            return work.apply(dsl);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /** The raw JDBC connection, for the SQLite backup API and pragmas only. */
    public synchronized <T> T withConnection(SqlFunction<Connection, T> work) {
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            RuntimeException t = translate(e);
            throw t instanceof DatabaseException d ? d : new DatabaseException("数据库操作失败：" + describe(e), e);
        }
    }

    /**
     * Turns the SQLite failures a user can meet (disk full, read-only, locked, I/O error, corruption)
     * into a plain-Chinese {@link DatabaseException}; anything else passes through unchanged.
     */
    private RuntimeException translate(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof DatabaseException d) {
                return d;
            }
            if (c instanceof SQLException s) {
                if (isCorruption(s)) {
                    healthy = false; // the next open runs the integrity check
                    knownDamage = "数据库文件已损坏（" + s.getMessage() + "），为免写进损坏的文件，之后的修改都不会保存。"
                            + "请关闭程序后重新打开：程序会检查文件并提供从备份恢复。";
                }
                String msg = problemMessage(s);
                if (msg != null) {
                    return new DatabaseException(msg, e);
                }
            }
        }
        return e instanceof RuntimeException r ? r : new DatabaseException("数据库操作失败：" + e.getMessage(), e);
    }

    private String problemMessage(SQLException s) {
        int code = s.getErrorCode() & 0xff;
        return switch (code) {
            case 13 -> "磁盘空间不足（或数据库文件已到上限），本次操作已撤销，数据未改动。请清理磁盘空间后重试。";
            case 8 -> readOnly ? readOnlyMessage() : "数据库文件或所在文件夹不能写入，本次操作已撤销，数据未改动。请检查文件是否被设为只读。";
            case 5, 6 -> "数据库正被另一个程序锁定（可能是另一个台账窗口、杀毒软件或同步软件），等待后仍未释放。本次操作已撤销，数据未改动，请稍后重试。";
            case 10 -> "读写数据库文件时出错（磁盘或 U 盘可能有问题，或文件被拔出）：本次操作已撤销。请检查磁盘后重试。";
            case 11, 26 -> "数据库文件已损坏（" + s.getMessage() + "）。请关闭程序后重新打开，程序会检查文件并提供从备份恢复。";
            default -> null;
        };
    }

    static boolean isCorruption(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        if (e instanceof SQLiteException s) {
            code = s.getResultCode().code & 0xff;
        }
        return code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code;
    }

    /** A short Chinese description of an SQL error (the SQLite text kept for the technician). */
    static String describe(Exception e) {
        if (e instanceof SQLException s) {
            int code = s.getErrorCode() & 0xff;
            String what = switch (code) {
                case 5, 6 -> "数据库被其他程序锁定";
                case 8 -> "文件不能写入";
                case 10 -> "磁盘读写错误";
                case 11 -> "文件已损坏";
                case 13 -> "磁盘空间不足";
                case 14 -> "无法打开文件";
                case 26 -> "不是数据库文件";
                default -> null;
            };
            return what == null ? String.valueOf(s.getMessage()) : what + "（" + s.getMessage() + "）";
        }
        if (e instanceof IOException io) {
            return ioReason(io);
        }
        return String.valueOf(e.getMessage());
    }

    /** A short Chinese reason for a file-system error (see {@link OsErrors}). */
    static String ioReason(IOException e) {
        return OsErrors.describe(e);
    }

    /**
     * The JDBC address of {@code file}. Read-only where SQLite cannot create its {@code -shm} beside the file
     * (CD, write-protected USB stick, read-only share), or when the file itself is read-only and has no log:
     * opened {@code immutable}, so SQLite neither needs nor leaves any file beside it (no read-only {@code -shm}
     * left behind to keep the database read-only after the file is made writable again).
     */
    static String jdbcUrl(Path file, boolean readOnly) {
        boolean fileReadOnly = !Files.isWritable(file) && sizeOf(walOf(file)) == 0 && !Files.exists(Sidecars.shm(file));
        if (readOnly && (onReadOnlyMedium(file) || fileReadOnly)) {
            return "jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?immutable=1";
        }
        return "jdbc:sqlite:" + file;
    }

    /** True when nothing can be created beside {@code file} (its folder is on a read-only medium or not writable). */
    public static boolean onReadOnlyMedium(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || Files.isWritable(folder)) {
            return false;
        }
        try {
            return Files.getFileStore(file).isReadOnly() || !Files.exists(Sidecars.shm(file));
        } catch (IOException e) {
            return !Files.exists(Sidecars.shm(file));
        }
    }

    /** The database file and every file SQLite and the program keep beside it: -wal, -shm, -journal, .lock. */
    public static List<Path> ownFiles(Path db) {
        Path abs = db.toAbsolutePath().normalize();
        String n = abs.getFileName().toString();
        return List.of(abs, abs.resolveSibling(n + "-wal"), abs.resolveSibling(n + "-shm"), abs.resolveSibling(n + "-journal"),
                DbLock.lockFile(abs));
    }

    static Path walOf(Path db) {
        return db.resolveSibling(db.getFileName() + "-wal");
    }

    private static long sizeOf(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    @FunctionalInterface
    public interface SqlFunction<A, B> {
        B apply(A a) throws SQLException;
    }

    @Override
    public synchronized void close() {
        OPEN.remove(this);
        try {
            if (!connection.isClosed()) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // closing: nothing more to do
        } finally {
            protection.close();
            if (lock != null) {
                lock.close(healthy);
            }
        }
    }
}
