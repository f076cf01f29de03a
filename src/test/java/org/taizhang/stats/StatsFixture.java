package org.taizhang.stats;

import static org.taizhang.db.jooq.Tables.ACTIVITY;
import static org.taizhang.db.jooq.Tables.ACTIVITY_CATEGORY;
import static org.taizhang.db.jooq.Tables.HONOR;
import static org.taizhang.db.jooq.Tables.MEMBERSHIP;
import static org.taizhang.db.jooq.Tables.ORG;
import static org.taizhang.db.jooq.Tables.PERSON;
import static org.taizhang.db.jooq.Tables.PLAN;
import static org.taizhang.db.jooq.Tables.PLAN_ITEM;

import java.time.LocalDate;
import org.jooq.DSLContext;
import org.taizhang.common.PlanStatus;
import org.taizhang.db.Database;

/**
 * A small fixed dataset whose figures are computed by hand in {@link StatsServiceTest} (the
 * comments next to each row say which figures it belongs to). Rows are inserted with jOOQ directly.
 *
 * <pre>
 * 1 区群团工作部 (root)            term 5, founded 2000-01-01, elected 2021-06-30 → due 2026-06-30
 * ├─ 2 区总工会                     founded 2010-05-01, elected 2016-02-29 (leap), term 5 → due 2021-02-28
 * │  └─ 3 街道工会𠮷                founded 2021-01-01 (founded in 2021H1), never elected → due 2026-01-01
 * ├─ 4 区团委                       elected 2019-03-01, own term 2 (type default 3) → due 2021-03-01
 * │  ├─ 5 社区团支部                founded 2020-07-01, type term 2 → due 2022-07-01
 * │  └─ 7 青年志愿队 (moved here from 2) founded 2018-06-30, 义工联 5 → due 2023-06-30
 * └─ 6 区妇联                       no dates → due unknown
 * 8 外区团委 (another root)          founded 2020-01-01, elected 2021-03-03 → due 2024-03-03
 * </pre>
 */
final class StatsFixture {
    static final int ROOT = 1, UNION = 2, STREET = 3, LEAGUE = 4, BRANCH = 5, WOMEN = 6, VOLUNTEERS = 7, OTHER = 8;
    static final int CAT_STUDY = 1, CAT_VOLUNTEER = 2, CAT_SPORTS = 3, CAT_OLD = 11, CAT_UNUSED_OLD = 12;

    private StatsFixture() {
    }

