package org.taizhang.io;

/**
 * Why a row was rejected: sheet, Excel row number, column (letter and header, empty when the
 * problem concerns the whole row), the field, the value found, and the reason in Chinese.
 */
public record RowProblem(String sheet, int row, String column, String header, String field, String value, String reason) {
    /** "C5", or "第5行" when no column. */
    public String cell() {
        return column == null || column.isEmpty() ? "第" + row + "行" : column + row;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append("工作表“").append(sheet).append("”第 ").append(row).append(" 行");
        if (column != null && !column.isEmpty()) {
            b.append("，").append(column).append(" 列");
            if (header != null && !header.isEmpty()) {
                b.append("“").append(header).append("”");
            }
        }
        b.append("：").append(reason);
        return b.toString();
    }
}
