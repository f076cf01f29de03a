package org.taizhang.cli;

import static org.taizhang.db.jooq.Tables.ACTIVITY_CATEGORY;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.taizhang.common.Dates;
import org.taizhang.common.Texts;
import org.taizhang.common.UserException;
import org.taizhang.db.Database;
import org.taizhang.honor.HonorKind;
import org.taizhang.org.OrgService;
import org.taizhang.stats.AgeOut;
import org.taizhang.stats.Behind;
import org.taizhang.stats.ElectionDue;
import org.taizhang.stats.Figure;
import org.taizhang.stats.HonorTable;
import org.taizhang.stats.OrgWork;
import org.taizhang.stats.Period;
import org.taizhang.stats.RecordRow;
import org.taizhang.stats.Reminders;
import org.taizhang.stats.Report;
import org.taizhang.stats.Row;
import org.taizhang.stats.StatsExcel;
import org.taizhang.stats.StatsJson;
import org.taizhang.stats.StatsService;
import org.taizhang.stats.Totals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stats [--org NAME] [--period 2021H1 | --from DATE --to DATE] [--all-categories] [--json]}: the statistics of
 * a subtree and period with 同比; subcommands {@code reminders}, {@code records}, {@code export}.
 */
@Command(name = "stats", description = "统计分析：按组织（含全部下级）和时段统计场次、人次、时长、惠及人数、荣誉、换届与成员，含同比",
        subcommands = {StatsCommand.RemindersCmd.class, StatsCommand.RecordsCmd.class, StatsCommand.ExportCmd.class})
