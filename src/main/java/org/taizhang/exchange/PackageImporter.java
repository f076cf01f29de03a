package org.taizhang.exchange;

import static org.taizhang.db.jooq.Tables.ACTIVITY;
import static org.taizhang.db.jooq.Tables.ATTACHMENT;
import static org.taizhang.db.jooq.Tables.HONOR;
import static org.taizhang.db.jooq.Tables.MEMBERSHIP;
import static org.taizhang.db.jooq.Tables.ORG;
import static org.taizhang.db.jooq.Tables.PACKAGE_LOG;
import static org.taizhang.db.jooq.Tables.PERSON;
import static org.taizhang.db.jooq.Tables.PLAN;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.taizhang.activity.ActivityInput;
import org.taizhang.activity.ActivityService;
import org.taizhang.activity.Category;
import org.taizhang.attachment.AttachmentService;
import org.taizhang.common.UserException;
import org.taizhang.common.ValidationException;
import org.taizhang.db.BackupInfo;
import org.taizhang.db.BackupService;
import org.taizhang.db.ChangeLog;
import org.taizhang.db.Database;
import org.taizhang.db.Timestamps;
import org.taizhang.db.jooq.tables.records.MembershipRecord;
import org.taizhang.exchange.ImportPreview.Item;
import org.taizhang.exchange.ImportPreview.Op;
import org.taizhang.exchange.Identities.Ident;
import org.taizhang.exchange.PackageFormat.DataPackage;
import org.taizhang.honor.HonorInput;
import org.taizhang.honor.HonorService;
import org.taizhang.org.Org;
import org.taizhang.org.OrgInput;
import org.taizhang.org.OrgService;
import org.taizhang.org.OrgType;
import org.taizhang.person.MembershipInput;
import org.taizhang.person.PersonInput;
import org.taizhang.person.PersonService;
import org.taizhang.plan.ItemFields;
import org.taizhang.plan.PlanInput;
import org.taizhang.plan.PlanNode;
import org.taizhang.plan.PlanOutline;
import org.taizhang.plan.PlanService;
import org.taizhang.common.PlanStatus;
import org.taizhang.plan.TargetMetric;

/**
 * Reads a package, works out what it changes in the receiver's copy of the sender's subtree and period
 * ({@link #preview}), and applies that in one transaction after a backup ({@link #apply}).
 *
 * <p>Rules: records are matched by uid (a record without one is matched once by its natural key — an
 * organisation by name under the same parent, a person by full ID number, an activity by organiser,
 * date and name — and keeps the uid from then on). A record that came with an earlier package from the
 * same sender and is missing from this one is removed, if it lies in the package's period. A record the
 * receiver has edited since the package that brought it is a conflict: kept as the receiver has it,
 * unless the clerk chooses to take the sender's version. The same package twice changes nothing; an
 * older package after a newer one from the same sender is refused.
 */
final class PackageImporter {
    private final Database db;
    private final OrgService orgs;
    private final PersonService people;
    private final ActivityService activities;
    private final HonorService honors;
    private final PlanService plans;

    PackageImporter(Database db) {
        this.db = db;
        this.orgs = new OrgService(db);
        this.people = new PersonService(db);
        this.activities = new ActivityService(db);
        this.honors = new HonorService(db);
        this.plans = new PlanService(db);
    }

    /** The plan of an import: the preview plus the package records each item came from. */
    private record Plan(DataPackage pkg, ImportPreview preview, Map<String, Map<String, Object>> byKey) {
    }

    ImportPreview preview(Path file, Integer asOrgId, boolean takeTheirs) {
        DataPackage pkg = PackageFormat.read(file);
        return db.read(ctx -> plan(ctx, pkg, file.getFileName().toString(), asOrgId, takeTheirs).preview());
    }

    ImportResult apply(Path file, Integer asOrgId, boolean takeTheirs) {
        DataPackage pkg = PackageFormat.read(file);
        db.requireWritable();
        String name = file.getFileName().toString();
        ImportPreview first = db.read(ctx -> plan(ctx, pkg, name, asOrgId, takeTheirs).preview());
        if (!first.hasChanges()) {
            return new ImportResult(first, null, 0, 0, 0, 0, conflicts(first));
        }
        BackupInfo backup = new BackupService(db).backupBefore("导入数据包");
        return db.tx(ctx -> {
            Plan plan = plan(ctx, pkg, name, asOrgId, takeTheirs); // again, inside the transaction
            return write(ctx, plan, backup == null ? null : backup.file());
        });
    }

