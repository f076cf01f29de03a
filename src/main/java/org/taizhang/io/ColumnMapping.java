package org.taizhang.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.taizhang.common.Texts;
import org.taizhang.common.UserException;

/**
 * Which sheet column holds which field: the header row is found below any title and blank rows
 * (the row among the first {@value #SCAN_ROWS} that names the most known columns), headers are
 * matched to fields through their synonyms in any order, and the user's overrides ({@code 列名=字段},
 * or a column letter such as {@code C=身份证号}; {@code 列名=忽略} drops a column) win.
 */
public final class ColumnMapping {
    public static final int SCAN_ROWS = 30;
    public static final String IGNORE = "忽略";

    private final ImportKind kind;
    private final int headerRow;
    private final List<String> headers;
    private final Map<ImportField, Integer> columns;
    private final List<String> warnings;
    private final List<String> missing;

    private ColumnMapping(ImportKind kind, int headerRow, List<String> headers, Map<ImportField, Integer> columns,
                          List<String> warnings, List<String> missing) {
        this.kind = kind;
        this.headerRow = headerRow;
        this.headers = headers;
        this.columns = columns;
        this.warnings = warnings;
        this.missing = missing;
    }

    /** Header text as compared: half-width, no spaces or stars, without (必填)-style marks, lower case. */
    public static String normalise(String header) {
        String s = Texts.compactCode(header);
        if (s == null) {
            return "";
        }
        s = s.replace("*", "").replace("(必填)", "").replace("(选填)", "").replace("(可选)", "").replace("【必填】", "");
        return s.toLowerCase(Locale.ROOT);
    }

    private static String stripUnit(String normalised) {
        int p = normalised.indexOf('(');
        return p > 0 && normalised.endsWith(")") ? normalised.substring(0, p) : normalised;
    }

