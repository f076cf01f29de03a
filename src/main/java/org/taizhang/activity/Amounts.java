package org.taizhang.activity;

import java.math.BigDecimal;
import org.taizhang.common.Texts;
import org.taizhang.common.UserException;

/**
 * Numbers as people type them: full-width digits (１２０), thousands separators (1,200), a trailing
 * unit (120人次, 3.5小时). 服务时长 is kept in tenths of an hour so that sums are exact; it is read and
 * shown with one decimal.
 */
public final class Amounts {
    private Amounts() {
    }

    private static String strip(String text, String... units) {
        String s = Texts.compactCode(text);
        if (s == null || s.isEmpty()) {
            return null;
        }
        s = s.replace(",", "").replace("，", "");
        for (String u : units) {
            if (s.endsWith(u)) {
                s = s.substring(0, s.length() - u.length());
                break;
            }
        }
        return s;
    }

    /** A whole number ≥ 0; blank → null; throws {@link UserException} with a Chinese reason. */
    public static Integer parseCount(String text) {
        String s = strip(text, "人次", "人", "次", "户", "名");
        if (s == null) {
            return null;
        }
        if (s.startsWith("-")) {
            throw new UserException("不能是负数（“" + text.strip() + "”）");
        }
        if (!s.matches("\\d+")) {
            if (s.matches("\\d+\\.\\d*")) {
                throw new UserException("应为整数（“" + text.strip() + "”）");
            }
            throw new UserException("“" + text.strip() + "”不是数字，请填写整数，如 120");
        }
        if (s.length() > 9) {
            throw new UserException("数字太大（“" + text.strip() + "”）");
        }
        return Integer.parseInt(s);
    }

    /** Hours with at most one decimal → tenths; blank → null; throws {@link UserException}. */
    public static Integer parseHours(String text) {
        String s = strip(text, "小时", "个小时", "时", "h", "H");
        if (s == null) {
            return null;
        }
        if (s.startsWith("-")) {
            throw new UserException("不能是负数（“" + text.strip() + "”）");
        }
        if (!s.matches("\\d+(\\.\\d*)?|\\.\\d+")) {
            throw new UserException("“" + text.strip() + "”不是数字，请填写小时数，如 2.5");
        }
        BigDecimal d = new BigDecimal(s.endsWith(".") ? s + "0" : s.startsWith(".") ? "0" + s : s).stripTrailingZeros();
        if (d.scale() > 1) {
            throw new UserException("最多保留一位小数（“" + text.strip() + "”），如 2.5");
        }
        BigDecimal tenths = d.movePointRight(1);
        if (tenths.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new UserException("数字太大（“" + text.strip() + "”）");
        }
        return tenths.intValueExact();
    }

    /** Tenths of an hour with thousands separators → "12,345.5", for totals shown to people. */
    public static String hoursGrouped(long tenths) {
        return org.taizhang.common.Numbers.groupedTenths(tenths);
    }

    /** Tenths of an hour → "12.5", "3.0". */
    public static String hours(long tenths) {
        String sign = tenths < 0 ? "-" : "";
        long t = Math.abs(tenths);
        return sign + (t / 10) + "." + (t % 10);
    }
}
