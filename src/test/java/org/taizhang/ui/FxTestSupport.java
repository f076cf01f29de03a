package org.taizhang.ui;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers for TestFX tests of the main window under the headless platform. */
public final class FxTestSupport {
    private FxTestSupport() {
    }

    /** Lets queued database work and the FX events it posts run to completion. */
    public static void settle(MainWindow window) {
        for (int i = 0; i < 4; i++) {
            window.background().drain();
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** Runs {@code r} on the FX thread and waits (at most 10 s) until it has finished. */
    public static void onFx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
    }

    /** Opens the database file in the window (on the FX thread) and lets the loading settle. */
    public static void open(MainWindow window, Path file) throws Exception {
        onFx(() -> window.open(file));
        settle(window);
    }

    /**
     * Presses a button the way a click would, without moving the mouse: under the headless platform
     * dialogs have no window manager, so screen-coordinate clicks may land on the window below.
     */
    public static void fire(FxRobot robot, MainWindow window, String query) {
        Button b = robot.lookup(query).queryButton();
        Platform.runLater(b::fire);
        settle(window);
    }

    /** The dialog currently shown (an Alert or a form dialog). */
    public static DialogPane dialog(FxRobot robot) {
        return robot.listWindows().stream().map(Window::getScene).filter(s -> s != null && s.getRoot() instanceof DialogPane)
                .map(s -> (DialogPane) s.getRoot()).findFirst().orElseThrow(() -> new AssertionError("no dialog shown"));
    }
}
