package org.taizhang.plan;

import static org.taizhang.db.jooq.Tables.ACTIVITY_CATEGORY;
import static org.taizhang.db.jooq.Tables.ORG;
import static org.taizhang.db.jooq.Tables.PLAN;
import static org.taizhang.db.jooq.Tables.PLAN_ITEM;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.taizhang.common.PlanStatus;
import org.taizhang.common.Texts;
import org.taizhang.common.UserException;
import org.taizhang.common.ValidationException;
import org.taizhang.common.Validator;
import org.taizhang.db.ChangeLog;
import org.taizhang.db.Database;
import org.taizhang.db.Timestamps;
import org.taizhang.db.jooq.tables.records.PlanItemRecord;
import org.taizhang.db.jooq.tables.records.PlanRecord;
import org.taizhang.common.Numbers;
import org.taizhang.stats.HonorTable;
import org.taizhang.stats.Period;
import org.taizhang.stats.Row;
import org.taizhang.stats.StatsService;
import org.taizhang.stats.Totals;

/** Work plans: headers, outlines (saved as plan_item rows), copying a plan forward, progress of targets. */
public final class PlanService {
    public static final String F_ORG = "组织";
    public static final String F_TITLE = "计划标题";
    public static final String F_FROM = "开始日期";
    public static final String F_TO = "结束日期";
    public static final String F_ITEM = "计划条目";
    public static final String F_TARGET = "目标";

    private final Database db;
    private final StatsService stats;

    public PlanService(Database db) {
        this.db = db;
        this.stats = new StatsService(db);
    }

    // ------------------------------------------------------------------ headers

    private static List<org.jooq.SelectField<?>> headerFields() {
        List<org.jooq.SelectField<?>> f = new ArrayList<>(List.of(PLAN.fields()));
        f.add(ORG.NAME);
        f.add(DSL.field(DSL.selectCount().from(PLAN_ITEM).where(PLAN_ITEM.PLAN_ID.eq(PLAN.ID))).as("items"));
        return f;
    }

    private static Plan toPlan(Record r) {
        return new Plan(r.get(PLAN.ID), r.get(PLAN.ORG_ID), r.get(ORG.NAME), r.get(PLAN.TITLE), r.get(PLAN.PERIOD_FROM),
                r.get(PLAN.PERIOD_TO), r.get(PLAN.PERIOD_LABEL), r.get(PLAN.COPIED_FROM_ID), r.get("items", Integer.class));
    }

    /** Plans of one organisation (null = all), newest period first; {@code year} narrows to plans touching that year. */
    public List<Plan> list(Integer orgId, Integer year) {
        return db.read(ctx -> ctx.select(headerFields()).from(PLAN).join(ORG).on(ORG.ID.eq(PLAN.ORG_ID))
                .where(orgId == null ? DSL.trueCondition() : PLAN.ORG_ID.eq(orgId))
                .and(year == null ? DSL.trueCondition()
                        : PLAN.PERIOD_FROM.le(LocalDate.of(year, 12, 31)).and(PLAN.PERIOD_TO.ge(LocalDate.of(year, 1, 1))))
                .orderBy(PLAN.PERIOD_FROM.desc(), PLAN.ID.desc()).fetch(PlanService::toPlan));
    }

    public Optional<Plan> get(int id) {
        return db.read(ctx -> ctx.select(headerFields()).from(PLAN).join(ORG).on(ORG.ID.eq(PLAN.ORG_ID))
                .where(PLAN.ID.eq(id)).fetchOptional(PlanService::toPlan));
    }

    public Plan require(int id) {
        return get(id).orElseThrow(() -> new ValidationException("计划", "找不到编号为 #" + id + " 的计划（可能已被删除）"));
    }

    /** The latest plan of {@code orgId} that starts before {@code before}: "last period's plan". */
    public Optional<Plan> previous(int orgId, LocalDate before) {
        return db.read(ctx -> ctx.select(headerFields()).from(PLAN).join(ORG).on(ORG.ID.eq(PLAN.ORG_ID))
                .where(PLAN.ORG_ID.eq(orgId), PLAN.PERIOD_FROM.lt(before))
                .orderBy(PLAN.PERIOD_FROM.desc(), PLAN.ID.desc()).limit(1).fetchOptional(PlanService::toPlan));
    }

