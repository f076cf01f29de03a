package org.taizhang.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.taizhang.common.Numbers;

/**
 * Small pieces of 公文 wording shared by the drafts: activity names cleaned for prose, months,
 * honour levels as sentences say them, lists joined with 、, 一是/二是 items.
 */
final class Prose {
    private Prose() {
    }

    private static final String CN_NUM = "0-9０-９一二三四五六七八九十百零〇";
    /** 「（第5期）」「(第五场)」「第3期」「（二）」「之三」「—第2场」「（3月）」 at the end of a name. */
    private static final Pattern SERIAL_TAIL = Pattern.compile(
            "(?:\\s*[（(]?\\s*(?:19|20)[0-9]{2}\\s*[-./年]\\s*[0-9]{1,2}\\s*[-./月]\\s*[0-9]{1,2}\\s*日?\\s*[）)]?"
                    + "|\\s*[（(]\\s*(?:第?[" + CN_NUM + "]+\\s*[期场次届轮批季站课讲篇]?|[" + CN_NUM + "]+月(?:份)?)\\s*[）)]"
                    + "|\\s*[-—–·_]*\\s*第[" + CN_NUM + "]+\\s*[期场次届轮批季站课讲篇]"
                    + "|\\s*之[一二三四五六七八九十]+"
                    + "|\\s*[-—–_]\\s*[" + CN_NUM + "]+)\\s*$");
    /** 「2021年」「2021年度」 at the start of a name. */
    private static final Pattern YEAR_HEAD = Pattern.compile("^\\s*(?:20|19)[0-9]{2}\\s*年度?\\s*");

    /** The name as prose uses it: serial tails and a leading year dropped, quotes made Chinese, braces made harmless. */
    static String cleanName(String name) {
        if (name == null) {
            return "";
        }
        String s = name.strip();
        String before;
        do {
            before = s;
            s = SERIAL_TAIL.matcher(s).replaceFirst("").strip();
        } while (!s.equals(before) && !s.isEmpty());
        String noYear = YEAR_HEAD.matcher(s).replaceFirst("");
        if (!noYear.isBlank()) {
            s = noYear;
        }
        return safe(chineseQuotes(s.isEmpty() ? name.strip() : s));
    }

