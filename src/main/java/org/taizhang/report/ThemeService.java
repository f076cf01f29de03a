package org.taizhang.report;

import static org.taizhang.db.jooq.Tables.ACTIVITY_CATEGORY;
import static org.taizhang.db.jooq.Tables.SUMMARY_THEME;
import static org.taizhang.db.jooq.Tables.SUMMARY_THEME_CATEGORY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.taizhang.common.Numbers;
import org.taizhang.common.Texts;
import org.taizhang.common.ValidationException;
import org.taizhang.db.ChangeLog;
import org.taizhang.db.Database;
import org.taizhang.db.jooq.tables.records.SummaryThemeRecord;

/**
 * The office's themes for 一、工作开展情况: each activity category is mapped to one theme (「坚持思想引领，…」),
 * the mapping is stored in the database and reused by every summary. A theme may also carry the
 * period's honours and/or the organisation work. Categories without a mapping go to the theme of
 * the category 其他 (or, when that has none either, get a theme of their own in the draft).
 */
public final class ThemeService {
    public static final String F_HEADING = "主题标题";
    public static final String F_LEAD = "开头语";
    public static final String F_CATEGORY = "活动类别";
    public static final String F_THEME = "主题";
    private static final int MAX_HEADING = 40;
    private static final int MAX_LEAD = 200;

    /** One theme with the categories mapped to it (category id → name, in category order). */
    public record Theme(int id, String heading, String lead, int sortOrder, boolean withHonors, boolean withOrgWork,
                        Map<Integer, String> categories) {
        public Theme {
            categories = categories == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(categories));
        }