    private PlanInput validate(DSLContext ctx, PlanInput in) {
        Validator v = new Validator();
        if (in.orgId() == null) {
            v.error(F_ORG, "请选择计划所属的组织");
        } else if (!ctx.fetchExists(ORG, ORG.ID.eq(in.orgId()))) {
            v.error(F_ORG, "组织 #" + in.orgId() + " 不存在（可能已被删除），请重新选择");
        }
        String title = v.requiredText(in.title(), F_TITLE, 100);
        v.check(in.from() != null, F_FROM, "请填写计划开始日期");
        v.check(in.to() != null, F_TO, "请填写计划结束日期");
        if (in.from() != null && in.to() != null && in.from().isAfter(in.to())) {
            v.error(F_TO, "结束日期 " + Numbers.date(in.to()) + " 早于开始日期 " + Numbers.date(in.from()) + "，请对调");
        }
        String label = v.optionalText(in.periodLabel(), "时段名称", 40);
        v.throwIfAny();
        return new PlanInput(in.orgId(), title, in.from(), in.to(),
                label != null ? label : Numbers.periodTitle(in.from(), in.to()));
    }

    public int create(PlanInput in) {
        return db.tx(ctx -> insertPlan(ctx, validate(ctx, in), null));
    }

    private static int insertPlan(DSLContext ctx, PlanInput clean, Integer copiedFrom) {
        PlanRecord rec = ctx.newRecord(PLAN);
        rec.setOrgId(clean.orgId());
        rec.setTitle(clean.title());
        rec.setPeriodFrom(clean.from());
        rec.setPeriodTo(clean.to());
        rec.setPeriodLabel(clean.periodLabel());
        rec.setCopiedFromId(copiedFrom);
        rec.store();
        ChangeLog.insert(ctx, "plan", rec.getId(), rec);
        return rec.getId();
    }

    public void updateHeader(int id, PlanInput in) {
        db.txRun(ctx -> {
            PlanInput clean = validate(ctx, in);
            PlanRecord rec = ctx.fetchOne(PLAN, PLAN.ID.eq(id));
            if (rec == null) {
                throw new ValidationException("计划", "找不到编号为 #" + id + " 的计划（可能已被删除）");
            }
            PlanRecord before = rec.copy();
            rec.setOrgId(clean.orgId());
            rec.setTitle(clean.title());
            rec.setPeriodFrom(clean.from());
            rec.setPeriodTo(clean.to());
            rec.setPeriodLabel(clean.periodLabel());
            rec.setUpdatedAt(Timestamps.now());
            rec.update();
            ChangeLog.update(ctx, "plan", id, before, rec);
        });
    }


    public void delete(int id) {
        db.txRun(ctx -> {
            PlanRecord rec = ctx.fetchOne(PLAN, PLAN.ID.eq(id));
            if (rec == null) {
                throw new ValidationException("计划", "找不到编号为 #" + id + " 的计划（可能已被删除）");
            }
            for (PlanItemRecord it : ctx.fetch(PLAN_ITEM, PLAN_ITEM.PLAN_ID.eq(id))) {
                ChangeLog.delete(ctx, "plan_item", it.getId(), it);
            }
            ctx.update(PLAN).setNull(PLAN.COPIED_FROM_ID).where(PLAN.COPIED_FROM_ID.eq(id)).execute();
            ctx.deleteFrom(PLAN_ITEM).where(PLAN_ITEM.PLAN_ID.eq(id)).execute();
            rec.delete();
            ChangeLog.delete(ctx, "plan", id, rec);
        });
    }

    // ------------------------------------------------------------------ outline

    /** The stored outline of a plan, ready for editing (no undo history). */
    public PlanOutline load(int planId) {
        return db.read(ctx -> load(ctx, planId));
    }

    private static PlanOutline load(DSLContext ctx, int planId) {
        List<PlanItemRecord> rows = ctx.selectFrom(PLAN_ITEM).where(PLAN_ITEM.PLAN_ID.eq(planId))
                .orderBy(PLAN_ITEM.SORT_ORDER, PLAN_ITEM.ID).fetch();
        Map<Integer, List<PlanItemRecord>> byParent = new HashMap<>();
        Set<Integer> ids = new HashSet<>();
        rows.forEach(r -> ids.add(r.getId()));
        for (PlanItemRecord r : rows) {
            Integer parent = r.getParentId() != null && ids.contains(r.getParentId()) ? r.getParentId() : null;
            byParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(r);
        }
        PlanOutline outline = new PlanOutline();
        addRows(outline, null, null, byParent, 0);
        return outline;
    }

