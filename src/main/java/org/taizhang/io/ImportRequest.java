package org.taizhang.io;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.taizhang.common.UserException;

/**
 * What to import: kind, file, sheet (null = first), column overrides (列名 or column letter → 字段), whether
 * missing organisation types, activity categories and parent organisations may be created, and whether rows
 * already on file with different values update them.
 */
public record ImportRequest(ImportKind kind, Path file, String sheet, Map<String, String> mapping, boolean createMissing,
                            boolean update) {
    public ImportRequest {
        mapping = mapping == null ? Map.of() : new LinkedHashMap<>(mapping);
    }

    public ImportRequest(ImportKind kind, Path file, String sheet, Map<String, String> mapping, boolean createMissing) {
        this(kind, file, sheet, mapping, createMissing, false);
    }

    public static ImportRequest of(ImportKind kind, Path file) {
        return new ImportRequest(kind, file, null, Map.of(), false, false);
    }

    public ImportRequest withMapping(Map<String, String> m) {
        return new ImportRequest(kind, file, sheet, m, createMissing, update);
    }

    public ImportRequest withSheet(String s) {
        return new ImportRequest(kind, file, s, mapping, createMissing, update);
    }

    public ImportRequest withCreateMissing(boolean b) {
        return new ImportRequest(kind, file, sheet, mapping, b, update);
    }

    public ImportRequest withUpdate(boolean b) {
        return new ImportRequest(kind, file, sheet, mapping, createMissing, b);
    }

    /** Parses {@code 列名=字段} options. */
    public static Map<String, String> parseMapping(Iterable<String> specs) {
        Map<String, String> out = new LinkedHashMap<>();
        if (specs == null) {
            return out;
        }
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq < 0) {
                eq = spec.indexOf('＝');
            }
            if (eq <= 0) {
                throw new UserException("列映射“" + spec + "”应写成 列名=字段，如 --map 单位=所属组织 或 --map C=身份证号");
            }
            out.put(spec.substring(0, eq).strip(), spec.substring(eq + 1).strip());
        }
        return out;
    }
}
