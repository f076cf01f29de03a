package org.taizhang.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.taizhang.common.ValidationException;
import org.taizhang.db.Database;
import org.taizhang.org.OrgService;
import org.taizhang.plan.ItemFields;
import org.taizhang.plan.Plan;
import org.taizhang.plan.PlanInput;
import org.taizhang.plan.PlanNode;
import org.taizhang.plan.PlanOutline;
import org.taizhang.plan.PlanService;
import org.taizhang.common.PlanStatus;
import org.taizhang.plan.Progress;
import org.taizhang.plan.TargetMetric;
import org.taizhang.report.SummaryComposer;
import org.taizhang.report.SummaryContent;
import org.taizhang.report.SummaryTemplate;
import org.taizhang.stats.Period;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "plan", description = "工作计划：list 列出、show 查看、create 新建、edit 改标题或时段、copy 复制上期计划、add-item 加条目、edit-item 改条目、"
        + "move-item 调整位置、remove-item 删条目、delete 删除计划、export 导出 Word",
        subcommands = {PlanCommand.ListCmd.class, PlanCommand.ShowCmd.class, PlanCommand.CreateCmd.class, PlanCommand.EditCmd.class, PlanCommand.CopyCmd.class,
                PlanCommand.AddItemCmd.class, PlanCommand.EditItemCmd.class, PlanCommand.MoveItemCmd.class,
                PlanCommand.RemoveItemCmd.class, PlanCommand.DeleteCmd.class, PlanCommand.ExportCmd.class})
final class PlanCommand {
    private PlanCommand() {
    }

    static int planId(String text) {
        return Cli.number(text, "计划", "plan list");
    }

    /** The node with plan_item id {@code text} ("#12" or "12"). */
    static PlanNode node(PlanOutline o, String text) {
        int id = planId(text);
        for (PlanOutline.Line l : o.lines()) {
            if (l.node().id() != null && l.node().id() == id) {
                return l.node();
            }
        }
        throw new ValidationException(F_ITEM, "这个计划里没有编号为 #" + id + " 的条目（用 plan show 查看条目编号）");
    }

    static final String F_ITEM = PlanService.F_ITEM;

    /** An item as the outline shows it: its number path ("一、（二）") and its text. */
    static String numbered(PlanOutline o, PlanNode n) {
        return PlanService.numberPaths(o).get(n.key()) + n.fields().text();
    }

    /** What edit-item, move-item and remove-item do to the item they name. */
    interface ItemChange {
        void apply(Database db, PlanService svc, PlanOutline o, PlanNode n);
    }

    /**
     * Loads plan {@code plan}'s outline, applies {@code change} to its item {@code item}, saves the
     * outline and prints {@code done}'s line (built from the saved outline).
     */
    static int changeItem(CommandSpec spec, String plan, String item, ItemChange change,
                          java.util.function.BiFunction<PlanOutline, PlanNode, String> done) {
        try (Database db = Cli.open(spec)) {
            PlanService svc = new PlanService(db);
            int id = planId(plan);
            PlanOutline o = svc.load(svc.require(id).id());
            PlanNode n = node(o, item);
            change.apply(db, svc, o, n);
            svc.save(id, o);
            Cli.out(spec).println(done.apply(o, n));
            return 0;
        }
    }

    static Map<String, Object> toJson(Plan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("orgId", p.orgId());
        m.put("org", p.orgName());
        m.put("title", p.title());
        m.put("from", p.from());
        m.put("to", p.to());
        m.put("period", p.periodLabel());
        m.put("copiedFrom", p.copiedFromId());
        m.put("items", p.itemCount());
        return m;
    }

