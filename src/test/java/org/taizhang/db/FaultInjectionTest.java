package org.taizhang.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taizhang.Fixtures.orgInput;
import static org.taizhang.db.jooq.Tables.APP_SETTING;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.org.OrgInput;
import org.taizhang.org.OrgService;

/**
 * Fault injection against real files: each case runs the real opening/backup/write code and asserts
 * both the message the user sees and that the data is byte-for-byte or record-for-record unchanged.
 * The cases are listed with their results in the README (数据安全).
 */
class FaultInjectionTest {
    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();
    private Path mounted;

    @AfterEach
    void cleanUp() throws Exception {
        for (Process p : children) {
            kill(p);
        }
        Database.migrationSource = Migrations::all;
        if (mounted != null) {
            new ProcessBuilder("umount", mounted.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------ files that are not (our) databases

    @Test
    void emptyFileWithoutBackupsIsANewDatabase() throws Exception {
        Path file = Files.createFile(dir.resolve("新建.db"));
        try (Database db = Database.open(file)) {
            assertThat(db.version()).isEqualTo(Database.latestVersion());
            assertThat(db.readOnly()).isFalse();
        }
    }

    @Test
    void emptyFileThatHasBackupsIsTreatedAsLostDataAndTheBackupOffered() throws Exception {
        Path file = Fixtures.withData(dir.resolve("清空.db"));
        BackupInfo backup;
        try (Database db = Database.open(file)) {
            backup = new BackupService(db).backupNow(BackupService.KIND_DAILY);
        }
        Files.write(file, new byte[0]);
        Files.deleteIfExists(dir.resolve("清空.db-wal"));
        DatabaseDamagedException e = catchDamaged(file);
        assertThat(e).hasMessageContaining("文件是空的（0 字节）").hasMessageContaining(backup.file().getFileName().toString());
        assertThat(e.newestBackup()).map(BackupInfo::file).contains(backup.file());
        assertThat(e.damagedCopy()).exists().hasSize(0);
        assertThat(file).doesNotExist();
        Path restored = BackupService.restoreInto(file, backup.file()).database();
        assertThat(Fixtures.snapshot(restored)).isEqualTo(Fixtures.snapshot(backup.file()));
    }

    @Test
    void renamedNonSqliteFileIsRefusedUntouched() throws Exception {
        Path file = dir.resolve("名册.db");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
        }
        String sha = Fixtures.sha256(file);
        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(DatabaseException.class)
                .hasMessage("“名册.db”不是台账数据库文件（也不是 SQLite 数据库），已拒绝打开，文件未被改动。");
        assertThat(Fixtures.sha256(file)).isEqualTo(sha);
        assertThat(siblings()).containsExactly("名册.db");
    }

    @Test
    void newerUserVersionIsRefusedByteForByteUntouched() throws Exception {
        Path file = Fixtures.withData(dir.resolve("新版本.db"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = DELETE");
            st.execute("PRAGMA user_version = 999");
        }
        String sha = Fixtures.sha256(file);
        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(DatabaseException.class)
                .hasMessageContaining("由更新版本的台账软件创建（数据版本 999").hasMessageContaining("请升级软件").hasMessageContaining("文件未被改动");
        assertThat(Fixtures.sha256(file)).isEqualTo(sha);
        assertThat(Files.exists(dir.resolve("新版本.db-wal"))).isFalse();
    }

    @Test
    void foreignApplicationIdIsRefusedByteForByteUntouched() throws Exception {
        Path file = dir.resolve("别人的.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA application_id = 1234567");
            st.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)");
            st.execute("INSERT INTO photos (name) VALUES ('𠮷.jpg')");
        }
        Path noAppId = dir.resolve("无标记.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + noAppId); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)");
        }
        for (Path f : List.of(file, noAppId)) {
            String sha = Fixtures.sha256(f);
            assertThatThrownBy(() -> Database.open(f)).isInstanceOf(DatabaseException.class)
                    .hasMessage("“" + f.getFileName() + "”是其他软件的 SQLite 数据库，不是台账数据库，已拒绝打开，文件未被改动。");
            assertThat(Fixtures.sha256(f)).isEqualTo(sha);
        }
    }

    // ------------------------------------------------------------------ damage

