package org.taizhang.report;

import static org.taizhang.db.jooq.Tables.ACTIVITY;
import static org.taizhang.db.jooq.Tables.HONOR;
import static org.taizhang.db.jooq.Tables.ORG;
import static org.taizhang.db.jooq.Tables.ORG_TYPE;
import static org.taizhang.db.jooq.Tables.PERSON;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.taizhang.db.Database;
import org.taizhang.org.Subtree;

/**
 * The records a summary names (not only counts): notable activities per category (亮点 first, then the
 * largest), with a series of the same activity ("青年理论学习（第1期）…（第5期）") taken together;
 * 国家级 and 省级 honours; organisations that held their 换届 or were founded in the period.
 */
final class SummaryData {
    private SummaryData() {
    }

    /** How many activities per category are looked at for naming. */
    static final int PER_CATEGORY = 6;

    /** A named activity (or a series of activities of one name and organiser). */
    record Named(String name, String orgName, LocalDate first, LocalDate last, int count, long participants, long serviceTenths,
                 long beneficiaries, boolean highlight) {
    }

    private record Row(int id, LocalDate date, LocalDate end, String name, int orgId, String orgName, int categoryId, long participants,
                       long serviceTenths, long beneficiaries, boolean highlight) {
    }

    private static Condition held(int root, LocalDate from, LocalDate to) {
        return ACTIVITY.START_DATE.between(from, to).and(ACTIVITY.PLANNED.eq(false)).and(Subtree.contains(ACTIVITY.ORG_ID, root));
    }

    /**
     * Per category id: the activities to name, 亮点 first then by 人次, series merged. {@code withActivities}:
     * the categories that have activities in the period (known from the figures already counted).
     */
    static Map<Integer, List<Named>> notable(Database db, int root, LocalDate from, LocalDate to, Set<Integer> withActivities) {
        return db.read(ctx -> {
            Field<Integer> rn = DSL.rowNumber().over(DSL.partitionBy(ACTIVITY.CATEGORY_ID)
                    .orderBy(ACTIVITY.PARTICIPANTS.desc(), ACTIVITY.ID)).as("rn");
            // 亮点: the partial index activity_highlight_idx finds them ("highlight = 1" literally)
            var hl = DSL.select(ACTIVITY.ID, ACTIVITY.CATEGORY_ID, rn).from(ACTIVITY)
                    .where(ACTIVITY.HIGHLIGHT.eq(DSL.inline(true)), held(root, from, to)).asTable("h");
            Map<Integer, List<Integer>> byCat = new HashMap<>();
            Set<Integer> ids = new LinkedHashSet<>();
            ctx.select(hl.field(0, Integer.class), hl.field(1, Integer.class)).from(hl)
                    .where(hl.field(2, Integer.class).le(PER_CATEGORY)).fetch()
                    .forEach(r -> {
                        byCat.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(r.value1());
                        ids.add(r.value1());
                    });
            // the largest, only for the categories with too few 亮点 (one pass over the covering index)
            Set<Integer> short_ = new LinkedHashSet<>(withActivities);
            short_.removeIf(c -> byCat.getOrDefault(c, List.of()).size() >= PER_CATEGORY);
            if (!short_.isEmpty()) {
                var big = DSL.select(ACTIVITY.ID, ACTIVITY.CATEGORY_ID, rn).from(ACTIVITY)
                        .where(held(root, from, to), ACTIVITY.CATEGORY_ID.in(short_)).asTable("b");
                ctx.select(big.field(0, Integer.class)).from(big).where(big.field(2, Integer.class).le(PER_CATEGORY))
                        .fetch().forEach(r -> ids.add(r.value1()));
            }
            if (ids.isEmpty()) {
                return Map.of();
            }
            List<Row> rows = ctx.select(ACTIVITY.ID, ACTIVITY.START_DATE, ACTIVITY.END_DATE, ACTIVITY.NAME, ACTIVITY.ORG_ID, ORG.NAME,
                            ACTIVITY.CATEGORY_ID, ACTIVITY.PARTICIPANTS, ACTIVITY.SERVICE_TENTHS, ACTIVITY.BENEFICIARIES, ACTIVITY.HIGHLIGHT)
                    .from(ACTIVITY).join(ORG).on(ORG.ID.eq(ACTIVITY.ORG_ID)).where(ACTIVITY.ID.in(ids))
                    .fetch(r -> new Row(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8(),
                            r.value9(), r.value10(), Boolean.TRUE.equals(r.value11())));
            Map<Integer, List<Named>> out = new HashMap<>();
            Map<Integer, List<Row>> perCat = new HashMap<>();
            rows.forEach(r -> perCat.computeIfAbsent(r.categoryId(), k -> new ArrayList<>()).add(r));
            for (var e : perCat.entrySet()) {
                out.put(e.getKey(), series(ctx, from, to, e.getValue()));
            }
            return out;
        });
    }

