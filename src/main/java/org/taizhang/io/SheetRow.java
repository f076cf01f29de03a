package org.taizhang.io;

import java.util.Arrays;

/** One row of a sheet: its Excel row number (1-based) and its cells by column index (0 = A). */
public record SheetRow(int number, CellValue[] cells) {
    public CellValue cell(int column) {
        return column >= 0 && column < cells.length ? cells[column] : null;
    }

    public int width() {
        return cells.length;
    }

    public boolean isBlank() {
        return Arrays.stream(cells).allMatch(c -> c == null || c.isBlank());
    }

    /** The display text of a cell, "" when empty. */
    public String display(int column) {
        CellValue c = cell(column);
        return c == null ? "" : c.display();
    }

    /** "A", "B", …, "Z", "AA" … */
    public static String columnLetter(int column) {
        StringBuilder b = new StringBuilder();
        int n = column + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            b.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return b.toString();
    }

    /** Column index of "C", "aa"; -1 when not letters. */
    public static int columnIndex(String letters) {
        if (letters == null || letters.isEmpty() || letters.length() > 3) {
            return -1;
        }
        int n = 0;
        for (char ch : letters.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            if (ch < 'A' || ch > 'Z') {
                return -1;
            }
            n = n * 26 + (ch - 'A' + 1);
        }
        return n - 1;
    }
}
