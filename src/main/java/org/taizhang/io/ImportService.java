package org.taizhang.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.taizhang.common.Texts;
import org.taizhang.common.UserException;
import org.taizhang.db.BackupService;
import org.taizhang.db.Database;
import org.taizhang.db.DatabaseException;
import org.taizhang.db.RecordCounts;

/**
 * Excel import: {@link #preview} reads the sheet (streaming), maps its columns, checks every row and
 * reports what would be written and what is rejected, writing nothing; {@link #commit} writes the
 * accepted rows in ONE transaction — all of them or none. By default it refuses when any row is
 * rejected; with {@code skipBad} it writes only the good rows.
 */
public final class ImportService {
    private static final Set<String> TOTAL_MARKS = Set.of("合计", "总计", "小计", "合计:", "总计:");
    /** Most data rows one import reads; a longer sheet is refused (split it). Well above the 200,000 rows it is built for. */
    public static final int MAX_ROWS = 300_000;
    /** Checking stops once this many rows are wrong: the sheet is not what the import expects. */
    public static final int MAX_REJECTED = 10_000;
    /** How many of the sheet's first rows the preview keeps to show as a grid. */
    public static final int SAMPLE_ROWS = 12;

    private final Database db;

    private final int maxRows;
    private final int maxRejected;

    public ImportService(Database db) {
        this(db, MAX_ROWS, MAX_REJECTED);
    }

    /** With other limits (tests use small ones instead of generating a million-row sheet). */
    ImportService(Database db, int maxRows, int maxRejected) {
        this.db = db;
        this.maxRows = maxRows;
        this.maxRejected = maxRejected;
    }

    KindImporter<?, ?> importerFor(ImportRequest req) {
        return switch (req.kind()) {
            case ORGS -> new OrgImporter(db, req);
            case PEOPLE -> new PersonImporter(db, req);
            case ACTIVITIES -> new ActivityImporter(db, req);
            case HONORS -> new HonorImporter(db, req);
        };
    }

    /** Reads and checks the file; writes nothing. */
    @SuppressWarnings("unchecked")
    public ImportPreview preview(ImportRequest req, ImportProgress progress) {
        KindImporter<Object, Object> importer = (KindImporter<Object, Object>) importerFor(req);
        Reading reading = new Reading(req, importer, progress, maxRows, maxRejected);
        String sheet = SheetReader.read(req.file(), req.sheet(), reading);
        reading.finish();
        importer.sheet(sheet);
        List<String> fileProblems = new ArrayList<>();
        ColumnMapping mapping = reading.mapping;
        if (mapping == null) {
            fileProblems.add(reading.rowsSeen == 0 ? "工作表“" + sheet + "”是空的，没有任何数据。"
                    : "在前 " + ColumnMapping.SCAN_ROWS + " 行中找不到表头行。导入" + req.kind().label() + "的表头应包含如“"
                    + String.join("”“", req.kind().fields().stream().filter(ImportField::required).map(ImportField::label).toList())
                    + "”等列名（可先导出导入模板对照）。");
        } else if (!mapping.missing().isEmpty()) {
            fileProblems.add("缺少必填列：" + String.join("、", mapping.missing()) + "。表头（第 " + mapping.headerRow() + " 行）中没有可识别的列名"
                    + "；如果某列其实就是它，请为那一列指定对应的字段。");
        } else if (reading.dataRows == 0) {
            fileProblems.add("表头（第 " + mapping.headerRow() + " 行）下面没有数据行。");
        }
        if (!fileProblems.isEmpty()) {
            ImportPreview refused = new ImportPreview(req, sheet, mapping, fileProblems, reading.dataRows, List.of(), 0, List.of(), List.of(),
                    Map.of());
            refused.sample = List.copyOf(reading.sample);
            return refused;
        }
        progress.update("正在核对组织与重复记录", 0, -1);
        KindImporter.Plan<Object, Object> plan = db.read(ctx -> importer.resolve(ctx, reading.parsed));
        ImportPreview preview = build(req, sheet, mapping, reading, plan);
        preview.importer = importer;
        preview.sample = List.copyOf(reading.sample);
        return preview;
    }

