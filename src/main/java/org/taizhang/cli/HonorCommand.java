package org.taizhang.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.taizhang.attachment.AttachmentService;
import org.taizhang.common.ValidationException;
import org.taizhang.db.Database;
import org.taizhang.honor.HonorCounts;
import org.taizhang.honor.HonorFilter;
import org.taizhang.honor.HonorInput;
import org.taizhang.honor.HonorRow;
import org.taizhang.honor.HonorService;
import org.taizhang.honor.HonorText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "honor", description = "荣誉：list 列出（含按级别 × 集体/个人计数）、add 新增、edit 修改、remove 删除",
        subcommands = {HonorCommand.ListCmd.class, HonorCommand.AddCmd.class, HonorCommand.EditCmd.class,
                HonorCommand.RemoveCmd.class})
final class HonorCommand {
    private HonorCommand() {
    }

    @Command(name = "list", description = "按时间段、级别、集体/个人、组织（含下级）、获奖人筛选荣誉，并按级别 × 类型计数")
    static final class ListCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--from", description = "开始日期（含）")
        String from;
        @Option(names = "--to", description = "结束日期（含）")
        String to;
        @Option(names = "--year", description = "某一年，如 2024（代替 --from/--to）")
        Integer year;
        @Option(names = "--level", description = "级别：国家级、省级、市级、区/县级、街道/乡镇级、单位内部")
        String level;
        @Option(names = "--kind", description = "集体 或 个人")
        String kind;
        @Option(names = "--org", description = "组织（名称或 #编号），含其全部下级")
        String org;
        @Option(names = "--person", description = "获奖人（#编号、身份证号或姓名）")
        String person;
        @Option(names = "--query", description = "按荣誉名称、授予单位、获奖人姓名筛选")
        String query;
        @Option(names = "--limit", defaultValue = "200", description = "最多列出多少行（默认 ${DEFAULT-VALUE}）")
        int limit;
        @Option(names = "--json", description = "以 JSON 输出")
        boolean json;

