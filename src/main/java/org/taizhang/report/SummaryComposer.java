package org.taizhang.report;

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
import org.taizhang.common.Numbers;
import org.taizhang.common.ValidationException;
import org.taizhang.db.Database;
import org.taizhang.org.Subtree;
import org.taizhang.plan.ItemFields;
import org.taizhang.plan.Plan;
import org.taizhang.plan.PlanNode;
import org.taizhang.plan.PlanOutline;
import org.taizhang.plan.PlanService;
import org.taizhang.common.PlanStatus;
import org.taizhang.plan.Progress;
import org.taizhang.report.SummaryContent.Para;
import org.taizhang.report.SummaryContent.Part;
import org.taizhang.stats.ElectionDue;
import org.taizhang.stats.HonorTable;
import org.taizhang.stats.OrgWork;
import org.taizhang.stats.Period;
import org.taizhang.stats.Reminders;
import org.taizhang.stats.Row;
import org.taizhang.stats.StatsService;
import org.taizhang.stats.SummaryFigures;
import org.taizhang.stats.Totals;

/**
 * Drafts 工作总结 / 工作计划 / 总结+计划 for an organisation subtree and period the way offices write
 * them: a 总述 with the headline figures ending 「现将…总结如下：」; 一、工作开展情况 with one （一） per
 * theme of the office ({@link ThemeService}: categories mapped to headings such as 「坚持思想引领，…」),
 * each naming its notable activities with organiser, month and figures, the honours (国家级 and 省级 by
 * name) and the organisation work; 二、存在问题 drafted from the records (falls against last year, overdue
 * 换届, 团员 over 28, plan targets behind) unless the clerk wrote it for this period; 三、下一步工作计划
 * from the next period's plan with its structure, or drafted from what falls due. Figures come from
 * {@link StatsService} (so they equal the statistics tab) and stay linked for {@link #refresh}.
 */
public final class SummaryComposer {
    public static final String WORK = "work";
    public static final String PROBLEMS = "problems";
    public static final String NEXT = "plan";
    /** The 总述 before 一、: a part without a heading. */
    public static final String INTRO = "intro";
    public static final List<String> APPENDIX_KINDS = List.of("stats", "honors", "activities");
    private static final int APPENDIX_ROWS = 500;

    private final Database db;
    private final StatsService stats;
    private final PlanService plans;
    private final SummaryService saved;
    private final ThemeService themes;
    private final Clock clock;

    public SummaryComposer(Database db) {
        this(db, Clock.systemDefaultZone());
    }

