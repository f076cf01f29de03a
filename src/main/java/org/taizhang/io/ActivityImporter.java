package org.taizhang.io;

import static org.taizhang.db.jooq.Tables.ACTIVITY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.taizhang.activity.ActivityInput;
import org.taizhang.activity.ActivityService;
import org.taizhang.activity.Category;
import org.taizhang.common.Texts;
import org.taizhang.common.ValidationException;
import org.taizhang.db.Database;

/**
 * Activities through {@link ActivityService}: its validation and its insert (with change log). The
 * organiser and co-organisers are matched by name or path; the same organiser + date + name, in the
 * database or twice in the sheet, is reported as a duplicate.
 */
final class ActivityImporter extends KindImporter<ActivityImporter.ActivityRowIn, ActivityImporter.Decided> {
    record ActivityRowIn(LocalDate date, LocalDate end, String name, String orgRef, String coOrgs, String category,
                         Integer participants, Integer tenths, Integer beneficiaries, String place, String description,
                         boolean highlight, boolean planned) {
    }

    private final ActivityService activities;
    /** Inputs already checked by {@link ActivityService#validate} in the preview, by sheet row. */
    private final Map<Integer, ActivityInput> validated = new HashMap<>();

    ActivityImporter(Database db, ImportRequest request) {
        super(request);
        this.activities = new ActivityService(db);
    }

    static final Map<String, ImportField> SERVICE_FIELDS = Map.ofEntries(Map.entry(ActivityService.F_DATE, ImportField.ACT_DATE),
            Map.entry(ActivityService.F_END, ImportField.ACT_END), Map.entry(ActivityService.F_NAME, ImportField.ACT_NAME),
            Map.entry(ActivityService.F_ORG, ImportField.ACT_ORG), Map.entry(ActivityService.F_COORG, ImportField.ACT_COORGS),
            Map.entry(ActivityService.F_CATEGORY, ImportField.ACT_CATEGORY),
            Map.entry(ActivityService.F_PARTICIPANTS, ImportField.ACT_PARTICIPANTS),
            Map.entry(ActivityService.F_HOURS, ImportField.ACT_HOURS),
            Map.entry(ActivityService.F_BENEFICIARIES, ImportField.ACT_BENEFICIARIES),
            Map.entry(ActivityService.F_PLACE, ImportField.ACT_PLACE),
            Map.entry(ActivityService.F_DESCRIPTION, ImportField.ACT_DESCRIPTION));

    @Override
    ActivityRowIn parse(RowValues v) {
        LocalDate date = v.date(ImportField.ACT_DATE);
        if (date == null && v.ok()) {
            v.problem(ImportField.ACT_DATE, "不能为空，请填写活动日期，如 2024-03-05");
        }
        LocalDate end = v.date(ImportField.ACT_END);
        String name = v.requiredText(ImportField.ACT_NAME, 100);
        String org = v.requiredText(ImportField.ACT_ORG, 300);
        String co = v.text(ImportField.ACT_COORGS, 1000);
        String category = v.requiredText(ImportField.ACT_CATEGORY, 20);
        Integer participants = v.count(ImportField.ACT_PARTICIPANTS);
        Integer tenths = v.tenths(ImportField.ACT_HOURS);
        Integer beneficiaries = v.count(ImportField.ACT_BENEFICIARIES);
        String place = v.text(ImportField.ACT_PLACE, 100);
        String description = v.text(ImportField.ACT_DESCRIPTION, 2000);
        Boolean highlight = v.yesNo(ImportField.ACT_HIGHLIGHT);
        Boolean planned = v.yesNo(ImportField.ACT_PLANNED);
        if (!v.ok()) {
            return null;
        }
        return new ActivityRowIn(date, end, name, org, co, category, participants, tenths, beneficiaries, place, description,
                Boolean.TRUE.equals(highlight), Boolean.TRUE.equals(planned));
    }

    /** Each distinct category text: a known category (id &gt; 0), a new one to create (id &le; 0), or a problem message. */
    private Map<String, Object> categories(Plan<ActivityRowIn, Decided> plan, DSLContext ctx, List<Parsed<ActivityRowIn>> rows) {
        List<Category> active = ActivityService.categories(ctx, false);
        List<String> known = active.stream().map(Category::name).toList();
        Map<String, Object> out = new HashMap<>();
        Map<String, Integer> created = new java.util.LinkedHashMap<>();
        for (Parsed<ActivityRowIn> p : rows) {
            out.computeIfAbsent(p.value().category(), text -> {
                Vocabulary.Match m = Vocabulary.category(text, known);
                if (m != null) {
                    if (!m.exact()) {
                        plan.matches.add(Vocabulary.describe("类别", text, m));
                    }
                    return active.stream().filter(c -> c.name().equals(m.known())).findFirst().orElseThrow();
                }
                String clean = Texts.clean(text);
                if (request.createMissing()) {
                    created.putIfAbsent(clean, -created.size());
                    return new Category(created.get(clean), clean, 0, true);
                }
                return "还没有“" + clean + "”这个活动类别。选择“新建缺少的类型、类别和上级组织”即可新建，或改成已有类别："
                        + String.join("、", known);
            });
        }
        return out;
    }

