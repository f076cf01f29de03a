package org.taizhang.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.taizhang.app.Workspace;
import org.taizhang.ui.roster.RosterTab;

/**
 * What the first screen needs from the database: the workspace opened for the window and the roster's data.
 *
 * <p>At program start ({@link #startAhead}) this is read on a thread of its own while JavaFX starts, so opening
 * the file, the first queries and the toolkit run at the same time. The window then takes the result
 * ({@link #take}) on its database thread instead of opening the file again. The workspace is handed from one
 * thread to the other through the future, so its connection is never used by two threads at once.
 */
record FirstScreen(Workspace workspace, boolean empty, RosterTab.Loaded roster) {
    private static final Object LOCK = new Object();
    private static Path aheadFile;
    private static FutureTask<FirstScreen> ahead;

    /** Opens {@code file} for the window and reads the roster (database thread). */
    static FirstScreen read(Path file) {
        StartupProbe.step("open");
        Workspace ws = Workspace.openForWindow(file);
        try {
            StartupProbe.step("opened");
            boolean empty = ws.isEmpty();
            RosterTab.Loaded roster = RosterTab.Loaded.read(ws.orgs());
            StartupProbe.step("roster-read");
            return new FirstScreen(ws, empty, roster);
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
    }

    /**
     * Starts reading {@code file} ahead, before the window exists. Only for a file that is already there:
     * a new database is created by the window itself (no file appears when the window cannot open).
     */
    static void startAhead(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) {
            return;
        }
        FutureTask<FirstScreen> task = new FutureTask<>(() -> read(abs));
        synchronized (LOCK) {
            aheadFile = abs;
            ahead = task;
        }
        Thread t = new Thread(task, "taizhang-open-ahead");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The first screen of {@code file}: the one read ahead when it was started for this file (waits for it),
     * else read now. Errors are those of opening ({@link Workspace#openForWindow}).
     */
    static FirstScreen take(Path file) throws Exception {
        FutureTask<FirstScreen> task;
        synchronized (LOCK) {
            task = file.equals(aheadFile) ? ahead : null;
            ahead = null;
            aheadFile = null;
        }
        if (task == null) {
            return read(file);
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
