package org.taizhang.person;

import org.taizhang.common.Phones;

import static org.taizhang.db.jooq.Tables.HONOR;
import static org.taizhang.db.jooq.Tables.MEMBERSHIP;
import static org.taizhang.db.jooq.Tables.ORG;
import static org.taizhang.db.jooq.Tables.PERSON;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.taizhang.common.Texts;
import org.taizhang.common.UserException;
import org.taizhang.common.ValidationException;
import org.taizhang.common.Validator;
import org.taizhang.db.ChangeLog;
import org.taizhang.db.Database;
import org.taizhang.db.Timestamps;
import org.taizhang.db.jooq.tables.records.MembershipRecord;
import org.taizhang.db.jooq.tables.records.PersonRecord;
import org.taizhang.org.Subtree;

/** People and their memberships. Every write is one transaction and is written to the change log. */
public final class PersonService {
    public static final String F_NAME = "姓名";
    public static final String F_ID = "身份证号";
    public static final String F_GENDER = "性别";
    public static final String F_BIRTH = "出生日期";
    public static final String F_PHONE = "联系电话";
    public static final String F_POLITICAL = "政治面貌";
    public static final String F_ORG = "所属组织";
    public static final String F_ROLE = "职务";
    public static final String F_JOINED = "加入日期";
    public static final String F_LEFT = "离开日期";

    public static final List<String> POLITICAL_STATUSES = List.of("中共党员", "中共预备党员", "共青团员", "民主党派", "群众");
    public static final List<String> COMMON_ROLES = List.of("主席", "副主席", "书记", "副书记", "主任", "副主任", "会长",
            "副会长", "秘书长", "委员", "执委", "常委", "组织委员", "宣传委员", "联络员", "会员", "团员", "成员");

    /** One page of a list plus the total number of matching rows. */
    public record Page(List<PersonRow> rows, int total) {
    }

    private final Database db;
    private final Clock clock;

    public PersonService(Database db) {
        this(db, Clock.systemDefaultZone());
    }

    public PersonService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Current members of {@code orgId} (or of its whole subtree), filtered by name, ID number or phone
     * substring; at most {@code limit} rows, ordered by organisation then name.
     */
    public Page listByOrg(Integer orgId, boolean subtree, String query, int limit) {
        String q = Texts.cleanOrNull(query);
        Condition where = MEMBERSHIP.LEFT_ON.isNull();
        if (orgId != null) {
            // with a search, "org_id + 0" keeps SQLite from probing the org index once per organisation in the subtree
            org.jooq.Field<Integer> org = q == null ? MEMBERSHIP.ORG_ID : MEMBERSHIP.ORG_ID.plus(0);
            where = where.and(subtree ? Subtree.contains(org, orgId) : org.eq(orgId));
        }
        // Without a search the membership index drives the query; with one, the people are found first (one pass
        // over the person table) and joined to their memberships by person: CROSS JOIN fixes that order in SQLite.
        org.jooq.Table<?> from;
        if (q == null) {
            from = MEMBERSHIP.join(PERSON).on(PERSON.ID.eq(MEMBERSHIP.PERSON_ID));
        } else {
            String code = Texts.compactCode(q).toUpperCase(java.util.Locale.ROOT);
            where = where.and(PERSON.NAME.contains(q).or(PERSON.ID_NUMBER.contains(code)).or(PERSON.PHONE.contains(code)))
                    .and(PERSON.ID.eq(MEMBERSHIP.PERSON_ID));
            from = PERSON.crossJoin(MEMBERSHIP);
        }
        Condition w = where;
        org.jooq.Table<?> source = from;
        return db.read(ctx -> {
            int total = q == null ? ctx.fetchCount(MEMBERSHIP, w) : ctx.fetchCount(ctx.selectOne().from(source).where(w));
            // ordered like membership_current_idx, so the first page of a large subtree comes without a full sort
            List<PersonRow> rows = ctx.select(PERSON.asterisk(), MEMBERSHIP.ID, MEMBERSHIP.ROLE, MEMBERSHIP.JOINED_ON,
                            MEMBERSHIP.ORG_ID, ORG.NAME)
                    .from(source).join(ORG).on(ORG.ID.eq(MEMBERSHIP.ORG_ID))
                    .where(w).orderBy(MEMBERSHIP.ORG_ID, MEMBERSHIP.PERSON_ID).limit(limit)
                    .fetch(PersonService::toRow);
            return new Page(rows, total);
        });
    }