    @Override
    Plan<ActivityRowIn, Decided> resolve(DSLContext ctx, List<Parsed<ActivityRowIn>> rows) {
        Plan<ActivityRowIn, Decided> plan = new Plan<>();
        OrgIndex index = new OrgIndex(ctx);
        Map<String, OrgIndex.Lookup> orgs = new HashMap<>();
        Map<String, Object> categories = categories(plan, ctx, rows);
        Category standIn = ActivityService.categories(ctx, false).getFirst();
        LocalDate min = null;
        LocalDate max = null;
        for (Parsed<ActivityRowIn> p : rows) {
            LocalDate d = p.value().date();
            min = min == null || d.isBefore(min) ? d : min;
            max = max == null || d.isAfter(max) ? d : max;
        }
        Map<String, org.taizhang.db.jooq.tables.records.ActivityRecord> existing = new HashMap<>();
        if (min != null) {
            ctx.selectFrom(ACTIVITY).where(ACTIVITY.START_DATE.between(min, max)).fetch()
                    .forEach(r -> existing.put(key(r.getOrgId(), r.getStartDate(), r.getName()), r));
        }
        Set<Integer> usedNewCategories = new HashSet<>();
        Map<Integer, Integer> updates = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<Integer, ActivityInput> inputs = new HashMap<>();
        java.util.function.UnaryOperator<ActivityInput> check = activities.validator(); // ids read once, not per row
        for (Parsed<ActivityRowIn> p : rows) {
            ActivityRowIn a = p.value();
            List<RowProblem> problems = new ArrayList<>();
            OrgIndex.Lookup l = orgs.computeIfAbsent(a.orgRef(), index::resolve);
            if (l.status() != OrgIndex.Lookup.Status.FOUND) {
                problems.add(problem(p.row(), ImportField.ACT_ORG, a.orgRef(), l.message()));
            }
            List<Integer> co = new ArrayList<>();
            if (a.coOrgs() != null) {
                for (String part : a.coOrgs().split("[、,，;；]")) {
                    if (Texts.isBlank(part)) {
                        continue;
                    }
                    OrgIndex.Lookup c = orgs.computeIfAbsent(Texts.clean(part), index::resolve);
                    if (c.status() == OrgIndex.Lookup.Status.FOUND) {
                        co.add(c.id());
                    } else {
                        problems.add(problem(p.row(), ImportField.ACT_COORGS, a.coOrgs(), c.message()));
                    }
                }
            }
            Object cat = categories.get(a.category());
            if (cat instanceof String msg) {
                problems.add(problem(p.row(), ImportField.ACT_CATEGORY, a.category(), msg));
            }
            if (problems.isEmpty()) {
                Category category = (Category) cat;
                // a category still to be created is checked against a stand-in and set when it is written
                ActivityInput in = new ActivityInput(a.date(), a.end(), a.name(), l.id(), co,
                        category.id() > 0 ? category.id() : standIn.id(), a.participants(),
                        a.tenths(), a.beneficiaries(), a.place(), a.description(), a.highlight(), a.planned());
                try {
                    ActivityInput earlier = validated.get(p.row());
                    // checked in the preview against the same organisations and category: the service's rules need not run twice
                    in = earlier != null && earlier.orgId().equals(in.orgId()) && earlier.categoryId().equals(in.categoryId())
                            && earlier.coOrgIds().equals(List.copyOf(new java.util.LinkedHashSet<>(co))) ? earlier : check.apply(in);
                    validated.put(p.row(), in);
                    if (category.id() <= 0) {
                        in = withCategory(in, category.id());
                    }
                    String key = key(in.orgId(), in.startDate(), in.name());
                    var onFile = existing.get(key);
                    if (onFile != null) {
                        inputs.put(p.row(), in);
                        if (category.id() <= 0) {
                            usedNewCategories.add(category.id());
                        }
                        onFile(plan, p, onFile, in, category, index, updates);
                        continue;
                    }
                    Integer first = seen.putIfAbsent(key, p.row());
                    if (first != null) {
                        problems.add(problem(p.row(), ImportField.ACT_NAME, a.name(), "与第 " + first + " 行重复（同一主办组织、同一日期、同名活动）"));
                    } else if (category.id() <= 0) {
                        usedNewCategories.add(category.id());
                    }
                    inputs.put(p.row(), in);
                } catch (ValidationException e) {
                    problems.addAll(serviceProblems(p.row(), e, SERVICE_FIELDS, ImportField.ACT_NAME));
                }
            }
            plan.settle(p, problems);
        }
        Map<Integer, String> newNames = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        for (Object c : categories.values()) {
            if (c instanceof Category cat && cat.id() <= 0 && usedNewCategories.contains(cat.id())) {
                newNames.put(cat.id(), cat.name());
            }
        }
        if (!newNames.isEmpty()) {
            plan.creates.add("将新建活动类别：" + String.join("、", newNames.values()));
        }
        plan.resolved = new Decided(inputs, newNames, updates);
        return plan;
    }

