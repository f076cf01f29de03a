package org.taizhang.io;

import static org.taizhang.db.jooq.Tables.ORG;
import static org.taizhang.db.jooq.Tables.ORG_TYPE;

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
import org.jooq.impl.DSL;
import org.taizhang.common.UserException;
import org.taizhang.db.ChangeLog;
import org.taizhang.db.Database;
import org.taizhang.db.jooq.tables.records.OrgRecord;
import org.taizhang.org.OrgType;
import org.taizhang.common.Phones;

/**
 * Organisations: parents are matched by name (or path) to the existing tree and to the other rows of
 * the sheet, whatever the row order; unknown parents are rejected, or created at the top level (类型
 * “其他”) when the user asks for it. The same rules as the organisation form apply.
 */
final class OrgImporter extends KindImporter<OrgImporter.OrgRow, OrgImporter.Links> {
    record OrgRow(String name, OrgType type, String parentRef, LocalDate founded, Integer term, LocalDate election,
                  String contact, String phone, String note) {
    }

    private final List<OrgType> types;
    /** Names of rows rejected by the row checks, so their children can say why. */
    private final Map<String, Integer> broken = new HashMap<>();
    private final LocalDate today = LocalDate.now();

    OrgImporter(Database db, ImportRequest request) {
        super(request);
        this.types = db.read(ctx -> ctx.selectFrom(ORG_TYPE).orderBy(ORG_TYPE.SORT_ORDER)
                .fetch(r -> new OrgType(r.getId(), r.getName(), r.getDefaultTermYears())));
    }

    @Override
    OrgRow parse(RowValues v) {
        String name = v.requiredText("name", 60);
        String typeText = v.text("type", 20);
        OrgType type = null;
        if (typeText != null) {
            type = types.stream().filter(t -> t.name().equals(typeText)).findFirst().orElse(null);
            if (type == null) {
                v.problem("type", "没有“" + typeText + "”这种组织类型，可选：" + String.join("、", types.stream().map(OrgType::name).toList()));
            }
        } else if (name != null) {
            type = types.stream().filter(t -> !t.name().equals("其他") && name.endsWith(t.name()))
                    .max(Comparator.comparingInt(t -> t.name().length())).orElse(null);
            if (type == null) {
                v.problem("type", "请填写组织类型（无法从名称判断），可选：" + String.join("、", types.stream().map(OrgType::name).toList()));
            }
        }
        String parent = v.text("parent", 300);
        LocalDate founded = v.date("founded");
        if (founded != null && founded.isAfter(today)) {
            v.problem("founded", "成立日期不能晚于今天");
        } else if (founded != null && founded.getYear() < 1900) {
            v.problem("founded", "成立日期不合理");
        }
        Integer term = v.count("term");
        if (term != null && (term < 1 || term > 10)) {
            v.problem("term", "每届任期应在1到10年之间");
        }
        LocalDate election = v.date("election");
        if (election != null && election.isAfter(today)) {
            v.problem("election", "上次换届日期不能晚于今天");
        } else if (election != null && founded != null && election.isBefore(founded)) {
            v.problem("election", "上次换届日期不能早于成立日期");
        }
        String contact = v.text("contact", 30);
        String phone = null;
        try {
            phone = Phones.normalise(v.code("phone"));
        } catch (UserException e) {
            v.problem("phone", e.getMessage());
        }
        String note = v.text("note", 500);
        if (!v.ok()) {
            if (name != null) {
                broken.putIfAbsent(name, v.rowNumber());
            }
            return null;
        }
        return new OrgRow(name, type, parent, founded, term, election, contact, phone, note);
    }

    /** Provisional id of a sheet row in the index. */
    private static int tmp(int row) {
        return -row;
    }

    record Missing(int tmpId, String name) {
    }

    /** Each row's parent (negative temporary ids for rows of the sheet) and the top-level organisations to create first. */
    record Links(Map<Integer, Integer> parentOf, List<Missing> missing) {
    }

