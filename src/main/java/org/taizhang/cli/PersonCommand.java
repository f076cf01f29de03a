package org.taizhang.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.taizhang.common.ValidationException;
import org.taizhang.db.Database;
import org.taizhang.db.jooq.tables.records.PersonRecord;
import org.taizhang.org.OrgService;
import org.taizhang.person.IdNumber;
import org.taizhang.person.MembershipInput;
import org.taizhang.person.PersonInput;
import org.taizhang.person.PersonRow;
import org.taizhang.person.PersonService;
import org.taizhang.common.Phones;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "person", description = "人员：list 列出、add 新增（或加入另一组织）、edit 修改、remove 移出/删除",
        subcommands = {PersonCommand.ListCmd.class, PersonCommand.AddCmd.class, PersonCommand.EditCmd.class,
                PersonCommand.RemoveCmd.class})
final class PersonCommand {
    private PersonCommand() {
    }

    static final class Fields {
        @Option(names = "--name", description = "姓名")
        String name;
        @Option(names = "--id-number", description = "18位公民身份号码（性别、出生日期由此得出）")
        String idNumber;
        @Option(names = "--gender", description = "性别（无身份证号时填写）")
        String gender;
        @Option(names = "--birth", description = "出生日期（无身份证号时填写）")
        String birth;
        @Option(names = "--phone", description = "联系电话")
        String phone;
        @Option(names = "--political", description = "政治面貌：中共党员、中共预备党员、共青团员、民主党派、群众")
        String political;
        @Option(names = "--note", description = "备注")
        String note;
    }

    /** Finds a person by "#编号" or ID number. */
    static PersonRecord find(PersonService svc, String who) {
        String s = who.strip();
        if (s.startsWith("#")) {
            try {
                return svc.get(Integer.parseInt(s.substring(1)))
                        .orElseThrow(() -> new ValidationException(PersonService.F_NAME, "找不到编号为 " + s + " 的人员"));
            } catch (NumberFormatException e) {
                throw new ValidationException(PersonService.F_NAME, "“" + s + "”不是人员编号");
            }
        }
        return svc.findByIdNumber(s)
                .orElseThrow(() -> new ValidationException(PersonService.F_ID, "找不到身份证号为 " + IdNumber.mask(s) + " 的人员"));
    }