    private static PersonRow toRow(Record r) {
        return new PersonRow(r.get(PERSON.ID), r.get(MEMBERSHIP.ID), r.get(PERSON.NAME), r.get(PERSON.GENDER),
                r.get(PERSON.BIRTH_DATE), r.get(PERSON.ID_NUMBER), r.get(PERSON.PHONE), r.get(PERSON.POLITICAL_STATUS),
                r.get(MEMBERSHIP.ROLE), r.get(MEMBERSHIP.JOINED_ON), r.get(MEMBERSHIP.ORG_ID), r.get(ORG.NAME));
    }

    public Optional<PersonRecord> get(int personId) {
        return db.read(ctx -> ctx.selectFrom(PERSON).where(PERSON.ID.eq(personId)).fetchOptional());
    }

    public Optional<PersonRecord> findByIdNumber(String idNumber) {
        String s = Texts.compactCode(idNumber);
        if (s == null) {
            return Optional.empty();
        }
        String up = s.toUpperCase(java.util.Locale.ROOT);
        return db.read(ctx -> ctx.selectFrom(PERSON).where(PERSON.ID_NUMBER.eq(up)).fetchOptional());
    }

    /** Every current membership of a person: (org name, role). */
    public List<PersonRow> memberships(int personId) {
        return db.read(ctx -> ctx.select(PERSON.asterisk(), MEMBERSHIP.ID, MEMBERSHIP.ROLE, MEMBERSHIP.JOINED_ON,
                        MEMBERSHIP.ORG_ID, ORG.NAME)
                .from(MEMBERSHIP).join(PERSON).on(PERSON.ID.eq(MEMBERSHIP.PERSON_ID))
                .join(ORG).on(ORG.ID.eq(MEMBERSHIP.ORG_ID))
                .where(MEMBERSHIP.PERSON_ID.eq(personId).and(MEMBERSHIP.LEFT_ON.isNull()))
                .orderBy(MEMBERSHIP.ID).fetch(PersonService::toRow));
    }

    /**
     * Adds a person to an organisation. When the ID number is already on file for the same name, the
     * existing person gets the new membership (a person can belong to several organisations).
     *
     * @return the person id
     */
    public int add(PersonInput in, MembershipInput m) {
        return db.tx(ctx -> {
            Validator v = new Validator();
            PersonInput p = validatePerson(v, in);
            MembershipInput mem = validateMembership(ctx, v, m, p.birthDate());
            v.throwIfAny();
            PersonRecord existing = p.idNumber() == null ? null
                    : ctx.selectFrom(PERSON).where(PERSON.ID_NUMBER.eq(p.idNumber())).fetchOne();
            int personId;
            if (existing != null) {
                if (!existing.getName().equals(p.name())) {
                    throw new ValidationException(F_ID, "该身份证号已登记为“" + existing.getName() + "”，与填写的姓名“" + p.name()
                            + "”不符，请核对");
                }
                if (ctx.fetchExists(MEMBERSHIP, MEMBERSHIP.PERSON_ID.eq(existing.getId())
                        .and(MEMBERSHIP.ORG_ID.eq(mem.orgId())).and(MEMBERSHIP.LEFT_ON.isNull()))) {
                    throw new ValidationException(F_ID, p.name() + "（" + IdNumber.mask(p.idNumber()) + "）已经是该组织的成员");
                }
                personId = existing.getId();
            } else {
                personId = store(ctx, p);
            }
            storeMembership(ctx, null, personId, mem, null, null);
            return personId;
        });
    }