    @Override
    Plan<OrgRow, Links> resolve(DSLContext ctx, List<Parsed<OrgRow>> rows) {
        Plan<OrgRow, Links> plan = new Plan<>();
        OrgIndex index = new OrgIndex(ctx);
        Map<Integer, Parsed<OrgRow>> byTmp = new LinkedHashMap<>();
        for (Parsed<OrgRow> p : rows) {
            byTmp.put(tmp(p.row()), p);
            index.add(new OrgIndex.Node(tmp(p.row()), p.value().name(), null, p.value().parentRef() == null));
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
                            plan.reject(p.row(), problem(p.row(), "parent", ref, "上级组织不能是它自己"));
                        } else {
                            index.setParent(tmp(p.row()), l.id());
                            parentOf.put(tmp(p.row()), l.id());
                        }
                    }
                    case NOT_FOUND -> {
                        List<String> seg = OrgIndex.segments(ref);
                        Integer brokenRow = broken.get(seg.getLast());
                        if (brokenRow != null) {
                            plan.reject(p.row(), problem(p.row(), "parent", ref, "上级组织“" + ref + "”（第 " + brokenRow
                                    + " 行）有错误未能导入，请一并修正"));
                        } else if (request.createMissing() && seg.size() == 1) {
                            Missing m = missing.computeIfAbsent(seg.getFirst(),
                                    n -> new Missing(-1_000_000 - missing.size(), n));
                            if (index.node(m.tmpId()) == null) {
                                index.add(new OrgIndex.Node(m.tmpId(), m.name(), null, true));
                            }
                            index.setParent(tmp(p.row()), m.tmpId());
                            parentOf.put(tmp(p.row()), m.tmpId());
                        } else {
                            plan.reject(p.row(), problem(p.row(), "parent", ref, l.message()
                                    + (seg.size() == 1 ? "。如需同时新建该上级组织，请勾选“新建缺少的上级组织”（命令行 --create-missing）" : "")));
                        }
                    }
                    case AMBIGUOUS -> plan.reject(p.row(), problem(p.row(), "parent", ref, l.message()));
                }
                it.remove();
                progress = true;
            }
        }
        for (Parsed<OrgRow> p : pending) {
            plan.reject(p.row(), problem(p.row(), "parent", p.value().parentRef(),
                    "无法确定上级组织“" + p.value().parentRef() + "”（表中的上下级关系互相引用，形成了循环）"));
        }
        // cycles among sheet rows (A under B, B under A)
        for (Parsed<OrgRow> p : rows) {
            Set<Integer> seen = new HashSet<>();
            Integer cur = tmp(p.row());
            while (cur != null && cur < 0 && cur > -1_000_000 && seen.add(cur)) {
                cur = parentOf.get(cur);
            }
            if (cur != null && cur < 0 && cur > -1_000_000 && !plan.rejected.containsKey(p.row())) {
                plan.reject(p.row(), problem(p.row(), "parent", p.value().parentRef(), "上下级关系形成循环（某个组织成了自己的下级）"));
            }
        }
        // duplicates: same name under the same parent, in the database or earlier in the sheet
        Map<String, Integer> seenInSheet = new HashMap<>();
        Set<String> inDb = new HashSet<>();
        ctx.select(ORG.NAME, ORG.PARENT_ID).from(ORG).fetch().forEach(r -> inDb.add(key(r.value1(), r.value2())));
        for (Parsed<OrgRow> p : rows) {
            if (plan.rejected.containsKey(p.row())) {
                continue;
            }
            Integer parent = parentOf.get(tmp(p.row()));
            String key = key(p.value().name(), parent);
            if (parent == null || parent > 0) {
                if (inDb.contains(key)) {
                    String where = parent == null ? "顶层" : "“" + index.path(parent) + "”下";
                    plan.reject(p.row(), problem(p.row(), "name", p.value().name(), where + "已有名为“" + p.value().name()
                            + "”的组织（重复，不再导入）"));
                    continue;
                }
            }
            Integer first = seenInSheet.putIfAbsent(key, p.row());
            if (first != null) {
                plan.reject(p.row(), problem(p.row(), "name", p.value().name(), "与第 " + first + " 行重复（同一上级下同名组织）"));
            }
        }
        // a row under a rejected row cannot be written either
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Parsed<OrgRow> p : rows) {
                Integer parent = parentOf.get(tmp(p.row()));
                if (!plan.rejected.containsKey(p.row()) && parent != null && parent < 0 && parent > -1_000_000
                        && plan.rejected.containsKey(-parent)) {
                    plan.reject(p.row(), problem(p.row(), "parent", p.value().parentRef(), "上级组织“" + p.value().parentRef()
                            + "”（第 " + (-parent) + " 行）有错误未能导入，请一并修正"));
                    changed = true;
                }
            }
        }
        // write order: parents before children
        Map<Integer, Integer> depth = new HashMap<>();
        for (Parsed<OrgRow> p : rows) {
            if (!plan.rejected.containsKey(p.row())) {
                plan.accepted.add(p);
                int d = 0;
                Integer cur = parentOf.get(tmp(p.row()));
                while (cur != null && cur < 0 && cur > -1_000_000 && d < 10_000) {
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
                plan.notes.add("将新建顶层组织“" + m.name() + "”（类型“其他”），作为表中下级组织的上级");
            }
        }
        plan.resolved = new Links(parentOf, used);
        return plan;
    }

    @Override
    ImportResult write(DSLContext ctx, Plan<OrgRow, Links> plan, ImportProgress progress) {
        Map<Integer, Integer> parentOf = plan.resolved.parentOf();
        List<Missing> missing = plan.resolved.missing();
        Map<Integer, Integer> realId = new HashMap<>();
        Map<Integer, Integer> nextSort = new HashMap<>();
        int other = types.stream().filter(t -> t.name().equals("其他")).map(OrgType::id).findFirst().orElse(types.getLast().id());
        for (Missing m : missing) {
            realId.put(m.tmpId(), insert(ctx, nextSort, new OrgRow(m.name(), null, null, null, null, null, null, null,
                    "导入时自动新建"), other, null));
        }
        int n = 0;
        for (Parsed<OrgRow> p : plan.accepted) {
            Integer parent = parentOf.get(tmp(p.row()));
            Integer real = parent == null ? null : parent > 0 ? parent : realId.get(parent);
            realId.put(tmp(p.row()), insert(ctx, nextSort, p.value(), p.value().type().id(), real));
            if ((++n & 255) == 0) {
                progress.checkCancelled();
                progress.update("正在写入", n, plan.accepted.size());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("已导入组织 " + plan.accepted.size() + " 个" + (missing.isEmpty() ? "" : "，另新建上级组织 " + missing.size() + " 个"));
        return new ImportResult(plan.accepted.size(), 0, lines);
    }

    private static int insert(DSLContext ctx, Map<Integer, Integer> nextSort, OrgRow o, int typeId, Integer parent) {
        int key = parent == null ? 0 : parent;
        int sort = nextSort.computeIfAbsent(key, k -> {
            Integer max = ctx.select(DSL.max(ORG.SORT_ORDER)).from(ORG)
                    .where(parent == null ? ORG.PARENT_ID.isNull() : ORG.PARENT_ID.eq(parent)).fetchOne(0, Integer.class);
            return max == null ? 1 : max + 1;
        });
        nextSort.put(key, sort + 1);
        OrgRecord rec = ctx.newRecord(ORG);
        rec.setName(o.name());
        rec.setTypeId(typeId);
        rec.setParentId(parent);
        rec.setFoundedOn(o.founded());
        rec.setTermYears(o.term());
        rec.setLastElectionOn(o.election());
        rec.setContactPerson(o.contact());
        rec.setContactPhone(o.phone());
        rec.setNote(o.note());
        rec.setSortOrder(sort);
        rec.store();
        ChangeLog.insert(ctx, "org", rec.getId(), rec);
        return rec.getId();
    }
}
