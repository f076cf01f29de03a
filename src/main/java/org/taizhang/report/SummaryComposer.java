package org.taizhang.report;

import org.taizhang.stats.SummaryFigures;

import org.taizhang.common.Numbers;

import static org.taizhang.db.jooq.Tables.ACTIVITY;
import static org.taizhang.db.jooq.Tables.ACTIVITY_CATEGORY;
import static org.taizhang.db.jooq.Tables.HONOR;
import static org.taizhang.db.jooq.Tables.ORG;
import static org.taizhang.db.jooq.Tables.PERSON;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.impl.DSL;
import org.taizhang.common.Dates;
import org.taizhang.common.ValidationException;
import org.taizhang.db.Database;
import org.taizhang.org.Subtree;
import org.taizhang.plan.ItemFields;
import org.taizhang.plan.Plan;
import org.taizhang.plan.PlanNode;
import org.taizhang.plan.PlanOutline;
import org.taizhang.plan.PlanService;
import org.taizhang.report.SummaryContent.Para;
import org.taizhang.report.SummaryContent.Part;
import org.taizhang.stats.HonorTable;
import org.taizhang.stats.OrgWork;
import org.taizhang.stats.Period;
import org.taizhang.stats.Row;
import org.taizhang.stats.StatsService;
import org.taizhang.stats.Totals;

/**
 * Drafts 工作总结 / 工作计划 / 总结+计划 for an organisation subtree and period: 一、工作开展情况 with
 * an opening and one （一）（二）… per activity category whose figures come from {@link StatsService}
 * (so they equal the statistics tab), honours and organisation-work paragraphs; 二、存在问题 kept from
 * the last saved summary; 三、下一步工作计划 from the plan editor. Refreshes linked figures and turns a
 * draft into a {@link ReportDocument}.
 */
public final class SummaryComposer {
    public static final String WORK = "work";
    public static final String PROBLEMS = "problems";
    public static final String NEXT = "plan";
    public static final String PROBLEMS_HINT = "（请在此填写存在的问题和不足，如：基层组织活力有待增强，志愿服务常态化机制有待完善等。）";
    public static final String NO_PLAN_HINT = "（尚未编写下一阶段工作计划。请在“工作计划”页编写后重新生成，或直接在此填写。）";
    public static final List<String> APPENDIX_KINDS = List.of("stats", "honors", "activities");
    private static final int APPENDIX_ROWS = 500;

    private final Database db;
    private final StatsService stats;
    private final PlanService plans;
    private final SummaryService saved;
    private final Clock clock;

    public SummaryComposer(Database db) {
        this(db, Clock.systemDefaultZone());
    }

    public SummaryComposer(Database db, Clock clock) {
        this.db = db;
        this.stats = new StatsService(db, clock);
        this.plans = new PlanService(db);
        this.saved = new SummaryService(db);
        this.clock = clock;
    }

    // ------------------------------------------------------------------ figures

    /** The figures of a subtree and period, all from the statistics service. */
    public record Figures(Totals totals, List<Row> byCategory, HonorTable honors, OrgWork orgWork) {
    }

    public Figures figures(int orgId, LocalDate from, LocalDate to) {
        Period p = Period.custom(from, to);
        return new Figures(stats.totals(orgId, p), SummaryFigures.byCategory(db, orgId, from, to), stats.honors(orgId, p),
                stats.orgWork(orgId, p, StatsService.DEFAULT_MONTHS));
    }

    /** Every figure as key → value (hours in tenths). */
    public static Map<String, Long> figureMap(Figures f) {
        Map<String, Long> m = new LinkedHashMap<>();
        putTotals(m, "total", f.totals());
        for (Row r : f.byCategory()) {
            putTotals(m, "cat." + r.id(), r.totals());
        }
        m.put("honor.total", f.honors().total());
        for (HonorTable.Cell c : f.honors().cells()) {
            m.put("honor." + c.level() + "." + c.kind(), c.count());
        }
        m.put("org.elections", f.orgWork().electionsHeld().current());
        m.put("org.founded", f.orgWork().founded().current());
        m.put("org.members", f.orgWork().membersAtEnd());
        m.put("org.joined", f.orgWork().joined());
        return m;
    }