    /** The field a header names, or null. */
    static ImportField match(ImportKind kind, String header) {
        String n = normalise(header);
        if (n.isEmpty()) {
            return null;
        }
        for (String candidate : List.of(n, stripUnit(n))) {
            for (ImportField f : kind.fields()) {
                for (String name : f.allNames()) {
                    if (normalise(name).equals(candidate)) {
                        return f;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Finds the header row among {@code firstRows} and maps its columns.
     *
     * @param overrides column (header text or letter) → field (label, key or synonym; 忽略 to drop)
     * @return null when no row looks like a header
     */
    public static ColumnMapping detect(ImportKind kind, List<SheetRow> firstRows, Map<String, String> overrides) {
        Map<String, String> ov = new LinkedHashMap<>();
        overrides.forEach((k, v) -> ov.put(normalise(k), v));
        SheetRow best = null;
        int bestScore = 0;
        int scanned = 0;
        for (SheetRow r : firstRows) {
            if (scanned++ >= SCAN_ROWS) {
                break;
            }
            int score = 0;
            for (var e : ov.entrySet()) {
                int col = SheetRow.columnIndex(e.getKey());
                CellValue cell = r.cell(col);
                if (col >= 0 && cell != null && cell.kind() == CellValue.Kind.TEXT && !cell.isBlank() && !isIgnore(e.getValue())
                        && match(kind, cell.text()) == null && !ov.containsKey(normalise(cell.text()))) {
                    score++;
                }
            }
            for (int c = 0; c < r.width(); c++) {
                CellValue cell = r.cell(c);
                if (cell == null || cell.kind() != CellValue.Kind.TEXT) {
                    continue;
                }
                String h = cell.text();
                if (match(kind, h) != null || (ov.containsKey(normalise(h)) && !isIgnore(ov.get(normalise(h))))) {
                    score++;
                }
            }
            if (score > bestScore) {
                best = r;
                bestScore = score;
            }
        }
        if (best == null || bestScore < 2) {
            return null;
        }
        return map(kind, withNeighbours(kind, best, firstRows, ov), ov);
    }

    /**
     * A header of two rows (cells merged down over both, a group title merged across above its sub-headers):
     * blank cells of the best row are filled from the row just above or just below when that cell names a
     * field. When the row below adds names, it becomes the header row (data starts after it).
     */
    private static SheetRow withNeighbours(ImportKind kind, SheetRow best, List<SheetRow> rows, Map<String, String> ov) {
        SheetRow above = null;
        SheetRow below = null;
        for (SheetRow r : rows) {
            if (r.number() == best.number() - 1) {
                above = r;
            } else if (r.number() == best.number() + 1) {
                below = r;
            }
        }
        int width = Math.max(best.width(), Math.max(above == null ? 0 : above.width(), below == null ? 0 : below.width()));
        CellValue[] cells = new CellValue[width];
        boolean fromBelow = false;
        // the row below continues the header when it has no numbers and more cells naming fields than other text
        // (cells merged down from the header row repeat its text and are not counted)
        boolean belowHasData = below == null;
        if (below != null) {
            int names = 0;
            int other = 0;
            for (int c = 0; c < width; c++) {
                CellValue own = best.cell(c);
                cells[c] = own;
                CellValue b = below.cell(c);
                if (b == null || b.isBlank()) {
                    continue;
                }
                if (b.kind() != CellValue.Kind.TEXT) {
                    belowHasData = true;
                } else if (match(kind, b.text()) != null || ov.containsKey(normalise(b.text()))) {
                    names++;
                } else if (own == null || own.kind() != CellValue.Kind.TEXT || !normalise(own.text()).equals(normalise(b.text()))) {
                    other++;
                }
            }
            belowHasData = belowHasData || names == 0 || other >= names;
        } else {
            for (int c = 0; c < width; c++) {
                cells[c] = best.cell(c);
            }
        }
        for (int c = 0; c < width; c++) {
            CellValue own = best.cell(c);
            boolean ownNames = own != null && own.kind() == CellValue.Kind.TEXT && !own.isBlank()
                    && (match(kind, own.text()) != null || ov.containsKey(normalise(own.text())));
            if (ownNames) {
                continue;
            }
            if (below != null && !belowHasData) {
                CellValue b = below.cell(c);
                if (b != null && b.kind() == CellValue.Kind.TEXT && match(kind, b.text()) != null) {
                    cells[c] = b;
                    fromBelow = true;
                    continue;
                }
            }
            if (above != null && (own == null || own.isBlank())) {
                CellValue a = above.cell(c);
                if (a != null && a.kind() == CellValue.Kind.TEXT && match(kind, a.text()) != null) {
                    cells[c] = a;
                }
            }
        }
        return new SheetRow(fromBelow ? below.number() : best.number(), cells);
    }

    private static boolean isIgnore(String field) {
        String n = normalise(field);
        return n.isEmpty() || n.equals(IGNORE) || n.equals("ignore") || n.equals("-") || n.equals("不导入");
    }

    private static ColumnMapping map(ImportKind kind, SheetRow header, Map<String, String> ov) {
        List<String> headers = new ArrayList<>();
        for (int c = 0; c < header.width(); c++) {
            headers.add(Texts.clean(header.display(c)));
        }
        Map<ImportField, Integer> columns = new java.util.EnumMap<>(ImportField.class);
        List<String> warnings = new ArrayList<>();
        Map<Integer, ImportField> byOverride = new LinkedHashMap<>();
        for (var e : ov.entrySet()) {
            int col = -1;
            for (int c = 0; c < headers.size(); c++) {
                if (normalise(headers.get(c)).equals(e.getKey())) {
                    col = c;
                    break;
                }
            }
            if (col < 0) {
                col = SheetRow.columnIndex(e.getKey());
            }
            if (col < 0) {
                throw new UserException("列映射“" + e.getKey() + "=" + e.getValue() + "”：表头中没有“" + e.getKey()
                        + "”这一列（也不是列号如 C）。表头是：" + String.join("、", headers.stream().filter(h -> !h.isEmpty()).toList()));
            }
            if (isIgnore(e.getValue())) {
                byOverride.put(col, null);
                continue;
            }
            ImportField f = kind.field(e.getValue()).orElseThrow(() -> new UserException("列映射“" + e.getKey() + "="
                    + e.getValue() + "”：导入" + kind.label() + "时没有“" + e.getValue() + "”这个字段，可选："
                    + String.join("、", kind.fields().stream().map(ImportField::label).toList()) + "（或“忽略”）"));
            byOverride.put(col, f);
            columns.remove(f);
            columns.put(f, col);
        }
        for (int c = 0; c < headers.size(); c++) {
            if (byOverride.containsKey(c)) {
                continue;
            }
            ImportField f = match(kind, headers.get(c));
            if (f == null) {
                if (!headers.get(c).isEmpty()) {
                    warnings.add("列 " + SheetRow.columnLetter(c) + "“" + headers.get(c) + "”不认识，将被忽略（如果它有用，请指定它对应的字段）");
                }
                continue;
            }
            Integer already = columns.get(f);
            if (already != null) {
                warnings.add("列 " + SheetRow.columnLetter(c) + "“" + headers.get(c) + "”和列 " + SheetRow.columnLetter(already)
                        + "都对应“" + f.label() + "”，只使用列 " + SheetRow.columnLetter(already));
                continue;
            }
            columns.put(f, c);
        }
        List<String> missing = new ArrayList<>();
        for (ImportField f : kind.fields()) {
            if (f.required() && !columns.containsKey(f)) {
                missing.add(f.label());
            }
        }
        return new ColumnMapping(kind, header.number(), List.copyOf(headers), Collections.unmodifiableMap(columns), warnings, missing);
    }

    public ImportKind kind() {
        return kind;
    }

    /** Excel row number of the header row. */
    public int headerRow() {
        return headerRow;
    }

    public List<String> headers() {
        return headers;
    }

    /** field key → column index, for the mapped fields. */
    public Map<ImportField, Integer> columns() {
        return columns;
    }

    public Integer column(ImportField field) {
        return columns.get(field);
    }

    public List<String> warnings() {
        return warnings;
    }

    /** Labels of required fields with no column. */
    public List<String> missing() {
        return missing;
    }

    public String header(int column) {
        return column < headers.size() ? headers.get(column) : "";
    }

    /** "姓名 ← A“姓名”" lines for display. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (ImportField f : kind.fields()) {
            Integer c = columns.get(f);
            out.add(f.label() + " ← " + (c == null ? "（无）" : SheetRow.columnLetter(c) + "“" + header(c) + "”"));
        }
        return out;
    }
}
