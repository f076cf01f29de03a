package org.taizhang.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.taizhang.common.Pinyin;
import org.taizhang.common.UserException;
import org.taizhang.db.Database;
import org.taizhang.org.Org;
import org.taizhang.org.OrgInput;
import org.taizhang.org.OrgService;
import org.taizhang.org.OrgTree;
import org.taizhang.org.OrgType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "org", description = "组织名册：list 列出、add 新增、edit 修改、move 移动、remove 删除、types 组织类型",
        subcommands = {OrgCommand.ListCmd.class, OrgCommand.AddCmd.class, OrgCommand.EditCmd.class, OrgCommand.MoveCmd.class,
                OrgCommand.RemoveCmd.class, OrgCommand.TypesCmd.class})
final class OrgCommand {

    /** Options shared by add and edit. */
    static final class Fields {
        @Option(names = "--type", description = "组织类型，如 工会、团委、妇联")
        String type;
        @Option(names = "--parent", description = "上级组织（名称或 #编号）")
        String parent;
        @Option(names = "--founded", description = "成立日期")
        String founded;
        @Option(names = "--term", description = "每届任期（年）；不填则按组织类型默认")
        Integer term;
        @Option(names = "--last-election", description = "上次换届日期")
        String lastElection;
        @Option(names = "--contact", description = "联系人")
        String contact;
        @Option(names = "--phone", description = "联系电话")
        String phone;
        @Option(names = "--note", description = "备注")
        String note;
    }

    static Map<String, Object> toJson(Org o, String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("parentId", o.parentId());
        m.put("name", o.name());
        m.put("path", path);
        m.put("type", o.typeName());
        m.put("founded", o.foundedOn());
        m.put("termYears", o.termYears());
        m.put("lastElection", o.lastElectionOn());
        m.put("nextElectionDue", o.nextElectionDue());
        m.put("contactPerson", o.contactPerson());
        m.put("contactPhone", o.contactPhone());
        m.put("memberCount", o.memberCount());
        return m;
    }

