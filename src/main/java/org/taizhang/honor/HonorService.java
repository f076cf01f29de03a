package org.taizhang.honor;

import static org.taizhang.db.jooq.Tables.ATTACHMENT;
import static org.taizhang.db.jooq.Tables.HONOR;
import static org.taizhang.db.jooq.Tables.MEMBERSHIP;
import static org.taizhang.db.jooq.Tables.ORG;
import static org.taizhang.db.jooq.Tables.PERSON;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.taizhang.attachment.AttachmentService;
import org.taizhang.common.Dates;
import org.taizhang.common.Texts;
import org.taizhang.common.FieldError;
import org.taizhang.common.UserException;
import org.taizhang.common.ValidationException;
import org.taizhang.common.Validator;
import org.taizhang.db.ChangeLog;
import org.taizhang.db.Database;
import org.taizhang.db.jooq.tables.records.AttachmentRecord;
import org.taizhang.db.jooq.tables.records.HonorRecord;
import org.taizhang.org.OrgService;
import org.taizhang.org.Subtree;
import org.taizhang.person.IdNumber;

/**
 * Honours (荣誉): add, update, list with filters, count by level × kind, remove. Every write is one
 * transaction and goes to the change log; bad input is rejected with Chinese field labels.
 */
public final class HonorService {
    public static final String F_DATE = "日期";
    public static final String F_TITLE = "荣誉名称";
    public static final String F_LEVEL = "级别";
    public static final String F_KIND = "类型";
    public static final String F_ORG = "获奖组织";
    public static final String F_PERSON = "获奖个人";
    public static final String F_ISSUER = "授予单位";
    public static final String F_NOTE = "备注";

    /** Labels of {@link HonorLevel} and {@link HonorKind}, as the records and the table hold them. */
    public static final List<String> LEVELS = HonorLevel.labels();
    public static final String COLLECTIVE = HonorKind.COLLECTIVE.label;
    public static final String INDIVIDUAL = HonorKind.INDIVIDUAL.label;
    public static final List<String> KINDS = HonorKind.labels();

    private final Database db;
    private final Clock clock;

    public HonorService(Database db) {
        this(db, Clock.systemDefaultZone());
    }

