package org.taizhang.stats;

import java.util.List;
import org.taizhang.honor.HonorKind;
import org.taizhang.honor.HonorLevel;

/** Honours by level × kind (集体/个人), every level present (zeros included), in the schema's level order. */
public record HonorTable(List<Cell> cells) {
    public static final List<String> LEVELS = HonorLevel.labels();
    public static final List<String> KINDS = HonorKind.labels();

    public record Cell(String level, String kind, long count) {
    }

    public long count(String level, String kind) {
        return cells.stream().filter(c -> (level == null || c.level.equals(level)) && (kind == null || c.kind.equals(kind)))
                .mapToLong(Cell::count).sum();
    }

    public long total() {
        return count(null, null);
    }
}