    /**
     * Adds ({@code id} null) or replaces a whole membership — organisation, role, joining and leaving dates, note —
     * with every check of a form and its change-log entry, inside the caller's transaction. Data packages.
     *
     * @return the membership id
     */
    public static int putMembership(DSLContext ctx, Integer id, int personId, MembershipInput m, LocalDate leftOn, String note) {
        LocalDate birth = ctx.select(PERSON.BIRTH_DATE).from(PERSON).where(PERSON.ID.eq(personId)).fetchOne(PERSON.BIRTH_DATE);
        if (birth == null && !ctx.fetchExists(PERSON, PERSON.ID.eq(personId))) {
            throw new ValidationException(F_NAME, "此人已不存在，可能已被删除");
        }
        Validator v = new Validator();
        MembershipInput clean = validateMembership(ctx, v, m, birth);
        String cleanNote = v.optionalText(note, "备注", 500);
        if (leftOn != null) {
            v.check(!leftOn.isAfter(LocalDate.now()), F_LEFT, "离开日期不能晚于今天");
            v.check(clean == null || clean.joinedOn() == null || !leftOn.isBefore(clean.joinedOn()), F_LEFT, "离开日期不能早于加入日期");
        }
        v.throwIfAny();
        if (leftOn == null && ctx.fetchExists(MEMBERSHIP, MEMBERSHIP.PERSON_ID.eq(personId).and(MEMBERSHIP.ORG_ID.eq(clean.orgId()))
                .and(MEMBERSHIP.LEFT_ON.isNull()).and(id == null ? DSL.noCondition() : MEMBERSHIP.ID.ne(id)))) {
            String name = ctx.select(PERSON.NAME).from(PERSON).where(PERSON.ID.eq(personId)).fetchOne(PERSON.NAME);
            throw new ValidationException(F_ORG, name + "已经是该组织的成员");
        }
        return storeMembership(ctx, id, personId, clean, leftOn, cleanNote);
    }

    /** The one store of a checked membership, with its change-log entry. */
    private static int storeMembership(DSLContext ctx, Integer id, int personId, MembershipInput clean, LocalDate leftOn, String note) {
        MembershipRecord rec = id == null ? ctx.newRecord(MEMBERSHIP) : ctx.fetchOne(MEMBERSHIP, MEMBERSHIP.ID.eq(id));
        if (rec == null) {
            throw new ValidationException(F_ROLE, "该成员记录已不存在");
        }
        MembershipRecord before = id == null ? null : rec.copy();
        rec.setPersonId(personId);
        rec.setOrgId(clean.orgId());
        rec.setRole(clean.role());
        rec.setJoinedOn(clean.joinedOn());
        rec.setLeftOn(leftOn);
        rec.setNote(note);
        if (id == null) {
            rec.store();
            ChangeLog.insert(ctx, "membership", rec.getId(), rec);
        } else if (ChangeLog.differs(before, rec)) {
            rec.update();
            ChangeLog.update(ctx, "membership", id, before, rec);
        }
        return rec.getId();
    }

    public void update(int personId, PersonInput in) {
        db.txRun(ctx -> update(ctx, personId, in));
    }

    /** The one update of a person, with every check and the change log, inside the caller's transaction. */
    public void update(DSLContext ctx, int personId, PersonInput in) {
        {
            PersonRecord rec = ctx.selectFrom(PERSON).where(PERSON.ID.eq(personId)).fetchOne();
            if (rec == null) {
                throw new ValidationException(F_NAME, "此人已不存在，可能已被删除");
            }
            Validator v = new Validator();
            PersonInput p = validatePerson(v, in);
            v.throwIfAny();
            if (p.idNumber() != null && ctx.fetchExists(PERSON, PERSON.ID_NUMBER.eq(p.idNumber()).and(PERSON.ID.ne(personId)))) {
                throw new ValidationException(F_ID, "该身份证号已属于另一人，请核对");
            }
            PersonRecord before = rec.copy();
            fill(rec, p);
            if (ChangeLog.differs(before, rec)) {
                rec.setUpdatedAt(Timestamps.now());
                rec.update();
                ChangeLog.update(ctx, "person", personId, before, rec);
            }
        }
    }

    public void updateMembership(int membershipId, String role, LocalDate joinedOn) {
        db.txRun(ctx -> updateMembership(ctx, membershipId, role, joinedOn));
    }

