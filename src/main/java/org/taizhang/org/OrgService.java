package org.taizhang.org;

import static org.taizhang.db.jooq.Tables.ACTIVITY;
import static org.taizhang.db.jooq.Tables.ACTIVITY_COORG;
import static org.taizhang.db.jooq.Tables.HONOR;
import static org.taizhang.db.jooq.Tables.MEMBERSHIP;
import static org.taizhang.db.jooq.Tables.ORG;
import static org.taizhang.db.jooq.Tables.ORG_TYPE;
import static org.taizhang.db.jooq.Tables.PLAN;
import static org.taizhang.db.jooq.Tables.SUMMARY;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.taizhang.common.Texts;
import org.taizhang.common.UserException;
import org.taizhang.common.ValidationException;
import org.taizhang.common.Validator;
import org.taizhang.db.ChangeLog;
import org.taizhang.db.Database;
import org.taizhang.db.Timestamps;
import org.taizhang.db.jooq.tables.records.OrgRecord;
import org.taizhang.common.Phones;

/** The organisation tree: list, add, edit, move, remove. Every write is one transaction. */
public final class OrgService {
    public static final String F_NAME = "组织名称";
    public static final String F_TYPE = "组织类型";
    public static final String F_PARENT = "上级组织";
    public static final String F_FOUNDED = "成立日期";
    public static final String F_TERM = "每届任期";
    public static final String F_ELECTION = "上次换届";
    public static final String F_CONTACT = "联系人";
    public static final String F_PHONE = "联系电话";
    public static final String F_NOTE = "备注";

    private final Database db;
    private final Clock clock;

    public OrgService(Database db) {
        this(db, Clock.systemDefaultZone());
    }

    public OrgService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<OrgType> types() {
        return db.read(OrgService::types);
    }

    public OrgType typeByName(String name) {
        String n = Texts.clean(name);
        return types().stream().filter(t -> t.name().equals(n)).findFirst()
                .orElseThrow(() -> new ValidationException(F_TYPE, "没有“" + n + "”这种组织类型，可选：" + typeNames()));
    }

    /** Adds a new organisation type (the list is extensible); returns it. */
    public OrgType addType(String name, int defaultTermYears) {
        return db.tx(ctx -> insertType(ctx, name, defaultTermYears));
    }

    /** Adds a new organisation type with the term {@link #inferTermYears} gives its name. */
    public OrgType addType(String name) {
        return db.tx(ctx -> insertType(ctx, name, inferTermYears(name, types(ctx))));
    }

    /** The one insert of an organisation type (form, CLI and import), inside the caller's transaction. */
    public static OrgType insertType(DSLContext ctx, String name, int defaultTermYears) {
        Validator v = new Validator();
        String n = v.requiredText(name, F_TYPE, 20);
        v.check(defaultTermYears >= 1 && defaultTermYears <= 10, F_TERM, "每届任期应在1到10年之间");
        v.throwIfAny();
        if (ctx.fetchExists(ORG_TYPE, ORG_TYPE.NAME.eq(n))) {
            throw new ValidationException(F_TYPE, "组织类型“" + n + "”已存在");
        }
        var rec = ctx.newRecord(ORG_TYPE);
        rec.setName(n);
        rec.setDefaultTermYears(defaultTermYears);
        rec.setSortOrder(50);
        rec.store();
        ChangeLog.insert(ctx, "org_type", rec.getId(), rec);
        return new OrgType(rec.getId(), n, defaultTermYears);
    }

    public static List<OrgType> types(DSLContext ctx) {
        return ctx.selectFrom(ORG_TYPE).orderBy(ORG_TYPE.SORT_ORDER, ORG_TYPE.ID)
                .fetch(r -> new OrgType(r.getId(), r.getName(), r.getDefaultTermYears()));
    }

    /**
     * The type an organisation's name says it is: the known type whose name ends the organisation's name, the
     * longest such (园岭街道总工会 → 工会, 南园社区团委 → 团委); "其他" is never guessed. Null when none.
     */
    public static OrgType typeForName(String orgName, List<OrgType> types) {
        if (orgName == null) {
            return null;
        }
        return types.stream().filter(t -> !t.name().equals(OTHER_TYPE) && orgName.endsWith(t.name()))
                .max(java.util.Comparator.comparingInt(t -> t.name().length())).orElse(null);
    }

