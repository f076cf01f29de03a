package org.taizhang.stats;

import java.util.List;

/** The records behind a figure: the first {@code rows} (at most the limit asked for) and how many there are in all. */
public record Behind(String title, long total, List<RecordRow> rows) {
    public boolean truncated() {
        return rows.size() < total;
    }
}
