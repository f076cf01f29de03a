package org.taizhang.io;

import java.math.BigDecimal;

/**
 * One cell as read from a sheet: its kind, its text (for numbers, the value as Excel would display
 * it), and for numbers the raw value and whether the cell is formatted as a date.
 */
public record CellValue(Kind kind, String text, double number, boolean dateFormatted) {
    public enum Kind { TEXT, NUMBER, ERROR }

    public static CellValue text(String s) {
        return new CellValue(Kind.TEXT, s, 0, false);
    }

    public static CellValue number(double v, boolean date, String display) {
        return new CellValue(Kind.NUMBER, display, v, date);
    }

    public static CellValue error(String code) {
        return new CellValue(Kind.ERROR, code, 0, false);
    }

    public boolean isBlank() {
        return kind == Kind.TEXT && (text == null || org.taizhang.common.Texts.isBlank(text));
    }

    /** The number written plainly (13800138000, 2.5), never in E-notation. */
    public String plainNumber() {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            return String.valueOf(number);
        }
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    /** What a person sees in the cell. */
    public String display() {
        return text == null ? "" : text;
    }
}