    public static final String OTHER_TYPE = "其他";

    /**
     * The default term of a new type, inferred from its name — the one rule for the form, the CLI and imports:
     * the term of the known type its name ends with ({@link #typeForName}: 总工会, 机关工会 → 工会's 5 years);
     * else of the known type it spells out in full (妇女委员会 → 妇委会: same first and last character, the
     * shorter one's characters in order); else by family: 团 (支部/总支 → 团支部's term, others 团委's), 妇
     * (…委… → 妇委会's, others 妇联's), 工 → 工会's, 女 → 妇委会's, 青 → 青联's; otherwise 5 years.
     */
    public static int inferTermYears(String typeName, List<OrgType> types) {
        String n = Texts.clean(typeName);
        if (n == null || n.isEmpty()) {
            return 5;
        }
        OrgType bySuffix = typeForName(n, types);
        if (bySuffix != null) {
            return bySuffix.defaultTermYears();
        }
        OrgType spelled = types.stream().filter(t -> !t.name().equals(OTHER_TYPE) && spellsOut(n, t.name()))
                .max(java.util.Comparator.comparingInt(t -> t.name().length())).orElse(null);
        if (spelled != null) {
            return spelled.defaultTermYears();
        }
        java.util.function.ToIntFunction<String> termOf = name -> types.stream().filter(t -> t.name().equals(name))
                .mapToInt(OrgType::defaultTermYears).findFirst().orElse(5);
        if (n.contains("团")) {
            return n.contains("支") ? termOf.applyAsInt("团支部") : termOf.applyAsInt("团委");
        }
        if (n.contains("妇")) {
            return n.contains("委") ? termOf.applyAsInt("妇委会") : termOf.applyAsInt("妇联");
        }
        if (n.contains("工")) {
            return termOf.applyAsInt("工会");
        }
        if (n.contains("女")) {
            return termOf.applyAsInt("妇委会");
        }
        if (n.contains("青")) {
            return termOf.applyAsInt("青联");
        }
        return 5;
    }

    /** Whether {@code longer} spells out {@code shorter}: same first and last character, every character in order. */
    public static boolean spellsOut(String longer, String shorter) {
        if (longer.length() <= shorter.length() || shorter.length() < 2 || longer.charAt(0) != shorter.charAt(0)
                || longer.charAt(longer.length() - 1) != shorter.charAt(shorter.length() - 1)) {
            return false;
        }
        int i = 0;
        for (int k = 0; k < longer.length() && i < shorter.length(); k++) {
            if (longer.charAt(k) == shorter.charAt(i)) {
                i++;
            }
        }
        return i == shorter.length();
    }

    private String typeNames() {
        return String.join("、", types().stream().map(OrgType::name).toList());
    }

    /** Every organisation, ordered for display (parents are not guaranteed before children). */
    public List<Org> listAll() {
        return db.read(ctx -> selectOrgs(ctx).orderBy(ORG.SORT_ORDER, ORG.ID).fetch(OrgService::toOrg));
    }

    public Optional<Org> get(int id) {
        return db.read(ctx -> selectOrgs(ctx).where(ORG.ID.eq(id)).fetchOptional(OrgService::toOrg));
    }

    /** Finds by exact name; when several organisations share the name, the caller must disambiguate. */
    public List<Org> findByName(String name) {
        String n = Texts.clean(name);
        return db.read(ctx -> selectOrgs(ctx).where(ORG.NAME.eq(n)).orderBy(ORG.ID).fetch(OrgService::toOrg));
    }

