package org.taizhang.exchange;

import static org.taizhang.db.jooq.Tables.ACTIVITY;
import static org.taizhang.db.jooq.Tables.HONOR;
import static org.taizhang.db.jooq.Tables.MEMBERSHIP;
import static org.taizhang.db.jooq.Tables.ORG;
import static org.taizhang.db.jooq.Tables.PLAN;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.taizhang.attachment.AttachmentService;
import org.taizhang.common.UserException;
import org.taizhang.db.jooq.tables.records.AttachmentRecord;
import org.taizhang.db.Database;
import org.taizhang.org.Org;
import org.taizhang.org.OrgService;
import org.taizhang.org.Subtree;
import org.taizhang.stats.Period;
import org.taizhang.stats.StatsService;
import org.taizhang.stats.Totals;

/**
 * Writes the data package of one organisation subtree and period: the organisations (all of the
 * subtree, with their 换届 data), people and memberships (current and past), and the activities,
 * honours and plans of the period. A record exported for the first time gets its uid here.
 */
final class PackageExporter {
    private final Database db;
    private final Clock clock;

    PackageExporter(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Manifest export(int rootId, Period period, boolean fullId, boolean withAttachments, Path out) {
        OrgService orgs = new OrgService(db);
        Org root = orgs.get(rootId).orElseThrow(() -> new UserException("组织 #" + rootId + " 不存在。"));
        if (db.readOnly()) {
            throw new UserException("数据库当前是只读模式（" + db.readOnlyReason() + "），不能导出数据包：导出时要为新记录登记编号。");
        }
        Totals t = new StatsService(db).totals(rootId, period);
        List<String> path = Arrays.asList(orgs.pathOf(rootId).split(" / "));
        Map<Kind, List<Map<String, Object>>> records = db.tx(ctx -> collect(ctx, rootId, period, fullId));
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("activities", t.activities());
        totals.put("participants", t.participants());
        totals.put("service_tenths", t.serviceTenths());
        totals.put("beneficiaries", t.beneficiaries());
        totals.put("honors", (long) records.get(Kind.HONOR).size());
        totals.put("members", db.read(ctx -> (long) ctx.fetchCount(ctx.selectDistinct(MEMBERSHIP.PERSON_ID).from(MEMBERSHIP)
                .where(MEMBERSHIP.LEFT_ON.isNull().and(Subtree.contains(MEMBERSHIP.ORG_ID, rootId))))));
        String uid = (String) records.get(Kind.ORG).getFirst().get("uid");
        Manifest header = new Manifest(PackageFormat.FORMAT, PackageFormat.VERSION, PackageFormat.program(),
                UUID.randomUUID().toString(), Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MILLIS), uid,
                root.name(), root.typeName(), path, period.from(), period.to(), period.label(), fullId, Map.of(), totals,
                List.of());
        List<Map<String, Object>> attachments = withAttachments ? db.read(ctx -> attachments(ctx, records)) : List.of();
        return PackageFormat.write(out, header, records, attachments);
    }