    /** The one update of a membership's role and joining date, inside the caller's transaction. */
    public void updateMembership(DSLContext ctx, int membershipId, String role, LocalDate joinedOn) {
        {
            MembershipRecord rec = ctx.selectFrom(MEMBERSHIP).where(MEMBERSHIP.ID.eq(membershipId)).fetchOne();
            if (rec == null) {
                throw new ValidationException(F_ROLE, "该成员记录已不存在");
            }
            LocalDate birth = ctx.select(PERSON.BIRTH_DATE).from(PERSON).where(PERSON.ID.eq(rec.getPersonId())).fetchOne(PERSON.BIRTH_DATE);
            Validator v = new Validator();
            MembershipInput m = validateMembership(ctx, v, new MembershipInput(rec.getOrgId(), role, joinedOn), birth);
            v.throwIfAny();
            MembershipRecord before = rec.copy();
            rec.setRole(m.role());
            rec.setJoinedOn(m.joinedOn());
            if (ChangeLog.differs(before, rec)) {
                rec.update();
                ChangeLog.update(ctx, "membership", membershipId, before, rec);
            }
        }
    }

    /**
     * Takes a person out of one organisation. When that was their last membership and nothing else
     * refers to them, the person record goes too.
     *
     * @return true when the person record was deleted as well
     */
    public boolean removeMembership(int membershipId) {
        return db.tx(ctx -> {
            MembershipRecord rec = ctx.selectFrom(MEMBERSHIP).where(MEMBERSHIP.ID.eq(membershipId)).fetchOne();
            if (rec == null) {
                throw new ValidationException(F_NAME, "该成员记录已不存在");
            }
            rec.delete();
            ChangeLog.delete(ctx, "membership", membershipId, rec);
            int personId = rec.getPersonId();
            boolean orphan = !ctx.fetchExists(MEMBERSHIP, MEMBERSHIP.PERSON_ID.eq(personId))
                    && !ctx.fetchExists(HONOR, HONOR.PERSON_ID.eq(personId));
            if (orphan) {
                deletePerson(ctx, personId);
            }
            return orphan;
        });
    }

    /** Deletes a person and all their memberships; refused while honours name them. */
    public void removePerson(int personId) {
        db.txRun(ctx -> {
            int honours = ctx.fetchCount(HONOR, HONOR.PERSON_ID.eq(personId));
            if (honours > 0) {
                throw new ValidationException(F_NAME, "此人名下还有 " + honours + " 项荣誉，不能删除；可以只把他/她从组织中移出");
            }
            for (MembershipRecord m : ctx.selectFrom(MEMBERSHIP).where(MEMBERSHIP.PERSON_ID.eq(personId)).fetch()) {
                m.delete();
                ChangeLog.delete(ctx, "membership", m.getId(), m);
            }
            deletePerson(ctx, personId);
        });
    }

    private static void deletePerson(DSLContext ctx, int personId) {
        PersonRecord p = ctx.selectFrom(PERSON).where(PERSON.ID.eq(personId)).fetchOne();
        if (p == null) {
            throw new ValidationException(F_NAME, "此人已不存在");
        }
        p.delete();
        ChangeLog.delete(ctx, "person", personId, p);
    }

    /** Validates the person fields, collecting errors into {@code v}; returns the cleaned input. */
    public PersonInput validatePerson(Validator v, PersonInput in) {
        return validatePerson(v, in, false);
    }