    @Command(name = "list", description = "列出某组织（或其全部下级）的成员")
    static final class ListCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--org", description = "组织（名称或 #编号）；不填则列出全部")
        String org;
        @Option(names = "--subtree", description = "包括全部下级组织的成员")
        boolean subtree;
        @Option(names = "--query", description = "按姓名、身份证号或电话筛选")
        String query;
        @Option(names = "--limit", defaultValue = "1000", description = "最多列出多少行（默认 ${DEFAULT-VALUE}）")
        int limit;
        @Option(names = "--full-id", description = "显示完整身份证号和电话（默认打码）")
        boolean full;
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                Integer orgId = Cli.orgId(db, org);
                PersonService.Page page = new PersonService(db).listByOrg(orgId, subtree, query, limit);
                if (json) {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (PersonRow r : page.rows()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("personId", r.personId());
                        m.put("membershipId", r.membershipId());
                        m.put("name", r.name());
                        m.put("gender", r.gender());
                        m.put("birthDate", r.birthDate());
                        m.put("idNumber", full ? r.idNumber() : IdNumber.mask(r.idNumber()));
                        m.put("phone", full ? r.phone() : Phones.mask(r.phone()));
                        m.put("politicalStatus", r.politicalStatus());
                        m.put("org", r.orgName());
                        m.put("orgId", r.orgId());
                        m.put("role", r.role());
                        m.put("joined", r.joinedOn());
                        rows.add(m);
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("total", page.total());
                    out.put("rows", rows);
                    Cli.json(spec, out);
                } else {
                    for (PersonRow r : page.rows()) {
                        Cli.out(spec).printf("#%d %s %s %s %s %s %s［%s］%s%n", r.personId(), r.name(), nz(r.gender()),
                                r.birthDate() == null ? "" : r.birthDate(), full ? nz(r.idNumber()) : nz(IdNumber.mask(r.idNumber())),
                                full ? nz(r.phone()) : nz(Phones.mask(r.phone())), r.orgName(), r.role(),
                                r.joinedOn() == null ? "" : "加入 " + r.joinedOn());
                    }
                    Cli.out(spec).printf("共 %d 人%s%n", page.total(),
                            page.total() > page.rows().size() ? "，显示前 " + page.rows().size() + " 人" : "");
                }
                return 0;
            }
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }

    @Command(name = "add", description = "把一个人加入组织（身份证号已登记时只新增成员关系）")
    static final class AddCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--org", required = true, description = "所属组织（名称或 #编号）")
        String org;
        @Option(names = "--role", description = "职务，如 主席、委员、会员（默认 会员）")
        String role;
        @Option(names = "--joined", description = "加入日期")
        String joined;
        @Mixin
        Fields f = new Fields();

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                int orgId = new OrgService(db).resolve(org).id();
                PersonService svc = new PersonService(db);
                int id = svc.add(new PersonInput(f.name, f.idNumber, f.gender, Cli.date(f.birth), f.phone, f.political, f.note),
                        new MembershipInput(orgId, role, Cli.date(joined)));
                Cli.out(spec).printf("已登记 #%d %s%n", id, svc.get(id).map(PersonRecord::getName).orElse(""));
                return 0;
            }
        }
    }

    @Command(name = "edit", description = "修改人员信息（只改给出的项）")
    static final class EditCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @picocli.CommandLine.Parameters(index = "0", paramLabel = "人员", description = "#编号 或 身份证号")
        String who;
        @Mixin
        Fields f = new Fields();

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                PersonService svc = new PersonService(db);
                PersonRecord p = find(svc, who);
                svc.update(p.getId(), new PersonInput(f.name != null ? f.name : p.getName(),
                        f.idNumber != null ? f.idNumber : p.getIdNumber(),
                        f.gender != null ? f.gender : f.idNumber != null ? null : p.getGender(),
                        f.birth != null ? Cli.date(f.birth) : f.idNumber != null ? null : p.getBirthDate(),
                        f.phone != null ? f.phone : p.getPhone(),
                        f.political != null ? f.political : p.getPoliticalStatus(),
                        f.note != null ? f.note : p.getNote()));
                Cli.out(spec).printf("已修改 #%d%n", p.getId());
                return 0;
            }
        }
    }

    @Command(name = "remove", description = "带 --org 时把此人移出该组织；不带则删除此人及其全部成员关系")
    static final class RemoveCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @picocli.CommandLine.Parameters(index = "0", paramLabel = "人员", description = "#编号 或 身份证号")
        String who;
        @Option(names = "--org", description = "只移出这个组织（名称或 #编号）")
        String org;

        @Override
        public Integer call() {
            try (Database db = Cli.open(spec)) {
                PersonService svc = new PersonService(db);
                PersonRecord p = find(svc, who);
                if (org == null) {
                    svc.removePerson(p.getId());
                    Cli.out(spec).printf("已删除 #%d %s%n", p.getId(), p.getName());
                    return 0;
                }
                int orgId = new OrgService(db).resolve(org).id();
                PersonRow m = svc.memberships(p.getId()).stream().filter(r -> r.orgId() == orgId).findFirst()
                        .orElseThrow(() -> new ValidationException(PersonService.F_ORG, p.getName() + "不是该组织的成员"));
                boolean gone = svc.removeMembership(m.membershipId());
                Cli.out(spec).printf("已把 %s 移出 %s%s%n", p.getName(), m.orgName(), gone ? "（此人已无其他组织，记录一并删除）" : "");
                return 0;
            }
        }
    }
}
