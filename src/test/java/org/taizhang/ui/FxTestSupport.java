package org.taizhang.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Scene;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import org.taizhang.app.DemoDataFactory;
import org.taizhang.db.Database;
import org.taizhang.demo.DemoData;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers for TestFX tests of the main window under the headless platform. */
public final class FxTestSupport {
    private static Path demo;

    private FxTestSupport() {
    }

    /**
     * A copy of the default demo database (as of today, from 2021) at {@code target}. It is generated once per test
     * run and copied for each test that needs it: generating it takes seconds, copying a few milliseconds.
     */
    public static synchronized Path demoDatabase(Path target) throws IOException {
        if (demo == null) {
            Path folder = Files.createTempDirectory("taizhang-demo");
            Path file = folder.resolve("demo.db");
            try (Database db = Database.open(file)) {
                DemoDataFactory.create(db, LocalDate.now()).generate(DemoData.Size.DEFAULT, 2021, p -> { });
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Stream<Path> all = Files.walk(folder)) {
                    all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a temp folder left behind is harmless
                }
            }));
            demo = file;
        }
        return Files.copy(demo, target);
    }

    /** Lets queued database work and the FX events it posts run to completion. */
    public static void settle(MainWindow window) {
        for (int i = 0; i < 4; i++) {
            window.background().drain();
            WaitForAsyncUtils.waitForFxEvents();
        }
        if (window.context() != null && !window.allTabsBuilt()) {
            // the tabs after the first screen are built one per frame: wait for them and their first loads
            try {
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, window::allTabsBuilt);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("the window's tabs were not built within 20 s", e);
            }
            for (int i = 0; i < 3; i++) {
                window.background().drain();
                WaitForAsyncUtils.waitForFxEvents();
            }
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

    /**
     * The 已导出 box of {@link Dialogs#exported}: checks that it is on screen for {@code file} with 打开文件 and
     * 打开所在文件夹, then closes it (without opening anything).
     */
    public static void closeExported(FxRobot robot, Path file) throws Exception {
        DialogPane d = robot.listWindows().stream().map(Window::getScene).filter(s -> s != null && s.getRoot() instanceof DialogPane p
                && "exported".equals(p.getId()) && p.getScene().getWindow().isShowing()).map(s -> (DialogPane) s.getRoot()).findFirst()
                .orElseThrow(() -> new AssertionError("no 已导出 box with 打开文件 / 打开所在文件夹 shown"));
        org.assertj.core.api.Assertions.assertThat(d.getUserData()).as("the file the 已导出 box opens").isEqualTo(file.toAbsolutePath());
        org.assertj.core.api.Assertions.assertThat(d.getContentText()).contains(file.toAbsolutePath().toString());
        org.assertj.core.api.Assertions.assertThat(((Button) d.lookup("#exported-open")).getText()).isEqualTo("打开文件");
        org.assertj.core.api.Assertions.assertThat(((Button) d.lookup("#exported-folder")).getText()).isEqualTo("打开所在文件夹");
        onFx(() -> d.getScene().getWindow().hide());
    }

    /**
     * Lays out {@code scene} and writes its picture to target/screenshots/NAME.png (NAME may contain a folder,
     * e.g. "1280x720/summary"); the README pictures are copied from there. Returns the labels and buttons
     * cut to “…” and the controls outside the scene ({@link WindowLayoutTest#problems}).
     */
    public static List<String> screenshot(Scene scene, String name) throws Exception {
        List<String> problems = new java.util.ArrayList<>();
        javafx.scene.image.WritableImage img = WaitForAsyncUtils.asyncFx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            problems.addAll(WindowLayoutTest.problems(scene, name));
            problems.addAll(WindowLayoutTest.formatProblems(scene.getRoot(), name));
            return scene.snapshot(null);
        }).get(10, TimeUnit.SECONDS);
        Path png = Path.of("target/screenshots/" + name + ".png");
        Files.createDirectories(png.getParent());
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png", png.toFile());
        return problems;
    }

    /** Work that may throw an exception on the FX thread. */
    public interface FxWork {
        void run() throws Exception;
    }

    /**
     * Runs {@code work} with windows bigger than the headless platform's 1000×1000 screen: such a window cannot be
     * copied to its frame buffer (an error on the render thread, not a failure of the program); the scene is laid out
     * and snapshotted all the same. Errors of that kind are not counted while {@code work} runs.
     */
    public static void beyondTheHeadlessScreen(FxWork work) throws Exception {
        boolean print = WaitForAsyncUtils.printException;
        boolean check = WaitForAsyncUtils.autoCheckException;
        WaitForAsyncUtils.printException = false;
        WaitForAsyncUtils.autoCheckException = false;
        try {
            work.run();
        } finally {
            WaitForAsyncUtils.clearExceptions();
            WaitForAsyncUtils.printException = print;
            WaitForAsyncUtils.autoCheckException = check;
        }
    }

    /** The dialog currently shown (an Alert or a form dialog). */
    public static DialogPane dialog(FxRobot robot) {
        return robot.listWindows().stream().map(Window::getScene).filter(s -> s != null && s.getRoot() instanceof DialogPane)
                .map(s -> (DialogPane) s.getRoot()).findFirst().orElseThrow(() -> new AssertionError("no dialog shown"));
    }
}
