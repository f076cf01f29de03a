package org.taizhang;

import static org.taizhang.db.jooq.Tables.ACTIVITY;
import static org.taizhang.db.jooq.Tables.HONOR;

import java.time.LocalDate;
import org.taizhang.db.Database;
import org.taizhang.org.OrgInput;
import org.taizhang.org.OrgService;

/** Test records written straight into the database (the activity and honour services belong to other features). */
public final class Fixtures {
    private Fixtures() {
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
