package org.taizhang.io;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds test workbooks with POI: strings, numbers, real dates, formulas with cached values, error cells, merges. */
final class Xlsx {
    /** A formula with its cached numeric result. */
    record Formula(String formula, double cached) {
    }

    /** A formula whose cached result is an error such as #REF!. */
    record Error(String formula, FormulaError error) {
    }

    /** A merged region (0-based, inclusive). */
    record Merge(int firstRow, int lastRow, int firstCol, int lastCol) {
    }

    private Xlsx() {
    }

    static Path write(Path file, String sheet, Object[][] rows, Merge... merges) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            fill(wb, sheet, rows, merges);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    static Sheet fill(XSSFWorkbook wb, String name, Object[][] rows, Merge... merges) {
        Sheet sheet = wb.createSheet(name);
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null) {
                continue;
            }
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                switch (v) {
                    case String s -> cell.setCellValue(s);
                    case Number n -> cell.setCellValue(n.doubleValue());
                    case LocalDate d -> {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    }
                    case Formula f -> {
                        cell.setCellFormula(f.formula());
                        cell.setCellValue(f.cached());
                    }
                    case Error e -> {
                        cell.setCellFormula(e.formula());
                        ((org.apache.poi.xssf.usermodel.XSSFCell) cell).setCellErrorValue(e.error());
                    }
                    case Boolean b -> cell.setCellValue(b);
                    default -> throw new IllegalArgumentException(String.valueOf(v));
                }
            }
        }
        for (Merge m : merges) {
            sheet.addMergedRegion(new CellRangeAddress(m.firstRow(), m.lastRow(), m.firstCol(), m.lastCol()));
        }
        return sheet;
    }

    static Object[] row(Object... cells) {
        return cells;
    }
}
