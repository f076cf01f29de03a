package org.taizhang.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.taizhang.common.UserException;
import org.taizhang.db.Database;
import org.taizhang.io.ImportKind;
import org.taizhang.io.ImportPreview;
import org.taizhang.io.ImportProgress;
import org.taizhang.io.ImportRequest;
import org.taizhang.io.ImportResult;
import org.taizhang.io.ImportService;
import org.taizhang.io.RejectsWriter;
import org.taizhang.io.RowProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import orgs|people|activities|honors FILE}: preview, report every rejected row, write all or nothing. */
@Command(name = "import", description = {"从 Excel（.xlsx）或 CSV 导入组织、人员、活动、荣誉。",
        "先检查每一行，报告每个有错的行（工作表、行号、列、原因）；全部无误才写入，且在一个事务中写入（要么全写，要么不写）。"})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "类型", description = "orgs（组织）、people（人员）、activities（活动）、honors（荣誉）")
    String kind;
    @Parameters(index = "1", paramLabel = "文件", description = ".xlsx 或 .csv 文件")
    Path file;
    @Option(names = "--sheet", paramLabel = "工作表", description = "工作表名称（默认第一个）")
    String sheet;
    @Option(names = "--map", paramLabel = "列名=字段", description = "指定列对应的字段，如 --map 单位=所属组织 --map C=身份证号；--map 序号=忽略")
    List<String> map;
    @Option(names = "--skip-bad", description = "有错误的行跳过，只导入无误的行（默认：有任何错误就一行都不导入）")
    boolean skipBad;
    @Option(names = "--create-missing", description = "新建表中用到而名册里还没有的组织类型、活动类别和上级组织（先列出，再写入）")
    boolean createMissing;
    @Option(names = "--update", description = "已在台账中但内容不同的行：按表中内容更新（记入修改记录）；默认只列出、不更新")
    boolean update;
    @Option(names = "--dry-run", description = "只检查，不写入")
    boolean dryRun;
    @Option(names = "--json", description = "以 JSON 输出检查结果")
    boolean json;
    @Option(names = "--rejects", paramLabel = "OUT.xlsx", description = "把有错误的行连同原因导出为 .xlsx，修正后可重新导入")
    Path rejects;

    /** The command-line words for what the messages call by the window's names. */
    private static List<String> cliHints(ImportPreview p) {
        List<String> out = new java.util.ArrayList<>();
        String all = String.join("\n", p.problems().stream().map(RowProblem::reason).toList());
        if (all.contains("新建缺少的类型、类别和上级组织")) {
            out.add("提示：命令行中“新建缺少的类型、类别和上级组织”即 --create-missing。");
        }
        if (!p.rejected().isEmpty()) {
            out.add("提示：只导入无误的行用 --skip-bad；把有错误的行存成表格用 --rejects 文件.xlsx。");
        }
        return out;
    }

    @Override
    public Integer call() {
        ImportKind k = ImportKind.parse(kind);
        return run(spec, new ImportRequest(k, file, sheet, ImportRequest.parseMapping(map), createMissing, update), skipBad, dryRun, json, rejects,
                true);
    }

    /**
     * One import as {@code import} does it (also {@code activity add --from}): check every row, report each rejected
     * one (sheet, row, column, value, reason), then write all rows in one transaction, or with {@code skipBad} the good ones.
     * {@code importHints}: point to this command's options (--skip-bad, --rejects, --create-missing) where they would help.
     */
    static int run(CommandSpec spec, ImportRequest req, boolean skipBad, boolean dryRun, boolean json, Path rejects, boolean importHints) {
        PrintWriter out = Cli.out(spec);
        try (Database db = Cli.open(spec)) {
            ImportService svc = new ImportService(db);
            ImportPreview p = svc.preview(req, ImportProgress.NONE);
            Integer rejectsWritten = null;
            if (rejects != null && !p.rejected().isEmpty()) {
                rejectsWritten = RejectsWriter.write(p, rejects);
            }
            ImportResult result = null;
            String refusal = null;
            if (!dryRun && p.fileProblems().isEmpty()) {
                try {
                    result = svc.commit(p, skipBad, ImportProgress.NONE);
                } catch (UserException e) { // ImportRejectedException among them
                    refusal = e.getMessage();
                }
            }
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>(p.toMap());
                m.put("dryRun", dryRun);
                m.put("written", result == null ? 0 : result.written());
                m.put("skipped", result == null ? 0 : result.skipped());
                m.put("refused", refusal);
                m.put("rejectsFile", rejectsWritten == null ? null : rejects.toString());
                Cli.json(spec, m);
            } else {
                p.summaryLines().forEach(out::println);
                if (p.mapping() != null) {
                    out.println("列对应：" + String.join("；", p.mapping().describe()));
                }
                for (RowProblem pr : p.problems()) {
                    out.println("  " + pr);
                }
                if (!p.problems().isEmpty() && importHints) {
                    cliHints(p).forEach(out::println);
                }
                if (rejectsWritten != null) {
                    out.println("已把 " + rejectsWritten + " 个有错误的行导出到 " + rejects + "，修正后可重新导入。");
                }
                if (dryRun) {
                    out.println("（只检查，未写入任何数据）");
                } else if (refusal != null) {
                    out.println("未导入：" + refusal);
                } else if (result != null) {
                    result.lines().forEach(out::println);
                    if (result.skipped() > 0) {
                        out.println("跳过有错误的行 " + result.skipped() + " 行。");
                    }
                }
            }
            out.flush();
            if (!p.fileProblems().isEmpty() || refusal != null || (dryRun && !p.rejected().isEmpty())) {
                return TaizhangCli.EXIT_INVALID;
            }
            return 0;
        }
    }
}
