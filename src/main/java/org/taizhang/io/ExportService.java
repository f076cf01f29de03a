package org.taizhang.io;

import static org.taizhang.db.jooq.Tables.MEMBERSHIP;
import static org.taizhang.db.jooq.Tables.ORG;
import static org.taizhang.db.jooq.Tables.PERSON;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.taizhang.activity.ActivityFilter;
import org.taizhang.activity.ActivityRow;
import org.taizhang.activity.ActivityService;
import org.taizhang.activity.ActivitySort;
import org.taizhang.db.Database;
import org.taizhang.honor.HonorFilter;
import org.taizhang.honor.HonorRow;
import org.taizhang.honor.HonorService;
import org.taizhang.org.Org;
import org.taizhang.org.OrgService;
import org.taizhang.org.OrgTree;
import org.taizhang.org.Subtree;
import org.taizhang.person.IdNumber;
import org.taizhang.common.Phones;

/**
 * Exports organisations, people, activities and honours to .xlsx with the same column names the
 * import recognises, so that exporting and importing again gives the same records. Organisations
 * are written as paths ("示范区团区委 / 园岭社区团委") so that names used twice stay unambiguous. ID
 * numbers and phone numbers are masked unless {@code fullId} is asked for.
 */
public final class ExportService {
    /** What to export: an organisation subtree (null = all), a date range (activities, honours), full ID numbers. */
    public record Options(Integer orgId, LocalDate from, LocalDate to, boolean fullId) {
        public static final Options ALL = new Options(null, null, null, false);

        public Options withFullId(boolean f) {
            return new Options(orgId, from, to, f);
        }

        /** An ID number as this export writes it: masked unless {@link #fullId}. */
        String idNumber(String id) {
            return fullId ? id : IdNumber.mask(id);
        }

        /** A phone number as this export writes it: masked unless {@link #fullId}. */
        String phone(String phone) {
            return fullId ? phone : Phones.mask(phone);
        }
    }

    /** Said once whenever full ID numbers are exported. */
    public static final String FULL_ID_WARNING = "注意：导出的文件包含完整的身份证号和电话号码，属于个人敏感信息，请妥善保管，不要随意转发。";

    private final Database db;

    public ExportService(Database db) {
        this.db = db;
    }

    /** Writes the table to {@code out}; returns the number of data rows. */
    public int export(ImportKind kind, Options o, Path out) {
        return switch (kind) {
            case ORGS -> orgs(o, out);
            case PEOPLE -> people(o, out);
            case ACTIVITIES -> activities(o, out);
            case HONORS -> honors(o, out);
        };
    }

    private OrgTree orgTree() {
        return new OrgTree(new OrgService(db).listAll());
    }

    private static XlsxWriter.Column col(ImportField field, XlsxWriter.Type type) {
        return new XlsxWriter.Column(field.label(), type);
    }

    private int orgs(Options o, Path out) {
        OrgTree tree = orgTree();
        List<XlsxWriter.Column> cols = List.of(col(ImportField.ORG_NAME, XlsxWriter.Type.TEXT), col(ImportField.ORG_TYPE, XlsxWriter.Type.TEXT),
                col(ImportField.ORG_PARENT, XlsxWriter.Type.TEXT), col(ImportField.ORG_FOUNDED, XlsxWriter.Type.DATE), col(ImportField.ORG_TERM, XlsxWriter.Type.INT),
                col(ImportField.ORG_ELECTION, XlsxWriter.Type.DATE), col(ImportField.ORG_CONTACT, XlsxWriter.Type.TEXT), col(ImportField.ORG_PHONE, XlsxWriter.Type.CODE),
                col(ImportField.ORG_NOTE, XlsxWriter.Type.TEXT), new XlsxWriter.Column("下次换届", XlsxWriter.Type.DATE),
                new XlsxWriter.Column("现有成员", XlsxWriter.Type.INT));
        int n = 0;
        try (XlsxWriter w = new XlsxWriter()) {
            w.sheet("组织", cols);
            for (OrgTree.Line line : tree.lines(o.orgId(), x -> true)) {
                Org org = line.org();
                w.row(org.name(), org.typeName(), org.parentId() == null ? null : tree.path(org.parentId()), org.foundedOn(),
                        org.ownTermYears(), org.lastElectionOn(), org.contactPerson(),
                        o.phone(org.contactPhone()), org.note(), org.nextElectionDue(),
                        org.memberCount());
                n++;
            }
            w.save(out);
        }
        return n;
    }

