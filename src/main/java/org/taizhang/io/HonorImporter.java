package org.taizhang.io;

import static org.taizhang.db.jooq.Tables.HONOR;
import static org.taizhang.db.jooq.Tables.MEMBERSHIP;
import static org.taizhang.db.jooq.Tables.PERSON;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;
import org.taizhang.common.ValidationException;
import org.taizhang.db.Database;
import org.taizhang.honor.HonorInput;
import org.taizhang.honor.HonorService;
import org.taizhang.person.IdNumber;
import org.taizhang.person.PersonService;

/**
 * Honours through {@link HonorService}: its validation and insert. The recipient organisation is
 * matched by name or path, a person by ID number (preferred), #编号, or a name unique in that
 * organisation; the same honour twice is reported.
 */
final class HonorImporter extends KindImporter<HonorImporter.HonorRowIn, Map<Integer, HonorInput>> {
    record HonorRowIn(LocalDate date, String title, String level, String kind, String orgRef, String awardee, String person,
                      String idNumber, String issuer, String note) {
    }

    private final HonorService honors;
    private final LocalDate today = LocalDate.now();

    HonorImporter(Database db, ImportRequest request) {
        super(request);
        this.honors = new HonorService(db);
    }

    static final Map<String, ImportField> SERVICE_FIELDS = Map.of(HonorService.F_DATE, ImportField.HONOR_DATE,
            HonorService.F_TITLE, ImportField.HONOR_TITLE, HonorService.F_LEVEL, ImportField.HONOR_LEVEL,
            HonorService.F_KIND, ImportField.HONOR_KIND, HonorService.F_ORG, ImportField.HONOR_ORG,
            HonorService.F_PERSON, ImportField.HONOR_PERSON, HonorService.F_ISSUER, ImportField.HONOR_ISSUER,
            HonorService.F_NOTE, ImportField.HONOR_NOTE);

    @Override
    HonorRowIn parse(RowValues v) {
        LocalDate date = v.date(ImportField.HONOR_DATE);
        if (date == null && v.ok()) {
            v.problem(ImportField.HONOR_DATE, "不能为空，请填写获得荣誉的日期，如 2024-05-04 或 2024年5月");
        }
        String title = v.requiredText(ImportField.HONOR_TITLE, 100);
        String issuer = v.text(ImportField.HONOR_ISSUER, 100);
        String levelText = v.text(ImportField.HONOR_LEVEL, 20);
        String level = levelText == null ? inferLevel(issuer, title) : HonorService.normaliseLevel(levelText);
        if (levelText != null && level == null) {
            v.problem(ImportField.HONOR_LEVEL, "“" + levelText + "”不是荣誉级别，可选：" + String.join("、", HonorService.LEVELS));
        } else if (level == null && title != null) {
            v.problem(ImportField.HONOR_LEVEL, "没有填写级别，从颁发单位和荣誉名称也看不出级别，请填写：" + String.join("、", HonorService.LEVELS));
        }
        String kindText = v.text(ImportField.HONOR_KIND, 10);
        String kind = kindText == null ? null : HonorService.normaliseKind(kindText);
        if (kindText != null && kind == null) {
            v.problem(ImportField.HONOR_KIND, "“" + kindText + "”不是荣誉类型，请填 集体 或 个人");
        }
        String awardee = v.text(ImportField.HONOR_AWARDEE, 300);
        String org = v.text(ImportField.HONOR_ORG, 300);
        String person = v.text(ImportField.HONOR_PERSON, 30);
        CellValue idCell = v.cell(ImportField.HONOR_ID);
        // an exported sheet has masked ID numbers: the name identifies the person then
        boolean masked = idCell != null && idCell.kind() == CellValue.Kind.TEXT && idCell.text().contains("*");
        String id = masked && (person != null || awardee != null) ? null : v.idNumber(ImportField.HONOR_ID);
        if (kind == null && kindText == null && (person != null || id != null)) {
            kind = HonorService.INDIVIDUAL;
        }
        if (awardee == null && org == null && person == null && id == null && v.ok()) {
            v.rowProblem("没有获奖对象：请填写获奖的组织或个人");
        }
        String note = v.text(ImportField.HONOR_NOTE, 500);
        if (date != null && date.isAfter(today)) {
            v.problem(ImportField.HONOR_DATE, "日期 " + date + " 晚于今天；荣誉只能登记已经获得的");
        }
        if (!v.ok()) {
            return null;
        }
        return new HonorRowIn(date, title, level, kind, org, awardee, person, id, issuer, note);
    }

