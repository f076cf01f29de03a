package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backup / backup list / restore / check / check --log / --undo through the real command line on real files. */
class SafetyCommandsTest {
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void backupListRestoreAndCheck() throws Exception {
        String db = dir.resolve("台账.db").toString();
        assertThat(run("--db", db, "demo", "--orgs", "6", "--people", "30", "--activities", "10", "--honors", "2").code()).isZero();

        CliRun backup = run("--db", db, "backup");
        assertThat(backup.code()).isZero();
        assertThat(backup.out()).contains("已备份到：").contains("台账.db.backups").contains("人员 30 人").contains("已通过完整性检查");

        Path usb = Files.createDirectories(dir.resolve("U盘"));
        CliRun to = run("--db", db, "backup", "--to", usb.resolve("带走.db").toString());
        assertThat(to.code()).isZero();
        assertThat(usb.resolve("带走.db")).exists();

        CliRun list = run("--db", db, "backup", "list", "--json");
        assertThat(list.code()).isZero();
        JsonNode backups = Cli.mapper().readTree(list.out());
        // the start-of-day automatic backup plus the manual one
        assertThat(backups.size()).isEqualTo(2);
        assertThat(backups.get(0).get("people").asInt()).isEqualTo(30);
        assertThat(run("--db", db, "backup", "list").out()).contains("手动备份").contains("每日自动备份");

        // change something, then restore the USB copy
        assertThat(run("--db", db, "org", "edit", "#2", "--name", "新加的团委𠮷").code()).isZero();
        CliRun restore = run("--db", db, "restore", usb.resolve("带走.db").toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("已从").contains("恢复前的数据库已备份到").contains("组织 6 个");
        assertThat(run("--db", db, "org", "list").out()).doesNotContain("新加的团委𠮷");

        CliRun check = run("--db", db, "check", "--json");
        assertThat(check.code()).isZero();
        JsonNode c = Cli.mapper().readTree(check.out());
        assertThat(c.get("ok").asBoolean()).isTrue();
        assertThat(c.get("people").asInt()).isEqualTo(30);
        assertThat(run("--db", db, "check").out()).contains("完整性与外键检查：通过");
    }

    @Test
    void checkReportsAForeignFileWithoutTouchingItAndRestoreRefusesIt() throws Exception {
        Path notDb = Files.writeString(dir.resolve("x.db"), "我不是数据库");
        CliRun check = run("--db", notDb.toString(), "check");
        assertThat(check.code()).isEqualTo(TaizhangCli.EXIT_DATABASE);
        assertThat(check.out()).contains("未通过").contains("不是 SQLite 数据库文件");
        assertThat(Files.readString(notDb)).isEqualTo("我不是数据库");

        String db = dir.resolve("好.db").toString();
        assertThat(run("--db", db, "demo", "--orgs", "6", "--people", "10").code()).isZero();
        CliRun restore = run("--db", db, "restore", notDb.toString());
        assertThat(restore.code()).isEqualTo(TaizhangCli.EXIT_DATABASE);
        assertThat(restore.err()).contains("不能用来恢复").contains("当前数据库未改动");
    }

    @Test
    void writesAreRefusedWhileAnotherProcessHoldsTheDatabase() throws Exception {
        String db = dir.resolve("占用.db").toString();
        assertThat(run("--db", db, "demo", "--orgs", "6", "--people", "10").code()).isZero();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-D" + org.taizhang.app.Logs.DIR_PROPERTY + "=" + org.taizhang.app.Logs.directory(), "-cp", System.getProperty("java.class.path"),
                org.taizhang.db.FaultProcess.class.getName(), "hold-lock", db).redirectErrorStream(true).start();
        try {
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.equals("READY")) {
                // wait until the other process holds the lock and a write transaction
            }
            assertThat(line).isEqualTo("READY");
            CliRun edit = run("--db", db, "org", "edit", "#2", "--name", "第二个进程写的");
            assertThat(edit.code()).isEqualTo(TaizhangCli.EXIT_DATABASE);
            assertThat(edit.err()).contains("数据库当前是只读模式").contains("另一个台账窗口或命令正在使用").contains("数据未改动");
            assertThat(run("--db", db, "org", "list").out()).contains("共 6 个组织");
        } finally {
            child.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(run("--db", db, "org", "list").out()).doesNotContain("第二个进程写的");
    }

    @Test
    void damagedDatabaseIsExplainedAndRestoredFromTheCommandLine() throws Exception {
        Path file = dir.resolve("损坏.db");
        String db = file.toString();
        assertThat(run("--db", db, "demo", "--orgs", "6", "--people", "20").code()).isZero();
        CliRun backup = run("--db", db, "backup");
        assertThat(backup.code()).isZero();
        String backupFile = backup.out().lines().filter(l -> l.startsWith("已备份到：")).findFirst().orElseThrow().substring(5).strip();
        Thread.sleep(50);
        byte[] bytes = Files.readAllBytes(file);
        try (var raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            for (long at = 4096 * 2 + 8; at < bytes.length; at += 4096 * 2) {
                for (int i = 0; i < 16; i++) {
                    raf.seek(at + i);
                    raf.write(~bytes[(int) (at + i)]);
                }
            }
        }
        CliRun list = run("--db", db, "org", "list");
        assertThat(list.code()).isEqualTo(TaizhangCli.EXIT_DATABASE);
        assertThat(list.err()).contains("已损坏").contains("已把它原样移到").contains("restore").contains(backupFile);
        CliRun again = run("--db", db, "org", "list");
        assertThat(again.code()).isEqualTo(TaizhangCli.EXIT_DATABASE);
        assertThat(again.err()).contains("不会在原位置新建一个空数据库");
        CliRun restore = run("--db", db, "restore", backupFile);
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(run("--db", db, "org", "list").out()).contains("共 6 个组织");
        assertThat(run("--db", db, "check").code()).isZero();
    }

    @Test
    void historyAndUndo() throws Exception {
        String db = dir.resolve("h.db").toString();
        assertThat(run("--db", db, "demo", "--orgs", "6", "--people", "10").code()).isZero();
        assertThat(run("--db", db, "org", "edit", "#2", "--name", "２０２１团委").code()).isZero();
        assertThat(run("--db", db, "org", "edit", "#2", "--name", "改名团委🎉").code()).isZero();
        CliRun log = run("--db", db, "check", "--log", "org", "2");
        assertThat(log.out()).contains("修改 组织“改名团委🎉”").contains("名称：２０２１团委 → 改名团委🎉").doesNotContain("name：");
        JsonNode recent = Cli.mapper().readTree(run("--db", db, "check", "--recent", "1", "--json").out());
        int changeId = recent.get(0).get("id").asInt();
        CliRun undo = run("--db", db, "check", "--undo", String.valueOf(changeId));
        assertThat(undo.code()).as(undo.err()).isZero();
        assertThat(run("--db", db, "org", "list").out()).contains("２０２１团委").doesNotContain("改名团委");
        CliRun bad = run("--db", db, "check", "--log", "org", "abc");
        assertThat(bad.code()).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(bad.err()).contains("应是记录编号");
    }
}