        @Override
        public Integer call() {
            LocalDate f = Cli.date(from);
            LocalDate t = Cli.date(to);
            if (year != null) {
                f = LocalDate.of(year, 1, 1);
                t = LocalDate.of(year, 12, 31);
            }
            if (level != null && HonorService.normaliseLevel(level) == null) {
                throw new ValidationException(HonorService.F_LEVEL, "“" + level + "”不是荣誉级别，可选：" + String.join("、", HonorService.LEVELS));
            }
            if (kind != null && HonorService.normaliseKind(kind) == null) {
                throw new ValidationException(HonorService.F_KIND, "“" + kind + "”不是荣誉类型，请填 集体 或 个人");
            }
            try (Database db = Cli.open(spec)) {
                HonorService svc = new HonorService(db);
                Integer orgId = Cli.orgId(db, org, HonorService.F_ORG);
                Integer personId = person == null ? null : svc.resolvePerson(person, orgId);
                HonorFilter filter = new HonorFilter(f, t, orgId, level, kind, personId, query);
                List<HonorRow> rows = svc.list(filter, 0, limit);
                HonorCounts counts = svc.counts(filter);
                if (json) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    Map<String, Object> c = new LinkedHashMap<>();
                    counts.byLevel().forEach((l, v) -> c.put(l, Map.of(HonorService.COLLECTIVE, v[0], HonorService.INDIVIDUAL, v[1])));
                    out.put("total", counts.total());
                    out.put("counts", c);
                    out.put("line", counts.line());
                    out.put("rows", rows);
                    Cli.json(spec, out);
                    return 0;
                }
                var out = Cli.out(spec);
                for (HonorRow r : rows) {
                    out.printf("#%d %s %s［%s·%s］%s%s%s%n", r.id(), r.date(), r.title(), r.level(), r.kind(), r.recipient(),
                            r.issuer() == null ? "" : "｜" + r.issuer(), r.attachmentCount() > 0 ? "｜附件 " + r.attachmentCount() : "");
                }
                out.printf("共 %d 项（集体 %d、个人 %d）：%s%n", counts.total(), counts.collective(), counts.individual(), counts.line());
                return 0;
            }
        }
    }

    @Command(name = "add", description = "新增一项荣誉（集体荣誉给 --org，个人荣誉给 --person）")
    static final class AddCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--date", required = true, description = "获得日期")
        String date;
        @Option(names = "--title", required = true, description = "荣誉名称，如 全国五四红旗团支部")
        String title;
        @Option(names = "--level", required = true, description = "级别：国家级、省级、市级、区/县级、街道/乡镇级、单位内部")
        String level;
        @Option(names = "--kind", description = "集体 或 个人（不填时：给了 --person 即为个人）")
        String kind;
        @Option(names = "--org", description = "获奖组织（名称或 #编号）；个人荣誉时为获奖人所在组织，可不填")
        String org;
        @Option(names = "--person", description = "获奖人（#编号、身份证号或姓名）")
        String person;
        @Option(names = "--issuer", description = "授予单位")
        String issuer;
        @Option(names = "--note", description = "备注")
        String note;
        @Option(names = "--attach", description = "证书等附件（可多次给出）")
        List<Path> attach = new ArrayList<>();

        @Override
        public Integer call() {
            AttachFiles.requireAll(attach, "荣誉");
            try (Database db = Cli.open(spec)) {
                HonorService svc = new HonorService(db);
                HonorInput in = svc.parse(new HonorText(date, title, level, kind, org, person, issuer, note));
                int id = svc.add(in);
                AttachFiles.addAll(db, AttachmentService.HONOR, id, attach);
                HonorRow r = svc.get(id).orElseThrow();
                Cli.out(spec).printf("已新增荣誉 #%d %s %s［%s·%s］%s%n", id, r.date(), r.title(), r.level(), r.kind(), r.recipient());
                return 0;
            }
        }
    }

    @Command(name = "edit", description = "修改一项荣誉（只改给出的项）")
    static final class EditCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "编号", description = "荣誉编号，如 #3")
        String id;
        @Option(names = "--date", description = "获得日期")
        String date;
        @Option(names = "--title", description = "荣誉名称")
        String title;
        @Option(names = "--level", description = "级别：国家级、省级、市级、区/县级、街道/乡镇级、单位内部")
        String level;
        @Option(names = "--kind", description = "集体 或 个人（改为集体时获奖人一并去掉）")
        String kind;
        @Option(names = "--org", description = "获奖组织（名称或 #编号）")
        String org;
        @Option(names = "--person", description = "获奖人（#编号、身份证号或姓名）")
        String person;
        @Option(names = "--issuer", description = "授予单位")
        String issuer;
        @Option(names = "--note", description = "备注")
        String note;

        @Override
        public Integer call() {
            int honorId = Cli.recordId(id, "荣誉");
            try (Database db = Cli.open(spec)) {
                HonorService svc = new HonorService(db);
                HonorText was = HonorText.of(svc.get(honorId).orElseThrow(() ->
                        new ValidationException(HonorService.F_TITLE, "找不到编号为 #" + honorId + " 的荣誉")));
                String newKind = kind != null ? kind : person != null ? HonorService.INDIVIDUAL : was.kind();
                boolean collective = HonorService.COLLECTIVE.equals(HonorService.normaliseKind(newKind));
                svc.update(honorId, svc.parse(new HonorText(date != null ? date : was.date(), title != null ? title : was.title(),
                        level != null ? level : was.level(), newKind, org != null ? org : was.org(),
                        collective ? null : person != null ? person : was.person(),
                        issuer != null ? issuer : was.issuer(), note != null ? note : was.note())));
                HonorRow r = svc.get(honorId).orElseThrow();
                Cli.out(spec).printf("已修改荣誉 #%d %s %s［%s·%s］%s%n", honorId, r.date(), r.title(), r.level(), r.kind(), r.recipient());
                return 0;
            }
        }
    }

    @Command(name = "remove", description = "删除一项或多项荣誉（连同证书附件）")
    static final class RemoveCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "编号", description = "荣誉编号，如 #3 4")
        List<String> ids;

        @Override
        public Integer call() {
            List<Integer> list = ids.stream().map(id -> Cli.recordId(id, "荣誉")).toList();
            try (Database db = Cli.open(spec)) {
                int n = new HonorService(db).remove(list);
                Cli.out(spec).printf("已删除 %d 项荣誉%n", n);
                return 0;
            }
        }
    }
}
