package org.taizhang.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.taizhang.common.UserException;
import org.taizhang.db.Database;
import org.taizhang.io.ExportService;
import org.taizhang.io.ImportKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code export orgs|people|activities|honors --out FILE.xlsx}, {@code export template KIND --out FILE.xlsx}. */
@Command(name = "export", description = {"导出为 Excel（.xlsx）：表头加粗并冻结、列宽合适、日期为真正的日期，活动表带合计行。",
        "身份证号和电话默认打码（440304********1234、138****5678），加 --full-id 导出完整号码。",
        "export template 类型 --out 文件：导出该类型的空白导入模板。"})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "类型", description = "orgs、people、activities、honors，或 template")
    String kind;
    @Parameters(index = "1", arity = "0..1", paramLabel = "模板类型", description = "export template 时：orgs、people、activities、honors")
    String templateKind;
    @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "输出文件")
    Path out;
    @Option(names = "--org", description = "只导出该组织及其下级（名称或 #编号）")
    String org;
    @Option(names = "--from", description = "起始日期（活动、荣誉）")
    String from;
    @Option(names = "--to", description = "截止日期（活动、荣誉）")
    String to;
    @Option(names = "--full-id", description = "导出完整的身份证号和电话（默认打码）")
    boolean fullId;

    @Override
    public Integer call() {
        Path target = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx") ? out
                : out.resolveSibling(out.getFileName() + ".xlsx");
        if (kind.equalsIgnoreCase("template") || kind.equals("模板")) {
            if (templateKind == null) {
                throw new UserException("请写明模板类型，如：export template people --out 人员导入模板.xlsx");
            }
            ImportKind k = ImportKind.parse(templateKind);
            ExportService.template(k, target);
            Cli.out(spec).println("已导出" + k.label() + "导入模板：" + target.toAbsolutePath());
            return 0;
        }
        ImportKind k = ImportKind.parse(kind);
        try (Database db = Cli.open(spec)) {
            Integer orgId = Cli.orgId(db, org);
            if (fullId) {
                spec.commandLine().getErr().println(ExportService.FULL_ID_WARNING);
            }
            int n = new ExportService(db).export(k, new ExportService.Options(orgId, Cli.date(from), Cli.date(to), fullId), target);
            Cli.out(spec).println("已导出" + k.label() + " " + n + " 行：" + target.toAbsolutePath()
                    + (fullId ? "" : (k == ImportKind.ORGS ? "（电话已打码）" : k == ImportKind.ACTIVITIES ? "" : "（身份证号、电话已打码）")));
            return 0;
        }
    }
}
