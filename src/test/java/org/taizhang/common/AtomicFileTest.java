package org.taizhang.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AtomicFile on real files: replace, refusals by real identity, Office owner files, stale temps. */
class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void writesThroughATempAndLeavesNoTempBehind() throws Exception {
        Path target = dir.resolve("结果𠮷１２３😀.txt");
        Files.writeString(target, "旧内容");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFile.write(target, out -> out.write("新内容𠮷".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(target)).isEqualTo("新内容𠮷");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("结果𠮷１２３😀.txt");
        }
        // a new file gets the ordinary permissions, not the 0600 of a temp file
        Path fresh = AtomicFile.write(dir.resolve("新.txt"), out -> out.write(1));
        assertThatThrownBy(() -> AtomicFile.write(dir.resolve("没有/新.txt"), out -> out.write(1))).isInstanceOf(FileException.class)
                .hasMessageContaining("不存在");
        assertThat(Files.getPosixFilePermissions(fresh)).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
    }

    @Test
    void aFailingBodyLeavesTheOldFileAndNoTemp() throws Exception {
        Path target = Files.writeString(dir.resolve("a.xlsx"), "旧");
        assertThatThrownBy(() -> AtomicFile.write(target, out -> {
            out.write(1);
            throw new java.io.IOException("No space left on device");
        })).isInstanceOf(FileException.class).hasMessageContaining("磁盘空间不足").hasMessageContaining("原有文件（如有）没有改动");
        assertThat(Files.readString(target)).isEqualTo("旧");
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void protectedFilesAndInputsAreRefusedByRealIdentity() throws Exception {
        Path db = Files.writeString(dir.resolve("x.db"), "数据库");
        Path link = Files.createSymbolicLink(dir.resolve("link.xlsx"), db);
        Path hard = Files.createLink(dir.resolve("hard.xlsx"), db);
        try (AtomicFile.Protection p = AtomicFile.protect("正在使用的台账数据库文件", db, dir.resolve("x.db-wal"))) {
            for (Path t : new Path[] {db, link, hard, dir.resolve("./x.db"), dir.resolve("x.db-wal")}) {
                assertThatThrownBy(() -> AtomicFile.write(t, out -> out.write(1))).isInstanceOf(FileException.class)
                        .hasMessageContaining("正在使用的台账数据库文件").hasMessageContaining("没有写入任何内容");
            }
        }
        assertThat(Files.readString(db)).isEqualTo("数据库");
        // once the protection is lifted, the link may be written again
        Path input = Files.writeString(dir.resolve("名单.csv"), "姓名\n张三\n");
        assertThatThrownBy(() -> AtomicFile.write(dir.resolve("../" + dir.getFileName() + "/名单.csv"), out -> out.write(1), input))
                .isInstanceOf(FileException.class).hasMessageContaining("正在读取的文件");
        assertThat(Files.readString(input)).isEqualTo("姓名\n张三\n");
    }

    @Test
    void documentsNeverOverwriteADatabaseAFolderOrAPipe() throws Exception {
        Path sqlite = dir.resolve("备份.db");
        Files.write(sqlite, "SQLite format 3\0rest".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> AtomicFile.write(sqlite, out -> out.write(1))).isInstanceOf(FileException.class)
                .hasMessageContaining("数据库文件");
        assertThatThrownBy(() -> AtomicFile.write(dir, out -> out.write(1))).isInstanceOf(FileException.class)
                .hasMessageContaining("文件夹");
        Path fifo = dir.resolve("管道");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            assertThatThrownBy(() -> AtomicFile.write(fifo, out -> out.write(1))).isInstanceOf(FileException.class)
                    .hasMessageContaining("不是普通文件");
        }
    }

    @Test
    void aFileOpenInOfficeOrReadOnlyIsRefused() throws Exception {
        Path target = Files.writeString(dir.resolve("统计.xlsx"), "旧");
        Files.writeString(dir.resolve("~$统计.xlsx"), "owner");
        assertThatThrownBy(() -> AtomicFile.write(target, out -> out.write(1))).isInstanceOf(FileException.class)
                .hasMessageContaining("正在被 Excel、Word 或 WPS 打开");
        Files.delete(dir.resolve("~$统计.xlsx"));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--r--r--"));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(target), "running as root: read-only files are writable");
        assertThatThrownBy(() -> AtomicFile.write(target, out -> out.write(1))).isInstanceOf(FileException.class)
                .hasMessageContaining("只读");
        assertThat(Files.readString(target)).isEqualTo("旧");
    }

    @Test
    void tempsOfDeadProcessesAreCleanedAndLiveOnesKept() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Path dead = Files.writeString(dir.resolve(AtomicFile.TEMP_PREFIX + p.pid() + "-abc.tmp"), "半个文件");
        Path mine = Files.writeString(dir.resolve(AtomicFile.TEMP_PREFIX + ProcessHandle.current().pid() + "-abc.tmp"), "正在写");
        Path other = Files.writeString(dir.resolve(".用户自己的.tmp"), "别动");
        assertThat(AtomicFile.cleanStaleTemps(dir)).isEqualTo(1);
        assertThat(dead).doesNotExist();
        assertThat(mine).exists();
        assertThat(other).exists();
    }

    @Test
    void osErrorsAreNamedInChinese() {
        assertThat(OsErrors.describe(new java.nio.file.FileSystemException("/media/cd/x", null, "Read-only file system")))
                .contains("只读").doesNotContain("Read-only");
        assertThat(OsErrors.describe(new java.nio.file.AccessDeniedException("/x"))).contains("没有权限");
        assertThat(OsErrors.describe(new java.nio.file.FileSystemException("C:\\a.xlsx", null,
                "The process cannot access the file because it is being used by another process"))).contains("其他程序占用");
        assertThat(OsErrors.describe(new java.io.IOException("No space left on device"))).contains("磁盘空间不足");
    }
}
