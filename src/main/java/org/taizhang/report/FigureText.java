package org.taizhang.report;

import org.taizhang.common.Numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text with linked figures: a template holds placeholders such as {@code {cat.2.activities}}; the
 * key's last part says how the value is written (场次 and counts exact, 人次 and 人数 in 万 when large,
 * 服务时长 from tenths of an hour).
 */
public final class FigureText {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.\\-\\u4e00-\\u9fff/]+)}");

    private FigureText() {
    }

    /** How the value of {@code key} is written in the text. */
    public static String format(String key, long value) {
        if (key.endsWith(".service")) {
            return Numbers.hours(value);
        }
        if (key.endsWith(".participants") || key.endsWith(".beneficiaries") || key.endsWith(".members")) {
            return Numbers.approx(value);
        }
        return Numbers.count(value);
    }

    public static String render(String template, Map<String, Long> figures) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            Long v = figures.get(key);
            m.appendReplacement(b, Matcher.quoteReplacement(v == null ? "0" : format(key, v)));
        }
        m.appendTail(b);
        return b.toString();
    }

    public static List<String> keys(String template) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * After the user edited a linked paragraph: if every figure of {@code template} is still in
     * {@code edited} in order, returns a new template for the edited text (the figures stay linked);
     * otherwise null (the paragraph becomes free text).
     */
    public static String retemplate(String template, Map<String, Long> figures, String edited) {
        List<String> keys = keys(template);
        StringBuilder b = new StringBuilder();
        int pos = 0;
        for (String key : keys) {
            Long v = figures.get(key);
            String shown = v == null ? "0" : format(key, v);
            int at = findNumber(edited, shown, pos);
            if (at < 0) {
                return null;
            }
            b.append(edited, pos, at).append('{').append(key).append('}');
            pos = at + shown.length();
        }
        b.append(edited.substring(pos));
        return b.toString();
    }

    /** {@code shown} at or after {@code from}, not part of a longer number. */
    private static int findNumber(String text, String shown, int from) {
        int at = text.indexOf(shown, from);
        while (at >= 0) {
            boolean before = at > 0 && isNumberChar(text.charAt(at - 1));
            int end = at + shown.length();
            boolean after = end < text.length() && isNumberChar(text.charAt(end)) && !shown.endsWith("余") && !shown.endsWith("万");
            if (!before && !after) {
                return at;
            }
            at = text.indexOf(shown, at + 1);
        }
        return -1;
    }

    private static boolean isNumberChar(char c) {
        return (c >= '0' && c <= '9') || c == '.';
    }
}
