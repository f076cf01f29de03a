package org.taizhang.activity;

import static org.taizhang.db.jooq.Tables.ACTIVITY;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The text part of an activity filter: every word must appear in the name, the place or the description
 * (a plain substring, ASCII letters in any case — what {@code LIKE '%word%'} finds).
 *
 * <p>The FTS5 trigram index {@code activity_fts} (migration V080) narrows the rows first, so a search does
 * not read a million activities: a word of three or more characters must have all its trigrams in the row,
 * a two-character word must start one of the row's trigrams (every indexed value ends with U+001F, so even a
 * word at the end of a value does; the trigrams are found in the index's term list {@code activity_fts_row}).
 * The index folds case and, stored with {@code detail=none}, does not know where a trigram sits, so it may
 * let through a row that does not hold the word: the {@code LIKE} test is applied on top (except for a word of two
 * or three characters without ASCII letters, e.g. Chinese, where the index match is the word itself), and
 * the result is exactly the scan's. One-character words, and two-character words with letters whose case
 * folding the index may do differently, are left to the {@code LIKE} test alone.
 */
final class TextSearch {
    /** Highest code point: an upper bound for "every term that starts with …". */
    private static final String MAX_CHAR = new String(Character.toChars(Character.MAX_CODE_POINT));

    private TextSearch() {
    }

    /** The condition for a cleaned query (words separated by single spaces), index first. */
    static Condition matching(String query) {
        return matching(query, false);
    }

    /**
     * @param probe write the index test so that SQLite cannot look the matching rows up by id
     *     ({@code id + 0 IN …}): it then walks another index (the date index, in date order) and tests each
     *     entry against the set of matching ids, which stops after one page when the word is common
     */
    static Condition matching(String query, boolean probe) {
        // one MATCH expression for all indexed words, built in SQL: FTS5 intersects the term lists itself
        List<Field<String>> parts = new ArrayList<>();
        Set<String> trigrams = new LinkedHashSet<>();
        Condition recheck = DSL.trueCondition();
        for (String word : query.split(" ")) {
            int[] cps = word.codePoints().toArray();
            boolean known = caseless(cps);
            if (cps.length >= 3) {
                for (int i = 0; i + 3 <= cps.length; i++) {
                    trigrams.add(new String(cps, i, 3));
                }
            } else if (cps.length == 2 && known) {
                String prefix = word.toLowerCase(Locale.ROOT);
                parts.add(DSL.field("('(' || (SELECT coalesce(group_concat('\"' || replace(term, '\"', '\"\"') || '\"', ' OR '), "
                        + "'\"' || char(31, 31, 31) || '\"') FROM activity_fts_row WHERE term >= {0} AND term < {1}) || ')')",
                        String.class, DSL.val(prefix), DSL.val(prefix + MAX_CHAR)));
            }
            // the index alone decides for a word of two or three characters without ASCII letters (Chinese,
            // digits, signs): its trigram, or the trigrams it starts, is the word itself and case plays no part
            boolean exact = (cps.length == 2 || cps.length == 3) && known
                    && word.chars().noneMatch(ch -> ch < 0x80 && Character.isLetter(ch));
            if (!exact) {
                recheck = recheck.and(scan(word));
            }
        }
        if (!trigrams.isEmpty()) {
            StringBuilder match = new StringBuilder();
            for (String t : trigrams) {
                match.append(match.isEmpty() ? "" : " AND ").append('"').append(t.replace("\"", "\"\"")).append('"');
            }
            parts.addFirst(DSL.val(match.toString()));
        }
        if (parts.isEmpty()) {
            return recheck;
        }
        Field<String> expr = parts.getFirst();
        for (Field<String> p : parts.subList(1, parts.size())) {
            expr = DSL.field("({0} || ' AND ' || {1})", String.class, expr, p);
        }
        return DSL.condition("{0} IN (SELECT rowid FROM activity_fts WHERE activity_fts MATCH {1})",
                probe ? ACTIVITY.ID.plus(DSL.inline(0)) : ACTIVITY.ID, expr).and(recheck);
    }

    /** How a search uses the index: which rows SQLite reads first. */
    enum Plan {
        /** look the index's matches up by id (the word narrows the most) */
        SEEK,
        /** walk another index (date order) and test each entry against the index's matches */
        PROBE,
        /** do not use the index: the word is in so many activities that the other filters narrow more */
        SCAN
    }

    /**
     * How many activities the index lets through for this cleaned query, at most (read from the index's term
     * list {@code activity_fts_row}, no rows are read): the smallest over its indexed words, a word counted
     * by its rarest trigram or, for two characters, by the trigrams it starts. -1 when no word is indexed.
     */
    static long estimate(DSLContext ctx, String query) {
        long best = -1;
        for (String word : query.split(" ")) {
            int[] cps = word.codePoints().toArray();
            long n;
            if (cps.length >= 3) {
                n = Long.MAX_VALUE;
                for (int i = 0; i + 3 <= cps.length; i++) {
                    // the index folds case; a trigram it spells differently is only missed here (estimate 0)
                    Long c = ctx.fetchValue(DSL.field("(SELECT max(doc) FROM activity_fts_row WHERE term = {0})",
                            Long.class, DSL.val(new String(cps, i, 3).toLowerCase(Locale.ROOT))));
                    n = Math.min(n, c == null ? 0 : c);
                }
            } else if (cps.length == 2 && caseless(cps)) {
                String prefix = word.toLowerCase(Locale.ROOT);
                Long c = ctx.fetchValue(DSL.field("(SELECT sum(doc) FROM activity_fts_row WHERE term >= {0} AND term < {1})",
                        Long.class, DSL.val(prefix), DSL.val(prefix + MAX_CHAR)));
                n = c == null ? 0 : c;
            } else {
                continue;
            }
            best = best < 0 ? n : Math.min(best, n);
        }
        return best;
    }

    /** The plain test, row by row (the search before the index): every word in the name, place or description. */
    static Condition scan(String query) {
        Condition c = DSL.trueCondition();
        for (String word : query.split(" ")) {
            c = c.and(ACTIVITY.NAME.contains(word).or(ACTIVITY.PLACE.contains(word)).or(ACTIVITY.DESCRIPTION.contains(word)));
        }
        return c;
    }

    /**
     * True when the index's case folding of these characters is known: ASCII (lower-cased here as there)
     * or characters without case (Chinese, digits, punctuation).
     */
    private static boolean caseless(int[] cps) {
        for (int cp : cps) {
            if (cp < 0x80) {
                continue;
            }
            if (Character.toLowerCase(cp) != cp || Character.toUpperCase(cp) != cp || Character.toTitleCase(cp) != cp) {
                return false;
            }
        }
        return true;
    }
}
