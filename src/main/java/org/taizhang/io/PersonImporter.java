package org.taizhang.io;

import static org.taizhang.db.jooq.Tables.MEMBERSHIP;
import static org.taizhang.db.jooq.Tables.PERSON;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.taizhang.common.Validator;
import org.taizhang.db.Database;
import org.taizhang.person.IdNumber;
import org.taizhang.person.PersonInput;
import org.taizhang.person.PersonService;

/**
 * People with their organisation and role. Row checks are {@link PersonService#validatePerson}'s;
 * a person whose ID number is already on file gets the new membership (as in the form); the same ID
 * number twice for one organisation, or with two different names, is reported.
 */
final class PersonImporter extends KindImporter<PersonImporter.PersonRow, PersonImporter.Decided> {
    record PersonRow(PersonInput person, String orgRef, String role, LocalDate joined) {
    }

    /** A person already on file with an ID number of the import. */
    record Known(int id, String name) {
    }

    /** An accepted row resolved: organisation id, existing person id (or null), and the sheet row that creates the person. */
    record Target(int orgId, Integer existingPersonId, int creatorRow) {
    }

    private final PersonService people;

    PersonImporter(Database db, ImportRequest request) {
        super(request);
        this.people = new PersonService(db);
    }

    static final Map<String, ImportField> SERVICE_FIELDS = Map.of(PersonService.F_NAME, ImportField.PERSON_NAME,
            PersonService.F_ID, ImportField.PERSON_ID, PersonService.F_GENDER, ImportField.PERSON_GENDER,
            PersonService.F_BIRTH, ImportField.PERSON_BIRTH, PersonService.F_PHONE, ImportField.PERSON_PHONE,
            PersonService.F_POLITICAL, ImportField.PERSON_POLITICAL, PersonService.F_ORG, ImportField.PERSON_ORG,
            PersonService.F_ROLE, ImportField.PERSON_ROLE, PersonService.F_JOINED, ImportField.PERSON_JOINED,
            "备注", ImportField.PERSON_NOTE);

    @Override
    PersonRow parse(RowValues v) {
        String name = v.text(ImportField.PERSON_NAME, 1000);
        String id = v.idNumber(ImportField.PERSON_ID);
        String gender = v.text(ImportField.PERSON_GENDER, 10);
        LocalDate birth = v.date(ImportField.PERSON_BIRTH);
        if (v.ambiguousMonth(ImportField.PERSON_BIRTH) != null && id != null) {
            // 1992.1 (January or October) is settled by the ID number, which holds the full birth date
            v.clearProblems(ImportField.PERSON_BIRTH);
        }
        boolean birthMonthOnly = v.monthOnly(ImportField.PERSON_BIRTH);
        String phone = v.code(ImportField.PERSON_PHONE);
        String political = v.text(ImportField.PERSON_POLITICAL, 20);
        String note = v.text(ImportField.PERSON_NOTE, 1000);
        String org = v.requiredText(ImportField.PERSON_ORG, 300);
        String role = v.text(ImportField.PERSON_ROLE, 20);
        LocalDate joined = v.date(ImportField.PERSON_JOINED);
        if (!v.ok()) {
            return null;
        }
        Validator val = new Validator();
        PersonInput p = people.validatePerson(val, new PersonInput(name, id, gender, birth, phone, political, note), birthMonthOnly);
        org.taizhang.person.MembershipInput m = PersonService.validateMembershipFields(val,
                new org.taizhang.person.MembershipInput(0, role, joined), p.birthDate());
        v.fieldErrors(val.errors(), SERVICE_FIELDS);
        return v.ok() ? new PersonRow(p, shared(org), shared(m.role()), m.joinedOn()) : null;
    }

    /** Organisation names and roles repeat on every row: keep one copy of each while the rows are held. */
    private final Map<String, String> sharedStrings = new HashMap<>();

    private String shared(String s) {
        return sharedStrings.size() > 10_000 ? s : sharedStrings.computeIfAbsent(s, k -> k);
    }