    private static void putTotals(Map<String, Long> m, String prefix, Totals t) {
        m.put(prefix + ".activities", t.activities());
        m.put(prefix + ".participants", t.participants());
        m.put(prefix + ".service", t.serviceTenths());
        m.put(prefix + ".beneficiaries", t.beneficiaries());
    }

    // ------------------------------------------------------------------ drafting

    /**
     * Drafts a new summary. {@code planId} picks the plan for 三、下一步工作计划 (or the whole 工作计划);
     * null picks the organisation's plan for the next period, else the latest one overlapping this period.
     */
    public SummaryContent draft(int orgId, LocalDate from, LocalDate to, SummaryTemplate template, Integer planId) {
        if (from == null || to == null) {
            throw new ValidationException("时段", "请填写开始和结束日期");
        }
        if (from.isAfter(to)) {
            throw new ValidationException("时段", "开始日期 " + Dates.chinese(from) + " 晚于结束日期 " + Dates.chinese(to) + "，请对调后再试");
        }
        String orgName = db.read(ctx -> ctx.select(ORG.NAME).from(ORG).where(ORG.ID.eq(orgId)).fetchOptional(ORG.NAME))
                .orElseThrow(() -> new ValidationException("组织", "组织 #" + orgId + " 不存在（可能已被删除），请重新选择"));
        Plan plan = planId != null ? plans.require(planId) : findPlan(orgId, from, to, template).orElse(null);
        LocalDate today = LocalDate.now(clock);
        String periodTitle = Numbers.periodTitle(from, to);
        List<Part> parts = new ArrayList<>();
        Map<String, Long> figures = Map.of();
        String title;
        if (template == SummaryTemplate.PLAN) {
            title = plan != null ? plan.title() : orgName + periodTitle + "工作计划";
            parts.addAll(planAsParts(plan));
        } else {
            Figures f = figures(orgId, from, to);
            figures = figureMap(f);
            parts.add(workPart(orgId, orgName, from, to, f, figures));
            Part lastProblems = saved.lastPart(orgId, PROBLEMS);
            parts.add(new Part(PROBLEMS, "存在问题", lastProblems != null ? lastProblems.paras() : List.of(Para.free(PROBLEMS_HINT))));
            if (template == SummaryTemplate.BOTH) {
                parts.add(new Part(NEXT, "下一步工作计划", planAsLines(plan)));
                title = orgName + periodTitle + "工作总结及下一步工作计划";
            } else {
                title = orgName + periodTitle + "工作总结";
            }
        }
        return new SummaryContent(title, orgId, orgName, from, to, template, plan == null ? null : plan.id(), parts, orgName,
                today, figures, List.of());
    }

    private java.util.Optional<Plan> findPlan(int orgId, LocalDate from, LocalDate to, SummaryTemplate template) {
        List<Plan> all = plans.list(orgId, null);
        if (template != SummaryTemplate.PLAN) {
            // the plan for the period after this one: the earliest starting after it
            java.util.Optional<Plan> next = all.stream().filter(p -> p.from().isAfter(to))
                    .min(java.util.Comparator.comparing(Plan::from));
            if (next.isPresent()) {
                return next;
            }
        }
        return all.stream().filter(p -> !p.from().isAfter(to) && !p.to().isBefore(from)).findFirst();
    }

