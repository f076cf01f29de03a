package org.taizhang.stats;

import static org.taizhang.db.jooq.Tables.ACTIVITY;
import static org.taizhang.db.jooq.Tables.ACTIVITY_CATEGORY;
import static org.taizhang.db.jooq.Tables.HONOR;
import static org.taizhang.db.jooq.Tables.MEMBERSHIP;
import static org.taizhang.db.jooq.Tables.ORG;
import static org.taizhang.db.jooq.Tables.ORG_TYPE;
import static org.taizhang.db.jooq.Tables.PERSON;
import static org.taizhang.db.jooq.Tables.PLAN;
import static org.taizhang.db.jooq.Tables.PLAN_ITEM;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.taizhang.common.Dates;
import org.taizhang.common.PlanStatus;
import org.taizhang.common.UserException;
import org.taizhang.db.Database;
import org.taizhang.org.Subtree;

/**
 * Exact statistics for an organisation subtree and a period, all aggregated in SQL (recursive CTE
 * for the subtree, GROUP BY for breakdowns); Java only merges the few aggregated rows.
 *
 * <p>Rules:
 * <ul>
 *   <li>An activity counts when its {@code start_date} lies in the period (both ends inclusive), its
 *       organising {@code org_id} is the root or below it in the <em>current</em> tree (an
 *       organisation moved to another parent takes its history with it), and it is not planned
 *       ({@code planned = 0}). Co-organisers do not count it again.</li>
 *   <li>An honour counts when its {@code honor_date} is in the period and its {@code org_id} in the subtree.</li>
 *   <li>换届 held: {@code last_election_on} in the period. Next 换届 due: last election (else
 *       founding) + term ({@code org.term_years}, else the type's default), 29 Feb → 28 Feb.</li>
 *   <li>A membership is valid on day d when it began on or before d (or has no start) and has not
 *       ended by d ({@code left_on} is null or after d).</li>
 *   <li>超龄: a 共青团员 turns 28 on the 28th birthday (29 Feb births: 28 Feb in a non-leap year).</li>
 * </ul>
 * A null root means every organisation. Every method is a read; none writes.
 */
public final class StatsService {
    public static final String LEAGUE_MEMBER = "共青团员";
    public static final int AGE_OUT = 28;
    /** Default look-ahead for "due soon" reminders. */
    public static final int DEFAULT_MONTHS = 3;

    private final Database db;
    private final Clock clock;

    public StatsService(Database db) {
        this(db, Clock.systemDefaultZone());
    }

    public StatsService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The year the lists and statistics should open on: this year when it has records (held
     * activities or honours) or when there are none at all, otherwise the latest year that has some —
     * a database of last year's work does not open on an empty year.
     */
    public int latestYearWithRecords() {
        int thisYear = today().getYear();
        return db.read(ctx -> {
            LocalDate a = ctx.select(DSL.max(ACTIVITY.START_DATE)).from(ACTIVITY).where(ACTIVITY.PLANNED.eq(false))
                    .and(ACTIVITY.START_DATE.le(LocalDate.of(thisYear, 12, 31))).fetchOne(0, LocalDate.class);
            LocalDate h = ctx.select(DSL.max(HONOR.HONOR_DATE)).from(HONOR).where(HONOR.HONOR_DATE.le(LocalDate.of(thisYear, 12, 31)))
                    .fetchOne(0, LocalDate.class);
            LocalDate latest = a == null ? h : h == null ? a : (a.isAfter(h) ? a : h);
            return latest == null ? thisYear : latest.getYear();
        });
    }

    // ---------------------------------------------------------------- activity figures

    private static Condition activityIn(Integer root, Period p) {
        return ACTIVITY.START_DATE.between(p.from(), p.to()).and(ACTIVITY.PLANNED.eq(false))
                .and(Subtree.contains(ACTIVITY.ORG_ID, root));
    }

    private static List<SelectField<?>> totalsFields() {
        return List.of(DSL.count(), DSL.sum(ACTIVITY.PARTICIPANTS), DSL.sum(ACTIVITY.SERVICE_TENTHS),
                DSL.sum(ACTIVITY.BENEFICIARIES));
    }