    private static ImportPreview build(ImportRequest req, String sheet, ColumnMapping mapping, Reading reading,
                                       KindImporter.Plan<Object, Object> plan) {
        Map<Integer, RejectedRow> all = new TreeMap<>(reading.rejects);
        plan.rejected.forEach((row, problems) -> all.merge(row, new RejectedRow(row, List.of(), problems),
                (a, b) -> {
                    List<RowProblem> ps = new ArrayList<>(a.problems());
                    ps.addAll(b.problems());
                    return new RejectedRow(row, a.values(), ps);
                }));
        return new ImportPreview(req, sheet, mapping, List.of(), reading.dataRows, new ArrayList<>(all.values()),
                plan.accepted.size(), plan.notes, plan.creates, plan.matches, plan.skipped, plan.changes, reading.parsed, reading.rejects);
    }

    /**
     * Writes the accepted rows of {@code preview} in one transaction. The database checks are done
     * again inside the transaction (the data may have changed since the preview).
     *
     * @throws ImportRejectedException when rows are rejected and {@code skipBad} is false; nothing is written
     */
    public ImportResult commit(ImportPreview preview, boolean skipBad, ImportProgress progress) {
        if (!preview.fileProblems().isEmpty()) {
            throw new UserException(String.join("\n", preview.fileProblems()));
        }
        KindImporter<Object, Object> importer = preview.importer;
        String backupLine = preview.canImport(skipBad) ? backupBeforeImport() : null;
        ImportResult result = db.tx(ctx -> {
            KindImporter.Plan<Object, Object> plan = importer.resolve(ctx, preview.parsed);
            int rejected = preview.parseRejects.size() + (int) plan.rejected.keySet().stream()
                    .filter(r -> !preview.parseRejects.containsKey(r)).count();
            if (rejected > 0 && !skipBad) {
                List<RejectedRow> rows = new ArrayList<>(preview.parseRejects.values());
                plan.rejected.forEach((r, ps) -> rows.add(new RejectedRow(r, List.of(), ps)));
                rows.sort(Comparator.comparingInt(RejectedRow::row));
                throw new ImportRejectedException("有 " + rejected + " 行有错误，没有写入任何数据。请修正后重新导入，"
                        + "或选择只导入无误的行。第一个错误：" + rows.getFirst().problems().getFirst(), rows);
            }
            boolean updates = importer.request.update() && !plan.changes.isEmpty();
            if (plan.accepted.isEmpty() && !updates) {
                if (!plan.skipped.isEmpty() || !plan.changes.isEmpty()) {
                    List<String> lines = new ArrayList<>();
                    lines.add("没有新的记录：" + plan.skipped.size() + " 行已在台账中，跳过"
                            + (plan.changes.isEmpty() ? "" : "；" + plan.changes.size() + " 行内容有变化，未更新（选择“更新已有记录”才会更新）")
                            + "。数据库没有改动。");
                    return new ImportResult(0, rejected, lines);
                }
                throw new UserException("没有可以导入的行（" + rejected + " 行都有错误），数据库没有改动。");
            }
            progress.checkCancelled();
            ImportResult r = importer.write(ctx, plan, progress);
            progress.checkCancelled();
            List<String> lines = new ArrayList<>(r.lines());
            if (!plan.skipped.isEmpty()) {
                lines.add("已在台账中，跳过 " + plan.skipped.size() + " 行");
            }
            if (!plan.changes.isEmpty() && !importer.request.update()) {
                lines.add(plan.changes.size() + " 行已在台账中但内容不同，未更新（选择“更新已有记录”才会更新）");
            }
            return new ImportResult(r.written(), rejected, lines);
        });
        if (backupLine == null || result.written() == 0) {
            return result;
        }
        List<String> lines = new ArrayList<>(result.lines());
        lines.add(backupLine);
        return new ImportResult(result.written(), result.skipped(), lines);
    }

    /**
     * The backup promised before every import (kept among the event backups, named "before-导入"); a database
     * without records has nothing to lose and is not backed up. A failed backup stops the import.
     *
     * @return the line telling the user where the backup is, or null when none was needed
     */
    private String backupBeforeImport() {
        db.requireWritable();
        BackupService backups = new BackupService(db);
        RecordCounts c = backups.counts();
        if (c.orgs() + c.people() + c.activities() + c.honors() <= 0) {
            return null;
        }
        try {
            return "导入前已备份到：" + backups.backupBefore("导入").file();
        } catch (DatabaseException e) {
            throw new DatabaseException("导入前的备份没有成功，为安全起见没有导入，数据库未改动：" + e.getMessage(), e);
        }
    }