    private Part workPart(int orgId, String orgName, LocalDate from, LocalDate to, Figures f, Map<String, Long> fig) {
        String spoken = Numbers.periodSpoken(from, to);
        List<Para> paras = new ArrayList<>();
        String opening = spoken + "，" + orgName + "坚持围绕中心、服务大局，团结带领广大群众积极投身各项工作，共开展各类活动{total.activities}场，"
                + "参与{total.participants}人次" + (f.totals().serviceTenths() > 0 ? "，服务时长{total.service}小时" : "")
                + (f.totals().beneficiaries() > 0 ? "，惠及群众{total.beneficiaries}人" : "") + "。";
        paras.add(linked(opening, fig));
        Map<Integer, List<String>> highlights = highlights(orgId, from, to);
        int sub = 0;
        for (Row r : f.byCategory()) {
            Totals t = r.totals();
            if (t.activities() == 0) {
                continue;
            }
            sub++;
            paras.add(Para.free("（" + Numbers.ordinal(sub) + "）" + categoryHeading(r.label())));
            String k = "cat." + r.id();
            StringBuilder tpl = new StringBuilder(spoken + "共开展" + activityNoun(r.label()) + "{" + k + ".activities}场，参与{" + k + ".participants}人次");
            if (t.serviceTenths() > 0) {
                tpl.append("，服务时长{").append(k).append(".service}小时");
            }
            if (t.beneficiaries() > 0) {
                tpl.append("，惠及群众{").append(k).append(".beneficiaries}人");
            }
            tpl.append("。");
            List<String> names = highlights.getOrDefault(r.id(), List.of());
            if (!names.isEmpty()) {
                tpl.append("其中，").append(String.join("", names.stream().map(SummaryComposer::quoted).toList()))
                        .append(names.size() > 1 ? "等活动" : "活动").append("特色鲜明、反响良好。");
            }
            paras.add(linked(tpl.toString(), fig));
        }
        if (f.honors().total() > 0) {
            sub++;
            paras.add(Para.free("（" + Numbers.ordinal(sub) + "）荣誉表彰"));
            StringBuilder tpl = new StringBuilder(spoken + "，共获得各级荣誉{honor.total}项，其中");
            List<String> levels = new ArrayList<>();
            for (String level : HonorTable.LEVELS) {
                List<String> kinds = new ArrayList<>();
                for (String kind : HonorTable.KINDS) {
                    if (f.honors().count(level, kind) > 0) {
                        kinds.add(kind + "{honor." + level + "." + kind + "}项");
                    }
                }
                if (!kinds.isEmpty()) {
                    levels.add(level + String.join("、", kinds));
                }
            }
            tpl.append(String.join("，", levels)).append("。");
            paras.add(linked(tpl.toString(), fig));
        }
        OrgWork w = f.orgWork();
        List<String> org = new ArrayList<>();
        if (w.electionsHeld().current() > 0) {
            org.add("完成换届{org.elections}个");
        }
        if (w.founded().current() > 0) {
            org.add("新成立组织{org.founded}个");
        }
        if (w.joined() > 0) {
            org.add("新增成员{org.joined}人");
        }
        if (w.membersAtEnd() > 0) {
            org.add("现有成员{org.members}人");
        }
        if (!org.isEmpty()) {
            sub++;
            paras.add(Para.free("（" + Numbers.ordinal(sub) + "）组织建设"));
            paras.add(linked(spoken + "，持续加强基层组织建设，" + String.join("，", org) + "。", fig));
        }
        return new Part(WORK, "工作开展情况", paras);
    }

    private static Para linked(String template, Map<String, Long> fig) {
        return new Para(template, FigureText.render(template, fig));
    }

    /** Names of highlighted activities, at most three per category, largest first. */
    private Map<Integer, List<String>> highlights(int orgId, LocalDate from, LocalDate to) {
        Map<Integer, List<String>> out = new HashMap<>();
        db.read(ctx -> ctx.select(ACTIVITY.CATEGORY_ID, ACTIVITY.NAME).from(ACTIVITY)
                .where(ACTIVITY.START_DATE.between(from, to), ACTIVITY.PLANNED.eq(false), ACTIVITY.HIGHLIGHT.eq(DSL.inline(true)),
                        Subtree.contains(ACTIVITY.ORG_ID, orgId))
                .orderBy(ACTIVITY.PARTICIPANTS.desc(), ACTIVITY.ID).limit(300).fetch())
                .forEach(r -> {
                    List<String> l = out.computeIfAbsent(r.value1(), k -> new ArrayList<>());
                    if (l.size() < 3 && !l.contains(r.value2())) {
                        l.add(r.value2());
                    }
                });
        return out;
    }

