package org.taizhang.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.taizhang.common.Texts;
import org.taizhang.org.OrgService;

/**
 * The office's own words for organisation types and activity categories, matched to the ones on file. A value
 * is the same as a known name when it is written the same (spaces, full-width forms, a trailing 类/活动/工作
 * aside), has the same characters in another order (帮扶慰问 = 慰问帮扶), is a listed synonym, or — for
 * categories — holds exactly one known name whole (教育培训 → 培训) or is held whole by exactly one (教育 → 学习教育);
 * for types, spells a known one out (妇女委员会 → 妇委会). Other values are new: created when the user asks,
 * and listed before anything is written.
 */
final class Vocabulary {
    /** How a value was matched; {@code how} is empty for an exact match. */
    record Match(String known, String how) {
        boolean exact() {
            return how.isEmpty();
        }
    }

    private static final Map<String, String> CATEGORY_SYNONYMS = Map.ofEntries(
            Map.entry("学习", "学习教育"), Map.entry("理论学习", "学习教育"), Map.entry("政治学习", "学习教育"),
            Map.entry("志愿", "志愿服务"), Map.entry("志愿者服务", "志愿服务"), Map.entry("义工服务", "志愿服务"),
            Map.entry("文体", "文体活动"), Map.entry("文娱活动", "文体活动"), Map.entry("文体娱乐", "文体活动"),
            Map.entry("慰问", "慰问帮扶"), Map.entry("帮扶", "慰问帮扶"), Map.entry("走访慰问", "慰问帮扶"), Map.entry("困难帮扶", "慰问帮扶"),
            Map.entry("维权", "权益维护"), Map.entry("权益保障", "权益维护"),
            Map.entry("联谊", "联谊交友"), Map.entry("交友", "联谊交友"), Map.entry("青年交友", "联谊交友"),
            Map.entry("比赛", "竞赛"), Map.entry("技能竞赛", "竞赛"), Map.entry("技能比赛", "竞赛"),
            Map.entry("会务", "会议"), Map.entry("其它", "其他"));
    private static final Map<String, String> TYPE_SYNONYMS = Map.ofEntries(
            Map.entry("工会委员会", "工会"), Map.entry("基层工会", "工会"), Map.entry("工会联合会", "工联会"),
            Map.entry("共青团委员会", "团委"), Map.entry("团委员会", "团委"), Map.entry("共青团团委", "团委"),
            Map.entry("团支部委员会", "团支部"), Map.entry("共青团支部", "团支部"), Map.entry("团工作委员会", "团工委"),
            Map.entry("妇女联合会", "妇联"), Map.entry("妇女委员会", "妇委会"), Map.entry("青年联合会", "青联"),
            Map.entry("义工联合会", "义工联"), Map.entry("其它", "其他"));
    private static final List<String> SUFFIXES = List.of("类", "活动", "工作", "类活动");

    private Vocabulary() {
    }

    static String clean(String s) {
        String c = Texts.compactCode(s);
        return c == null ? "" : c.toLowerCase(Locale.ROOT);
    }

    private static String stripSuffix(String s) {
        for (String suf : SUFFIXES) {
            if (s.endsWith(suf) && s.length() > suf.length() + 1) {
                return s.substring(0, s.length() - suf.length());
            }
        }
        return s;
    }

    private static String sorted(String s) {
        int[] cps = s.codePoints().sorted().toArray();
        return new String(cps, 0, cps.length);
    }

    /** A category value matched to a known category name, or null when it is new. */
    static Match category(String value, List<String> known) {
        return match(value, known, CATEGORY_SYNONYMS, true);
    }

    /** A type value matched to a known type name, or null when it is new. */
    static Match type(String value, List<String> known) {
        return match(value, known, TYPE_SYNONYMS, false);
    }

    private static Match match(String value, List<String> known, Map<String, String> synonyms, boolean containment) {
        String v = clean(value);
        if (v.isEmpty()) {
            return null;
        }
        Map<String, String> byClean = new LinkedHashMap<>();
        for (String k : known) {
            byClean.putIfAbsent(clean(k), k);
        }
        if (byClean.containsKey(v)) {
            String k = byClean.get(v);
            return new Match(k, k.equals(Texts.clean(value)) ? "" : "写法不同");
        }
        String vs = stripSuffix(v);
        for (var e : byClean.entrySet()) {
            if (stripSuffix(e.getKey()).equals(vs)) {
                return new Match(e.getValue(), "去掉“类/活动/工作”后相同");
            }
        }
        String syn = synonyms.get(vs);
        if (syn != null && byClean.containsKey(syn)) {
            return new Match(byClean.get(syn), "常用别称");
        }
        if (vs.length() >= 2) {
            String vSorted = sorted(vs);
            for (var e : byClean.entrySet()) {
                String ks = stripSuffix(e.getKey());
                if (ks.length() == vs.length() && sorted(ks).equals(vSorted)) {
                    return new Match(e.getValue(), "字相同，顺序不同");
                }
            }
        }
        List<String> hits = new ArrayList<>();
        if (containment) {
            for (var e : byClean.entrySet()) {
                String ks = e.getKey();
                if (ks.length() >= 2 && !ks.equals("其他") && (vs.contains(ks) || (vs.length() >= 2 && ks.contains(vs)))) {
                    hits.add(e.getValue());
                }
            }
            // a hit held inside another hit (培训 inside 教育培训) gives way to the longer one
            List<String> outer = hits.stream().filter(h -> hits.stream().noneMatch(o -> !o.equals(h) && clean(o).contains(clean(h))))
                    .toList();
            if (outer.size() == 1) {
                String k = outer.getFirst();
                return new Match(k, clean(k).length() < vs.length() ? "包含已有类别名称" : "是已有类别的简称");
            }
        } else {
            for (var e : byClean.entrySet()) {
                if (OrgService.spellsOut(vs, e.getKey())) {
                    hits.add(e.getValue());
                }
            }
            if (hits.size() == 1) {
                return new Match(hits.getFirst(), "全称");
            }
        }
        return null;
    }

    /** "“帮扶慰问”按已有类别“慰问帮扶”（字相同，顺序不同）" */
    static String describe(String what, String value, Match m) {
        return "“" + value + "”按已有" + what + "“" + m.known() + "”导入（" + m.how() + "）";
    }

    static String join(java.util.Collection<String> names) {
        return String.join("、", names.stream().map(n -> "“" + n + "”").toList());
    }
}
