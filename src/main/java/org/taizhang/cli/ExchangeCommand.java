package org.taizhang.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.taizhang.db.Database;
import org.taizhang.exchange.ExchangeService;
import org.taizhang.exchange.ImportPreview;
import org.taizhang.exchange.ImportResult;
import org.taizhang.exchange.Kind;
import org.taizhang.exchange.Manifest;
import org.taizhang.exchange.PackageFormat;
import org.taizhang.exchange.ReportStatus;
import org.taizhang.io.ExportService;
import org.taizhang.stats.Period;
import org.taizhang.stats.Totals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code exchange export|import|status}: data packages between levels (数据上报). */
@Command(name = "exchange", description = {"数据上报：下级单位导出数据包（.tzpkg），上级单位预览并导入，查看上报情况。"},
        subcommands = {ExchangeCommand.Export.class, ExchangeCommand.Import.class, ExchangeCommand.Status.class,
                ExchangeCommand.Origin.class})
final class ExchangeCommand {

    @Command(name = "export", description = {"导出本组织（含全部下级）在某时段的数据包，用于上报。",
            "包含组织及换届信息、人员与成员关系、该时段的活动、荣誉和工作计划；身份证号和电话默认打码。"})
    static final class Export implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--org", required = true, paramLabel = "组织", description = "报送的组织（名称或 #编号），连同它的全部下级")
        String org;
        @Option(names = "--period", description = "时段：2026、2026H1、2026上半年、2026Q2、2026-05 …")
        String period;
        @Option(names = "--from", description = "起始日期（与 --to 一起代替 --period）")
        String from;
        @Option(names = "--to", description = "截止日期")
        String to;
        @Option(names = "--full-id", description = "包含完整的身份证号和电话（默认打码；上级可据完整号码合并同一人）")
        boolean fullId;
        @Option(names = "--out", required = true, paramLabel = "FILE.tzpkg", description = "输出的数据包文件")
        Path out;
        @Option(names = "--attachments", description = "同时带上活动和荣誉的附件（照片、签到表、证书；文件会大很多）")
        boolean attachments;