    static void load(Database db) {
        db.txRun(ctx -> {
            org(ctx, ROOT, null, "区群团工作部", 1, "2000-01-01", "2021-06-30", null);
            org(ctx, UNION, ROOT, "区总工会", 2, "2010-05-01", "2016-02-29", null);
            org(ctx, STREET, UNION, "街道工会𠮷", 2, "2021-01-01", null, null);
            org(ctx, LEAGUE, ROOT, "区团委", 3, "2015-01-01", "2019-03-01", 2);
            org(ctx, BRANCH, LEAGUE, "社区团支部", 5, "2020-07-01", null, null);
            org(ctx, WOMEN, ROOT, "区妇联", 6, null, null, null);
            // created under 区总工会; the test moves it under 区团委
            org(ctx, VOLUNTEERS, UNION, "青年志愿队", 9, "2018-06-30", null, null);
            org(ctx, OTHER, null, "外区团委", 3, "2020-01-01", "2021-03-03", null);

            // a deactivated category that still has an activity, and one without any
            category(ctx, CAT_OLD, "旧类别（已停用）", false);
            category(ctx, CAT_UNUSED_OLD, "宣讲（已合并）", false);

            //          date          org         category       人次  时长/10 惠及 planned
            act(ctx, 1, "2021-01-01", ROOT, CAT_STUDY, 10, 15, 100, false);      // H1 first day
            act(ctx, 2, "2021-06-30", STREET, CAT_VOLUNTEER, 20, 25, 0, false);   // H1 last day
            act(ctx, 3, "2021-07-01", STREET, CAT_VOLUNTEER, 5, 10, 0, false);    // day after H1
            act(ctx, 4, "2020-12-31", BRANCH, CAT_STUDY, 7, 0, 0, false);         // day before H1
            act(ctx, 5, "2021-03-15", BRANCH, CAT_SPORTS, 30, 40, 50, false);
            act(ctx, 6, "2021-03-20", VOLUNTEERS, CAT_VOLUNTEER, 8, 5, 10, false); // follows its org when moved
            act(ctx, 7, "2021-05-01", OTHER, CAT_STUDY, 100, 100, 100, false);   // other root
            act(ctx, 8, "2021-04-01", LEAGUE, CAT_STUDY, 50, 0, 0, true);         // planned: never counted
            act(ctx, 9, "2021-02-10", WOMEN, CAT_OLD, 3, 7, 2, false);           // deactivated category
            act(ctx, 10, "2020-01-01", ROOT, CAT_STUDY, 4, 10, 20, false);        // 2020H1 first day
            act(ctx, 11, "2020-06-30", STREET, CAT_VOLUNTEER, 6, 0, 0, false);    // 2020H1 last day
            act(ctx, 12, "2020-02-29", BRANCH, CAT_SPORTS, 1, 1, 1, false);       // leap day 2020

            person(ctx, 1, "张𠮷", "共青团员", "1993-06-30");   // turns 28 on 2021-06-30
            person(ctx, 2, "李四", "共青团员", "1993-07-01");   // turns 28 on 2021-07-01
            person(ctx, 3, "王五", "共青团员", "1992-02-29");   // turned 28 on 2020-02-29
            person(ctx, 4, "赵六", "共青团员", "1993-01-01");   // other root
            person(ctx, 5, "钱七", "中共党员", "1993-03-03");   // not a league member
            person(ctx, 6, "孙八", "共青团员", "1993-01-01");   // no membership at all
            person(ctx, 7, "周九", "群众", "1980-01-01");
            person(ctx, 8, "吴十", "群众", "1985-01-01");
            person(ctx, 9, "郑十一", "共青团员", "1993-05-05"); // left on 2021-01-15
            person(ctx, 10, "冯十二😀", "共青团员", "1993-01-01"); // turns 28 on 2021-01-01
            person(ctx, 11, "陈百年", "共青团员", "2072-02-29"); // turns 28 on 2100-02-28 (2100 is not leap)

            member(ctx, 1, STREET, "2019-01-01", null);
            member(ctx, 2, BRANCH, "2020-01-01", null);
            member(ctx, 3, LEAGUE, null, null);
            member(ctx, 4, OTHER, "2020-01-01", null);
            member(ctx, 5, ROOT, null, null);
            member(ctx, 7, UNION, "2018-01-01", "2021-03-01");
            member(ctx, 8, WOMEN, "2021-04-01", null);
            member(ctx, 9, BRANCH, "2019-01-01", "2021-01-15");
            member(ctx, 10, ROOT, null, null);

            honor(ctx, "2021-01-01", "全国五四红旗团委", "国家级", "集体", ROOT, null);
            honor(ctx, "2021-06-30", "省级优秀团干部", "省级", "个人", STREET, 1);
            honor(ctx, "2021-07-01", "省级先进集体", "省级", "集体", STREET, null); // after H1
            honor(ctx, "2021-03-03", "市级先进集体", "市级", "集体", OTHER, null);   // other root
            honor(ctx, "2021-04-04", "省级优秀团员", "省级", "个人", BRANCH, 2);
            honor(ctx, "2020-05-05", "省级五四红旗团支部", "省级", "集体", LEAGUE, null); // 2020H1

            plan(ctx, 1, LEAGUE, "2021年区团委工作计划");
            planItem(ctx, 1, 1, "一是开展主题团日𠮷", null, "2021-03-31", PlanStatus.IN_PROGRESS.code, null);
            planItem(ctx, 2, 1, "二是完成换届", null, "2021-03-31", PlanStatus.DONE.code, null);
            planItem(ctx, 3, 1, null, "协助外区团委开展青年志愿服务活动，内容较长需要截断显示的说明文字一二三四五六七八九十", "2021-05-01", PlanStatus.NOT_STARTED.code, OTHER);
            plan(ctx, 2, OTHER, "外区计划");
            planItem(ctx, 4, 2, "一是外区事项", null, "2021-01-01", PlanStatus.NOT_STARTED.code, null);
        });
    }