    /** Exactly one organisation by name or numeric id ("#12" or "12"), with a Chinese reason otherwise. */
    public Org resolve(String nameOrId) {
        String s = Texts.clean(nameOrId);
        if (s == null || s.isEmpty()) {
            throw new ValidationException(F_NAME, "请填写组织名称");
        }
        String digits = s.startsWith("#") ? s.substring(1) : s;
        if (digits.chars().allMatch(Character::isDigit) && !digits.isEmpty()) {
            Optional<Org> byId = get(Integer.parseInt(digits));
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        List<Org> found = findByName(s);
        if (found.isEmpty()) {
            throw new ValidationException(F_NAME, "找不到名为“" + s + "”的组织");
        }
        if (found.size() > 1) {
            throw new ValidationException(F_NAME, "有 " + found.size() + " 个组织都叫“" + s + "”，请用编号指定："
                    + String.join("、", found.stream().map(o -> "#" + o.id() + pathOf(o.id())).toList()));
        }
        return found.getFirst();
    }

    /** "示范区群团工作部 / 区总工会 / …" */
    public String pathOf(int id) {
        Map<Integer, Org> all = new java.util.HashMap<>();
        for (Org o : listAll()) {
            all.put(o.id(), o);
        }
        List<String> names = new ArrayList<>();
        Integer cur = id;
        while (cur != null && all.containsKey(cur) && names.size() < 64) {
            names.addFirst(all.get(cur).name());
            cur = all.get(cur).parentId();
        }
        return String.join(" / ", names);
    }

    private org.jooq.SelectOnConditionStep<Record> selectOrgs(DSLContext ctx) {
        Field<Integer> members = DSL.field(DSL.name("m", "cnt"), Integer.class);
        var counts = DSL.select(MEMBERSHIP.ORG_ID, DSL.count().as("cnt")).from(MEMBERSHIP)
                .where(MEMBERSHIP.LEFT_ON.isNull()).groupBy(MEMBERSHIP.ORG_ID).asTable("m");
        return ctx.select(ORG.asterisk(), ORG_TYPE.NAME, ORG_TYPE.DEFAULT_TERM_YEARS, members)
                .from(ORG).join(ORG_TYPE).on(ORG_TYPE.ID.eq(ORG.TYPE_ID))
                .leftJoin(counts).on(counts.field(MEMBERSHIP.ORG_ID).eq(ORG.ID));
    }

    private static Org toOrg(Record r) {
        Integer own = r.get(ORG.TERM_YEARS);
        Integer cnt = r.get(DSL.field(DSL.name("cnt"), Integer.class));
        return new Org(r.get(ORG.ID), r.get(ORG.PARENT_ID), r.get(ORG.NAME), r.get(ORG.TYPE_ID), r.get(ORG_TYPE.NAME),
                r.get(ORG.FOUNDED_ON), own, own != null ? own : r.get(ORG_TYPE.DEFAULT_TERM_YEARS),
                r.get(ORG.LAST_ELECTION_ON), r.get(ORG.CONTACT_PERSON), r.get(ORG.CONTACT_PHONE), r.get(ORG.NOTE),
                cnt == null ? 0 : cnt);
    }

    public int add(OrgInput in) {
        return db.tx(ctx -> insert(ctx, in));
    }

    /** The one insert of an organisation (form, CLI, import), with every check, inside the caller's transaction. */
    public int insert(DSLContext ctx, OrgInput in) {
        {
            OrgInput clean = validate(ctx, in, null);
            OrgRecord rec = ctx.newRecord(ORG);
            fill(rec, clean);
            Integer maxSort = ctx.select(DSL.max(ORG.SORT_ORDER)).from(ORG)
                    .where(clean.parentId() == null ? ORG.PARENT_ID.isNull() : ORG.PARENT_ID.eq(clean.parentId()))
                    .fetchOne(0, Integer.class);
            rec.setSortOrder(maxSort == null ? 1 : maxSort + 1);
            rec.store();
            ChangeLog.insert(ctx, "org", rec.getId(), rec);
            return rec.getId();
        }
    }

    public void update(int id, OrgInput in) {
        db.txRun(ctx -> update(ctx, id, in));
    }

    /** The one update of an organisation, with every check and the change log, inside the caller's transaction. */
    public void update(DSLContext ctx, int id, OrgInput in) {
        {
            OrgRecord rec = ctx.selectFrom(ORG).where(ORG.ID.eq(id)).fetchOne();
            if (rec == null) {
                throw new ValidationException(F_NAME, "该组织已不存在（编号 " + id + "），可能已被删除");
            }
            OrgInput clean = validate(ctx, in, id);
            OrgRecord before = rec.copy();
            fill(rec, clean);
            if (ChangeLog.differs(before, rec)) {
                rec.setUpdatedAt(Timestamps.now());
                rec.update();
                ChangeLog.update(ctx, "org", id, before, rec);
            }
        }
    }

    /** Moves {@code id} under {@code newParent} (null = top level); refuses moving a node into its own subtree. */
    public void move(int id, Integer newParent) {
        Org org = get(id).orElseThrow(() -> new ValidationException(F_NAME, "该组织已不存在（编号 " + id + "）"));
        update(id, OrgInput.of(org).withParent(newParent));
    }

    /** Deletes an organisation that has nothing recorded under it; otherwise says what is still there. */
    public void remove(int id) {
        db.txRun(ctx -> {
            OrgRecord rec = ctx.selectFrom(ORG).where(ORG.ID.eq(id)).fetchOne();
            if (rec == null) {
                throw new UserException("该组织已不存在，可能已被删除，请刷新");
            }
            String why = whyNotRemovable(ctx, rec);
            if (why != null) {
                throw new UserException(why);
            }
            rec.delete();
            ChangeLog.delete(ctx, "org", id, rec);
        });
    }

    /**
     * Why organisation {@code id} cannot be deleted — "“新区总工会”下还有 3 个下级组织、1 名成员、20 场活动、2 项荣誉，
     * 不能删除。…" — or null when it can (or is gone). Asked before the clerk is asked to confirm a delete.
     */
    public String whyNotRemovable(int id) {
        return db.read(ctx -> {
            OrgRecord rec = ctx.selectFrom(ORG).where(ORG.ID.eq(id)).fetchOne();
            return rec == null ? null : whyNotRemovable(ctx, rec);
        });
    }

    private static String whyNotRemovable(DSLContext ctx, OrgRecord rec) {
        int id = rec.getId();
        List<String> still = new ArrayList<>();
        countIf(still, ctx.fetchCount(ORG, ORG.PARENT_ID.eq(id)), "个下级组织");
        countIf(still, ctx.fetchCount(ctx.selectDistinct(MEMBERSHIP.PERSON_ID).from(MEMBERSHIP).where(MEMBERSHIP.ORG_ID.eq(id))),
                "名成员（含已离开的）");
        countIf(still, ctx.fetchCount(ACTIVITY, ACTIVITY.ORG_ID.eq(id)), "场活动");
        countIf(still, ctx.fetchCount(ACTIVITY_COORG, ACTIVITY_COORG.ORG_ID.eq(id)), "场协办的活动");
        countIf(still, ctx.fetchCount(HONOR, HONOR.ORG_ID.eq(id)), "项荣誉");
        countIf(still, ctx.fetchCount(PLAN, PLAN.ORG_ID.eq(id)), "份工作计划");
        countIf(still, ctx.fetchCount(SUMMARY, SUMMARY.ORG_ID.eq(id)), "份工作总结");
        return still.isEmpty() ? null : "“" + rec.getName() + "”下还有 " + String.join("、", still)
                + "，不能删除。请先把它们移走或删除，再删除这个组织。";
    }

    private static void countIf(List<String> out, int n, String what) {
        if (n > 0) {
            out.add(n + " " + what);
        }
    }

    private OrgInput validate(DSLContext ctx, OrgInput in, Integer selfId) {
        Validator v = new Validator();
        OrgInput fields = validateFields(v, in);
        String name = fields.name();
        boolean typeOk = ctx.fetchExists(ORG_TYPE, ORG_TYPE.ID.eq(in.typeId()));
        v.check(typeOk, F_TYPE, "请选择组织类型");
        if (in.parentId() != null) {
            if (!ctx.fetchExists(ORG, ORG.ID.eq(in.parentId()))) {
                v.error(F_PARENT, "上级组织不存在（编号 " + in.parentId() + "）");
            } else if (selfId != null && ctx.fetchExists(Subtree.ids(selfId).asTable("s"),
                    DSL.field(DSL.name("s", "id"), Integer.class).eq(in.parentId()))) {
                v.error(F_PARENT, Objects.equals(selfId, in.parentId()) ? "不能把组织设为自己的上级"
                        : "不能移动到自己的下级组织之下（会形成循环）");
            }
        }
        if (name != null && v.ok()) {
            var sameName = ORG.NAME.eq(name).and(in.parentId() == null ? ORG.PARENT_ID.isNull() : ORG.PARENT_ID.eq(in.parentId()));
            if (selfId != null) {
                sameName = sameName.and(ORG.ID.ne(selfId));
            }
            v.check(!ctx.fetchExists(ORG, sameName), F_NAME, "同一上级下已有名为“" + name + "”的组织");
        }
        v.throwIfAny();
        return fields;
    }

    /**
     * The checks an organisation's own fields need, without the database (name, dates, term, contact, phone,
     * note); errors go into {@code v} under the F_ labels. Returns the cleaned input (type and parent as given).
     */
    public OrgInput validateFields(Validator v, OrgInput in) {
        LocalDate today = LocalDate.now(clock);
        String name = checkName(v, in.name());
        if (in.foundedOn() != null) {
            v.check(!in.foundedOn().isAfter(today), F_FOUNDED, "成立日期不能晚于今天");
            v.check(in.foundedOn().getYear() >= 1900, F_FOUNDED, "成立日期不合理");
        }
        if (in.lastElectionOn() != null) {
            v.check(!in.lastElectionOn().isAfter(today), F_ELECTION, "上次换届日期不能晚于今天");
            v.check(in.foundedOn() == null || !in.lastElectionOn().isBefore(in.foundedOn()), F_ELECTION,
                    "上次换届日期不能早于成立日期");
        }
        if (in.termYears() != null) {
            v.check(in.termYears() >= 1 && in.termYears() <= 10, F_TERM, "每届任期应在1到10年之间");
        }
        String contact = v.optionalText(in.contactPerson(), F_CONTACT, 30);
        String phone = null;
        try {
            phone = Phones.normalise(in.contactPhone());
        } catch (UserException e) {
            v.error(F_PHONE, e.getMessage());
        }
        String note = v.optionalText(in.note(), F_NOTE, 500);
        return new OrgInput(name, in.typeId(), in.parentId(), in.foundedOn(), in.termYears(), in.lastElectionOn(),
                contact, phone, note);
    }

    /**
     * The one rule for an organisation's name (form, CLI and import): required, at most 60 characters, and without
     * “/”, “＞” or “>”, which separate the levels of a path (区总工会 / 园岭街道总工会) in exports and imports — a name
     * holding one could not be told from a path when the export is imported back.
     */
    public static String checkName(Validator v, String raw) {
        String name = v.requiredText(raw, F_NAME, 60);
        if (name != null) {
            for (String sep : PATH_SEPARATORS) {
                if (name.contains(sep)) {
                    v.error(F_NAME, "组织名称不能含有“" + sep + "”（它用来分隔上下级路径，如 区总工会 / 园岭街道总工会）；"
                            + "请改用“、”或“-”，如 " + name.replace(sep, "、").replaceAll("\\s*、\\s*", "、"));
                    break;
                }
            }
        }
        return name;
    }

    /** What separates the levels of an organisation path. */
    public static final List<String> PATH_SEPARATORS = List.of("/", "／", ">", "＞", "›");

    private static void fill(OrgRecord rec, OrgInput in) {
        rec.setName(in.name());
        rec.setTypeId(in.typeId());
        rec.setParentId(in.parentId());
        rec.setFoundedOn(in.foundedOn());
        rec.setTermYears(in.termYears());
        rec.setLastElectionOn(in.lastElectionOn());
        rec.setContactPerson(in.contactPerson());
        rec.setContactPhone(in.contactPhone());
        rec.setNote(in.note());
    }

}
