package org.taizhang.common;

import java.text.Normalizer;

/** Cleaning of text typed or pasted by users: full-width forms, zero-width characters, stray spaces. */
public final class Texts {
    private Texts() {
    }

    /**
     * Removes zero-width characters and BOMs, turns ideographic/no-break spaces into plain spaces,
     * collapses runs of white space and trims. CJK characters (including Ext-B such as 𠮷) and emoji
     * are kept exactly.
     */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0x200B || cp == 0x200C || cp == 0xFEFF || cp == 0x2060) {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = b.length() > 0;
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            b.appendCodePoint(cp);
        }
        return b.toString();
    }

    /** {@link #clean} and null for empty. */
    public static String cleanOrNull(String s) {
        String c = clean(s);
        return c == null || c.isEmpty() ? null : c;
    }

    /** Full-width ASCII (０-９, Ｘ, －, ／ …) to half-width; used for numbers, ID numbers, dates, phones. */
    public static String halfWidth(String s) {
        if (s == null) {
            return null;
        }
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }

    /** Half-width, cleaned, with every kind of space removed: for codes such as ID and phone numbers. */
    public static String compactCode(String s) {
        String c = clean(halfWidth(s));
        return c == null ? null : c.replace(" ", "");
    }

    public static boolean isBlank(String s) {
        String c = clean(s);
        return c == null || c.isEmpty();
    }

    /** Length in characters as a person counts them (code points, so 𠮷 counts once). */
    public static int length(String s) {
        return s == null ? 0 : s.codePointCount(0, s.length());
    }
}
