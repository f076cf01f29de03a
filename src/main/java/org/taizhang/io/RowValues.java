package org.taizhang.io;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;
import org.taizhang.common.Dates;
import org.taizhang.common.FieldError;
import org.taizhang.common.Texts;
import org.taizhang.common.UserException;

/**
 * Typed, cleaned access to the mapped cells of one data row. Every problem is recorded with its
 * cell (sheet, row, column, header) and the reason; callers check {@link #ok()} at the end.
 */
public final class RowValues {
    static final String ID_AS_NUMBER = "身份证号被 Excel 存成了数字，末位已丢失";
    private static final Pattern E_NOTATION = Pattern.compile("\\d(\\.\\d+)?[eE]\\+?\\d+");
    private static final Pattern INTEGER = Pattern.compile("\\d+");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");
    /** Excel serials of 1950-01-01 and 2100-12-31: a plain number in this range in a date column is a date. */
    private static final double SERIAL_MIN = 18264;
    private static final double SERIAL_MAX = 73415;

    private final String sheet;
    private final SheetRow row;
    private final ColumnMapping mapping;
    private final List<RowProblem> problems = new ArrayList<>();
    private final java.util.Set<ImportField> monthOnly = java.util.EnumSet.noneOf(ImportField.class);
    private final java.util.Map<ImportField, String> ambiguous = new java.util.EnumMap<>(ImportField.class);

    public RowValues(String sheet, SheetRow row, ColumnMapping mapping) {
        this.sheet = sheet;
        this.row = row;
        this.mapping = mapping;
    }

    public int rowNumber() {
        return row.number();
    }

