package org.taizhang.io;

import static org.taizhang.db.jooq.Tables.ORG;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;
import org.taizhang.common.Validator;
import org.taizhang.db.Database;
import org.taizhang.db.jooq.tables.records.OrgRecord;
import org.taizhang.org.OrgInput;
import org.taizhang.org.OrgService;
import org.taizhang.org.OrgType;

/**
 * Organisations, written through {@link OrgService} (its checks, its insert and update, its change log). Parents
 * are matched by name (or path) to the existing tree and to the other rows of the sheet, whatever the row order.
 * The office's own type names are matched to the known types ({@link Vocabulary}) or, when the user asks,
 * created with the term {@link OrgService#inferTermYears} gives them; so are unknown top-level parents.
 * A row already on file (same name under the same parent) is skipped when nothing differs, and its changes are
 * listed (and applied with {@link ImportRequest#update()}).
 */
final class OrgImporter extends KindImporter<OrgImporter.OrgRow, OrgImporter.Decided> {
    record OrgRow(OrgInput fields, String typeText, String parentRef) {
        String name() {
            return fields.name();
        }
    }

    static final Map<String, ImportField> SERVICE_FIELDS = Map.of(OrgService.F_NAME, ImportField.ORG_NAME,
            OrgService.F_TYPE, ImportField.ORG_TYPE, OrgService.F_PARENT, ImportField.ORG_PARENT,
            OrgService.F_FOUNDED, ImportField.ORG_FOUNDED, OrgService.F_TERM, ImportField.ORG_TERM,
            OrgService.F_ELECTION, ImportField.ORG_ELECTION, OrgService.F_CONTACT, ImportField.ORG_CONTACT,
            OrgService.F_PHONE, ImportField.ORG_PHONE, OrgService.F_NOTE, ImportField.ORG_NOTE);

    private final OrgService orgs;
    /** Names of rows rejected by the row checks, so their children can say why. */
    private final Map<String, Integer> broken = new HashMap<>();

    OrgImporter(Database db, ImportRequest request) {
        super(request);
        this.orgs = new OrgService(db);
    }

    @Override
    OrgRow parse(RowValues v) {
        String name = v.text(ImportField.ORG_NAME, 200);
        String typeText = v.text(ImportField.ORG_TYPE, 20);
        String parent = v.text(ImportField.ORG_PARENT, 300);
        LocalDate founded = v.date(ImportField.ORG_FOUNDED);
        Integer term = v.count(ImportField.ORG_TERM);
        LocalDate election = v.date(ImportField.ORG_ELECTION);
        String contact = v.text(ImportField.ORG_CONTACT, 200);
        String phone = v.code(ImportField.ORG_PHONE);
        String note = v.text(ImportField.ORG_NOTE, 2000);
        if (v.ok()) {
            Validator val = new Validator();
            OrgInput in = orgs.validateFields(val, new OrgInput(name, 0, null, founded, term, election, contact, phone, note));
            v.fieldErrors(val.errors(), SERVICE_FIELDS);
            if (v.ok()) {
                return new OrgRow(in, typeText, parent);
            }
        }
        if (name != null) {
            broken.putIfAbsent(name, v.rowNumber());
        }
        return null;
    }

    /** Provisional id of a sheet row in the index. */
    private static int tmp(int row) {
        return -row;
    }

    private static boolean provisional(Integer id) {
        return id != null && id < 0 && id > -1_000_000;
    }

    record Missing(int tmpId, String name, OrgType type) {
    }

    /** What resolve decided, for write. */
    record Decided(Map<Integer, Integer> parentOf, List<Missing> missing, Map<Integer, OrgType> typeOf,
                   Map<String, Integer> newTypes, Map<Integer, Integer> existing, Map<Integer, OrgInput> updates) {
    }

