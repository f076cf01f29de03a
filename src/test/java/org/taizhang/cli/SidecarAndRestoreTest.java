package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sidecar files checked before SQLite sees them, and restore from any state of the current file: the real
 * command line on real files.
 */
class SidecarAndRestoreTest {
    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void demo() {
        db = dir.resolve("x.db");
        assertThat(CliRun.onDb(db, "demo", "--orgs", "6", "--people", "20").code()).isZero();
    }

    /** The -wal of another program's WAL database, as a killed sqlite3 session leaves it (nothing checkpointed). */
    private byte[] foreignWal(int pageSize) throws Exception {
        Path other = dir.resolve("other/其他软件.db");
        Files.createDirectories(other.getParent());
        Path copy = dir.resolve("other/copy-wal");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement st = c.createStatement()) {
            st.execute("PRAGMA page_size = " + pageSize);
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA wal_autocheckpoint = 0");
            st.execute("CREATE TABLE t (x TEXT)");
            st.execute("INSERT INTO t VALUES ('别人的数据𠮷')");
            Files.copy(other.resolveSibling(other.getFileName() + "-wal"), copy);
        }
        return Files.readAllBytes(copy);
    }

    private List<Path> besideDb(String infix) throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().contains(infix)).toList();
        }
    }

    @Test
    void aForeignWalIsMovedAsideBeforeOpeningAndTheDatabaseKept() throws Exception {
        long size = Files.size(db);
        byte[] wal = foreignWal(4096);
        Files.write(dir.resolve("x.db-wal"), wal);
        Files.write(dir.resolve("x.db-shm"), new byte[32768]);
        CliRun list = CliRun.onDb(db, "org", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.err()).contains("不属于这个数据库").contains("x.db-wal.foreign-").contains("x.db-shm.foreign-");
        assertThat(list.out().lines().count()).isGreaterThanOrEqualTo(6);
        List<Path> aside = besideDb("-wal.foreign-");
        assertThat(aside).hasSize(1);
        assertThat(Files.readAllBytes(aside.get(0))).isEqualTo(wal);
        CliRun check = CliRun.onDb(db, "check");
        assertThat(check.code()).isZero();
        assertThat(check.out()).contains("人员 20 人");
        assertThat(Files.size(db)).isGreaterThanOrEqualTo(size);
    }

    @Test
    void aForeignWalWithAnotherPageSizeIsMovedAsideToo() throws Exception {
        Files.write(dir.resolve("x.db-wal"), foreignWal(1024));
        CliRun list = CliRun.onDb(db, "person", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.err()).contains("页大小");
        assertThat(CliRun.onDb(db, "check").out()).contains("人员 20 人");
    }

    @Test
    void restoreWorksWhenTheCurrentFileIsNotADatabaseOrForeign() throws Exception {
        CliRun backup = CliRun.onDb(db, "backup", "--to", dir.resolve("好的备份.db").toString());
        assertThat(backup.code()).isZero();
        for (String state : List.of("not-sqlite", "foreign")) {
            Files.delete(db);
            if (state.equals("not-sqlite")) {
                Files.writeString(db, "PK 这是一个被误写成表格的文件", StandardCharsets.UTF_8);
            } else {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE other (x)");
                }
            }
            byte[] before = Files.readAllBytes(db);
            assertThat(CliRun.onDb(db, "org", "list").code()).isEqualTo(TaizhangCli.EXIT_DATABASE);
            CliRun restore = CliRun.onDb(db, "restore", dir.resolve("好的备份.db").toString());
            assertThat(restore.code()).as(state + restore.out() + restore.err()).isZero();
            assertThat(restore.out()).contains("原来的文件没有被覆盖，已原样移到");
            List<Path> aside = besideDb(".replaced-");
            assertThat(aside).isNotEmpty();
            assertThat(aside.stream().anyMatch(p -> {
                try {
                    return java.util.Arrays.equals(Files.readAllBytes(p), before);
                } catch (java.io.IOException e) {
                    return false;
                }
            })).isTrue();
            assertThat(CliRun.onDb(db, "check").out()).contains("人员 20 人");
            for (Path p : aside) {
                Files.delete(p);
            }
        }
    }
}