    /** ASCII double quotes become “ ” pairs; single ones ‘ ’. */
    static String chineseQuotes(String s) {
        StringBuilder b = new StringBuilder();
        boolean dbl = true;
        boolean sgl = true;
        for (char c : s.toCharArray()) {
            if (c == '"') {
                b.append(dbl ? '“' : '”');
                dbl = !dbl;
            } else if (c == '\'') {
                b.append(sgl ? '‘' : '’');
                sgl = !sgl;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Braces would read as figure placeholders in a linked paragraph: full-width ones instead. */
    static String safe(String s) {
        return s == null ? "" : s.replace('{', '｛').replace('}', '｝').replace("\r", "").replace("\n", "");
    }

    private static final List<String> EVENT_NOUNS = List.of("活动", "赛", "会", "节", "行动", "服务", "培训", "班", "讲座", "讲堂",
            "课堂", "宣讲", "展", "演", "日", "周", "月", "营", "工程", "计划", "项目", "调研", "慰问", "学习", "教育", "走访",
            "仪式", "比武", "评选", "座谈", "沙龙", "论坛", "课", "游", "宣传", "咨询", "义诊", "帮扶", "援助", "交流", "联谊", "之旅");

    /** "学雷锋志愿服务" → as it is; "红色阅读周周汇" → as it is; "社区环境整治" → "社区环境整治活动". */
    static String asActivity(String cleanName) {
        for (String n : EVENT_NOUNS) {
            if (cleanName.endsWith(n) || cleanName.endsWith(n + "”")) {
                return cleanName;
            }
        }
        return cleanName + "活动";
    }

    /** The verb an office uses for it: 举办 a 比赛/运动会/培训班, 召开 a 会议, 开展 the rest. */
    static String verb(String cleanName) {
        String n = cleanName.replace("”", "");
        if (n.endsWith("会议") || n.endsWith("大会") || n.endsWith("例会") || n.endsWith("座谈会")) {
            return "召开";
        }
        if (n.endsWith("赛") || n.endsWith("运动会") || n.endsWith("汇演") || n.endsWith("展") || n.endsWith("展演") || n.endsWith("晚会")
                || n.endsWith("游园会") || n.endsWith("培训班") || n.endsWith("讲座") || n.endsWith("讲堂") || n.endsWith("论坛")
                || n.endsWith("联赛") || n.endsWith("分享会") || n.endsWith("报告会") || n.endsWith("交友会") || n.endsWith("联谊会")) {
            return "举办";
        }
        return "开展";
    }

    /** "3月", "3至5月", "2020年12月至2021年1月". */
    static String months(LocalDate first, LocalDate last) {
        if (first.getYear() == last.getYear()) {
            if (first.getMonthValue() == last.getMonthValue()) {
                return first.getMonthValue() + "月";
            }
            return first.getMonthValue() + "至" + last.getMonthValue() + "月";
        }
        return first.getYear() + "年" + first.getMonthValue() + "月至" + last.getYear() + "年" + last.getMonthValue() + "月";
    }

    /** "区/县级" → "区（县）级" as sentences write it. */
    static String level(String level) {
        return switch (level) {
            case "区/县级" -> "区（县）级";
            case "街道/乡镇级" -> "街道（乡镇）级";
            default -> level;
        };
    }

    /** 「“全国五四红旗团支部”称号」, 「市“十佳公益组织”称号」, 「“五一劳动奖章”」 — quotes and 称号 never doubled. */
    static String honourTitle(String title) {
        String t = chineseQuotes(safe(title.strip()));
        boolean named = t.endsWith("称号");
        if (named) {
            t = t.substring(0, t.length() - 2).strip();
        }
        String q = t.contains("“") ? t : "“" + t + "”";
        boolean award = t.endsWith("奖") || t.endsWith("奖章") || t.endsWith("勋章") || t.endsWith("奖状") || t.endsWith("奖杯");
        return award && !named ? q : q + "称号";
    }

    /**
     * 「A、B和C」: every list the drafts write goes through here or {@link #etc}, so a name is never
     * said twice — equal names are one item; with a {@code unit} an item that stands for several gets
     * its count, 「和桥社区团委（2个）」.
     */
    static String list(List<String> names) {
        return and(new Tally().addAll(names).names((String) null));
    }

    static String list(List<String> names, String unit) {
        return and(new Tally().addAll(names).names(unit));
    }

    /** 「A、B、C」 (followed by 等… in the sentence), names distinct as in {@link #list}. */
    static String etc(List<String> names) {
        return String.join("、", new Tally().addAll(names).names((String) null));
    }

    private static String and(List<String> names) {
        if (names.size() <= 1) {
            return names.isEmpty() ? "" : names.getFirst();
        }
        return String.join("、", names.subList(0, names.size() - 1)) + "和" + names.getLast();
    }

    /**
     * Names counted as they are met: several entries of one name (several activities, several
     * organisations of one name) make one item with its count, in the order first met.
     */
    static final class Tally {
        private final Map<String, Long> counts = new java.util.LinkedHashMap<>();

        Tally add(String name, long count) {
            if (name != null && !name.isBlank()) {
                counts.merge(name.strip(), Math.max(1, count), Long::sum);
            }
            return this;
        }

        Tally addAll(List<String> names) {
            names.forEach(n -> add(n, 1));
            return this;
        }

        boolean contains(String name) {
            return name != null && counts.containsKey(name.strip());
        }

        int size() {
            return counts.size();
        }

        long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        /** 「名称」 or, with a unit and a count above one, 「名称（4场）」. */
        List<String> names(String unit) {
            return names(n -> unit);
        }

        /** Each name with its own unit. */
        List<String> names(java.util.function.Function<String, String> unitOf) {
            List<String> out = new java.util.ArrayList<>();
            counts.forEach((n, c) -> {
                String unit = unitOf.apply(n);
                out.add(unit != null && c > 1 ? n + "（" + c + unit + "）" : n);
            });
            return out;
        }
    }

    /**
     * Items written as one paragraph: 「一是lead。body二是lead。body」 (no numbers and no lead when there is
     * one item). The drafts write every 一是/二是 list this way, as the reference summaries do; the Word
     * layout ({@link WordWriter}) puts items the clerk typed on lines of their own back into one paragraph.
     */
    static String items(List<String[]> leadAndBody) {
        if (leadAndBody.size() == 1) {
            return leadAndBody.getFirst()[1];
        }
        return numbered(leadAndBody.stream().map(lb -> lb[0] + lb[1]).toList());
    }

    /** 「一是A二是B」 in one paragraph; one sentence alone is not numbered. */
    static String numbered(List<String> all) {
        List<String> sentences = all.stream().filter(t -> t != null && !Numbers.stripItemNumber(t).isBlank()).toList();
        if (sentences.isEmpty()) {
            return "";
        }
        if (sentences.size() == 1) {
            return sentences.getFirst();
        }
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (String t : sentences) {
            // each item a whole sentence, so that 二是 never runs into the item before it
            b.append(Numbers.shi(++n)).append(sentence(Numbers.stripItemNumber(t)));
        }
        return b.toString();
    }

    /** Ends a sentence with 。 unless it already ends with one. */
    static String sentence(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return t;
        }
        char last = t.charAt(t.length() - 1);
        return last == '。' || last == '！' || last == '？' || last == '：' ? t : t.replaceAll("[，；、,;]+$", "") + "。";
    }

    /** A short lead phrase for a category inside a theme paragraph ("志愿服务常态长效。"). */
    static String categoryLead(String category) {
        String l = CATEGORY_LEADS.get(category);
        return (l != null ? l : category + "工作扎实推进") + "。";
    }

    private static final Map<String, String> CATEGORY_LEADS = Map.of(
            "学习教育", "理论武装持续深化", "志愿服务", "志愿服务常态长效", "文体活动", "文体活动丰富多彩", "慰问帮扶", "关爱帮扶温暖人心",
            "权益维护", "权益维护扎实有力", "联谊交友", "联谊交友搭建平台", "培训", "教育培训提升本领", "会议", "议事决策规范有序",
            "竞赛", "竞赛比武激发活力", "其他", "特色工作亮点纷呈");

    /** How a category's count is said: {verb, noun, unit} — 「开展志愿服务活动5场」「召开各类会议3次」「举办各类培训2期」. */
    static String[] countedAs(String category) {
        return switch (category) {
            case "会议" -> new String[] {"召开", "各类会议", "次"};
            case "培训" -> new String[] {"举办", "各类培训", "期"};
            case "其他" -> new String[] {"开展", "各类特色活动", "场"};
            default -> new String[] {"开展", activityNoun(category), "场"};
        };
    }

    /** "志愿服务" → "志愿服务活动"; "文体活动" stays. */
    static String activityNoun(String category) {
        return category.endsWith("活动") ? category : category + "活动";
    }
}
