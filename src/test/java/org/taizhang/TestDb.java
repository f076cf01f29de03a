package org.taizhang;

import java.nio.file.Path;
import org.taizhang.db.Database;

/** Test helper: a real SQLite file in a JUnit temp folder. */
public final class TestDb {
    private TestDb() {
    }

    public static Database open(Path dir) {
        return Database.open(dir.resolve("test.db"));
    }
}
