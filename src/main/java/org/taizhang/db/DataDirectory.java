package org.taizhang.db;

import java.nio.file.Path;
import java.util.Locale;

/** Where the default database lives: the per-user data directory of the operating system. */
public final class DataDirectory {
    public static final String DEFAULT_FILE_NAME = "taizhang.db";

    private DataDirectory() {
    }

    public static Path defaultDirectory() {
        String override = System.getProperty("taizhang.home");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "Taizhang");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Taizhang");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("taizhang");
    }

    public static Path defaultDatabase() {
        return defaultDirectory().resolve(DEFAULT_FILE_NAME);
    }
}