    @Test
    void flippedBytesAreDetectedTheFileIsSetAsideAndTheBackupOffered() throws Exception {
        Path file = Fixtures.withData(dir.resolve("坏.db"));
        BackupInfo backup;
        try (Database db = Database.open(file)) {
            backup = new BackupService(db).backupNow(BackupService.KIND_DAILY);
        }
        Thread.sleep(50); // let the file-system clock tick past the last clean close, as any later damage would
        byte[] bytes = Files.readAllBytes(file);
        int pageSize = ((bytes[16] & 0xff) << 8) | (bytes[17] & 0xff);
        // flip bytes in the middle of several b-tree pages (not page 1, so the header still looks right)
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            for (int page = 2; page < bytes.length / pageSize; page += 2) {
                for (int i = 0; i < 24; i++) {
                    long at = (long) page * pageSize + 8 + i;
                    raf.seek(at);
                    raf.write(~bytes[(int) at]);
                }
            }
        }
        String damagedSha = Fixtures.sha256(file);
        DatabaseDamagedException e = catchDamaged(file);
        assertThat(e).hasMessageContaining("数据库文件“坏.db”已损坏").hasMessageContaining("已把它原样移到")
                .hasMessageContaining("最近一份完好的备份").hasMessageContaining("restore");
        assertThat(file).doesNotExist();
        assertThat(e.damagedCopy().getFileName().toString()).startsWith("坏.db.damaged-");
        assertThat(Fixtures.sha256(e.damagedCopy())).isEqualTo(damagedSha);
        assertThat(e.newestBackup()).map(BackupInfo::file).contains(backup.file());
        // opening the same path again does not quietly start an empty database: it says why and offers the backup again
        DatabaseDamagedException again = catchDamaged(file);
        assertThat(again).hasMessageContaining("此前因损坏已被移到").hasMessageContaining("不会在原位置新建一个空数据库");
        assertThat(again.newestBackup()).map(BackupInfo::file).contains(backup.file());
        assertThat(file).doesNotExist();
        // restoring the offered backup gives back the data as it was at the backup
        BackupService.restoreInto(e.original(), e.newestBackup().orElseThrow().file());
        try (Database db = Database.open(file)) {
            assertThat(db.readOnly()).isFalse();
            assertThat(Fixtures.count(db, "person")).isEqualTo(40);
        }
        assertThat(Fixtures.sha256(e.damagedCopy())).isEqualTo(damagedSha);
    }

    @Test
    void truncatedDatabaseIsDetectedAndSetAside() throws Exception {
        Path file = Fixtures.withData(dir.resolve("截断.db"));
        long size = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size / 2);
        }
        DatabaseDamagedException e = catchDamaged(file);
        assertThat(e).hasMessageContaining("已损坏").hasMessageContaining("没有找到可用的备份");
        assertThat(e.damagedCopy()).hasSize(size / 2);
    }

    // ------------------------------------------------------------------ crashes and other processes

    @Test
    void staleWalFromAKilledProcessIsCheckedAndItsCommittedDataKept() throws Exception {
        Path file = Fixtures.withData(dir.resolve("崩溃.db"));
        List<String> before = Fixtures.snapshot(file);
        Process child = startReady("commit-then-die", file, "25");
        kill(child);
        assertThat(Files.size(dir.resolve("崩溃.db-wal"))).isPositive();
        // carry the database and its -wal elsewhere, as a user copying the folder would
        Path copy = Files.createDirectories(dir.resolve("复制")).resolve("崩溃.db");
        Files.copy(file, copy);
        Files.copy(dir.resolve("崩溃.db-wal"), dir.resolve("复制/崩溃.db-wal"));
        for (Path f : List.of(file, copy)) {
            try (Database db = Database.open(f)) {
                assertThat(db.readOnly()).isFalse();
                assertThat(Fixtures.count(db, "app_setting WHERE key LIKE 'committed-%'")).isEqualTo(25);
                assertThat(Fixtures.count(db, "person")).isEqualTo(40);
            }
            List<String> after = Fixtures.snapshot(f);
            assertThat(after.stream().filter(r -> !r.startsWith("app_setting:committed-")).toList()).isEqualTo(before);
        }
    }

    @Test
    void killDuringABigWriteLeavesTheDatabaseUnchanged() throws Exception {
        Path file = Fixtures.withData(dir.resolve("写一半.db"));
        List<String> before = Fixtures.snapshot(file);
        Process child = startReady("big-write", file);
        kill(child);
        assertThat(child.isAlive()).isFalse();
        try (Database db = Database.open(file)) {
            assertThat(Fixtures.count(db, "change_log WHERE os_user = 'kill-test'")).isZero();
            assertThat(db.readOnly()).isFalse();
        }
        assertThat(Fixtures.snapshot(file)).isEqualTo(before);
    }

    @Test
    void secondInstanceOpensReadOnlyAndItsWritesAreRefused() throws Exception {
        Path file = Fixtures.withData(dir.resolve("两个窗口.db"));
        List<String> before = Fixtures.snapshot(file);
        Process child = startReady("hold-lock", file);
        try (Database db = Database.open(file)) {
            assertThat(db.readOnly()).isTrue();
            assertThat(db.readOnlyReason()).contains("另一个台账窗口或命令正在使用这个数据库文件");
            assertThat(Fixtures.count(db, "person")).isEqualTo(40);
            assertThatThrownBy(addLeagueOrg(db, "第二个窗口的团委"))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("数据库当前是只读模式").hasMessageContaining("本次修改没有保存，数据未改动");
            assertThatThrownBy(() -> new BackupService(db).restore(file)).hasMessageContaining("只读模式");
        }
        kill(child);
        assertThat(Fixtures.snapshot(file)).isEqualTo(before);
        try (Database db = Database.open(file)) {
            assertThat(db.readOnly()).isFalse();
        }
    }

    @Test
    void databaseLockedByAnotherProgramGivesAClearMessageAndNothingChanges() throws Exception {
        Path file = Fixtures.withData(dir.resolve("被锁.db"));
        List<String> before = Fixtures.snapshot(file);
        Process child = startReady("hold-sqlite-lock", file);
        try (Database db = Database.open(file)) {
            assertThat(Fixtures.count(db, "person")).isEqualTo(40);
            assertThatThrownBy(addLeagueOrg(db, "等不到锁的团委"))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("数据库正被另一个程序锁定").hasMessageContaining("数据未改动");
        }
        kill(child);
        assertThat(Fixtures.snapshot(file)).isEqualTo(before);
    }

    // ------------------------------------------------------------------ resources

    @Test
    void diskFullSimulatedWithMaxPageCountRollsBackWithAClearMessage() {
        Path file = Fixtures.withData(dir.resolve("满.db"));
        List<String> before = Fixtures.snapshot(file);
        try (Database db = Database.open(file)) {
            // the file may not grow by a single page: as if the disk were full
            Fixtures.exec(db, "PRAGMA max_page_count = " + Fixtures.queryLong(db, "PRAGMA page_count"));
            assertThatThrownBy(() -> db.txRun(ctx -> {
                for (int i = 0; i < 5000; i++) {
                    ctx.insertInto(APP_SETTING).values("k" + i, "很长的值𠮷".repeat(50)).execute();
                }
            })).isInstanceOf(DatabaseException.class)
                    .hasMessage("磁盘空间不足（或数据库文件已到上限），本次操作已撤销，数据未改动。请清理磁盘空间后重试。");
            assertThat(Fixtures.count(db, "app_setting WHERE key LIKE 'k%'")).isZero();
        }
        assertThat(Fixtures.snapshot(file)).isEqualTo(before);
    }

    @Test
    void diskFullOnARealTinyFilesystem() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("tiny"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        boolean ok = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        Assumptions.assumeTrue(ok, "cannot mount a tmpfs here (needs root in a namespace that allows mounts); the max_page_count case covers disk full");
        mounted = mount;
        Path file = Fixtures.withData(mount.resolve("小盘.db"));
        List<String> before = Fixtures.snapshot(file);
        try (Database db = Database.open(file)) {
            Files.createDirectories(mount.resolve("小盘.db.backups"));
            // fill the rest of the disk with a plain file, leaving a few KB
            long free = Files.getFileStore(mount).getUsableSpace();
            Files.write(mount.resolve("占位.bin"), new byte[(int) Math.max(0, free - 8192)]);
            // a backup into the full disk fails cleanly, the partial file is removed
            assertThatThrownBy(() -> new BackupService(db).backupNow(BackupService.KIND_MANUAL))
                    .isInstanceOf(DatabaseException.class).hasMessageContaining("数据库未改动");
            try (Stream<Path> s = Files.list(mount.resolve("小盘.db.backups"))) {
                assertThat(s.toList()).isEmpty();
            }
            assertThatThrownBy(() -> db.txRun(ctx -> {
                for (int i = 0; i < 3000; i++) {
                    ctx.insertInto(APP_SETTING).values("k" + i, "满".repeat(400)).execute();
                }
            })).isInstanceOf(DatabaseException.class).hasMessageContaining("磁盘空间不足");
            assertThat(Fixtures.count(db, "app_setting WHERE key LIKE 'k%'")).isZero();
        }
        Files.delete(mount.resolve("占位.bin"));
        assertThat(Fixtures.snapshot(file)).isEqualTo(before);
    }

    @Test
    void readOnlyConnectionRefusesWritesWithAClearMessage() {
        Path file = Fixtures.withData(dir.resolve("只读.db"));
        List<String> before = Fixtures.snapshot(file);
        try (Database db = Database.open(file, true, null)) {
            assertThatThrownBy(addLeagueOrg(db, "写不进去"))
                    .isInstanceOf(DatabaseException.class).hasMessageContaining("只读模式").hasMessageContaining("数据未改动");
        }
        assertThat(Fixtures.snapshot(file)).isEqualTo(before);
    }

    @Test
    void readOnlyFolderOpensReadOnly() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("只读文件夹"));
        Path file = Fixtures.withData(folder.resolve("台账.db"));
        Files.deleteIfExists(folder.resolve("台账.db.lock"));
        List<String> before = Fixtures.snapshot(file);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            boolean enforced;
            try {
                Files.delete(Files.createFile(folder.resolve("probe")));
                enforced = false;
            } catch (IOException e) {
                enforced = true;
            }
            Assumptions.assumeTrue(enforced, "folder permissions are not enforced for this user (root); "
                    + "readOnlyConnectionRefusesWritesWithAClearMessage covers the read-only path");
            try (Database db = Database.open(file)) {
                assertThat(db.readOnly()).isTrue();
                assertThat(db.readOnlyReason()).contains("数据库所在的文件夹不能写入");
            }
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertThat(Fixtures.snapshot(file)).isEqualTo(before);
    }

    @Test
    void failedMigrationIsRolledBackAndThePreMigrationBackupIsIntact() {
        Path file = Fixtures.withData(dir.resolve("升级.db"));
        List<String> before = Fixtures.snapshot(file);
        int current;
        try (Database db = Database.open(file)) {
            current = db.version();
        }
        List<Migrations.Migration> broken = new ArrayList<>(Migrations.all());
        int next = current + 1;
        broken.add(new Migrations.Migration(next, "V" + next + "__broken.sql",
                "CREATE TABLE half_done (id INTEGER PRIMARY KEY);\nINSERT INTO half_done VALUES (1);\nINSERT INTO no_such_table VALUES (1);\n"));
        Database.migrationSource = () -> broken;
        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(DatabaseException.class)
                .hasMessageContaining("数据库升级失败，已回滚，数据未改动").hasMessageContaining("__broken.sql");
        Database.migrationSource = Migrations::all;
        assertThat(Fixtures.snapshot(file)).isEqualTo(before);
        try (Database db = Database.open(file)) {
            assertThat(db.version()).isEqualTo(current);
            List<BackupInfo> backups = new BackupService(db).list();
            assertThat(backups).singleElement().satisfies(b -> {
                assertThat(b.kind()).isEqualTo("premigration-v" + current);
                assertThat(BackupService.checkFile(b.file()).ok()).isTrue();
                assertThat(Fixtures.snapshot(b.file())).isEqualTo(before);
            });
        }
    }

    @Test
    void networkAndCloudFoldersGetAWarning() throws Exception {
        Path cloud = Files.createDirectories(dir.resolve("OneDrive - 单位/台账"));
        try (Database db = Database.open(cloud.resolve("t.db"))) {
            assertThat(db.warnings()).anySatisfy(w -> assertThat(w).contains("云同步文件夹").contains("OneDrive - 单位"));
        }
        assertThat(StorageCheck.warning(Path.of("\\\\server\\share\\t.db"))).hasValueSatisfying(w -> assertThat(w).contains("网络共享文件夹"));
        assertThat(StorageCheck.warning(dir.resolve("坚果云/t.db"))).isPresent();
        assertThat(StorageCheck.warning(dir.resolve("本地/t.db"))).isEmpty();
        try (Database db = Database.open(dir.resolve("本地.db"))) {
            assertThat(db.warnings()).isEmpty();
        }
    }

    // ------------------------------------------------------------------ helpers

    private DatabaseDamagedException catchDamaged(Path file) {
        try {
            Database.open(file).close();
        } catch (DatabaseDamagedException e) {
            return e;
        }
        throw new AssertionError("damage not detected in " + file);
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Starts a {@link FaultProcess} in {@code mode} on {@code file} and waits until it reports READY. */
    private Process startReady(String mode, Path file, String... more) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-D" + org.taizhang.app.Logs.DIR_PROPERTY + "=" + org.taizhang.app.Logs.directory(), "-cp", System.getProperty("java.class.path"),
                FaultProcess.class.getName(), mode, file.toString()));
        cmd.addAll(List.of(more));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        children.add(p);
        awaitReady(p);
        return p;
    }

    private static void kill(Process p) throws InterruptedException {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * Adding a top-level 团委 called {@code name}, for {@code assertThatThrownBy}; the type is looked up before,
     * so only the add itself is asserted on.
     */
    private static ThrowingCallable addLeagueOrg(Database db, String name) {
        OrgService orgs = new OrgService(db);
        OrgInput input = orgInput(name, orgs.typeByName("团委").id(), null);
        return () -> orgs.add(input);
    }

    private static void awaitReady(Process p) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = r.readLine()) != null; ) {
            if (line.equals("READY")) {
                return;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("child process ended before READY:\n" + seen);
    }

    @SuppressWarnings("unused")
    private static void copy(Path from, Path to) throws IOException {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
}