    public SummaryComposer(Database db, Clock clock) {
        this.db = db;
        this.stats = new StatsService(db, clock);
        this.plans = new PlanService(db);
        this.saved = new SummaryService(db);
        this.themes = new ThemeService(db);
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
        for (String level : HonorTable.LEVELS) {
            m.put("honor." + level, f.honors().count(level, null));
        }
        for (HonorTable.Cell c : f.honors().cells()) {
            m.put("honor." + c.level() + "." + c.kind(), c.count());
        }
        m.put("org.elections", f.orgWork().electionsHeld().current());
        m.put("org.founded", f.orgWork().founded().current());
        m.put("org.overdue", f.orgWork().electionsOverdue());
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
            if (plan != null) {
                parts.addAll(planAsParts(plan));
            } else {
                // no plan written for this period: drafted from the previous period and what falls due in this one
                Period before = previousPeriod(from, to);
                Figures f = figures(orgId, before.from(), before.to());
                Drafting d = new Drafting(orgId, orgName, before.from(), before.to(), f, figureMap(f));
                parts.add(new Part(NEXT + "-1", "重点工作", d.nextSteps(currentPlan(orgId, before.from(), before.to()))));
            }
        } else {
            Figures f = figures(orgId, from, to);
            figures = figureMap(f);
            Drafting d = new Drafting(orgId, orgName, from, to, f, figures);
            parts.add(d.intro(template));
            parts.add(d.work());
            Part mine = samePeriodPart(orgId, from, to, PROBLEMS);
            parts.add(mine != null ? mine : new Part(PROBLEMS, "存在问题", d.problems()));
            if (template == SummaryTemplate.BOTH) {
                // the chosen plan, or the plan of a later period; otherwise drafted from what falls due next
                Plan next = planId != null ? plan : plan != null && plan.from().isAfter(to) ? plan : null;
                parts.add(new Part(NEXT, "下一步工作计划", next != null ? planAsLines(next) : d.nextSteps(currentPlan(orgId, from, to))));
                title = orgName + periodTitle + "工作总结及下一步工作计划";
            } else {
                title = orgName + periodTitle + "工作总结";
            }
        }
        return new SummaryContent(title, orgId, orgName, from, to, template, plan == null ? null : plan.id(), parts, orgName,
                template == SummaryTemplate.PLAN ? planSignDate(from, today) : signDate(to, today), figures, List.of(), false);
    }

    /**
     * The 落款 date of a plan: a plan is issued before or at the start of its period, so the day it is
     * exported when that is before the period or within its first two months; otherwise (a plan printed
     * again later, or an old one) the first day of the period — never its last day.
     */
    public static LocalDate planSignDate(LocalDate from, LocalDate today) {
        return today.isAfter(from.plusMonths(2)) ? from : today;
    }

    /**
     * The 落款 date a report carries by default: the day it is written when that is during the period or
     * within two months after it (the usual case), otherwise the last day of the period (a 2021 report
     * made years later is dated 2021年6月30日, not the day of generation).
     */
    public static LocalDate signDate(LocalDate to, LocalDate today) {
        return today.isAfter(to.plusMonths(2)) ? to : today;
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

    /** The plan whose period overlaps this one most (for targets behind and unfinished items). */
    private Plan currentPlan(int orgId, LocalDate from, LocalDate to) {
        return plans.list(orgId, null).stream().filter(p -> !p.from().isAfter(to) && !p.to().isBefore(from))
                .max(java.util.Comparator.comparingLong(p -> overlap(p, from, to))).orElse(null);
    }

    private static long overlap(Plan p, LocalDate from, LocalDate to) {
        LocalDate a = p.from().isAfter(from) ? p.from() : from;
        LocalDate b = p.to().isBefore(to) ? p.to() : to;
        return b.toEpochDay() - a.toEpochDay();
    }

    /** The clerk's own text for {@code key} in a saved summary of the same organisation and period. */
    private Part samePeriodPart(int orgId, LocalDate from, LocalDate to, String key) {
        for (SummaryService.Saved s : saved.list(orgId)) {
            if (s.from().equals(from) && s.to().equals(to)) {
                Part p = saved.load(s.id()).map(c -> c.part(key)).orElse(null);
                if (p != null && p.paras().stream().anyMatch(x -> !isHint(x.text()))) {
                    return new Part(key, p.heading(), p.paras().stream().filter(x -> !isHint(x.text())).toList());
                }
            }
        }
        return null;
    }

    /** The period after {@code from..to}: the next half year, quarter, month or year, or as many days. */
    static Period nextPeriod(LocalDate from, LocalDate to) {
        LocalDate start = to.plusDays(1);
        boolean wholeMonths = from.getDayOfMonth() == 1 && to.getDayOfMonth() == to.lengthOfMonth();
        if (wholeMonths) {
            long months = java.time.temporal.ChronoUnit.MONTHS.between(java.time.YearMonth.from(from), java.time.YearMonth.from(to)) + 1;
            LocalDate end = start.plusMonths(months).minusDays(1);
            return Period.custom(start, end);
        }
        return Period.custom(start, start.plusDays(to.toEpochDay() - from.toEpochDay()));
    }

    /** The period before {@code from..to} of the same length (whole months stay whole months). */
    static Period previousPeriod(LocalDate from, LocalDate to) {
        LocalDate end = from.minusDays(1);
        boolean wholeMonths = from.getDayOfMonth() == 1 && to.getDayOfMonth() == to.lengthOfMonth();
        if (wholeMonths) {
            long months = java.time.temporal.ChronoUnit.MONTHS.between(java.time.YearMonth.from(from), java.time.YearMonth.from(to)) + 1;
            return Period.custom(from.minusMonths(months), end);
        }
        return Period.custom(end.minusDays(to.toEpochDay() - from.toEpochDay()), end);
    }

    /** The text of one draft: built from the figures and the named records of the subtree and period. */
    private final class Drafting {
        private final int orgId;
        private final String orgName;
        private final LocalDate from;
        private final LocalDate to;
        private final Figures f;
        private final Map<String, Long> fig;
        private final String spoken;
        private final String periodTitle;
        private Map<Integer, List<SummaryData.Named>> notable;

        Drafting(int orgId, String orgName, LocalDate from, LocalDate to, Figures f, Map<String, Long> fig) {
            this.orgId = orgId;
            this.orgName = orgName;
            this.from = from;
            this.to = to;
            this.f = f;
            this.fig = fig;
            this.spoken = Numbers.periodSpoken(from, to);
            this.periodTitle = Numbers.periodTitle(from, to);
        }

        private java.util.Set<Integer> withActivities() {
            java.util.Set<Integer> out = new java.util.HashSet<>();
            f.byCategory().stream().filter(r -> r.totals().activities() > 0).forEach(r -> out.add(r.id()));
            return out;
        }

        /** 总述: what the office did, the headline figures, and 「现将…总结如下：」. */
        Part intro(SummaryTemplate template) {
            // a period not yet over is counted up to today: say so (「2026年（截至12月2日）」)
            LocalDate today = LocalDate.now(clock);
            String asOf = !today.isBefore(from) && today.isBefore(to) ? "（截至" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日）" : "";
            StringBuilder t = new StringBuilder(periodTitle + asOf + "，" + Prose.safe(orgName)
                    + "坚持以习近平新时代中国特色社会主义思想为指导，围绕中心、服务大局，团结带领广大群众积极投身各项工作");
            if (f.totals().activities() > 0) {
                t.append("，共开展各类活动{total.activities}场，参与{total.participants}人次");
                if (f.totals().serviceTenths() > 0) {
                    t.append("，服务时长{total.service}小时");
                }
                if (f.totals().beneficiaries() > 0) {
                    t.append("，惠及群众{total.beneficiaries}人");
                }
            }
            if (f.honors().total() > 0) {
                t.append("；获得各级荣誉{honor.total}项");
                long national = f.honors().count("国家级", null);
                if (national > 0) {
                    t.append("，其中国家级荣誉{honor.国家级}项");
                }
            }
            if (f.orgWork().electionsHeld().current() > 0) {
                t.append("；{org.elections}个基层组织顺利完成换届");
            }
            t.append("，各项工作取得新成效。现将").append(periodTitle).append("工作情况总结如下：");
            return new Part(INTRO, "", List.of(linked(t.toString(), fig)));
        }

        /** 一、工作开展情况: one （一） per theme that has something to report. */
        Part work() {
            notable = SummaryData.notable(db, orgId, from, to, withActivities());
            List<ThemeService.Theme> all = themes.themes();
            Map<Integer, Row> rows = new LinkedHashMap<>();
            for (Row r : f.byCategory()) {
                if (r.totals().activities() > 0) {
                    rows.put(r.id(), r);
                }
            }
            // categories without a theme go with 其他; without that either, each gets a section of its own
            Map<Integer, Integer> themeOf = new HashMap<>();
            all.forEach(t -> t.categories().keySet().forEach(c -> themeOf.put(c, t.id())));
            Integer otherTheme = all.stream().filter(t -> t.categories().containsValue("其他")).map(ThemeService.Theme::id).findFirst()
                    .orElse(null);
            List<Section> sections = new ArrayList<>();
            Map<String, Section> byHeading = new LinkedHashMap<>();
            for (ThemeService.Theme t : all) {
                Section s = byHeading.computeIfAbsent(ThemeService.normal(t.heading()), k -> {
                    Section n = new Section(t.heading(), t.lead());
                    sections.add(n);
                    return n;
                });
                s.withHonors |= t.withHonors();
                s.withOrgWork |= t.withOrgWork();
                for (Row r : rows.values()) {
                    Integer th = themeOf.getOrDefault(r.id(), otherTheme);
                    if (th != null && th == t.id()) {
                        s.rows.add(r);
                    }
                }
            }
            for (Row r : rows.values()) {
                if (!themeOf.containsKey(r.id()) && otherTheme == null) {
                    String heading = "扎实开展" + Prose.activityNoun(r.label()).replaceAll("活动$", "") + "工作";
                    Section s = byHeading.computeIfAbsent(ThemeService.normal(heading), k -> {
                        Section n = new Section(heading, null);
                        sections.add(n);
                        return n;
                    });
                    s.rows.add(r);
                }
            }
            List<Para> paras = new ArrayList<>();
            int sub = 0;
            for (Section s : sections) {
                List<String[]> items = new ArrayList<>();
                for (Row r : s.rows) {
                    items.add(new String[] {Prose.categoryLead(r.label()), categoryText(r)});
                }
                if (s.withOrgWork) {
                    String org = orgWorkText();
                    if (org != null) {
                        items.add(new String[] {"组织建设规范有序。", org});
                    }
                }
                if (s.withHonors && f.honors().total() > 0) {
                    items.add(new String[] {"典型选树成效明显。", honoursText()});
                }
                if (items.isEmpty()) {
                    continue; // an empty theme is left out
                }
                paras.add(Para.free("（" + Numbers.ordinal(++sub) + "）" + s.heading));
                paras.add(linked((s.lead == null ? "" : Prose.sentence(s.lead)) + Prose.items(items), fig));
            }
            if (paras.isEmpty()) {
                paras.add(Para.free(spoken + "，" + Prose.safe(orgName) + "台账中尚无已开展的活动、荣誉和组织建设记录。"));
            }
            return new Part(WORK, "工作开展情况", paras);
        }

        /** 「上半年共开展志愿服务活动{…}场，参与{…}人次…。其中，A…；B…。此外，还开展了C、D等活动。」 */
        private String categoryText(Row r) {
            String k = "cat." + r.id();
            String[] how = Prose.countedAs(r.label());
            StringBuilder t = new StringBuilder(spoken + "共" + how[0] + how[1] + "{" + k + ".activities}" + how[2] + "，参与{" + k
                    + ".participants}人次");
            if (r.totals().serviceTenths() > 0) {
                t.append("，服务时长{").append(k).append(".service}小时");
            }
            if (r.totals().beneficiaries() > 0) {
                t.append("，惠及群众{").append(k).append(".beneficiaries}人");
            }
            t.append("。");
            // named in detail: the first DETAILED of distinct names; listed after 此外: the next LISTED
            // distinct names not yet said, each once with how many activities it stands for
            List<SummaryData.Named> named = notable.getOrDefault(r.id(), List.of());
            List<SummaryData.Named> detailed = new ArrayList<>();
            Prose.Tally said = new Prose.Tally();
            Prose.Tally listed = new Prose.Tally();
            for (SummaryData.Named n : named) {
                if (detailed.size() < DETAILED && !said.contains(n.name())) {
                    detailed.add(n);
                    said.add(n.name(), n.count());
                } else if (!said.contains(n.name()) && (listed.contains(n.name()) || listed.size() < LISTED)) {
                    listed.add(n.name(), n.count());
                }
            }
            if (!detailed.isEmpty()) {
                List<String> clauses = new ArrayList<>();
                for (SummaryData.Named n : detailed) {
                    clauses.add(activityClause(n));
                }
                t.append("其中，").append(String.join("；", clauses)).append("。");
            }
            long namedActivities = detailed.stream().mapToLong(SummaryData.Named::count).sum() + listed.total();
            boolean more = r.totals().activities() > namedActivities;
            if (listed.size() > 0) {
                List<String> names = listed.names(x -> seriesUnit(x));
                t.append("此外，还开展了").append(more ? Prose.etc(names) + "等活动。" : Prose.list(names) + "。");
            } else if (more && !detailed.isEmpty()) {
                // the named ones are not all: say so without listing
                t.setLength(t.length() - 1);
                t.append("等。");
            }
            return t.toString();
        }

        /** 「新区义工联3月开展“马路天使”交通文明志愿服务，287人次参与，服务时长7335小时」 */
        private String activityClause(SummaryData.Named n) {
            String what = Prose.asActivity(n.name());
            StringBuilder b = new StringBuilder(Prose.safe(n.orgName())).append(Prose.months(n.first(), n.last()));
            if (n.count() > 1) {
                b.append("持续").append(Prose.verb(what)).append(what).append(n.count()).append(seriesUnit(what));
            } else {
                b.append(Prose.verb(what)).append(what);
            }
            List<String> figs = new ArrayList<>();
            if (n.participants() > 0) {
                figs.add((n.count() > 1 ? "累计" : "") + Numbers.approx(n.participants()) + "人次参与");
            }
            if (n.serviceTenths() > 0) {
                figs.add("服务时长" + Numbers.hours(n.serviceTenths()) + "小时");
            }
            if (n.beneficiaries() > 0) {
                figs.add("惠及群众" + Numbers.approx(n.beneficiaries()) + "人");
            }
            if (!figs.isEmpty()) {
                b.append("，").append(String.join("，", figs));
            }
            return b.toString();
        }

        private static String seriesUnit(String what) {
            return what.endsWith("会议") || what.endsWith("大会") || what.endsWith("赛") ? "场" : what.endsWith("学习") || what.endsWith("培训")
                    || what.endsWith("课堂") || what.endsWith("讲堂") ? "期" : "次";
        }

        /** Honours: counted by level and kind; 国家级 and 省级 named (who, what, by whom). */
        private String honoursText() {
            StringBuilder t = new StringBuilder(spoken + "，共获得各级荣誉{honor.total}项，其中");
            List<String> levels = new ArrayList<>();
            for (String level : HonorTable.LEVELS) {
                List<String> kinds = new ArrayList<>();
                for (String kind : HonorTable.KINDS) {
                    if (f.honors().count(level, kind) > 0) {
                        kinds.add(kind + "荣誉{honor." + level + "." + kind + "}项");
                    }
                }
                if (!kinds.isEmpty()) {
                    levels.add(Prose.level(level) + String.join("、", kinds));
                }
            }
            t.append(String.join("，", levels)).append("。");
            List<SummaryData.NamedHonour> named = SummaryData.namedHonours(db, orgId, from, to, NAMED_HONOURS + 1);
            if (!named.isEmpty()) {
                // one clause per honour (issuer and title), naming everyone who received it once:
                // 「A和B被省总工会授予“五一劳动奖状”」
                Map<String, List<String>> whoByAward = new LinkedHashMap<>();
                for (SummaryData.NamedHonour h : named.subList(0, Math.min(NAMED_HONOURS, named.size()))) {
                    String who = Prose.safe(h.orgName()) + (h.personName() != null && "个人".equals(h.kind()) ? Prose.safe(h.personName()) + "同志" : "");
                    String by = h.issuer() == null || h.issuer().isBlank() ? "荣获" : "被" + Prose.safe(h.issuer().strip()) + "授予";
                    whoByAward.computeIfAbsent(by + Prose.honourTitle(h.title()), k -> new ArrayList<>()).add(who);
                }
                List<String> clauses = new ArrayList<>();
                whoByAward.forEach((award, who) -> clauses.add(Prose.list(who) + award));
                t.append(String.join("；", clauses)).append(named.size() > NAMED_HONOURS ? "等。" : "。");
            }
            return t.toString();
        }

        /** Organisation work: elections named when few, counted (by type) when many; new organisations; members; overdue. */
        private String orgWorkText() {
            OrgWork w = f.orgWork();
            List<String> parts = new ArrayList<>();
            long held = w.electionsHeld().current();
            if (held > 0) {
                if (held <= NAMED_ORGS) {
                    parts.add("指导" + Prose.list(SummaryData.elected(db, orgId, from, to, NAMED_ORGS).stream().map(o -> Prose.safe(o.name())).toList(), "个")
                            + "规范有序完成换届");
                } else {
                    Map<String, Long> types = SummaryData.electedByType(db, orgId, from, to);
                    List<String> byType = new ArrayList<>();
                    types.entrySet().stream().limit(4).forEach(e -> byType.add(e.getKey() + e.getValue() + "个"));
                    parts.add("指导{org.elections}个基层组织规范有序完成换届" + (types.size() > 1 ? "，其中" + String.join("、", byType) : ""));
                }
            }
            long founded = w.founded().current();
            if (founded > 0) {
                if (founded <= NAMED_ORGS) {
                    parts.add("新成立" + Prose.list(SummaryData.founded(db, orgId, from, to, NAMED_ORGS).stream().map(o -> Prose.safe(o.name())).toList(), "个"));
                } else {
                    parts.add("新成立基层组织{org.founded}个");
                }
            }
            if (w.joined() > 0) {
                parts.add("新增成员{org.joined}人");
            }
            if (w.membersAtEnd() > 0) {
                parts.add("现有成员{org.members}人");
            }
            if (parts.isEmpty()) {
                return null;
            }
            String text = spoken + "，" + String.join("，", parts) + "。";
            if (w.electionsOverdue() > 0) {
                text += "截至" + Numbers.date(w.asOf()) + "，尚有{org.overdue}个组织换届逾期，正督促推进。";
            }
            return text;
        }

        /** 二、存在问题 from the records: falls against last year, overdue 换届, 团员 over 28, plan targets behind. */
        List<Para> problems() {
            List<String[]> items = new ArrayList<>();
            // falls against the same period last year
            Period prev = Period.custom(from, to).previousYear();
            List<Row> before = SummaryFigures.byCategory(db, orgId, prev.from(), prev.to());
            Map<Integer, Totals> now = new HashMap<>();
            f.byCategory().forEach(r -> now.put(r.id(), r.totals()));
            List<String> falls = new ArrayList<>();
            before.stream().filter(r -> r.totals().activities() >= 3)
                    .sorted(java.util.Comparator.comparingDouble(r -> ratio(now.getOrDefault(r.id(), Totals.ZERO).activities(), r.totals().activities())))
                    .forEach(r -> {
                        long a = now.getOrDefault(r.id(), Totals.ZERO).activities();
                        long b = r.totals().activities();
                        if (falls.size() < 3 && a * 10 <= b * 8) {
                            falls.add(Prose.activityNoun(r.label()) + "由" + b + "场减少到" + a + "场");
                        }
                    });
            Totals prevTotal = before.stream().map(Row::totals).reduce(Totals.ZERO, Totals::plus);
            long pNow = f.totals().participants();
            long pBefore = prevTotal.participants();
            String participantFall = pBefore >= 100 && pNow * 10 <= pBefore * 9
                    ? "参与人次同比下降" + Math.round(100.0 * (pBefore - pNow) / pBefore) + "%" : null;
            if (!falls.isEmpty() || participantFall != null) {
                List<String> all = new ArrayList<>(falls);
                if (participantFall != null) {
                    all.add(participantFall);
                }
                items.add(new String[] {"部分工作同比有所下滑。", "与去年同期相比，" + String.join("，", all) + "，活动的常态化、长效化还需加强。"});
            }
            // overdue 换届
            OrgWork w = f.orgWork();
            if (w.electionsOverdue() > 0) {
                List<ElectionDue> due = stats.electionsDue(orgId, w.asOf(), 0, true, 3);
                String names = Prose.list(due.stream().map(e -> Prose.safe(e.orgName())).toList(), "个");
                items.add(new String[] {"基层组织按期换届仍有差距。", "截至" + Numbers.date(w.asOf()) + "，"
                        + (w.electionsOverdue() > due.size() ? names + "等" + w.electionsOverdue() + "个组织" : names) + "换届已逾期，换届工作的督促指导还需加强。"});
            }
            // 团员 past 28
            Reminders rem = stats.reminders(orgId, w.asOf(), 0, 3);
            if (rem.over28Count() > 0) {
                items.add(new String[] {"团员队伍管理有待规范。", rem.over28Count() + "名团员年满28周岁后仍登记为共青团员，超龄离团手续办理不够及时。"});
            }
            // plan targets behind and unfinished items
            Plan cur = currentPlan(orgId, from, to);
            if (cur != null) {
                PlanOutline o = plans.load(cur.id());
                Map<Long, Progress> progress = plans.progress(cur, o);
                List<String> behind = new ArrayList<>();
                for (PlanOutline.Line l : o.items()) {
                    Progress pr = progress.get(l.node().key());
                    if (pr != null && !pr.reached() && behind.size() < 3) {
                        String lead = clean(l.node().fields().lead()).replaceAll("[。；！：，]+$", "");
                        behind.add((lead.isEmpty() ? "" : "“" + Prose.safe(lead) + "”") + "目标" + (pr.categoryName() == null ? "" : pr.categoryName())
                                + pr.metric().label + pr.target() + pr.metric().unit + "，实际完成" + pr.actual() + pr.metric().unit + "（" + pr.percent() + "%）");
                    }
                }
                long unfinished = rem.planItemsOverdueCount();
                if (!behind.isEmpty() || unfinished > 0) {
                    String body = "《" + Prose.safe(cur.title()) + "》中，" + (behind.isEmpty() ? "" : String.join("；", behind))
                            + (unfinished > 0 ? (behind.isEmpty() ? "" : "；") + "另有" + unfinished + "项任务已过完成时限仍未办结" : "") + "。";
                    items.add(new String[] {"部分计划目标尚未完成。", body});
                }
            }
            List<Para> out = new ArrayList<>();
            // 「一是…。二是…。」 in one paragraph, as 工作开展情况 writes its items (and the reference summaries)
            if (items.size() == 1) {
                out.add(Para.free(items.getFirst()[0] + items.getFirst()[1]));
            } else if (!items.isEmpty()) {
                out.add(Para.free(Prose.items(items)));
            }
            if (out.isEmpty()) {
                Part last = saved.lastPart(orgId, PROBLEMS);
                if (last != null && last.paras().stream().anyMatch(x -> !isHint(x.text()))) {
                    return last.paras().stream().filter(x -> !isHint(x.text())).toList();
                }
                out.add(Para.free("对照上级要求和群众期待，群团组织服务的覆盖面和精准度仍有提升空间，品牌活动的带动作用有待进一步发挥。"));
            }
            return out;
        }

        /** 三、下一步工作计划 without a plan: from what falls due next period and what is still open. */
        List<Para> nextSteps(Plan current) {
            Period next = nextPeriod(from, to);
            String nextSpoken = Numbers.periodSpoken(next.from(), next.to());
            List<Para> out = new ArrayList<>();
            out.add(Para.free("下一步，" + Prose.safe(orgName) + "将坚持围绕中心、服务大局，巩固" + spoken + "工作成效，重点抓好以下工作："));
            int sub = 0;
            // (一) keep the themes with activities going, naming their best-known activities
            List<String> items = new ArrayList<>();
            if (notable == null) {
                notable = SummaryData.notable(db, orgId, from, to, withActivities());
            }
            // each brand named once in the whole list, as it will be held again (without 首届/第N届)
            Prose.Tally brands = new Prose.Tally();
            for (ThemeService.Theme t : themes.themes()) {
                List<String> names = new ArrayList<>();
                for (Integer c : t.categories().keySet()) {
                    for (SummaryData.Named n : notable.getOrDefault(c, List.of())) {
                        String brand = n.name().replaceFirst("^(?:首届|第[一二三四五六七八九十0-9]+届)", "");
                        if (names.size() < 2 && (n.highlight() || names.isEmpty()) && !names.contains(brand) && !brands.contains(brand)) {
                            names.add(brand);
                        }
                    }
                }
                if (!names.isEmpty() && items.size() < 4) {
                    brands.addAll(names);
                    String lead = t.heading().split("[，,]")[0];
                    items.add(lead + "。持续办好" + Prose.etc(names) + "等品牌活动，推动工作常态化、长效化。");
                }
            }
            if (!items.isEmpty()) {
                out.add(Para.free("（" + Numbers.ordinal(++sub) + "）持续深化重点工作"));
                out.add(Para.free(Prose.numbered(items)));
            }
            // (二) elections falling due, overdue ones, members turning 28
            List<String> org = new ArrayList<>();
            long months = java.time.temporal.ChronoUnit.MONTHS.between(next.from(), next.to().plusDays(1));
            List<ElectionDue> due = stats.electionsDue(orgId, next.from(), (int) Math.max(1, months), false, NAMED_ORGS + 1);
            List<ElectionDue> overdue = stats.electionsDue(orgId, next.from(), 0, true, NAMED_ORGS + 1);
            List<String> election = new ArrayList<>();
            if (!due.isEmpty()) {
                election.add(due.size() > NAMED_ORGS ? Prose.list(due.subList(0, 3).stream().map(e -> Prose.safe(e.orgName())).toList(), "个") + "等组织将于" + nextSpoken
                        + "届满，提前做好换届准备" : Prose.list(due.stream().map(e -> Prose.safe(e.orgName())).toList(), "个") + "将于" + nextSpoken + "届满，提前做好换届准备");
            }
            if (!overdue.isEmpty()) {
                election.add((overdue.size() > NAMED_ORGS ? Prose.list(overdue.subList(0, 3).stream().map(e -> Prose.safe(e.orgName())).toList(), "个") + "等"
                        : Prose.list(overdue.stream().map(e -> Prose.safe(e.orgName())).toList(), "个")) + "换届已逾期，督促尽快完成");
            }
            if (!election.isEmpty()) {
                org.add("按期规范完成换届。" + String.join("；", election) + "。");
            }
            long turning = stats.ageOuts(orgId, next, 1000).size();
            if (turning > 0) {
                org.add("做好团员超龄离团工作。" + (turning >= 1000 ? "1000余" : String.valueOf(turning)) + "名团员将于" + nextSpoken + "年满28周岁，及时办理离团手续，做好组织关系转接。");
            }
            if (!org.isEmpty()) {
                out.add(Para.free("（" + Numbers.ordinal(++sub) + "）夯实基层组织基础"));
                out.add(Para.free(Prose.numbered(org)));
            }
            // (三) unfinished plan items
            if (current != null) {
                List<String> open = new ArrayList<>();
                PlanOutline o = plans.load(current.id());
                for (PlanOutline.Line l : o.items()) {
                    var st = l.node().fields().status();
                    if ((st == PlanStatus.NOT_STARTED || st == PlanStatus.IN_PROGRESS) && open.size() < 4) {
                        String text = clean(l.node().fields().lead());
                        if (text.isEmpty()) {
                            text = clean(l.node().fields().body());
                        }
                        if (!text.isEmpty()) {
                            open.add(Prose.safe(Prose.sentence(text)) + (st == PlanStatus.IN_PROGRESS ? "该项工作正在推进，继续抓好落实，确保取得实效。"
                                    : "该项工作尚未启动，抓紧部署推进，确保按期完成。"));
                        }
                    }
                }
                if (!open.isEmpty()) {
                    out.add(Para.free("（" + Numbers.ordinal(++sub) + "）推动计划任务落实"));
                    out.add(Para.free(Prose.numbered(open)));
                }
            }
            if (sub == 0) {
                out.set(0, Para.free("下一步，" + Prose.safe(orgName) + "将认真总结" + spoken + "工作经验，查找不足，围绕中心大局谋划推进" + nextSpoken + "各项工作。"));
            }
            return out;
        }
    }

    private static final int DETAILED = 3;
    private static final int LISTED = 3;
    private static final int NAMED_HONOURS = 8;
    private static final int NAMED_ORGS = 5;

    private static double ratio(long now, long before) {
        return before == 0 ? 1 : (double) now / before;
    }

    /** One （一） of 工作开展情况 while it is being put together. */
    private static final class Section {
        final String heading;
        final String lead;
        final List<Row> rows = new ArrayList<>();
        boolean withHonors;
        boolean withOrgWork;

        Section(String heading, String lead) {
            this.heading = heading;
            this.lead = lead;
        }
    }

    private static Para linked(String template, Map<String, Long> fig) {
        return FigureText.keys(template).isEmpty() ? Para.free(template) : new Para(template, FigureText.render(template, fig));
    }

    /** A line meant for the clerk, never for the document: 「（请在此填写…）」「（尚未编写…）」. */
    public static boolean isHint(String text) {
        return text != null && HINT.matcher(text.strip()).matches();
    }

    private static final Pattern HINT = Pattern.compile("^[（(]\\s*(?:请|尚未|此处|在此|待补充|待填写|示例|例如).*[）)]$");

    /**
     * The plan for 三、下一步工作计划, keeping its structure: with several 一、 sections each becomes a （一）,
     * its （一） subsections become 「1．…」 headings and items 一是、二是…; a plan of one section has its
     * subsections as （一） and its items as 一是.
     */
    private List<Para> planAsLines(Plan plan) {
        PlanOutline o = plans.load(plan.id());
        List<Para> out = new ArrayList<>();
        Period p = Period.custom(plan.from(), plan.to());
        out.add(Para.free(Numbers.periodSpoken(p.from(), p.to()) + "，我们将重点抓好以下工作："));
        List<PlanNode> roots = o.roots();
        if (roots.size() == 1 && !roots.getFirst().children().isEmpty()) {
            subsections(roots.getFirst().children(), out);
        } else {
            int sec = 0;
            for (PlanNode s : roots) {
                out.add(Para.free("（" + Numbers.ordinal(++sec) + "）" + Prose.safe(clean(s.fields().lead()))));
                int third = 0;
                List<String> items = new ArrayList<>();
                for (PlanNode c : s.children()) {
                    if (!c.children().isEmpty()) {
                        flushItems(items, out);
                        out.add(Para.free((++third) + "．" + Prose.safe(clean(c.fields().lead()))));
                        out.add(Para.free(Prose.numbered(c.children().stream().map(i -> itemText(i.fields())).toList())));
                    } else {
                        items.add(itemText(c.fields()));
                    }
                }
                flushItems(items, out);
            }
        }
        return out;
    }

    /** Items of one level written as one paragraph 「一是…二是…」 ({@link Prose#numbered}). */
    private static void flushItems(List<String> items, List<Para> out) {
        if (!items.isEmpty()) {
            out.add(Para.free(Prose.numbered(items)));
            items.clear();
        }
    }

    private static void subsections(List<PlanNode> nodes, List<Para> out) {
        int sub = 0;
        List<String> items = new ArrayList<>();
        for (PlanNode c : nodes) {
            if (!c.children().isEmpty()) {
                flushItems(items, out);
                out.add(Para.free("（" + Numbers.ordinal(++sub) + "）" + Prose.safe(clean(c.fields().lead()))));
                out.add(Para.free(Prose.numbered(c.children().stream().map(i -> itemText(i.fields())).toList())));
            } else {
                items.add(itemText(c.fields()));
            }
        }
        flushItems(items, out);
    }

    private static String itemText(ItemFields f) {
        return Prose.safe(clean(f.lead()) + clean(f.body()));
    }

    /** The whole plan as parts (template 工作计划): each plan section is a 一、 part. */
    private List<Part> planAsParts(Plan plan) {
        PlanOutline o = plans.load(plan.id());
        List<Part> out = new ArrayList<>();
        int n = 0;
        for (PlanNode s : o.roots()) {
            n++;
            List<Para> paras = new ArrayList<>();
            subsections(s.children(), paras);
            out.add(new Part(NEXT + "-" + n, Prose.safe(clean(s.fields().lead())), paras));
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
    private static final Pattern ITEM = Pattern.compile("^[一二三四五六七八九十百零]+是.*");
    /** 「…。二是…」 inside a line: the items already run on in one paragraph. */
    private static final Pattern RUN_ON = Pattern.compile("[。；！][二三四五六七八九十]+是");
    /** 「1．加强组织建设」: a third-level heading when short and not a sentence. */
    private static final Pattern THIRD = Pattern.compile("^[0-9０-９]{1,2}\\s*[.．、]\\s*[^。；]{1,30}[。]?$");

    /**
     * The draft as a document: a part without heading is the 总述 before 一、; lines "（一）…" start
     * subsections, "1．…" are third-level headings, "一是…" are items with a bold lead. Lines meant for
     * the clerk (「（请…）」) are left out.
     */
    public ReportDocument toDocument(SummaryContent c) {
        List<ReportDocument.Section> sections = new ArrayList<>();
        for (Part p : c.parts()) {
            List<ReportDocument.Paragraph> direct = new ArrayList<>();
            List<ReportDocument.Subsection> subs = new ArrayList<>();
            String subHead = null;
            List<ReportDocument.Paragraph> cur = direct;
            for (Para para : p.paras()) {
                String t = para.text() == null ? "" : para.text().strip();
                if (t.isEmpty() || isHint(t)) {
                    continue;
                }
                if (SUBHEAD.matcher(t).matches()) {
                    if (subHead != null) {
                        subs.add(new ReportDocument.Subsection(subHead, cur));
                    }
                    subHead = t;
                    cur = new ArrayList<>();
                } else if (ITEM.matcher(t).matches() && !RUN_ON.matcher(Numbers.stripItemNumber(t)).find()) {
                    // a line of its own per item; a paragraph already holding 一是…二是… stays as written
                    cur.add(item(t));
                } else if (THIRD.matcher(t).matches()) {
                    cur.add(ReportDocument.Paragraph.heading3(t));
                } else {
                    cur.add(ReportDocument.Paragraph.plain(t));
                }
            }
            if (subHead != null) {
                subs.add(new ReportDocument.Subsection(subHead, cur));
            }
            if (direct.isEmpty() && subs.isEmpty() && p.heading().isBlank()) {
                continue;
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

    /**
     * Appendix tables chosen in {@code c.appendices()}, built from the records now. A table with nothing
     * to show (no activity in the period, no honour, no 亮点) is neither attached nor listed.
     */
    public List<ReportDocument.Appendix> appendices(SummaryContent c) {
        List<ReportDocument.Appendix> out = new ArrayList<>();
        for (String kind : c.appendices()) {
            ReportDocument.Appendix a = switch (kind) {
                case "stats" -> statsTable(c);
                case "honors" -> honorsTable(c);
                case "activities" -> activitiesTable(c);
                default -> throw new ValidationException("附件", "附件类型“" + kind + "”无效，可选：stats（分类统计）、honors（荣誉名单）、activities（特色活动）");
            };
            if (a != null && !a.rows().isEmpty()) {
                out.add(a);
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
        if (fig.getOrDefault("total.activities", 0L) == 0) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (var e : names.entrySet()) {
            String k = "cat." + e.getKey();
            // a category with nothing in the period is left out unless the clerk asked for every row
            if (fig.containsKey(k + ".activities") && (c.zeroRows() || fig.getOrDefault(k + ".activities", 0L) > 0)) {
                keys.add(k);
                labels.add(e.getValue());
            }
        }
        keys.add("total");
        labels.add("合计");
        // hours: one decimal in every row when any row has one, so the column reads alike
        boolean decimals = keys.stream().anyMatch(k -> fig.getOrDefault(k + ".service", 0L) % 10 != 0);
        for (int i = 0; i < keys.size(); i++) {
            rows.add(statsRow(labels.get(i), fig, keys.get(i), decimals));
        }
        return new ReportDocument.Appendix(Numbers.periodTitle(c.from(), c.to()) + "活动分类统计表",
                List.of("类别", "场次", "参与人次", "服务时长（小时）", "惠及人数"), rows);
    }

    /** One row of the 分类统计表: a table, so the figures as on screen and in Excel, thousands separated ({@link Numbers#grouped}). */
    private static List<String> statsRow(String label, Map<String, Long> fig, String k, boolean decimals) {
        return List.of(label, Numbers.grouped(fig.getOrDefault(k + ".activities", 0L)), Numbers.grouped(fig.getOrDefault(k + ".participants", 0L)),
                Numbers.groupedTenths(fig.getOrDefault(k + ".service", 0L), decimals), Numbers.grouped(fig.getOrDefault(k + ".beneficiaries", 0L)));
    }

    private ReportDocument.Appendix honorsTable(SummaryContent c) {
        List<List<String>> rows = new ArrayList<>();
        db.read(ctx -> ctx.select(HONOR.HONOR_DATE, HONOR.TITLE, HONOR.LEVEL, HONOR.KIND, ORG.NAME, PERSON.NAME).from(HONOR)
                .join(ORG).on(ORG.ID.eq(HONOR.ORG_ID)).leftJoin(PERSON).on(PERSON.ID.eq(HONOR.PERSON_ID))
                .where(HONOR.HONOR_DATE.between(c.from(), c.to()), Subtree.contains(HONOR.ORG_ID, c.orgId()))
                .orderBy(HONOR.HONOR_DATE, HONOR.ID).limit(APPENDIX_ROWS).fetch())
                .forEach(r -> rows.add(List.of(String.valueOf(rows.size() + 1), Numbers.tableDate(r.value1(), c.from(), c.to()), r.value2(), r.value3(),
                        r.value4(), r.value6() != null ? r.value6() + "（" + r.value5() + "）" : r.value5())));
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
                .forEach(r -> rows.add(List.of(String.valueOf(rows.size() + 1), Numbers.tableDate(r.value1(), c.from(), c.to()), r.value2(),
                        r.value3(), r.value4(), Numbers.grouped(r.value5()))));
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
}