    /**
     * Validates the person fields. With {@code birthMonthOnly} the birth date was given as a year and month
     * (出生年月 1996.04, held as 1996-04-01): with an ID number only its year and month must agree, and the full
     * date comes from the ID number; without one it is kept as the 1st of that month.
     */
    public PersonInput validatePerson(Validator v, PersonInput in, boolean birthMonthOnly) {
        LocalDate today = LocalDate.now(clock);
        String name = personName(v.requiredText(in.name(), F_NAME, 30));
        String id = null;
        String gender = Texts.cleanOrNull(in.gender());
        if (gender != null) {
            gender = switch (gender.toLowerCase(java.util.Locale.ROOT)) {
                case "男性", "m", "male" -> "男";
                case "女性", "f", "female" -> "女";
                default -> gender;
            };
        }
        LocalDate birth = in.birthDate();
        if (!Texts.isBlank(in.idNumber())) {
            try {
                IdNumber parsed = IdNumber.parse(in.idNumber(), today);
                id = parsed.value();
                if (gender != null && !gender.equals(parsed.gender())) {
                    v.error(F_GENDER, "与身份证号不符（身份证号显示为" + parsed.gender() + "）");
                }
                if (birthMonthOnly && birth != null && !java.time.YearMonth.from(birth).equals(java.time.YearMonth.from(parsed.birthDate()))) {
                    v.error(F_BIRTH, "出生年月 " + java.time.YearMonth.from(birth) + " 与身份证号不符（身份证号显示为" + parsed.birthDate() + "）");
                } else if (!birthMonthOnly && birth != null && !birth.equals(parsed.birthDate())) {
                    v.error(F_BIRTH, "与身份证号不符（身份证号显示为" + parsed.birthDate() + "）");
                }
                gender = parsed.gender();
                birth = parsed.birthDate();
            } catch (IdNumber.InvalidIdNumberException e) {
                v.error(F_ID, e.getMessage());
            }
        }
        if (gender != null && !Set.of("男", "女").contains(gender)) {
            v.error(F_GENDER, "性别只能是“男”或“女”");
        }
        if (birth != null && (birth.isAfter(today) || birth.getYear() < 1900)) {
            v.error(F_BIRTH, "出生日期不合理");
        }
        String phone = null;
        try {
            phone = Phones.normalise(in.phone());
        } catch (UserException e) {
            v.error(F_PHONE, e.getMessage());
        }
        String political = Texts.cleanOrNull(in.politicalStatus());
        if (political != null && !POLITICAL_STATUSES.contains(political)) {
            political = switch (political) {
                case "党员" -> "中共党员";
                case "预备党员" -> "中共预备党员";
                case "团员" -> "共青团员";
                default -> {
                    v.error(F_POLITICAL, "“" + political + "”不是可选的政治面貌，可选：" + String.join("、", POLITICAL_STATUSES));
                    yield null;
                }
            };
        }
        String note = v.optionalText(in.note(), "备注", 500);
        return new PersonInput(name, id, gender, birth, phone, political, note);
    }