    @Command(name = "list", description = "按树形列出组织")
    static final class ListCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--under", description = "只列出该组织及其下级（名称或 #编号）")
        String under;
        @Option(names = "--query", description = "按名称或拼音首字母筛选（保留上级以显示位置）")
        String query;
        @Option(names = "--json", description = "以 JSON 输出")
        boolean json;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                OrgService svc = new OrgService(db);
                OrgTree tree = new OrgTree(svc.listAll());
                Integer root = under == null ? null : svc.resolve(under).id();
                var matcher = Pinyin.matcher(query);
                List<OrgTree.Line> lines = tree.lines(root, o -> matcher.test(o.name()));
                LocalDate today = LocalDate.now();
                if (json) {
                    List<Map<String, Object>> out = new ArrayList<>();
                    for (OrgTree.Line l : lines) {
                        out.add(toJson(l.org(), tree.path(l.org().id())));
                    }
                    Cli.json(spec, out);
                } else {
                    for (OrgTree.Line l : lines) {
                        Org o = l.org();
                        LocalDate due = o.nextElectionDue();
                        Cli.out(spec).printf("%s#%d %s［%s］成员 %d 人%s%n", "  ".repeat(l.depth()), o.id(), o.name(), o.typeName(),
                                o.memberCount(), due == null ? "" : "，下次换届 " + due + (due.isBefore(today) ? "（已逾期）" : ""));
                    }
                    Cli.out(spec).printf("共 %d 个组织%n", lines.size());
                }
                return 0;
            }
        }
    }

    static OrgInput input(OrgService svc, Fields f, OrgInput base, String name) {
        Integer typeId = f.type != null ? Integer.valueOf(svc.typeByName(f.type).id()) : base != null ? Integer.valueOf(base.typeId()) : null;
        if (typeId == null) {
            throw new org.taizhang.common.ValidationException(OrgService.F_TYPE, "请用 --type 指定组织类型");
        }
        Integer parent = f.parent != null ? Integer.valueOf(svc.resolve(f.parent).id()) : base != null ? base.parentId() : null;
        return new OrgInput(name != null ? name : base.name(), typeId, parent,
                f.founded != null ? Cli.date(f.founded) : base != null ? base.foundedOn() : null,
                f.term != null ? f.term : base != null ? base.termYears() : null,
                f.lastElection != null ? Cli.date(f.lastElection) : base != null ? base.lastElectionOn() : null,
                f.contact != null ? f.contact : base != null ? base.contactPerson() : null,
                f.phone != null ? f.phone : base != null ? base.contactPhone() : null,
                f.note != null ? f.note : base != null ? base.note() : null);
    }

    @Command(name = "add", description = "新增组织")
    static final class AddCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "名称")
        String name;
        @picocli.CommandLine.Mixin
        Fields fields = new Fields();

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                OrgService svc = new OrgService(db);
                int id = svc.add(input(svc, fields, null, name));
                Cli.out(spec).printf("已新增组织 #%d %s%n", id, svc.pathOf(id));
                return 0;
            }
        }
    }

    @Command(name = "edit", description = "修改组织信息（只改给出的项）")
    static final class EditCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "组织", description = "名称或 #编号")
        String org;
        @Option(names = "--name", description = "新名称")
        String newName;
        @picocli.CommandLine.Mixin
        Fields fields = new Fields();

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                OrgService svc = new OrgService(db);
                Org o = svc.resolve(org);
                svc.update(o.id(), input(svc, fields, OrgInput.of(o), newName));
                Cli.out(spec).printf("已修改组织 #%d %s%n", o.id(), svc.pathOf(o.id()));
                return 0;
            }
        }
    }

    @Command(name = "move", description = "把组织移到另一个上级之下")
    static final class MoveCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "组织", description = "名称或 #编号")
        String org;
        @Option(names = "--to", description = "新的上级组织（名称或 #编号）")
        String to;
        @Option(names = "--top", description = "移为顶级组织")
        boolean top;

        @Override
        public Integer call() {
            if ((to == null) == !top) {
                throw new UserException("请用 --to 指定新的上级组织，或用 --top 移为顶级");
            }
            try (Database db = Cli.open(spec)) {
                OrgService svc = new OrgService(db);
                Org o = svc.resolve(org);
                svc.move(o.id(), top ? null : svc.resolve(to).id());
                Cli.out(spec).printf("已移动：%s%n", svc.pathOf(o.id()));
                return 0;
            }
        }
    }

    @Command(name = "remove", description = "删除组织（下面还有组织、人员、活动等记录时拒绝）")
    static final class RemoveCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "组织", description = "名称或 #编号")
        String org;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                OrgService svc = new OrgService(db);
                Org o = svc.resolve(org);
                svc.remove(o.id());
                Cli.out(spec).printf("已删除组织 #%d %s%n", o.id(), o.name());
                return 0;
            }
        }
    }

    @Command(name = "types", description = "列出组织类型；--add 名称 新增一种")
    static final class TypesCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--add", description = "新增的组织类型名称")
        String add;
        @Option(names = "--term", description = "新类型的默认任期（年）；不写时按名称推断（如 总工会 → 5，团总支 → 2）")
        Integer term;
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                OrgService svc = new OrgService(db);
                if (add != null) {
                    OrgType t = term == null ? svc.addType(add) : svc.addType(add, term);
                    Cli.out(spec).printf("已新增组织类型：%s（默认任期 %d 年）%n", t.name(), t.defaultTermYears());
                    return 0;
                }
                List<OrgType> types = svc.types();
                if (json) {
                    Cli.json(spec, types);
                } else {
                    types.forEach(t -> Cli.out(spec).printf("%s（默认任期 %d 年）%n", t.name(), t.defaultTermYears()));
                }
                return 0;
            }
        }
    }

    private OrgCommand() {
    }
}
