package org.taizhang.activity;

import static org.taizhang.db.jooq.Tables.ACTIVITY;
import static org.taizhang.db.jooq.Tables.ACTIVITY_CATEGORY;
import static org.taizhang.db.jooq.Tables.ACTIVITY_COORG;
import static org.taizhang.db.jooq.Tables.ATTACHMENT;
import static org.taizhang.db.jooq.Tables.ORG;
import static org.taizhang.db.jooq.Tables.PLAN_ITEM;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.taizhang.attachment.AttachmentService;
import org.taizhang.common.Dates;
import org.taizhang.common.Texts;
import org.taizhang.common.UserException;
import org.taizhang.common.ValidationException;
import org.taizhang.common.Validator;
import org.taizhang.db.ChangeLog;
import org.taizhang.db.Database;
import org.taizhang.db.Timestamps;
import org.taizhang.db.jooq.tables.records.ActivityCategoryRecord;
import org.taizhang.db.jooq.tables.records.ActivityCoorgRecord;
import org.taizhang.db.jooq.tables.records.ActivityRecord;
import org.taizhang.db.jooq.tables.records.AttachmentRecord;
import org.taizhang.org.OrgService;
import org.taizhang.org.Subtree;

/**
 * The activity log (活动台账): add, update, list with filters and totals, delete with undo, the
 * editable category list and co-organisers. Every write is one transaction and goes to the change
 * log; bad input is rejected with every problem tied to its Chinese field label and leaves the
 * database unchanged. Totals are SQL sums over exactly the list's filter.
 *
 * <p>An instance remembers the last delete so that {@link #undoLastDelete()} can put it back; the UI
 * keeps one instance, the CLI one per command.
 */
public final class ActivityService {
    public static final String F_DATE = "日期";
    public static final String F_END = "结束日期";
    public static final String F_NAME = "活动名称";
    public static final String F_ORG = "主办组织";
    public static final String F_COORG = "协办组织";
    public static final String F_CATEGORY = "类别";
    public static final String F_PARTICIPANTS = "参与人次";
    public static final String F_HOURS = "服务时长";
    public static final String F_BENEFICIARIES = "惠及人数";
    public static final String F_PLACE = "地点";
    public static final String F_DESCRIPTION = "活动简介";

    /** No single activity plausibly has more than this many 人次. */
    public static final int MAX_PARTICIPANTS = 1_000_000;
    public static final int MAX_BENEFICIARIES = 10_000_000;
    /** At most 24 hours of service per 人次 per day of the activity. */
    public static final int MAX_TENTHS_PER_PERSON_DAY = 240;
    public static final int MAX_SPAN_DAYS = 366;
    public static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

    private final Database db;
    private final Clock clock;
    private DeletedActivities lastDeleted;

    public ActivityService(Database db) {
        this(db, Clock.systemDefaultZone());
    }

    public ActivityService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- parsing typed text