    private int people(Options o, Path out) {
        OrgTree tree = orgTree();
        List<XlsxWriter.Column> cols = List.of(col(ImportField.PERSON_NAME, XlsxWriter.Type.TEXT), col(ImportField.PERSON_GENDER, XlsxWriter.Type.TEXT),
                col(ImportField.PERSON_BIRTH, XlsxWriter.Type.DATE), col(ImportField.PERSON_ID, XlsxWriter.Type.CODE), col(ImportField.PERSON_PHONE, XlsxWriter.Type.CODE),
                col(ImportField.PERSON_POLITICAL, XlsxWriter.Type.TEXT), col(ImportField.PERSON_ORG, XlsxWriter.Type.TEXT), col(ImportField.PERSON_ROLE, XlsxWriter.Type.TEXT),
                col(ImportField.PERSON_JOINED, XlsxWriter.Type.DATE), col(ImportField.PERSON_NOTE, XlsxWriter.Type.TEXT));
        Condition where = MEMBERSHIP.LEFT_ON.isNull();
        if (o.orgId() != null) {
            where = where.and(Subtree.contains(MEMBERSHIP.ORG_ID, o.orgId()));
        }
        Condition w0 = where;
        try (XlsxWriter w = new XlsxWriter()) {
            w.sheet("人员", cols);
            int n = db.read(ctx -> {
                int count = 0;
                try (var cursor = ctx.select(PERSON.NAME, PERSON.GENDER, PERSON.BIRTH_DATE, PERSON.ID_NUMBER, PERSON.PHONE,
                                PERSON.POLITICAL_STATUS, MEMBERSHIP.ORG_ID, MEMBERSHIP.ROLE, MEMBERSHIP.JOINED_ON, PERSON.NOTE)
                        .from(MEMBERSHIP).join(PERSON).on(PERSON.ID.eq(MEMBERSHIP.PERSON_ID))
                        .where(w0).orderBy(MEMBERSHIP.ORG_ID, MEMBERSHIP.ID).fetchLazy()) {
                    for (var r : cursor) {
                        w.row(r.value1(), r.value2(), r.value3(), o.idNumber(r.value4()),
                                o.phone(r.value5()), r.value6(), tree.path(r.value7()), r.value8(),
                                r.value9(), r.value10());
                        count++;
                    }
                }
                return count;
            });
            w.save(out);
            return n;
        }
    }

    private int activities(Options o, Path out) {
        OrgTree tree = orgTree();
        Map<String, String> pathByName = new HashMap<>();
        List<XlsxWriter.Column> cols = List.of(col(ImportField.ACT_DATE, XlsxWriter.Type.DATE), col(ImportField.ACT_END, XlsxWriter.Type.DATE),
                col(ImportField.ACT_NAME, XlsxWriter.Type.TEXT), col(ImportField.ACT_ORG, XlsxWriter.Type.TEXT), col(ImportField.ACT_COORGS, XlsxWriter.Type.TEXT),
                col(ImportField.ACT_CATEGORY, XlsxWriter.Type.TEXT), col(ImportField.ACT_PARTICIPANTS, XlsxWriter.Type.INT),
                col(ImportField.ACT_HOURS, XlsxWriter.Type.TENTHS), col(ImportField.ACT_BENEFICIARIES, XlsxWriter.Type.INT),
                col(ImportField.ACT_PLACE, XlsxWriter.Type.TEXT), col(ImportField.ACT_DESCRIPTION, XlsxWriter.Type.TEXT),
                col(ImportField.ACT_HIGHLIGHT, XlsxWriter.Type.TEXT), col(ImportField.ACT_PLANNED, XlsxWriter.Type.TEXT));
        ActivityService svc = new ActivityService(db);
        ActivityFilter f = new ActivityFilter(o.from(), o.to(), o.orgId(), null, null);
        long participants = 0;
        long tenths = 0;
        long beneficiaries = 0;
        int n = 0;
        try (XlsxWriter w = new XlsxWriter()) {
            w.sheet("活动", cols);
            int page = 5000;
            for (int offset = 0; ; offset += page) {
                List<ActivityRow> rows = svc.rows(f, ActivitySort.DATE, false, offset, page);
                for (ActivityRow a : rows) {
                    List<String> co = new ArrayList<>();
                    for (String name : a.coOrgNames()) {
                        co.add(pathByName.computeIfAbsent(name, x -> uniquePath(tree, x)));
                    }
                    w.row(a.startDate(), a.endDate(), a.name(), tree.path(a.orgId()), co.isEmpty() ? null : String.join("、", co),
                            a.categoryName(), a.participants(), a.serviceTenths(), a.beneficiaries(), a.place(), a.description(),
                            a.highlight() ? "是" : null, a.planned() ? "是" : null);
                    participants += a.participants();
                    tenths += a.serviceTenths();
                    beneficiaries += a.beneficiaries();
                    n++;
                }
                if (rows.size() < page) {
                    break;
                }
            }
            w.totals("合计", null, null, n + " 场", null, null, null, participants, tenths, beneficiaries);
            w.save(out);
        }
        return n;
    }