        @Override
        public String toString() {
            return heading;
        }
    }

    /** What the clerk can set on a theme. */
    public record ThemeInput(String heading, String lead, boolean withHonors, boolean withOrgWork) {
    }

    private final Database db;

    public ThemeService(Database db) {
        this.db = db;
    }

    /** Every theme in its order, with its categories. */
    public List<Theme> themes() {
        return db.read(ThemeService::themes);
    }

    static List<Theme> themes(DSLContext ctx) {
        Map<Integer, Map<Integer, String>> cats = new LinkedHashMap<>();
        ctx.select(SUMMARY_THEME_CATEGORY.THEME_ID, ACTIVITY_CATEGORY.ID, ACTIVITY_CATEGORY.NAME).from(SUMMARY_THEME_CATEGORY)
                .join(ACTIVITY_CATEGORY).on(ACTIVITY_CATEGORY.ID.eq(SUMMARY_THEME_CATEGORY.CATEGORY_ID))
                .orderBy(ACTIVITY_CATEGORY.SORT_ORDER, ACTIVITY_CATEGORY.ID)
                .forEach(r -> cats.computeIfAbsent(r.value1(), k -> new LinkedHashMap<>()).put(r.value2(), r.value3()));
        List<Theme> out = new ArrayList<>();
        for (SummaryThemeRecord t : ctx.selectFrom(SUMMARY_THEME).orderBy(SUMMARY_THEME.SORT_ORDER, SUMMARY_THEME.ID).fetch()) {
            out.add(new Theme(t.getId(), t.getHeading(), t.getLead(), t.getSortOrder(), Boolean.TRUE.equals(t.getWithHonors()),
                    Boolean.TRUE.equals(t.getWithOrgWork()), cats.get(t.getId())));
        }
        return out;
    }

    /** Category names without a theme (they are written under the theme of 其他). */
    public List<String> unmapped() {
        return db.read(ctx -> ctx.select(ACTIVITY_CATEGORY.NAME).from(ACTIVITY_CATEGORY)
                .where(ACTIVITY_CATEGORY.ID.notIn(ctx.select(SUMMARY_THEME_CATEGORY.CATEGORY_ID).from(SUMMARY_THEME_CATEGORY)))
                .orderBy(ACTIVITY_CATEGORY.SORT_ORDER, ACTIVITY_CATEGORY.ID).fetch(ACTIVITY_CATEGORY.NAME));
    }

    /** The theme named by "#id", its position ("2"), or its heading. */
    public Theme find(String theme) {
        return db.read(ctx -> theme(ctx, theme));
    }

    /** Maps the category (name or id) to the theme (heading, "#id", or its position "2"); returns the theme. */
    public Theme assign(String category, String theme) {
        return db.tx(ctx -> {
            int catId = category(ctx, category);
            Theme target = theme(ctx, theme);
            int themeId = target.id();
            var old = ctx.fetchOne(SUMMARY_THEME_CATEGORY, SUMMARY_THEME_CATEGORY.CATEGORY_ID.eq(catId));
            if (old == null) {
                var rec = ctx.newRecord(SUMMARY_THEME_CATEGORY);
                rec.setCategoryId(catId);
                rec.setThemeId(themeId);
                rec.store();
                ChangeLog.insert(ctx, "summary_theme_category", catId, rec);
            } else if (old.getThemeId() != themeId) {
                var before = old.copy();
                old.setThemeId(themeId);
                old.update();
                ChangeLog.update(ctx, "summary_theme_category", catId, before, old);
            }
            return target;
        });
    }

    /** Adds a theme at the end; returns its id. */
    public int add(ThemeInput in) {
        return db.tx(ctx -> {
            SummaryThemeRecord rec = ctx.newRecord(SUMMARY_THEME);
            fill(ctx, rec, in, null);
            Integer max = ctx.select(org.jooq.impl.DSL.max(SUMMARY_THEME.SORT_ORDER)).from(SUMMARY_THEME).fetchOne(0, Integer.class);
            rec.setSortOrder(max == null ? 1 : max + 1);
            rec.store();
            ChangeLog.insert(ctx, "summary_theme", rec.getId(), rec);
            return rec.getId();
        });
    }

    /** Changes a theme's heading, opening sentence and what it carries. */
    public void edit(String theme, ThemeInput in) {
        db.txRun(ctx -> {
            SummaryThemeRecord rec = ctx.fetchOne(SUMMARY_THEME, SUMMARY_THEME.ID.eq(theme(ctx, theme).id()));
            SummaryThemeRecord before = rec.copy();
            fill(ctx, rec, in, rec.getId());
            rec.update();
            ChangeLog.update(ctx, "summary_theme", rec.getId(), before, rec);
        });
    }

    /** Moves a theme one place up (−1) or down (+1). */
    public void move(String theme, int delta) {
        db.txRun(ctx -> {
            List<Theme> all = themes(ctx);
            Theme t = theme(ctx, theme);
            int i = indexOf(all, t.id());
            int j = i + Integer.signum(delta);
            if (j < 0 || j >= all.size()) {
                return;
            }
            List<Theme> order = new ArrayList<>(all);
            order.set(i, all.get(j));
            order.set(j, t);
            for (int k = 0; k < order.size(); k++) {
                ctx.update(SUMMARY_THEME).set(SUMMARY_THEME.SORT_ORDER, k + 1).where(SUMMARY_THEME.ID.eq(order.get(k).id())).execute();
            }
        });
    }

    /** Removes a theme; its categories go to {@code moveTo} (or, null, become unmapped: written under 其他's theme). */
    public void delete(String theme, String moveTo) {
        db.txRun(ctx -> {
            Theme t = theme(ctx, theme);
            Integer target = moveTo == null ? null : theme(ctx, moveTo).id();
            if (target != null && target == t.id()) {
                throw new ValidationException(F_THEME, "不能把主题的类别移到它自己名下");
            }
            if (target != null) {
                ctx.update(SUMMARY_THEME_CATEGORY).set(SUMMARY_THEME_CATEGORY.THEME_ID, target)
                        .where(SUMMARY_THEME_CATEGORY.THEME_ID.eq(t.id())).execute();
            }
            SummaryThemeRecord rec = ctx.fetchOne(SUMMARY_THEME, SUMMARY_THEME.ID.eq(t.id()));
            rec.delete();
            ChangeLog.delete(ctx, "summary_theme", t.id(), rec);
        });
    }

    private static void fill(DSLContext ctx, SummaryThemeRecord rec, ThemeInput in, Integer self) {
        String heading = Texts.cleanOrNull(in.heading());
        if (heading != null) {
            heading = Numbers.stripSubsectionNumber(Numbers.stripSectionNumber(heading));
        }
        if (heading == null || heading.isEmpty()) {
            throw new ValidationException(F_HEADING, "主题标题不能为空，如“坚持思想引领，引导群众听党话跟党走”");
        }
        if (Texts.length(heading) > MAX_HEADING) {
            throw new ValidationException(F_HEADING, "主题标题不能超过 " + MAX_HEADING + " 个字（现在 " + Texts.length(heading) + " 个）");
        }
        String key = normal(heading);
        for (SummaryThemeRecord other : ctx.selectFrom(SUMMARY_THEME).fetch()) {
            if ((self == null || other.getId().intValue() != self) && normal(other.getHeading()).equals(key)) {
                throw new ValidationException(F_HEADING, "已有主题“" + other.getHeading() + "”，同一个标题不能出现两次");
            }
        }
        String lead = Texts.cleanOrNull(in.lead());
        if (lead != null && Texts.length(lead) > MAX_LEAD) {
            throw new ValidationException(F_LEAD, "开头语不能超过 " + MAX_LEAD + " 个字（现在 " + Texts.length(lead) + " 个）");
        }
        if (lead != null && !lead.matches(".*[。！]$")) {
            lead = lead + "。";
        }
        rec.setHeading(heading);
        rec.setLead(lead);
        rec.setWithHonors(in.withHonors());
        rec.setWithOrgWork(in.withOrgWork());
    }

    /** Headings compared without punctuation and spaces: 「坚持思想引领，…」 and 「坚持思想引领…」 are one heading. */
    static String normal(String heading) {
        return heading == null ? "" : Texts.halfWidth(heading).replaceAll("[\\p{P}\\p{Z}\\s]", "");
    }

    private static int indexOf(List<Theme> all, int id) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    /** A theme by "#id", its position ("2" = the second), or its heading (or the start of it). */
    private static Theme theme(DSLContext ctx, String text) {
        List<Theme> all = themes(ctx);
        String t = Texts.cleanOrNull(text);
        if (t == null) {
            throw new ValidationException(F_THEME, "请指定主题（标题、#编号或序号）");
        }
        t = Texts.halfWidth(t);
        if (t.matches("#\\d{1,9}")) {
            int id = Integer.parseInt(t.substring(1));
            return all.stream().filter(x -> x.id() == id).findFirst()
                    .orElseThrow(() -> new ValidationException(F_THEME, "没有编号为 #" + id + " 的主题，请用 summary theme list 查看"));
        }
        if (t.matches("\\d{1,3}")) {
            int n = Integer.parseInt(t);
            if (n < 1 || n > all.size()) {
                throw new ValidationException(F_THEME, "主题序号应在 1 到 " + all.size() + " 之间，而不是 " + n);
            }
            return all.get(n - 1);
        }
        String key = normal(t);
        List<Theme> hits = all.stream().filter(x -> normal(x.heading()).equals(key)).toList();
        if (hits.isEmpty()) {
            hits = all.stream().filter(x -> normal(x.heading()).startsWith(key)).toList();
        }
        if (hits.size() == 1) {
            return hits.getFirst();
        }
        if (hits.isEmpty()) {
            throw new ValidationException(F_THEME, "没有标题为“" + text.strip() + "”的主题，请用 summary theme list 查看");
        }
        throw new ValidationException(F_THEME, "“" + text.strip() + "”对应多个主题，请写全标题或用 #编号");
    }

    private static int category(DSLContext ctx, String text) {
        String t = Texts.cleanOrNull(text);
        if (t == null) {
            throw new ValidationException(F_CATEGORY, "请指定活动类别");
        }
        t = Texts.halfWidth(t);
        Integer id = t.matches("#?\\d{1,9}")
                ? ctx.select(ACTIVITY_CATEGORY.ID).from(ACTIVITY_CATEGORY).where(ACTIVITY_CATEGORY.ID.eq(Integer.parseInt(t.replace("#", ""))))
                        .fetchOne(ACTIVITY_CATEGORY.ID)
                : ctx.select(ACTIVITY_CATEGORY.ID).from(ACTIVITY_CATEGORY).where(ACTIVITY_CATEGORY.NAME.eq(t)).fetchOne(ACTIVITY_CATEGORY.ID);
        if (id == null) {
            throw new ValidationException(F_CATEGORY, "没有活动类别“" + text.strip() + "”，可用 activity categories 查看");
        }
        return id;
    }
}