    /** Streams rows: buffers the first rows until the header is found, then checks each data row. */
    private static final class Reading implements SheetReader.RowHandler {
        final ImportRequest req;
        final KindImporter<Object, Object> importer;
        final ImportProgress progress;
        final List<SheetRow> head = new ArrayList<>();
        /** The first rows of the sheet as they are, for the preview grid. */
        final List<SheetRow> sample = new ArrayList<>();
        final List<KindImporter.Parsed<Object>> parsed = new ArrayList<>();
        final Map<Integer, RejectedRow> rejects = new TreeMap<>();
        ColumnMapping mapping;
        boolean decided;
        int rowsSeen;
        int dataRows;
        long total = -1;

        final int maxRows;
        final int maxRejected;

        Reading(ImportRequest req, KindImporter<Object, Object> importer, ImportProgress progress, int maxRows, int maxRejected) {
            this.maxRows = maxRows;
            this.maxRejected = maxRejected;
            this.req = req;
            this.importer = importer;
            this.progress = progress;
        }

        @Override
        public void start(String sheet, int rows) {
            total = rows;
            importer.sheet(sheet);
        }

        @Override
        public void row(SheetRow row) {
            rowsSeen++;
            if ((rowsSeen & 511) == 0) {
                progress.checkCancelled();
                progress.update("正在读取", rowsSeen, total);
            }
            if (sample.size() < SAMPLE_ROWS && !row.isBlank()) {
                sample.add(row);
            }
            if (!decided) {
                if (!row.isBlank()) {
                    head.add(row);
                }
                if (head.size() >= ColumnMapping.SCAN_ROWS) {
                    decide();
                }
                return;
            }
            data(row);
        }

        void finish() {
            if (!decided) {
                decide();
            }
            progress.update("读取完成", rowsSeen, rowsSeen);
        }

        private void decide() {
            decided = true;
            mapping = ColumnMapping.detect(req.kind(), head, req.mapping());
            importer.mapping = mapping;
            if (mapping == null || !mapping.missing().isEmpty()) {
                return;
            }
            for (SheetRow r : head) {
                if (r.number() > mapping.headerRow()) {
                    data(r);
                }
            }
            head.clear();
        }

        private void data(SheetRow row) {
            if (mapping == null || !mapping.missing().isEmpty() || row.isBlank() || isTotals(row)) {
                return;
            }
            dataRows++;
            if (dataRows > maxRows) {
                throw new FileRefusedException("工作表“" + importer.sheet + "”的数据超过 " + maxRows + " 行（读到第 " + row.number()
                        + " 行时停止），超出一次导入的上限，没有导入任何数据。请把它分成几个文件分别导入；"
                        + "如果表里大多是空白或无用的行，请删掉它们后再导入。");
            }
            RowValues v = new RowValues(importer.sheet, row, mapping);
            Object c;
            try {
                c = importer.parse(v);
            } catch (RuntimeException e) {
                if (e instanceof ImportCancelledException) {
                    throw e;
                }
                v.rowProblem("无法处理这一行：" + e.getMessage());
                c = null;
            }
            if (c == null || !v.ok()) {
                if (v.ok()) {
                    v.rowProblem("这一行无法导入");
                }
                rejects.put(row.number(), new RejectedRow(row.number(), v.displays(mapping.headers().size()), v.problems()));
                if (rejects.size() >= maxRejected) {
                    throw new FileRefusedException("工作表“" + importer.sheet + "”读到第 " + row.number() + " 行时，已有 " + maxRejected
                            + " 行有错误，已停止检查，没有导入任何数据。这张表可能不是" + req.kind().label()
                            + "名单，或者列的对应关系不对；请核对表头后再导入。第一个错误：" + rejects.values().iterator().next().problems().getFirst());
                }
            } else {
                parsed.add(new KindImporter.Parsed<>(row.number(), c));
            }
        }

        private static boolean isTotals(SheetRow row) {
            for (int c = 0; c < row.width(); c++) {
                CellValue v = row.cell(c);
                if (v != null && !v.isBlank()) {
                    return v.kind() == CellValue.Kind.TEXT && TOTAL_MARKS.contains(Texts.compactCode(v.text()));
                }
            }
            return false;
        }
    }
}