    private static void addRows(PlanOutline outline, PlanNode parent, Integer parentId, Map<Integer, List<PlanItemRecord>> byParent,
                                int depth) {
        for (PlanItemRecord r : byParent.getOrDefault(parentId, List.of())) {
            // a row stored deeper than three levels (not made by this program) is shown at the third level
            PlanNode n = outline.load(parent, r.getId(), fields(r));
            addRows(outline, depth >= PlanOutline.MAX_DEPTH ? parent : n, r.getId(), byParent, depth + 1);
        }
    }

    private static ItemFields fields(PlanItemRecord r) {
        TargetMetric m;
        try {
            m = TargetMetric.of(r.getTargetMetric());
        } catch (UserException e) {
            m = null;
        }
        PlanStatus s = PlanStatus.ofCode(r.getStatus());
        return new ItemFields(r.getLead(), r.getBody(), r.getOwnerOrgId(), r.getDueDate(), s, m, r.getTargetCategoryId(),
                r.getTargetValue(), Boolean.TRUE.equals(r.getCarriedOver()));
    }

    /**
     * Checks every node (one error per problem, naming the node by its number such as “二、（一）三是”)
     * and writes the outline in one transaction: changed rows updated, new rows inserted, removed rows
     * deleted. New nodes get their ids.
     */
    public void save(int planId, PlanOutline outline) {
        db.txRun(ctx -> {
            if (!ctx.fetchExists(PLAN, PLAN.ID.eq(planId))) {
                throw new ValidationException("计划", "找不到编号为 #" + planId + " 的计划（可能已被删除）");
            }
            validateOutline(ctx, outline);
            Map<Integer, PlanItemRecord> existing = new LinkedHashMap<>();
            for (PlanItemRecord r : ctx.fetch(PLAN_ITEM, PLAN_ITEM.PLAN_ID.eq(planId))) {
                existing.put(r.getId(), r);
            }
            Set<Integer> kept = new HashSet<>();
            writeLevel(ctx, planId, null, outline.roots(), existing, kept);
            for (PlanItemRecord r : existing.values()) {
                if (!kept.contains(r.getId())) {
                    ChangeLog.delete(ctx, "plan_item", r.getId(), r);
                }
            }
            List<Integer> removed = existing.keySet().stream().filter(id -> !kept.contains(id)).toList();
            if (!removed.isEmpty()) {
                ctx.deleteFrom(PLAN_ITEM).where(PLAN_ITEM.ID.in(removed)).execute();
            }
            ctx.update(PLAN).set(PLAN.UPDATED_AT, Timestamps.now()).where(PLAN.ID.eq(planId)).execute();
        });
        outline.markSaved();
    }

    private static void writeLevel(DSLContext ctx, int planId, Integer parentId, List<PlanNode> nodes,
                                   Map<Integer, PlanItemRecord> existing, Set<Integer> kept) {
        int order = 0;
        for (PlanNode n : nodes) {
            order++;
            ItemFields f = n.fields();
            PlanItemRecord rec = n.id() == null ? null : existing.get(n.id());
            if (rec != null && kept.contains(rec.getId())) {
                rec = null; // the same row twice (a copy): store the second as new
            }
            PlanItemRecord before = rec == null ? null : rec.copy();
            if (rec == null) {
                rec = ctx.newRecord(PLAN_ITEM);
                rec.setPlanId(planId);
            }
            rec.setParentId(parentId);
            rec.setSortOrder(order);
            rec.setLead(Texts.cleanOrNull(f.lead()));
            rec.setBody(f.body() == null || f.body().isBlank() ? null : f.body().strip());
            rec.setOwnerOrgId(f.ownerOrgId());
            rec.setDueDate(f.dueDate());
            rec.setStatus(f.status().code);
            rec.setTargetMetric(f.metric() == null ? null : f.metric().code);
            rec.setTargetCategoryId(f.metric() != null && f.metric().byCategory ? f.targetCategoryId() : null);
            rec.setTargetValue(f.metric() == null ? null : f.targetValue());
            rec.setCarriedOver(f.carriedOver());
            if (before == null) {
                rec.store();
                ChangeLog.insert(ctx, "plan_item", rec.getId(), rec);
            } else if (ChangeLog.differs(before, rec)) {
                rec.update();
                ChangeLog.update(ctx, "plan_item", rec.getId(), before, rec);
            }
            n.setId(rec.getId());
            kept.add(rec.getId());
            writeLevel(ctx, planId, rec.getId(), n.children, existing, kept);
        }
    }

