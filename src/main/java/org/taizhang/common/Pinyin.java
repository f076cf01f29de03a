package org.taizhang.common;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.pinyin4j.PinyinHelper;

/** Pinyin initials of Chinese text ("团区委" → "tqw"), cached, for search boxes. */
public final class Pinyin {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    /** Text prepared for substring search: half-width, lower case. */
    private static final Map<String, String> FOLDED = new ConcurrentHashMap<>();

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
        return matcher(query).test(text);
    }

    /** A reusable test for one query (normalises the query once; the texts' forms are cached). */
    public static java.util.function.Predicate<String> matcher(String query) {
        if (query == null || query.isBlank()) {
            return text -> true;
        }
        String q = Texts.clean(Texts.halfWidth(query)).toLowerCase(Locale.ROOT);
        boolean latin = q.chars().allMatch(c -> c < 128 && Character.isLetter(c));
        return text -> {
            if (text == null) {
                return false;
            }
            if (FOLDED.computeIfAbsent(text, t -> Texts.halfWidth(t).toLowerCase(Locale.ROOT)).contains(q)) {
                return true;
            }
            return latin && initials(text).contains(q);
        };
    }
}
