package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database on a real read-only file system (a tmpfs remounted read-only): readable, checked, never written. */
class ReadOnlyMediumTest {
    @TempDir
    Path dir;
    Path mount;

    private static boolean run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            run("umount", mount.toString());
        }
    }

    @Test
    void aDatabaseOnAReadOnlyMediumIsReadCheckedAndNeverWritten() throws Exception {
        Path m = Files.createDirectories(dir.resolve("光盘"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", m.toString()),
                "cannot mount a tmpfs here (needs root in a namespace that allows mounts)");
        mount = m;
        Path db = m.resolve("台账𠮷.db");
        assertThat(CliRun.onDb(db, "demo", "--orgs", "6", "--people", "20").code()).isZero();
        assertThat(run("mount", "-o", "remount,ro", m.toString())).isTrue();
        try (var files = Files.list(m)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith("-shm") || n.endsWith("-wal"));
        }

        CliRun list = CliRun.onDb(db, "org", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out().lines().count()).isGreaterThanOrEqualTo(6);

        CliRun check = CliRun.onDb(db, "check");
        assertThat(check.code()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("通过").contains("人员 20 人");

        CliRun add = CliRun.onDb(db, "org", "add", "新组织", "--type", "团委");
        assertThat(add.code()).isEqualTo(TaizhangCli.EXIT_DATABASE);
        assertThat(add.err()).contains("只读").doesNotContain("SQLITE").doesNotContain("Exception");
        try (var files = Files.list(m)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith("-shm") || n.endsWith("-wal"));
        }
    }
}
