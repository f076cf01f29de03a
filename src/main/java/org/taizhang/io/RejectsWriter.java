package org.taizhang.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.taizhang.common.UserException;

/**
 * The rejected rows of an import as an .xlsx to fix and re-import: the original header, each
 * rejected row as it was in the sheet (re-read from the file, cells as text so nothing is
 * reformatted), the original row number and the reasons in two last columns.
 */
public final class RejectsWriter {
    public static final String REASON = "错误原因";
    public static final String ORIGINAL_ROW = "原行号";

    private RejectsWriter() {
    }

    /** @return the number of rows written */
    public static int write(ImportPreview preview, Path out) {
        if (preview.mapping() == null || preview.rejected().isEmpty()) {
            throw new UserException("没有被拒绝的行，无需导出。");
        }
        Map<Integer, RejectedRow> byRow = new HashMap<>();
        preview.rejected().forEach(r -> byRow.put(r.row(), r));
        List<String> headers = preview.mapping().headers();
        int width = headers.size();
        List<XlsxWriter.Column> cols = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            String h = headers.get(c);
            cols.add(new XlsxWriter.Column(h.isEmpty() ? "列" + SheetRow.columnLetter(c) : h, XlsxWriter.Type.CODE));
        }
        cols.add(XlsxWriter.Column.text(ORIGINAL_ROW));
        cols.add(XlsxWriter.Column.text(REASON));
        try (XlsxWriter w = new XlsxWriter()) {
            w.sheet("待修正", cols);
            int[] n = {0};
            SheetReader.read(preview.request().file(), preview.sheet(), row -> {
                RejectedRow r = byRow.get(row.number());
                if (r == null) {
                    return;
                }
                Object[] values = new Object[width + 2];
                for (int c = 0; c < width; c++) {
                    CellValue v = row.cell(c);
                    values[c] = v == null ? null : v.kind() == CellValue.Kind.NUMBER && v.dateFormatted()
                            ? org.taizhang.common.Dates.iso(RowValues.toDate(v.number())) : v.display();
                }
                values[width] = String.valueOf(row.number());
                values[width + 1] = r.reasons();
                w.row(values);
                n[0]++;
            });
            w.save(out, preview.request().file());
            return n[0];
        }
    }
}