    private static void plan(DSLContext ctx, int id, int org, String title) {
        ctx.insertInto(PLAN).set(PLAN.ID, id).set(PLAN.ORG_ID, org).set(PLAN.TITLE, title).set(PLAN.PERIOD_FROM, d("2021-01-01"))
                .set(PLAN.PERIOD_TO, d("2021-12-31")).execute();
    }

    private static void planItem(DSLContext ctx, int id, int plan, String lead, String body, String due, String status, Integer owner) {
        ctx.insertInto(PLAN_ITEM).set(PLAN_ITEM.ID, id).set(PLAN_ITEM.PLAN_ID, plan).set(PLAN_ITEM.LEAD, lead).set(PLAN_ITEM.BODY, body)
                .set(PLAN_ITEM.DUE_DATE, d(due)).set(PLAN_ITEM.STATUS, status).set(PLAN_ITEM.OWNER_ORG_ID, owner).execute();
    }

    private static void org(DSLContext ctx, int id, Integer parent, String name, int type, String founded, String elected, Integer term) {
        ctx.insertInto(ORG).set(ORG.ID, id).set(ORG.PARENT_ID, parent).set(ORG.NAME, name).set(ORG.TYPE_ID, type)
                .set(ORG.FOUNDED_ON, d(founded)).set(ORG.LAST_ELECTION_ON, d(elected)).set(ORG.TERM_YEARS, term)
                .set(ORG.SORT_ORDER, id).execute();
    }

    private static void category(DSLContext ctx, int id, String name, boolean active) {
        ctx.insertInto(ACTIVITY_CATEGORY).set(ACTIVITY_CATEGORY.ID, id).set(ACTIVITY_CATEGORY.NAME, name)
                .set(ACTIVITY_CATEGORY.SORT_ORDER, 50 + id).set(ACTIVITY_CATEGORY.ACTIVE, active).execute();
    }

    private static void act(DSLContext ctx, int id, String date, int org, int cat, int people, int tenths, int benef, boolean planned) {
        ctx.insertInto(ACTIVITY).set(ACTIVITY.ID, id).set(ACTIVITY.START_DATE, d(date)).set(ACTIVITY.NAME, "活动" + id)
                .set(ACTIVITY.ORG_ID, org).set(ACTIVITY.CATEGORY_ID, cat).set(ACTIVITY.PARTICIPANTS, people)
                .set(ACTIVITY.SERVICE_TENTHS, tenths).set(ACTIVITY.BENEFICIARIES, benef).set(ACTIVITY.PLANNED, planned).execute();
    }

    private static void person(DSLContext ctx, int id, String name, String status, String birth) {
        ctx.insertInto(PERSON).set(PERSON.ID, id).set(PERSON.NAME, name).set(PERSON.POLITICAL_STATUS, status)
                .set(PERSON.BIRTH_DATE, d(birth)).execute();
    }

    private static void member(DSLContext ctx, int person, int org, String joined, String left) {
        ctx.insertInto(MEMBERSHIP).set(MEMBERSHIP.PERSON_ID, person).set(MEMBERSHIP.ORG_ID, org)
                .set(MEMBERSHIP.JOINED_ON, d(joined)).set(MEMBERSHIP.LEFT_ON, d(left)).execute();
    }

    private static void honor(DSLContext ctx, String date, String title, String level, String kind, int org, Integer person) {
        ctx.insertInto(HONOR).set(HONOR.HONOR_DATE, d(date)).set(HONOR.TITLE, title).set(HONOR.LEVEL, level)
                .set(HONOR.KIND, kind).set(HONOR.ORG_ID, org).set(HONOR.PERSON_ID, person).execute();
    }

    static LocalDate d(String s) {
        return s == null ? null : LocalDate.parse(s);
    }
}
