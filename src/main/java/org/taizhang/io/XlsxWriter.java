package org.taizhang.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.taizhang.common.AtomicFile;

/**
 * Writes tables to .xlsx with SXSSF (streaming, flat memory): a bold shaded header row that stays
 * frozen, column widths fitted to the content, real dates, text-formatted code columns (ID numbers
 * never turn into numbers), and an optional bold totals row. Files are written to a temporary file
 * beside the target and renamed into place, so a failed export never leaves half a file; a target
 * open in Excel or WPS is reported plainly.
 */
public final class XlsxWriter implements AutoCloseable {
    /** How a column's values are written. */
    public enum Type { TEXT, CODE, DATE, INT, TENTHS }

    public record Column(String header, Type type) {
        public static Column text(String h) {
            return new Column(h, Type.TEXT);
        }
    }

    private final SXSSFWorkbook wb = new SXSSFWorkbook(200);
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle code;
    private final CellStyle date;
    private final CellStyle integer;
    private final CellStyle tenths;
    private final CellStyle totalLabel;
    private final CellStyle totalInt;
    private final CellStyle totalTenths;
    private SXSSFSheet sheet;
    private List<Column> columns;
    private int[] widths;
    private int nextRow;

    public XlsxWriter() {
        wb.setCompressTempFiles(true);
        DataFormat fmt = wb.createDataFormat();
        Font bold = wb.createFont();
        bold.setBold(true);
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        text = wb.createCellStyle();
        code = wb.createCellStyle();
        code.setDataFormat(fmt.getFormat("@"));
        date = wb.createCellStyle();
        date.setDataFormat(fmt.getFormat("yyyy-mm-dd"));
        date.setAlignment(HorizontalAlignment.LEFT);
        integer = wb.createCellStyle();
        integer.setDataFormat(fmt.getFormat("0"));
        tenths = wb.createCellStyle();
        tenths.setDataFormat(fmt.getFormat("0.0"));
        totalLabel = wb.createCellStyle();
        totalLabel.setFont(bold);
        totalLabel.setBorderTop(BorderStyle.THIN);
        totalInt = wb.createCellStyle();
        totalInt.cloneStyleFrom(integer);
        totalInt.setFont(bold);
        totalInt.setBorderTop(BorderStyle.THIN);
        totalTenths = wb.createCellStyle();
        totalTenths.cloneStyleFrom(tenths);
        totalTenths.setFont(bold);
        totalTenths.setBorderTop(BorderStyle.THIN);
    }

    /** Starts a sheet with a frozen header row. */
    public XlsxWriter sheet(String name, List<Column> cols) {
        finishSheet();
        sheet = wb.createSheet(name);
        columns = cols;
        widths = new int[cols.size()];
        nextRow = 0;
        Row r = sheet.createRow(nextRow++);
        r.setHeightInPoints(22);
        for (int c = 0; c < cols.size(); c++) {
            Cell cell = r.createCell(c);
            cell.setCellValue(cols.get(c).header());
            cell.setCellStyle(header);
            widths[c] = Math.max(8, displayWidth(cols.get(c).header()) + 2);
            CellStyle colStyle = switch (cols.get(c).type()) {
                case CODE -> code;
                case DATE -> date;
                default -> null;
            };
            if (colStyle != null) {
                sheet.setDefaultColumnStyle(c, colStyle);
            }
        }
        sheet.createFreezePane(0, 1);
        return this;
    }

    /** One data row; values by column (String, LocalDate, Integer/Long, or tenths as Integer for TENTHS). */
    public void row(Object... values) {
        Row r = sheet.createRow(nextRow++);
        for (int c = 0; c < columns.size() && c < values.length; c++) {
            Object v = values[c];
            if (v == null) {
                continue;
            }
            Cell cell = r.createCell(c);
            switch (columns.get(c).type()) {
                case DATE -> {
                    if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                        widths[c] = Math.max(widths[c], 12);
                    } else {
                        setText(cell, c, v.toString(), text);
                    }
                }
                case INT -> {
                    cell.setCellValue(((Number) v).doubleValue());
                    cell.setCellStyle(integer);
                    widths[c] = Math.max(widths[c], v.toString().length() + 2);
                }
                case TENTHS -> {
                    cell.setCellValue(((Number) v).intValue() / 10.0);
                    cell.setCellStyle(tenths);
                    widths[c] = Math.max(widths[c], v.toString().length() + 3);
                }
                case CODE -> setText(cell, c, v.toString(), code);
                case TEXT -> setText(cell, c, v.toString(), text);
            }
        }
    }

    private void setText(Cell cell, int c, String s, CellStyle style) {
        cell.setCellValue(s);
        cell.setCellStyle(style);
        widths[c] = Math.max(widths[c], Math.min(60, displayWidth(s) + 2));
    }

    /** A bold 合计 row: label in the first column, sums in the INT/TENTHS columns given. */
    public void totals(String label, Object... values) {
        Row r = sheet.createRow(nextRow++);
        Cell first = r.createCell(0);
        first.setCellValue(label);
        first.setCellStyle(totalLabel);
        for (int c = 1; c < columns.size(); c++) {
            Object v = c < values.length ? values[c] : null;
            Cell cell = r.createCell(c);
            cell.setCellStyle(totalLabel);
            if (v instanceof Number n) {
                if (columns.get(c).type() == Type.TENTHS) {
                    cell.setCellValue(n.longValue() / 10.0);
                    cell.setCellStyle(totalTenths);
                } else {
                    cell.setCellValue(n.doubleValue());
                    cell.setCellStyle(totalInt);
                }
            } else if (v != null) {
                cell.setCellValue(v.toString());
            }
        }
    }

    public int rowsWritten() {
        return nextRow;
    }

    /** Width as Excel counts it: CJK and other wide characters count two. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            w += cp > 0x2E80 ? 2 : 1;
        }
        return w;
    }

    private void finishSheet() {
        if (sheet != null) {
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, Math.min(255, widths[c]) * 256);
            }
        }
    }

    /**
     * Writes the workbook to {@code target} through {@link AtomicFile}; {@code inputs} are files the same
     * command reads (they are never overwritten).
     */
    public void save(Path target, Path... inputs) {
        finishSheet();
        sheet = null;
        AtomicFile.write(target, wb::write, inputs);
    }

    @Override
    public void close() {
        try {
            wb.close();
        } catch (IOException ignored) {
            // temp files are removed by close
        }
    }
}
