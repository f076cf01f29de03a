package org.taizhang.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.taizhang.common.AtomicFile;

/**
 * Backups of the open database: SQLite online backup → temp file → fsync → integrity and foreign-key
 * check of the copy (opened read-only) → atomic rename ({@link AtomicFile}) into the backups folder (beside the database,
 * {@code <name>.backups/}, or the folder stored in {@code app_setting} under {@value #SETTING_DIR}).
 *
 * <p>Automatic backups: once a day on start ({@link #dailyIfDue()}), before every migration and before
 * imports ({@link #backupBefore(String)}). Retention: the newest 10 daily backups, plus the newest of
 * each of the last 4 weeks and 12 months; every pre-migration backup is kept; the newest 10 event
 * backups (before import, before restore, manual) are kept.
 */
public final class BackupService {
    public static final String SETTING_DIR = "backup.dir";
    public static final String KIND_DAILY = "daily";
    public static final String KIND_MANUAL = "manual";
    public static final String KIND_PREMIGRATION = "premigration-v";
    public static final String KIND_BEFORE = "before-";
    static final int KEEP_DAILY = 10;
    static final int KEEP_WEEKLY = 4;
    static final int KEEP_MONTHLY = 12;
    static final int KEEP_EVENTS = 10;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern NAME = Pattern.compile("(.+)-(\\d{8}-\\d{6})(?:-(\\d+))?-(daily|manual|premigration-v\\d+|before-.+)\\.db");

    private final Database db;
    private final Clock clock;

    public BackupService(Database db) {
        this(db, Clock.systemDefaultZone());
    }

    public BackupService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- where

