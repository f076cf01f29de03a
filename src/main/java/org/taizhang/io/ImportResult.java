package org.taizhang.io;

import java.util.List;

/** What an import wrote: rows written, rejected rows left out (with --skip-bad), and a line per table. */
public record ImportResult(int written, int skipped, List<String> lines) {
    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
