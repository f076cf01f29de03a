package org.taizhang.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumnBase;
import javafx.stage.Stage;

/**
 * What the window remembers for the person using this computer (java.util.prefs, per OS user):
 * window size and place, divider positions, column widths, the last tab, filters, the last export
 * folder and when the 待办提醒 were last shown. Every stored preference goes through here.
 *
 * <p>Tests ({@code -Dtaizhang.test=true}) use a node of their own that is removed when the JVM ends.
 */
public final class UiPrefs {
    private static volatile Preferences node = defaultNode();

    private UiPrefs() {
    }

    private static Preferences defaultNode() {
        if (Boolean.getBoolean("taizhang.test")) {
            Preferences test = Preferences.userRoot().node("org/taizhang/test/" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    test.removeNode();
                } catch (BackingStoreException | IllegalStateException e) {
                    // already gone
                }
            }));
            return test;
        }
        return Preferences.userRoot().node("org/taizhang/ui");
    }

    /** In the tests ({@code -Dtaizhang.test=true}) every new window starts from a clean slate; otherwise nothing. */
    static void newWindow() {
        if (Boolean.getBoolean("taizhang.test")) {
            clear();
        }
    }

    /** Forgets everything (tests start from a clean slate). */
    public static void clear() {
        try {
            node.clear();
        } catch (BackingStoreException e) {
            // nothing stored
        }
    }

    public static String get(String key, String fallback) {
        return node.get(key, fallback);
    }

    public static void put(String key, String value) {
        if (value == null) {
            node.remove(key);
        } else {
            node.put(key, value);
        }
    }

    public static double getDouble(String key, double fallback) {
        return node.getDouble(key, fallback);
    }

    // ------------------------------------------------------------------ window

    /** Restores the window's size and place (when it still fits a screen) and remembers them on every change. */
    public static void rememberWindow(Stage stage, double defaultWidth, double defaultHeight) {
        double w = node.getDouble("window.width", defaultWidth);
        double h = node.getDouble("window.height", defaultHeight);
        double x = node.getDouble("window.x", Double.NaN);
        double y = node.getDouble("window.y", Double.NaN);
        stage.setWidth(w);
        stage.setHeight(h);
        if (!Double.isNaN(x) && !Double.isNaN(y) && !javafx.stage.Screen.getScreensForRectangle(x, y, Math.min(w, 200), Math.min(h, 100)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(node.getBoolean("window.maximized", false));
        stage.widthProperty().addListener((o, a, b) -> storeUnlessMaximized(stage, "window.width", b.doubleValue()));
        stage.heightProperty().addListener((o, a, b) -> storeUnlessMaximized(stage, "window.height", b.doubleValue()));
        stage.xProperty().addListener((o, a, b) -> storeUnlessMaximized(stage, "window.x", b.doubleValue()));
        stage.yProperty().addListener((o, a, b) -> storeUnlessMaximized(stage, "window.y", b.doubleValue()));
        stage.maximizedProperty().addListener((o, a, b) -> node.putBoolean("window.maximized", b));
    }

    private static void storeUnlessMaximized(Stage stage, String key, double value) {
        if (!stage.isMaximized() && !stage.isIconified() && !Double.isNaN(value)) {
            node.putDouble(key, value);
        }
    }

    /** Restores the dividers of {@code split} and remembers them under {@code key}. */
    public static void rememberDividers(SplitPane split, String key) {
        String stored = node.get("dividers." + key, null);
        if (stored != null) {
            String[] parts = stored.split(",");
            double[] positions = new double[parts.length];
            try {
                for (int i = 0; i < parts.length; i++) {
                    positions[i] = Double.parseDouble(parts[i]);
                }
                if (positions.length == split.getDividers().size()) {
                    split.setDividerPositions(positions);
                }
            } catch (NumberFormatException e) {
                node.remove("dividers." + key);
            }
        }
        for (SplitPane.Divider d : split.getDividers()) {
            d.positionProperty().addListener((o, a, b) -> {
                List<String> all = new ArrayList<>();
                for (SplitPane.Divider x : split.getDividers()) {
                    all.add(String.valueOf(x.getPosition()));
                }
                node.put("dividers." + key, String.join(",", all));
            });
        }
    }

    /** Restores the widths of {@code columns} (by their text) and remembers them under {@code key}. */
    public static void rememberColumns(List<? extends TableColumnBase<?, ?>> columns, String key) {
        for (TableColumnBase<?, ?> c : columns) {
            String k = "columns." + key + "." + c.getText();
            double w = node.getDouble(k, -1);
            if (w > 10) {
                c.setPrefWidth(w);
            }
            c.widthProperty().addListener((o, a, b) -> node.putDouble(k, b.doubleValue()));
        }
    }

    // ------------------------------------------------------------------ folders and reminders

    /** The folder of the last export (null when none yet or it is gone). */
    public static java.io.File exportFolder() {
        String f = node.get("export.folder", null);
        return f != null && Files.isDirectory(Path.of(f)) ? Path.of(f).toFile() : null;
    }

    public static void exportedTo(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            node.put("export.folder", parent.toString());
        }
    }

    /**
     * Whether the 待办提醒 should open at start-up today: not when the clerk chose 今天不再提醒 today,
     * nor when exactly these reminders ({@code fingerprint}) were already shown today.
     */
    public static boolean remindersDue(String fingerprint, LocalDate today) {
        if (today.toString().equals(node.get("reminders.snoozed", ""))) {
            return false;
        }
        return !(today + "|" + fingerprint).equals(node.get("reminders.shown", ""));
    }

    public static void remindersShown(String fingerprint, LocalDate today) {
        node.put("reminders.shown", today + "|" + fingerprint);
    }

    /** 今天不再提醒. */
    public static void snoozeReminders(LocalDate today) {
        node.put("reminders.snoozed", today.toString());
    }
}
