package org.taizhang.ui;

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
