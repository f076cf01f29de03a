package org.taizhang.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.taizhang.common.UserException;
import org.taizhang.db.Database;
import org.taizhang.org.Org;
import org.taizhang.org.OrgService;
import org.taizhang.report.SummaryComposer;
import org.taizhang.report.SummaryContent;
import org.taizhang.report.SummaryService;
import org.taizhang.report.SummaryTemplate;
import org.taizhang.report.ThemeService;
import org.taizhang.stats.Period;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "summary", description = "工作总结：generate 由台账生成 Word、list 已保存的总结、show 查看、edit 修改、export 导出已保存的总结、delete 删除、theme 主题（小标题）设置",
        subcommands = {SummaryCommand.GenerateCmd.class, SummaryCommand.ListCmd.class, SummaryCommand.ShowCmd.class,
                SummaryCommand.EditCmd.class, SummaryCommand.ExportCmd.class, SummaryCommand.DeleteCmd.class, SummaryCommand.ThemeCmd.class})
final class SummaryCommand {
    private SummaryCommand() {
    }

    static void print(CommandSpec spec, SummaryContent c) {
        var out = Cli.out(spec);
        out.println(c.title());
        int n = 0;
        for (SummaryContent.Part p : c.parts()) {
            if (!p.heading().isBlank()) {
                out.println(org.taizhang.common.Numbers.ordinal(++n) + "、" + p.heading());
            }
            p.paras().forEach(para -> out.println("　　" + para.text()));
        }
        out.println(c.signOrg() == null ? "" : c.signOrg());
        out.println(c.signDate() == null ? "" : org.taizhang.common.Numbers.date(c.signDate()));
    }

    static int summaryId(String text) {
        return Cli.number(text, "总结", "summary list");
    }