    private static List<String> conflicts(ImportPreview p) {
        return p.of(Op.CONFLICT).stream().map(i -> i.kind().label + "“" + i.label() + "”：" + i.reason()).toList();
    }

    // ------------------------------------------------------------------ planning

    private Plan plan(DSLContext ctx, DataPackage pkg, String fileName, Integer asOrgId, boolean takeTheirs) {
        Manifest m = pkg.manifest();
        Map<String, Object> rootRec = pkg.of(Kind.ORG).stream().filter(r -> r.get("parent") == null).findFirst()
                .orElseThrow(() -> new PackageRefusedException("数据包“" + fileName + "”里没有报送单位本身的组织记录，未导入任何数据。"));
        if (!m.senderUid().equals(rootRec.get("uid"))) {
            throw new PackageRefusedException("数据包“" + fileName + "”的报送单位与其中的组织记录不一致，未导入任何数据。");
        }
        refuseOlder(ctx, m, fileName);
        int root = root(ctx, m, asOrgId);
        boolean again = ctx.fetchExists(PACKAGE_LOG, PACKAGE_LOG.PACKAGE_ID.eq(m.packageId()));
        checkReferences(pkg, fileName);

        Map<String, Map<String, Object>> byKey = new HashMap<>();
        Map<Kind, Map<String, Map<String, Object>>> byUid = new HashMap<>();
        for (Kind k : Kind.values()) {
            Map<String, Map<String, Object>> u = new LinkedHashMap<>();
            for (Map<String, Object> r : pkg.of(k)) {
                u.put((String) r.get("uid"), r);
                byKey.put(k.code + ":" + r.get("uid"), r);
            }
            byUid.put(k, u);
        }
        Map<String, Integer> orgLocal = new HashMap<>();
        orgLocal.put(m.senderUid(), root);
        List<Item> items = new ArrayList<>();
        for (Kind k : Kind.values()) {
            for (Map<String, Object> r : ordered(k, pkg)) {
                String uid = (String) r.get("uid");
                String label = label(k, r, byUid);
                String h = PackageFormat.hash(r);
                Optional<Ident> ident = Identities.byUid(ctx, k, uid);
                boolean isRoot = k == Kind.ORG && uid.equals(m.senderUid());
                Integer local = isRoot ? Integer.valueOf(root) : ident.map(Ident::localId).orElse(null);
                if (ident.isPresent() && isRoot && ident.get().localId() != root) {
                    ident = Optional.empty(); // matched anew with --as: the root's history starts here
                }
                if (local != null && exists(ctx, k, local)) {
                    if (k == Kind.ORG) {
                        orgLocal.put(uid, local);
                    }
                    if (ident.isPresent() && h.equals(ident.get().packageHash())) {
                        items.add(new Item(k, Op.SAME, uid, local, label, null));
                    } else if (ident.isPresent() && edited(ctx, ident.get()) && !takeTheirs) {
                        items.add(new Item(k, Op.CONFLICT, uid, local, label, "本级在上次导入后修改过这条记录，上报单位也改了它；保留本级的内容"));
                    } else {
                        items.add(new Item(k, Op.CHANGE, uid, local, label, ident.isEmpty() ? "与本级已有的记录对应" : null));
                    }
                } else if (ident.isPresent()) {
                    if (h.equals(ident.get().packageHash())) {
                        items.add(new Item(k, Op.SAME, uid, null, label, "本级已删除，不再恢复"));
                    } else if (takeTheirs) {
                        items.add(new Item(k, Op.ADD, uid, null, label, "本级曾删除，按上报内容恢复"));
                    } else {
                        items.add(new Item(k, Op.CONFLICT, uid, null, label, "本级已删除这条记录，上报单位又修改了它；保持删除"));
                    }
                } else {
                    Integer match = naturalMatch(ctx, k, r, orgLocal, m.fullId());
                    if (match != null) {
                        if (k == Kind.ORG) {
                            orgLocal.put(uid, match);
                        }
                        items.add(new Item(k, Op.CHANGE, uid, match, label, "与本级已有的记录对应"));
                    } else {
                        items.add(new Item(k, Op.ADD, uid, null, label, null));
                    }
                }
            }
        }
        // what earlier packages from this sender brought and this one no longer has
        for (Kind k : Kind.values()) {
            for (Ident i : Identities.ownedBy(ctx, k, m.senderUid())) {
                if (byUid.get(k).containsKey(i.uid()) || !exists(ctx, k, i.localId()) || !inPeriod(ctx, k, i.localId(), m)) {
                    continue;
                }
                String label = localLabel(ctx, k, i.localId());
                if (edited(ctx, i) && !takeTheirs) {
                    items.add(new Item(k, Op.CONFLICT, i.uid(), i.localId(), label, "上报单位已删除这条记录，但本级修改过它；保留"));
                } else {
                    items.add(new Item(k, Op.REMOVE, i.uid(), i.localId(), label, null));
                }
            }
        }
        Map<String, Integer> known = new HashMap<>();
        Set<String> adding = new HashSet<>();
        for (Item i : items) {
            if (i.localId() != null && i.op() != Op.REMOVE) {
                known.put(i.kind().code + ":" + i.uid(), i.localId());
            } else if (i.op() == Op.ADD) {
                adding.add(i.kind().code + ":" + i.uid());
            }
        }
        int newAttachments = 0;
        for (Map<String, Object> a : pkg.attachments()) {
            Integer owner = known.get(a.get("owner_kind") + ":" + a.get("owner"));
            if (owner == null ? adding.contains(a.get("owner_kind") + ":" + a.get("owner")) : !hasAttachment(ctx, a, owner)) {
                newAttachments++;
            }
        }
        ImportPreview preview = new ImportPreview(fileName, m, root, orgs.pathOf(root), again, List.copyOf(items), newAttachments);
        return new Plan(pkg, preview, byKey);
    }