    /** The files attached to the package's activities and honours (photos, sign-in sheets, certificates). */
    private static List<Map<String, Object>> attachments(DSLContext ctx, Map<Kind, List<Map<String, Object>>> records) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Kind k : List.of(Kind.ACTIVITY, Kind.HONOR)) {
            Map<Integer, String> uids = new HashMap<>();
            Map<String, Integer> byUid = new HashMap<>();
            Identities.uids(ctx, k).forEach((id, uid) -> byUid.put(uid, id));
            for (Map<String, Object> r : records.get(k)) {
                Integer id = byUid.get((String) r.get("uid"));
                if (id != null) {
                    uids.put(id, (String) r.get("uid"));
                }
            }
            for (AttachmentRecord a : AttachmentService.recordsOf(ctx, k.code, List.copyOf(uids.keySet()))) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("uid", uids.get(a.getOwnerId()) + "/" + a.getSha256());
                m.put("owner_kind", k.code);
                m.put("owner", uids.get(a.getOwnerId()));
                m.put("file_name", a.getFileName());
                m.put("sha256", a.getSha256());
                m.put("content", java.util.Base64.getEncoder().encodeToString(a.getContent()));
                out.add(m);
            }
        }
        return out;
    }

    private static Map<Kind, List<Map<String, Object>>> collect(DSLContext ctx, int rootId, Period p, boolean fullId) {
        // organisations, parents before children
        Map<Integer, List<Integer>> children = new HashMap<>();
        Set<Integer> sub = new LinkedHashSet<>(ctx.fetch(Subtree.ids(rootId)).getValues(0, Integer.class));
        ctx.select(ORG.ID, ORG.PARENT_ID).from(ORG).where(ORG.ID.in(sub)).orderBy(ORG.SORT_ORDER, ORG.ID)
                .forEach(r -> children.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(r.value1()));
        List<Integer> orgIds = new ArrayList<>();
        Deque<Integer> todo = new ArrayDeque<>(List.of(rootId));
        while (!todo.isEmpty()) {
            int id = todo.removeFirst();
            orgIds.add(id);
            todo.addAll(children.getOrDefault(id, List.of()));
        }
        List<Integer> memberships = ctx.select(MEMBERSHIP.ID).from(MEMBERSHIP).where(MEMBERSHIP.ORG_ID.in(sub))
                .orderBy(MEMBERSHIP.ID).fetch(MEMBERSHIP.ID);
        List<Integer> activities = ctx.select(ACTIVITY.ID).from(ACTIVITY)
                .where(ACTIVITY.ORG_ID.in(sub).and(ACTIVITY.START_DATE.between(p.from(), p.to())))
                .orderBy(ACTIVITY.START_DATE, ACTIVITY.ID).fetch(ACTIVITY.ID);
        List<Integer> honors = ctx.select(HONOR.ID).from(HONOR)
                .where(HONOR.ORG_ID.in(sub).and(HONOR.HONOR_DATE.between(p.from(), p.to())))
                .orderBy(HONOR.HONOR_DATE, HONOR.ID).fetch(HONOR.ID);
        List<Integer> plans = ctx.select(PLAN.ID).from(PLAN)
                .where(PLAN.ORG_ID.in(sub).and(PLAN.PERIOD_FROM.le(p.to())).and(PLAN.PERIOD_TO.ge(p.from())))
                .orderBy(PLAN.PERIOD_FROM, PLAN.ID).fetch(PLAN.ID);
        Set<Integer> people = new LinkedHashSet<>(ctx.selectDistinct(MEMBERSHIP.PERSON_ID).from(MEMBERSHIP)
                .where(MEMBERSHIP.ID.in(memberships)).fetch(MEMBERSHIP.PERSON_ID));
        people.addAll(ctx.selectDistinct(HONOR.PERSON_ID).from(HONOR).where(HONOR.ID.in(honors).and(HONOR.PERSON_ID.isNotNull()))
                .fetch(HONOR.PERSON_ID));

        Map<Kind, List<Integer>> ids = new EnumMap<>(Kind.class);
        ids.put(Kind.ORG, orgIds);
        ids.put(Kind.PERSON, new ArrayList<>(people));
        ids.put(Kind.MEMBERSHIP, memberships);
        ids.put(Kind.ACTIVITY, activities);
        ids.put(Kind.HONOR, honors);
        ids.put(Kind.PLAN, plans);
        // uids of what goes into this package only: a reference outside it (a co-organiser elsewhere) is left out
        Map<Kind, Map<Integer, String>> uids = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            Map<Integer, String> known = Identities.uids(ctx, k);
            Map<Integer, String> inPackage = new HashMap<>();
            for (int id : ids.get(k)) {
                inPackage.put(id, Identities.ensure(ctx, k, id, known));
            }
            uids.put(k, inPackage);
        }
        Records.Refs refs = (k, id) -> id == null ? null : uids.get(k).get(id);
        Map<Kind, List<Map<String, Object>>> out = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            Map<Integer, Map<String, Object>> read = Records.read(ctx, k, ids.get(k), refs, fullId);
            List<Map<String, Object>> list = new ArrayList<>();
            for (int id : ids.get(k)) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("uid", uids.get(k).get(id));
                r.putAll(read.get(id));
                if (k == Kind.ORG && id == rootId) {
                    r.put("parent", null); // the receiver places the sender's root in its own tree
                }
                list.add(r);
            }
            out.put(k, list);
        }
        return out;
    }

}
