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

    /**
     * Why {@code s} cannot be stored as a name or text, or null when it can: control characters (C0/C1, DEL)
     * and the bidirectional controls that make text display in another order than it is stored (U+202A–U+202E,
     * U+2066–U+2069, U+200E/U+200F, U+061C) — invisible, usually pasted in by accident, or used to disguise
     * a name. The joiner U+200D of emoji sequences is allowed.
     */
    public static String hiddenCharacterProblem(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isHidden(cp)) {
                return "含有看不见的控制字符（" + String.format("U+%04X", cp) + (isBidi(cp) ? "，会改变文字的显示顺序" : "")
                        + "），可能是从别处复制来的。请删除该字符（或重新输入这一项）后再保存";
            }
        }
        return null;
    }

    /** {@code s} safe to print on a terminal: control and bidi characters other than line breaks and tabs shown as {@code <U+202E>}. */
    public static String forTerminal(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            boolean hide = isHidden(cp) && cp != '\n' && cp != '\r' && cp != '\t';
            if (hide && b == null) {
                b = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (b != null) {
                if (hide) {
                    b.append(String.format("<U+%04X>", cp));
                } else {
                    b.appendCodePoint(cp);
                }
            }
            i += n;
        }
        return b == null ? s : b.toString();
    }

    private static boolean isHidden(int cp) {
        return Character.getType(cp) == Character.CONTROL || isBidi(cp);
    }

    private static boolean isBidi(int cp) {
        return cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069 || cp == 0x200E || cp == 0x200F || cp == 0x061C;
    }
}