    /** The plan's items as lines for 三、下一步工作计划: each plan section becomes （一）, its items 一是、二是…. */
    private List<Para> planAsLines(Plan plan) {
        if (plan == null) {
            return List.of(Para.free(NO_PLAN_HINT));
        }
        PlanOutline o = plans.load(plan.id());
        List<Para> out = new ArrayList<>();
        boolean headings = o.roots().size() > 1;
        int sec = 0;
        for (PlanNode s : o.roots()) {
            sec++;
            if (headings || s.children().isEmpty()) {
                out.add(Para.free("（" + Numbers.ordinal(sec) + "）" + clean(s.fields().lead())));
            }
            int item = 0;
            for (ItemFields f : leaves(s)) {
                out.add(Para.free(Numbers.shi(++item) + clean(f.lead()) + clean(f.body())));
            }
        }
        return out.isEmpty() ? List.of(Para.free(NO_PLAN_HINT)) : out;
    }

    /** The whole plan as parts (template 工作计划): each plan section is a 一、 part. */
    private List<Part> planAsParts(Plan plan) {
        if (plan == null) {
            return List.of(new Part(NEXT + "-1", "工作计划", List.of(Para.free(NO_PLAN_HINT))));
        }
        PlanOutline o = plans.load(plan.id());
        List<Part> out = new ArrayList<>();
        int n = 0;
        for (PlanNode s : o.roots()) {
            n++;
            List<Para> paras = new ArrayList<>();
            int sub = 0;
            int item = 0;
            for (PlanNode c : s.children()) {
                if (!c.children().isEmpty()) {
                    paras.add(Para.free("（" + Numbers.ordinal(++sub) + "）" + clean(c.fields().lead())));
                    int inner = 0;
                    for (PlanNode i : c.children()) {
                        paras.add(Para.free(Numbers.shi(++inner) + clean(i.fields().lead()) + clean(i.fields().body())));
                    }
                } else {
                    paras.add(Para.free(Numbers.shi(++item) + clean(c.fields().lead()) + clean(c.fields().body())));
                }
            }
            out.add(new Part(NEXT + "-" + n, clean(s.fields().lead()), paras));
        }
        return out;
    }

    private static List<ItemFields> leaves(PlanNode n) {
        List<ItemFields> out = new ArrayList<>();
        for (PlanNode c : n.children()) {
            if (c.children().isEmpty()) {
                out.add(c.fields());
            } else {
                out.addAll(leaves(c));
            }
        }
        return out;
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip().replace("\r", "").replace("\n", "");
    }

    // ------------------------------------------------------------------ editing and refreshing

