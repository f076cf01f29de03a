package org.taizhang.ui;

import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;

/**
 * For {@code bench startup}: with {@code -Dtaizhang.probe=true} a window prints {@value #LINE} on standard output
 * once its first useful screen has been drawn: the node with the given id (Taizhang: the roster tree; the bare
 * comparison window: its table) shows rows, and one more frame has been rendered after that. Without the property
 * nothing happens. With {@code -Dtaizhang.probe.exit=true} too (the AOT training run of {@code packaging/}), the
 * program ends a few seconds later.
 */
public final class StartupProbe {
    /** The line the benchmark waits for. */
    public static final String LINE = "TAIZHANG-PROBE usable";

    private StartupProbe() {
    }

    /** Watches {@code scene} frame by frame until the tree or table {@code #id} shows rows (FX thread). */
    static void whenFilled(Scene scene, String id) {
        if (!Boolean.getBoolean("taizhang.probe")) {
            return;
        }
        new AnimationTimer() {
            private int framesSinceFilled = -1;

            @Override
            public void handle(long now) {
                if (framesSinceFilled < 0) {
                    if (filled(scene.lookup("#" + id))) {
                        framesSinceFilled = 0;
                    }
                    return;
                }
                if (++framesSinceFilled < 2) {
                    return;
                }
                stop();
                report();
            }
        }.start();
    }

    /**
     * With {@code -Dtaizhang.probe=true}: prints {@code TAIZHANG-PROBE step NAME N ms} (time since the JVM started),
     * to see where a slow start spends its time. Any thread.
     */
    static void step(String name) {
        if (Boolean.getBoolean("taizhang.probe")) {
            System.out.println("TAIZHANG-PROBE step " + name + " " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
            System.out.flush();
        }
    }

    private static boolean filled(Node n) {
        if (n instanceof TreeView<?> tree) {
            return tree.getRoot() != null && !tree.getRoot().getChildren().isEmpty();
        }
        return n instanceof TableView<?> table && !table.getItems().isEmpty();
    }

    private static void report() {
        long uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.println(LINE + " " + uptime + " ms");
        System.out.flush();
        if (Boolean.getBoolean("taizhang.probe.exit")) {
            // the AOT training run: let the other tabs finish loading, then end (the cache is written at exit)
            javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(4));
            wait.setOnFinished(e -> System.exit(0));
            wait.play();
        }
    }
}
