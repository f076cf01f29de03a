package org.taizhang.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.demo.DemoData;

/** Start-up written once: the command line's open, the window's open, and a clean close on SIGTERM. */
class WorkspaceTest {
    @TempDir
    Path dir;

    private Path withData() {
        Path file = dir.resolve("台账.db");
        try (Workspace ws = Workspace.open(file)) {
            ws.demo(LocalDate.of(2024, 6, 1)).generate(new DemoData.Size(6, 30, 20, 3), 3, p -> { });
        }
        return file;
    }

    @Test
    void theCommandLineOpenMakesTheDailyBackupAndSharesServices() {
        Path file = withData();
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.backups().list()).isNotEmpty();
            assertThat(ws.activities()).isSameAs(ws.activities());
            assertThat(ws.orgs().listAll()).isNotEmpty();
            assertThat(ws.isEmpty()).isFalse();
        }
    }

    @Test
    void theWindowOpenLeavesTheBackupToTheChoresAndReportsThem() {
        Path file = withData();
        try (Workspace ws = Workspace.openForWindow(file)) {
            List<String> status = new ArrayList<>();
            // the backup of the first open today exists already: the chores find nothing more to do
            ws.startChores(status::add);
            assertThat(status).contains("正在做今天的自动备份…").last().isEqualTo("");
        }
    }

    @Test
    void sigtermClosesCleanlySoTheNextStartHasNothingToCheck() throws Exception {
        Path file = withData();
        Process p = start(file);
        p.destroy(); // SIGTERM, as at logout or shutdown
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(file.resolveSibling("台账.db.lock"))).startsWith("clean ");
        try (Workspace ws = Workspace.openForWindow(file)) {
            assertThat(ws.db().checkPending()).isFalse();
        }
        // a kill that allows no clean-up (SIGKILL) still leads to the check
        Process killed = start(file);
        killed.destroyForcibly();
        assertThat(killed.waitFor(20, TimeUnit.SECONDS)).isTrue();
        try (Workspace ws = Workspace.openForWindow(file)) {
            assertThat(ws.db().checkPending()).isTrue();
            ws.startChores(s -> { });
            assertThat(ws.db().checkPending()).isFalse();
        }
    }

    private static Process start(Path file) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-D" + org.taizhang.app.Logs.DIR_PROPERTY + "=" + org.taizhang.app.Logs.directory(), "-cp", System.getProperty("java.class.path"),
                WorkspaceChild.class.getName(), file.toString()).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = r.readLine()) != null; ) {
            if (line.equals("READY")) {
                return p;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("child ended before READY:\n" + seen);
    }

    /** The child process: opens as the window does, says READY and waits to be stopped. */
    public static final class WorkspaceChild {
        public static void main(String[] args) throws Exception {
            Workspace ws = Workspace.openForWindow(Path.of(args[0]));
            ws.startChores(s -> { });
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(600_000);
        }
    }
}