final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    Scope scope = new Scope();
    @Mixin
    Categories categories = new Categories();
    @Option(names = "--json", description = "以 JSON 输出（格式见 README“统计分析”一节）")
    boolean json;

    /** Whether the by-category table lists the categories without activities too: shared by stats and stats export. */
    static final class Categories {
        @Option(names = "--all-categories", description = "按类别统计时也列出本时段和同比时段都没有活动的类别（默认不列）")
        boolean all;
    }

    /** Which subtree and period: shared by stats, stats records and stats export. */
    static final class Scope {
        @Option(names = "--org", description = "组织名称或 #编号（统计它及全部下级）；不填则统计全部组织")
        String org;
        @Option(names = "--period", description = "时段：2021（全年）、2021H1/2021H2（上/下半年）、2021Q3（季度）、2021-05（月份）")
        String period;
        @Option(names = "--from", description = "开始日期（含当天）")
        String from;
        @Option(names = "--to", description = "结束日期（含当天）")
        String to;
        @Option(names = "--months", defaultValue = "3", description = "换届提醒提前的月数（默认 3）")
        int months;

        Period period() {
            if (period != null && (from != null || to != null)) {
                throw new UserException("--period 与 --from/--to 只能用一种，请去掉其中之一");
            }
            if (period != null) {
                return Period.parse(period);
            }
            if (from == null && to == null) {
                return Period.year(LocalDate.now().getYear());
            }
            if (from == null || to == null) {
                throw new UserException("自定义时段要同时给出 --from 和 --to，例如 --from 2021-01-01 --to 2021-06-30");
            }
            return Period.custom(Cli.date(from), Cli.date(to));
        }

        Integer root(Database db) {
            return Cli.orgId(db, org);
        }
    }

    @Override
    public Integer call() {
        try (Database db = Cli.open(spec)) {
            Period p = scope.period();
            Report r = new StatsService(db).report(scope.root(db), p, scope.months, categories.all);
            if (json) {
                Cli.json(spec, StatsJson.report(r));
            } else {
                print(Cli.out(spec), r);
            }
            return 0;
        }
    }

    static void print(PrintWriter out, Report r) {
        out.printf("%s · %s（%s 至 %s），同比 %s%n", r.rootName(), r.period().label(), Dates.iso(r.period().from()),
                Dates.iso(r.period().to()), r.previousPeriod().label());
        for (Totals.Metric m : Totals.Metric.values()) {
            var c = r.change(m);
            out.printf("  %s：%s %s（同期 %s，%s，%s）%n", m.label, m.format(c.current()), m.unit, m.format(c.previous()),
                    m == Totals.Metric.SERVICE_TENTHS ? (c.delta() >= 0 ? "+" : "") + m.format(c.delta()) : c.deltaText(), c.percentText());
        }
        table(out, "按类别", r.byCategory(), false); // the service already chose the categories (see --all-categories)
        table(out, "按月份", r.byMonth(), true);
        table(out, "按下级组织（含其全部下级）", r.byChildOrg(), true);
        out.printf("荣誉：共 %d 项（同期 %d 项）%n", r.honors().total(), r.previousHonors().total());
        for (String level : HonorTable.LEVELS) {
            long all = r.honors().count(level, null);
            if (all > 0 || r.previousHonors().count(level, null) > 0) {
                String c = HonorKind.COLLECTIVE.label;
                String i = HonorKind.INDIVIDUAL.label;
                out.printf("  %s：%s %d，%s %d（同期 %s %d，%s %d）%n", level, c, r.honors().count(level, c), i, r.honors().count(level, i),
                        c, r.previousHonors().count(level, c), i, r.previousHonors().count(level, i));
            }
        }
        OrgWork w = r.orgWork();
        out.println("组织工作：");
        out.printf("  完成换届 %d 个（同期 %d），新成立组织 %d 个（同期 %d）%n", w.electionsHeld().current(), w.electionsHeld().previous(),
                w.founded().current(), w.founded().previous());
        out.printf("  截至 %s：换届已逾期 %d 个，%d 个月内应换届 %d 个%n", Dates.iso(w.asOf()), w.electionsOverdue(), w.monthsAhead(),
                w.electionsDueSoon());
        out.printf("  成员：期初 %d 人，期末 %d 人（%+d），本期加入 %d、离开 %d%n", w.membersAtStart(), w.membersAtEnd(), w.memberChange(),
                w.joined(), w.left());
        out.printf("  本期年满28周岁的共青团员 %d 人；没有有效组织关系的人员 %d 人%n", w.ageOuts(), w.withoutOrg());
        out.flush();
    }

    /** @param skipEmpty leave out the rows without activities in either period (months, child organisations) */
    private static void table(PrintWriter out, String title, List<Row> rows, boolean skipEmpty) {
        out.println(title + "：");
        for (Row x : rows) {
            Totals t = x.totals();
            if (skipEmpty && t.activities() == 0 && x.previous().activities() == 0) {
                continue;
            }
            out.printf("  %s%s：%d 场，%d 人次，%s 小时，惠及 %d 人（同期 %d 场，%s）%n", x.label(), x.note() == null ? "" : "（" + x.note() + "）",
                    t.activities(), t.participants(), t.serviceHoursText(), t.beneficiaries(), x.previous().activities(),
                    x.change(Totals.Metric.ACTIVITIES).percentText());
        }
    }

    @Command(name = "reminders", description = "待办提醒：换届逾期与临近、共青团员年满28周岁、没有有效组织关系的人员、过期未完成的计划事项")
    static final class RemindersCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--at", description = "以哪一天为准（默认今天）")
        String at;
        @Option(names = "--months", defaultValue = "3", description = "提前提醒的月数（默认 3）")
        int months;
        @Option(names = "--org", description = "只看该组织及其下级（名称或 #编号）")
        String org;
        @Option(names = "--limit", defaultValue = "200", description = "每类最多列出多少条（默认 200）")
        int limit;
        @Option(names = "--json", description = "以 JSON 输出")
        boolean json;

        @Override
        public Integer call() {
            LocalDate day = at == null ? LocalDate.now() : Cli.date(at);
            if (limit < 1) {
                throw new UserException("--limit 至少为 1");
            }
            try (Database db = Cli.open(spec)) {
                Integer root = Cli.orgId(db, org);
                Reminders r = new StatsService(db).reminders(root, day, months, limit);
                if (json) {
                    Cli.json(spec, StatsJson.reminders(r));
                    return 0;
                }
                PrintWriter out = Cli.out(spec);
                out.printf("截至 %s 的待办提醒（提前 %d 个月）%n", Dates.iso(day), months);
                out.printf("换届已逾期：%d 个%n", r.electionsOverdueCount());
                r.electionsOverdue().forEach(e -> out.println("  " + due(e)));
                more(out, r.electionsOverdueCount(), r.electionsOverdue().size());
                out.printf("%d 个月内应换届：%d 个%n", months, r.electionsDueSoonCount());
                r.electionsDueSoon().forEach(e -> out.println("  " + due(e)));
                more(out, r.electionsDueSoonCount(), r.electionsDueSoon().size());
                out.printf("%d 个月内年满28周岁的共青团员：%d 人%n", months, r.turning28Count());
                r.turning28().forEach(a -> out.println("  " + age(a)));
                more(out, r.turning28Count(), r.turning28().size());
                out.printf("已超过28周岁仍为共青团员：%d 人%n", r.over28Count());
                r.over28().forEach(a -> out.println("  " + age(a)));
                more(out, r.over28Count(), r.over28().size());
                out.printf("没有有效组织关系的人员：%d 人%n", r.withoutOrgCount());
                out.printf("工作计划中已过期未完成的事项：%d 项%n", r.planItemsOverdueCount());
                r.planItemsOverdue().forEach(pi -> out.printf("  %s｜%s｜%s｜应于 %s 完成（%s）%n", pi.planTitle(), pi.text(), pi.orgName(),
                        Dates.iso(pi.due()), pi.status()));
                more(out, r.planItemsOverdueCount(), r.planItemsOverdue().size());
                out.flush();
                return 0;
            }
        }

        private static void more(PrintWriter out, long total, int shown) {
            if (total > shown) {
                out.printf("  ……另有 %d 条未列出（用 --limit 调整）%n", total - shown);
            }
        }

        static String due(ElectionDue e) {
            return "#" + e.orgId() + " " + e.orgName() + "［" + e.typeName() + "］应于 " + Dates.iso(e.due()) + " 换届（"
                    + (e.lastElection() != null ? "上次换届 " + Dates.iso(e.lastElection()) : "未换届过，成立于 " + Dates.iso(e.founded()))
                    + "，任期 " + e.termYears() + " 年）";
        }

        static String age(AgeOut a) {
            return "#" + a.personId() + " " + a.name() + "，出生 " + Dates.iso(a.birthDate()) + "，" + Dates.iso(a.turns28()) + " 年满28周岁"
                    + (a.orgName() == null ? "（无有效组织关系）" : "（" + a.orgName() + "）");
        }
    }

    @Command(name = "records", description = "列出某个数字背后的记录，例如 --figure activities --category 志愿服务 --month 2021-05")
    static final class RecordsCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Scope scope = new Scope();
        @Option(names = "--figure", required = true, description = "哪个数字：activities（活动，即场次/人次/时长/惠及）、honors（荣誉）、"
                + "elections-held（完成换届）、founded（新成立）、overdue（换届逾期）、due-soon（临近换届）、members-start（期初成员）、"
                + "members-end（期末成员）、joined（加入）、left（离开）、age-outs（年满28周岁团员）、without-org（无组织关系）")
        String figure;
        @Option(names = "--category", description = "活动类别（名称或编号）")
        String category;
        @Option(names = "--month", description = "月份，如 2021-05")
        String month;
        @Option(names = "--child", description = "只看某个下级组织（含其下级）")
        String child;
        @Option(names = "--own", description = "只看本级（所选组织自己的活动）")
        boolean own;
        @Option(names = "--level", description = "荣誉级别：国家级、省级、市级、区/县级、街道/乡镇级、单位内部")
        String level;
        @Option(names = "--kind", description = "荣誉类型：集体 或 个人")
        String kind;
        @Option(names = "--limit", defaultValue = "1000", description = "最多列出多少条（默认 1000）")
        int limit;
        @Option(names = "--json", description = "以 JSON 输出")
        boolean json;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                Period p = scope.period();
                Integer root = scope.root(db);
                StatsService svc = new StatsService(db);
                Figure f = figure(db, svc, p);
                Behind b = svc.behind(root, p, f, Math.max(1, limit));
                if (json) {
                    Cli.json(spec, StatsJson.behind(b));
                    return 0;
                }
                PrintWriter out = Cli.out(spec);
                out.printf("%s · %s · %s：共 %d 条%n", root == null ? "全部组织" : new OrgService(db).pathOf(root), p.label(), b.title(), b.total());
                for (RecordRow r : b.rows()) {
                    out.printf("  %s #%d %s｜%s｜%s%n", r.date() == null ? "" : Dates.iso(r.date()), r.id(), r.title(),
                            r.orgName() == null ? "" : r.orgName(), r.detail());
                }
                if (b.truncated()) {
                    out.printf("  ……另有 %d 条未列出（用 --limit 调整）%n", b.total() - b.rows().size());
                }
                out.flush();
                return 0;
            }
        }

        private Figure figure(Database db, StatsService svc, Period p) {
            String f = Texts.clean(figure);
            return switch (f) {
                case "activities" -> new Figure.Activities(categoryId(db), month(), child == null ? null : new OrgService(db).resolve(child).id(), own);
                case "honors" -> {
                    if (level != null && !HonorTable.LEVELS.contains(Texts.clean(level))) {
                        throw new UserException("荣誉级别“" + level + "”不存在，可选：" + String.join("、", HonorTable.LEVELS));
                    }
                    if (kind != null && !HonorTable.KINDS.contains(Texts.clean(kind))) {
                        throw new UserException("荣誉类型应为“集体”或“个人”，而不是“" + kind + "”");
                    }
                    yield new Figure.Honors(Texts.cleanOrNull(level), Texts.cleanOrNull(kind));
                }
                case "elections-held" -> new Figure.ElectionsHeld();
                case "founded" -> new Figure.Founded();
                case "overdue" -> new Figure.ElectionsDue(svc.asOf(p), scope.months, true);
                case "due-soon" -> new Figure.ElectionsDue(svc.asOf(p), scope.months, false);
                case "members-start" -> new Figure.Members(true);
                case "members-end" -> new Figure.Members(false);
                case "joined" -> new Figure.MemberChanges(true);
                case "left" -> new Figure.MemberChanges(false);
                case "age-outs" -> new Figure.AgeOuts();
                case "without-org" -> new Figure.WithoutOrg();
                default -> throw new UserException("--figure 不认识“" + figure + "”，可选：activities、honors、elections-held、founded、"
                        + "overdue、due-soon、members-start、members-end、joined、left、age-outs、without-org");
            };
        }

        private YearMonth month() {
            if (month == null) {
                return null;
            }
            try {
                return YearMonth.from(Period.parse(month).from());
            } catch (UserException | DateTimeParseException e) {
                throw new UserException("--month 应写成 2021-05，而不是“" + month + "”");
            }
        }

        private Integer categoryId(Database db) {
            if (category == null) {
                return null;
            }
            String c = Texts.compactCode(category);
            return db.read(ctx -> ctx.select(ACTIVITY_CATEGORY.ID).from(ACTIVITY_CATEGORY)
                    .where(ACTIVITY_CATEGORY.NAME.eq(Texts.clean(category))
                            .or(c.chars().allMatch(Character::isDigit) ? ACTIVITY_CATEGORY.ID.eq(Integer.parseInt(c)) : org.jooq.impl.DSL.falseCondition()))
                    .fetchOptional(ACTIVITY_CATEGORY.ID)
                    .orElseThrow(() -> new UserException("没有名为“" + category + "”的活动类别")));
        }
    }

    @Command(name = "export", description = "把统计结果导出为 Excel（.xlsx），每个分类一个工作表")
    static final class ExportCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Scope scope = new Scope();
        @Mixin
        Categories categories = new Categories();
        @Option(names = "--out", required = true, description = "输出文件（.xlsx）")
        Path outFile;

        @Override
        public Integer call() {
            if (!outFile.getFileName().toString().toLowerCase().endsWith(".xlsx")) {
                throw new UserException("导出文件名应以 .xlsx 结尾，例如 统计.xlsx");
            }
            try (Database db = Cli.open(spec)) {
                Report r = new StatsService(db).report(scope.root(db), scope.period(), scope.months, categories.all);
                StatsExcel.write(r, outFile);
                Cli.out(spec).printf("已导出 %s %s 的统计到 %s%n", r.rootName(), r.period().label(), outFile.toAbsolutePath());
                Cli.out(spec).flush();
                return 0;
            }
        }
    }
}
