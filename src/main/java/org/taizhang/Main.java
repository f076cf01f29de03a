package org.taizhang;

import org.taizhang.cli.TaizhangCli;

/**
 * Entry point of the jar and of {@code ./mvnw javafx:run}. With no arguments (or only {@code --db FILE})
 * it opens the window; otherwise it runs the command line. This class deliberately does not extend
 * {@code javafx.application.Application}, so the fat jar starts without the JavaFX launcher checks.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        System.exit(TaizhangCli.run(args));
    }
}
