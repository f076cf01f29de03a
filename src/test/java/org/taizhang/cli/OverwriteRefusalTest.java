package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No output of a command may be the program's own files or an input of the same command: the real CLI
 * against a real database, each refusal exit 2 with nothing touched.
 */
class OverwriteRefusalTest {
    @TempDir
    Path dir;
    Path db;
    Path people;

    @BeforeEach
    void demo() throws Exception {
        db = dir.resolve("x.db");
        assertThat(CliRun.onDb(db, "demo", "--orgs", "6", "--people", "20").code()).isZero();
        people = dir.resolve("名单𠮷.csv");
        Files.writeString(people, "姓名,身份证号,所属组织\n张三,12345,不存在的组织\n", StandardCharsets.UTF_8);
    }

    private void assertDatabaseIntact() {
        CliRun check = CliRun.onDb(db, "check");
        assertThat(check.code()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("人员 20 人");
    }

    @Test
    void rejectsOntoTheLiveDatabaseOrItsSidecarsIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("看起来无害.xlsx"), db);
        for (Path target : new Path[] {db, link, dir.resolve("x.db.lock"), dir.resolve("x.db-wal"), dir.resolve("sub/../x.db")}) {
            CliRun r = CliRun.onDb(db, "import", "people", people.toString(), "--rejects", target.toString());
            assertThat(r.code()).as(target + ": " + r.out() + r.err()).isEqualTo(TaizhangCli.EXIT_INVALID);
            assertThat(r.err()).contains("正在使用的台账数据库文件").contains("没有写入任何内容").doesNotContain("Exception");
            assertDatabaseIntact();
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void rejectsOntoTheImportedFileIsRefusedAndTheSourceKept() throws Exception {
        byte[] before = Files.readAllBytes(people);
        CliRun r = CliRun.onDb(db, "import", "people", people.toString(), "--rejects", dir.resolve("./名单𠮷.csv").toString());
        assertThat(r.code()).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(r.err()).contains("正在读取的文件");
        assertThat(Arrays.equals(Files.readAllBytes(people), before)).isTrue();
    }

    @Test
    void backupOntoTheLockFileOrTheDatabaseIsRefused() throws Exception {
        byte[] lock = Files.readAllBytes(dir.resolve("x.db.lock"));
        for (String target : new String[] {"x.db.lock", "x.db", "x.db-shm"}) {
            CliRun r = CliRun.onDb(db, "backup", "--to", dir.resolve(target).toString());
            assertThat(r.code()).as(target + r.err()).isEqualTo(TaizhangCli.EXIT_INVALID);
            assertThat(r.err()).contains("正在使用的台账数据库文件");
        }
        assertThat(Files.readAllBytes(dir.resolve("x.db.lock"))).isEqualTo(lock);
        assertDatabaseIntact();
    }

    @Test
    void exportOverADatabaseFileIsRefused() throws Exception {
        // a backup given an .xlsx name by mistake: exporting over it would destroy the backup
        Path copy = dir.resolve("带走.xlsx");
        CliRun backup = CliRun.onDb(db, "backup", "--to", copy.toString());
        assertThat(backup.code()).as(backup.err()).isZero();
        byte[] before = Files.readAllBytes(copy);
        CliRun r = CliRun.onDb(db, "export", "people", "--out", copy.toString());
        assertThat(r.code()).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(r.err()).contains("是一个数据库文件");
        assertThat(Files.readAllBytes(copy)).isEqualTo(before);
    }
}
