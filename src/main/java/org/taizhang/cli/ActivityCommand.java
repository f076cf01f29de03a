package org.taizhang.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.taizhang.activity.ActivityFilter;
import org.taizhang.activity.ActivityInput;
import org.taizhang.activity.ActivityPage;
import org.taizhang.activity.ActivityRow;
import org.taizhang.activity.ActivityService;
import org.taizhang.activity.ActivitySort;
import org.taizhang.activity.ActivityText;
import org.taizhang.activity.ActivityTotals;
import org.taizhang.activity.Category;
import org.taizhang.activity.DuplicateActivityException;
import org.taizhang.attachment.AttachmentInfo;
import org.taizhang.attachment.AttachmentService;
import org.taizhang.common.AtomicFile;
import org.taizhang.common.Texts;
import org.taizhang.common.UserException;
import org.taizhang.common.ValidationException;
import org.taizhang.db.Database;
import org.taizhang.io.ImportKind;
import org.taizhang.io.ImportRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "activity", description = "活动台账：list 列出（含合计）、add 新增、edit 修改、remove 删除、categories 类别、files 附件",
        subcommands = {ActivityCommand.ListCmd.class, ActivityCommand.AddCmd.class, ActivityCommand.EditCmd.class,
                ActivityCommand.RemoveCmd.class,
                ActivityCommand.CategoriesCmd.class, ActivityCommand.FilesCmd.class})
final class ActivityCommand {
    private ActivityCommand() {
    }

    /** Filter options shared by list (and usable by other commands). */
    static final class FilterOptions {
        @Option(names = "--from", description = "开始日期（含），如 2024-01-01")
        String from;
        @Option(names = "--to", description = "结束日期（含），如 2024-06-30")
        String to;
        @Option(names = "--year", description = "某一年，如 2024（代替 --from/--to）")
        Integer year;
        @Option(names = "--org", description = "组织（名称或 #编号），含其全部下级")
        String org;
        @Option(names = "--category", description = "类别，如 志愿服务")
        String category;
        @Option(names = "--query", description = "按活动名称、地点、简介筛选（空格分隔多个词）")
        String query;
        @Option(names = "--highlight", description = "只列亮点活动")
        boolean highlight;

        ActivityFilter toFilter(Database db, ActivityService svc) {
            LocalDate f = Cli.date(from);
            LocalDate t = Cli.date(to);
            if (year != null) {
                if (year < 1950 || year > 2100) {
                    throw new ValidationException("年份", year + " 不是合理的年份");
                }
                f = LocalDate.of(year, 1, 1);
                t = LocalDate.of(year, 12, 31);
            }
            if (f != null && t != null && t.isBefore(f)) {
                throw new ValidationException("时间段", "结束日期 " + t + " 早于开始日期 " + f);
            }
            Integer orgId = Cli.orgId(db, org, ActivityService.F_ORG);
            Integer cat = category == null ? null : svc.categoryByNameAny(category).id();
            return new ActivityFilter(f, t, orgId, cat, query, highlight);
        }
    }

    static Map<String, Object> totalsJson(ActivityTotals t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", t.count());
        m.put("participants", t.participants());
        m.put("hours", t.hours());
        m.put("beneficiaries", t.beneficiaries());
        return m;
    }

    static Map<String, Object> rowJson(ActivityRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("date", r.startDate());
        m.put("endDate", r.endDate());
        m.put("name", r.name());
        m.put("orgId", r.orgId());
        m.put("org", r.orgName());
        m.put("coOrgs", r.coOrgNames());
        m.put("category", r.categoryName());
        m.put("participants", r.participants());
        m.put("hours", r.hours());
        m.put("beneficiaries", r.beneficiaries());
        m.put("place", r.place());
        m.put("description", r.description());
        m.put("highlight", r.highlight());
        m.put("planned", r.planned());
        m.put("attachments", r.attachmentCount());
        return m;
    }

