package org.taizhang.stats;

import java.util.List;

/** Honours by level × kind (集体/个人), every level present (zeros included), in the schema's level order. */
public record HonorTable(List<Cell> cells) {
    public static final List<String> LEVELS = List.of("国家级", "省级", "市级", "区/县级", "街道/乡镇级", "单位内部");
    public static final List<String> KINDS = List.of("集体", "个人");

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
