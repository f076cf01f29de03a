package org.taizhang.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.attachment.AttachmentService;
import org.taizhang.common.UserException;
import org.taizhang.db.BackupService;
import org.taizhang.db.Database;
import org.taizhang.exchange.PackageFormat;
import org.taizhang.io.SheetReader;

/**
 * The open database keeps its SQLite locks whatever file the clerk points at. POSIX locks belong to the process and
 * are released when the process closes ANY descriptor of the file, so reading the live database (or its -wal/-shm)
 * as a sheet, a data package, an attachment or a backup would silently drop SQLite's locks: another program could
 * then delete the -wal this window still writes to. Such reads are refused; the locks are checked in /proc/locks.
 */
class LiveDatabaseLocksTest {
    @TempDir
    Path dir;

    @Test
    void pointingAtTheOpenDatabaseOrItsLogsIsRefusedAndTheLocksStay() throws Exception {
        assumeThat(Files.isReadable(Path.of("/proc/locks"))).as("Linux /proc/locks").isTrue();
        Path file = dir.resolve("台账𠮷.db");
        try (Workspace ws = Workspace.open(file)) {
            ws.orgs().addType("测试类型１２３😀", 5);
            Path wal = dir.resolve(file.getFileName() + "-wal");
            Path shm = dir.resolve(file.getFileName() + "-shm");
            assertThat(wal).exists();
            assertThat(locksOn(file)).as("SQLite's lock on the open database").isNotEmpty();
            List<String> shmLocks = locksOn(shm);

            for (Path p : List.of(file, wal, shm, dir.resolve(".").resolve(file.getFileName()))) {
                assertThatThrownBy(() -> SheetReader.sheetNames(p)).isInstanceOf(UserException.class)
                        .hasMessageContaining("正在使用的台账数据库");
                assertThatThrownBy(() -> PackageFormat.read(p)).isInstanceOf(UserException.class)
                        .hasMessageContaining("正在使用的台账数据库");
                assertThatThrownBy(() -> ws.attachments().addFile(AttachmentService.ACTIVITY, 1, p)).isInstanceOf(UserException.class)
                        .hasMessageContaining("正在使用的台账数据库");
            }
            // the check of the open file and a second open in the same process read through SQLite only
            assertThat(BackupService.checkFile(file).ok()).isTrue();
            try (Database again = Database.open(file, true, null)) {
                assertThat(again.readOnly()).isTrue();
            }
            assertThat(locksOn(file)).as("SQLite's lock after all of that").isNotEmpty();
            assertThat(locksOn(shm)).isEqualTo(shmLocks);
            ws.orgs().addType("之后还能写", 5);
        }
    }

    /** This process's lock lines on {@code p} from /proc/locks. */
    private static List<String> locksOn(Path p) throws IOException {
        long inode = (Long) Files.getAttribute(p, "unix:ino");
        String pid = Long.toString(ProcessHandle.current().pid());
        return Files.readAllLines(Path.of("/proc/locks")).stream()
                .filter(l -> l.contains(" " + pid + " ") && l.matches(".*:" + inode + " .*"))
                .map(l -> l.replaceFirst("^\\d+:\\s*", "")) // the line number changes as other programs take and drop locks
                .toList();
    }
}
