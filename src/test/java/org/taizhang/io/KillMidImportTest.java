package org.taizhang.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.Fixtures.orgInput;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.db.Database;
import org.taizhang.org.OrgService;

/**
 * A separate JVM imports a large sheet and is killed (SIGKILL) part-way: the database afterwards
 * holds either none or all of the rows, never a part, and passes SQLite's integrity check.
 */
class KillMidImportTest {
    @TempDir
    Path dir;

    @Test
    void killedImportLeavesNothingHalfWritten() throws Exception {
        int rows = 20_000;
        Path file = dir.resolve("big.xlsx");
        try (XlsxWriter w = new XlsxWriter()) {
            w.sheet("人员", List.of(XlsxWriter.Column.text("姓名"), XlsxWriter.Column.text("所属组织")));
            for (int i = 0; i < rows; i++) {
                w.row("人员" + i, "园岭社区团委");
            }
            w.save(file);
        }
        for (long delayMs : new long[] {1500, 4000}) {
            Path dbFile = dir.resolve("kill-" + delayMs + ".db");
            try (Database db = Database.open(dbFile)) {
                new OrgService(db).add(orgInput("园岭社区团委", 3, null));
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-D" + org.taizhang.app.Logs.DIR_PROPERTY + "=" + org.taizhang.app.Logs.directory(), "-cp", System.getProperty("java.class.path"), "org.taizhang.Main",
                    "--db", dbFile.toString(), "import", "people", file.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("out-" + delayMs + ".txt").toFile()).start();
            boolean finished = p.waitFor(delayMs, TimeUnit.MILLISECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            try (Database db = Database.open(dbFile)) {
                int people = db.read(ctx -> ctx.fetchOne("SELECT count(*) FROM person").get(0, Integer.class));
                int members = db.read(ctx -> ctx.fetchOne("SELECT count(*) FROM membership").get(0, Integer.class));
                int logged = db.read(ctx -> ctx.fetchOne("SELECT count(*) FROM change_log WHERE table_name = 'person'").get(0, Integer.class));
                String integrity = db.read(ctx -> ctx.fetchOne("PRAGMA integrity_check").get(0, String.class));
                assertThat(integrity).isEqualTo("ok");
                assertThat(people).as("killed after %d ms (finished=%s)", delayMs, finished).isIn(0, rows);
                assertThat(members).isEqualTo(people);
                assertThat(logged).isEqualTo(people);
            }
        }
    }
}