        @Override
        public Integer call() {
            Period p = Cli.period(period, from, to);
            Path target = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(PackageFormat.EXTENSION) ? out
                    : out.resolveSibling(out.getFileName() + PackageFormat.EXTENSION);
            try (Database db = Cli.open(spec)) {
                int orgId = Cli.orgId(db, org, "组织");
                if (fullId) {
                    spec.commandLine().getErr().println(ExportService.FULL_ID_WARNING);
                }
                Manifest m = new ExchangeService(db).export(orgId, p, fullId, attachments, target);
                PrintWriter o = Cli.out(spec);
                o.println("已导出数据包：" + target.toAbsolutePath());
                o.println("报送单位：" + String.join(" / ", m.senderPath()) + "；时段：" + m.periodText());
                o.println("内容：" + counts(m) + (fullId ? "（含完整身份证号）" : "（身份证号、电话已打码）"));
                o.println("合计：" + totals(m.totals()));
                return 0;
            }
        }
    }

    @Command(name = "import", description = {"导入下级报送的数据包：先列出将新增、修改、删除的记录和冲突，再在一个事务中写入（写入前自动备份）。",
            "同一数据包重复导入不会改变任何数据；同一单位更新的数据包会替换旧数据包带来的记录（含删除）。"})
    static final class Import implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE.tzpkg", description = "数据包文件")
        Path file;
        @Option(names = "--dry-run", description = "只预览，不写入")
        boolean dryRun;
        @Option(names = "--json", description = "以 JSON 输出预览或结果")
        boolean json;
        @Option(names = "--as", paramLabel = "组织", description = "报送单位对应本单位组织名册中的哪个组织（名称或 #编号）；之后会记住")
        String as;
        @Option(names = "--take-theirs", description = "冲突时以数据包为准（覆盖本级在上次导入后所做的修改）")
        boolean takeTheirs;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                Integer asOrg = Cli.orgId(db, as, "--as");
                ExchangeService ex = new ExchangeService(db);
                PrintWriter o = Cli.out(spec);
                if (dryRun) {
                    ImportPreview p = ex.preview(file, asOrg, takeTheirs);
                    if (json) {
                        Cli.json(spec, previewJson(p, null));
                    } else {
                        print(o, p);
                        o.println("（预览，未写入任何数据；去掉 --dry-run 即可导入）");
                    }
                    return 0;
                }
                ImportResult r = ex.apply(file, asOrg, takeTheirs);
                if (json) {
                    Cli.json(spec, previewJson(r.preview(), r));
                    return 0;
                }
                print(o, r.preview());
                if (!r.changedAnything()) {
                    o.println(r.preview().alreadyImported() ? "这个数据包已经导入过，数据没有变化。" : "没有需要写入的变化，数据未改动。");
                } else {
                    o.println("已导入：新增 " + r.added() + "，修改 " + r.changed() + "，删除 " + r.removed()
                            + (r.attachments() > 0 ? "，附件 " + r.attachments() + " 个" : "") + "。导入前的备份："
                            + (r.backup() == null ? "（无）" : r.backup().toAbsolutePath()));
                }
                r.kept().forEach(k -> o.println("保留：" + k));
                return 0;
            }
        }

        private static void print(PrintWriter o, ImportPreview p) {
            Manifest m = p.manifest();
            o.println("数据包：" + p.fileName() + "（" + m.program() + "，格式第 " + m.formatVersion() + " 版，生成于 "
                    + m.createdAt().atZone(java.time.ZoneId.systemDefault()).toLocalDateTime().withNano(0).toString().replace('T', ' ') + "）");
            o.println("报送单位：" + String.join(" / ", m.senderPath()) + " → 本单位的 " + p.rootPath());
            o.println("时段：" + m.periodText() + (m.fullId() ? "；含完整身份证号" : "；身份证号已打码"));
            o.println("合计（报送单位统计）：" + totals(m.totals()));
            o.println(p.summary());
            for (Kind k : Kind.values()) {
                Map<ImportPreview.Op, Long> row = p.table().get(k);
                if (row.values().stream().mapToLong(Long::longValue).sum() > 0) {
                    o.println("  " + k.label + "：新增 " + row.get(ImportPreview.Op.ADD) + "，修改 " + row.get(ImportPreview.Op.CHANGE)
                            + "，删除 " + row.get(ImportPreview.Op.REMOVE) + "，冲突 " + row.get(ImportPreview.Op.CONFLICT)
                            + "，无变化 " + row.get(ImportPreview.Op.SAME));
                }
            }
            for (ImportPreview.Item i : p.items()) {
                if (i.op() != ImportPreview.Op.SAME) {
                    o.println("  [" + i.op().label + "] " + i.kind().label + "：" + i.label() + (i.reason() == null ? "" : "——" + i.reason()));
                }
            }
        }

        private static Map<String, Object> previewJson(ImportPreview p, ImportResult r) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("file", p.fileName());
            j.put("package_id", p.manifest().packageId());
            j.put("sender", p.manifest().senderName());
            j.put("sender_path", p.manifest().senderPath());
            j.put("receiver_org_id", p.rootOrgId());
            j.put("receiver_path", p.rootPath());
            j.put("period_from", p.manifest().from());
            j.put("period_to", p.manifest().to());
            j.put("already_imported", p.alreadyImported());
            Map<String, Object> counts = new LinkedHashMap<>();
            for (ImportPreview.Op op : ImportPreview.Op.values()) {
                counts.put(op.name().toLowerCase(java.util.Locale.ROOT), p.count(op));
            }
            j.put("counts", counts);
            j.put("items", p.items().stream().filter(i -> i.op() != ImportPreview.Op.SAME).map(i -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("kind", i.kind().code);
                x.put("op", i.op().name().toLowerCase(java.util.Locale.ROOT));
                x.put("uid", i.uid());
                x.put("local_id", i.localId());
                x.put("label", i.label());
                x.put("reason", i.reason());
                return x;
            }).toList());
            if (r != null) {
                Map<String, Object> done = new LinkedHashMap<>();
                done.put("added", r.added());
                done.put("changed", r.changed());
                done.put("removed", r.removed());
                done.put("attachments", r.attachments());
                done.put("kept", r.kept());
                done.put("backup", r.backup() == null ? null : r.backup().toAbsolutePath().toString());
                j.put("applied", done);
            }
            return j;
        }
    }

    @Command(name = "status", description = "上报情况：各直属下级组织是否已报送该时段的数据包、何时、合计多少，哪些还没有报送。")
    static final class Status implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--period", description = "时段：2026、2026H1 …")
        String period;
        @Option(names = "--from", description = "起始日期")
        String from;
        @Option(names = "--to", description = "截止日期")
        String to;
        @Option(names = "--org", description = "查看哪个组织的直属下级（默认：唯一的顶级组织）")
        String org;
        @Option(names = "--json", description = "以 JSON 输出")
        boolean json;

        @Override
        public Integer call() {
            Period p = Cli.period(period, from, to);
            try (Database db = Cli.open(spec)) {
                ExchangeService ex = new ExchangeService(db);
                int orgId = org == null ? ex.defaultReceiver().id() : Cli.orgId(db, org, "--org");
                ReportStatus s = ex.status(orgId, p);
                if (json) {
                    Cli.json(spec, s);
                    return 0;
                }
                PrintWriter o = Cli.out(spec);
                o.println(s.orgName() + " " + p.label() + "（" + p.from() + " 至 " + p.to() + "）上报情况：已报送 " + s.reportedCount()
                        + " 个，未报送 " + s.missing().size() + " 个");
                for (ReportStatus.Line l : s.lines()) {
                    if (l.reported()) {
                        o.println("  ✓ " + l.orgName() + "：" + l.packageFrom() + " 至 " + l.packageTo() + "，生成于 " + l.createdAt()
                                + "，导入于 " + l.importedAt() + "；" + totals(l.totals()));
                    } else {
                        o.println("  ✗ " + l.orgName() + "：未报送");
                    }
                }
                return 0;
            }
        }
    }

    @Command(name = "origin", description = "来源：一条记录是哪个下级的数据包带来的、何时导入（本级自己录入的记录没有来源）。")
    static final class Origin implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "类型", description = "org、person、membership、activity、honor、plan")
        String kind;
        @Parameters(index = "1", paramLabel = "编号", description = "记录编号，如 #12")
        String id;

        @Override
        public Integer call() {
            Kind k;
            try {
                k = Kind.ofCode(kind.strip().toLowerCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new org.taizhang.common.ValidationException("类型", "“" + kind + "”不是记录类型，可选：org、person、membership、activity、honor、plan");
            }
            int n = Cli.recordId(id, k.label);
            try (Database db = Cli.open(spec)) {
                var o = new ExchangeService(db).origin(k, n);
                Cli.out(spec).println(k.label + " #" + n + "：" + o.map(ExchangeService.Origin::text).orElse("本级录入（不是由数据包带来的）"));
                return 0;
            }
        }
    }

    static String counts(Manifest m) {
        List<String> parts = new java.util.ArrayList<>();
        for (Kind k : Kind.values()) {
            parts.add(k.label + " " + m.count(k) + " " + k.unit);
        }
        if (m.counts().getOrDefault("attachment", 0) > 0) {
            parts.add("附件 " + m.counts().get("attachment") + " 个");
        }
        return String.join("，", parts);
    }

    static String totals(Map<String, Long> t) {
        return "活动 " + t.getOrDefault("activities", 0L) + " 场，参与 " + t.getOrDefault("participants", 0L) + " 人次，服务 "
                + Totals.hoursText(t.getOrDefault("service_tenths", 0L)) + " 小时，惠及 " + t.getOrDefault("beneficiaries", 0L)
                + " 人，荣誉 " + t.getOrDefault("honors", 0L) + " 项，在册成员 " + t.getOrDefault("members", 0L) + " 人";
    }

}
