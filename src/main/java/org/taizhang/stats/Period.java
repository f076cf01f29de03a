package org.taizhang.stats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taizhang.common.Dates;
import org.taizhang.common.Texts;
import org.taizhang.common.UserException;

/**
 * A statistics period: every day from {@code from} to {@code to}, both inclusive. Factories for the
 * periods offices report on (month, quarter, 上半年, 下半年, year, custom) and {@link #previousYear()}
 * for 同比. {@link #label()} is the Chinese name used in tables and summaries ("2021年上半年").
 */
public record Period(LocalDate from, LocalDate to) {
    private static final Pattern YEAR = Pattern.compile("(\\d{4})年?");
    private static final Pattern HALF = Pattern.compile("(\\d{4})(?:H|年?(上|下)半年)([12])?", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})(?:Q|年?第?)([1-4一二三四])(?:季度)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})月?");
    private static final Pattern RANGE = Pattern.compile("(.+?)(?:至|到|~|～|\\.\\.|—)(.+)");

    public Period {
        if (from == null || to == null) {
            throw new UserException("统计时段的开始和结束日期都要填写");
        }
        if (from.isAfter(to)) {
            throw new UserException("统计时段的开始日期 " + Dates.iso(from) + " 晚于结束日期 " + Dates.iso(to) + "，请对调后再试");
        }
    }

    public static Period custom(LocalDate from, LocalDate to) {
        return new Period(from, to);
    }

    public static Period month(int year, int month) {
        YearMonth ym = YearMonth.of(year, month);
        return new Period(ym.atDay(1), ym.atEndOfMonth());
    }

    public static Period month(YearMonth ym) {
        return month(ym.getYear(), ym.getMonthValue());
    }

    /** quarter 1..4 */
    public static Period quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new UserException("季度应为 1 到 4，而不是 " + quarter);
        }
        YearMonth first = YearMonth.of(year, quarter * 3 - 2);
        return new Period(first.atDay(1), first.plusMonths(2).atEndOfMonth());
    }

    /** 上半年: 1 January – 30 June. */
    public static Period firstHalf(int year) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30));
    }

    /** 下半年: 1 July – 31 December. */
    public static Period secondHalf(int year) {
        return new Period(LocalDate.of(year, 7, 1), LocalDate.of(year, 12, 31));
    }

    public static Period year(int year) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /**
     * Parses "2021" / "2021年", "2021H1" / "2021年上半年", "2021Q3" / "2021年第三季度", "2021-05" /
     * "2021年5月", or a range "2021-01-01至2021-03-31" (full-width digits allowed).
     */
    public static Period parse(String text) {
        String s = Texts.compactCode(Texts.halfWidth(text));
        if (s == null || s.isEmpty()) {
            throw new UserException("请填写时段，如 2021年、2021年上半年、2021年第三季度、2021年5月");
        }
        Matcher m;
        if ((m = YEAR.matcher(s)).matches()) {
            return year(Integer.parseInt(m.group(1)));
        }
        if ((m = HALF.matcher(s)).matches()) {
            int y = Integer.parseInt(m.group(1));
            boolean first = m.group(2) != null ? m.group(2).equals("上") : "1".equals(m.group(3));
            if (m.group(2) == null && m.group(3) == null) {
                throw new UserException("“" + text.strip() + "”不是统计时段：半年请写 2021年上半年 或 2021年下半年");
            }
            return first ? firstHalf(y) : secondHalf(y);
        }
        if ((m = QUARTER.matcher(s)).matches()) {
            int q = "一二三四".indexOf(m.group(2)) + 1;
            return quarter(Integer.parseInt(m.group(1)), q > 0 ? q : Integer.parseInt(m.group(2)));
        }
        if ((m = MONTH.matcher(s)).matches()) {
            int mo = Integer.parseInt(m.group(2));
            if (mo < 1 || mo > 12) {
                throw new UserException("“" + text.strip() + "”中的月份 " + mo + " 不存在，应为 1 到 12");
            }
            return month(Integer.parseInt(m.group(1)), mo);
        }
        if ((m = RANGE.matcher(s)).matches()) {
            return new Period(Dates.parse(m.group(1)), Dates.parse(m.group(2)));
        }
        throw new UserException("“" + text.strip() + "”不是统计时段，请写成 2021年、2021年上半年、2021年第三季度、2021年5月，或 2021-03-01至2021-05-31");
    }

    /** The same period one year earlier (同比). A whole-month period stays whole months (Feb 29 is kept or dropped). */
    public Period previousYear() {
        return shiftYears(-1);
    }

    public Period shiftYears(int years) {
        LocalDate f = from.plusYears(years);
        LocalDate t = to.plusYears(years);
        if (to.getDayOfMonth() == to.lengthOfMonth()) {
            t = t.withDayOfMonth(t.lengthOfMonth());
        }
        return new Period(f, t);
    }

    public boolean contains(LocalDate d) {
        return d != null && !d.isBefore(from) && !d.isAfter(to);
    }

    /** Number of days, both ends counted. */
    public long days() {
        return to.toEpochDay() - from.toEpochDay() + 1;
    }

    /** Every calendar month the period touches, in order. */
    public java.util.List<YearMonth> months() {
        java.util.List<YearMonth> out = new java.util.ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    /** "2021年", "2021年上半年", "2021年第三季度", "2021年5月", or "2021年3月5日至2021年6月30日". */
    public String label() {
        int y = from.getYear();
        if (equals(year(y))) {
            return y + "年";
        }
        if (equals(firstHalf(y))) {
            return y + "年上半年";
        }
        if (equals(secondHalf(y))) {
            return y + "年下半年";
        }
        for (int q = 1; q <= 4; q++) {
            if (equals(quarter(y, q))) {
                return y + "年第" + "一二三四".charAt(q - 1) + "季度";
            }
        }
        if (equals(month(y, from.getMonthValue()))) {
            return y + "年" + from.getMonthValue() + "月";
        }
        return Dates.chinese(from) + "至" + Dates.chinese(to);
    }

    /** Short machine form: "2021", "2021H1", "2021Q3", "2021-05", or "2021-03-05..2021-06-30". */
    public String code() {
        int y = from.getYear();
        if (equals(year(y))) {
            return String.valueOf(y);
        }
        if (equals(firstHalf(y))) {
            return y + "H1";
        }
        if (equals(secondHalf(y))) {
            return y + "H2";
        }
        for (int q = 1; q <= 4; q++) {
            if (equals(quarter(y, q))) {
                return y + "Q" + q;
            }
        }
        if (equals(month(y, from.getMonthValue()))) {
            return String.format("%d-%02d", y, from.getMonthValue());
        }
        return Dates.iso(from) + ".." + Dates.iso(to);
    }

    @Override
    public String toString() {
        return label();
    }
}