    record Decided(Map<Integer, ActivityInput> inputs, Map<Integer, String> newCategories, Map<Integer, Integer> updates) {
    }

    /** A stand-in id (&le; 0) of a category to create, replaced when written. */
    private static ActivityInput withCategory(ActivityInput in, int categoryId) {
        return new ActivityInput(in.startDate(), in.endDate(), in.name(), in.orgId(), in.coOrgIds(), categoryId, in.participants(),
                in.serviceTenths(), in.beneficiaries(), in.place(), in.description(), in.highlight(), in.planned());
    }

    /** An activity already on file (same organiser, date and name): skipped when nothing differs, else its changes listed. */
    private void onFile(Plan<ActivityRowIn, Decided> plan, Parsed<ActivityRowIn> p, org.taizhang.db.jooq.tables.records.ActivityRecord r,
                        ActivityInput in, Category category, OrgIndex index, Map<Integer, Integer> updates) {
        List<String> diffs = new ArrayList<>();
        if (!java.util.Objects.equals(r.getCategoryId(), in.categoryId())) {
            diffs.add("类别 → " + category.name());
        }
        diff(diffs, "结束日期", r.getEndDate(), in.endDate());
        diff(diffs, "参与人次", r.getParticipants(), in.participants());
        diff(diffs, "服务时长（0.1 小时）", r.getServiceTenths(), in.serviceTenths());
        diff(diffs, "惠及人数", r.getBeneficiaries(), in.beneficiaries());
        diff(diffs, "地点", r.getPlace(), in.place());
        diff(diffs, "活动简介", r.getDescription(), in.description());
        diff(diffs, "亮点", Boolean.TRUE.equals(r.getHighlight()), in.highlight());
        diff(diffs, "计划", Boolean.TRUE.equals(r.getPlanned()), in.planned());
        String what = in.startDate() + " " + in.name() + "（" + index.path(in.orgId()) + "）";
        if (diffs.isEmpty()) {
            plan.skipped.put(p.row(), "已在台账中，跳过（" + what + "）");
        } else {
            plan.changes.put(p.row(), what + "：" + String.join("；", diffs));
            updates.put(p.row(), r.getId());
        }
    }

    private static void diff(List<String> diffs, String label, Object onFile, Object inSheet) {
        if (inSheet != null && !java.util.Objects.equals(onFile, inSheet)) {
            diffs.add(label + " " + (onFile == null ? "（空）" : onFile) + " → " + inSheet);
        }
    }

    @Override
    ImportResult write(DSLContext ctx, Plan<ActivityRowIn, Decided> plan, ImportProgress progress) {
        Decided d = plan.resolved;
        Map<Integer, ActivityInput> inputs = d.inputs();
        Map<Integer, Integer> created = new HashMap<>();
        for (var e : d.newCategories().entrySet()) {
            created.put(e.getKey(), ActivityService.insertCategory(ctx, e.getValue()).id());
        }
        if (!created.isEmpty()) {
            for (var e : inputs.entrySet()) {
                if (e.getValue().categoryId() <= 0) {
                    e.setValue(withCategory(e.getValue(), created.get(e.getValue().categoryId())));
                }
            }
        }
        List<ActivityInput> toWrite = new ArrayList<>(plan.accepted.size());
        for (Parsed<ActivityRowIn> p : plan.accepted) {
            toWrite.add(inputs.get(p.row()));
        }
        // the service's batch add: its rows and its change log, in JDBC batches
        int[] n = {ActivityService.addBatch(ctx, toWrite, done -> {
            progress.checkCancelled();
            progress.update("正在写入", done, toWrite.size());
        })};
        int updated = 0;
        if (request.update()) {
            for (var e : d.updates().entrySet()) {
                ActivityInput in = inputs.get(e.getKey());
                if (in.categoryId() <= 0) {
                    in = withCategory(in, created.get(in.categoryId()));
                }
                activities.update(ctx, e.getValue(), in, true);
                updated++;
            }
        }
        return new ImportResult(n[0] + updated, 0, List.of("已导入活动 " + n[0] + " 条"
                + (created.isEmpty() ? "" : "，新建活动类别 " + created.size() + " 个") + (updated == 0 ? "" : "，更新已有活动 " + updated + " 条")));
    }
}