    private static boolean hasAttachment(DSLContext ctx, Map<String, Object> a, int owner) {
        return ctx.fetchExists(ATTACHMENT, ATTACHMENT.OWNER_KIND.eq((String) a.get("owner_kind")).and(ATTACHMENT.OWNER_ID.eq(owner))
                .and(ATTACHMENT.SHA256.eq((String) a.get("sha256"))).and(ATTACHMENT.FILE_NAME.eq((String) a.get("file_name"))));
    }

    /** Adds the package's attached files that the receiver's records do not have yet; returns how many. */
    private static int writeAttachments(DSLContext ctx, DataPackage pkg, Map<Kind, Map<String, Integer>> local, String file) {
        int n = 0;
        for (Map<String, Object> a : pkg.attachments()) {
            Kind k = Kind.ofCode((String) a.get("owner_kind"));
            Integer owner = local.get(k).get((String) a.get("owner"));
            if (owner == null || !exists(ctx, k, owner) || hasAttachment(ctx, a, owner)) {
                continue;
            }
            byte[] content;
            try {
                content = java.util.Base64.getDecoder().decode((String) a.get("content"));
            } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
                throw new PackageRefusedException("数据包“" + file + "”中的附件“" + a.get("file_name") + "”已损坏，未导入任何数据。");
            }
            if (!AttachmentService.sha256(content).equalsIgnoreCase(String.valueOf(a.get("sha256")))) {
                throw new PackageRefusedException("数据包“" + file + "”中的附件“" + a.get("file_name") + "”与校验值不符，未导入任何数据。");
            }
            AttachmentService.add(ctx, k.code, owner, (String) a.get("file_name"), content);
            n++;
        }
        return n;
    }

    /** Organisations parents first (the exporter writes them so; a hand-made package may not). */
    private static List<Map<String, Object>> ordered(Kind k, DataPackage pkg) {
        if (k != Kind.ORG) {
            return pkg.of(k);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        Set<Object> placed = new HashSet<>();
        List<Map<String, Object>> rest = new ArrayList<>(pkg.of(k));
        while (!rest.isEmpty()) {
            int before = rest.size();
            for (var it = rest.iterator(); it.hasNext(); ) {
                Map<String, Object> r = it.next();
                if (r.get("parent") == null || placed.contains(r.get("parent"))) {
                    out.add(r);
                    placed.add(r.get("uid"));
                    it.remove();
                }
            }
            if (rest.size() == before) {
                throw new PackageRefusedException("数据包中的组织上下级关系有误（出现循环或缺少上级），未导入任何数据。");
            }
        }
        return out;
    }

    private static void checkReferences(DataPackage pkg, String file) {
        Set<Object> orgUids = new HashSet<>();
        pkg.of(Kind.ORG).forEach(r -> orgUids.add(r.get("uid")));
        Set<Object> personUids = new HashSet<>();
        pkg.of(Kind.PERSON).forEach(r -> personUids.add(r.get("uid")));
        for (Kind k : List.of(Kind.MEMBERSHIP, Kind.ACTIVITY, Kind.HONOR, Kind.PLAN)) {
            for (Map<String, Object> r : pkg.of(k)) {
                boolean ok = orgUids.contains(r.get("org"));
                if (k == Kind.MEMBERSHIP || (k == Kind.HONOR && r.get("person") != null)) {
                    ok &= personUids.contains(r.get("person"));
                }
                if (!ok) {
                    throw new PackageRefusedException("数据包“" + file + "”的" + k.label + "记录引用了包里没有的组织或人员，数据包不完整，未导入任何数据。");
                }
            }
        }
    }

    private void refuseOlder(DSLContext ctx, Manifest m, String file) {
        var newer = ctx.selectFrom(PACKAGE_LOG).where(PACKAGE_LOG.SENDER_UID.eq(m.senderUid())
                        .and(PACKAGE_LOG.CREATED_AT.gt(m.createdAt().toString()))
                        .and(PACKAGE_LOG.PERIOD_FROM.le(m.to())).and(PACKAGE_LOG.PERIOD_TO.ge(m.from())))
                .orderBy(PACKAGE_LOG.CREATED_AT.desc()).limit(1).fetchOne();
        if (newer != null) {
            throw new PackageRefusedException("数据包“" + file + "”（" + m.senderName() + "，生成于 " + local(m.createdAt().toString())
                    + "）比已导入的同一单位的数据包（生成于 " + local(newer.getCreatedAt()) + "）更旧，导入它会用旧数据覆盖新数据。未导入任何数据。");
        }
    }

    static String local(String instant) {
        try {
            return java.time.Instant.parse(instant).atZone(java.time.ZoneId.systemDefault()).toLocalDateTime()
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ');
        } catch (RuntimeException e) {
            return instant;
        }
    }

    /** The receiver's organisation for the sender's root: --as, then the remembered uid, then by name (and parent name). */
    private int root(DSLContext ctx, Manifest m, Integer asOrgId) {
        if (asOrgId != null) {
            return asOrgId;
        }
        Optional<Ident> known = Identities.byUid(ctx, Kind.ORG, m.senderUid());
        if (known.isPresent() && exists(ctx, Kind.ORG, known.get().localId())) {
            return known.get().localId();
        }
        String where = String.join(" / ", m.senderPath());
        List<Org> named = orgs.findByName(m.senderName());
        if (named.size() > 1 && m.senderPath().size() >= 2) {
            String parentName = m.senderPath().get(m.senderPath().size() - 2);
            List<Org> sameParent = named.stream().filter(o -> o.parentId() != null
                    && orgs.get(o.parentId()).map(p -> p.name().equals(parentName)).orElse(false)).toList();
            if (sameParent.size() == 1) {
                return sameParent.getFirst().id();
            }
        }
        if (named.size() == 1) {
            return named.getFirst().id();
        }
        if (named.isEmpty()) {
            throw new PackageRefusedException("数据包来自“" + where + "”，本单位的组织名册里没有“" + m.senderName()
                    + "”。请先在组织名册中把它添加到正确的上级之下（或导入时指定它对应本单位的哪个组织），再导入。未导入任何数据。");
        }
        throw new PackageRefusedException("数据包来自“" + where + "”，本单位有 " + named.size() + " 个名为“" + m.senderName() + "”的组织（"
                + String.join("；", named.stream().map(o -> "#" + o.id() + " " + orgs.pathOf(o.id())).toList())
                + "）。请指定它对应哪一个（命令行用 --as #编号），以后会记住。未导入任何数据。");
    }

    private static boolean edited(DSLContext ctx, Ident i) {
        return i.localHash() != null && !i.localHash().equals(Records.localHash(ctx, i.kind(), i.localId()));
    }

    static boolean exists(DSLContext ctx, Kind k, int id) {
        return switch (k) {
            case ORG -> ctx.fetchExists(ORG, ORG.ID.eq(id));
            case PERSON -> ctx.fetchExists(PERSON, PERSON.ID.eq(id));
            case MEMBERSHIP -> ctx.fetchExists(MEMBERSHIP, MEMBERSHIP.ID.eq(id));
            case ACTIVITY -> ctx.fetchExists(ACTIVITY, ACTIVITY.ID.eq(id));
            case HONOR -> ctx.fetchExists(HONOR, HONOR.ID.eq(id));
            case PLAN -> ctx.fetchExists(PLAN, PLAN.ID.eq(id));
        };
    }

    /** Whether a record brought by an earlier package lies in this package's scope (undated kinds always do). */
    private static boolean inPeriod(DSLContext ctx, Kind k, int id, Manifest m) {
        return switch (k) {
            case ACTIVITY -> ctx.fetchExists(ACTIVITY, ACTIVITY.ID.eq(id).and(ACTIVITY.START_DATE.between(m.from(), m.to())));
            case HONOR -> ctx.fetchExists(HONOR, HONOR.ID.eq(id).and(HONOR.HONOR_DATE.between(m.from(), m.to())));
            case PLAN -> ctx.fetchExists(PLAN, PLAN.ID.eq(id).and(PLAN.PERIOD_FROM.le(m.to())).and(PLAN.PERIOD_TO.ge(m.from())));
            default -> true;
        };
    }

    private Integer naturalMatch(DSLContext ctx, Kind k, Map<String, Object> r, Map<String, Integer> orgLocal, boolean fullId) {
        switch (k) {
            case ORG -> {
                Integer parent = orgLocal.get((String) r.get("parent"));
                if (parent == null) {
                    return null;
                }
                Integer id = ctx.select(ORG.ID).from(ORG).where(ORG.PARENT_ID.eq(parent).and(ORG.NAME.eq((String) r.get("name"))))
                        .limit(1).fetchOne(ORG.ID);
                return id == null || Identities.byLocal(ctx, Kind.ORG, id).map(i -> i.senderUid() != null).orElse(false) ? null : id;
            }
            case PERSON -> {
                String idNumber = fullIdNumber(r, fullId);
                return idNumber == null ? null : ctx.select(PERSON.ID).from(PERSON).where(PERSON.ID_NUMBER.eq(idNumber)).fetchOne(PERSON.ID);
            }
            case ACTIVITY -> {
                Integer org = orgLocal.get((String) r.get("org"));
                if (org == null) {
                    return null;
                }
                Integer id = activities.findDuplicate(org, date(r, "start_date"), (String) r.get("name"), null).orElse(null);
                return id == null || Identities.byLocal(ctx, Kind.ACTIVITY, id).isPresent() ? null : id;
            }
            default -> {
                return null;
            }
        }
    }

    private static String fullIdNumber(Map<String, Object> r, boolean fullId) {
        Object v = r.get("id_number");
        return fullId && v instanceof String s && !s.contains("*") ? s : null;
    }

    // ------------------------------------------------------------------ labels

    private static String label(Kind k, Map<String, Object> r, Map<Kind, Map<String, Map<String, Object>>> byUid) {
        return switch (k) {
            case ORG -> str(r.get("name"));
            case PERSON -> str(r.get("name")) + (r.get("id_number") == null ? "" : "（" + org.taizhang.person.IdNumber.mask(str(r.get("id_number"))) + "）");
            case MEMBERSHIP -> name(byUid.get(Kind.PERSON).get(r.get("person"))) + " · " + name(byUid.get(Kind.ORG).get(r.get("org")))
                    + " · " + str(r.get("role"));
            case ACTIVITY -> str(r.get("start_date")) + " " + str(r.get("name")) + "（" + name(byUid.get(Kind.ORG).get(r.get("org"))) + "）";
            case HONOR -> str(r.get("date")) + " " + str(r.get("title"));
            case PLAN -> str(r.get("title"));
        };
    }

    private static String name(Map<String, Object> r) {
        return r == null ? "?" : str(r.get("name"));
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String localLabel(DSLContext ctx, Kind k, int id) {
        Map<String, Object> r = Records.read(ctx, k, List.of(id), Records.LOCAL, false).get(id);
        if (r == null) {
            return "#" + id;
        }
        return switch (k) {
            case MEMBERSHIP -> ctx.select(PERSON.NAME).from(PERSON).where(PERSON.ID.eq((Integer) r.get("person"))).fetchOne(PERSON.NAME)
                    + " · " + ctx.select(ORG.NAME).from(ORG).where(ORG.ID.eq((Integer) r.get("org"))).fetchOne(ORG.NAME) + " · " + str(r.get("role"));
            case ACTIVITY -> str(r.get("start_date")) + " " + str(r.get("name")) + "（"
                    + ctx.select(ORG.NAME).from(ORG).where(ORG.ID.eq((Integer) r.get("org"))).fetchOne(ORG.NAME) + "）";
            default -> label(k, r, Map.of(Kind.PERSON, Map.of(), Kind.ORG, Map.of()));
        };
    }

    // ------------------------------------------------------------------ writing

    private ImportResult write(DSLContext ctx, Plan plan, Path backup) {
        ImportPreview p = plan.preview();
        Manifest m = p.manifest();
        Map<Kind, Map<String, Integer>> local = new HashMap<>();
        for (Kind k : Kind.values()) {
            local.put(k, new HashMap<>());
        }
        for (Item i : p.items()) {
            if (i.localId() != null && i.op() != Op.REMOVE) {
                local.get(i.kind()).put(i.uid(), i.localId());
            }
        }
        int added = 0;
        int changed = 0;
        int removed = 0;
        List<String> kept = new ArrayList<>(conflicts(p));
        List<Item> written = new ArrayList<>();
        for (Item i : p.items()) {
            if (i.op() != Op.ADD && i.op() != Op.CHANGE) {
                continue;
            }
            Map<String, Object> r = plan.byKey().get(i.kind().code + ":" + i.uid());
            boolean isRoot = i.kind() == Kind.ORG && i.uid().equals(m.senderUid());
            int id = writeOne(ctx, i.kind(), r, i.op() == Op.ADD ? null : i.localId(), local, isRoot, m.fullId());
            local.get(i.kind()).put(i.uid(), id);
            written.add(new Item(i.kind(), i.op(), i.uid(), id, i.label(), i.reason()));
            if (i.op() == Op.ADD) {
                added++;
            } else {
                changed++;
            }
        }
        List<Item> removals = new ArrayList<>(p.of(Op.REMOVE));
        Collections.reverse(removals); // plans, honours, activities, memberships, people, then organisations (children first)
        removals.sort((a, b) -> b.kind().ordinal() - a.kind().ordinal());
        for (Item i : removals) {
            try {
                removeOne(i.kind(), i.localId());
                Identities.remove(ctx, i.kind(), i.localId());
                removed++;
            } catch (ValidationException e) {
                kept.add(i.kind().label + "“" + i.label() + "”未删除：" + e.getMessage());
            }
        }
        int attachments = writeAttachments(ctx, plan.pkg(), local, p.fileName());
        for (Item i : written) {
            String pkgHash = PackageFormat.hash(plan.byKey().get(i.kind().code + ":" + i.uid()));
            Identities.put(ctx, new Ident(i.kind(), i.localId(), i.uid(), m.senderUid(), m.packageId(), null, pkgHash,
                    Records.localHash(ctx, i.kind(), i.localId())));
        }
        if (Identities.byUid(ctx, Kind.ORG, m.senderUid()).isEmpty()) {
            // remember which organisation stands for the sender, even when its fields did not change
            Identities.put(ctx, new Ident(Kind.ORG, p.rootOrgId(), m.senderUid(), m.senderUid(), m.packageId(), null, null,
                    Records.localHash(ctx, Kind.ORG, p.rootOrgId())));
        }
        ctx.insertInto(PACKAGE_LOG).set(PACKAGE_LOG.PACKAGE_ID, m.packageId()).set(PACKAGE_LOG.SENDER_UID, m.senderUid())
                .set(PACKAGE_LOG.SENDER_NAME, m.senderName()).set(PACKAGE_LOG.ORG_ID, p.rootOrgId())
                .set(PACKAGE_LOG.PERIOD_FROM, m.from()).set(PACKAGE_LOG.PERIOD_TO, m.to())
                .set(PACKAGE_LOG.CREATED_AT, m.createdAt().toString()).set(PACKAGE_LOG.IMPORTED_AT, Timestamps.now())
                .set(PACKAGE_LOG.FILE_NAME, p.fileName()).set(PACKAGE_LOG.FORMAT_VERSION, m.formatVersion())
                .set(PACKAGE_LOG.TOTALS, PackageFormat.line(new LinkedHashMap<>(m.totals())))
                .set(PACKAGE_LOG.ADDED, added).set(PACKAGE_LOG.CHANGED, changed).set(PACKAGE_LOG.REMOVED, removed)
                .set(PACKAGE_LOG.CONFLICTS, (int) p.count(Op.CONFLICT)).execute();
        return new ImportResult(p, backup, added, changed, removed, attachments, List.copyOf(kept));
    }

    private int writeOne(DSLContext ctx, Kind k, Map<String, Object> r, Integer id, Map<Kind, Map<String, Integer>> local,
                         boolean isRoot, boolean fullId) {
        switch (k) {
            case ORG -> {
                int type = orgType(str(r.get("type")));
                String name = str(r.get("name"));
                Integer parent = isRoot ? null : ref(local, Kind.ORG, r.get("parent"));
                if (isRoot) {
                    Org here = orgs.get(id).orElseThrow();
                    name = here.name(); // the receiver's own name and place for the sender's root
                    parent = here.parentId();
                }
                String phone = (String) r.get("contact_phone");
                if (phone != null && phone.contains("*")) {
                    // a masked number does not replace the one this office has on file
                    phone = id == null ? null : orgs.get(id).map(Org::contactPhone).orElse(null);
                }
                OrgInput in = new OrgInput(name, type, parent, date(r, "founded_on"), integer(r, "term_years"),
                        date(r, "last_election_on"), (String) r.get("contact_person"), phone, (String) r.get("note"));
                if (id == null) {
                    return orgs.add(in);
                }
                orgs.update(id, in);
                return id;
            }
            case PERSON -> {
                String phone = r.get("phone") instanceof String s && !s.contains("*") ? s
                        : id == null ? null : ctx.select(PERSON.PHONE).from(PERSON).where(PERSON.ID.eq(id)).fetchOne(PERSON.PHONE);
                PersonInput in = new PersonInput(str(r.get("name")), fullIdNumber(r, fullId), (String) r.get("gender"),
                        date(r, "birth_date"), phone, (String) r.get("political_status"), (String) r.get("note"));
                if (id != null) {
                    if (in.idNumber() == null) {
                        // a masked package does not take away an ID number this office has on file
                        String own = ctx.select(PERSON.ID_NUMBER).from(PERSON).where(PERSON.ID.eq(id)).fetchOne(PERSON.ID_NUMBER);
                        in = new PersonInput(in.name(), own, own == null ? in.gender() : null, own == null ? in.birthDate() : null,
                                in.phone(), in.politicalStatus(), in.note());
                    }
                    people.update(id, in);
                    return id;
                }
                return people.insert(ctx, in);
            }
            case MEMBERSHIP -> {
                return PersonService.putMembership(ctx, id, ref(local, Kind.PERSON, r.get("person")),
                        new MembershipInput(ref(local, Kind.ORG, r.get("org")), (String) r.get("role"), date(r, "joined_on")),
                        date(r, "left_on"), (String) r.get("note"));
            }
            case ACTIVITY -> {
                List<Integer> co = new ArrayList<>();
                if (r.get("co_orgs") instanceof List<?> l) {
                    l.forEach(u -> co.add(ref(local, Kind.ORG, u)));
                }
                ActivityInput in = new ActivityInput(date(r, "start_date"), date(r, "end_date"), str(r.get("name")),
                        ref(local, Kind.ORG, r.get("org")), co, category(str(r.get("category"))), integer(r, "participants"),
                        integer(r, "service_tenths"), integer(r, "beneficiaries"), (String) r.get("place"),
                        (String) r.get("description"), Boolean.TRUE.equals(r.get("highlight")), Boolean.TRUE.equals(r.get("planned")));
                if (id == null) {
                    return activities.insert(ctx, in, true);
                }
                activities.update(id, in, true);
                return id;
            }
            case HONOR -> {
                Integer person = r.get("person") == null ? null : ref(local, Kind.PERSON, r.get("person"));
                HonorInput in = new HonorInput(date(r, "date"), str(r.get("title")), str(r.get("level")), str(r.get("kind")),
                        ref(local, Kind.ORG, r.get("org")), person, (String) r.get("issuer"), (String) r.get("note"));
                if (id == null) {
                    return honors.insert(ctx, in);
                }
                honors.update(id, in);
                return id;
            }
            case PLAN -> {
                PlanInput in = new PlanInput(ref(local, Kind.ORG, r.get("org")), str(r.get("title")), date(r, "period_from"),
                        date(r, "period_to"), (String) r.get("period_label"));
                int planId;
                if (id == null) {
                    planId = plans.create(in);
                } else {
                    plans.updateHeader(id, in);
                    planId = id;
                }
                PlanOutline outline = new PlanOutline();
                if (r.get("items") instanceof List<?> items) {
                    addItems(outline, null, items, local);
                }
                plans.save(planId, outline);
                return planId;
            }
            default -> throw new IllegalStateException(k.toString());
        }
    }

    private void addItems(PlanOutline outline, PlanNode parent, List<?> items, Map<Kind, Map<String, Integer>> local) {
        for (Object o : items) {
            if (!(o instanceof Map<?, ?> raw)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> i = (Map<String, Object>) raw;
            String metricCode = (String) i.get("target_metric");
            TargetMetric metric = metricCode == null ? null : TargetMetric.of(metricCode);
            String cat = (String) i.get("target_category");
            ItemFields f = new ItemFields((String) i.get("lead"), (String) i.get("body"),
                    i.get("owner_org") == null ? null : local.get(Kind.ORG).get((String) i.get("owner_org")), date(i, "due_date"),
                    i.get("status") == null ? PlanStatus.NOT_STARTED : PlanStatus.of((String) i.get("status")), metric,
                    cat == null ? null : category(cat), integer(i, "target_value"), Boolean.TRUE.equals(i.get("carried_over")));
            PlanNode n = parent == null ? outline.addSection(f) : outline.addChild(parent.key(), f);
            if (i.get("children") instanceof List<?> children) {
                addItems(outline, n, children, local);
            }
        }
    }

    private void removeOne(Kind k, int id) {
        switch (k) {
            case ORG -> orgs.remove(id);
            case PERSON -> people.removePerson(id);
            case MEMBERSHIP -> db.txRun(ctx -> {
                MembershipRecord rec = ctx.fetchOne(MEMBERSHIP, MEMBERSHIP.ID.eq(id));
                if (rec != null) {
                    rec.delete();
                    ChangeLog.delete(ctx, "membership", id, rec);
                }
            });
            case ACTIVITY -> activities.remove(id);
            case HONOR -> honors.remove(List.of(id));
            case PLAN -> plans.delete(id);
            default -> throw new IllegalStateException(k.toString());
        }
    }

    private int orgType(String name) {
        for (OrgType t : orgs.types()) {
            if (t.name().equals(name)) {
                return t.id();
            }
        }
        return orgs.addType(name, 5).id();
    }

    private int category(String name) {
        try {
            Category c = activities.categoryByNameAny(name);
            return c.id();
        } catch (ValidationException e) {
            return activities.addCategory(name).id();
        }
    }

    private static Integer ref(Map<Kind, Map<String, Integer>> local, Kind k, Object uid) {
        Integer id = local.get(k).get((String) uid);
        if (id == null) {
            throw new UserException("数据包中的记录引用了未能导入的" + k.label + "（" + uid + "），未导入任何数据。");
        }
        return id;
    }

    private static LocalDate date(Map<String, Object> r, String key) {
        Object v = r.get(key);
        try {
            return v == null ? null : LocalDate.parse(v.toString());
        } catch (java.time.format.DateTimeParseException e) {
            throw new PackageRefusedException("数据包中的日期“" + v + "”无效（" + key + "），未导入任何数据。");
        }
    }

    private static Integer integer(Map<String, Object> r, String key) {
        return r.get(key) instanceof Number n ? n.intValue() : null;
    }
}