    /** The default backups folder of {@code dbFile}: {@code <name>.backups} beside it. */
    public static Path defaultDirectory(Path dbFile) {
        Path abs = dbFile.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".backups");
    }

    /** The backups folder in use (setting {@value #SETTING_DIR}, relative paths resolved beside the database). */
    public Path backupDirectory() {
        String configured = readSetting(SETTING_DIR);
        if (configured == null || configured.isBlank()) {
            return defaultDirectory(db.file());
        }
        return db.file().resolveSibling(configured.strip()).toAbsolutePath().normalize();
    }

    /** Stores the backups folder; null or blank goes back to the default. */
    public void setBackupDirectory(Path dir) {
        db.requireWritable();
        String value = dir == null || dir.toString().isBlank() ? null : dir.toAbsolutePath().normalize().toString();
        if (value != null) {
            validateFolder(Path.of(value));
        }
        db.withConnection(c -> {
            try (var ps = c.prepareStatement(value == null ? "DELETE FROM app_setting WHERE key = ?"
                    : "INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, SETTING_DIR);
                if (value != null) {
                    ps.setString(2, value);
                }
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Refuses a backups folder that cannot hold backups: not a real folder, not writable (tried with a real
     * file), on a read-only medium, or without room for two copies of the database. Creates it when missing.
     */
    void validateFolder(Path dir) {
        String what = "不能用“" + dir + "”作备份文件夹：";
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new DatabaseException(what + "它是一个文件，不是文件夹。设置未改动。");
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".~taizhang-probe-", ".tmp");
            try {
                Files.write(probe, new byte[4096]);
            } finally {
                Files.deleteIfExists(probe);
            }
            long need = 2 * Files.size(db.file());
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < need) {
                throw new DatabaseException(what + "剩余空间只有 " + sizeText(free) + "，放不下备份（约需 " + sizeText(need)
                        + "）。请清理空间或换一个位置。设置未改动。");
            }
        } catch (IOException | UnsupportedOperationException e) {
            String reason = e instanceof IOException io ? Database.ioReason(io) : String.valueOf(e.getMessage());
            throw new DatabaseException(what + "无法在里面写入文件（" + reason + "）。请换一个可以写入的文件夹。设置未改动。", e);
        }
    }

    private String readSetting(String key) {
        return db.withConnection(c -> {
            try (var ps = c.prepareStatement("SELECT value FROM app_setting WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            } catch (SQLException e) {
                return null; // no app_setting table yet (a brand-new file)
            }
        });
    }

    // ---------------------------------------------------------------- make

    /** A backup before an operation such as an import ({@code reason} e.g. "导入"); kept among the newest 10 event backups. */
    public BackupInfo backupBefore(String reason) {
        String slug = slug(reason == null || reason.isBlank() ? "操作" : reason);
        return backupNow(KIND_BEFORE + slug);
    }

    /** The backup that {@link Database#open} takes before migrating a file of an older version. */
    public BackupInfo backupBeforeMigration() {
        return backupNow(KIND_PREMIGRATION + db.version());
    }

    /** A backup into the backups folder now, followed by pruning old ones. */
    public BackupInfo backupNow(String kind) {
        Path dir = backupDirectory();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DatabaseException("无法创建备份文件夹“" + dir + "”：" + Database.ioReason(e) + "。数据库未改动。", e);
        }
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        String base = stem(db.file()) + "-" + STAMP.format(now);
        Path target = dir.resolve(base + "-" + kind + ".db");
        for (int i = 2; Files.exists(target); i++) {
            target = dir.resolve(base + "-" + i + "-" + kind + ".db");
        }
        BackupInfo made = writeBackup(target, now, kind);
        prune(made.file());
        return made;
    }

    /**
     * A backup to a file the user chose (e.g. on a USB stick). An existing file there is replaced only
     * after the new copy has been checked. Never onto the open database itself.
     */
    public BackupInfo backupTo(Path file) {
        Path target = file.toAbsolutePath().normalize();
        AtomicFile.refuseProtected(target);
        if (Files.isDirectory(target)) {
            target = target.resolve(stem(db.file()) + "-" + STAMP.format(LocalDateTime.now(clock)) + "-" + KIND_MANUAL + ".db");
        }
        if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
            throw new DatabaseException("备份位置“" + target.getParent() + "”不存在（U 盘是否已拔出？）。请重新选择位置。");
        }
        return writeBackup(target, LocalDateTime.now(clock).withNano(0), KIND_MANUAL);
    }

    /** Once a day: a backup unless one was made today. Skips an empty database. Clock anomalies become warnings. */
    public Optional<BackupInfo> dailyIfDue() {
        if (db.readOnly()) {
            return Optional.empty();
        }
        RecordCounts c = counts();
        if (c.orgs() + c.people() + c.activities() + c.honors() == 0) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        List<BackupInfo> daily = list(backupDirectory(), db.file(), false).stream().filter(b -> KIND_DAILY.equals(b.kind())).toList();
        if (daily.stream().anyMatch(b -> b.createdAt().toLocalDate().isAfter(today))) {
            db.addWarning("电脑时钟似乎被调回过去：有日期晚于今天（" + today + "）的备份。请检查系统日期和时间；为安全起见暂不自动删除任何旧备份。");
        } else if (daily.stream().anyMatch(b -> b.createdAt().toLocalDate().equals(today))) {
            return Optional.empty();
        }
        return Optional.of(backupNow(KIND_DAILY));
    }

    /** Called by the window and the command line after opening: the daily backup, never fatal. */
    public static void onStart(Database db) {
        try {
            BackupService s = new BackupService(db);
            if (!db.readOnly()) {
                AtomicFile.cleanStaleTemps(s.backupDirectory()); // partial backups of a killed run
            }
            s.dailyIfDue();
        } catch (RuntimeException e) {
            db.addWarning("今天的自动备份没有成功：" + e.getMessage() + " 数据库本身没有受影响；请检查磁盘空间，或用“文件 → 备份到…”手动备份。");
        }
    }

    private BackupInfo writeBackup(Path target, LocalDateTime when, String kind) {
        CheckReport[] report = new CheckReport[1];
        try {
            AtomicFile.writeFile(target, tmp -> {
                try {
                    int rc = db.withConnection(c -> c.unwrap(SQLiteConnection.class).getDatabase().backup("main", tmp.toString(), null));
                    if (rc != 0) {
                        throw new SQLException(rc == 13 ? "database or disk is full" : "backup failed, SQLite code " + rc, null, rc);
                    }
                    // a backup of a WAL database is marked WAL; make the copy a single self-contained file
                    try (Connection c = connect(tmp, false); Statement st = c.createStatement()) {
                        st.execute("PRAGMA journal_mode = DELETE");
                    }
                } catch (SQLException e) {
                    throw new DatabaseException("备份到“" + target + "”失败：" + Database.describe(e) + "。数据库未改动，未完成的备份文件已删除。", e);
                }
                fsync(tmp);
                report[0] = checkFile(tmp);
                if (!report[0].ok()) {
                    throw new DatabaseException("备份副本没有通过检查，已丢弃（" + report[0].summary() + "）。数据库未改动。"
                            + "如果磁盘空间充足，这可能说明数据库文件本身有问题，请运行“检查数据库”。");
                }
            });
            return new BackupInfo(target, when, kind, Files.size(target), report[0].counts());
        } catch (IOException e) {
            throw new DatabaseException("备份到“" + target + "”失败：" + Database.describe(e) + "。数据库未改动。", e);
        }
    }

    // ---------------------------------------------------------------- list and prune

    /** The backups of this database in the backups folder, newest first, with their record counts. */
    public List<BackupInfo> list() {
        return list(backupDirectory(), db.file(), true);
    }

    /** The backups of {@code dbFile} in its default backups folder (for when the file itself cannot be opened), with counts. */
    public static List<BackupInfo> listFor(Path dbFile) {
        return list(defaultDirectory(dbFile), dbFile.toAbsolutePath().normalize(), true);
    }

    /**
     * @param withCounts open every backup to count its records (for display); without, counts are
     *     {@link RecordCounts#UNKNOWN} and listing is instant even for large backups
     */
    static List<BackupInfo> list(Path dir, Path dbFile, boolean withCounts) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        String stem = stem(dbFile);
        List<BackupInfo> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (!m.matches() || !m.group(1).equals(stem)) {
                    continue;
                }
                LocalDateTime at = LocalDateTime.parse(m.group(2), STAMP);
                long size = Files.size(p);
                out.add(new BackupInfo(p, at, m.group(4), size, withCounts ? countsOf(p) : RecordCounts.UNKNOWN));
            }
        } catch (IOException e) {
            throw new DatabaseException("无法读取备份文件夹“" + dir + "”：" + Database.ioReason(e), e);
        }
        out.sort(Comparator.comparing(BackupInfo::createdAt).thenComparing(b -> b.file().getFileName().toString()).reversed());
        return out;
    }

    /** The newest backup of {@code dbFile} that passes the integrity check, looking in its default folder. */
    public static Optional<BackupInfo> newestGood(Path dbFile, Path configuredDir) {
        List<Path> dirs = new ArrayList<>();
        if (configuredDir != null) {
            dirs.add(configuredDir);
        }
        dirs.add(defaultDirectory(dbFile));
        for (Path dir : dirs) {
            for (BackupInfo b : list(dir, dbFile, false)) {
                CheckReport r = checkFile(b.file());
                if (r.ok()) {
                    return Optional.of(new BackupInfo(b.file(), b.createdAt(), b.kind(), b.sizeBytes(), r.counts()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Deletes backups beyond the retention rule. Never deletes {@code keep}, pre-migration backups, or
     * anything when a backup dated in the future shows the clock was set back.
     *
     * @return the deleted files
     */
    public List<Path> prune(Path keep) {
        List<BackupInfo> all = list(backupDirectory(), db.file(), false);
        LocalDateTime now = LocalDateTime.now(clock);
        if (all.stream().anyMatch(b -> b.createdAt().isAfter(now.plusMinutes(5)))) {
            return List.of();
        }
        Set<Path> kept = new HashSet<>();
        if (keep != null) {
            kept.add(keep);
        }
        List<BackupInfo> daily = all.stream().filter(b -> KIND_DAILY.equals(b.kind())).toList(); // newest first
        daily.stream().limit(KEEP_DAILY).forEach(b -> kept.add(b.file()));
        Set<String> weeks = new HashSet<>();
        Set<String> months = new HashSet<>();
        for (BackupInfo b : daily) {
            LocalDate d = b.createdAt().toLocalDate();
            String week = d.get(IsoFields.WEEK_BASED_YEAR) + "-W" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            if (weeks.size() < KEEP_WEEKLY && weeks.add(week)) {
                kept.add(b.file());
            }
            String month = d.getYear() + "-" + d.getMonthValue();
            if (months.size() < KEEP_MONTHLY && months.add(month)) {
                kept.add(b.file());
            }
        }
        all.stream().filter(b -> b.kind().startsWith(KIND_PREMIGRATION)).forEach(b -> kept.add(b.file()));
        all.stream().filter(b -> !KIND_DAILY.equals(b.kind()) && !b.kind().startsWith(KIND_PREMIGRATION))
                .limit(KEEP_EVENTS).forEach(b -> kept.add(b.file()));
        List<Path> deleted = new ArrayList<>();
        for (BackupInfo b : all) {
            if (!kept.contains(b.file())) {
                deleteQuietly(b.file());
                deleted.add(b.file());
            }
        }
        return deleted;
    }

    // ---------------------------------------------------------------- restore

    /**
     * Restores {@code backup} over the open database: checks the backup, backs up the current file
     * (kind "before-恢复"), closes the database, copies the backup to a temp file beside it, checks the
     * copy, removes stale -wal/-shm and renames the copy over the database file. The caller reopens
     * the returned path.
     */
    public RestoreResult restore(Path backup) {
        if (db.readOnly()) {
            throw new DatabaseException("当前是只读模式（" + db.readOnlyReason() + "），不能恢复备份。请关闭另一个正在使用该数据库的窗口后重试。");
        }
        Path dbFile = db.file();
        CheckReport checked = requireRestorable(backup, dbFile);
        BackupInfo safety = backupBefore("恢复");
        try (DbLock lock = DbLock.tryAcquire(dbFile)) {
            if (lock == null || DbLock.holders(dbFile) > 2) {
                throw new DatabaseException("数据库还在被其他窗口或命令使用，不能恢复。请先关闭它们。");
            }
            db.close();
            replace(dbFile, backup);
        } catch (IOException e) {
            throw new DatabaseException("恢复失败：" + Database.ioReason(e) + "。原数据库文件未被替换。", e);
        }
        return new RestoreResult(dbFile, safety, checked.counts());
    }

    /**
     * What a restore did: the database file to reopen, the backup of the replaced file (null if none), what it
     * now holds, and where an unusable current file (damaged, foreign, not SQLite) was moved untouched (or null).
     */
    public record RestoreResult(Path database, BackupInfo safetyBackup, RecordCounts counts, Path setAside) {
        public RestoreResult(Path database, BackupInfo safetyBackup, RecordCounts counts) {
            this(database, safetyBackup, counts, null);
        }
    }

    /**
     * Restores {@code backup} to {@code dbFile} when no database is open: after the damaged file was moved
     * aside, or when the current file cannot be opened at all (damaged, another program's SQLite file, not a
     * database, from a newer version). A readable current file is backed up first; one that is not is moved
     * aside untouched as {@code <name>.replaced-<time>} (with its -wal/-shm), never overwritten.
     */
    public static RestoreResult restoreInto(Path dbFile, Path backup) {
        Path target = dbFile.toAbsolutePath().normalize();
        CheckReport checked = requireRestorable(backup, target);
        BackupInfo safety = null;
        Path setAside = null;
        try (DbLock lock = DbLock.tryAcquire(target)) {
            if (lock == null || DbLock.holders(target) > 1) {
                throw new DatabaseException("数据库“" + target.getFileName() + "”正被另一个台账窗口或命令使用，不能恢复。请先关闭它。");
            }
            if (Files.exists(target) && Files.size(target) > 0) {
                if (checkFile(target).ok()) {
                    try (Database current = Database.open(target, false, null)) {
                        safety = new BackupService(current).backupBefore("恢复");
                    }
                } else {
                    setAside = setAside(target);
                }
            }
            replace(target, backup);
        } catch (IOException e) {
            throw new DatabaseException("恢复失败：" + Database.ioReason(e) + "。原数据库文件未被替换。", e);
        }
        return new RestoreResult(target, safety, checked.counts(), setAside);
    }

    /** Moves an unusable database file and its sidecars aside untouched; returns where the file went. */
    private static Path setAside(Path target) throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now());
        Path aside = target.resolveSibling(target.getFileName() + ".replaced-" + stamp);
        for (int i = 2; Files.exists(aside); i++) {
            aside = target.resolveSibling(target.getFileName() + ".replaced-" + stamp + "-" + i);
        }
        Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        for (String suffix : List.of("-wal", "-shm", "-journal")) {
            Path side = target.resolveSibling(target.getFileName() + suffix);
            if (Files.exists(side)) {
                Files.move(side, aside.resolveSibling(aside.getFileName() + suffix), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return aside;
    }

    private static CheckReport requireRestorable(Path backup, Path dbFile) {
        Path b = backup.toAbsolutePath().normalize();
        if (!Files.isRegularFile(b)) {
            throw new DatabaseException("找不到备份文件“" + backup + "”。");
        }
        if (AtomicFile.sameFile(b, dbFile)) {
            throw new DatabaseException("选择的备份就是当前数据库文件本身，不需要恢复。");
        }
        AtomicFile.refuseReading(b, "备份");
        CheckReport r = checkFile(b);
        if (!r.ok()) {
            throw new DatabaseException("“" + b.getFileName() + "”不能用来恢复：" + r.summary() + "。当前数据库未改动。");
        }
        return r;
    }

    private static void replace(Path dbFile, Path backup) {
        AtomicFile.writeFile(dbFile, tmp -> {
            Files.copy(backup, tmp, StandardCopyOption.REPLACE_EXISTING);
            fsync(tmp);
            CheckReport r = checkFile(tmp);
            if (!r.ok()) {
                throw new DatabaseException("复制的备份没有通过完整性检查（" + r.summary() + "），已放弃恢复；当前数据库未改动。");
            }
            // stale journal files would be applied to the restored copy: remove them (the database was closed cleanly)
            for (String suffix : List.of("-wal", "-shm", "-journal")) {
                Files.deleteIfExists(dbFile.resolveSibling(dbFile.getFileName() + suffix));
            }
        }, backup);
    }

    // ---------------------------------------------------------------- check

    /** Integrity, foreign keys and counts of the open database. */
    public CheckReport check() {
        return checkFile(db.file());
    }

    /**
     * Checks any file read-only, without migrating or moving it: SQLite header, ownership (application
     * id), version, {@code PRAGMA integrity_check}, {@code PRAGMA foreign_key_check} and counts.
     */
    public static CheckReport checkFile(Path file) {
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return CheckReport.failed(file, Files.exists(file) ? "不是普通文件（是文件夹、管道或设备）" : "文件不存在");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return CheckReport.failed(file, "无法读取文件：" + Database.ioReason(e));
        }
        if (size == 0) {
            return CheckReport.failed(file, "文件是空的（0 字节）");
        }
        if (AtomicFile.protectedAs(file) != null) {
            // the database open in this process: read it through SQLite only (a raw read would drop SQLite's locks)
        } else try (InputStream in = Files.newInputStream(file)) {
            if (!new String(in.readNBytes(16), StandardCharsets.ISO_8859_1).equals("SQLite format 3\0")) {
                return CheckReport.failed(file, "不是 SQLite 数据库文件");
            }
        } catch (IOException e) {
            return CheckReport.failed(file, "无法读取文件：" + Database.ioReason(e));
        }
        try (Connection c = connect(file, true); Statement st = c.createStatement()) {
            int appId = intOf(st, "PRAGMA application_id");
            int version = intOf(st, "PRAGMA user_version");
            if (appId != Database.APPLICATION_ID) {
                problems.add("不是台账数据库（其他软件的 SQLite 文件）");
            }
            if (version > Database.latestVersion()) {
                problems.add("由更新版本的台账软件创建（数据版本 " + version + "），请先升级软件");
            }
            List<String> integrity = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check(20)")) {
                while (rs.next()) {
                    integrity.add(rs.getString(1));
                }
            }
            if (!integrity.equals(List.of("ok"))) {
                problems.add("完整性检查未通过：" + String.join("；", integrity));
            }
            List<String> fk = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
                while (rs.next() && fk.size() < 20) {
                    fk.add(rs.getString(1) + " 第 " + rs.getLong(2) + " 行引用的 " + rs.getString(3) + " 不存在");
                }
            }
            if (!fk.isEmpty()) {
                problems.add("外键检查发现 " + fk.size() + " 处问题：" + String.join("；", fk));
            }
            return new CheckReport(file, size, version, problems.isEmpty(), problems, countsOf(c));
        } catch (SQLException e) {
            return CheckReport.failed(file, "无法作为数据库读取：" + Database.describe(e));
        }
    }

    /** Record counts of the open database. */
    public RecordCounts counts() {
        return db.withConnection(BackupService::countsOf);
    }

    static RecordCounts countsOf(Path file) {
        try (Connection c = connect(file, true)) {
            return countsOf(c);
        } catch (SQLException e) {
            return RecordCounts.UNKNOWN;
        }
    }

    private static RecordCounts countsOf(Connection c) {
        return new RecordCounts(count(c, "org"), count(c, "person"), count(c, "activity"), count(c, "honor"));
    }

    private static long count(Connection c, String table) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    private static int intOf(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    // ---------------------------------------------------------------- files

    static Connection connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.setBusyTimeout(5000);
        return DriverManager.getConnection(Database.jdbcUrl(file, readOnly), config.toProperties());
    }

    static String stem(Path dbFile) {
        String name = dbFile.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".db") ? name.substring(0, name.length() - 3) : name;
    }

    private static String slug(String reason) {
        String s = reason.strip().replaceAll("[\\\\/:*?\"<>|\\s.]+", "_");
        return s.length() > 30 ? s.substring(0, 30) : s;
    }

    static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }

    public static String sizeText(long bytes) {
        return org.taizhang.common.Numbers.fileSize(bytes);
    }
}