    /**
     * The user's text for one part (one paragraph per line). Lines still holding the figures of the
     * paragraph they came from stay linked; other lines become free text. Blank lines are dropped.
     */
    public static Part edit(Part old, String heading, String text, Map<String, Long> figures) {
        List<Para> olds = old == null ? List.of() : old.paras();
        List<Para> out = new ArrayList<>();
        String[] lines = (text == null ? "" : text).split("\r?\n");
        int i = 0;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            Para match = olds.stream().filter(p -> p.text().equals(line)).findFirst().orElse(null);
            if (match != null) {
                out.add(match);
            } else {
                Para same = i < olds.size() ? olds.get(i) : null;
                String tpl = same != null && same.linked() ? FigureText.retemplate(same.template(), figures, line) : null;
                out.add(new Para(tpl, line));
            }
            i++;
        }
        return new Part(old == null ? "extra" : old.key(), heading == null || heading.isBlank() ? (old == null ? "" : old.heading())
                : Numbers.stripSectionNumber(heading), out);
    }

    /** Recomputes the figures for the same subtree and period and re-renders every linked paragraph. */
    public SummaryContent refresh(SummaryContent c) {
        if (c.template() == SummaryTemplate.PLAN) {
            return c;
        }
        Map<String, Long> fig = figureMap(figures(c.orgId(), c.from(), c.to()));
        List<Part> parts = new ArrayList<>();
        for (Part p : c.parts()) {
            List<Para> paras = new ArrayList<>();
            for (Para para : p.paras()) {
                paras.add(para.linked() ? linked(para.template(), fig) : para);
            }
            parts.add(new Part(p.key(), p.heading(), paras));
        }
        return c.withFigures(parts, fig);
    }

    // ------------------------------------------------------------------ to Word

    private static final Pattern SUBHEAD = Pattern.compile("^[（(]\\s*[一二三四五六七八九十百零]+\\s*[）)].*");
    private static final Pattern ITEM = Pattern.compile("^(?:[一二三四五六七八九十百零]+是|[0-9０-９]+\\s*[.．、]).*");

    /** The draft as a document: lines "（一）…" start subsections, "一是…" are items with a bold lead. */
    public ReportDocument toDocument(SummaryContent c) {
        List<ReportDocument.Section> sections = new ArrayList<>();
        for (Part p : c.parts()) {
            List<ReportDocument.Paragraph> direct = new ArrayList<>();
            List<ReportDocument.Subsection> subs = new ArrayList<>();
            String subHead = null;
            List<ReportDocument.Paragraph> cur = direct;
            for (Para para : p.paras()) {
                String t = para.text().strip();
                if (SUBHEAD.matcher(t).matches()) {
                    if (subHead != null) {
                        subs.add(new ReportDocument.Subsection(subHead, cur));
                    }
                    subHead = t;
                    cur = new ArrayList<>();
                } else if (ITEM.matcher(t).matches()) {
                    cur.add(item(t));
                } else {
                    cur.add(ReportDocument.Paragraph.plain(t));
                }
            }
            if (subHead != null) {
                subs.add(new ReportDocument.Subsection(subHead, cur));
            }
            sections.add(new ReportDocument.Section(p.heading(), direct, subs));
        }
        return new ReportDocument(c.title(), sections, c.signOrg(), c.signDate(), appendices(c), ReportDocument.ItemStyle.YISHI);
    }

    /** "一是深化思想政治引领。组织…" → bold lead "深化思想政治引领。" and body "组织…". */
    static ReportDocument.Paragraph item(String line) {
        String rest = Numbers.stripItemNumber(line);
        Matcher m = Pattern.compile("^(.{1,40}?[。；！：])(.*)$", Pattern.DOTALL).matcher(rest);
        if (m.matches() && !m.group(2).isBlank()) {
            return ReportDocument.Paragraph.item(m.group(1), m.group(2));
        }
        return ReportDocument.Paragraph.item(null, rest);
    }

    /** Appendix tables chosen in {@code c.appendices()}, built from the records now. */
    public List<ReportDocument.Appendix> appendices(SummaryContent c) {
        List<ReportDocument.Appendix> out = new ArrayList<>();
        for (String kind : c.appendices()) {
            switch (kind) {
                case "stats" -> out.add(statsTable(c));
                case "honors" -> out.add(honorsTable(c));
                case "activities" -> out.add(activitiesTable(c));
                default -> throw new ValidationException("附件", "附件类型“" + kind + "”无效，可选：stats（分类统计）、honors（荣誉名单）、activities（特色活动）");
            }
        }
        return out;
    }

    /**
     * 分类统计表: from the figures the text was rendered with (so table and text agree), or counted now
     * when the draft has none (工作计划).
     */
    private ReportDocument.Appendix statsTable(SummaryContent c) {
        Map<String, Long> fig = c.figures().containsKey("total.activities") ? c.figures()
                : figureMap(figures(c.orgId(), c.from(), c.to()));
        Map<Integer, String> names = new LinkedHashMap<>();
        db.read(ctx -> ctx.selectFrom(ACTIVITY_CATEGORY).orderBy(ACTIVITY_CATEGORY.SORT_ORDER, ACTIVITY_CATEGORY.ID).fetch())
                .forEach(r -> names.put(r.getId(), r.getName()));
        List<List<String>> rows = new ArrayList<>();
        for (var e : names.entrySet()) {
            String k = "cat." + e.getKey();
            if (fig.containsKey(k + ".activities")) {
                rows.add(statsRow(e.getValue(), fig, k));
            }
        }
        rows.add(statsRow("合计", fig, "total"));
        return new ReportDocument.Appendix(Numbers.periodTitle(c.from(), c.to()) + "活动分类统计表",
                List.of("类别", "场次", "参与人次", "服务时长（小时）", "惠及人数"), rows);
    }

    private static List<String> statsRow(String label, Map<String, Long> fig, String k) {
        return List.of(label, Numbers.count(fig.getOrDefault(k + ".activities", 0L)), Numbers.count(fig.getOrDefault(k + ".participants", 0L)),
                Totals.hoursText(fig.getOrDefault(k + ".service", 0L)), Numbers.count(fig.getOrDefault(k + ".beneficiaries", 0L)));
    }

    private ReportDocument.Appendix honorsTable(SummaryContent c) {
        List<List<String>> rows = new ArrayList<>();
        db.read(ctx -> ctx.select(HONOR.HONOR_DATE, HONOR.TITLE, HONOR.LEVEL, HONOR.KIND, ORG.NAME, PERSON.NAME).from(HONOR)
                .join(ORG).on(ORG.ID.eq(HONOR.ORG_ID)).leftJoin(PERSON).on(PERSON.ID.eq(HONOR.PERSON_ID))
                .where(HONOR.HONOR_DATE.between(c.from(), c.to()), Subtree.contains(HONOR.ORG_ID, c.orgId()))
                .orderBy(HONOR.HONOR_DATE, HONOR.ID).limit(APPENDIX_ROWS).fetch())
                .forEach(r -> rows.add(List.of(String.valueOf(rows.size() + 1), Numbers.date(r.value1()), r.value2(), r.value3(), r.value4(),
                        r.value6() != null ? r.value6() + "（" + r.value5() + "）" : r.value5())));
        return new ReportDocument.Appendix(Numbers.periodTitle(c.from(), c.to()) + "获得荣誉名单",
                List.of("序号", "日期", "荣誉名称", "级别", "类型", "获得者"), rows);
    }

    private ReportDocument.Appendix activitiesTable(SummaryContent c) {
        List<List<String>> rows = new ArrayList<>();
        db.read(ctx -> ctx.select(ACTIVITY.START_DATE, ACTIVITY.NAME, ACTIVITY_CATEGORY.NAME, ORG.NAME, ACTIVITY.PARTICIPANTS)
                .from(ACTIVITY).join(ORG).on(ORG.ID.eq(ACTIVITY.ORG_ID))
                .join(ACTIVITY_CATEGORY).on(ACTIVITY_CATEGORY.ID.eq(ACTIVITY.CATEGORY_ID))
                .where(ACTIVITY.START_DATE.between(c.from(), c.to()), ACTIVITY.PLANNED.eq(false), ACTIVITY.HIGHLIGHT.eq(DSL.inline(true)),
                        Subtree.contains(ACTIVITY.ORG_ID, c.orgId()))
                .orderBy(ACTIVITY.START_DATE, ACTIVITY.ID).limit(APPENDIX_ROWS).fetch())
                .forEach(r -> rows.add(List.of(String.valueOf(rows.size() + 1), Numbers.date(r.value1()), r.value2(), r.value3(),
                        r.value4(), Numbers.count(r.value5()))));
        return new ReportDocument.Appendix(Numbers.periodTitle(c.from(), c.to()) + "特色活动一览表",
                List.of("序号", "日期", "活动名称", "类别", "组织", "参与人次"), rows);
    }

    /** Lays the draft out and writes the .docx (temp file + rename). */
    public void export(SummaryContent c, Path target) {
        WordWriter.write(toDocument(c), target);
    }

    /** Plans of the organisation, for the plan chooser. */
    public List<Plan> plansOf(int orgId) {
        return plans.list(orgId, null);
    }

    /** "文体活动" stays as it is, "志愿服务" becomes "志愿服务活动": never "文体活动活动". */
    static String activityNoun(String category) {
        return category.endsWith("活动") ? category : category + "活动";
    }

    /** A (一) heading for a category: "志愿服务工作", but "文体活动" and "宣传工作" as they are. */
    static String categoryHeading(String category) {
        return category.endsWith("活动") || category.endsWith("工作") ? category : category + "工作";
    }

    /** “name”, with quotes inside the name turned into single quotes as Chinese documents nest them. */
    static String quoted(String name) {
        StringBuilder b = new StringBuilder("“");
        boolean open = true;
        for (char c : name.toCharArray()) {
            switch (c) {
                case '“' -> b.append('‘');
                case '”' -> b.append('’');
                case '"' -> {
                    b.append(open ? '‘' : '’');
                    open = !open;
                }
                default -> b.append(c);
            }
        }
        return b.append('”').toString();
    }
}