    private static void validateOutline(DSLContext ctx, PlanOutline outline) {
        Validator v = new Validator();
        Set<Integer> orgs = new HashSet<>(ctx.select(ORG.ID).from(ORG).fetch(ORG.ID));
        Set<Integer> cats = new HashSet<>(ctx.select(ACTIVITY_CATEGORY.ID).from(ACTIVITY_CATEGORY).fetch(ACTIVITY_CATEGORY.ID));
        Map<Long, String> paths = numberPaths(outline);
        for (PlanOutline.Line l : outline.lines()) {
            ItemFields f = l.node().fields();
            String where = "“" + paths.get(l.node().key()) + "”";
            String lead = Texts.cleanOrNull(f.lead());
            String body = f.body() == null ? null : f.body().strip();
            if (l.kind() != PlanOutline.Kind.ITEM && lead == null) {
                v.error(F_ITEM, where + "的标题不能为空");
            }
            if (l.kind() == PlanOutline.Kind.ITEM && lead == null && (body == null || body.isEmpty())) {
                v.error(F_ITEM, where + "没有内容，请填写要点或正文，或删除这一条");
            }
            if (lead != null && Texts.length(lead) > 200) {
                v.error(F_ITEM, where + "的要点/标题不能超过 200 个字（现在 " + Texts.length(lead) + " 个）");
            }
            if (body != null && Texts.length(body) > 5000) {
                v.error(F_ITEM, where + "的正文不能超过 5000 个字（现在 " + Texts.length(body) + " 个）");
            }
            if (f.ownerOrgId() != null && !orgs.contains(f.ownerOrgId())) {
                v.error("责任组织", where + "的责任组织 #" + f.ownerOrgId() + " 不存在（可能已被删除），请重新选择");
            }
            if (f.metric() != null) {
                if (f.targetValue() == null || f.targetValue() <= 0) {
                    v.error(F_TARGET, where + "的目标值应为大于 0 的整数");
                }
                if (f.targetCategoryId() != null && f.metric().byCategory && !cats.contains(f.targetCategoryId())) {
                    v.error(F_TARGET, where + "的目标活动类别 #" + f.targetCategoryId() + " 不存在");
                }
            } else if (f.targetValue() != null) {
                v.error(F_TARGET, where + "填了目标值，但没有选择目标指标（如 开展活动、完成换届）");
            }
        }
        v.throwIfAny();
    }

    /** "二、（一）三是" for every node. */
    public static Map<Long, String> numberPaths(PlanOutline outline) {
        Map<Long, String> out = new HashMap<>();
        for (PlanOutline.Line l : outline.lines()) {
            PlanNode parent = outline.parentOf(l.node().key());
            out.put(l.node().key(), (parent == null ? "" : out.get(parent.key())) + l.number());
        }
        return out;
    }

    // ------------------------------------------------------------------ copy forward

    /**
     * Starts a new plan from {@code sourceId}: the whole outline is copied, every item marked
     * 结转 (carried over); finished and cancelled items keep their status, others start 未开始 or stay
     * 进行中; due dates move by the distance between the two periods' starts.
     */
    public int copyFrom(int sourceId, PlanInput header) {
        return db.tx(ctx -> {
            PlanRecord src = ctx.fetchOne(PLAN, PLAN.ID.eq(sourceId));
            if (src == null) {
                throw new ValidationException("计划", "找不到要复制的计划 #" + sourceId);
            }
            PlanInput clean = validate(ctx, header);
            int id = insertPlan(ctx, clean, sourceId);
            long months = ChronoUnit.MONTHS.between(src.getPeriodFrom().withDayOfMonth(1), clean.from().withDayOfMonth(1));
            PlanOutline from = load(ctx, sourceId);
            PlanOutline copy = new PlanOutline();
            copyNodes(copy, null, from.roots(), months, 0);
            Map<Integer, PlanItemRecord> none = new HashMap<>();
            writeLevel(ctx, id, null, copy.roots(), none, new HashSet<>());
            return id;
        });
    }

