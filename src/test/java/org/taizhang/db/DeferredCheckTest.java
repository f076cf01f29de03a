package org.taizhang.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's open after an unclean exit: data shows at once, the integrity check runs later on its own
 * connection, writes wait for it; damage it finds sets the file aside as an open-time check would.
 */
class DeferredCheckTest {
    @TempDir
    Path dir;

    /** A database with data whose lock file says the last session never closed (as after a crash). */
    private Path crashed(String name) throws Exception {
        Path file = Fixtures.withData(dir.resolve(name));
        Files.writeString(DbLock.lockFile(file.toAbsolutePath()), "open", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aCleanCloseLeavesNothingToCheck() throws Exception {
        Path file = Fixtures.withData(dir.resolve("干净.db"));
        try (Database db = Database.open(file, Database.Options.DEFAULT.withDeferredCheck())) {
            assertThat(db.checkPending()).isFalse();
        }
    }

    @Test
    void readsGoOnWritesWaitForTheCheckThenProceed() throws Exception {
        Path file = crashed("崩溃后.db");
        try (Database db = Database.open(file, Database.Options.DEFAULT.withDeferredCheck())) {
            assertThat(db.checkPending()).isTrue();
            assertThat(Fixtures.count(db, "person")).isEqualTo(40);
            CompletableFuture<Integer> write = CompletableFuture.supplyAsync(() -> db.tx(ctx ->
                    ctx.execute("INSERT INTO app_setting (key, value) VALUES ('等检查', '𠮷')")));
            assertThatThrownBy(() -> write.get(150, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            List<String> steps = new CopyOnWriteArrayList<>();
            db.runDeferredCheck(() -> steps.add("quick passed"));
            assertThat(steps).containsExactly("quick passed");
            assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(db.checkPending()).isFalse();
        }
        // closed cleanly this time: nothing left to check
        try (Database db = Database.open(file, Database.Options.DEFAULT.withDeferredCheck())) {
            assertThat(db.checkPending()).isFalse();
            assertThat(Fixtures.count(db, "app_setting")).isGreaterThan(0);
        }
    }

    @Test
    void damageFoundLaterSetsTheFileAsideAndFailsTheWaitingWrite() throws Exception {
        Path file = crashed("坏了.db");
        try (Database db = Database.open(file)) {
            new BackupService(db).backupNow(BackupService.KIND_DAILY);
        }
        Files.writeString(DbLock.lockFile(file.toAbsolutePath()), "open", StandardCharsets.UTF_8);
        byte[] bytes = Files.readAllBytes(file);
        int pageSize = ((bytes[16] & 0xff) << 8) | (bytes[17] & 0xff);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            // data pages in the second half of the file: the schema (first pages) stays readable, so the open succeeds
            for (int page = bytes.length / pageSize / 2; page < bytes.length / pageSize; page += 2) {
                for (int i = 0; i < 24; i++) {
                    long at = (long) page * pageSize + 8 + i;
                    raf.seek(at);
                    raf.write(~bytes[(int) at]);
                }
            }
        }
        String damagedSha = Fixtures.sha256(file);
        Database db = Database.open(file, Database.Options.DEFAULT.withDeferredCheck());
        CompletableFuture<Integer> write = CompletableFuture.supplyAsync(() -> db.tx(ctx ->
                ctx.execute("INSERT INTO app_setting (key, value) VALUES ('不该写入', 'x')")));
        assertThatThrownBy(() -> db.runDeferredCheck(null)).isInstanceOf(DatabaseDamagedException.class)
                .hasMessageContaining("已损坏").hasMessageContaining("最近一份完好的备份");
        assertThatThrownBy(() -> write.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(DatabaseException.class)
                .hasMessageContaining("本次修改没有保存");
        assertThat(file).doesNotExist();
        try (var files = Files.list(dir)) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("坏了.db.damaged-")
                    && !p.toString().endsWith("-wal") && !p.toString().endsWith("-shm")).findFirst().orElseThrow();
            assertThat(Fixtures.sha256(aside)).isEqualTo(damagedSha);
        }
    }
}