    /**
     * The level an award list leaves out, read from who gave it, else from its name: 街道/镇/乡/社区 → 街道/乡镇级,
     * 区/县 → 区/县级, 市 → 市级, 省/自治区 → 省级, 全国/中央/中华/国家 → 国家级 (the lowest level named wins:
     * 深圳市福田区团区委 is 区级). Null when nothing says.
     */
    static String inferLevel(String issuer, String title) {
        for (String s : new String[] {issuer, title}) {
            if (s == null) {
                continue;
            }
            if (s.contains("街道") || s.contains("镇") || s.contains("乡") || s.contains("社区")) {
                return "街道/乡镇级";
            }
            if (s.contains("区") && !s.contains("自治区") || s.contains("县")) {
                return "区/县级";
            }
            if (s.contains("市")) {
                return "市级";
            }
            if (s.contains("省") || s.contains("自治区")) {
                return "省级";
            }
            if (s.contains("全国") || s.contains("中央") || s.contains("中华") || s.contains("国家") || s.startsWith("中国")) {
                return "国家级";
            }
        }
        return null;
    }

    /** A person on file by name: id, ID number, and current organisations. */
    private record Candidate(int id, String idNumber, List<Integer> orgs) {
    }

    @Override
    Plan<HonorRowIn, Map<Integer, HonorInput>> resolve(DSLContext ctx, List<Parsed<HonorRowIn>> rows) {
        Plan<HonorRowIn, Map<Integer, HonorInput>> plan = new Plan<>();
        OrgIndex index = new OrgIndex(ctx);
        Map<String, OrgIndex.Lookup> orgs = new HashMap<>();
        Map<String, org.taizhang.db.jooq.tables.records.HonorRecord> existing = new HashMap<>();
        ctx.selectFrom(HONOR).fetch().forEach(r -> existing.put(key(r.getHonorDate(), r.getTitle(), r.getOrgId(), r.getPersonId()), r));
        // people by name, with their current organisations, for the names the sheet gives
        Set<String> names = new HashSet<>();
        for (Parsed<HonorRowIn> p : rows) {
            if (p.value().person() != null) {
                names.add(PersonService.personName(p.value().person()));
            }
            if (p.value().awardee() != null) {
                names.add(PersonService.personName(p.value().awardee()));
            }
        }
        Map<String, List<Candidate>> byName = candidates(ctx, names);
        Map<String, Integer> byIdNumber = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<Integer, HonorInput> inputs = new HashMap<>();
        for (Parsed<HonorRowIn> p : rows) {
            HonorRowIn h = p.value();
            List<RowProblem> problems = new ArrayList<>();
            Integer orgId = null;
            ImportField orgField = null;
            if (h.orgRef() != null) {
                orgField = ImportField.HONOR_ORG;
                OrgIndex.Lookup l = orgs.computeIfAbsent(h.orgRef(), index::resolve);
                if (l.status() == OrgIndex.Lookup.Status.FOUND) {
                    orgId = l.id();
                }
            }
            String kind = h.kind();
            // one awardee column: an organisation for 集体, a person for 个人; without 集体/个人, whichever it names
            OrgIndex.Lookup awardeeOrg = h.awardee() == null || HonorService.INDIVIDUAL.equals(kind) ? null
                    : orgs.computeIfAbsent(h.awardee(), index::resolve);
            if (kind == null && h.awardee() != null) {
                boolean isOrg = awardeeOrg != null && awardeeOrg.status() != OrgIndex.Lookup.Status.NOT_FOUND;
                boolean isPerson = byName.containsKey(PersonService.personName(h.awardee()));
                kind = isOrg && !isPerson ? HonorService.COLLECTIVE : isPerson && !isOrg ? HonorService.INDIVIDUAL
                        : looksLikePersonName(h.awardee()) ? HonorService.INDIVIDUAL : HonorService.COLLECTIVE;
            } else if (kind == null) {
                kind = HonorService.COLLECTIVE;
            }
            Integer personId = null;
            if (HonorService.COLLECTIVE.equals(kind)) {
                if (h.awardee() != null) {
                    if (awardeeOrg == null) {
                        awardeeOrg = orgs.computeIfAbsent(h.awardee(), index::resolve);
                    }
                    if (awardeeOrg.status() == OrgIndex.Lookup.Status.FOUND) {
                        orgId = awardeeOrg.id();
                    } else {
                        problems.add(problem(p.row(), ImportField.HONOR_AWARDEE, h.awardee(), awardeeOrg.message()));
                    }
                } else if (h.orgRef() == null) {
                    problems.add(problem(p.row(), ImportField.HONOR_ORG, "", "集体荣誉请填写获奖组织"));
                } else if (orgId == null) {
                    problems.add(problem(p.row(), ImportField.HONOR_ORG, h.orgRef(), orgs.get(h.orgRef()).message()));
                }
            } else {
                if (h.orgRef() != null && orgId == null) {
                    // an individual's 单位 column often names a workplace outside the tree: it only narrows the search
                    unknownUnits++;
                }
                String name = h.person() != null ? h.person() : h.awardee();
                ImportField nameField = h.person() != null ? ImportField.HONOR_PERSON : ImportField.HONOR_AWARDEE;
                if (problems.isEmpty()) {
                    if (h.idNumber() != null) {
                        Integer pid = byIdNumber.computeIfAbsent(h.idNumber(), n -> ctx.select(PERSON.ID).from(PERSON)
                                .where(PERSON.ID_NUMBER.eq(n)).fetchOptional(PERSON.ID).orElse(-1));
                        if (pid < 0) {
                            problems.add(problem(p.row(), ImportField.HONOR_ID, IdNumber.mask(h.idNumber()),
                                    "名册里没有身份证号为 " + IdNumber.mask(h.idNumber()) + " 的人员，请先在组织名册中登记"));
                        } else {
                            personId = pid;
                        }
                    } else if (name == null) {
                        problems.add(problem(p.row(), ImportField.HONOR_PERSON, "", "个人荣誉请填写获奖人姓名或身份证号"));
                    } else if (name.startsWith("#")) {
                        try {
                            personId = honors.resolvePerson(name, orgId);
                        } catch (ValidationException e) {
                            problems.add(problem(p.row(), nameField, name, e.errors().getFirst().message()));
                        }
                    } else {
                        List<Candidate> all = byName.getOrDefault(PersonService.personName(name), List.of());
                        Integer within = orgId;
                        List<Candidate> found = within == null ? all
                                : all.stream().filter(c -> c.orgs().stream().anyMatch(o -> index.isWithin(o, within))).toList();
                        if (found.size() == 1) {
                            personId = found.getFirst().id();
                        } else if (found.isEmpty()) {
                            problems.add(problem(p.row(), nameField, name, "名册里没有名叫“" + PersonService.personName(name) + "”的人员"
                                    + (within != null ? "（在“" + index.path(within) + "”及其下级中）" : "")
                                    + (all.isEmpty() ? "，请先导入人员名单" : "；同名的人在：" + describe(all, index))));
                        } else {
                            problems.add(problem(p.row(), nameField, name, "有 " + found.size() + " 人都叫“" + PersonService.personName(name)
                                    + "”：" + describe(found, index) + "。请在表中加一列身份证号，或所在单位/组织，以区分"));
                        }
                    }
                }
                if (personId != null && orgId != null) {
                    // the honour goes to the person's own organisation inside the one the sheet names
                    Integer pid = personId;
                    Integer within = orgId;
                    List<Integer> mine = byName.values().stream().flatMap(List::stream).filter(c -> c.id() == pid)
                            .findFirst().map(Candidate::orgs).orElseGet(() -> ctx.select(MEMBERSHIP.ORG_ID).from(MEMBERSHIP)
                                    .where(MEMBERSHIP.PERSON_ID.eq(pid).and(MEMBERSHIP.LEFT_ON.isNull())).fetch(MEMBERSHIP.ORG_ID));
                    if (!mine.contains(within)) {
                        orgId = mine.stream().filter(o -> index.isWithin(o, within)).findFirst().orElse(within);
                    }
                }
            }
            if (problems.isEmpty()) {
                try {
                    HonorInput in = honors.validate(new HonorInput(h.date(), h.title(), h.level(), kind, orgId, personId,
                            h.issuer(), h.note()));
                    String key = key(in.date(), in.title(), in.orgId(), in.personId());
                    var onFile = existing.get(key);
                    if (onFile != null) {
                        List<String> diffs = new ArrayList<>();
                        if (!java.util.Objects.equals(onFile.getLevel(), in.level())) {
                            diffs.add("级别 " + onFile.getLevel() + " → " + in.level());
                        }
                        if (in.issuer() != null && !in.issuer().equals(onFile.getIssuer())) {
                            diffs.add("颁发单位 → " + in.issuer());
                        }
                        if (in.note() != null && !in.note().equals(onFile.getNote())) {
                            diffs.add("备注 → " + in.note());
                        }
                        String what = in.date() + " " + in.title();
                        if (diffs.isEmpty()) {
                            plan.skipped.put(p.row(), "已在台账中，跳过（" + what + "）");
                        } else {
                            plan.changes.put(p.row(), what + "：" + String.join("；", diffs));
                            updates.put(p.row(), onFile.getId());
                            inputs.put(p.row(), in);
                        }
                        continue;
                    }
                    Integer first = seen.putIfAbsent(key, p.row());
                    if (first != null) {
                        problems.add(problem(p.row(), ImportField.HONOR_TITLE, h.title(), "与第 " + first + " 行重复（同一日期、名称和获奖者）"));
                    }
                    inputs.put(p.row(), in);
                } catch (ValidationException e) {
                    problems.addAll(serviceProblems(p.row(), e, SERVICE_FIELDS, ImportField.HONOR_TITLE));
                }
            }
            plan.settle(p, problems);
        }
        if (unknownUnits > 0) {
            plan.notes.add(unknownUnits + " 行个人荣誉的所在单位不在组织树中，已只按姓名（和身份证号）在名册中找人");
        }
        unknownUnits = 0;
        plan.resolved = inputs;
        return plan;
    }