    @Command(name = "list", description = "列出工作计划")
    static final class ListCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--org", description = "组织（名称或 #编号）")
        String org;
        @Option(names = "--year", description = "只列出涉及该年度的计划")
        Integer year;
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                Integer orgId = Cli.orgId(db, org);
                List<Plan> list = new PlanService(db).list(orgId, year);
                if (json) {
                    Cli.json(spec, list.stream().map(PlanCommand::toJson).toList());
                } else {
                    for (Plan p : list) {
                        Cli.out(spec).printf("#%d %s［%s，%s 至 %s］%s，%d 条%s%n", p.id(), p.title(), p.periodLabel(), p.from(), p.to(),
                                p.orgName(), p.itemCount(), p.copiedFromId() == null ? "" : "（由 #" + p.copiedFromId() + " 复制）");
                    }
                    Cli.out(spec).printf("共 %d 个计划%n", list.size());
                }
                return 0;
            }
        }
    }

    @Command(name = "show", description = "显示计划提纲：编号、状态、责任组织、期限、目标完成情况")
    static final class ShowCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "计划", description = "计划编号")
        String plan;
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                PlanService svc = new PlanService(db);
                Plan p = svc.require(planId(plan));
                PlanOutline o = svc.load(p.id());
                Map<Long, Progress> progress = svc.progress(p, o);
                Map<Integer, String> orgNames = new java.util.HashMap<>();
                new OrgService(db).listAll().forEach(x -> orgNames.put(x.id(), x.name()));
                Map<Integer, String> cats = svc.categories();
                if (json) {
                    Map<String, Object> m = toJson(p);
                    List<Map<String, Object>> items = new ArrayList<>();
                    for (PlanOutline.Line l : o.lines()) {
                        ItemFields f = l.node().fields();
                        Map<String, Object> it = new LinkedHashMap<>();
                        it.put("id", l.node().id());
                        it.put("depth", l.depth());
                        it.put("kind", l.kind().name().toLowerCase(java.util.Locale.ROOT));
                        it.put("number", l.number());
                        it.put("lead", f.lead());
                        it.put("body", f.body());
                        it.put("owner", f.ownerOrgId() == null ? null : orgNames.get(f.ownerOrgId()));
                        it.put("due", f.dueDate());
                        it.put("status", f.status().label);
                        it.put("carriedOver", f.carriedOver());
                        if (f.metric() != null) {
                            it.put("targetMetric", f.metric().code);
                            it.put("targetCategory", f.targetCategoryId() == null ? null : cats.get(f.targetCategoryId()));
                            it.put("target", f.targetValue());
                        }
                        Progress pr = progress.get(l.node().key());
                        if (pr != null) {
                            it.put("actual", pr.actual());
                            it.put("percent", pr.percent());
                        }
                        items.add(it);
                    }
                    m.put("outline", items);
                    Cli.json(spec, m);
                    return 0;
                }
                var out = Cli.out(spec);
                out.printf("#%d %s（%s，%s）%n", p.id(), p.title(), p.orgName(), p.periodLabel());
                for (PlanOutline.Line l : o.lines()) {
                    ItemFields f = l.node().fields();
                    StringBuilder b = new StringBuilder("  ".repeat(l.depth())).append(l.number()).append(f.text());
                    if (l.kind() == PlanOutline.Kind.ITEM) {
                        b.append("　［").append(f.status().label);
                        if (f.ownerOrgId() != null) {
                            b.append("，责任：").append(orgNames.getOrDefault(f.ownerOrgId(), "#" + f.ownerOrgId()));
                        }
                        if (f.dueDate() != null) {
                            b.append("，期限：").append(f.dueDate());
                        }
                        if (f.carriedOver()) {
                            b.append("，上期结转");
                        }
                        Progress pr = progress.get(l.node().key());
                        if (pr != null) {
                            b.append("，").append(pr.text());
                        }
                        b.append("］");
                    }
                    b.append("　#").append(l.node().id());
                    out.println(b);
                }
                return 0;
            }
        }
    }

    static final class Header {
        @Option(names = "--org", required = true, description = "计划所属组织（名称或 #编号）")
        String org;
        @Option(names = "--title", description = "计划标题（默认：组织名+时段+工作计划）")
        String title;
        @Option(names = "--period", description = "时段：2022、2022H2、2022Q3、2022-05")
        String period;
        @Option(names = "--from", description = "开始日期")
        String from;
        @Option(names = "--to", description = "结束日期")
        String to;

        PlanInput input(Database db) {
            var o = new OrgService(db).resolve(org);
            Period p = Cli.period(period, from, to);
            String t = title != null ? title : o.name() + p.label() + "工作计划";
            return new PlanInput(o.id(), t, p.from(), p.to(), p.label());
        }
    }

    @Command(name = "create", aliases = "add", description = "新建一个空的工作计划（也可写 plan add）")
    static final class CreateCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Header header = new Header();

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                PlanService svc = new PlanService(db);
                int id = svc.create(header.input(db));
                Cli.out(spec).printf("已新建计划 #%d %s%n", id, svc.require(id).title());
                return 0;
            }
        }
    }

    @Command(name = "edit", description = "修改计划的标题、组织或时段（只改给出的项）")
    static final class EditCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "计划")
        String plan;
        @Option(names = "--org", description = "计划所属组织（名称或 #编号）")
        String org;
        @Option(names = "--title", description = "计划标题")
        String title;
        @Option(names = "--period", description = "时段：2022、2022H2、2022Q3、2022-05")
        String period;
        @Option(names = "--from", description = "开始日期")
        String from;
        @Option(names = "--to", description = "结束日期")
        String to;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                PlanService svc = new PlanService(db);
                Plan p = svc.require(planId(plan));
                Integer orgId = org == null ? p.orgId() : new OrgService(db).resolve(org).id();
                Period np = period != null || (from != null && to != null) ? Cli.period(period, from, to)
                        : Period.custom(from != null ? Cli.date(from) : p.from(), to != null ? Cli.date(to) : p.to());
                boolean newPeriod = !np.from().equals(p.from()) || !np.to().equals(p.to());
                svc.updateHeader(p.id(), new PlanInput(orgId, title != null ? title : p.title(), np.from(), np.to(),
                        newPeriod ? np.label() : p.periodLabel()));
                Plan after = svc.require(p.id());
                Cli.out(spec).printf("已修改计划 #%d %s（%s，%s）%n", after.id(), after.title(), after.orgName(), after.periodLabel());
                return 0;
            }
        }
    }

    @Command(name = "copy", description = "以上期计划为基础新建本期计划，条目标记为“上期结转”")
    static final class CopyCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Header header = new Header();
        @Option(names = "--source", description = "要复制的计划编号（默认：该组织开始日期之前最近的一个计划）")
        String source;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                PlanService svc = new PlanService(db);
                PlanInput in = header.input(db);
                int src = source != null ? planId(source)
                        : svc.previous(in.orgId(), in.from()).map(Plan::id).orElseThrow(() -> new ValidationException("计划",
                                "该组织在 " + in.from() + " 之前没有计划可复制，请用 --source 指定计划编号，或用 plan create 新建"));
                int id = svc.copyFrom(src, in);
                Plan p = svc.require(id);
                Cli.out(spec).printf("已由计划 #%d 复制出 #%d %s（%d 条）%n", src, id, p.title(), p.itemCount());
                return 0;
            }
        }
    }

    static final class ItemOptions {
        @Option(names = "--lead", description = "要点（加粗的开头一句）或标题")
        String lead;
        @Option(names = "--body", description = "正文")
        String body;
        @Option(names = "--owner", description = "责任组织（名称或 #编号；写 - 清除）")
        String owner;
        @Option(names = "--due", description = "完成期限（写 - 清除）")
        String due;
        @Option(names = "--status", description = "状态：未开始、进行中、已完成、已取消")
        String status;
        @Option(names = "--target-metric", description = "目标指标：activities 开展活动、participants 参与人次、service_hours 服务时长、"
                + "beneficiaries 惠及群众、elections 完成换届、founded 新建组织、honors 获得荣誉；写 - 清除")
        String metric;
        @Option(names = "--target-category", description = "目标活动类别，如 志愿服务")
        String category;
        @Option(names = "--target", description = "目标值（正整数）")
        Integer target;

        ItemFields apply(Database db, PlanService svc, ItemFields f) {
            if (lead != null) {
                f = f.withLead(lead);
            }
            if (body != null) {
                f = f.withBody(body.replace("\\n", "\n"));
            }
            if (owner != null) {
                f = f.withOwner(owner.equals("-") ? null : new OrgService(db).resolve(owner).id());
            }
            if (due != null) {
                f = f.withDue(due.equals("-") ? null : Cli.date(due));
            }
            if (status != null) {
                f = f.withStatus(PlanStatus.of(status));
            }
            if (metric != null || category != null || target != null) {
                TargetMetric m = metric == null ? f.metric() : metric.equals("-") ? null : TargetMetric.of(metric);
                Integer cat = category != null ? (category.equals("-") ? null : svc.categoryByName(category)) : f.targetCategoryId();
                Integer val = target != null ? target : f.targetValue();
                f = m == null ? f.withTarget(null, null, target) : f.withTarget(m, cat, val);
            }
            return f;
        }
    }

    @Command(name = "add-item", description = "加一条：--section 加一个“一、”部分；--under #条目 加为其下级；--after #条目 加在其后")
    static final class AddItemCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "计划")
        String plan;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Where where;
        @Mixin
        ItemOptions options = new ItemOptions();

        static final class Where {
            @Option(names = "--section", description = "加一个“一、二、…”部分")
            boolean section;
            @Option(names = "--under", description = "加为该条目（#编号）的最后一个下级")
            String under;
            @Option(names = "--after", description = "加在该条目（#编号）之后，同级")
            String after;
        }

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                PlanService svc = new PlanService(db);
                int id = planId(plan);
                svc.require(id);
                PlanOutline o = svc.load(id);
                ItemFields f = options.apply(db, svc, ItemFields.item(null, null));
                PlanNode n;
                if (where.section) {
                    n = o.addSection(f);
                } else if (where.under != null) {
                    n = o.addChild(node(o, where.under).key(), f);
                } else {
                    n = o.addAfter(node(o, where.after).key(), f);
                }
                svc.save(id, o);
                Cli.out(spec).printf("已添加 #%d %s%n", n.id(), numbered(o, n));
                return 0;
            }
        }
    }

    @Command(name = "edit-item", description = "修改条目（只改给出的项）")
    static final class EditItemCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "计划")
        String plan;
        @Parameters(index = "1", paramLabel = "条目", description = "条目 #编号")
        String item;
        @Mixin
        ItemOptions options = new ItemOptions();

        @Override
        public Integer call() {
            return changeItem(spec, plan, item, (db, svc, o, n) -> o.edit(n.key(), options.apply(db, svc, n.fields())),
                    (o, n) -> String.format("已修改 #%d %s", n.id(), numbered(o, n)));
        }
    }

    @Command(name = "move-item", description = "调整条目位置：--up 上移、--down 下移、--indent 降级、--outdent 升级")
    static final class MoveItemCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "计划")
        String plan;
        @Parameters(index = "1", paramLabel = "条目")
        String item;
        @ArgGroup(exclusive = true, multiplicity = "1")
        How how;

        static final class How {
            @Option(names = "--up")
            boolean up;
            @Option(names = "--down")
            boolean down;
            @Option(names = "--indent")
            boolean indent;
            @Option(names = "--outdent")
            boolean outdent;
        }

        @Override
        public Integer call() {
            return changeItem(spec, plan, item, (db, svc, o, n) -> {
                boolean done = how.up ? o.moveUp(n.key()) : how.down ? o.moveDown(n.key())
                        : how.indent ? o.indent(n.key()) : o.outdent(n.key());
                if (!done) {
                    throw new ValidationException(F_ITEM, how.up ? "已经是第一条，不能再上移" : how.down ? "已经是最后一条，不能再下移"
                            : how.indent ? "不能降级：前面没有同级条目，或计划最多三级" : "已经是最高一级，不能再升级");
                }
            }, (o, n) -> "已调整：" + numbered(o, n));
        }
    }

    @Command(name = "remove-item", description = "删除条目及其下级")
    static final class RemoveItemCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "计划")
        String plan;
        @Parameters(index = "1", paramLabel = "条目")
        String item;

        @Override
        public Integer call() {
            return changeItem(spec, plan, item, (db, svc, o, n) -> o.delete(n.key()),
                    (o, n) -> "已删除 #" + item.replace("#", "") + " " + n.fields().text());
        }
    }

    @Command(name = "delete", description = "删除整个计划")
    static final class DeleteCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "计划")
        String plan;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                PlanService svc = new PlanService(db);
                Plan p = svc.require(planId(plan));
                svc.delete(p.id());
                Cli.out(spec).printf("已删除计划 #%d %s%n", p.id(), p.title());
                return 0;
            }
        }
    }

    @Command(name = "export", description = "把计划导出为公文格式的 Word 文档（.docx）")
    static final class ExportCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "计划")
        String plan;
        @Option(names = "--out", required = true, description = "输出文件 .docx")
        Path out;
        @Option(names = "--sign-date", description = "落款日期（默认今天）")
        String signDate;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                Plan p = new PlanService(db).require(planId(plan));
                SummaryComposer composer = new SummaryComposer(db);
                SummaryContent c = composer.draft(p.orgId(), p.from(), p.to(), SummaryTemplate.PLAN, p.id());
                if (signDate != null) {
                    c = c.withTitle(c.title(), c.signOrg(), Cli.date(signDate));
                }
                composer.export(c, out);
                Cli.out(spec).printf("已导出：%s%n", out.toAbsolutePath());
                return 0;
            }
        }
    }
}
