package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bytes flipped behind the program's back with size and time kept: found before the first write, nothing written in. */
class SilentDamageTest {
    @TempDir
    Path dir;

    private static String sha(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    @Test
    void aSilentlyCorruptedFileRefusesTheFirstWriteAndIsSetAsideAtTheNextOpen() throws Exception {
        Path db = dir.resolve("台账.db");
        assertThat(CliRun.onDb(db, "demo", "--orgs", "6", "--people", "200", "--activities", "50").code()).isZero();
        FileTime time = Files.getLastModifiedTime(db);
        byte[] bytes = Files.readAllBytes(db);
        int pageSize = ((bytes[16] & 0xff) << 8) | (bytes[17] & 0xff);
        try (RandomAccessFile raf = new RandomAccessFile(db.toFile(), "rw")) {
            for (int page = bytes.length / pageSize / 2; page < bytes.length / pageSize; page += 2) {
                for (int i = 0; i < 24; i++) {
                    long at = (long) page * pageSize + 8 + i;
                    raf.seek(at);
                    raf.write(~bytes[(int) at]);
                }
            }
        }
        Files.setLastModifiedTime(db, time); // size and time as before: the lock file's stamp does not notice
        String damaged = sha(db);

        CliRun add = CliRun.onDb(db, "org", "add", "新团委𠮷", "--type", "团委");
        assertThat(add.code()).as(add.out() + add.err()).isEqualTo(TaizhangCli.EXIT_DATABASE);
        assertThat(add.err()).contains("已损坏").contains("没有保存");
        assertThat(sha(db)).isEqualTo(damaged);

        CliRun next = CliRun.onDb(db, "org", "list");
        assertThat(next.code()).isEqualTo(TaizhangCli.EXIT_DATABASE);
        assertThat(next.err()).contains("已把它原样移到");
        try (var files = Files.list(dir)) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("台账.db.damaged-") && !p.toString().endsWith("-wal")
                    && !p.toString().endsWith("-shm")).findFirst().orElseThrow();
            assertThat(sha(aside)).isEqualTo(damaged);
        }
    }
}
