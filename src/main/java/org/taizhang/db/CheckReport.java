package org.taizhang.db;

import java.nio.file.Path;
import java.util.List;

/** Result of checking a database file: integrity, foreign keys, ownership and version, and counts. */
public record CheckReport(Path file, long sizeBytes, int version, boolean ok, List<String> problems, RecordCounts counts) {
    static CheckReport failed(Path file, String problem) {
        return new CheckReport(file, 0, 0, false, List.of(problem), RecordCounts.UNKNOWN);
    }

    /** "完好" or the problems joined. */
    public String summary() {
        return ok ? "完好" : String.join("；", problems);
    }
}