    /** Parses typed text into an input; every unreadable field is reported under its label. */
    public ActivityInput parse(ActivityText t) {
        Validator v = new Validator();
        LocalDate start = date(v, t.date(), F_DATE);
        if (start == null && !v.errors().stream().anyMatch(e -> e.field().equals(F_DATE))) {
            v.error(F_DATE, "不能为空，请填写活动日期，如 2024-03-05");
        }
        LocalDate end = date(v, t.endDate(), F_END);
        Integer orgId = null;
        if (Texts.isBlank(t.org())) {
            v.error(F_ORG, "请选择主办组织");
        } else {
            try {
                orgId = new OrgService(db).resolve(t.org()).id();
            } catch (ValidationException e) {
                v.error(F_ORG, e.errors().getFirst().message());
            }
        }
        List<Integer> co = new ArrayList<>();
        if (!Texts.isBlank(t.coOrgs())) {
            OrgService orgs = new OrgService(db);
            for (String part : Texts.clean(t.coOrgs()).split("[、,，;；]")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    co.add(orgs.resolve(part).id());
                } catch (ValidationException e) {
                    v.error(F_COORG, e.errors().getFirst().message());
                }
            }
        }
        Integer categoryId = null;
        if (Texts.isBlank(t.category())) {
            v.error(F_CATEGORY, "请选择类别");
        } else {
            try {
                categoryId = categoryByName(t.category()).id();
            } catch (ValidationException e) {
                v.error(F_CATEGORY, e.errors().getFirst().message());
            }
        }
        Integer participants = count(v, t.participants(), F_PARTICIPANTS);
        Integer tenths = null;
        try {
            tenths = Amounts.parseHours(t.hours());
        } catch (UserException e) {
            v.error(F_HOURS, e.getMessage());
        }
        Integer beneficiaries = count(v, t.beneficiaries(), F_BENEFICIARIES);
        if (Texts.isBlank(t.name())) {
            v.error(F_NAME, "不能为空");
        }
        if (start != null && start.isAfter(today()) && !t.planned()) {
            v.error(F_DATE, "日期 " + start + " 晚于今天；如果是计划中的活动，请勾选“计划”");
        }
        v.throwIfAny();
        return new ActivityInput(start, end, t.name(), orgId, co, categoryId, participants, tenths, beneficiaries, t.place(),
                t.description(), t.highlight(), t.planned());
    }

    private static LocalDate date(Validator v, String text, String field) {
        try {
            return Dates.parse(text);
        } catch (UserException e) {
            v.error(field, e.getMessage());
            return null;
        }
    }

    private static Integer count(Validator v, String text, String field) {
        try {
            return Amounts.parseCount(text);
        } catch (UserException e) {
            v.error(field, e.getMessage());
            return null;
        }
    }

    // ---------------------------------------------------------------- validation

    /**
     * Checks an input without writing: throws {@link ValidationException} listing every bad field,
     * returns the cleaned input otherwise. Used by forms to validate as the user types.
     */
    public ActivityInput validate(ActivityInput in) {
        return db.read(ctx -> validate(ctx, in));
    }

    /**
     * The same check for many inputs in a row (an import): the organisation and category ids are read
     * once instead of twice per row. Use it right away; it does not see organisations added later.
     */
    public java.util.function.UnaryOperator<ActivityInput> validator() {
        java.util.Set<Integer> orgs = db.read(ctx -> new java.util.HashSet<>(ctx.select(ORG.ID).from(ORG).fetch(ORG.ID)));
        java.util.Set<Integer> categories = db.read(ctx -> new java.util.HashSet<>(
                ctx.select(ACTIVITY_CATEGORY.ID).from(ACTIVITY_CATEGORY).fetch(ACTIVITY_CATEGORY.ID)));
        Known known = new Known(orgs::contains, categories::contains);
        return in -> validate(known, in);
    }

    /** Which organisation and category ids exist. */
    private record Known(java.util.function.IntPredicate org, java.util.function.IntPredicate category) {
        static Known in(DSLContext ctx) {
            return new Known(id -> ctx.fetchExists(ORG, ORG.ID.eq(id)),
                    id -> ctx.fetchExists(ACTIVITY_CATEGORY, ACTIVITY_CATEGORY.ID.eq(id)));
        }
    }

    private ActivityInput validate(DSLContext ctx, ActivityInput in) {
        return validate(Known.in(ctx), in);
    }

    private ActivityInput validate(Known known, ActivityInput in) {
        Validator v = new Validator();
        LocalDate today = today();
        LocalDate start = in.startDate();
        LocalDate end = in.endDate() != null && in.endDate().equals(start) ? null : in.endDate();
        if (start == null) {
            v.error(F_DATE, "不能为空，请填写活动日期，如 2024-03-05");
        } else if (start.isBefore(EARLIEST)) {
            v.error(F_DATE, "日期 " + start + " 太早，请检查年份");
        } else if (start.isAfter(today) && !in.planned()) {
            v.error(F_DATE, "日期 " + start + " 晚于今天；如果是计划中的活动，请勾选“计划”");
        } else if (start.isAfter(today.plusYears(2))) {
            v.error(F_DATE, "计划日期 " + start + " 超过两年以后，请检查年份");
        }
        if (end != null && start != null) {
            if (end.isBefore(start)) {
                v.error(F_END, "结束日期 " + end + " 早于开始日期 " + start);
            } else if (ChronoUnit.DAYS.between(start, end) >= MAX_SPAN_DAYS) {
                v.error(F_END, "活动持续超过一年，请按年度分开登记");
            } else if (end.isAfter(today) && !in.planned()) {
                v.error(F_END, "结束日期 " + end + " 晚于今天；活动尚未结束时请勾选“计划”或先不填结束日期");
            }
        }
        String name = v.requiredText(in.name(), F_NAME, 100);
        if (in.orgId() == null) {
            v.error(F_ORG, "请选择主办组织");
        } else if (!known.org().test(in.orgId())) {
            v.error(F_ORG, "主办组织不存在（编号 " + in.orgId() + "），可能已被删除");
        }
        LinkedHashSet<Integer> co = new LinkedHashSet<>();
        for (Integer id : in.coOrgIds()) {
            if (id == null) {
                continue;
            }
            if (id.equals(in.orgId())) {
                v.error(F_COORG, "协办组织不能与主办组织相同");
            } else if (!known.org().test(id)) {
                v.error(F_COORG, "协办组织不存在（编号 " + id + "）");
            } else {
                co.add(id);
            }
        }
        if (in.categoryId() == null) {
            v.error(F_CATEGORY, "请选择类别");
        } else if (!known.category().test(in.categoryId())) {
            v.error(F_CATEGORY, "类别不存在（编号 " + in.categoryId() + "）");
        }
        int participants = in.participants() == null ? 0 : in.participants();
        int tenths = in.serviceTenths() == null ? 0 : in.serviceTenths();
        int beneficiaries = in.beneficiaries() == null ? 0 : in.beneficiaries();
        if (participants < 0) {
            v.error(F_PARTICIPANTS, "不能是负数");
        } else if (participants > MAX_PARTICIPANTS) {
            v.error(F_PARTICIPANTS, org.taizhang.common.Numbers.grouped(participants) + " 人次不合理（单场活动上限 " + org.taizhang.common.Numbers.grouped(MAX_PARTICIPANTS) + "），请检查是否多输了 0");
        }
        if (tenths < 0) {
            v.error(F_HOURS, "不能是负数");
        } else if (tenths > 0 && participants == 0) {
            v.error(F_HOURS, "填写了服务时长，请同时填写参与人次");
        } else if (participants > 0 && participants <= MAX_PARTICIPANTS && start != null) {
            long days = end == null || end.isBefore(start) ? 1 : ChronoUnit.DAYS.between(start, end) + 1;
            long max = (long) participants * days * MAX_TENTHS_PER_PERSON_DAY;
            if (tenths > max) {
                v.error(F_HOURS, "服务时长 " + Amounts.hours(tenths) + " 小时不合理：" + participants + " 人次" + (days > 1 ? "、" + days + " 天" : "")
                        + "最多约 " + Amounts.hours(max) + " 小时（每人次每天不超过 24 小时）；服务时长是全部人次的合计小时数");
            }
        }
        if (beneficiaries < 0) {
            v.error(F_BENEFICIARIES, "不能是负数");
        } else if (beneficiaries > MAX_BENEFICIARIES) {
            v.error(F_BENEFICIARIES, org.taizhang.common.Numbers.grouped(beneficiaries) + " 人不合理（上限 " + org.taizhang.common.Numbers.grouped(MAX_BENEFICIARIES) + "），请检查是否多输了 0");
        }
        String place = v.optionalText(in.place(), F_PLACE, 100);
        String description = v.optionalText(in.description(), F_DESCRIPTION, 2000);
        v.throwIfAny();
        return new ActivityInput(start, end, name, in.orgId(), List.copyOf(co), in.categoryId(), participants, tenths,
                beneficiaries, place, description, in.highlight(), in.planned());
    }

    // ---------------------------------------------------------------- duplicates

    /** The id of an activity with the same organiser, date and name (other than {@code selfId}), if any. */
    public Optional<Integer> findDuplicate(Integer orgId, LocalDate date, String name, Integer selfId) {
        String n = Texts.cleanOrNull(name);
        if (orgId == null || date == null || n == null) {
            return Optional.empty();
        }
        return db.read(ctx -> duplicate(ctx, orgId, date, n, selfId));
    }

    private static Optional<Integer> duplicate(DSLContext ctx, int orgId, LocalDate date, String name, Integer selfId) {
        Condition c = ACTIVITY.ORG_ID.eq(orgId).and(ACTIVITY.START_DATE.eq(date)).and(ACTIVITY.NAME.eq(name));
        if (selfId != null) {
            c = c.and(ACTIVITY.ID.ne(selfId));
        }
        return ctx.select(ACTIVITY.ID).from(ACTIVITY).where(c).orderBy(ACTIVITY.ID).limit(1).fetchOptional(ACTIVITY.ID);
    }

    private static String duplicateMessage(int id, ActivityInput in) {
        return "同一主办组织在 " + in.startDate() + " 已登记过“" + in.name() + "”（#" + id + "）。如确需重复登记，请确认后再保存";
    }

    // ---------------------------------------------------------------- writes

    /** Adds an activity; refuses a duplicate with {@link DuplicateActivityException} unless allowed. */
    public int add(ActivityInput input, boolean allowDuplicate) {
        return db.tx(ctx -> insert(ctx, input, allowDuplicate));
    }

    public int add(ActivityInput input) {
        return add(input, false);
    }

    /**
     * Inserts inside the caller's transaction (for importers that write many rows at once); same
     * validation and change log as {@link #add}.
     */
    public int insert(DSLContext ctx, ActivityInput input, boolean allowDuplicate) {
        ActivityInput in = validate(ctx, input);
        if (!allowDuplicate) {
            Optional<Integer> dup = duplicate(ctx, in.orgId(), in.startDate(), in.name(), null);
            if (dup.isPresent()) {
                throw new DuplicateActivityException(dup.get(), duplicateMessage(dup.get(), in));
            }
        }
        ActivityRecord rec = ctx.newRecord(ACTIVITY);
        fill(rec, in);
        rec.store();
        writeCoOrgs(ctx, rec.getId(), in.coOrgIds());
        ChangeLog.insert(ctx, "activity", rec.getId(), rec);
        return rec.getId();
    }

    public void update(int id, ActivityInput input, boolean allowDuplicate) {
        db.txRun(ctx -> update(ctx, id, input, allowDuplicate));
    }

    /** The one update of an activity (form and import), with every check and the change log, in the caller's transaction. */
    public void update(DSLContext ctx, int id, ActivityInput input, boolean allowDuplicate) {
        {
            ActivityRecord rec = ctx.selectFrom(ACTIVITY).where(ACTIVITY.ID.eq(id)).fetchOne();
            if (rec == null) {
                throw new ValidationException(F_NAME, "该活动已不存在（编号 " + id + "），可能已被删除");
            }
            ActivityInput in = validate(ctx, input);
            if (!allowDuplicate) {
                Optional<Integer> dup = duplicate(ctx, in.orgId(), in.startDate(), in.name(), id);
                if (dup.isPresent()) {
                    throw new DuplicateActivityException(dup.get(), duplicateMessage(dup.get(), in));
                }
            }
            ActivityRecord before = rec.copy();
            fill(rec, in);
            if (ChangeLog.differs(before, rec)) {
                rec.setUpdatedAt(Timestamps.now());
                rec.update();
                ChangeLog.update(ctx, "activity", id, before, rec);
            }
            ctx.deleteFrom(ACTIVITY_COORG).where(ACTIVITY_COORG.ACTIVITY_ID.eq(id)).execute();
            writeCoOrgs(ctx, id, in.coOrgIds());
        }
    }

    /**
     * Adds many activities inside the caller's transaction (an import) — the same rows and the same change log as
     * {@link #insert}, written in JDBC batches. The inputs were checked by {@link #validator()} (and for duplicates
     * by the caller). {@code progress} is told the number written every 2,000 and may throw to stop.
     */
    public static int addBatch(DSLContext ctx, List<ActivityInput> inputs, java.util.function.IntConsumer progress) {
        Integer max = ctx.fetchOne("SELECT max(id) FROM activity").get(0, Integer.class);
        Integer seq = ctx.fetchOne("SELECT max(seq) FROM sqlite_sequence WHERE name = 'activity'").get(0, Integer.class);
        int first = Math.max(max == null ? 0 : max, seq == null ? 0 : seq) + 1;
        int[] n = {0};
        ctx.connection(c -> {
            try (java.sql.PreparedStatement act = c.prepareStatement("INSERT INTO activity (id, start_date, end_date, name, org_id,"
                    + " category_id, participants, service_tenths, beneficiaries, place, description, highlight, planned)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 java.sql.PreparedStatement co = c.prepareStatement("INSERT INTO activity_coorg (activity_id, org_id) VALUES (?, ?)");
                 ChangeLog.Batch log = new ChangeLog.Batch(c)) {
                int id = first;
                int pending = 0;
                for (ActivityInput in : inputs) {
                    ActivityRecord rec = ctx.newRecord(ACTIVITY);
                    rec.setId(id);
                    fill(rec, in);
                    act.setInt(1, id);
                    act.setString(2, rec.getStartDate().toString());
                    act.setString(3, rec.getEndDate() == null ? null : rec.getEndDate().toString());
                    act.setString(4, rec.getName());
                    act.setInt(5, rec.getOrgId());
                    act.setInt(6, rec.getCategoryId());
                    act.setObject(7, rec.getParticipants());
                    act.setObject(8, rec.getServiceTenths());
                    act.setObject(9, rec.getBeneficiaries());
                    act.setString(10, rec.getPlace());
                    act.setString(11, rec.getDescription());
                    act.setInt(12, Boolean.TRUE.equals(rec.getHighlight()) ? 1 : 0);
                    act.setInt(13, Boolean.TRUE.equals(rec.getPlanned()) ? 1 : 0);
                    act.addBatch();
                    for (Integer o : in.coOrgIds()) {
                        co.setInt(1, id);
                        co.setInt(2, o);
                        co.addBatch();
                    }
                    log.insert("activity", id, rec);
                    id++;
                    n[0]++;
                    if (++pending == 2000) {
                        act.executeBatch();
                        co.executeBatch();
                        log.flush();
                        pending = 0;
                        progress.accept(n[0]);
                    }
                }
                act.executeBatch();
                co.executeBatch();
                log.flush();
            }
        });
        return n[0];
    }

    private static void writeCoOrgs(DSLContext ctx, int id, List<Integer> coOrgIds) {
        for (Integer o : coOrgIds) {
            ctx.insertInto(ACTIVITY_COORG, ACTIVITY_COORG.ACTIVITY_ID, ACTIVITY_COORG.ORG_ID).values(id, o).execute();
        }
    }

    private static void fill(ActivityRecord rec, ActivityInput in) {
        rec.setStartDate(in.startDate());
        rec.setEndDate(in.endDate());
        rec.setName(in.name());
        rec.setOrgId(in.orgId());
        rec.setCategoryId(in.categoryId());
        rec.setParticipants(in.participants());
        rec.setServiceTenths(in.serviceTenths());
        rec.setBeneficiaries(in.beneficiaries());
        rec.setPlace(in.place());
        rec.setDescription(in.description());
        rec.setHighlight(in.highlight());
        rec.setPlanned(in.planned());
    }

    /**
     * Deletes the given activities (with their co-organisers and attachments) in one transaction and
     * remembers them for {@link #undoLastDelete()}; returns what was deleted.
     */
    public DeletedActivities remove(Collection<Integer> ids) {
        List<Integer> list = List.copyOf(new LinkedHashSet<>(ids));
        if (list.isEmpty()) {
            throw new ValidationException(F_NAME, "请先选择要删除的活动");
        }
        DeletedActivities d = db.tx(ctx -> {
            List<ActivityRecord> acts = ctx.selectFrom(ACTIVITY).where(ACTIVITY.ID.in(list)).orderBy(ACTIVITY.ID).fetch();
            if (acts.size() != list.size()) {
                throw new ValidationException(F_NAME, "有 " + (list.size() - acts.size()) + " 条活动已不存在（可能已被删除），未做任何删除，请刷新后重试");
            }
            List<ActivityCoorgRecord> co = ctx.selectFrom(ACTIVITY_COORG).where(ACTIVITY_COORG.ACTIVITY_ID.in(list)).fetch();
            List<AttachmentRecord> att = AttachmentService.recordsOf(ctx, AttachmentService.ACTIVITY, list);
            ctx.deleteFrom(ATTACHMENT).where(ATTACHMENT.OWNER_KIND.eq(AttachmentService.ACTIVITY)
                    .and(ATTACHMENT.OWNER_ID.in(list))).execute();
            ctx.deleteFrom(ACTIVITY_COORG).where(ACTIVITY_COORG.ACTIVITY_ID.in(list)).execute();
            ctx.deleteFrom(ACTIVITY).where(ACTIVITY.ID.in(list)).execute();
            for (ActivityRecord a : acts) {
                ChangeLog.delete(ctx, "activity", a.getId(), a);
            }
            for (AttachmentRecord a : att) {
                ChangeLog.delete(ctx, "attachment", a.getId(), AttachmentService.withoutContent(a));
            }
            return new DeletedActivities(List.copyOf(acts), List.copyOf(co), List.copyOf(att));
        });
        lastDeleted = d;
        return d;
    }

    public DeletedActivities remove(int id) {
        return remove(List.of(id));
    }

    /** Whether there is a delete to undo. */
    public boolean canUndo() {
        return lastDeleted != null;
    }

    /** Puts back what the last {@link #remove} deleted (same ids); returns how many activities came back. */
    public int undoLastDelete() {
        if (lastDeleted == null) {
            throw new ValidationException(F_NAME, "没有可撤销的删除");
        }
        int n = restore(lastDeleted);
        lastDeleted = null;
        return n;
    }

    /** Puts back a snapshot returned by {@link #remove}; refuses if an organiser or category has gone since. */
    public int restore(DeletedActivities d) {
        return db.tx(ctx -> {
            for (ActivityRecord a : d.activities()) {
                if (ctx.fetchExists(ACTIVITY, ACTIVITY.ID.eq(a.getId()))) {
                    throw new ValidationException(F_NAME, "活动 #" + a.getId() + " 已存在，无法撤销");
                }
                if (!ctx.fetchExists(ORG, ORG.ID.eq(a.getOrgId()))) {
                    throw new ValidationException(F_ORG, "“" + a.getName() + "”的主办组织已被删除，无法撤销");
                }
                if (!ctx.fetchExists(ACTIVITY_CATEGORY, ACTIVITY_CATEGORY.ID.eq(a.getCategoryId()))) {
                    throw new ValidationException(F_CATEGORY, "“" + a.getName() + "”的类别已被合并或删除，无法撤销");
                }
                ActivityRecord copy = a.copy();
                copy.setId(a.getId());
                copy.setCreatedAt(a.getCreatedAt());
                copy.setUpdatedAt(a.getUpdatedAt());
                copy.attach(ctx.configuration());
                copy.changed(true);
                copy.insert();
                ChangeLog.insert(ctx, "activity", a.getId(), copy);
            }
            for (ActivityCoorgRecord c : d.coOrgs()) {
                if (ctx.fetchExists(ORG, ORG.ID.eq(c.getOrgId()))) {
                    ctx.insertInto(ACTIVITY_COORG, ACTIVITY_COORG.ACTIVITY_ID, ACTIVITY_COORG.ORG_ID)
                            .values(c.getActivityId(), c.getOrgId()).execute();
                }
            }
            for (AttachmentRecord a : d.attachments()) {
                AttachmentRecord copy = a.copy();
                copy.setId(a.getId());
                copy.setAddedAt(a.getAddedAt());
                copy.attach(ctx.configuration());
                copy.changed(true);
                copy.insert();
                ChangeLog.insert(ctx, "attachment", a.getId(), AttachmentService.withoutContent(copy));
            }
            return d.count();
        });
    }

    // ---------------------------------------------------------------- reads

    /** The SQL condition for a filter; other features (statistics, summaries) may reuse it. */
    public static Condition condition(ActivityFilter f) {
        return condition(f, false, TextSearch.Plan.SEEK);
    }

    /**
     * How to read a filter with text: {@code estimate} is the most activities the text index lets through
     * (-1: no text, or no indexed word), {@code all} the size of the table (its highest id).
     */
    private record TextPlan(TextSearch.Plan plan, long estimate, long all) {
        static final TextPlan NONE = new TextPlan(TextSearch.Plan.SEEK, -1, 0);

        static TextPlan of(DSLContext ctx, ActivityFilter f) {
            String q = f == null ? null : Texts.cleanOrNull(f.text());
            if (q == null) {
                return NONE;
            }
            long estimate = TextSearch.estimate(ctx, q);
            if (estimate < 0) {
                return NONE;
            }
            Integer maxId = ctx.select(DSL.max(ACTIVITY.ID)).from(ACTIVITY).fetchOne(0, Integer.class);
            long all = maxId == null ? 0 : maxId;
            // a word in more than a quarter of all activities hardly narrows: looking its matches up one by
            // one (and collecting their ids first) costs more than reading the date range or the subtree
            // through their indexes and testing the text there
            boolean narrowed = f.from() != null || f.to() != null || f.orgRootId() != null;
            TextSearch.Plan p = narrowed && estimate * 4 > all ? TextSearch.Plan.SCAN : TextSearch.Plan.SEEK;
            return new TextPlan(p, estimate, all);
        }
    }

    /**
     * @param scanByDate write the subtree and text tests so that SQLite cannot use the organisation index
     *     ({@code org_id + 0 IN …}) nor look the text matches up by id: it then walks the date index in date
     *     order and stops after one page, which beats collecting and sorting every row of a large subtree
     *     or every activity that holds a common word
     */
    static Condition condition(ActivityFilter f, boolean scanByDate, TextSearch.Plan text) {
        Condition c = DSL.trueCondition();
        if (f == null) {
            return c;
        }
        if (f.from() != null) {
            c = c.and(ACTIVITY.START_DATE.ge(f.from()));
        }
        if (f.to() != null) {
            c = c.and(ACTIVITY.START_DATE.le(f.to()));
        }
        if (f.orgRootId() != null) {
            c = c.and(Subtree.contains(scanByDate ? ACTIVITY.ORG_ID.plus(DSL.inline(0)) : ACTIVITY.ORG_ID, f.orgRootId()));
        }
        if (f.categoryId() != null) {
            c = c.and(ACTIVITY.CATEGORY_ID.eq(f.categoryId()));
        }
        if (f.highlightOnly()) {
            c = c.and(ACTIVITY.HIGHLIGHT.isTrue());
        }
        String q = Texts.cleanOrNull(f.text());
        if (q != null) {
            // every word must appear in the name, the place or the description (the FTS index narrows first)
            c = c.and(text == TextSearch.Plan.SCAN ? TextSearch.scan(q) : TextSearch.matching(q, text == TextSearch.Plan.PROBE));
        }
        return c;
    }

    /** 场次, 人次, 时长, 惠及 over exactly the filter, summed in SQL. */
    public ActivityTotals totals(ActivityFilter f) {
        return db.read(ctx -> totals(ctx, f));
    }

    private static ActivityTotals totals(DSLContext ctx, ActivityFilter f) {
        return totals(ctx, f, TextPlan.of(ctx, f));
    }

    private static ActivityTotals totals(DSLContext ctx, ActivityFilter f, TextPlan text) {
        // one pass: the planned count rides along in the same aggregate (activity_stats_idx covers it)
        var r = ctx.select(DSL.count(),
                        DSL.coalesce(DSL.sum(ACTIVITY.PARTICIPANTS), 0).cast(Long.class),
                        DSL.coalesce(DSL.sum(ACTIVITY.SERVICE_TENTHS), 0).cast(Long.class),
                        DSL.coalesce(DSL.sum(ACTIVITY.BENEFICIARIES), 0).cast(Long.class),
                        DSL.count().filterWhere(ACTIVITY.PLANNED.eq(DSL.inline(true))))
                .from(ACTIVITY).where(condition(f, false, text.plan())).fetchOne();
        return new ActivityTotals(r.value1(), r.value2(), r.value3(), r.value4(), r.value5());
    }

    /** Totals per category (in category order) over the filter; categories without activities are left out. */
    public Map<Category, ActivityTotals> totalsByCategory(ActivityFilter f) {
        return db.read(ctx -> {
            Map<Integer, Category> cats = new HashMap<>();
            for (Category c : categories(ctx, true)) {
                cats.put(c.id(), c);
            }
            Map<Category, ActivityTotals> out = new LinkedHashMap<>();
            ctx.select(ACTIVITY.CATEGORY_ID, DSL.count(),
                            DSL.sum(ACTIVITY.PARTICIPANTS).cast(Long.class), DSL.sum(ACTIVITY.SERVICE_TENTHS).cast(Long.class),
                            DSL.sum(ACTIVITY.BENEFICIARIES).cast(Long.class))
                    .from(ACTIVITY).join(ACTIVITY_CATEGORY).on(ACTIVITY_CATEGORY.ID.eq(ACTIVITY.CATEGORY_ID))
                    .where(condition(f, false, TextPlan.of(ctx, f).plan()))
                    .groupBy(ACTIVITY.CATEGORY_ID, ACTIVITY_CATEGORY.SORT_ORDER)
                    .orderBy(ACTIVITY_CATEGORY.SORT_ORDER, ACTIVITY.CATEGORY_ID)
                    .forEach(r -> out.put(cats.get(r.value1()), new ActivityTotals(r.value2(), r.value3(), r.value4(), r.value5())));
            return out;
        });
    }

    /**
     * One page of the filtered list, sorted, plus the totals of the whole filter. {@code offset}
     * and {@code limit} select the page; ties are broken by id so paging is stable.
     */
    public ActivityPage list(ActivityFilter f, ActivitySort sort, boolean descending, int offset, int limit) {
        return db.read(ctx -> {
            TextPlan text = TextPlan.of(ctx, f);
            ActivityTotals t = totals(ctx, f, text);
            return new ActivityPage(rows(ctx, f, sort, descending, offset, limit, t.count(), text), t);
        });
    }

    /** Newest first. */
    public ActivityPage list(ActivityFilter f, int offset, int limit) {
        return list(f, ActivitySort.DATE, true, offset, limit);
    }

    /** Only the rows, without totals. */
    public List<ActivityRow> rows(ActivityFilter f, ActivitySort sort, boolean descending, int offset, int limit) {
        return rows(f, sort, descending, offset, limit, -1);
    }

    /**
     * Only the rows, when the number of activities the filter matches is already known (from {@link #totals});
     * that number picks the faster plan (-1: unknown).
     */
    public List<ActivityRow> rows(ActivityFilter f, ActivitySort sort, boolean descending, int offset, int limit, long matching) {
        return db.read(ctx -> rows(ctx, f, sort, descending, offset, limit, matching, TextPlan.of(ctx, f)));
    }

    /** @param matching how many rows the filter matches, when known (-1 otherwise): picks the faster plan */
    private List<ActivityRow> rows(DSLContext ctx, ActivityFilter f, ActivitySort sort, boolean desc, int offset, int limit,
                                   long matching, TextPlan text) {
        ActivitySort s = sort == null ? ActivitySort.DATE : sort;
        if (matching == 0) {
            return List.of();
        }
        // Walking the date index costs about (offset + limit) × all / matching entries; collecting the
        // subtree's rows and sorting them costs about "matching". Take the cheaper (all ≤ max id).
        // With text looked up in the index, collecting costs one lookup per match of the index ("estimate"),
        // some five times dearer than testing a date-index entry against the set of those matches.
        boolean scanByDate = false;
        TextSearch.Plan textPlan = text.plan();
        if (s == ActivitySort.DATE && matching > 0 && text.estimate() >= 0 && textPlan == TextSearch.Plan.SEEK) {
            double walk = (double) (Math.max(0, offset) + Math.max(1, limit)) * text.all() / matching;
            if (walk < 5.0 * text.estimate()) {
                scanByDate = true;
                textPlan = TextSearch.Plan.PROBE;
            }
        } else if (s == ActivitySort.DATE && f != null && f.orgRootId() != null && matching > 0) {
            Integer maxId = ctx.select(DSL.max(ACTIVITY.ID)).from(ACTIVITY).fetchOne(0, Integer.class);
            double all = maxId == null ? 0 : maxId;
            scanByDate = (double) matching * matching > (double) (Math.max(0, offset) + Math.max(1, limit)) * all;
        }
        Field<?> key = switch (s) {
            case DATE -> ACTIVITY.START_DATE;
            case NAME -> ACTIVITY.NAME;
            case ORG -> ORG.NAME;
            case CATEGORY -> ACTIVITY_CATEGORY.SORT_ORDER;
            case PARTICIPANTS -> ACTIVITY.PARTICIPANTS;
            case HOURS -> ACTIVITY.SERVICE_TENTHS;
            case BENEFICIARIES -> ACTIVITY.BENEFICIARIES;
        };
        List<SortField<?>> order = new ArrayList<>();
        order.add(desc ? key.desc() : key.asc());
        if (s == ActivitySort.CATEGORY) {
            order.add(desc ? ACTIVITY.CATEGORY_ID.desc() : ACTIVITY.CATEGORY_ID.asc());
        }
        if (s != ActivitySort.DATE) {
            order.add(ACTIVITY.START_DATE.desc());
        }
        order.add(desc ? ACTIVITY.ID.desc() : ACTIVITY.ID.asc());
        // phase 1: the ids of the page (joins only when the sort needs them)
        var from = ctx.select(ACTIVITY.ID).from(ACTIVITY);
        var joined = s == ActivitySort.ORG ? from.join(ORG).on(ORG.ID.eq(ACTIVITY.ORG_ID))
                : s == ActivitySort.CATEGORY ? from.join(ACTIVITY_CATEGORY).on(ACTIVITY_CATEGORY.ID.eq(ACTIVITY.CATEGORY_ID))
                : from;
        List<Integer> ids = joined.where(condition(f, scanByDate, textPlan)).orderBy(order).limit(Math.max(0, limit)).offset(Math.max(0, offset))
                .fetch(ACTIVITY.ID);
        if (ids.isEmpty()) {
            return List.of();
        }
        // phase 2: details of just those rows
        Map<Integer, ActivityRow> byId = details(ctx, ids);
        List<ActivityRow> out = new ArrayList<>(ids.size());
        for (Integer id : ids) {
            ActivityRow r = byId.get(id);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private static Map<Integer, ActivityRow> details(DSLContext ctx, List<Integer> ids) {
        Map<Integer, List<String>> co = new HashMap<>();
        var coOrg = ORG.as("co");
        ctx.select(ACTIVITY_COORG.ACTIVITY_ID, coOrg.NAME).from(ACTIVITY_COORG).join(coOrg).on(coOrg.ID.eq(ACTIVITY_COORG.ORG_ID))
                .where(ACTIVITY_COORG.ACTIVITY_ID.in(ids)).orderBy(coOrg.ID)
                .forEach(r -> co.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        Map<Integer, Integer> att = new HashMap<>();
        ctx.select(ATTACHMENT.OWNER_ID, DSL.count()).from(ATTACHMENT)
                .where(ATTACHMENT.OWNER_KIND.eq(AttachmentService.ACTIVITY).and(ATTACHMENT.OWNER_ID.in(ids)))
                .groupBy(ATTACHMENT.OWNER_ID).forEach(r -> att.put(r.value1(), r.value2()));
        Map<Integer, ActivityRow> out = new HashMap<>();
        ctx.select(ACTIVITY.asterisk(), ORG.NAME, ACTIVITY_CATEGORY.NAME).from(ACTIVITY)
                .join(ORG).on(ORG.ID.eq(ACTIVITY.ORG_ID))
                .join(ACTIVITY_CATEGORY).on(ACTIVITY_CATEGORY.ID.eq(ACTIVITY.CATEGORY_ID))
                .where(ACTIVITY.ID.in(ids))
                .forEach(r -> out.put(r.get(ACTIVITY.ID), toRow(r, co.getOrDefault(r.get(ACTIVITY.ID), List.of()),
                        att.getOrDefault(r.get(ACTIVITY.ID), 0))));
        return out;
    }

    private static ActivityRow toRow(Record r, List<String> co, int attachments) {
        return new ActivityRow(r.get(ACTIVITY.ID), r.get(ACTIVITY.START_DATE), r.get(ACTIVITY.END_DATE), r.get(ACTIVITY.NAME),
                r.get(ACTIVITY.ORG_ID), r.get(ORG.NAME), r.get(ACTIVITY.CATEGORY_ID), r.get(ACTIVITY_CATEGORY.NAME),
                r.get(ACTIVITY.PARTICIPANTS), r.get(ACTIVITY.SERVICE_TENTHS), r.get(ACTIVITY.BENEFICIARIES),
                r.get(ACTIVITY.PLACE), r.get(ACTIVITY.DESCRIPTION), Boolean.TRUE.equals(r.get(ACTIVITY.HIGHLIGHT)),
                Boolean.TRUE.equals(r.get(ACTIVITY.PLANNED)), List.copyOf(co), attachments);
    }

    public Optional<ActivityRow> get(int id) {
        return db.read(ctx -> Optional.ofNullable(details(ctx, List.of(id)).get(id)));
    }

    /** The stored activity as an input, for editing. */
    public Optional<ActivityInput> input(int id) {
        return db.read(ctx -> {
            ActivityRecord a = ctx.selectFrom(ACTIVITY).where(ACTIVITY.ID.eq(id)).fetchOne();
            if (a == null) {
                return Optional.empty();
            }
            return Optional.of(new ActivityInput(a.getStartDate(), a.getEndDate(), a.getName(), a.getOrgId(), coOrgIds(ctx, id),
                    a.getCategoryId(), a.getParticipants(), a.getServiceTenths(), a.getBeneficiaries(), a.getPlace(),
                    a.getDescription(), Boolean.TRUE.equals(a.getHighlight()), Boolean.TRUE.equals(a.getPlanned())));
        });
    }

    /** Co-organiser ids of an activity. */
    public List<Integer> coOrgIds(int activityId) {
        return db.read(ctx -> coOrgIds(ctx, activityId));
    }

    private static List<Integer> coOrgIds(DSLContext ctx, int activityId) {
        return ctx.select(ACTIVITY_COORG.ORG_ID).from(ACTIVITY_COORG).where(ACTIVITY_COORG.ACTIVITY_ID.eq(activityId))
                .orderBy(ACTIVITY_COORG.ORG_ID).fetch(ACTIVITY_COORG.ORG_ID);
    }

    // ---------------------------------------------------------------- categories

    /** Categories in display order; inactive ones only when asked. */
    public List<Category> categories(boolean includeInactive) {
        return db.read(ctx -> categories(ctx, includeInactive));
    }

    public static List<Category> categories(DSLContext ctx, boolean includeInactive) {
        return ctx.selectFrom(ACTIVITY_CATEGORY)
                .where(includeInactive ? DSL.trueCondition() : ACTIVITY_CATEGORY.ACTIVE.isTrue())
                .orderBy(ACTIVITY_CATEGORY.SORT_ORDER, ACTIVITY_CATEGORY.ID)
                .fetch(r -> new Category(r.getId(), r.getName(), r.getSortOrder(), Boolean.TRUE.equals(r.getActive())));
    }

    /** An active category by name (full-width and spaces ignored). */
    public Category categoryByName(String name) {
        String n = Texts.clean(Texts.halfWidth(name));
        List<Category> all = categories(true);
        for (Category c : all) {
            if (c.name().equals(n)) {
                if (!c.active()) {
                    throw new ValidationException(F_CATEGORY, "类别“" + n + "”已停用，请选择其他类别");
                }
                return c;
            }
        }
        throw new ValidationException(F_CATEGORY, "没有“" + n + "”这个类别，可选："
                + String.join("、", all.stream().filter(Category::active).map(Category::name).toList()));
    }

    /** A category by name, active or not (for filters and for editing the list). */
    public Category categoryByNameAny(String name) {
        String n = Texts.clean(Texts.halfWidth(name));
        List<Category> all = categories(true);
        return all.stream().filter(c -> c.name().equals(n)).findFirst()
                .orElseThrow(() -> new ValidationException(F_CATEGORY, "没有“" + n + "”这个类别，可选："
                        + String.join("、", all.stream().map(Category::name).toList())));
    }

    public Category addCategory(String name) {
        return db.tx(ctx -> insertCategory(ctx, name));
    }

    /** The one insert of a category (list editor, CLI and import), inside the caller's transaction. */
    public static Category insertCategory(DSLContext ctx, String name) {
        Validator v = new Validator();
        String n = v.requiredText(name, F_CATEGORY, 20);
        v.throwIfAny();
        if (ctx.fetchExists(ACTIVITY_CATEGORY, ACTIVITY_CATEGORY.NAME.eq(n))) {
            throw new ValidationException(F_CATEGORY, "类别“" + n + "”已存在");
        }
        Integer max = ctx.select(DSL.max(ACTIVITY_CATEGORY.SORT_ORDER)).from(ACTIVITY_CATEGORY)
                .where(ACTIVITY_CATEGORY.SORT_ORDER.lt(99)).fetchOne(0, Integer.class);
        ActivityCategoryRecord rec = ctx.newRecord(ACTIVITY_CATEGORY);
        rec.setName(n);
        rec.setSortOrder(max == null ? 1 : Math.min(98, max + 1));
        rec.setActive(true);
        rec.store();
        ChangeLog.insert(ctx, "activity_category", rec.getId(), rec);
        return new Category(rec.getId(), n, rec.getSortOrder(), true);
    }

    /**
     * Retires, in one step, the categories no activity and no plan target uses (for an office whose own list
     * replaced the defaults): they are deactivated, not deleted, so nothing refers to a missing category.
     * Keeps at least one active category. Returns the names retired.
     */
    public List<String> retireUnusedCategories() {
        return db.tx(ctx -> {
            List<String> retired = new java.util.ArrayList<>();
            List<Category> active = categories(ctx, false);
            for (Category c : active) {
                boolean used = ctx.fetchExists(ACTIVITY, ACTIVITY.CATEGORY_ID.eq(c.id()))
                        || ctx.fetchExists(PLAN_ITEM, PLAN_ITEM.TARGET_CATEGORY_ID.eq(c.id()));
                if (!used && retired.size() < active.size() - 1) {
                    ActivityCategoryRecord rec = category(ctx, c.id());
                    ActivityCategoryRecord before = rec.copy();
                    rec.setActive(false);
                    rec.update();
                    ChangeLog.update(ctx, "activity_category", c.id(), before, rec);
                    retired.add(c.name());
                }
            }
            return retired;
        });
    }

    public void renameCategory(int id, String newName) {
        Validator v = new Validator();
        String n = v.requiredText(newName, F_CATEGORY, 20);
        v.throwIfAny();
        db.txRun(ctx -> {
            ActivityCategoryRecord rec = category(ctx, id);
            if (ctx.fetchExists(ACTIVITY_CATEGORY, ACTIVITY_CATEGORY.NAME.eq(n).and(ACTIVITY_CATEGORY.ID.ne(id)))) {
                throw new ValidationException(F_CATEGORY, "类别“" + n + "”已存在；要把两个类别并成一个，请用“合并”");
            }
            ActivityCategoryRecord before = rec.copy();
            rec.setName(n);
            if (ChangeLog.differs(before, rec)) {
                rec.update();
                ChangeLog.update(ctx, "activity_category", id, before, rec);
            }
        });
    }

    /** Deactivated categories stay on existing activities but are not offered for new ones. */
    public void setCategoryActive(int id, boolean active) {
        db.txRun(ctx -> {
            ActivityCategoryRecord rec = category(ctx, id);
            if (!active && ctx.fetchCount(ACTIVITY_CATEGORY, ACTIVITY_CATEGORY.ACTIVE.isTrue().and(ACTIVITY_CATEGORY.ID.ne(id))) == 0) {
                throw new ValidationException(F_CATEGORY, "至少要保留一个启用的类别");
            }
            ActivityCategoryRecord before = rec.copy();
            rec.setActive(active);
            if (ChangeLog.differs(before, rec)) {
                rec.update();
                ChangeLog.update(ctx, "activity_category", id, before, rec);
            }
        });
    }

    /** Moves every activity (and plan target) of {@code fromId} to {@code intoId} and deletes {@code fromId}; returns activities moved. */
    public int mergeCategory(int fromId, int intoId) {
        if (fromId == intoId) {
            throw new ValidationException(F_CATEGORY, "不能把类别合并到它自己");
        }
        int n = db.tx(ctx -> {
            ActivityCategoryRecord from = category(ctx, fromId);
            category(ctx, intoId);
            int moved = ctx.update(ACTIVITY).set(ACTIVITY.CATEGORY_ID, intoId).where(ACTIVITY.CATEGORY_ID.eq(fromId)).execute();
            ctx.update(PLAN_ITEM).set(PLAN_ITEM.TARGET_CATEGORY_ID, intoId).where(PLAN_ITEM.TARGET_CATEGORY_ID.eq(fromId)).execute();
            from.delete();
            ChangeLog.delete(ctx, "activity_category", fromId, from);
            return moved;
        });
        lastDeleted = null; // an undo could point at the merged category
        return n;
    }

    private static ActivityCategoryRecord category(DSLContext ctx, int id) {
        ActivityCategoryRecord rec = ctx.selectFrom(ACTIVITY_CATEGORY).where(ACTIVITY_CATEGORY.ID.eq(id)).fetchOne();
        if (rec == null) {
            throw new ValidationException(F_CATEGORY, "类别不存在（编号 " + id + "）");
        }
        return rec;
    }

}