    private int unknownUnits;

    /** Changes to honours on file, by sheet row → honour id (applied with --update). */
    private final Map<Integer, Integer> updates = new HashMap<>();

    /** Two to four Chinese characters (with a middle dot for some names): reads as a person's name. */
    private static boolean looksLikePersonName(String s) {
        String n = PersonService.personName(org.taizhang.common.Texts.clean(s));
        return n.matches("[\\p{IsHan}·]{2,4}");
    }

    private static String describe(List<Candidate> people, OrgIndex index) {
        List<String> out = new ArrayList<>();
        for (Candidate c : people.stream().limit(5).toList()) {
            out.add((c.idNumber() == null ? "#" + c.id() : IdNumber.mask(c.idNumber())) + "（"
                    + String.join("、", c.orgs().stream().map(index::path).toList()) + "）");
        }
        return String.join("；", out);
    }

    private static Map<String, List<Candidate>> candidates(DSLContext ctx, Set<String> names) {
        Map<String, Map<Integer, Candidate>> out = new HashMap<>();
        List<String> list = new ArrayList<>(names);
        for (int i = 0; i < list.size(); i += 500) {
            ctx.select(PERSON.ID, PERSON.NAME, PERSON.ID_NUMBER, MEMBERSHIP.ORG_ID).from(PERSON).leftJoin(MEMBERSHIP)
                    .on(MEMBERSHIP.PERSON_ID.eq(PERSON.ID).and(MEMBERSHIP.LEFT_ON.isNull()))
                    .where(PERSON.NAME.in(list.subList(i, Math.min(list.size(), i + 500)))).orderBy(PERSON.ID, MEMBERSHIP.ID).fetch()
                    .forEach(r -> {
                        Candidate c = out.computeIfAbsent(r.value2(), k -> new java.util.LinkedHashMap<>())
                                .computeIfAbsent(r.value1(), k -> new Candidate(r.value1(), r.value3(), new ArrayList<>()));
                        if (r.value4() != null) {
                            c.orgs().add(r.value4());
                        }
                    });
        }
        Map<String, List<Candidate>> result = new HashMap<>();
        out.forEach((k, v) -> result.put(k, List.copyOf(v.values())));
        return result;
    }

    @Override
    ImportResult write(DSLContext ctx, Plan<HonorRowIn, Map<Integer, HonorInput>> plan, ImportProgress progress) {
        Map<Integer, HonorInput> inputs = plan.resolved;
        int n = 0;
        for (Parsed<HonorRowIn> p : plan.accepted) {
            honors.insert(ctx, Objects.requireNonNull(inputs.get(p.row())));
            if ((++n & 255) == 0) {
                progress.checkCancelled();
                progress.update("正在写入", n, plan.accepted.size());
            }
        }
        int updated = 0;
        if (request.update()) {
            for (var e : plan.changes.keySet()) {
                honors.update(ctx, updates.get(e), inputs.get(e));
                updated++;
            }
        }
        return new ImportResult(n + updated, 0, List.of("已导入荣誉 " + n + " 项" + (updated == 0 ? "" : "，更新已有荣誉 " + updated + " 项")));
    }
}