    private static void copyNodes(PlanOutline copy, PlanNode parent, List<PlanNode> nodes, long months, int depth) {
        for (PlanNode n : nodes) {
            ItemFields f = n.fields();
            boolean item = PlanOutline.kind(n, depth) == PlanOutline.Kind.ITEM;
            if (item) {
                PlanStatus s = f.status() == PlanStatus.IN_PROGRESS ? PlanStatus.IN_PROGRESS : PlanStatus.NOT_STARTED;
                f = f.withCarriedOver(true).withStatus(s).withDue(f.dueDate() == null ? null : f.dueDate().plusMonths(months));
            }
            PlanNode c = copy.load(parent, null, f);
            copyNodes(copy, c, n.children(), months, depth + 1);
        }
    }

    // ------------------------------------------------------------------ progress

    /**
     * Actual vs target for every item with a target, counted from the records of the plan
     * organisation's subtree in the plan period, with the same figures as the statistics.
     */
    public Map<Long, Progress> progress(Plan plan, PlanOutline outline) {
        List<PlanOutline.Line> targets = outline.items().stream().filter(l -> l.node().fields().hasTarget()).toList();
        Map<Long, Progress> out = new HashMap<>();
        if (targets.isEmpty()) {
            return out;
        }
        Period p = Period.custom(plan.from(), plan.to());
        Integer root = plan.orgId();
        Totals all = null;
        Map<Integer, Row> byCat = null;
        Long elections = null;
        Long founded = null;
        Long honors = null;
        for (PlanOutline.Line l : targets) {
            ItemFields f = l.node().fields();
            TargetMetric m = f.metric();
            String catName = null;
            long actual;
            if (m.byCategory) {
                Totals t;
                if (f.targetCategoryId() != null) {
                    if (byCat == null) {
                        byCat = new HashMap<>();
                        for (Row r : org.taizhang.stats.SummaryFigures.byCategory(db, root, plan.from(), plan.to())) {
                            byCat.put(r.id(), r);
                        }
                    }
                    Row r = byCat.get(f.targetCategoryId());
                    t = r == null ? Totals.ZERO : r.totals();
                    catName = r == null ? "类别#" + f.targetCategoryId() : r.label();
                } else {
                    if (all == null) {
                        all = stats.totals(root, p);
                    }
                    t = all;
                }
                actual = switch (m) {
                    case ACTIVITIES -> t.activities();
                    case PARTICIPANTS -> t.participants();
                    case SERVICE_HOURS -> t.serviceTenths() / 10;
                    default -> t.beneficiaries();
                };
            } else if (m == TargetMetric.HONORS) {
                if (honors == null) {
                    HonorTable h = stats.honors(root, p);
                    honors = h.total();
                }
                actual = honors;
            } else {
                if (elections == null) {
                    var w = stats.orgWork(root, p, StatsService.DEFAULT_MONTHS);
                    elections = w.electionsHeld().current();
                    founded = w.founded().current();
                }
                actual = m == TargetMetric.ELECTIONS ? elections : founded;
            }
            out.put(l.node().key(), new Progress(m, catName, f.targetValue(), actual));
        }
        return out;
    }

    /** Activity categories (id → name) for target choosers. */
    public Map<Integer, String> categories() {
        Map<Integer, String> out = new LinkedHashMap<>();
        db.read(ctx -> ctx.selectFrom(ACTIVITY_CATEGORY).orderBy(ACTIVITY_CATEGORY.SORT_ORDER, ACTIVITY_CATEGORY.ID).fetch())
                .forEach(r -> out.put(r.getId(), r.getName()));
        return out;
    }

    /** Category id by name, with a Chinese message listing the choices. */
    public int categoryByName(String name) {
        String n = Texts.clean(name);
        Map<Integer, String> all = categories();
        return all.entrySet().stream().filter(e -> e.getValue().equals(n)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new ValidationException("活动类别", "没有“" + n + "”这个活动类别，可选：" + String.join("、", all.values())));
    }
}