    @Override
    Plan<PersonRow, Decided> resolve(DSLContext ctx, List<Parsed<PersonRow>> rows) {
        Plan<PersonRow, Decided> plan = new Plan<>();
        OrgIndex index = new OrgIndex(ctx);
        Map<String, OrgIndex.Lookup> lookups = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (Parsed<PersonRow> p : rows) {
            if (p.value().person().idNumber() != null) {
                ids.add(p.value().person().idNumber());
            }
        }
        // people already on file with these ID numbers, and their current organisations
        Map<String, Known> known = new HashMap<>();
        List<String> idList = new ArrayList<>(ids);
        int onFile = ids.isEmpty() ? 0 : ctx.fetchCount(PERSON, PERSON.ID_NUMBER.isNotNull());
        if (onFile > 0 && (long) ids.size() * 4 > onFile) {
            // most of the table is asked for: one scan beats many IN lists
            for (var r : ctx.select(PERSON.ID, PERSON.NAME, PERSON.ID_NUMBER).from(PERSON).where(PERSON.ID_NUMBER.isNotNull()).fetch()) {
                if (ids.contains(r.value3())) {
                    known.put(r.value3(), new Known(r.value1(), r.value2()));
                }
            }
            idList = List.of();
        } else if (onFile == 0) {
            idList = List.of();
        }
        for (int i = 0; i < idList.size(); i += 500) {
            ctx.select(PERSON.ID, PERSON.NAME, PERSON.ID_NUMBER).from(PERSON)
                    .where(PERSON.ID_NUMBER.in(idList.subList(i, Math.min(idList.size(), i + 500)))).fetch()
                    .forEach(r -> known.put(r.value3(), new Known(r.value1(), r.value2())));
        }
        Set<Long> memberOf = new HashSet<>();
        List<Integer> knownIds = known.values().stream().map(Known::id).toList();
        for (int i = 0; i < knownIds.size(); i += 500) {
            ctx.select(MEMBERSHIP.PERSON_ID, MEMBERSHIP.ORG_ID).from(MEMBERSHIP)
                    .where(MEMBERSHIP.PERSON_ID.in(knownIds.subList(i, Math.min(knownIds.size(), i + 500)))
                            .and(MEMBERSHIP.LEFT_ON.isNull())).fetch()
                    .forEach(r -> memberOf.add(pair(r.value1(), r.value2())));
        }
        Map<String, Integer> namesWithoutId = null;
        Map<String, Integer> firstRowOfId = new HashMap<>();
        Map<String, Integer> firstRowOfIdOrg = new HashMap<>();
        Map<String, Integer> firstRowOfNameOrg = new HashMap<>();
        Map<Integer, Target> targets = new HashMap<>();
        for (Parsed<PersonRow> p : rows) {
            PersonRow r = p.value();
            OrgIndex.Lookup l = lookups.computeIfAbsent(r.orgRef(), index::resolve);
            if (l.status() != OrgIndex.Lookup.Status.FOUND) {
                plan.reject(p.row(), problem(p.row(), ImportField.PERSON_ORG, r.orgRef(), l.message()));
                continue;
            }
            int orgId = l.id();
            String id = r.person().idNumber();
            String name = r.person().name();
            if (id != null) {
                Known k = known.get(id);
                if (k != null && !k.name().equals(name)) {
                    plan.reject(p.row(), problem(p.row(), ImportField.PERSON_ID, IdNumber.mask(id), "该身份证号已登记为“" + k.name()
                            + "”，与填写的姓名“" + name + "”不符，请核对"));
                    continue;
                }
                if (k != null && memberOf.contains(pair(k.id(), orgId))) {
                    onFile(ctx, plan, p, k.id(), orgId, index);
                    continue;
                }
                Integer first = firstRowOfId.get(id);
                if (first != null && !targetName(rows, first).equals(name)) {
                    plan.reject(p.row(), problem(p.row(), ImportField.PERSON_ID, IdNumber.mask(id), "与第 " + first
                            + " 行的身份证号相同，但姓名不同，请核对"));
                    continue;
                }
                Integer dup = firstRowOfIdOrg.putIfAbsent(key(id, orgId), p.row());
                if (dup != null) {
                    plan.reject(p.row(), problem(p.row(), ImportField.PERSON_ID, IdNumber.mask(id), "与第 " + dup + " 行重复（同一身份证号、同一组织）"));
                    continue;
                }
                firstRowOfId.putIfAbsent(id, p.row());
                targets.put(p.row(), new Target(orgId, k == null ? null : k.id(), firstRowOfId.get(id)));
            } else {
                if (namesWithoutId == null) {
                    namesWithoutId = new HashMap<>();
                    for (var rec : ctx.select(PERSON.NAME, MEMBERSHIP.ORG_ID, PERSON.ID).from(MEMBERSHIP).join(PERSON)
                            .on(PERSON.ID.eq(MEMBERSHIP.PERSON_ID))
                            .where(PERSON.ID_NUMBER.isNull().and(MEMBERSHIP.LEFT_ON.isNull())).fetch()) {
                        namesWithoutId.put(key(rec.value1(), rec.value2()), rec.value3());
                    }
                }
                String key = key(name, orgId);
                Integer dup = firstRowOfNameOrg.putIfAbsent(key, p.row());
                if (dup != null) {
                    plan.reject(p.row(), problem(p.row(), ImportField.PERSON_NAME, name, "与第 " + dup + " 行重复（同一组织、同名且都没有身份证号）"));
                    continue;
                }
                Integer sameName = namesWithoutId.get(key);
                if (sameName != null) {
                    // the same name, without an ID number, in the same organisation: the same person imported before
                    onFile(ctx, plan, p, sameName, orgId, index);
                    continue;
                }
                targets.put(p.row(), new Target(orgId, null, p.row()));
            }
            plan.accepted.add(p);
        }
        plan.resolved = new Decided(targets, updates.getOrDefault(plan, List.of()));
        updates.remove(plan);
        return plan;
    }

