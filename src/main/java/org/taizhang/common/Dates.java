package org.taizhang.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as offices write them: 2021-03-05, 2021/3/5, 2021.3.5, 2021年3月5日, 20210305, full-width digits. */
public final class Dates {
    private static final Pattern YMD = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern YM = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?(份)?");
    private static final Pattern YM_COMPACT = Pattern.compile("(\\d{4})(\\d{2})");

    private Dates() {
    }

    /** Parses a date; throws {@link UserException} with a Chinese reason. Null/blank → null. */
    public static LocalDate parse(String text) {
        String s = Texts.compactCode(text);
        if (s == null || s.isEmpty()) {
            return null;
        }
        Matcher m = YMD.matcher(s);
        if (!m.matches()) {
            m = COMPACT.matcher(s);
            if (!m.matches()) {
                throw new UserException("“" + text.strip() + "”不是日期，请写成 2021-03-05 或 2021年3月5日");
            }
        }
        int y = Integer.parseInt(m.group(1));
        int mo = Integer.parseInt(m.group(2));
        int d = Integer.parseInt(m.group(3));
        try {
            return LocalDate.of(y, mo, d);
        } catch (DateTimeException e) {
            throw new UserException("日期“" + text.strip() + "”不存在（" + y + "年没有" + mo + "月" + d + "日）");
        }
    }

    /**
     * A year and month alone, as offices write 出生年月 or 换届时间: 1996-04, 1996.4, 1996/04, 1996年4月, 199604
     * (full-width digits too). Null when the text is not written as a year and month (it may still be a full
     * date); an impossible month (1990年13月) throws {@link UserException} with a Chinese reason.
     */
    public static java.time.YearMonth parseYearMonth(String text) {
        String s = Texts.compactCode(text);
        if (s == null || s.isEmpty()) {
            return null;
        }
        Matcher m = YM.matcher(s);
        if (!m.matches()) {
            m = YM_COMPACT.matcher(s);
            if (!m.matches()) {
                return null;
            }
        }
        int y = Integer.parseInt(m.group(1));
        int mo = Integer.parseInt(m.group(2));
        if (mo < 1 || mo > 12) {
            throw new UserException("“" + text.strip() + "”的月份不存在（月份应为 1 到 12）");
        }
        return java.time.YearMonth.of(y, mo);
    }

    /** 2021年6月30日 */
    public static String chinese(LocalDate d) {
        return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** A moment in tables and lists: "2021-06-30 14:05" (to the minute). */
    public static String dateTime(java.time.LocalDateTime t) {
        return t == null ? "" : iso(t.toLocalDate()) + " " + String.format(java.util.Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }

    /** A date in tables, lists and fields: "2021-06-30". Prose writes {@link #chinese}. */
    public static String iso(LocalDate d) {
        return d == null ? "" : d.format(DateTimeFormatter.ISO_LOCAL_DATE);
    }

    /**
     * A span of days as lists and tables show it, short enough for a date column: 2026-12-08 for one day,
     * 2026-12-08—12-10 within a year, 2026-12-30—2027-01-02 across years. An open end is left blank
     * (2026-12-08— or —2026-12-10).
     */
    public static String isoRange(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return "";
        }
        if (from == null || to == null) {
            return iso(from) + "—" + iso(to);
        }
        if (to.equals(from)) {
            return iso(from);
        }
        return iso(from) + "—" + (to.getYear() == from.getYear() ? iso(to).substring(5) : iso(to));
    }
}
