package org.taizhang.common;

import java.time.LocalDate;
import java.time.MonthDay;
import org.taizhang.common.Dates;

/** Numbers and dates the way Chinese work summaries write them: 5万余人, 7335小时, 一/二/三, 2021年6月30日. */
public final class Numbers {
    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private Numbers() {
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (1–9999). */
    public static String ordinal(int n) {
        if (n <= 0 || n > 9999) {
            throw new IllegalArgumentException("序号应在1到9999之间：" + n);
        }
        if (n < 10) {
            return DIGITS[n];
        }
        if (n < 20) {
            return "十" + (n % 10 == 0 ? "" : DIGITS[n % 10]);
        }
        String[] units = {"", "十", "百", "千"};
        String s = String.valueOf(n);
        StringBuilder b = new StringBuilder();
        boolean zero = false;
        for (int i = 0; i < s.length(); i++) {
            int d = s.charAt(i) - '0';
            int unit = s.length() - 1 - i;
            if (d == 0) {
                zero = true;
                continue;
            }
            if (zero && b.length() > 0) {
                b.append("零");
            }
            zero = false;
            b.append(DIGITS[d]).append(units[unit]);
        }
        return b.toString();
    }

    /** 一是、二是… */
    public static String shi(int n) {
        return ordinal(n) + "是";
    }

    /**
     * The one rule for figures on screen and in every table (cards, lists, totals lines, chart axes, the
     * tables of Word and Excel files): thousands separated by commas (57,612; 878; -1,234). Only running
     * prose in Word documents writes them without separators ({@link #count}) or in 万 ({@link #approx}).
     */
    public static String grouped(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** Tenths of an hour as shown on screen: 125,337.8 or 12 (no trailing .0), thousands separated. */
    public static String groupedTenths(long tenths) {
        String sign = tenths < 0 ? "-" : "";
        long t = Math.abs(tenths);
        return sign + grouped(t / 10) + (t % 10 == 0 ? "" : "." + (t % 10));
    }

    /**
     * A file size: "512 B", "12.3 KB", "4.5 MB", "1.25 GB" (binary units, a point as decimal mark in every locale).
     */
    public static String fileSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024);
        }
        return String.format(java.util.Locale.ROOT, "%.2f GB", bytes / 1024.0 / 1024 / 1024);
    }

    /** Tenths of an hour exact, without grouping, for running prose: 73355 → 7335.5, 120 → 12. */
    public static String tenths(long tenths) {
        String sign = tenths < 0 ? "-" : "";
        long t = Math.abs(tenths);
        return sign + (t / 10) + (t % 10 == 0 ? "" : "." + (t % 10));
    }

    /** Exact whole number without grouping, for running prose in documents: 7335. */
    public static String count(long n) {
        return Long.toString(n);
    }

    /**
     * Large counts as documents write them: below 10000 exact (3012); from 10000 in 万 with "余" when
     * not exact: 50000 → 5万, 53412 → 5.3万余, 50412 → 5万余, 123456 → 12万余.
     */
    public static String approx(long n) {
        if (n < 10_000) {
            return Long.toString(n);
        }
        if (n % 10_000 == 0) {
            return (n / 10_000) + "万";
        }
        if (n < 100_000) {
            long thousands = n / 1_000;
            long whole = thousands / 10;
            long tenth = thousands % 10;
            return (tenth == 0 ? Long.toString(whole) : whole + "." + tenth) + "万余";
        }
        return (n / 10_000) + "万余";
    }

    /** 服务时长 from tenths of an hour: 73350 → 7335, 75 → 7.5, 500123 → 5万余. */
    public static String hours(long tenths) {
        long whole = tenths / 10;
        if (whole >= 10_000) {
            return approx(whole);
        }
        return tenths % 10 == 0 ? Long.toString(whole) : whole + "." + (tenths % 10);
    }

    /** 2021年6月30日 */
    public static String date(LocalDate d) {
        return Dates.chinese(d);
    }

    /**
     * A date in a table of a document about {@code from..to}: 「5月4日」 when the period lies in one year
     * (the title says which), else 2021-05-04 — short, so that the date column stays narrow.
     */
    public static String tableDate(LocalDate d, LocalDate from, LocalDate to) {
        if (d == null) {
            return "";
        }
        if (from != null && to != null && from.getYear() == to.getYear() && d.getYear() == from.getYear()) {
            return d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        }
        return d.toString();
    }

    /** Tenths of an hour in a table column: thousands separated, with one decimal when {@code decimals} (7,335.0). */
    public static String groupedTenths(long tenths, boolean decimals) {
        if (!decimals) {
            return groupedTenths(tenths);
        }
        String sign = tenths < 0 ? "-" : "";
        long t = Math.abs(tenths);
        return sign + grouped(t / 10) + "." + (t % 10);
    }

    /**
     * How a period is named in a title: 2021年上半年, 2021年下半年, 2021年, 2021年第一季度, or
     * 2021年3月1日至2021年5月31日.
     */
    public static String periodTitle(LocalDate from, LocalDate to) {
        int y = from.getYear();
        if (y == to.getYear() && from.getDayOfMonth() == 1 && to.equals(to.withDayOfMonth(to.lengthOfMonth()))) {
            int m1 = from.getMonthValue();
            int m2 = to.getMonthValue();
            if (m1 == 1 && m2 == 12) {
                return y + "年";
            }
            if (m1 == 1 && m2 == 6) {
                return y + "年上半年";
            }
            if (m1 == 7 && m2 == 12) {
                return y + "年下半年";
            }
            if (m2 - m1 == 2 && (m1 - 1) % 3 == 0) {
                return y + "年第" + ordinal((m1 - 1) / 3 + 1) + "季度";
            }
            if (m1 == m2) {
                return y + "年" + m1 + "月";
            }
            return y + "年" + m1 + "—" + m2 + "月";
        }
        return date(from) + "至" + date(to);
    }

    /** How the opening sentence names the period: 上半年, 下半年, 全年, 第一季度, 3月1日至5月31日. */
    public static String periodSpoken(LocalDate from, LocalDate to) {
        String t = periodTitle(from, to);
        String y = from.getYear() + "年";
        if (t.equals(y)) {
            return "全年";
        }
        if (t.startsWith(y) && !t.contains("至")) {
            return t.substring(y.length());
        }
        if (from.getYear() == to.getYear()) {
            return MonthDay.from(from).getMonthValue() + "月" + from.getDayOfMonth() + "日至"
                    + to.getMonthValue() + "月" + to.getDayOfMonth() + "日";
        }
        return t;
    }

    private static final java.util.regex.Pattern H1 = java.util.regex.Pattern.compile("^\\s*[一二三四五六七八九十百零]+\\s*[、.．，,]\\s*");
    private static final java.util.regex.Pattern H2 = java.util.regex.Pattern.compile("^\\s*[（(]\\s*[一二三四五六七八九十百零]+\\s*[）)]\\s*");
    private static final java.util.regex.Pattern ITEM = java.util.regex.Pattern.compile(
            "^\\s*(?:[一二三四五六七八九十百零]+是[，,：:]?|[0-9０-９]+\\s*[.．、]|[（(][0-9０-９]+[）)])\\s*");

    /** "一、工作开展情况" → "工作开展情况" (a number typed by the user is not doubled). */
    public static String stripSectionNumber(String heading) {
        return heading == null ? "" : H1.matcher(heading).replaceFirst("").strip();
    }

    /** "（一）志愿服务" → "志愿服务". */
    public static String stripSubsectionNumber(String heading) {
        return heading == null ? "" : H2.matcher(heading).replaceFirst("").strip();
    }

    /** "一是加强…" / "1．加强…" → "加强…". */
    public static String stripItemNumber(String text) {
        return text == null ? "" : ITEM.matcher(text).replaceFirst("");
    }
}