    public SheetRow row() {
        return row;
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public List<RowProblem> problems() {
        return problems;
    }

    /** The cell of a field, null when the field has no column or the cell is empty. */
    public CellValue cell(ImportField key) {
        Integer c = mapping.column(key);
        if (c == null) {
            return null;
        }
        CellValue v = row.cell(c);
        return v == null || v.isBlank() ? null : v;
    }

    /** Records a problem for the field's cell. */
    public void problem(ImportField key, String reason) {
        Integer c = mapping.column(key);
        String label = key.label();
        problems.add(new RowProblem(sheet, row.number(), c == null ? "" : SheetRow.columnLetter(c),
                c == null ? "" : mapping.header(c), label, c == null ? "" : row.display(c), reason));
    }

    /** Records a problem about the whole row. */
    public void rowProblem(String reason) {
        problems.add(new RowProblem(sheet, row.number(), "", "", "", "", reason));
    }

    /**
     * Maps a service's field errors onto this row's columns: {@code fields} says which import field each of the
     * service's fields is (an explicit table, not a match on labels).
     */
    public void fieldErrors(List<FieldError> errors, java.util.Map<String, ImportField> fields) {
        for (FieldError e : errors) {
            ImportField f = fields.get(e.field());
            if (f != null && mapping.column(f) != null) {
                problem(f, e.message());
            } else {
                problems.add(new RowProblem(sheet, row.number(), "", "", e.field(), "", e.message()));
            }
        }
    }

    private boolean errorCell(ImportField key, CellValue v) {
        if (v != null && v.kind() == CellValue.Kind.ERROR) {
            problem(key, "单元格是错误值 " + v.text() + "（公式出错），请改正公式或直接填写数值");
            return true;
        }
        return false;
    }

    /** Cleaned text (numbers written plainly), null when empty; longer than {@code max} is a problem. */
    public String text(ImportField key, int max) {
        CellValue v = cell(key);
        if (v == null || errorCell(key, v)) {
            return null;
        }
        String s = v.kind() == CellValue.Kind.NUMBER
                ? (v.dateFormatted() ? Dates.iso(toDate(v.number())) : v.plainNumber()) : Texts.cleanOrNull(v.text());
        if (Texts.hiddenCharacterProblem(s) != null) {
            problem(key, Texts.hiddenCharacterProblem(s));
        } else if (s != null && Texts.length(s) > max) {
            problem(key, "不能超过 " + max + " 个字（现在 " + Texts.length(s) + " 个）");
        }
        return s;
    }

    public String requiredText(ImportField key, int max) {
        String s = text(key, max);
        if (s == null && !hasError(key)) {
            problem(key, "不能为空");
        }
        return s;
    }

    private boolean hasError(ImportField key) {
        String label = key.label();
        return problems.stream().anyMatch(p -> label.equals(p.field()));
    }

    /** Text as typed, for codes such as phone numbers (a number cell becomes its digits). */
    public String code(ImportField key) {
        CellValue v = cell(key);
        if (v == null || errorCell(key, v)) {
            return null;
        }
        return v.kind() == CellValue.Kind.NUMBER ? v.plainNumber() : Texts.cleanOrNull(v.text());
    }

    /**
     * The ID number as text. A number cell is refused: Excel keeps 15 significant digits, so the
     * last digits of an 18-digit number are already lost.
     */
    public String idNumber(ImportField key) {
        CellValue v = cell(key);
        if (v == null || errorCell(key, v)) {
            return null;
        }
        if (v.kind() == CellValue.Kind.NUMBER) {
            problem(key, ID_AS_NUMBER + "（请把该列设为“文本”格式后重新填写完整号码）");
            return null;
        }
        String s = Texts.compactCode(v.text());
        if (E_NOTATION.matcher(s).matches()) {
            problem(key, ID_AS_NUMBER + "（单元格里是 " + s + "，请重新填写完整号码）");
            return null;
        }
        if (s.contains("*")) {
            problem(key, "身份证号已打码（含 *），无法导入。请从原始名册复制完整号码，或导出时勾选“包含完整证件号”");
            return null;
        }
        return s.startsWith("'") ? s.substring(1) : s;
    }

    /** A whole number ≥ 0; text such as "１２０" or "1,200人" is accepted. */
    public Integer count(ImportField key) {
        CellValue v = cell(key);
        if (v == null || errorCell(key, v)) {
            return null;
        }
        if (v.kind() == CellValue.Kind.NUMBER) {
            double d = v.number();
            if (d < 0) {
                problem(key, "不能为负数");
                return null;
            }
            if (d != Math.rint(d)) {
                problem(key, "应为整数（现在是 " + v.plainNumber() + "）");
                return null;
            }
            if (d > Integer.MAX_VALUE) {
                problem(key, "数值过大");
                return null;
            }
            return (int) d;
        }
        String s = stripUnits(Texts.compactCode(v.text()), "人次", "人", "次", "名", "户", "个", "位", "年");
        if (s.startsWith("-")) {
            problem(key, "不能为负数");
            return null;
        }
        if (!INTEGER.matcher(s).matches()) {
            problem(key, "“" + Texts.clean(v.text()) + "”不是整数");
            return null;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            problem(key, "数值过大");
            return null;
        }
    }

    /** Hours with at most one decimal, as tenths of an hour. */
    public Integer tenths(ImportField key) {
        CellValue v = cell(key);
        if (v == null || errorCell(key, v)) {
            return null;
        }
        BigDecimal d;
        if (v.kind() == CellValue.Kind.NUMBER) {
            d = BigDecimal.valueOf(v.number());
        } else {
            String s = stripUnits(Texts.compactCode(v.text()), "小时", "个小时", "h", "H", "时");
            if (s.startsWith("-")) {
                problem(key, "不能为负数");
                return null;
            }
            if (!DECIMAL.matcher(s).matches()) {
                problem(key, "“" + Texts.clean(v.text()) + "”不是小时数（如 2.5）");
                return null;
            }
            d = new BigDecimal(s);
        }
        if (d.signum() < 0) {
            problem(key, "不能为负数");
            return null;
        }
        BigDecimal t = d.multiply(BigDecimal.TEN);
        BigDecimal rounded = t.setScale(0, java.math.RoundingMode.HALF_UP);
        if (t.subtract(rounded).abs().compareTo(new BigDecimal("0.000001")) > 0) {
            problem(key, "最多保留一位小数（现在是 " + d.stripTrailingZeros().toPlainString() + "）");
            return null;
        }
        if (rounded.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            problem(key, "数值过大");
            return null;
        }
        return rounded.intValue();
    }

    private static String stripUnits(String s, String... units) {
        String out = s.replace(",", "").replace("，", "");
        for (String u : units) {
            if (out.endsWith(u) && out.length() > u.length()) {
                return out.substring(0, out.length() - u.length());
            }
        }
        return out;
    }

    /**
     * A date from a date cell, an Excel serial, or text (2021-03-05, 2021/3/5, 2021年3月5日, 2021.3.5, 20210305).
     * For a field that means 年月 ({@link ImportField#yearMonth()}), a year and month alone (1996-04, 1996.4,
     * 1996年4月, 199604) is accepted and stored as the 1st of that month; {@link #monthOnly} then says so.
     */
    public LocalDate date(ImportField key) {
        CellValue v = cell(key);
        if (v == null || errorCell(key, v)) {
            return null;
        }
        if (v.kind() == CellValue.Kind.NUMBER) {
            double d = v.number();
            if (v.dateFormatted() || (d >= SERIAL_MIN && d <= SERIAL_MAX && d == Math.rint(d))) {
                return toDate(d);
            }
            String plain = v.plainNumber();
            if (plain.length() == 8) {
                return parseDate(key, plain);
            }
            if (key.yearMonth() && plain.matches("\\d{4}\\.\\d")) {
                // 1992.10 typed into a number cell is kept as 1992.1: January or October cannot be told apart
                if (plain.endsWith(".1")) {
                    ambiguous.put(key, plain);
                    problem(key, "“" + plain + "”看不出是 1 月还是 10 月（Excel 把 " + plain + "0 存成了 " + plain
                            + "），请写成 " + plain.substring(0, 4) + "-01 或 " + plain.substring(0, 4) + "-10，或把该列设为“文本”格式");
                    return null;
                }
            }
            if (key.yearMonth() && (plain.matches("\\d{4}\\.\\d{1,2}") || plain.matches("\\d{6}"))) {
                return yearMonth(key, plain);
            }
            problem(key, "“" + plain + "”不是日期，请写成 2021-03-05" + (key.yearMonth() ? " 或 2021-03" : "") + " 或设为日期格式");
            return null;
        }
        String s = Texts.clean(Texts.halfWidth(v.text()));
        // "2021-03-05 00:00:00" or "2021-03-05T08:30" as some systems export
        int cut = s.indexOf(' ') > 0 && s.length() > 10 && s.substring(s.indexOf(' ') + 1).matches("\\d{1,2}:\\d{2}(:\\d{2})?")
                ? s.indexOf(' ') : s.indexOf('T') == 10 ? 10 : -1;
        if (cut > 0) {
            s = s.substring(0, cut);
        }
        if (key.yearMonth()) {
            int before = problems.size();
            LocalDate ym = yearMonth(key, s);
            if (ym != null || problems.size() > before) {
                return ym;
            }
        }
        return parseDate(key, s);
    }

    private LocalDate yearMonth(ImportField key, String s) {
        try {
            java.time.YearMonth ym = Dates.parseYearMonth(s);
            if (ym == null) {
                return null;
            }
            monthOnly.add(key);
            return ym.atDay(1);
        } catch (UserException e) {
            problem(key, e.getMessage());
            return null;
        }
    }

    /** Whether the date of {@code key} was written as a year and month only (stored as the 1st of the month). */
    public boolean monthOnly(ImportField key) {
        return monthOnly.contains(key);
    }

    /** Withdraws the problems recorded for {@code key} (when another column settles the value). */
    void clearProblems(ImportField key) {
        problems.removeIf(p -> p.field().equals(key.label()));
    }

    /** The raw text of a 1992.1-style number cell that cannot be told January from October, or null. */
    public String ambiguousMonth(ImportField key) {
        return ambiguous.get(key);
    }

    private LocalDate parseDate(ImportField key, String s) {
        try {
            return Dates.parse(s);
        } catch (UserException e) {
            problem(key, e.getMessage());
            return null;
        }
    }

    static LocalDate toDate(double serial) {
        return DateUtil.getLocalDateTime(serial, false).toLocalDate();
    }

    /** 是/否 and the usual spellings; empty → null. */
    public Boolean yesNo(ImportField key) {
        String s = text(key, 10);
        if (s == null) {
            return null;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "是", "y", "yes", "true", "1", "√", "✓", "✔", "对", "有" -> true;
            case "否", "n", "no", "false", "0", "×", "x", "不是", "无" -> false;
            default -> {
                problem(key, "“" + s + "”应填“是”或“否”");
                yield null;
            }
        };
    }

    /** Display texts of all cells of the row up to {@code width} columns (for the rejects file). */
    public List<String> displays(int width) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            out.add(row.display(c));
        }
        return out;
    }
}
