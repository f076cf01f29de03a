package org.taizhang.common;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.pinyin4j.PinyinHelper;

/** Pinyin initials of Chinese text ("团区委" → "tqw"), cached, for search boxes. */
public final class Pinyin {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Pinyin() {
    }

    public static String initials(String text) {
        if (text == null) {
            return "";
        }
        return CACHE.computeIfAbsent(text, Pinyin::compute);
    }

    private static String compute(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp < 0x10000) {
                String[] py = PinyinHelper.toHanyuPinyinStringArray((char) cp);
                if (py != null && py.length > 0 && !py[0].isEmpty()) {
                    b.append(py[0].charAt(0));
                    return;
                }
            }
            if (cp < 128 && Character.isLetterOrDigit(cp)) {
                b.append(Character.toLowerCase((char) cp));
            }
        });
        return b.toString();
    }

    /**
     * Whether {@code text} matches a search {@code query}: a substring of the text (ignoring case and
     * full-width forms), or, for an all-ASCII-letter query, a substring of the pinyin initials.
     */
    public static boolean matches(String text, String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        if (text == null) {
            return false;
        }
        String q = Texts.clean(Texts.halfWidth(query)).toLowerCase(Locale.ROOT);
        if (Texts.halfWidth(text).toLowerCase(Locale.ROOT).contains(q)) {
            return true;
        }
        return q.chars().allMatch(c -> c < 128 && Character.isLetter(c)) && initials(text).contains(q);
    }
}
