package org.taizhang.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import would do, before anything is written: the column mapping found, file-level
 * problems (no header row, a required column missing…), how many rows would be written, and every
 * rejected row with its reasons. The UI and the CLI both show this; {@link ImportService#commit}
 * writes it.
 */
public final class ImportPreview {
    private final ImportRequest request;
    private final String sheet;
    private final ColumnMapping mapping;
    private final List<String> fileProblems;
    private final int dataRows;
    private final List<RejectedRow> rejected;
    private final int accepted;
    private final List<String> notes;
    private final List<String> creates;
    private final List<String> matches;
    private final Map<Integer, String> skipped;
    private final Map<Integer, String> changes;
    final List<KindImporter.Parsed<Object>> parsed;
    final Map<Integer, RejectedRow> parseRejects;
    List<SheetRow> sample = List.of();
    KindImporter<Object, Object> importer;

    ImportPreview(ImportRequest request, String sheet, ColumnMapping mapping, List<String> fileProblems, int dataRows,
                  List<RejectedRow> rejected, int accepted, List<String> notes, List<KindImporter.Parsed<Object>> parsed,
                  Map<Integer, RejectedRow> parseRejects) {
        this(request, sheet, mapping, fileProblems, dataRows, rejected, accepted, notes, List.of(), List.of(), Map.of(), Map.of(),
                parsed, parseRejects);
    }

    ImportPreview(ImportRequest request, String sheet, ColumnMapping mapping, List<String> fileProblems, int dataRows,
                  List<RejectedRow> rejected, int accepted, List<String> notes, List<String> creates, List<String> matches,
                  Map<Integer, String> skipped, Map<Integer, String> changes, List<KindImporter.Parsed<Object>> parsed,
                  Map<Integer, RejectedRow> parseRejects) {
        this.creates = List.copyOf(creates);
        this.matches = List.copyOf(matches);
        this.skipped = new java.util.TreeMap<>(skipped);
        this.changes = new java.util.TreeMap<>(changes);
        this.request = request;
        this.sheet = sheet;
        this.mapping = mapping;
        this.fileProblems = List.copyOf(fileProblems);
        this.dataRows = dataRows;
        this.rejected = List.copyOf(rejected);
        this.accepted = accepted;
        this.notes = List.copyOf(notes);
        this.parsed = parsed;
        this.parseRejects = parseRejects;
    }

    public ImportRequest request() {
        return request;
    }

    public ImportKind kind() {
        return request.kind();
    }

    public String sheet() {
        return sheet;
    }

    /** Null when no header row was found. */
    public ColumnMapping mapping() {
        return mapping;
    }

    /** Problems with the whole file; when any, nothing can be imported. */
    public List<String> fileProblems() {
        return fileProblems;
    }

    /** Data rows read (blank and 合计 rows not counted). */
    public int dataRows() {
        return dataRows;
    }

    public int acceptedCount() {
        return accepted;
    }

    public int rejectedCount() {
        return rejected.size();
    }

    /** Rejected rows in row order. */
    public List<RejectedRow> rejected() {
        return rejected;
    }

    /** Things the import will do besides the rows (e.g. organisations it will create). */
    public List<String> notes() {
        return notes;
    }

    /** The sheet's first non-blank rows as they are (title, header and some data rows), for a preview grid. */
    public List<SheetRow> sample() {
        return sample;
    }

    /** What will be created besides the rows: organisation types, activity categories, parent organisations. */
    public List<String> creates() {
        return creates;
    }

    /** Values taken as an existing type or category under another spelling (帮扶慰问 → 慰问帮扶). */
    public List<String> matches() {
        return matches;
    }

    /** Rows already in the ledger with the same values, by sheet row: skipped, not errors. */
    public Map<Integer, String> skipped() {
        return skipped;
    }

    /** Rows already in the ledger whose values differ, by sheet row: what would change (written only when updating). */
    public Map<Integer, String> changes() {
        return changes;
    }

    public List<String> warnings() {
        return mapping == null ? List.of() : mapping.warnings();
    }

    /** One problem per line, every rejected row. */
    public List<RowProblem> problems() {
        List<RowProblem> out = new ArrayList<>();
        rejected.forEach(r -> out.addAll(r.problems()));
        return out;
    }

    /** Whether {@link ImportService#commit} would write something. */
    public boolean canImport(boolean skipBad) {
        return fileProblems.isEmpty() && (accepted > 0 || (request.update() && !changes.isEmpty())) && (skipBad || rejected.isEmpty());
    }

    /** Plain Chinese lines for the CLI and the UI. */
    public List<String> summaryLines() {
        List<String> out = new ArrayList<>();
        out.add("文件：" + request.file().getFileName() + "，工作表“" + sheet + "”"
                + (mapping == null ? "" : "，表头在第 " + mapping.headerRow() + " 行"));
        fileProblems.forEach(p -> out.add("无法导入：" + p));
        if (fileProblems.isEmpty()) {
            out.add("数据行 " + dataRows + " 行：可导入 " + accepted + " 行，有错误 " + rejected.size() + " 行"
                    + (skipped.isEmpty() ? "" : "，已在台账中（跳过）" + skipped.size() + " 行")
                    + (changes.isEmpty() ? "" : "，已在台账中但内容不同 " + changes.size() + " 行"));
        }
        creates.forEach(n -> out.add("将新建：" + n.replaceFirst("^将新建", "")));
        matches.forEach(n -> out.add("按已有名称：" + n));
        changes.forEach((row, c) -> out.add("第 " + row + " 行有变化：" + c + (request.update() ? "（将更新）" : "（不更新；要更新请选择“更新已有记录”）")));
        notes.forEach(n -> out.add("注意：" + n));
        warnings().forEach(w -> out.add("提示：" + w));
        return out;
    }

    /** A structure for JSON output. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind().code());
        m.put("file", request.file().toString());
        m.put("sheet", sheet);
        m.put("headerRow", mapping == null ? null : mapping.headerRow());
        Map<String, Object> cols = new LinkedHashMap<>();
        if (mapping != null) {
            for (ImportField f : kind().fields()) {
                Integer c = mapping.column(f);
                cols.put(f.label(), c == null ? null : SheetRow.columnLetter(c) + " " + mapping.header(c));
            }
        }
        m.put("mapping", cols);
        m.put("fileProblems", fileProblems);
        m.put("dataRows", dataRows);
        m.put("accepted", accepted);
        m.put("rejectedCount", rejected.size());
        m.put("notes", notes);
        m.put("creates", creates);
        m.put("matches", matches);
        m.put("skippedCount", skipped.size());
        m.put("skipped", skipped.entrySet().stream().map(e -> Map.of("row", e.getKey(), "reason", e.getValue())).toList());
        m.put("changes", changes.entrySet().stream().map(e -> Map.of("row", e.getKey(), "change", e.getValue())).toList());
        m.put("warnings", warnings());
        List<Map<String, Object>> rej = new ArrayList<>();
        for (RowProblem p : problems()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("sheet", p.sheet());
            r.put("row", p.row());
            r.put("column", p.column());
            r.put("header", p.header());
            r.put("field", p.field());
            r.put("value", p.value());
            r.put("reason", p.reason());
            rej.add(r);
        }
        m.put("rejected", rej);
        return m;
    }
}
