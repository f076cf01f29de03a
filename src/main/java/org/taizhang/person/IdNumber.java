package org.taizhang.person;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;
import org.taizhang.common.Texts;
import org.taizhang.common.UserException;

/**
 * An 18-digit 公民身份号码 (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence
 * (odd = male), and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
public record IdNumber(String value, LocalDate birthDate, String gender) {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    /** First two digits: provinces, autonomous regions, municipalities, Taiwan, Hong Kong, Macao. */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82", "83");

    /** Thrown with the reason in Chinese. */
    public static final class InvalidIdNumberException extends UserException {
        public InvalidIdNumberException(String message) {
            super(message);
        }
    }

    /**
     * Validates and normalises (full-width digits, spaces, lowercase x). Birth dates after
     * {@code today} are rejected.
     */
    public static IdNumber parse(String input, LocalDate today) {
        String s = Texts.compactCode(input);
        if (s == null || s.isEmpty()) {
            throw new InvalidIdNumberException("身份证号为空");
        }
        s = s.toUpperCase(java.util.Locale.ROOT);
        if (s.length() == 15 && s.chars().allMatch(Character::isDigit)) {
            throw new InvalidIdNumberException("这是15位旧身份证号，请填写18位公民身份号码");
        }
        if (s.length() != 18) {
            throw new InvalidIdNumberException("身份证号应为18位，现在是" + s.length() + "位");
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') {
                throw new InvalidIdNumberException("身份证号第" + (i + 1) + "位“" + s.charAt(i) + "”不是数字");
            }
        }
        char last = s.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            throw new InvalidIdNumberException("身份证号最后一位只能是数字或X");
        }
        if (!PROVINCES.contains(s.substring(0, 2))) {
            throw new InvalidIdNumberException("身份证号前两位“" + s.substring(0, 2) + "”不是有效的省级行政区划代码");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidIdNumberException("身份证号中的出生日期“" + s.substring(6, 14) + "”不存在");
        }
        if (birth.getYear() < 1900 || (today != null && birth.isAfter(today))) {
            throw new InvalidIdNumberException("身份证号中的出生日期" + birth + "不合理");
        }
        char expected = checkChar(s.substring(0, 17));
        if (last != expected) {
            throw new InvalidIdNumberException("身份证号校验位不对（最后一位应为" + expected + "，填的是" + last + "），请核对是否抄错");
        }
        String gender = (s.charAt(16) - '0') % 2 == 1 ? "男" : "女";
        return new IdNumber(s, birth, gender);
    }

    /** The check character for the first 17 digits. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** 440304********1234 */
    public String masked() {
        return mask(value);
    }

    public static String mask(String id) {
        if (id == null || id.length() < 10) {
            return id;
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    /** Age in whole years on {@code date}. */
    public int ageOn(LocalDate date) {
        return java.time.Period.between(birthDate, date).getYears();
    }
}