    static List<String> appendices(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split("[,，、\\s]+")).filter(s -> !s.isBlank()).map(s -> switch (s.strip()) {
            case "统计", "分类统计" -> "stats";
            case "荣誉", "荣誉名单" -> "honors";
            case "活动", "特色活动" -> "activities";
            default -> s.strip();
        }).toList();
    }

    @Command(name = "generate", description = "按组织（含下级）和时段生成总结，写成公文格式的 Word 文档")
    static final class GenerateCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--org", required = true, description = "组织（名称或 #编号），统计含其全部下级")
        String org;
        @Option(names = "--period", description = "时段：2021、2021H1、2021Q3、2021-05")
        String period;
        @Option(names = "--from", description = "开始日期")
        String from;
        @Option(names = "--to", description = "结束日期")
        String to;
        @Option(names = "--template", defaultValue = "工作总结", description = "模板：工作总结、工作计划、总结+计划（默认 ${DEFAULT-VALUE}）")
        String template;
        @Option(names = "--plan", description = "用于“下一步工作计划”的计划编号（默认自动选择下一时段的计划）")
        String plan;
        @Option(names = "--appendix", description = "附件，逗号分隔：stats 分类统计表、honors 荣誉名单、activities 特色活动")
        String appendix;
        @Option(names = "--title", description = "标题（默认自动生成）")
        String title;
        @Option(names = "--sign-date", description = "落款日期（默认：时段结束两个月内生成为当天，否则为时段最后一天）")
        String signDate;
        @Option(names = "--zero-rows", description = "分类统计表保留本时段没有活动的类别（默认省略）")
        boolean zeroRows;
        @Option(names = "--out", description = "输出文件 .docx")
        Path out;
        @Option(names = "--save", description = "同时保存到数据库，以后可在软件里打开修改")
        boolean save;
        @Option(names = "--print", description = "把正文打印出来")
        boolean print;

        @Override
        public Integer call() {
            if (out == null && !save && !print) {
                throw new UserException("请用 --out 文件.docx 指定输出文件（或用 --save 保存、--print 打印）");
            }
            try (Database db = Cli.open(spec)) {
                Org o = new OrgService(db).resolve(org);
                Period p = Cli.period(period, from, to);
                SummaryComposer composer = new SummaryComposer(db);
                long t0 = System.nanoTime();
                SummaryContent c = composer.draft(o.id(), p.from(), p.to(), SummaryTemplate.of(template),
                        plan == null ? null : PlanCommand.planId(plan)).withAppendices(appendices(appendix)).withZeroRows(zeroRows);
                if (title != null || signDate != null) {
                    c = c.withTitle(title != null ? title : c.title(), c.signOrg(), signDate != null ? Cli.date(signDate) : c.signDate());
                }
                if (out != null) {
                    composer.export(c, out);
                    Cli.out(spec).printf("已生成：%s（%.0f 毫秒）%n", out.toAbsolutePath(), (System.nanoTime() - t0) / 1e6);
                }
                if (save) {
                    int id = new SummaryService(db).save(null, c);
                    Cli.out(spec).printf("已保存为总结 #%d%n", id);
                }
                if (print) {
                    print(spec, c);
                }
                return 0;
            }
        }
    }

    @Command(name = "list", description = "列出已保存的总结")
    static final class ListCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--org", description = "组织（名称或 #编号）")
        String org;
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                Integer orgId = Cli.orgId(db, org);
                List<SummaryService.Saved> list = new SummaryService(db).list(orgId);
                if (json) {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (SummaryService.Saved s : list) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", s.id());
                        m.put("orgId", s.orgId());
                        m.put("org", s.orgName());
                        m.put("from", s.from());
                        m.put("to", s.to());
                        m.put("template", s.template());
                        m.put("title", s.title());
                        m.put("updatedAt", s.updatedAt());
                        rows.add(m);
                    }
                    Cli.json(spec, rows);
                } else {
                    list.forEach(s -> Cli.out(spec).printf("#%d %s［%s，%s 至 %s，%s］修改于 %s%n", s.id(), s.title(), s.template(), s.from(),
                            s.to(), s.orgName(), s.updatedAt()));
                    Cli.out(spec).printf("共 %d 份总结%n", list.size());
                }
                return 0;
            }
        }
    }

    @Command(name = "show", description = "显示已保存的总结正文")
    static final class ShowCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "总结", description = "总结编号")
        String id;
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                SummaryContent c = new SummaryService(db).require(summaryId(id));
                if (json) {
                    Cli.json(spec, c);
                } else {
                    print(spec, c);
                }
                return 0;
            }
        }
    }

    @Command(name = "edit", description = "修改已保存的总结：--part 第几部分（1、2、3…）的正文（每行一段）或标题；--title 总标题；--refresh 按台账刷新数字")
    static final class EditCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "总结")
        String id;
        @Option(names = "--part", description = "第几部分（一、二、三…对应 1、2、3…；0 为开头的总述）")
        Integer part;
        @Option(names = "--text", description = "该部分的新正文，每行一段（可用 \\n 表示换行）")
        String text;
        @Option(names = "--heading", description = "该部分的新标题")
        String heading;
        @Option(names = "--title", description = "新的总标题")
        String title;
        @Option(names = "--sign-org", description = "落款单位")
        String signOrg;
        @Option(names = "--sign-date", description = "落款日期")
        String signDate;
        @Option(names = "--refresh", description = "按台账刷新数字")
        boolean refresh;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                SummaryService store = new SummaryService(db);
                int sid = summaryId(id);
                SummaryContent c = store.require(sid);
                if (part != null) {
                    // --part counts as the document numbers: 1 = 一、, 2 = 二、…; 0 = the 总述 before 一、
                    List<Integer> numbered = new ArrayList<>();
                    Integer opening = null;
                    for (int i = 0; i < c.parts().size(); i++) {
                        if (c.parts().get(i).heading().isBlank()) {
                            opening = i;
                        } else {
                            numbered.add(i);
                        }
                    }
                    Integer index = part == 0 ? opening : part >= 1 && part <= numbered.size() ? numbered.get(part - 1) : null;
                    if (index == null) {
                        throw new org.taizhang.common.ValidationException("部分", "这份总结只有 " + numbered.size() + " 个部分，--part 应在 1 到 "
                                + numbered.size() + " 之间" + (opening != null ? "（0 为开头的总述）" : ""));
                    }
                    List<SummaryContent.Part> parts = new ArrayList<>(c.parts());
                    SummaryContent.Part old = parts.get(index);
                    parts.set(index, SummaryComposer.edit(old, heading, text == null ? old.text() : text.replace("\\n", "\n"), c.figures()));
                    c = c.withParts(parts);
                } else if (text != null || heading != null) {
                    throw new UserException("修改正文或标题时请用 --part 指定第几部分");
                }
                if (title != null || signOrg != null || signDate != null) {
                    c = c.withTitle(title != null ? title : c.title(), signOrg != null ? signOrg : c.signOrg(),
                            signDate != null ? Cli.date(signDate) : c.signDate());
                }
                if (refresh) {
                    c = new SummaryComposer(db).refresh(c);
                }
                store.save(sid, c);
                Cli.out(spec).printf("已修改总结 #%d %s%n", sid, c.title());
                return 0;
            }
        }
    }

    @Command(name = "export", description = "把已保存的总结导出为 Word；--refresh 先按台账刷新数字")
    static final class ExportCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "总结")
        String id;
        @Option(names = "--out", required = true)
        Path out;
        @Option(names = "--refresh", description = "导出前刷新数字（并保存）")
        boolean refresh;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                SummaryService store = new SummaryService(db);
                int sid = summaryId(id);
                SummaryContent c = store.require(sid);
                SummaryComposer composer = new SummaryComposer(db);
                if (refresh) {
                    c = composer.refresh(c);
                    store.save(sid, c);
                }
                composer.export(c, out);
                Cli.out(spec).printf("已导出：%s%n", out.toAbsolutePath());
                return 0;
            }
        }
    }

    @Command(name = "delete", description = "删除已保存的总结")
    static final class DeleteCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "总结")
        String id;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                int sid = summaryId(id);
                new SummaryService(db).delete(sid);
                Cli.out(spec).printf("已删除总结 #%d%n", sid);
                return 0;
            }
        }
    }

    /** {@code summary theme …}: the office's headings for 工作开展情况 and which activity categories go under each. */
    @Command(name = "theme", description = "总结主题（“工作开展情况”里的小标题）：list 列出主题及所含活动类别、set 把类别归入主题、add 新增、edit 修改、move 调整顺序、remove 删除",
            subcommands = {ThemeList.class, ThemeSet.class, ThemeAdd.class, ThemeEdit.class, ThemeMove.class, ThemeRemove.class})
    static final class ThemeCmd {
    }

    @Command(name = "list", description = "列出主题（按顺序）及归入各主题的活动类别")
    static final class ThemeList implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                ThemeService themes = new ThemeService(db);
                List<ThemeService.Theme> all = themes.themes();
                if (json) {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (ThemeService.Theme t : all) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", t.id());
                        m.put("heading", t.heading());
                        m.put("lead", t.lead());
                        m.put("categories", List.copyOf(t.categories().values()));
                        m.put("honors", t.withHonors());
                        m.put("orgWork", t.withOrgWork());
                        rows.add(m);
                    }
                    Cli.json(spec, rows);
                    return 0;
                }
                int n = 0;
                for (ThemeService.Theme t : all) {
                    List<String> what = new ArrayList<>(t.categories().values());
                    if (t.withOrgWork()) {
                        what.add("组织建设（换届、新建组织、成员）");
                    }
                    if (t.withHonors()) {
                        what.add("荣誉表彰");
                    }
                    Cli.out(spec).printf("%d. #%d （%s）%s%n   含：%s%n", ++n, t.id(), org.taizhang.common.Numbers.ordinal(n), t.heading(),
                            what.isEmpty() ? "（无，不会出现在总结中）" : String.join("、", what));
                }
                List<String> loose = themes.unmapped();
                if (!loose.isEmpty()) {
                    Cli.out(spec).printf("未归入主题的类别：%s（写在“其他”所在的主题下）%n", String.join("、", loose));
                }
                Cli.out(spec).println("总结只写有内容的主题；用 summary theme set 类别 --theme 主题 调整。");
                return 0;
            }
        }
    }

    @Command(name = "set", description = "把活动类别归入主题：summary theme set 志愿服务 --theme 2（主题可写序号、#编号或标题）")
    static final class ThemeSet implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "类别", description = "活动类别名称")
        String category;
        @Option(names = "--theme", required = true, description = "主题：序号（1、2…）、#编号或标题")
        String theme;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                ThemeService.Theme t = new ThemeService(db).assign(category, theme);
                Cli.out(spec).printf("已把“%s”归入主题“%s”%n", category.strip(), t.heading());
                return 0;
            }
        }
    }

    @Command(name = "add", description = "新增主题（排在最后）：summary theme add --heading \"坚持党建引领，…\" [--lead 开头语] [--honors] [--org-work]")
    static final class ThemeAdd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--heading", required = true, description = "小标题，如“坚持思想引领，引导群众听党话跟党走”")
        String heading;
        @Option(names = "--lead", description = "开头语（该段第一句）")
        String lead;
        @Option(names = "--honors", description = "本主题写荣誉表彰")
        boolean honors;
        @Option(names = "--org-work", description = "本主题写组织建设（换届、新建组织、成员）")
        boolean orgWork;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                int id = new ThemeService(db).add(new ThemeService.ThemeInput(heading, lead, honors, orgWork));
                Cli.out(spec).printf("已新增主题 #%d %s%n", id, heading.strip());
                return 0;
            }
        }
    }

    @Command(name = "edit", description = "修改主题的小标题、开头语，或是否写荣誉、组织建设")
    static final class ThemeEdit implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "主题", description = "序号、#编号或标题")
        String theme;
        @Option(names = "--heading")
        String heading;
        @Option(names = "--lead")
        String lead;
        @Option(names = "--honors", negatable = true, description = "写（--no-honors 不写）荣誉表彰")
        Boolean honors;
        @Option(names = "--org-work", negatable = true, description = "写（--no-org-work 不写）组织建设")
        Boolean orgWork;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                ThemeService s = new ThemeService(db);
                ThemeService.Theme t = s.find(theme);
                s.edit(theme, new ThemeService.ThemeInput(heading != null ? heading : t.heading(), lead != null ? lead : t.lead(),
                        honors != null ? honors : t.withHonors(), orgWork != null ? orgWork : t.withOrgWork()));
                Cli.out(spec).printf("已修改主题 #%d%n", t.id());
                return 0;
            }
        }
    }

    @Command(name = "move", description = "调整主题顺序：--up 上移、--down 下移")
    static final class ThemeMove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "主题")
        String theme;
        @Option(names = "--up")
        boolean up;
        @Option(names = "--down")
        boolean down;

        @Override
        public Integer call() {
            if (up == down) {
                throw new IllegalArgumentException("请用 --up 或 --down 指定方向");
            }
            try (Database db = Cli.open(spec)) {
                new ThemeService(db).move(theme, up ? -1 : 1);
                Cli.out(spec).println("已调整主题顺序");
                return 0;
            }
        }
    }

    @Command(name = "remove", description = "删除主题；其类别移到 --move-to 指定的主题（不指定则写在“其他”所在的主题下）")
    static final class ThemeRemove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "主题")
        String theme;
        @Option(names = "--move-to")
        String moveTo;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                ThemeService s = new ThemeService(db);
                ThemeService.Theme t = s.find(theme);
                s.delete(theme, moveTo);
                Cli.out(spec).printf("已删除主题 #%d %s%n", t.id(), t.heading());
                return 0;
            }
        }
    }
}
