package org.taizhang;

import static org.taizhang.db.jooq.Tables.ACTIVITY;
import static org.taizhang.db.jooq.Tables.HONOR;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.taizhang.common.ValidationException;
import org.taizhang.db.Database;
import org.taizhang.org.OrgInput;
import org.taizhang.org.OrgService;

/**
 * Shared test set-up: records written straight into the database (the activity and honour services belong to other
 * features), the usual organisation tree, fixed clocks and catching a validation failure.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** A clock stopped at the start of {@code day} in {@code zone}. */
    public static Clock clockAt(LocalDate day, ZoneId zone) {
        return Clock.fixed(day.atStartOfDay(zone).toInstant(), zone);
    }

    /** The organisation form with only name, type and parent filled in. */
    public static OrgInput orgInput(String name, int typeId, Integer parent) {
        return new OrgInput(name, typeId, parent, null, null, null, null, null, null);
    }

    /** The ids of {@link #districtOrgs}. */
    public record DistrictOrgs(int root, int league, int branch, int women) {
    }

    /** 示范区群团工作部 with 共青团示范区委员会 (and under it 𠮷祥社区团委) and 示范区妇女联合会, added in that order. */
    public static DistrictOrgs districtOrgs(OrgService orgs) {
        int root = orgs.add(orgInput("示范区群团工作部", 1, null));
        int league = orgs.add(orgInput("共青团示范区委员会", 3, root));
        int branch = orgs.add(orgInput("𠮷祥社区团委", 3, league));
        int women = orgs.add(orgInput("示范区妇女联合会", 6, root));
        return new DistrictOrgs(root, league, branch, women);
    }

    /** Runs {@code r}, which must fail with a {@link ValidationException}, and returns that exception. */
    public static ValidationException rejected(Runnable r) {
        try {
            r.run();
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("expected a ValidationException");
    }

    public static int org(Database db, String name, Integer parent, int typeId, LocalDate founded, LocalDate lastElection) {
        return new OrgService(db).add(new OrgInput(name, typeId, parent, founded, null, lastElection, null, null, null));
    }

    public static int activity(Database db, int orgId, int categoryId, LocalDate start, int participants, int serviceTenths,
                               int beneficiaries, boolean planned) {
        return db.tx(ctx -> ctx.insertInto(ACTIVITY).set(ACTIVITY.NAME, "活动" + start).set(ACTIVITY.ORG_ID, orgId)
                .set(ACTIVITY.CATEGORY_ID, categoryId).set(ACTIVITY.START_DATE, start).set(ACTIVITY.PARTICIPANTS, participants)
                .set(ACTIVITY.SERVICE_TENTHS, serviceTenths).set(ACTIVITY.BENEFICIARIES, beneficiaries)
                .set(ACTIVITY.PLANNED, planned).returning(ACTIVITY.ID).fetchOne(ACTIVITY.ID));
    }

    public static void honor(Database db, int orgId, LocalDate date, String title, String level) {
        db.txRun(ctx -> ctx.insertInto(HONOR).set(HONOR.ORG_ID, orgId).set(HONOR.HONOR_DATE, date).set(HONOR.TITLE, title)
                .set(HONOR.LEVEL, level).set(HONOR.KIND, "集体").execute());
    }
}