    /** A person already a member of the organisation: skipped when nothing differs, otherwise the changes listed. */
    private void onFile(DSLContext ctx, Plan<PersonRow, Decided> plan, Parsed<PersonRow> p, int personId, int orgId, OrgIndex index) {
        var rec = ctx.selectFrom(PERSON).where(PERSON.ID.eq(personId)).fetchOne();
        var mem = ctx.selectFrom(MEMBERSHIP).where(MEMBERSHIP.PERSON_ID.eq(personId).and(MEMBERSHIP.ORG_ID.eq(orgId))
                .and(MEMBERSHIP.LEFT_ON.isNull())).limit(1).fetchOne();
        PersonInput in = p.value().person();
        List<String> diffs = new ArrayList<>();
        PersonInput merged = new PersonInput(rec.getName(), rec.getIdNumber(),
                differ(diffs, "性别", rec.getGender(), in.gender()),
                differ(diffs, "出生日期", rec.getBirthDate(), in.birthDate()),
                differ(diffs, "联系电话", rec.getPhone(), in.phone()),
                differ(diffs, "政治面貌", rec.getPoliticalStatus(), in.politicalStatus()),
                differ(diffs, "备注", rec.getNote(), in.note()));
        String role = mem == null ? null : differ(diffs, "职务", mem.getRole(), "会员".equals(p.value().role()) ? null : p.value().role());
        LocalDate joined = mem == null ? null : differ(diffs, "加入日期", mem.getJoinedOn(), p.value().joined());
        String who = in.name() + (in.idNumber() == null ? "" : "（" + IdNumber.mask(in.idNumber()) + "）");
        if (diffs.isEmpty()) {
            plan.skipped.put(p.row(), "已在台账中，跳过（" + who + "，" + index.path(orgId) + "）");
        } else {
            plan.changes.put(p.row(), who + "：" + String.join("；", diffs));
            updates(plan).add(new Update(personId, merged, mem == null ? null : mem.getId(), role, joined));
        }
    }

    /** A change to a person on file (and to their membership), applied with {@link ImportRequest#update()}. */
    record Decided(Map<Integer, Target> targets, List<Update> updates) {
    }

    record Update(int personId, PersonInput person, Integer membershipId, String role, LocalDate joined) {
    }

    private final Map<Plan<PersonRow, Decided>, List<Update>> updates = new java.util.IdentityHashMap<>();

    private List<Update> updates(Plan<PersonRow, Decided> plan) {
        return updates.computeIfAbsent(plan, k -> new ArrayList<>());
    }

    private static <T> T differ(List<String> diffs, String label, T onFile, T inSheet) {
        if (inSheet == null || java.util.Objects.equals(onFile, inSheet)) {
            return onFile;
        }
        diffs.add(label + " " + (onFile == null ? "（空）" : onFile) + " → " + inSheet);
        return inSheet;
    }

    private static String targetName(List<Parsed<PersonRow>> rows, int row) {
        for (Parsed<PersonRow> p : rows) {
            if (p.row() == row) {
                return p.value().person().name();
            }
        }
        return "";
    }

    private static long pair(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    @Override
    ImportResult write(DSLContext ctx, Plan<PersonRow, Decided> plan, ImportProgress progress) {
        Decided decided = plan.resolved;
        Map<Integer, Target> targets = decided.targets();
        List<PersonService.BatchEntry> entries = new ArrayList<>(plan.accepted.size());
        for (Parsed<PersonRow> p : plan.accepted) {
            Target t = targets.get(p.row());
            entries.add(new PersonService.BatchEntry(p.value().person(), t.existingPersonId(), t.creatorRow(),
                    new org.taizhang.person.MembershipInput(t.orgId(), p.value().role(), p.value().joined())));
        }
        // the service's batch add: its rows and its change log, in JDBC batches
        PersonService.BatchResult written = PersonService.addBatch(ctx, entries, done -> {
            progress.checkCancelled();
            progress.update("正在写入", done, entries.size());
        });
        int[] counts = {written.people(), written.memberships()};
        int n = counts[1];
        int updated = 0;
        if (request.update()) {
            for (Update u : decided.updates()) {
                people.update(ctx, u.personId(), u.person());
                if (u.membershipId() != null) {
                    people.updateMembership(ctx, u.membershipId(), u.role(), u.joined());
                }
                updated++;
            }
        }
        progress.update("写入完成", n, n);
        int joinedExisting = n - counts[0];
        return new ImportResult(n + updated, 0, List.of("已导入人员 " + counts[0] + " 人，成员关系 " + n + " 条"
                + (joinedExisting > 0 ? "（其中 " + joinedExisting + " 条是已登记人员加入新的组织）" : "")
                + (updated > 0 ? "；更新已登记人员 " + updated + " 人" : "")));
    }

}
