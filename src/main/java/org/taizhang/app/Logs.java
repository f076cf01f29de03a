package org.taizhang.app;

import java.nio.file.Path;
import org.taizhang.db.DataDirectory;

/**
 * Where the program's log lives: {@code logs/taizhang.log} in the per-user data directory (older parts
 * beside it as {@code taizhang.1.log} …). The system property {@code taizhang.log.dir} moves it (tests point
 * it into {@code target/}, so they never write into the real user's data directory).
 */
public final class Logs {
    public static final String DIR_PROPERTY = "taizhang.log.dir";
    public static final String FILE_NAME = "taizhang.log";

    private Logs() {
    }

    public static Path directory() {
        String override = System.getProperty(DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        return DataDirectory.defaultDirectory().resolve("logs").toAbsolutePath();
    }

    /** The current log file, the one to send to the maintainer. */
    public static Path file() {
        return directory().resolve(FILE_NAME);
    }
}
