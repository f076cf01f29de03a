package org.taizhang.common;

import java.util.regex.Pattern;
import org.taizhang.common.Texts;

/** Phone numbers: mobile (11 digits starting 1) or landline (area code + number, optional extension). */
public final class Phones {
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?|\\d{7,8}(-\\d{1,6})?");

    private Phones() {
    }

    /** Normalised phone, or throws {@link UserException} with a Chinese reason. Blank → null. */
    public static String normalise(String input) {
        String s = Texts.compactCode(input);
        if (s == null || s.isEmpty()) {
            return null;
        }
        s = s.replace("—", "-").replace("－", "-").replace("(", "").replace(")", "-").replace("+86", "");
        if (MOBILE.matcher(s).matches() || LANDLINE.matcher(s).matches()) {
            return s;
        }
        throw new UserException("“" + input.strip() + "”不是有效的电话号码（手机11位，座机如0755-12345678）");
    }

    /** 138****5678 */
    public static String mask(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone;
        }
        if (MOBILE.matcher(phone).matches()) {
            return phone.substring(0, 3) + "****" + phone.substring(7);
        }
        int n = phone.length();
        return n < 8 ? "****" + phone.substring(n - 4) : phone.substring(0, n - 8) + "****" + phone.substring(n - 4);
    }
}