    /** Reads the four totals starting at column {@code i}. */
    private static Totals totalsAt(Record r, int i) {
        return new Totals(num(r.get(i)), num(r.get(i + 1)), num(r.get(i + 2)), num(r.get(i + 3)));
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    /** 场次, 参与人次, 服务时长 (tenths), 惠及人数 for the subtree of {@code root} in {@code p}. */
    public Totals totals(Integer root, Period p) {
        return db.read(ctx -> totals(ctx, root, p));
    }

    private static Totals totals(DSLContext ctx, Integer root, Period p) {
        return totalsAt(ctx.select(totalsFields()).from(ACTIVITY).where(activityIn(root, p)).fetchOne(), 0);
    }

    private static final Field<Integer> SUB_ID = DSL.field(DSL.name("sub", "id"), Integer.class);
    private static final Field<Integer> SUB_TOP = DSL.field(DSL.name("sub", "top"), Integer.class);
    private static final Field<String> MONTH = DSL.field("substr({0}, 1, 7)", String.class, DSL.field(ACTIVITY.START_DATE.getQualifiedName()));

    /**
     * WITH RECURSIVE sub(id, top): the root (top = root: its own activities, "本级") and every
     * organisation below it with the direct child it lies under (top = that child). For a null root
     * the top-level organisations play the children's part.
     */
    private static CommonTableExpression<Record2<Integer, Integer>> childSubtrees(Integer root) {
        Condition seed = root == null ? ORG.PARENT_ID.isNull() : ORG.PARENT_ID.eq(root).or(ORG.ID.eq(root));
        Condition notFromRoot = root == null ? DSL.trueCondition() : SUB_ID.ne(root);
        return DSL.name("sub").fields("id", "top").as(
                DSL.select(ORG.ID, ORG.ID).from(ORG).where(seed)
                        .unionAll(DSL.select(ORG.ID, SUB_TOP).from(ORG).join(DSL.table(DSL.name("sub"))).on(ORG.PARENT_ID.eq(SUB_ID))
                                .where(notFromRoot)));
    }

    /** One cell of the activity cube: figures of one (direct child or 本级) × category × month. */
    private record Cell(int top, int categoryId, String month, Totals totals) {
    }

    /**
     * The activity figures grouped by (direct child / 本级, category, month) in one SQL pass over the
     * covering index; totals, by-category, by-month and by-child are sums of these few cells. The
     * subtree is the outer loop (CROSS JOIN fixes SQLite's join order) so each organisation's
     * activities are a range of activity_stats_idx.
     */
    private static List<Cell> cube(DSLContext ctx, Integer root, Period p) {
        var cte = childSubtrees(root);
        List<SelectField<?>> f = new ArrayList<>(List.of(SUB_TOP, ACTIVITY.CATEGORY_ID, MONTH));
        f.addAll(totalsFields());
        return ctx.withRecursive(cte).select(f).from(DSL.table(DSL.name("sub"))).crossJoin(ACTIVITY)
                .where(ACTIVITY.ORG_ID.eq(SUB_ID), ACTIVITY.START_DATE.between(p.from(), p.to()), ACTIVITY.PLANNED.eq(false))
                .groupBy(SUB_TOP, ACTIVITY.CATEGORY_ID, MONTH)
                .fetch(r -> new Cell(r.get(0, Integer.class), r.get(1, Integer.class), r.get(2, String.class), totalsAt(r, 3)));
    }

    private static <K> Map<K, Totals> rollUp(List<Cell> cells, java.util.function.Function<Cell, K> key) {
        Map<K, Totals> out = new HashMap<>();
        for (Cell c : cells) {
            out.merge(key.apply(c), c.totals(), Totals::plus);
        }
        return out;
    }

    /**
     * By category, with the previous year's figures: every category that has activities in the period
     * or in the same period a year before (a fall to zero is a real change and stays), in the
     * categories' order; a deactivated one is noted "已停用". Categories with no activity in either
     * period are left out unless {@code allCategories}, which adds every active category (zeros
     * included). Activities of a merged category were moved to the surviving one and count there.
     */
    public List<Row> byCategory(Integer root, Period p) {
        return byCategory(root, p, false);
    }

    public List<Row> byCategory(Integer root, Period p, boolean allCategories) {
        return db.read(ctx -> byCategory(ctx, cube(ctx, root, p), cube(ctx, root, p.previousYear()), allCategories));
    }

    /** The one place that decides which categories a breakdown shows (the cube holds only categories with activities). */
    private static List<Row> byCategory(DSLContext ctx, List<Cell> cube, List<Cell> prevCube, boolean allCategories) {
        Map<Integer, Totals> now = rollUp(cube, Cell::categoryId);
        Map<Integer, Totals> before = rollUp(prevCube, Cell::categoryId);
        List<Row> out = new ArrayList<>();
        for (var c : ctx.selectFrom(ACTIVITY_CATEGORY).orderBy(ACTIVITY_CATEGORY.SORT_ORDER, ACTIVITY_CATEGORY.ID).fetch()) {
            boolean active = Boolean.TRUE.equals(c.getActive());
            boolean used = now.containsKey(c.getId()) || before.containsKey(c.getId());
            if (!used && !(active && allCategories)) {
                continue;
            }
            out.add(new Row(String.valueOf(c.getId()), c.getId(), c.getName(), active ? null : "已停用",
                    now.getOrDefault(c.getId(), Totals.ZERO), before.getOrDefault(c.getId(), Totals.ZERO)));
        }
        return out;
    }

    /** By calendar month: every month the period touches (zeros included), with the same month a year earlier. */
    public List<Row> byMonth(Integer root, Period p) {
        return db.read(ctx -> byMonth(p, cube(ctx, root, p), cube(ctx, root, p.previousYear())));
    }

    private static List<Row> byMonth(Period p, List<Cell> cube, List<Cell> prevCube) {
        Map<String, Totals> now = rollUp(cube, Cell::month);
        Map<String, Totals> before = rollUp(prevCube, Cell::month);
        List<Row> out = new ArrayList<>();
        for (YearMonth m : p.months()) {
            String key = m.toString();
            out.add(new Row(key, null, m.getYear() + "年" + m.getMonthValue() + "月", null, now.getOrDefault(key, Totals.ZERO),
                    before.getOrDefault(m.minusYears(1).toString(), Totals.ZERO)));
        }
        return out;
    }

    /**
     * By direct child organisation: "本级" (the root's own activities, when a root is given) first,
     * then every direct child (zeros included) with its whole subtree. The rows add up to {@link #totals}.
     */
    public List<Row> byChildOrg(Integer root, Period p) {
        return db.read(ctx -> byChildOrg(ctx, root, cube(ctx, root, p), cube(ctx, root, p.previousYear())));
    }

    private static List<Row> byChildOrg(DSLContext ctx, Integer root, List<Cell> cube, List<Cell> prevCube) {
        Map<Integer, Totals> now = rollUp(cube, Cell::top);
        Map<Integer, Totals> before = rollUp(prevCube, Cell::top);
        List<Row> out = new ArrayList<>();
        if (root != null) {
            String name = ctx.select(ORG.NAME).from(ORG).where(ORG.ID.eq(root)).fetchOne(ORG.NAME);
            out.add(new Row(String.valueOf(root), root, name, "本级", now.getOrDefault(root, Totals.ZERO),
                    before.getOrDefault(root, Totals.ZERO)));
        }
        Condition children = root == null ? ORG.PARENT_ID.isNull() : ORG.PARENT_ID.eq(root);
        for (var o : ctx.select(ORG.ID, ORG.NAME).from(ORG).where(children).orderBy(ORG.SORT_ORDER, ORG.ID).fetch()) {
            int id = o.value1();
            out.add(new Row(String.valueOf(id), id, o.value2(), null, now.getOrDefault(id, Totals.ZERO),
                    before.getOrDefault(id, Totals.ZERO)));
        }
        return out;
    }

    private static Totals sum(List<Cell> cube) {
        return cube.stream().map(Cell::totals).reduce(Totals.ZERO, Totals::plus);
    }

    // ---------------------------------------------------------------- honours

    /** Honours of the subtree in the period by level × kind (every cell present, zeros included). */
    public HonorTable honors(Integer root, Period p) {
        return db.read(ctx -> honors(ctx, root, p));
    }

    private static HonorTable honors(DSLContext ctx, Integer root, Period p) {
        Map<String, Long> counts = new HashMap<>();
        for (var r : ctx.select(HONOR.LEVEL, HONOR.KIND, DSL.count()).from(HONOR)
                .where(HONOR.HONOR_DATE.between(p.from(), p.to()), Subtree.contains(HONOR.ORG_ID, root))
                .groupBy(HONOR.LEVEL, HONOR.KIND).fetch()) {
            counts.put(r.value1() + "|" + r.value2(), r.value3().longValue());
        }
        List<HonorTable.Cell> cells = new ArrayList<>();
        for (String level : HonorTable.LEVELS) {
            for (String kind : HonorTable.KINDS) {
                cells.add(new HonorTable.Cell(level, kind, counts.getOrDefault(level + "|" + kind, 0L)));
            }
        }
        return new HonorTable(cells);
    }

    // ---------------------------------------------------------------- organisation work

    /** coalesce(org.term_years, org_type.default_term_years) — needs ORG joined to ORG_TYPE. */
    private static final Field<Integer> TERM = DSL.coalesce(ORG.TERM_YEARS, ORG_TYPE.DEFAULT_TERM_YEARS);

    /** {@code date + n years} in SQL with Java's rule: a 29 February that does not exist becomes 28 February. */
    static Field<String> plusYears(Field<?> isoDate, Field<?> years) {
        Field<String> raw = DSL.field("date({0}, '+' || {1} || ' years')", String.class, isoDate, years);
        return DSL.when(DSL.field("substr({0}, 9, 2)", String.class, raw).ne(DSL.field("substr({0}, 9, 2)", String.class, isoDate)),
                DSL.field("date({0}, 'start of month', '-1 day')", String.class, raw)).otherwise(raw);
    }

    private static Field<?> raw(Field<LocalDate> f) {
        return DSL.field(f.getQualifiedName(), String.class);
    }

    /** Next 换届 due date (ISO text), null when neither last election nor founding is known. */
    static final Field<String> DUE = plusYears(DSL.coalesce(raw(ORG.LAST_ELECTION_ON), raw(ORG.FOUNDED_ON)), TERM);

    /** 28th birthday (ISO text). */
    static final Field<String> TURNS_28 = plusYears(raw(PERSON.BIRTH_DATE), DSL.inline(AGE_OUT));

    private static Condition dueCondition(LocalDate asOf, int months, boolean overdue) {
        Condition known = DSL.coalesce(raw(ORG.LAST_ELECTION_ON), raw(ORG.FOUNDED_ON)).isNotNull();
        return known.and(overdue ? DUE.lt(Dates.iso(asOf)) : DUE.between(Dates.iso(asOf), Dates.iso(asOf.plusMonths(months))));
    }

    private static long countOrgs(DSLContext ctx, Integer root, Condition c) {
        return ctx.selectCount().from(ORG).join(ORG_TYPE).on(ORG_TYPE.ID.eq(ORG.TYPE_ID))
                .where(c, Subtree.contains(ORG.ID, root)).fetchOne(0, Long.class);
    }

    private static Condition membershipValidOn(LocalDate d) {
        return MEMBERSHIP.JOINED_ON.isNull().or(MEMBERSHIP.JOINED_ON.le(d))
                .and(MEMBERSHIP.LEFT_ON.isNull().or(MEMBERSHIP.LEFT_ON.gt(d)));
    }

    private static long membersOn(DSLContext ctx, Integer root, LocalDate d) {
        return ctx.select(DSL.countDistinct(MEMBERSHIP.PERSON_ID)).from(MEMBERSHIP)
                .where(membershipValidOn(d), Subtree.contains(MEMBERSHIP.ORG_ID, root)).fetchOne(0, Long.class);
    }

    /** 共青团员 whose 28th birthday lies in [from, to]; the birth-date range lets SQLite use its index first. */
    private static Condition turns28Between(LocalDate from, LocalDate to) {
        return PERSON.POLITICAL_STATUS.eq(LEAGUE_MEMBER)
                .and(PERSON.BIRTH_DATE.between(from.minusYears(AGE_OUT).minusDays(1), to.minusYears(AGE_OUT).plusDays(1)))
                .and(TURNS_28.between(Dates.iso(from), Dates.iso(to)));
    }

    /** The person has a membership in the subtree valid on {@code d} (always true for a null root). */
    private static Condition memberOfSubtree(Integer root, LocalDate d) {
        if (root == null) {
            return DSL.trueCondition();
        }
        // "+org_id" keeps SQLite from driving the look-up by organisation (thousands of index seeks per person):
        // it finds the person's memberships by person_id and checks the organisation against the subtree list
        return DSL.exists(DSL.selectOne().from(MEMBERSHIP).where(MEMBERSHIP.PERSON_ID.eq(PERSON.ID), membershipValidOn(d),
                Subtree.contains(DSL.field("+{0}", Integer.class, MEMBERSHIP.ORG_ID), root)));
    }

    private static Condition withoutOrgOn(LocalDate d) {
        return DSL.notExists(DSL.selectOne().from(MEMBERSHIP).where(MEMBERSHIP.PERSON_ID.eq(PERSON.ID), membershipValidOn(d)));
    }

    /** People with no valid membership on {@code d}: everyone minus those with one (one index scan, no per-person probe). */
    private static long countWithoutOrg(DSLContext ctx, LocalDate d) {
        long people = ctx.selectCount().from(PERSON).fetchOne(0, Long.class);
        long members = ctx.select(DSL.countDistinct(MEMBERSHIP.PERSON_ID)).from(MEMBERSHIP).where(membershipValidOn(d)).fetchOne(0, Long.class);
        return people - members;
    }

    /** The date "overdue" is judged at for a period: its last day, or today when the period is not over yet. */
    public LocalDate asOf(Period p) {
        LocalDate today = today();
        return p.to().isAfter(today) ? (p.from().isAfter(today) ? p.to() : today) : p.to();
    }

    public OrgWork orgWork(Integer root, Period p, int monthsAhead) {
        return db.read(ctx -> orgWork(ctx, root, p, asOf(p), monthsAhead));
    }

    private static OrgWork orgWork(DSLContext ctx, Integer root, Period p, LocalDate asOf, int months) {
        Period prev = p.previousYear();
        long held = countOrgs(ctx, root, ORG.LAST_ELECTION_ON.between(p.from(), p.to()));
        long heldBefore = countOrgs(ctx, root, ORG.LAST_ELECTION_ON.between(prev.from(), prev.to()));
        long founded = countOrgs(ctx, root, ORG.FOUNDED_ON.between(p.from(), p.to()));
        long foundedBefore = countOrgs(ctx, root, ORG.FOUNDED_ON.between(prev.from(), prev.to()));
        long overdue = countOrgs(ctx, root, dueCondition(asOf, months, true));
        long soon = countOrgs(ctx, root, dueCondition(asOf, months, false));
        long atStart = membersOn(ctx, root, p.from());
        long atEnd = membersOn(ctx, root, p.to());
        long joined = ctx.selectCount().from(MEMBERSHIP)
                .where(MEMBERSHIP.JOINED_ON.between(p.from(), p.to()), Subtree.contains(MEMBERSHIP.ORG_ID, root)).fetchOne(0, Long.class);
        long left = ctx.selectCount().from(MEMBERSHIP)
                .where(MEMBERSHIP.LEFT_ON.between(p.from(), p.to()), Subtree.contains(MEMBERSHIP.ORG_ID, root)).fetchOne(0, Long.class);
        long ageOuts = ctx.selectCount().from(PERSON).where(turns28Between(p.from(), p.to()), memberOfSubtree(root, p.to()))
                .fetchOne(0, Long.class);
        long without = countWithoutOrg(ctx, p.to());
        return new OrgWork(asOf, months, new Change(held, heldBefore), new Change(founded, foundedBefore), overdue, soon,
                atStart, atEnd, joined, left, ageOuts, without);
    }

    // ---------------------------------------------------------------- the whole report

    /** Everything for the tab / CLI / summary: figures, breakdowns, honours and organisation work, with 同比. */
    public Report report(Integer root, Period p) {
        return report(root, p, DEFAULT_MONTHS);
    }

    public Report report(Integer root, Period p, int monthsAhead) {
        return report(root, p, monthsAhead, false);
    }

    /** @param allCategories also list the active categories without any activity in either period (see {@link #byCategory}) */
    public Report report(Integer root, Period p, int monthsAhead, boolean allCategories) {
        LocalDate asOf = asOf(p);
        return db.read(ctx -> {
            String rootName = root == null ? "全部组织"
                    : ctx.select(ORG.NAME).from(ORG).where(ORG.ID.eq(root)).fetchOptional(ORG.NAME)
                            .orElseThrow(() -> new UserException("组织 #" + root + " 不存在（可能已被删除），请重新选择组织"));
            Period prev = p.previousYear();
            List<Cell> cube = cube(ctx, root, p);
            List<Cell> prevCube = cube(ctx, root, prev);
            return new Report(root, rootName, p, prev, sum(cube), sum(prevCube), byCategory(ctx, cube, prevCube, allCategories),
                    byMonth(p, cube, prevCube), byChildOrg(ctx, root, cube, prevCube), honors(ctx, root, p), honors(ctx, root, prev),
                    orgWork(ctx, root, p, asOf, monthsAhead));
        });
    }

    // ---------------------------------------------------------------- reminders

    /** 换届 overdue at {@code at} or due from {@code at} within {@code months} months, earliest due first. */
    public List<ElectionDue> electionsDue(Integer root, LocalDate at, int months, boolean overdue, int limit) {
        return db.read(ctx -> electionsDue(ctx, root, at, months, overdue, limit));
    }

    private static List<ElectionDue> electionsDue(DSLContext ctx, Integer root, LocalDate at, int months, boolean overdue, int limit) {
        return ctx.select(ORG.ID, ORG.NAME, ORG_TYPE.NAME, ORG.LAST_ELECTION_ON, ORG.FOUNDED_ON, TERM, DUE)
                .from(ORG).join(ORG_TYPE).on(ORG_TYPE.ID.eq(ORG.TYPE_ID))
                .where(dueCondition(at, months, overdue), Subtree.contains(ORG.ID, root))
                .orderBy(DUE, ORG.ID).limit(limit)
                .fetch(r -> new ElectionDue(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        LocalDate.parse(r.value7()), overdue));
    }

    /** 共青团员 (members of the subtree, or anyone for a null root) whose 28th birthday lies in {@code p}. */
    public List<AgeOut> ageOuts(Integer root, Period p, int limit) {
        return db.read(ctx -> ageOuts(ctx, root, p.from(), p.to(), p.to(), limit));
    }

    private static Field<String> firstOrgName(LocalDate d) {
        return DSL.field(DSL.select(ORG.NAME).from(MEMBERSHIP).join(ORG).on(ORG.ID.eq(MEMBERSHIP.ORG_ID))
                .where(MEMBERSHIP.PERSON_ID.eq(PERSON.ID), membershipValidOn(d)).orderBy(MEMBERSHIP.ID).limit(1));
    }

    private static List<AgeOut> ageOuts(DSLContext ctx, Integer root, LocalDate from, LocalDate to, LocalDate memberOn, int limit) {
        return ctx.select(PERSON.ID, PERSON.NAME, PERSON.BIRTH_DATE, TURNS_28, firstOrgName(memberOn)).from(PERSON)
                .where(turns28Between(from, to), memberOfSubtree(root, memberOn))
                .orderBy(TURNS_28, PERSON.ID).limit(limit)
                .fetch(r -> new AgeOut(r.value1(), r.value2(), r.value3(), LocalDate.parse(r.value4()), r.value5()));
    }

    private static long countAgeOuts(DSLContext ctx, Integer root, LocalDate from, LocalDate to, LocalDate memberOn) {
        return ctx.selectCount().from(PERSON).where(turns28Between(from, to), memberOfSubtree(root, memberOn)).fetchOne(0, Long.class);
    }

    /** The 待办/提醒 list at {@code at} for the subtree of {@code root} (null: everything); each list capped at {@code limit}. */
    public Reminders reminders(Integer root, LocalDate at, int months, int limit) {
        if (months < 0 || months > 120) {
            throw new UserException("提前提醒的月数应在 0 到 120 之间，而不是 " + months);
        }
        LocalDate until = at.plusMonths(months);
        LocalDate longAgo = LocalDate.of(1900, 1, 1);
        return db.read(ctx -> new Reminders(at, months,
                electionsDue(ctx, root, at, months, true, limit), countOrgs(ctx, root, dueCondition(at, months, true)),
                electionsDue(ctx, root, at, months, false, limit), countOrgs(ctx, root, dueCondition(at, months, false)),
                ageOuts(ctx, root, at, until, at, limit), countAgeOuts(ctx, root, at, until, at),
                ageOuts(ctx, root, longAgo, at.minusDays(1), at, limit), countAgeOuts(ctx, root, longAgo, at.minusDays(1), at),
                countWithoutOrg(ctx, at), planItemsOverdue(ctx, root, at, limit),
                ctx.selectCount().from(PLAN_ITEM).join(PLAN).on(PLAN.ID.eq(PLAN_ITEM.PLAN_ID)).where(planItemOverdue(root, at))
                        .fetchOne(0, Long.class)));
    }

    /** Unfinished (未开始/进行中) plan items due before {@code at}, of plans owned in the subtree or with an owner in it. */
    private static Condition planItemOverdue(Integer root, LocalDate at) {
        Condition c = PLAN_ITEM.DUE_DATE.lt(at).and(PLAN_ITEM.STATUS.in(PlanStatus.NOT_STARTED.code, PlanStatus.IN_PROGRESS.code));
        if (root != null) {
            c = c.and(Subtree.contains(PLAN.ORG_ID, root).or(Subtree.contains(PLAN_ITEM.OWNER_ORG_ID, root)));
        }
        return c;
    }

    private static List<PlanItemDue> planItemsOverdue(DSLContext ctx, Integer root, LocalDate at, int limit) {
        var owner = ORG.as("owner");
        return ctx.select(PLAN_ITEM.ID, PLAN.ID, PLAN.TITLE, PLAN_ITEM.LEAD, PLAN_ITEM.BODY, DSL.coalesce(owner.NAME, ORG.NAME),
                        PLAN_ITEM.DUE_DATE, PLAN_ITEM.STATUS)
                .from(PLAN_ITEM).join(PLAN).on(PLAN.ID.eq(PLAN_ITEM.PLAN_ID)).join(ORG).on(ORG.ID.eq(PLAN.ORG_ID))
                .leftJoin(owner).on(owner.ID.eq(PLAN_ITEM.OWNER_ORG_ID))
                .where(planItemOverdue(root, at)).orderBy(PLAN_ITEM.DUE_DATE, PLAN_ITEM.ID).limit(limit)
                .fetch(r -> new PlanItemDue(r.value1(), r.value2(), r.value3(), itemText(r.value4(), r.value5()), r.value6(), r.value7(),
                        PlanStatus.ofCode(r.value8())));
    }

    private static String itemText(String lead, String body) {
        if (lead != null && !lead.isBlank()) {
            return lead.strip();
        }
        if (body == null) {
            return "";
        }
        String b = body.strip();
        return b.codePointCount(0, b.length()) <= 40 ? b : b.substring(0, b.offsetByCodePoints(0, 40)) + "…";
    }

    // ---------------------------------------------------------------- records behind a figure

    /** Default cap on the rows {@link #behind} returns (the total is always exact). */
    public static final int BEHIND_LIMIT = 5000;

    /**
     * The records a figure counts, for click-through: the first {@code limit} rows (oldest first) and
     * the exact total. For {@link Figure.Activities} the total equals the 场次 shown.
     */
    public Behind behind(Integer root, Period p, Figure figure, int limit) {
        return db.read(ctx -> switch (figure) {
            case Figure.Activities a -> activitiesBehind(ctx, root, p, a, limit);
            case Figure.Honors h -> honorsBehind(ctx, root, p, h, limit);
            case Figure.ElectionsHeld e -> orgsBehind(ctx, root, figure, ORG.LAST_ELECTION_ON, p, limit, "换届");
            case Figure.Founded e -> orgsBehind(ctx, root, figure, ORG.FOUNDED_ON, p, limit, "成立");
            case Figure.ElectionsDue e -> {
                List<RecordRow> rows = electionsDue(ctx, root, e.asOf(), e.months(), e.overdue(), limit).stream()
                        .map(x -> new RecordRow("org", x.orgId(), x.due(), x.orgName(), x.orgName(),
                                x.typeName() + " · " + (x.lastElection() != null ? "上次换届 " + Dates.iso(x.lastElection())
                                        : "未换届过，成立于 " + Dates.iso(x.founded())) + " · 任期 " + x.termYears() + " 年 · 应于 "
                                        + Dates.iso(x.due()) + " 换届"))
                        .toList();
                yield new Behind(figure.title(), countOrgs(ctx, root, dueCondition(e.asOf(), e.months(), e.overdue())), rows);
            }
            case Figure.Members m -> membersBehind(ctx, root, m.atStart() ? p.from() : p.to(), figure, limit);
            case Figure.MemberChanges m -> memberChangesBehind(ctx, root, p, m.joined(), figure, limit);
            case Figure.AgeOuts a -> new Behind(figure.title(), countAgeOuts(ctx, root, p.from(), p.to(), p.to()),
                    ageOuts(ctx, root, p.from(), p.to(), p.to(), limit).stream()
                            .map(x -> new RecordRow("person", x.personId(), x.turns28(), x.name(), x.orgName(),
                                    "出生 " + Dates.iso(x.birthDate()) + " · " + Dates.iso(x.turns28()) + " 年满28周岁"))
                            .toList());
            case Figure.WithoutOrg w -> {
                Condition c = withoutOrgOn(p.to());
                long total = countWithoutOrg(ctx, p.to());
                List<RecordRow> rows = ctx.select(PERSON.ID, PERSON.NAME, PERSON.BIRTH_DATE, PERSON.POLITICAL_STATUS).from(PERSON)
                        .where(c).orderBy(PERSON.ID).limit(limit)
                        .fetch(r -> new RecordRow("person", r.value1(), null, r.value2(), null,
                                (r.value4() == null ? "" : r.value4() + " · ") + "截至 " + Dates.iso(p.to()) + " 没有有效的组织关系"));
                yield new Behind(figure.title(), total, rows);
            }
        });
    }

    private static Behind activitiesBehind(DSLContext ctx, Integer root, Period p, Figure.Activities a, int limit) {
        Condition c = activityIn(root, p);
        List<String> narrowed = new ArrayList<>();
        if (a.categoryId() != null) {
            c = c.and(ACTIVITY.CATEGORY_ID.eq(a.categoryId()));
            narrowed.add(ctx.select(ACTIVITY_CATEGORY.NAME).from(ACTIVITY_CATEGORY).where(ACTIVITY_CATEGORY.ID.eq(a.categoryId()))
                    .fetchOptional(ACTIVITY_CATEGORY.NAME).orElse("类别#" + a.categoryId()));
        }
        if (a.month() != null) {
            c = c.and(ACTIVITY.START_DATE.between(a.month().atDay(1), a.month().atEndOfMonth()));
            narrowed.add(a.month().getYear() + "年" + a.month().getMonthValue() + "月");
        }
        if (a.ownOnly() && root != null) {
            c = c.and(ACTIVITY.ORG_ID.eq(root));
            narrowed.add("本级");
        } else if (a.childOrgId() != null) {
            c = c.and(Subtree.contains(ACTIVITY.ORG_ID, a.childOrgId()));
            narrowed.add(ctx.select(ORG.NAME).from(ORG).where(ORG.ID.eq(a.childOrgId())).fetchOptional(ORG.NAME).orElse("组织#" + a.childOrgId()));
        }
        long total = ctx.selectCount().from(ACTIVITY).where(c).fetchOne(0, Long.class);
        List<RecordRow> rows = ctx.select(ACTIVITY.ID, ACTIVITY.START_DATE, ACTIVITY.NAME, ORG.NAME, ACTIVITY_CATEGORY.NAME,
                        ACTIVITY.PARTICIPANTS, ACTIVITY.SERVICE_TENTHS, ACTIVITY.BENEFICIARIES)
                .from(ACTIVITY).join(ORG).on(ORG.ID.eq(ACTIVITY.ORG_ID))
                .join(ACTIVITY_CATEGORY).on(ACTIVITY_CATEGORY.ID.eq(ACTIVITY.CATEGORY_ID))
                .where(c).orderBy(ACTIVITY.START_DATE, ACTIVITY.ID).limit(limit)
                .fetch(r -> new RecordRow("activity", r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5() + " · " + r.value6() + "人次 · " + Totals.hoursText(r.value7()) + "小时 · 惠及" + r.value8() + "人"));
        String title = "活动" + (narrowed.isEmpty() ? "" : "（" + String.join("，", narrowed) + "）");
        return new Behind(title, total, rows);
    }

    private static Behind honorsBehind(DSLContext ctx, Integer root, Period p, Figure.Honors h, int limit) {
        Condition c = HONOR.HONOR_DATE.between(p.from(), p.to()).and(Subtree.contains(HONOR.ORG_ID, root));
        if (h.level() != null) {
            c = c.and(HONOR.LEVEL.eq(h.level()));
        }
        if (h.kind() != null) {
            c = c.and(HONOR.KIND.eq(h.kind()));
        }
        long total = ctx.selectCount().from(HONOR).where(c).fetchOne(0, Long.class);
        List<RecordRow> rows = ctx.select(HONOR.ID, HONOR.HONOR_DATE, HONOR.TITLE, ORG.NAME, HONOR.LEVEL, HONOR.KIND, PERSON.NAME, HONOR.ISSUER)
                .from(HONOR).join(ORG).on(ORG.ID.eq(HONOR.ORG_ID)).leftJoin(PERSON).on(PERSON.ID.eq(HONOR.PERSON_ID))
                .where(c).orderBy(HONOR.HONOR_DATE, HONOR.ID).limit(limit)
                .fetch(r -> new RecordRow("honor", r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5() + " · " + r.value6() + (r.value7() == null ? "" : " · " + r.value7())
                                + (r.value8() == null ? "" : " · " + r.value8())));
        return new Behind(h.title(), total, rows);
    }

    private static Behind orgsBehind(DSLContext ctx, Integer root, Figure f, org.jooq.TableField<?, LocalDate> date, Period p, int limit,
                                     String what) {
        Condition c = date.between(p.from(), p.to());
        long total = countOrgs(ctx, root, c);
        List<RecordRow> rows = ctx.select(ORG.ID, date, ORG.NAME, ORG_TYPE.NAME, TERM).from(ORG).join(ORG_TYPE).on(ORG_TYPE.ID.eq(ORG.TYPE_ID))
                .where(c, Subtree.contains(ORG.ID, root)).orderBy(date, ORG.ID).limit(limit)
                .fetch(r -> new RecordRow("org", r.value1(), r.value2(), r.value3(), r.value3(),
                        r.value4() + " · " + Dates.iso(r.value2()) + " " + what + " · 任期 " + r.value5() + " 年"));
        return new Behind(f.title(), total, rows);
    }

    private static Behind membersBehind(DSLContext ctx, Integer root, LocalDate d, Figure f, int limit) {
        Condition c = membershipValidOn(d).and(Subtree.contains(MEMBERSHIP.ORG_ID, root));
        long total = membersOn(ctx, root, d);
        List<RecordRow> rows = ctx.select(PERSON.ID, PERSON.NAME, DSL.min(MEMBERSHIP.JOINED_ON), DSL.min(ORG.NAME), DSL.min(MEMBERSHIP.ROLE),
                        PERSON.POLITICAL_STATUS)
                .from(MEMBERSHIP).join(PERSON).on(PERSON.ID.eq(MEMBERSHIP.PERSON_ID)).join(ORG).on(ORG.ID.eq(MEMBERSHIP.ORG_ID))
                .where(c).groupBy(PERSON.ID, PERSON.NAME, PERSON.POLITICAL_STATUS).orderBy(PERSON.ID).limit(limit)
                .fetch(r -> new RecordRow("person", r.value1(), r.value3(), r.value2(), r.value4(),
                        r.value5() + (r.value6() == null ? "" : " · " + r.value6()) + " · " + Dates.iso(d) + " 在册"));
        return new Behind(f.title() + "（" + Dates.iso(d) + "）", total, rows);
    }

    private static Behind memberChangesBehind(DSLContext ctx, Integer root, Period p, boolean joined, Figure f, int limit) {
        var date = joined ? MEMBERSHIP.JOINED_ON : MEMBERSHIP.LEFT_ON;
        Condition c = date.between(p.from(), p.to()).and(Subtree.contains(MEMBERSHIP.ORG_ID, root));
        long total = ctx.selectCount().from(MEMBERSHIP).where(c).fetchOne(0, Long.class);
        List<RecordRow> rows = ctx.select(PERSON.ID, date, PERSON.NAME, ORG.NAME, MEMBERSHIP.ROLE)
                .from(MEMBERSHIP).join(PERSON).on(PERSON.ID.eq(MEMBERSHIP.PERSON_ID)).join(ORG).on(ORG.ID.eq(MEMBERSHIP.ORG_ID))
                .where(c).orderBy(date, MEMBERSHIP.ID).limit(limit)
                .fetch(r -> new RecordRow("membership", r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5() + " · " + Dates.iso(r.value2()) + (joined ? " 加入" : " 离开")));
        return new Behind(f.title(), total, rows);
    }
}
