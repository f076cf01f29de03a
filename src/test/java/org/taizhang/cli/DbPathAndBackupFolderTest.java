package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What --db may name, the backups folder setting and the backup promised before an import: real CLI, real files. */
class DbPathAndBackupFolderTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFolderOrFileIsNotCreatedByAReadingCommand() throws Exception {
        Path inMissing = dir.resolve("没有的文件夹/子/台账.db");
        CliRun r = CliRun.onDb(inMissing, "org", "list");
        assertThat(r.code()).isEqualTo(TaizhangCli.EXIT_DATABASE);
        assertThat(r.err()).contains("不存在").contains("没有新建任何文件夹");
        assertThat(dir.resolve("没有的文件夹")).doesNotExist();
        r = CliRun.onDb(inMissing, "demo", "--orgs", "3");
        assertThat(r.code()).isEqualTo(TaizhangCli.EXIT_DATABASE);
        assertThat(dir.resolve("没有的文件夹")).doesNotExist();

        Path missing = dir.resolve("写错的名字.db");
        r = CliRun.onDb(missing, "person", "list");
        assertThat(r.code()).isEqualTo(TaizhangCli.EXIT_DATABASE);
        assertThat(r.err()).contains("不存在").contains("没有新建数据库");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aPipeOrAFolderAsDatabaseIsRefusedWithoutHanging() throws Exception {
        Path fifo = dir.resolve("管道.db");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(10, TimeUnit.SECONDS)) {
            for (String cmd : new String[] {"org list", "check"}) {
                CliRun r = CliRun.onDb(fifo, cmd.split(" "));
                assertThat(r.code()).isEqualTo(TaizhangCli.EXIT_DATABASE);
                assertThat(r.out() + r.err()).contains("不是普通文件");
            }
        }
        CliRun r = CliRun.onDb(Files.createDirectory(dir.resolve("文件夹.db")), "org", "list");
        assertThat(r.code()).isEqualTo(TaizhangCli.EXIT_DATABASE);
        assertThat(r.err()).contains("文件夹");
    }

    @Test
    void anUnusableBackupFolderIsRefusedWhenSet() throws Exception {
        Path db = dir.resolve("台账.db");
        assertThat(CliRun.onDb(db, "demo", "--orgs", "6", "--people", "10").code()).isZero();
        Path aFile = Files.writeString(dir.resolve("不是文件夹.txt"), "x");
        for (String bad : new String[] {"/proc/sys", aFile.toString()}) {
            CliRun r = CliRun.onDb(db, "backup", "folder", bad);
            assertThat(r.code()).as(bad + r.out()).isEqualTo(TaizhangCli.EXIT_DATABASE);
            assertThat(r.err()).contains("不能用").contains("设置未改动").doesNotContain("Exception");
        }
        Path good = dir.resolve("备份𠮷");
        assertThat(CliRun.onDb(db, "backup", "folder", good.toString()).code()).isZero();
        assertThat(CliRun.onDb(db, "backup").code()).isZero();
        try (var files = Files.list(good)) {
            assertThat(files.filter(p -> p.toString().endsWith(".db"))).isNotEmpty();
        }
    }

    @Test
    void anImportIsPrecededByTheBackupTheReadmePromises() throws Exception {
        Path db = dir.resolve("台账.db");
        assertThat(CliRun.onDb(db, "demo", "--orgs", "6", "--people", "10").code()).isZero();
        String org = CliRun.onDb(db, "org", "list", "--json").out().replaceAll("(?s).*?\"name\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        Path orgs = Files.writeString(dir.resolve("组织.csv"), "组织名称,组织类型,上级组织\n新团委１２３,团委," + org + "\n",
                StandardCharsets.UTF_8);
        CliRun r = CliRun.onDb(db, "import", "orgs", orgs.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("导入前已备份到：");
        try (var files = Files.list(dir.resolve("台账.db.backups"))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith("-before-导入.db"));
        }
    }
}
