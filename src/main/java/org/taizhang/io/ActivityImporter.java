package org.taizhang.io;

import static org.taizhang.db.jooq.Tables.ACTIVITY;

import java.sql.PreparedStatement;
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
final class ActivityImporter extends KindImporter<ActivityImporter.ActivityRowIn, Map<Integer, ActivityInput>> {
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

    @Override
    ActivityRowIn parse(RowValues v) {
        LocalDate date = v.date("date");
        if (date == null && v.ok()) {
            v.problem("date", "不能为空，请填写活动日期，如 2024-03-05");
        }
        LocalDate end = v.date("endDate");
        String name = v.requiredText("name", 100);
        String org = v.requiredText("org", 300);
        String co = v.text("coOrgs", 1000);
        String category = v.requiredText("category", 20);
        Integer participants = v.count("participants");
        Integer tenths = v.tenths("hours");
        Integer beneficiaries = v.count("beneficiaries");
        String place = v.text("place", 100);
        String description = v.text("description", 2000);
        Boolean highlight = v.yesNo("highlight");
        Boolean planned = v.yesNo("planned");
        if (!v.ok()) {
            return null;
        }
        return new ActivityRowIn(date, end, name, org, co, category, participants, tenths, beneficiaries, place, description,
                Boolean.TRUE.equals(highlight), Boolean.TRUE.equals(planned));
    }

    @Override
    Plan<ActivityRowIn, Map<Integer, ActivityInput>> resolve(DSLContext ctx, List<Parsed<ActivityRowIn>> rows) {
        Plan<ActivityRowIn, Map<Integer, ActivityInput>> plan = new Plan<>();
        OrgIndex index = new OrgIndex(ctx);
        Map<String, OrgIndex.Lookup> orgs = new HashMap<>();
        Map<String, Object> categories = new HashMap<>();
        LocalDate min = null;
        LocalDate max = null;
        for (Parsed<ActivityRowIn> p : rows) {
            LocalDate d = p.value().date();
            min = min == null || d.isBefore(min) ? d : min;
            max = max == null || d.isAfter(max) ? d : max;
        }
        Set<String> existing = new HashSet<>();
        if (min != null) {
            ctx.select(ACTIVITY.ORG_ID, ACTIVITY.START_DATE, ACTIVITY.NAME).from(ACTIVITY)
                    .where(ACTIVITY.START_DATE.between(min, max)).fetch()
                    .forEach(r -> existing.add(key(r.value1(), r.value2(), r.value3())));
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<Integer, ActivityInput> inputs = new HashMap<>();
        java.util.function.UnaryOperator<ActivityInput> check = activities.validator(); // ids read once, not per row
        for (Parsed<ActivityRowIn> p : rows) {
            ActivityRowIn a = p.value();
            List<RowProblem> problems = new ArrayList<>();
            OrgIndex.Lookup l = orgs.computeIfAbsent(a.orgRef(), index::resolve);
            if (l.status() != OrgIndex.Lookup.Status.FOUND) {
                problems.add(problem(p.row(), "org", a.orgRef(), l.message()));
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
                        problems.add(problem(p.row(), "coOrgs", a.coOrgs(), c.message()));
                    }
                }
            }
            Object cat = categories.computeIfAbsent(a.category(), n -> {
                try {
                    return activities.categoryByName(n);
                } catch (ValidationException e) {
                    return e.errors().getFirst().message();
                }
            });
            if (cat instanceof String msg) {
                problems.add(problem(p.row(), "category", a.category(), msg));
            }
            if (problems.isEmpty()) {
                ActivityInput in = new ActivityInput(a.date(), a.end(), a.name(), l.id(), co, ((Category) cat).id(), a.participants(),
                        a.tenths(), a.beneficiaries(), a.place(), a.description(), a.highlight(), a.planned());
                try {
                    ActivityInput earlier = validated.get(p.row());
                    // checked in the preview against the same organisations and category: the service's rules need not run twice
                    in = earlier != null && earlier.orgId().equals(in.orgId()) && earlier.categoryId().equals(in.categoryId())
                            && earlier.coOrgIds().equals(List.copyOf(new java.util.LinkedHashSet<>(co))) ? earlier : check.apply(in);
                    validated.put(p.row(), in);
                    String key = key(in.orgId(), in.startDate(), in.name());
                    if (existing.contains(key)) {
                        problems.add(problem(p.row(), "name", a.name(), "“" + index.path(l.id()) + "”在 " + in.startDate()
                                + " 已登记过“" + in.name() + "”（重复，不再导入）"));
                    } else {
                        Integer first = seen.putIfAbsent(key, p.row());
                        if (first != null) {
                            problems.add(problem(p.row(), "name", a.name(), "与第 " + first + " 行重复（同一主办组织、同一日期、同名活动）"));
                        }
                    }
                    inputs.put(p.row(), in);
                } catch (ValidationException e) {
                    problems.addAll(serviceProblems(p.row(), e, "name"));
                }
            }
            plan.settle(p, problems);
        }
        plan.resolved = inputs;
        return plan;
    }

    @Override
    ImportResult write(DSLContext ctx, Plan<ActivityRowIn, Map<Integer, ActivityInput>> plan, ImportProgress progress) {
        Map<Integer, ActivityInput> inputs = plan.resolved;
        int first = nextId(ctx, "activity");
        int[] n = {0};
        String user = org.taizhang.db.ChangeLog.OS_USER;
        // the inputs were validated by ActivityService; written here in JDBC batches (same columns as its insert,
        // same change log), which makes a 50k-row import several times faster than one insert at a time
        ctx.connection(c -> {
            try (PreparedStatement act = c.prepareStatement("INSERT INTO activity (id, start_date, end_date, name, org_id, category_id,"
                    + " participants, service_tenths, beneficiaries, place, description, highlight, planned)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement co = c.prepareStatement("INSERT INTO activity_coorg (activity_id, org_id) VALUES (?, ?)");
                 PreparedStatement log = c.prepareStatement("INSERT INTO change_log (os_user, table_name, record_id, action, new_value)"
                         + " VALUES (?, 'activity', ?, 'insert', ?)")) {
                int id = first;
                int pending = 0;
                for (Parsed<ActivityRowIn> p : plan.accepted) {
                    ActivityInput in = inputs.get(p.row());
                    addRow(act, id, iso(in.startDate()), iso(in.endDate()), in.name(), in.orgId(), in.categoryId(), in.participants(),
                            in.serviceTenths(), in.beneficiaries(), in.place(), in.description(), in.highlight() ? 1 : 0,
                            in.planned() ? 1 : 0);
                    for (Integer o : in.coOrgIds()) {
                        co.setInt(1, id);
                        co.setInt(2, o);
                        co.addBatch();
                    }
                    log.setString(1, user);
                    log.setInt(2, id);
                    log.setString(3, Json.object("id", id, "start_date", iso(in.startDate()), "end_date", iso(in.endDate()),
                            "name", in.name(), "org_id", in.orgId(), "category_id", in.categoryId(), "participants", in.participants(),
                            "service_tenths", in.serviceTenths(), "beneficiaries", in.beneficiaries(), "place", in.place(),
                            "description", in.description(), "highlight", in.highlight(), "planned", in.planned()));
                    log.addBatch();
                    id++;
                    n[0]++;
                    if (++pending == 2000) {
                        executeBatches(act, co, log);
                        pending = 0;
                        progress.checkCancelled();
                        progress.update("正在写入", n[0], plan.accepted.size());
                    }
                }
                executeBatches(act, co, log);
            }
        });
        return new ImportResult(n[0], 0, List.of("已导入活动 " + n[0] + " 条"));
    }
}