    /**
     * Candidates of one category grouped by cleaned name and organiser; each group's figures are those
     * of every activity of that organiser, category and cleaned name in the period (the whole series).
     */
    private static List<Named> series(DSLContext ctx, LocalDate from, LocalDate to, List<Row> rows) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(Row::highlight).reversed().thenComparing(Comparator.comparingLong(Row::participants).reversed())
                        .thenComparingInt(Row::id))
                .forEach(r -> groups.computeIfAbsent(r.orgId() + "\u0000" + Prose.cleanName(r.name()), k -> new ArrayList<>()).add(r));
        List<Named> out = new ArrayList<>();
        for (List<Row> g : groups.values()) {
            Row first = g.getFirst();
            String clean = Prose.cleanName(first.name());
            boolean highlight = g.stream().anyMatch(Row::highlight);
            // every activity of this organiser and category in the period whose cleaned name is the same
            List<Row> all = new ArrayList<>();
            ctx.select(ACTIVITY.ID, ACTIVITY.START_DATE, ACTIVITY.END_DATE, ACTIVITY.NAME, ACTIVITY.PARTICIPANTS, ACTIVITY.SERVICE_TENTHS,
                            ACTIVITY.BENEFICIARIES)
                    .from(ACTIVITY)
                    .where(ACTIVITY.ORG_ID.eq(first.orgId()), ACTIVITY.START_DATE.between(from, to), ACTIVITY.PLANNED.eq(false),
                            ACTIVITY.CATEGORY_ID.eq(first.categoryId()))
                    .fetch().forEach(r -> {
                        if (Prose.cleanName(r.value4()).equals(clean)) {
                            all.add(new Row(r.value1(), r.value2(), r.value3(), r.value4(), first.orgId(), first.orgName(), first.categoryId(),
                                    r.value5(), r.value6(), r.value7(), false));
                        }
                    });
            List<Row> members = all.isEmpty() ? g : all;
            LocalDate a = members.stream().map(Row::date).min(Comparator.naturalOrder()).orElse(first.date());
            LocalDate b = members.stream().map(r -> r.end() != null && r.end().isAfter(r.date()) ? r.end() : r.date())
                    .max(Comparator.naturalOrder()).orElse(first.date());
            if (b.isAfter(to)) {
                b = to;
            }
            out.add(new Named(clean, first.orgName(), a, b, members.size(), members.stream().mapToLong(Row::participants).sum(),
                    members.stream().mapToLong(Row::serviceTenths).sum(), members.stream().mapToLong(Row::beneficiaries).sum(), highlight));
        }
        return out;
    }

    /** An honour to be named: 国家级 and 省级. */
    record NamedHonour(LocalDate date, String title, String level, String kind, String orgName, String personName, String issuer) {
    }

    static final List<String> NAMED_LEVELS = List.of("国家级", "省级");

    static List<NamedHonour> namedHonours(Database db, int root, LocalDate from, LocalDate to, int limit) {
        return db.read(ctx -> ctx.select(HONOR.HONOR_DATE, HONOR.TITLE, HONOR.LEVEL, HONOR.KIND, ORG.NAME, PERSON.NAME, HONOR.ISSUER)
                .from(HONOR).join(ORG).on(ORG.ID.eq(HONOR.ORG_ID)).leftJoin(PERSON).on(PERSON.ID.eq(HONOR.PERSON_ID))
                .where(HONOR.HONOR_DATE.between(from, to), HONOR.LEVEL.in(NAMED_LEVELS), Subtree.contains(HONOR.ORG_ID, root))
                .orderBy(DSL.case_(HONOR.LEVEL).when("国家级", 0).otherwise(1), DSL.case_(HONOR.KIND).when("集体", 0).otherwise(1), HONOR.HONOR_DATE,
                        HONOR.ID).limit(limit)
                .fetch(r -> new NamedHonour(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7())));
    }

    /** An organisation with its type name. */
    record OrgName(String name, String type) {
    }

    /** Organisations of the subtree whose last 换届 lies in the period (at most {@code limit}). */
    static List<OrgName> elected(Database db, int root, LocalDate from, LocalDate to, int limit) {
        return orgs(db, root, ORG.LAST_ELECTION_ON.between(from, to), ORG.LAST_ELECTION_ON, limit);
    }

    /** Organisations of the subtree founded in the period (at most {@code limit}). */
    static List<OrgName> founded(Database db, int root, LocalDate from, LocalDate to, int limit) {
        return orgs(db, root, ORG.FOUNDED_ON.between(from, to), ORG.FOUNDED_ON, limit);
    }

    private static List<OrgName> orgs(Database db, int root, Condition c, Field<LocalDate> order, int limit) {
        return db.read(ctx -> ctx.select(ORG.NAME, ORG_TYPE.NAME).from(ORG).join(ORG_TYPE).on(ORG_TYPE.ID.eq(ORG.TYPE_ID))
                .where(c, Subtree.contains(ORG.ID, root)).orderBy(order, ORG.ID).limit(limit)
                .fetch(r -> new OrgName(r.value1(), r.value2())));
    }

    /** Of the organisations whose 换届 lies in the period: how many of each type, most first. */
    static Map<String, Long> electedByType(Database db, int root, LocalDate from, LocalDate to) {
        Map<String, Long> out = new LinkedHashMap<>();
        db.read(ctx -> ctx.select(ORG_TYPE.NAME, DSL.count()).from(ORG).join(ORG_TYPE).on(ORG_TYPE.ID.eq(ORG.TYPE_ID))
                        .where(ORG.LAST_ELECTION_ON.between(from, to), Subtree.contains(ORG.ID, root))
                        .groupBy(ORG_TYPE.NAME).orderBy(DSL.count().desc(), ORG_TYPE.NAME).fetch())
                .forEach(r -> out.put(r.value1(), r.value2().longValue()));
        return out;
    }
}