    /**
     * A person's name as kept: spaces typed to line up two-character names (张　三, 张 三) are removed when the name
     * is Chinese characters only; other names (Latin, with a middle dot) keep single spaces.
     */
    public static String personName(String name) {
        if (name == null || !name.contains(" ")) {
            return name;
        }
        String joined = name.replace(" ", "");
        boolean cjk = joined.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || cp == '·' || cp == '•');
        return cjk ? joined : name;
    }

    /**
     * Adds one person without a membership inside the caller's transaction (records arriving in a data package):
     * the same checks as {@link #add}, the same row and change-log entry. Returns the new person's id.
     */
    public int insert(DSLContext ctx, PersonInput in) {
        Validator v = new Validator();
        PersonInput clean = validatePerson(v, in);
        v.throwIfAny();
        return store(ctx, clean);
    }

    /** The one insert of a checked person, with its change-log entry. */
    private static int store(DSLContext ctx, PersonInput clean) {
        PersonRecord rec = ctx.newRecord(PERSON);
        fill(rec, clean);
        rec.store();
        ChangeLog.insert(ctx, "person", rec.getId(), rec);
        return rec.getId();
    }

    private static MembershipInput validateMembership(DSLContext ctx, Validator v, MembershipInput m, LocalDate birth) {
        if (m == null || !ctx.fetchExists(ORG, ORG.ID.eq(m.orgId()))) {
            v.error(F_ORG, "请选择所属组织");
            return m;
        }
        return validateMembershipFields(v, m, birth);
    }

    /**
     * The checks of a membership's own fields, without the database (role, joining date against today and the
     * birth date); errors go into {@code v}. Returns the cleaned input (role 会员 when empty). Forms and imports.
     */
    public static MembershipInput validateMembershipFields(Validator v, MembershipInput m, LocalDate birth) {
        String role = v.optionalText(m.role(), F_ROLE, 20);
        if (m.joinedOn() != null) {
            v.check(!m.joinedOn().isAfter(LocalDate.now()), F_JOINED, "加入日期不能晚于今天");
            v.check(birth == null || m.joinedOn().isAfter(birth), F_JOINED, "加入日期不能早于出生日期");
        }
        return new MembershipInput(m.orgId(), role == null ? "会员" : role, m.joinedOn());
    }

    /**
     * One row of a batch add (an import). {@code person} was checked by {@link #validatePerson} and the membership
     * by {@link #validateMembershipFields}; the person is {@code existingPersonId} when on file, otherwise created
     * once for all entries with the same {@code sameAs} key (the same new person in several organisations).
     */
    public record BatchEntry(PersonInput person, Integer existingPersonId, int sameAs, MembershipInput membership) {
    }

    /** What {@link #addBatch} wrote. */
    public record BatchResult(int people, int memberships) {
    }

    /**
     * Adds many people and memberships inside the caller's transaction — the same rows and the same change log as
     * {@link #add}, written in JDBC batches (50,000 rows in about a second). {@code progress} is told the number of
     * entries written every 2,000 and may throw to stop (the transaction then rolls back).
     */
    public static BatchResult addBatch(DSLContext ctx, List<BatchEntry> entries, java.util.function.IntConsumer progress) {
        int firstPerson = nextId(ctx, "person");
        int firstMembership = nextId(ctx, "membership");
        int[] counts = new int[2];
        ctx.connection(c -> {
            try (java.sql.PreparedStatement persons = c.prepareStatement("INSERT INTO person (id, name, id_number, gender, birth_date,"
                    + " phone, political_status, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                 java.sql.PreparedStatement members = c.prepareStatement("INSERT INTO membership (id, person_id, org_id, role, joined_on)"
                         + " VALUES (?, ?, ?, ?, ?)");
                 ChangeLog.Batch log = new ChangeLog.Batch(c)) {
                java.util.Map<Integer, Integer> created = new java.util.HashMap<>();
                int nextPerson = firstPerson;
                int nextMembership = firstMembership;
                int pending = 0;
                for (BatchEntry e : entries) {
                    int personId;
                    if (e.existingPersonId() != null) {
                        personId = e.existingPersonId();
                    } else if (created.containsKey(e.sameAs())) {
                        personId = created.get(e.sameAs());
                    } else {
                        personId = nextPerson++;
                        created.put(e.sameAs(), personId);
                        PersonRecord rec = ctx.newRecord(PERSON);
                        rec.setId(personId);
                        fill(rec, e.person());
                        persons.setInt(1, personId);
                        persons.setString(2, rec.getName());
                        persons.setString(3, rec.getIdNumber());
                        persons.setString(4, rec.getGender());
                        persons.setString(5, rec.getBirthDate() == null ? null : rec.getBirthDate().toString());
                        persons.setString(6, rec.getPhone());
                        persons.setString(7, rec.getPoliticalStatus());
                        persons.setString(8, rec.getNote());
                        persons.addBatch();
                        log.insert("person", personId, rec);
                        counts[0]++;
                    }
                    int mid = nextMembership++;
                    MembershipRecord mr = ctx.newRecord(MEMBERSHIP);
                    mr.setId(mid);
                    mr.setPersonId(personId);
                    mr.setOrgId(e.membership().orgId());
                    mr.setRole(e.membership().role());
                    mr.setJoinedOn(e.membership().joinedOn());
                    members.setInt(1, mid);
                    members.setInt(2, personId);
                    members.setInt(3, mr.getOrgId());
                    members.setString(4, mr.getRole());
                    members.setString(5, mr.getJoinedOn() == null ? null : mr.getJoinedOn().toString());
                    members.addBatch();
                    log.insert("membership", mid, mr);
                    counts[1]++;
                    if (++pending == 2000) {
                        persons.executeBatch();
                        members.executeBatch();
                        log.flush();
                        pending = 0;
                        progress.accept(counts[1]);
                    }
                }
                persons.executeBatch();
                members.executeBatch();
                log.flush();
            }
        });
        return new BatchResult(counts[0], counts[1]);
    }

    /** First free id of a table (never reusing ids of deleted rows, as AUTOINCREMENT promises). */
    private static int nextId(DSLContext ctx, String table) {
        Integer max = ctx.fetchOne("SELECT max(id) FROM " + table).get(0, Integer.class);
        Integer seq = ctx.fetchOne("SELECT max(seq) FROM sqlite_sequence WHERE name = ?", table).get(0, Integer.class);
        return Math.max(max == null ? 0 : max, seq == null ? 0 : seq) + 1;
    }

    private static void fill(PersonRecord rec, PersonInput p) {
        rec.setName(p.name());
        rec.setIdNumber(p.idNumber());
        rec.setGender(p.gender());
        rec.setBirthDate(p.birthDate());
        rec.setPhone(p.phone());
        rec.setPoliticalStatus(p.politicalStatus());
        rec.setNote(p.note());
    }
}