    public HonorService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A level as people write it (全国, 省, 区级, 县级, 街道级 …) → one of {@link #LEVELS}; null if unknown. */
    public static String normaliseLevel(String text) {
        HonorLevel l = HonorLevel.parse(text);
        return l == null ? null : l.label;
    }

    /** A kind as people write it (集体, 团体, 个人 …) → {@link #COLLECTIVE} or {@link #INDIVIDUAL}; null if unknown. */
    public static String normaliseKind(String text) {
        HonorKind k = HonorKind.parse(text);
        return k == null ? null : k.label;
    }

    /** Parses typed text, resolving organisation and person; every problem is reported under its label. */
    public HonorInput parse(HonorText t) {
        Validator v = new Validator();
        LocalDate date = null;
        try {
            date = Dates.parse(t.date());
        } catch (UserException e) {
            v.error(F_DATE, e.getMessage());
        }
        String level = t.level();
        if (!Texts.isBlank(t.level())) {
            String n = normaliseLevel(t.level());
            if (n == null) {
                v.error(F_LEVEL, "“" + Texts.clean(t.level()) + "”不是荣誉级别，可选：" + String.join("、", LEVELS));
            } else {
                level = n;
            }
        }
        String kind = t.kind();
        if (!Texts.isBlank(t.kind())) {
            String n = normaliseKind(t.kind());
            if (n == null) {
                v.error(F_KIND, "“" + Texts.clean(t.kind()) + "”不是荣誉类型，请填 集体 或 个人");
            } else {
                kind = n;
            }
        }
        Integer orgId = null;
        if (!Texts.isBlank(t.org())) {
            try {
                orgId = new OrgService(db).resolve(t.org()).id();
            } catch (ValidationException e) {
                v.error(F_ORG, e.errors().getFirst().message());
            }
        }
        Integer personId = null;
        if (!Texts.isBlank(t.person())) {
            try {
                personId = resolvePerson(t.person(), orgId);
            } catch (ValidationException e) {
                v.error(F_PERSON, e.errors().getFirst().message());
            }
        }
        if (kind == null && Texts.isBlank(t.kind())) {
            kind = personId != null ? INDIVIDUAL : Texts.isBlank(t.person()) ? COLLECTIVE : null;
        }
        if (!v.ok()) {
            // check the rest too, so that every problem is reported in one pass (a bad date does not hide an empty title)
            List<FieldError> found = v.errors();
            try {
                validate(new HonorInput(date, t.title(), level, kind, orgId, personId, t.issuer(), t.note()));
            } catch (ValidationException e) {
                for (FieldError fe : e.errors()) {
                    if (found.stream().noneMatch(f -> f.field().equals(fe.field()))) {
                        v.error(fe.field(), fe.message());
                    }
                }
            }
        }
        v.throwIfAny();
        return new HonorInput(date, t.title(), level, kind, orgId, personId, t.issuer(), t.note());
    }

    /** "#12", an 18-digit ID number, or a name unique among the members of {@code orgId} (or everyone). */
    public Integer resolvePerson(String text, Integer orgId) {
        String s = Texts.clean(text);
        if (s.startsWith("#")) {
            try {
                int id = Integer.parseInt(s.substring(1));
                if (db.read(ctx -> ctx.fetchExists(PERSON, PERSON.ID.eq(id)))) {
                    return id;
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
            throw new ValidationException(F_PERSON, "找不到编号为 " + s + " 的人员");
        }
        String code = Texts.compactCode(s).toUpperCase(Locale.ROOT);
        if (code.matches("\\d{17}[\\dX]")) {
            return db.read(ctx -> ctx.select(PERSON.ID).from(PERSON).where(PERSON.ID_NUMBER.eq(code)).fetchOptional(PERSON.ID))
                    .orElseThrow(() -> new ValidationException(F_PERSON, "找不到身份证号为 " + IdNumber.mask(code) + " 的人员"));
        }
        List<Integer> ids = db.read(ctx -> {
            var q = ctx.selectDistinct(PERSON.ID).from(PERSON);
            if (orgId != null) {
                return q.join(MEMBERSHIP).on(MEMBERSHIP.PERSON_ID.eq(PERSON.ID))
                        .where(PERSON.NAME.eq(s).and(Subtree.contains(MEMBERSHIP.ORG_ID, orgId))).limit(20).fetch(PERSON.ID);
            }
            return q.where(PERSON.NAME.eq(s)).limit(20).fetch(PERSON.ID);
        });
        if (ids.isEmpty()) {
            throw new ValidationException(F_PERSON, "找不到名为“" + s + "”的人员" + (orgId != null ? "（在该组织及其下级中）" : "")
                    + "，请先在组织名册中登记");
        }
        if (ids.size() > 1) {
            List<String> where = db.read(ctx -> ctx.selectDistinct(ORG.NAME).from(MEMBERSHIP).join(ORG).on(ORG.ID.eq(MEMBERSHIP.ORG_ID))
                    .where(MEMBERSHIP.PERSON_ID.in(ids)).limit(10).fetch(ORG.NAME));
            throw new ValidationException(F_PERSON, "有 " + ids.size() + " 人都叫“" + s + "”"
                    + (where.isEmpty() ? "" : "（所在组织：" + String.join("、", where) + "）") + "，请改填其身份证号，或先选获奖组织");
        }
        return ids.getFirst();
    }

    /** Checks without writing; returns the cleaned input (with the organisation filled in for a 个人 honour). */
    public HonorInput validate(HonorInput in) {
        return db.read(ctx -> validate(ctx, in));
    }

    private HonorInput validate(DSLContext ctx, HonorInput in) {
        Validator v = new Validator();
        LocalDate today = LocalDate.now(clock);
        if (in.date() == null) {
            v.error(F_DATE, "不能为空，请填写获得荣誉的日期，如 2024-05-04");
        } else if (in.date().isBefore(LocalDate.of(1950, 1, 1))) {
            v.error(F_DATE, "日期 " + in.date() + " 太早，请检查年份");
        } else if (in.date().isAfter(today)) {
            v.error(F_DATE, "日期 " + in.date() + " 晚于今天；荣誉只能登记已经获得的");
        }
        String title = v.requiredText(in.title(), F_TITLE, 100);
        String level = normaliseLevel(in.level());
        if (Texts.isBlank(in.level())) {
            v.error(F_LEVEL, "请选择级别：" + String.join("、", LEVELS));
        } else if (level == null) {
            v.error(F_LEVEL, "“" + Texts.clean(in.level()) + "”不是荣誉级别，可选：" + String.join("、", LEVELS));
        }
        String kind = normaliseKind(in.kind());
        if (kind == null) {
            v.error(F_KIND, Texts.isBlank(in.kind()) ? "请选择 集体 或 个人" : "“" + Texts.clean(in.kind()) + "”不是荣誉类型，请填 集体 或 个人");
        }
        Integer orgId = in.orgId();
        Integer personId = in.personId();
        if (orgId != null && !ctx.fetchExists(ORG, ORG.ID.eq(orgId))) {
            v.error(F_ORG, "组织不存在（编号 " + orgId + "），可能已被删除");
            orgId = null;
        }
        if (COLLECTIVE.equals(kind)) {
            if (in.orgId() == null) {
                v.error(F_ORG, "集体荣誉请选择获奖组织");
            }
            if (personId != null) {
                v.error(F_PERSON, "集体荣誉不填获奖个人；如果是个人荣誉，请把类型改为“个人”");
            }
        } else if (INDIVIDUAL.equals(kind)) {
            if (personId == null) {
                v.error(F_PERSON, "个人荣誉请选择获奖人（先在组织名册中登记）");
            } else if (!ctx.fetchExists(PERSON, PERSON.ID.eq(personId))) {
                v.error(F_PERSON, "人员不存在（编号 " + personId + "），可能已被删除");
            } else if (orgId == null && in.orgId() == null) {
                Integer pid = personId;
                orgId = ctx.select(MEMBERSHIP.ORG_ID).from(MEMBERSHIP).where(MEMBERSHIP.PERSON_ID.eq(pid))
                        .orderBy(MEMBERSHIP.LEFT_ON.isNull().desc(), MEMBERSHIP.ID).limit(1).fetchOptional(MEMBERSHIP.ORG_ID)
                        .orElse(null);
                if (orgId == null) {
                    v.error(F_ORG, "此人不属于任何组织，请选择获奖时所在的组织");
                }
            } else if (orgId != null && !ctx.fetchExists(MEMBERSHIP, MEMBERSHIP.PERSON_ID.eq(personId)
                    .and(MEMBERSHIP.ORG_ID.eq(orgId)))) {
                v.error(F_PERSON, "此人不是所选组织的成员（获奖组织应为获奖人所在的组织）");
            }
        }
        String issuer = v.optionalText(in.issuer(), F_ISSUER, 100);
        String note = v.optionalText(in.note(), F_NOTE, 500);
        v.throwIfAny();
        return new HonorInput(in.date(), title, level, kind, orgId, COLLECTIVE.equals(kind) ? null : personId, issuer, note);
    }

    public int add(HonorInput input) {
        return db.tx(ctx -> insert(ctx, input));
    }

    /** Inserts inside the caller's transaction (for importers); same validation and change log as {@link #add}. */
    public int insert(DSLContext ctx, HonorInput input) {
        HonorInput in = validate(ctx, input);
        HonorRecord rec = ctx.newRecord(HONOR);
        fill(rec, in);
        rec.store();
        ChangeLog.insert(ctx, "honor", rec.getId(), rec);
        return rec.getId();
    }

    public void update(int id, HonorInput input) {
        db.txRun(ctx -> update(ctx, id, input));
    }

    /** The one update of an honour (form and import), with its checks and change log, in the caller's transaction. */
    public void update(DSLContext ctx, int id, HonorInput input) {
        {
            HonorRecord rec = ctx.selectFrom(HONOR).where(HONOR.ID.eq(id)).fetchOne();
            if (rec == null) {
                throw new ValidationException(F_TITLE, "该荣誉已不存在（编号 " + id + "），可能已被删除");
            }
            HonorInput in = validate(ctx, input);
            HonorRecord before = rec.copy();
            fill(rec, in);
            if (ChangeLog.differs(before, rec)) {
                rec.update();
                ChangeLog.update(ctx, "honor", id, before, rec);
            }
        }
    }

    private static void fill(HonorRecord rec, HonorInput in) {
        rec.setHonorDate(in.date());
        rec.setTitle(in.title());
        rec.setLevel(in.level());
        rec.setKind(in.kind());
        rec.setOrgId(in.orgId());
        rec.setPersonId(in.personId());
        rec.setIssuer(in.issuer());
        rec.setNote(in.note());
    }

    /** Deletes honours (and their certificate attachments) in one transaction; returns how many. */
    public int remove(Collection<Integer> ids) {
        List<Integer> list = List.copyOf(new LinkedHashSet<>(ids));
        if (list.isEmpty()) {
            throw new ValidationException(F_TITLE, "请先选择要删除的荣誉");
        }
        return db.tx(ctx -> {
            List<HonorRecord> recs = ctx.selectFrom(HONOR).where(HONOR.ID.in(list)).fetch();
            if (recs.size() != list.size()) {
                throw new ValidationException(F_TITLE, "有 " + (list.size() - recs.size()) + " 项荣誉已不存在，未做任何删除，请刷新后重试");
            }
            List<AttachmentRecord> att = AttachmentService.recordsOf(ctx, AttachmentService.HONOR, list);
            ctx.deleteFrom(ATTACHMENT).where(ATTACHMENT.OWNER_KIND.eq(AttachmentService.HONOR).and(ATTACHMENT.OWNER_ID.in(list)))
                    .execute();
            ctx.deleteFrom(HONOR).where(HONOR.ID.in(list)).execute();
            for (HonorRecord r : recs) {
                ChangeLog.delete(ctx, "honor", r.getId(), r);
            }
            for (AttachmentRecord a : att) {
                ChangeLog.delete(ctx, "attachment", a.getId(), AttachmentService.withoutContent(a));
            }
            return recs.size();
        });
    }

    /** The SQL condition for a filter (statistics and summaries may reuse it). */
    public static Condition condition(HonorFilter f) {
        Condition c = DSL.trueCondition();
        if (f == null) {
            return c;
        }
        if (f.from() != null) {
            c = c.and(HONOR.HONOR_DATE.ge(f.from()));
        }
        if (f.to() != null) {
            c = c.and(HONOR.HONOR_DATE.le(f.to()));
        }
        if (f.orgRootId() != null) {
            c = c.and(Subtree.contains(HONOR.ORG_ID, f.orgRootId()));
        }
        if (!Texts.isBlank(f.level())) {
            String l = normaliseLevel(f.level());
            c = c.and(HONOR.LEVEL.eq(l == null ? Texts.clean(f.level()) : l));
        }
        if (!Texts.isBlank(f.kind())) {
            String k = normaliseKind(f.kind());
            c = c.and(HONOR.KIND.eq(k == null ? Texts.clean(f.kind()) : k));
        }
        if (f.personId() != null) {
            c = c.and(HONOR.PERSON_ID.eq(f.personId()));
        }
        String q = Texts.cleanOrNull(f.text());
        if (q != null) {
            for (String w : q.split(" ")) {
                c = c.and(HONOR.TITLE.contains(w).or(HONOR.ISSUER.contains(w)).or(HONOR.NOTE.contains(w))
                        .or(HONOR.PERSON_ID.in(DSL.select(PERSON.ID).from(PERSON).where(PERSON.NAME.contains(w)))));
            }
        }
        return c;
    }

    /** Newest first; at most {@code limit} rows from {@code offset}. */
    public List<HonorRow> list(HonorFilter f, int offset, int limit) {
        return rows(condition(f), offset, limit);
    }

    private List<HonorRow> rows(Condition where, int offset, int limit) {
        return db.read(ctx -> {
            List<Record> recs = new ArrayList<>(ctx.select(HONOR.asterisk(), ORG.NAME, PERSON.NAME).from(HONOR)
                    .join(ORG).on(ORG.ID.eq(HONOR.ORG_ID)).leftJoin(PERSON).on(PERSON.ID.eq(HONOR.PERSON_ID))
                    .where(where).orderBy(HONOR.HONOR_DATE.desc(), HONOR.ID.desc())
                    .limit(Math.max(0, limit)).offset(Math.max(0, offset)).fetch());
            List<Integer> ids = recs.stream().map(r -> r.get(HONOR.ID)).toList();
            Map<Integer, Integer> att = new HashMap<>();
            if (!ids.isEmpty()) {
                ctx.select(ATTACHMENT.OWNER_ID, DSL.count()).from(ATTACHMENT)
                        .where(ATTACHMENT.OWNER_KIND.eq(AttachmentService.HONOR).and(ATTACHMENT.OWNER_ID.in(ids)))
                        .groupBy(ATTACHMENT.OWNER_ID).forEach(r -> att.put(r.value1(), r.value2()));
            }
            return recs.stream().map(r -> new HonorRow(r.get(HONOR.ID), r.get(HONOR.HONOR_DATE), r.get(HONOR.TITLE),
                    r.get(HONOR.LEVEL), r.get(HONOR.KIND), r.get(HONOR.ORG_ID), r.get(ORG.NAME), r.get(HONOR.PERSON_ID),
                    r.get(PERSON.NAME), r.get(HONOR.ISSUER), r.get(HONOR.NOTE), att.getOrDefault(r.get(HONOR.ID), 0))).toList();
        });
    }

    public int count(HonorFilter f) {
        return db.read(ctx -> ctx.fetchCount(HONOR, condition(f)));
    }

    public Optional<HonorRow> get(int id) {
        return rows(HONOR.ID.eq(id), 0, 1).stream().findFirst();
    }

    /** Counts by level × kind over the filter, in SQL. */
    public HonorCounts counts(HonorFilter f) {
        HonorCounts out = HonorCounts.empty();
        db.read(ctx -> ctx.select(HONOR.LEVEL, HONOR.KIND, DSL.count()).from(HONOR).where(condition(f))
                .groupBy(HONOR.LEVEL, HONOR.KIND).fetch()).forEach(r -> {
                    int[] c = out.byLevel().get(r.value1());
                    if (c != null) {
                        c[COLLECTIVE.equals(r.value2()) ? 0 : 1] += r.value3();
                    }
                });
        return out;
    }
}