    @Command(name = "list", description = "按时间段、组织（含下级）、类别、文字筛选活动，并给出合计（场次、人次、时长、惠及）")
    static final class ListCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @picocli.CommandLine.Mixin
        FilterOptions filter = new FilterOptions();
        @Option(names = "--sort", defaultValue = "date", description = "排序：date 日期、name 名称、org 组织、category 类别、participants 人次、hours 时长、beneficiaries 惠及（默认 ${DEFAULT-VALUE}）")
        String sort;
        @Option(names = "--asc", description = "升序（默认降序，最新的在前）")
        boolean asc;
        @Option(names = "--limit", defaultValue = "100", description = "最多列出多少行（默认 ${DEFAULT-VALUE}）")
        int limit;
        @Option(names = "--offset", defaultValue = "0", description = "跳过前多少行（翻页）")
        int offset;
        @Option(names = "--json", description = "以 JSON 输出")
        boolean json;

        @Override
        public Integer call() {
            ActivitySort s;
            try {
                s = ActivitySort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserException("--sort 只能是 date、name、org、category、participants、hours、beneficiaries 之一");
            }
            if (limit < 0 || offset < 0) {
                throw new UserException("--limit 和 --offset 不能是负数");
            }
            try (Database db = Cli.open(spec)) {
                ActivityService svc = new ActivityService(db);
                ActivityFilter f = filter.toFilter(db, svc);
                ActivityPage page = svc.list(f, s, !asc, offset, limit);
                if (json) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("totals", totalsJson(page.totals()));
                    out.put("rows", page.rows().stream().map(ActivityCommand::rowJson).toList());
                    Cli.json(spec, out);
                    return 0;
                }
                var out = Cli.out(spec);
                for (ActivityRow r : page.rows()) {
                    out.printf("#%d %s［%s］%s｜%s%s｜%d 人次｜%s 小时｜惠及 %d 人%s%s%s%n", r.id(), r.dateText(), r.categoryName(),
                            r.name(), r.orgName(), r.coOrgNames().isEmpty() ? "" : "（协办：" + String.join("、", r.coOrgNames()) + "）",
                            r.participants(), r.hours(), r.beneficiaries(), r.highlight() ? "｜★亮点" : "",
                            r.planned() ? "｜计划" : "", r.attachmentCount() > 0 ? "｜附件 " + r.attachmentCount() : "");
                }
                ActivityTotals t = page.totals();
                out.printf("合计：%s%s%n", t.text(), t.count() > page.rows().size()
                        ? "（显示第 " + (offset + 1) + "–" + (offset + page.rows().size()) + " 场）" : "");
                return 0;
            }
        }
    }

    @Command(name = "add", description = "新增一场活动（同一组织同一天同名的活动视为重复，需加 --force）")
    static final class AddCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--from", paramLabel = "FILE.csv", description = {"一次登记多场活动：从 CSV 或 Excel 文件读入，- 表示从标准输入读 CSV。",
                "列名同导入模板（活动日期、活动名称、主办组织、类别…），每行的检查和错误说明与 import activities 相同；",
                "有任何一行不对就一行都不写入。不能与其他选项同时使用。"})
        String from;
        @Option(names = "--date", description = "活动日期（开始日期；必填，除非用 --from）")
        String date;
        @Option(names = "--end", description = "结束日期（多日活动）")
        String end;
        @Option(names = "--name", description = "活动名称（必填，除非用 --from）")
        String name;
        @Option(names = "--org", description = "主办组织（名称或 #编号；必填，除非用 --from）")
        String org;
        @Option(names = "--co-org", description = "协办组织（可多次给出，或用、分隔）")
        List<String> coOrgs = new ArrayList<>();
        @Option(names = "--category", description = "类别，如 学习教育、志愿服务（必填，除非用 --from）")
        String category;
        @Option(names = "--participants", description = "参与人次")
        String participants;
        @Option(names = "--hours", description = "服务时长（小时，最多一位小数；全部人次合计）")
        String hours;
        @Option(names = "--beneficiaries", description = "惠及人数")
        String beneficiaries;
        @Option(names = "--place", description = "地点")
        String place;
        @Option(names = "--description", description = "活动简介")
        String description;
        @Option(names = "--highlight", description = "标为亮点")
        boolean highlight;
        @Option(names = "--planned", description = "计划中的活动（日期可在今天之后）")
        boolean planned;
        @Option(names = "--force", description = "确认登记重复活动")
        boolean force;
        @Option(names = "--attach", description = "附件文件（照片、PDF、签到表；可多次给出）")
        List<Path> attach = new ArrayList<>();

        @Override
        public Integer call() throws java.io.IOException {
            var cl = spec.commandLine();
            var given = spec.options().stream().filter(o -> cl.getParseResult().hasMatchedOption(o) && !o.longestName().equals("--from")
                    && !o.usageHelp() && !o.versionHelp()).map(o -> o.longestName()).toList();
            if (from != null) {
                if (!given.isEmpty()) {
                    throw new picocli.CommandLine.ParameterException(cl, "选项 --from 不能与 " + String.join("、", given) + " 一起用：多场活动的各项都写在文件的列里");
                }
                return fromFile();
            }
            var missing = java.util.stream.Stream.of("--date", "--name", "--org", "--category")
                    .filter(n -> !cl.getParseResult().hasMatchedOption(n)).map(n -> (picocli.CommandLine.Model.ArgSpec) spec.findOption(n)).toList();
            if (!missing.isEmpty()) {
                throw new picocli.CommandLine.MissingParameterException(cl, missing, "Missing required options");
            }
            try (Database db = Cli.open(spec)) {
                ActivityService svc = new ActivityService(db);
                ActivityInput in = svc.parse(new ActivityText(date, end, name, org, String.join("、", coOrgs), category,
                        participants, hours, beneficiaries, place, description, highlight, planned));
                AttachFiles.requireAll(attach, "活动");
                int id;
                try {
                    id = svc.add(in, force);
                } catch (DuplicateActivityException e) {
                    throw forceHint(e);
                }
                AttachFiles.addAll(db, AttachmentService.ACTIVITY, id, attach);
                ActivityRow r = svc.get(id).orElseThrow();
                Cli.out(spec).printf("已新增活动 #%d %s %s（%s，%d 人次，%s 小时，惠及 %d 人%s）%n", id, r.dateText(), r.name(),
                        r.orgName(), r.participants(), r.hours(), r.beneficiaries(),
                        attach.isEmpty() ? "" : "，附件 " + attach.size() + " 个");
                return 0;
            }
        }

        /**
         * {@code --from}: the rows go through {@code import activities} (one home for the row checks and messages):
         * one process, one transaction, all rows or none. Standard input is copied to a file named 标准输入.csv in a
         * temporary folder first (so the messages name it), and that folder is removed afterwards.
         */
        private int fromFile() throws java.io.IOException {
            if (!from.equals("-")) {
                return ImportCommand.run(spec, ImportRequest.of(ImportKind.ACTIVITIES, Path.of(from)),
                        false, false, false, null, false);
            }
            Path folder = java.nio.file.Files.createTempDirectory("taizhang-stdin");
            Path csv = folder.resolve("标准输入.csv");
            try {
                AtomicFile.write(csv, out -> System.in.transferTo(out));
                return ImportCommand.run(spec, ImportRequest.of(ImportKind.ACTIVITIES, csv), false, false, false, null, false);
            } finally {
                java.nio.file.Files.deleteIfExists(csv);
                java.nio.file.Files.deleteIfExists(folder);
            }
        }
    }

    @Command(name = "edit", description = "修改一场活动（只改给出的项）")
    static final class EditCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "编号", description = "活动编号，如 #12")
        String activity;
        @Option(names = "--date", description = "活动日期（开始日期）")
        String date;
        @Option(names = "--end", description = "结束日期；写 无 清除")
        String end;
        @Option(names = "--name", description = "活动名称")
        String name;
        @Option(names = "--org", description = "主办组织（名称或 #编号）")
        String org;
        @Option(names = "--category", description = "类别")
        String category;
        @Option(names = "--participants", description = "参与人次")
        String participants;
        @Option(names = "--hours", description = "服务时长（小时）")
        String hours;
        @Option(names = "--beneficiaries", description = "惠及人数")
        String beneficiaries;
        @Option(names = "--place", description = "地点")
        String place;
        @Option(names = "--description", description = "活动简介")
        String description;
        @Option(names = "--highlight", negatable = true, description = "标为亮点（--no-highlight 取消）")
        Boolean highlight;
        @Option(names = "--planned", negatable = true, description = "计划中的活动（--no-planned 取消）")
        Boolean planned;
        @Option(names = "--force", description = "确认与已有活动重复")
        boolean force;

        @Override
        public Integer call() {
            int id = activityId(activity);
            try (Database db = Cli.open(spec)) {
                ActivityService svc = new ActivityService(db);
                ActivityRow r = svc.get(id).orElseThrow(() -> new ValidationException("编号", "没有编号为 #" + id + " 的活动"));
                boolean clearEnd = end != null && end.strip().equals("无");
                ActivityInput in = svc.parse(new ActivityText(
                        date != null ? date : r.startDate().toString(),
                        clearEnd ? null : end != null ? end : r.endDate() == null ? null : r.endDate().toString(),
                        name != null ? name : r.name(),
                        org != null ? org : "#" + r.orgId(),
                        String.join("、", svc.coOrgIds(id).stream().map(i -> "#" + i).toList()),
                        category != null ? category : r.categoryName(),
                        participants != null ? participants : String.valueOf(r.participants()),
                        hours != null ? hours : r.hours(),
                        beneficiaries != null ? beneficiaries : String.valueOf(r.beneficiaries()),
                        place != null ? place : r.place(),
                        description != null ? description : r.description(),
                        highlight != null ? highlight : r.highlight(),
                        planned != null ? planned : r.planned()));
                try {
                    svc.update(id, in, force);
                } catch (DuplicateActivityException e) {
                    throw forceHint(e);
                }
                ActivityRow after = svc.get(id).orElseThrow();
                Cli.out(spec).printf("已修改活动 #%d %s %s（%s，%d 人次，%s 小时，惠及 %d 人）%n", id, after.dateText(), after.name(),
                        after.orgName(), after.participants(), after.hours(), after.beneficiaries());
                return 0;
            }
        }
    }

    /** The service's duplicate warning, telling the command-line user to add --force instead of confirming. */
    private static ValidationException forceHint(DuplicateActivityException e) {
        return new ValidationException(ActivityService.F_NAME, e.errors().getFirst().message()
                .replace("请确认后再保存", "请加 --force 再运行"));
    }

    static int activityId(String s) {
        return Cli.recordId(s, "活动");
    }


    @Command(name = "remove", description = "删除一场或多场活动（连同附件；全部存在才删除）")
    static final class RemoveCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "编号", description = "活动编号，如 #12 13")
        List<String> ids;

        @Override
        public Integer call() {
            List<Integer> list = ids.stream().map(ActivityCommand::activityId).toList();
            try (Database db = Cli.open(spec)) {
                var d = new ActivityService(db).remove(list);
                for (var a : d.activities()) {
                    Cli.out(spec).printf("已删除 #%d %s %s%n", a.getId(), a.getStartDate(), a.getName());
                }
                Cli.out(spec).printf("共删除 %d 场活动%s%n", d.count(),
                        d.attachments().isEmpty() ? "" : "（附件 " + d.attachments().size() + " 个）");
                return 0;
            }
        }
    }

    @Command(name = "categories", description = "列出活动类别；--add 新增、--rename … --to 改名、--deactivate/--activate 停用/启用、--merge … --into 合并")
    static final class CategoriesCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--add", description = "新增类别")
        String add;
        @Option(names = "--rename", description = "要改名的类别")
        String rename;
        @Option(names = "--to", description = "新名称（与 --rename 连用）")
        String to;
        @Option(names = "--deactivate", description = "停用类别（已有活动保留，新活动不可再选）")
        String deactivate;
        @Option(names = "--activate", description = "重新启用类别")
        String activate;
        @Option(names = "--merge", description = "把这个类别的活动并入 --into 指定的类别，并删除它")
        String merge;
        @Option(names = "--into", description = "合并的目标类别")
        String into;
        @Option(names = "--retire-unused", description = "一次停用所有没有活动、也没有计划用到的类别（如用不上的默认类别）")
        boolean retireUnused;
        @Option(names = "--json", description = "以 JSON 输出")
        boolean json;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                ActivityService svc = new ActivityService(db);
                var out = Cli.out(spec);
                if (retireUnused) {
                    java.util.List<String> retired = svc.retireUnusedCategories();
                    out.println(retired.isEmpty() ? "没有未使用的类别。" : "已停用未使用的类别：" + String.join("、", retired)
                            + "（已有记录不受影响，需要时可用 --activate 重新启用）");
                } else if (add != null) {
                    Category c = svc.addCategory(add);
                    out.printf("已新增类别：%s%n", c.name());
                } else if (rename != null) {
                    if (to == null) {
                        throw new UserException("请用 --to 给出新名称");
                    }
                    svc.renameCategory(svc.categoryByNameAny(rename).id(), to);
                    out.printf("已把类别“%s”改名为“%s”%n", Texts.clean(rename), Texts.clean(to));
                } else if (deactivate != null) {
                    svc.setCategoryActive(svc.categoryByNameAny(deactivate).id(), false);
                    out.printf("已停用类别“%s”%n", Texts.clean(deactivate));
                } else if (activate != null) {
                    svc.setCategoryActive(svc.categoryByNameAny(activate).id(), true);
                    out.printf("已启用类别“%s”%n", Texts.clean(activate));
                } else if (merge != null) {
                    if (into == null) {
                        throw new UserException("请用 --into 给出合并的目标类别");
                    }
                    int n = svc.mergeCategory(svc.categoryByNameAny(merge).id(), svc.categoryByNameAny(into).id());
                    out.printf("已把类别“%s”并入“%s”（移动活动 %d 场）%n", Texts.clean(merge), Texts.clean(into), n);
                } else if (json) {
                    Cli.json(spec, svc.categories(true));
                } else {
                    for (Category c : svc.categories(true)) {
                        out.printf("%s%s%n", c.name(), c.active() ? "" : "（已停用）");
                    }
                }
                return 0;
            }
        }
    }

    @Command(name = "files", description = "活动的附件：列出；--add 文件 添加；--save 文件夹 另存全部；--remove 附件编号 删除")
    static final class FilesCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "活动编号")
        String activity;
        @Option(names = "--add", description = "要添加的文件（可多次给出）")
        List<Path> add = new ArrayList<>();
        @Option(names = "--save", description = "把全部附件另存到这个文件夹")
        Path save;
        @Option(names = "--remove", description = "要删除的附件编号")
        Integer remove;
        @Option(names = "--json", description = "以 JSON 输出")
        boolean json;

        @Override
        public Integer call() {
            int id = activityId(activity);
            try (Database db = Cli.open(spec)) {
                if (new ActivityService(db).get(id).isEmpty()) {
                    throw new ValidationException("编号", "没有编号为 #" + id + " 的活动");
                }
                AttachmentService att = new AttachmentService(db);
                var out = Cli.out(spec);
                for (Path p : add) {
                    int aid = att.addFile(AttachmentService.ACTIVITY, id, p);
                    out.printf("已添加附件 #%d %s%n", aid, p.getFileName());
                }
                if (remove != null) {
                    if (att.list(AttachmentService.ACTIVITY, id).stream().noneMatch(a -> a.id() == remove)) {
                        throw new ValidationException(AttachmentService.F_FILE, "活动 #" + id + " 没有编号为 " + remove + " 的附件");
                    }
                    att.remove(remove);
                    out.printf("已删除附件 #%d%n", remove);
                }
                List<AttachmentInfo> list = att.list(AttachmentService.ACTIVITY, id);
                if (save != null) {
                    try {
                        java.nio.file.Files.createDirectories(save);
                    } catch (java.io.IOException e) {
                        throw new ValidationException(AttachmentService.F_FILE, "无法创建文件夹“" + save + "”：" + org.taizhang.common.OsErrors.describe(e));
                    }
                    for (AttachmentInfo a : list) {
                        out.printf("已另存 %s%n", att.saveTo(a.id(), save));
                    }
                }
                if (json) {
                    Cli.json(spec, list);
                } else if (save == null) {
                    for (AttachmentInfo a : list) {
                        out.printf("#%d %s（%s，%s）%n", a.id(), a.fileName(), a.sizeText(), a.addedAt());
                    }
                    out.printf("共 %d 个附件%n", list.size());
                }
                return 0;
            }
        }
    }
}