    @Override
    Plan<OrgRow, Decided> resolve(DSLContext ctx, List<Parsed<OrgRow>> rows) {
        Plan<OrgRow, Decided> plan = new Plan<>();
        List<OrgType> types = OrgService.types(ctx);
        Map<Integer, OrgType> typeOf = new HashMap<>();
        Map<String, Integer> newTypes = new LinkedHashMap<>();
        resolveTypes(plan, rows, types, typeOf, newTypes);

        OrgIndex index = new OrgIndex(ctx);
        Map<String, Integer> topLevel = new HashMap<>();
        Map<String, Integer> childOf = new HashMap<>();
        Map<Integer, OrgRecord> records = new HashMap<>();
        for (OrgRecord r : ctx.selectFrom(ORG).fetch()) {
            records.put(r.getId(), r);
            childOf.put(key(r.getName(), r.getParentId()), r.getId());
            if (r.getParentId() == null) {
                topLevel.put(r.getName(), r.getId());
            }
        }
        Map<Integer, Integer> existing = new HashMap<>(); // sheet row → organisation already on file
        for (Parsed<OrgRow> p : rows) {
            index.add(new OrgIndex.Node(tmp(p.row()), p.value().name(), null, p.value().parentRef() == null));
            if (p.value().parentRef() == null && topLevel.containsKey(p.value().name())) {
                existing.put(p.row(), topLevel.get(p.value().name()));
                index.alias(tmp(p.row()), topLevel.get(p.value().name()));
            }
        }
        Map<Integer, Integer> parentOf = new HashMap<>();
        Map<String, Missing> missing = new LinkedHashMap<>();
        List<Parsed<OrgRow>> pending = new ArrayList<>(rows.stream().filter(p -> p.value().parentRef() != null).toList());
        boolean progress = true;
        while (progress && !pending.isEmpty()) {
            progress = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                Parsed<OrgRow> p = it.next();
                String ref = p.value().parentRef();
                OrgIndex.Lookup l = index.resolve(ref);
                switch (l.status()) {
                    case WAIT -> {
                        continue;
                    }
                    case FOUND -> {
                        if (l.id() == tmp(p.row())) {
                            plan.reject(p.row(), problem(p.row(), ImportField.ORG_PARENT, ref, "上级组织不能是它自己"));
                        } else {
                            index.setParent(tmp(p.row()), l.id());
                            parentOf.put(tmp(p.row()), l.id());
                            Integer onFile = l.id() > 0 ? childOf.get(key(p.value().name(), l.id())) : null;
                            if (onFile != null) {
                                existing.put(p.row(), onFile);
                                index.alias(tmp(p.row()), onFile);
                            }
                        }
                    }
                    case NOT_FOUND -> {
                        List<String> seg = OrgIndex.segments(ref);
                        Integer brokenRow = broken.get(seg.getLast());
                        if (brokenRow != null) {
                            plan.reject(p.row(), problem(p.row(), ImportField.ORG_PARENT, ref, "上级组织“" + ref + "”（第 " + brokenRow
                                    + " 行）有错误未能导入，请一并修正"));
                        } else if (request.createMissing() && seg.size() == 1) {
                            Missing m = missing.computeIfAbsent(seg.getFirst(), n -> {
                                OrgType t = OrgService.typeForName(n, types);
                                return new Missing(-1_000_000 - missing.size(), n, t);
                            });
                            if (index.node(m.tmpId()) == null) {
                                index.add(new OrgIndex.Node(m.tmpId(), m.name(), null, true));
                            }
                            index.setParent(tmp(p.row()), m.tmpId());
                            parentOf.put(tmp(p.row()), m.tmpId());
                        } else {
                            plan.reject(p.row(), problem(p.row(), ImportField.ORG_PARENT, ref, l.message()
                                    + (seg.size() == 1 ? "。如需同时新建该上级组织，请选择“新建缺少的类型、类别和上级组织”" : "")));
                        }
                    }
                    case AMBIGUOUS -> plan.reject(p.row(), problem(p.row(), ImportField.ORG_PARENT, ref, l.message()));
                }
                it.remove();
                progress = true;
            }
        }
        for (Parsed<OrgRow> p : pending) {
            plan.reject(p.row(), problem(p.row(), ImportField.ORG_PARENT, p.value().parentRef(),
                    "无法确定上级组织“" + p.value().parentRef() + "”（表中的上下级关系互相引用，形成了循环）"));
        }
        // cycles among sheet rows (A under B, B under A)
        for (Parsed<OrgRow> p : rows) {
            Set<Integer> seen = new HashSet<>();
            Integer cur = tmp(p.row());
            while (provisional(cur) && seen.add(cur)) {
                cur = parentOf.get(cur);
            }
            if (provisional(cur) && !plan.rejected.containsKey(p.row())) {
                plan.reject(p.row(), problem(p.row(), ImportField.ORG_PARENT, p.value().parentRef(), "上下级关系形成循环（某个组织成了自己的下级）"));
            }
        }
        // the same organisation twice in the sheet
        Map<String, Integer> seenInSheet = new HashMap<>();
        for (Parsed<OrgRow> p : rows) {
            if (plan.rejected.containsKey(p.row())) {
                continue;
            }
            Integer parent = parentOf.get(tmp(p.row()));
            Integer first = seenInSheet.putIfAbsent(key(p.value().name(), parent), p.row());
            if (first != null) {
                plan.reject(p.row(), problem(p.row(), ImportField.ORG_NAME, p.value().name(), "与第 " + first + " 行重复（同一上级下同名组织）"));
            }
        }
        // a row under a rejected row cannot be written either
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Parsed<OrgRow> p : rows) {
                Integer parent = parentOf.get(tmp(p.row()));
                if (!plan.rejected.containsKey(p.row()) && provisional(parent) && plan.rejected.containsKey(-parent)
                        && !existing.containsKey(-parent)) {
                    plan.reject(p.row(), problem(p.row(), ImportField.ORG_PARENT, p.value().parentRef(), "上级组织“" + p.value().parentRef()
                            + "”（第 " + (-parent) + " 行）有错误未能导入，请一并修正"));
                    changed = true;
                }
            }
        }
        // rows already on file: skipped, or their differences listed (and applied on request)
        Map<Integer, OrgInput> updates = new LinkedHashMap<>();
        for (Parsed<OrgRow> p : rows) {
            Integer id = existing.get(p.row());
            if (id == null || plan.rejected.containsKey(p.row())) {
                continue;
            }
            OrgRecord r = records.get(id);
            OrgRow o = p.value();
            OrgType t = typeOf.get(p.row());
            List<String> diffs = new ArrayList<>();
            Integer typeId = r.getTypeId();
            if (t != null && o.typeText() != null && t.id() > 0 && t.id() != r.getTypeId()) {
                diffs.add("组织类型 → " + t.name());
                typeId = t.id();
            }
            LocalDate founded = differ(diffs, "成立日期", r.getFoundedOn(), o.fields().foundedOn());
            Integer term = differ(diffs, "每届任期", r.getTermYears(), o.fields().termYears());
            LocalDate election = differ(diffs, "上次换届", r.getLastElectionOn(), o.fields().lastElectionOn());
            String contact = differ(diffs, "联系人", r.getContactPerson(), o.fields().contactPerson());
            String phone = differ(diffs, "联系电话", r.getContactPhone(), o.fields().contactPhone());
            String note = differ(diffs, "备注", r.getNote(), o.fields().note());
            if (diffs.isEmpty()) {
                plan.skipped.put(p.row(), "已在台账中，跳过（" + o.name() + "）");
            } else {
                plan.changes.put(p.row(), o.name() + "：" + String.join("；", diffs));
                updates.put(p.row(), new OrgInput(r.getName(), typeId, r.getParentId(), founded, term, election, contact, phone, note));
            }
        }
        // write order: parents before children
        Map<Integer, Integer> depth = new HashMap<>();
        for (Parsed<OrgRow> p : rows) {
            if (!plan.rejected.containsKey(p.row()) && !existing.containsKey(p.row())) {
                plan.accepted.add(p);
                int d = 0;
                Integer cur = parentOf.get(tmp(p.row()));
                while (provisional(cur) && d < 10_000) {
                    d++;
                    cur = parentOf.get(cur);
                }
                depth.put(p.row(), d);
            }
        }
        plan.accepted.sort(Comparator.comparingInt((Parsed<OrgRow> p) -> depth.get(p.row())).thenComparingInt(Parsed::row));
        List<Missing> used = new ArrayList<>();
        for (Missing m : missing.values()) {
            boolean needed = plan.accepted.stream().anyMatch(p -> Objects.equals(parentOf.get(tmp(p.row())), m.tmpId()));
            if (needed) {
                used.add(m);
                plan.creates.add("将新建上级组织：" + m.name() + "（顶层，类型“" + (m.type() == null ? OrgService.OTHER_TYPE : m.type().name())
                        + "”），作为表中下级组织的上级");
            }
        }
        // new types are listed only when a row that will be written uses them
        Set<String> usedTypes = new HashSet<>();
        for (Parsed<OrgRow> p : plan.accepted) {
            OrgType t = typeOf.get(p.row());
            if (t != null && t.id() <= 0) {
                usedTypes.add(t.name());
            }
        }
        for (var e : newTypes.entrySet()) {
            if (usedTypes.contains(e.getKey())) {
                plan.creates.add("将新建组织类型：" + e.getKey() + "（任期 " + e.getValue() + " 年，之后可以修改）");
            }
        }
        plan.resolved = new Decided(parentOf, used, typeOf, newTypes, existing, updates);
        return plan;
    }

    private static <T> T differ(List<String> diffs, String label, T onFile, T inSheet) {
        if (inSheet == null || Objects.equals(onFile, inSheet)) {
            return onFile;
        }
        diffs.add(label + " " + (onFile == null ? "（空）" : onFile) + " → " + inSheet);
        return inSheet;
    }

    /** Each row's type: from its 组织类型 cell (matched or new), or from its name (园岭社区团委 → 团委). */
    private void resolveTypes(Plan<OrgRow, Decided> plan, List<Parsed<OrgRow>> rows, List<OrgType> types, Map<Integer, OrgType> typeOf,
                              Map<String, Integer> newTypes) {
        List<String> known = types.stream().map(OrgType::name).toList();
        Map<String, OrgType> decided = new HashMap<>();
        Map<String, Integer> unknownRows = new LinkedHashMap<>();
        for (Parsed<OrgRow> p : rows) {
            String text = p.value().typeText();
            if (text == null) {
                OrgType t = OrgService.typeForName(p.value().name(), types);
                if (t == null) {
                    t = types.stream().filter(x -> x.name().equals(OrgService.OTHER_TYPE)).findFirst().orElse(types.getLast());
                    unknownRows.merge("（名称看不出类型，记为“" + OrgService.OTHER_TYPE + "”）", 1, Integer::sum);
                }
                typeOf.put(p.row(), t);
                continue;
            }
            OrgType t = decided.computeIfAbsent(text, n -> {
                Vocabulary.Match m = Vocabulary.type(n, known);
                if (m != null) {
                    if (!m.exact()) {
                        plan.matches.add(Vocabulary.describe("组织类型", n, m));
                    }
                    return types.stream().filter(x -> x.name().equals(m.known())).findFirst().orElseThrow();
                }
                String clean = org.taizhang.common.Texts.clean(n);
                int term = OrgService.inferTermYears(clean, types);
                newTypes.put(clean, term);
                return new OrgType(-newTypes.size(), clean, term);
            });
            if (t.id() <= 0 && !request.createMissing()) {
                plan.reject(p.row(), problem(p.row(), ImportField.ORG_TYPE, text, "名册里还没有“" + t.name() + "”这种组织类型。"
                        + "选择“新建缺少的类型、类别和上级组织”即可新建（任期按 " + t.defaultTermYears() + " 年，之后可以修改），"
                        + "或改成已有类型：" + String.join("、", known)));
                continue;
            }
            typeOf.put(p.row(), t);
        }
        unknownRows.forEach((what, n) -> plan.notes.add(n + " 个组织" + what));
    }

    @Override
    ImportResult write(DSLContext ctx, Plan<OrgRow, Decided> plan, ImportProgress progress) {
        Decided d = plan.resolved;
        Map<String, Integer> typeIds = new HashMap<>();
        List<OrgType> types = OrgService.types(ctx);
        int createdTypes = 0;
        for (var e : d.newTypes().entrySet()) {
            boolean used = plan.accepted.stream().anyMatch(p -> {
                OrgType t = d.typeOf().get(p.row());
                return t != null && t.id() <= 0 && t.name().equals(e.getKey());
            });
            if (used) {
                typeIds.put(e.getKey(), OrgService.insertType(ctx, e.getKey(), e.getValue()).id());
                createdTypes++;
            }
        }
        int other = types.stream().filter(t -> t.name().equals(OrgService.OTHER_TYPE)).map(OrgType::id).findFirst()
                .orElse(types.getLast().id());
        Map<Integer, Integer> realId = new HashMap<>();
        for (Missing m : d.missing()) {
            realId.put(m.tmpId(), orgs.insert(ctx, new OrgInput(m.name(), m.type() == null ? other : m.type().id(), null, null, null,
                    null, null, null, "导入时自动新建")));
        }
        int n = 0;
        for (Parsed<OrgRow> p : plan.accepted) {
            Integer parent = d.parentOf().get(tmp(p.row()));
            Integer real = parent == null ? null : parent > 0 ? parent : realId.containsKey(parent) ? realId.get(parent)
                    : d.existing().get(-parent);
            OrgType t = d.typeOf().get(p.row());
            int typeId = t.id() > 0 ? t.id() : typeIds.get(t.name());
            OrgInput f = p.value().fields();
            realId.put(tmp(p.row()), orgs.insert(ctx, new OrgInput(f.name(), typeId, real, f.foundedOn(), f.termYears(),
                    f.lastElectionOn(), f.contactPerson(), f.contactPhone(), f.note())));
            if ((++n & 255) == 0) {
                progress.checkCancelled();
                progress.update("正在写入", n, plan.accepted.size());
            }
        }
        int updated = 0;
        if (request.update()) {
            for (var e : d.updates().entrySet()) {
                orgs.update(ctx, d.existing().get(e.getKey()), e.getValue());
                updated++;
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("已导入组织 " + plan.accepted.size() + " 个" + (d.missing().isEmpty() ? "" : "，另新建上级组织 " + d.missing().size() + " 个")
                + (createdTypes == 0 ? "" : "，新建组织类型 " + createdTypes + " 种") + (updated == 0 ? "" : "，更新已有组织 " + updated + " 个"));
        return new ImportResult(plan.accepted.size() + updated, 0, lines);
    }
}