    /** The path of the only organisation with this name, or the name itself when several share it. */
    private static String uniquePath(OrgTree tree, String name) {
        Integer found = null;
        for (OrgTree.Line l : tree.lines(null, x -> true)) {
            if (l.org().name().equals(name)) {
                if (found != null) {
                    return name;
                }
                found = l.org().id();
            }
        }
        return found == null ? name : tree.path(found);
    }

    private int honors(Options o, Path out) {
        OrgTree tree = orgTree();
        List<XlsxWriter.Column> cols = List.of(col(ImportField.HONOR_DATE, XlsxWriter.Type.DATE), col(ImportField.HONOR_TITLE, XlsxWriter.Type.TEXT),
                col(ImportField.HONOR_LEVEL, XlsxWriter.Type.TEXT), col(ImportField.HONOR_KIND, XlsxWriter.Type.TEXT), col(ImportField.HONOR_ORG, XlsxWriter.Type.TEXT),
                col(ImportField.HONOR_PERSON, XlsxWriter.Type.TEXT), col(ImportField.HONOR_ID, XlsxWriter.Type.CODE), col(ImportField.HONOR_ISSUER, XlsxWriter.Type.TEXT),
                col(ImportField.HONOR_NOTE, XlsxWriter.Type.TEXT));
        List<HonorRow> rows = new HonorService(db).list(new HonorFilter(o.from(), o.to(), o.orgId(), null, null, null, null), 0,
                Integer.MAX_VALUE);
        Map<Integer, String> ids = new HashMap<>();
        List<Integer> personIds = rows.stream().map(HonorRow::personId).filter(java.util.Objects::nonNull).distinct().toList();
        for (int i = 0; i < personIds.size(); i += 500) {
            List<Integer> chunk = personIds.subList(i, Math.min(personIds.size(), i + 500));
            db.read(ctx -> ctx.select(PERSON.ID, PERSON.ID_NUMBER).from(PERSON).where(PERSON.ID.in(chunk)).fetch())
                    .forEach(r -> ids.put(r.value1(), r.value2()));
        }
        try (XlsxWriter w = new XlsxWriter()) {
            w.sheet("荣誉", cols);
            for (HonorRow h : rows) {
                String id = h.personId() == null ? null : ids.get(h.personId());
                w.row(h.date(), h.title(), h.level(), h.kind(), tree.path(h.orgId()), h.personName(),
                        o.idNumber(id), h.issuer(), h.note());
            }
            w.save(out);
        }
        return rows.size();
    }

    /**
     * An empty import template: the header row with every recognised column (the ID number column
     * formatted as text), and a second sheet explaining each column and the other spellings accepted.
     */
    public static void template(ImportKind kind, Path out) {
        List<XlsxWriter.Column> cols = new ArrayList<>();
        for (ImportField f : kind.fields()) {
            XlsxWriter.Type t = switch (f.key()) {
                case "idNumber", "phone" -> XlsxWriter.Type.CODE;
                case "date", "endDate", "founded", "election", "birth", "joined" -> XlsxWriter.Type.DATE;
                default -> XlsxWriter.Type.TEXT;
            };
            cols.add(new XlsxWriter.Column(f.label(), t));
        }
        try (XlsxWriter w = new XlsxWriter()) {
            w.sheet(kind.label(), cols);
            w.sheet("填写说明", List.of(XlsxWriter.Column.text("列名"), XlsxWriter.Column.text("必填"), XlsxWriter.Column.text("说明"),
                    XlsxWriter.Column.text("也可以写作")));
            for (ImportField f : kind.fields()) {
                w.row(f.label(), f.required() ? "是" : "", f.hint(), String.join("、", f.synonyms()));
            }
            w.row("");
            w.row("提示", "", "表头可以在标题行下面，列的顺序随意；日期可写 2021-03-05、2021/3/5、2021年3月5日；"
                    + "身份证号请设为“文本”格式，否则 Excel 会丢掉末几位。合计行会被自动跳过。");
            w.save(out);
        }
    }
}
