package org.taizhang.demo;

import static org.taizhang.db.jooq.Tables.ACTIVITY;
import static org.taizhang.db.jooq.Tables.HONOR;
import static org.taizhang.db.jooq.Tables.MEMBERSHIP;
import static org.taizhang.db.jooq.Tables.ORG;
import static org.taizhang.db.jooq.Tables.PERSON;
import static org.taizhang.db.jooq.Tables.PLAN;
import static org.taizhang.db.jooq.Tables.PLAN_ITEM;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.taizhang.common.ValidationException;
import org.taizhang.db.Database;

/**
 * A district 群团工作部's first half of 2021, written after a real half-year summary of such an office:
 * its named activities (「三会一课」专题学习 51 次, “红色阅读周周汇”, “马路天使”交通文明志愿服务 287 人次 7335
 * 小时, 防疫志愿服务 3000 人次, 首届“工会杯”八人制足球联赛…), its honours (葵涌办事处公共服务办公室团支部 —
 * 全国五四红旗团支部, 省级 5 集体 + 6 个人, 市级 7 + 23), 25 社区团委/妇联 elections, overdue 工联会
 * elections, 团员 past 28, the same half of 2020 for comparison, the plan for 2021H1 (with a target
 * behind) and the plan for 2021H2. Hand-written and deterministic: tests check the summary against it,
 * and {@code demo --example district} loads it to try the summary on.
 */
public final class DistrictExample {
    /** Ids the tests need. */
    public record Ids(int root, int league, int women, int union, int volunteers, int kuiyongBranch, int currentPlan, int nextPlan) {
    }

    public static final LocalDate FROM = LocalDate.of(2021, 1, 1);
    public static final LocalDate TO = LocalDate.of(2021, 6, 30);

    private static final int T_DEPT = 1, T_UNION = 2, T_LEAGUE = 3, T_LEAGUE_WC = 4, T_BRANCH = 5, T_WOMEN = 6, T_VOLUNTEER = 9,
            T_WORKERS = 10, T_OTHER = 11;
    private static final int C_STUDY = 1, C_VOLUNTEER = 2, C_CULTURE = 3, C_CARE = 4, C_RIGHTS = 5, C_FRIENDS = 6, C_TRAINING = 7,
            C_MEETING = 8, C_OTHER = 10;

    private DistrictExample() {
    }

    /** Loads the example into an empty database. */
    public static Ids load(Database db) {
        if (!DemoData.isEmpty(db)) {
            throw new ValidationException("数据库", "数据库里已经有数据，示例只能装入空数据库。请新建一个数据库再试。");
        }
        return db.tx(DistrictExample::write);
    }

    private static Ids write(DSLContext ctx) {
        int root = org(ctx, "大鹏新区群团工作部", null, T_DEPT, d(2012, 3, 1), d(2019, 1, 10), null);
        int union = org(ctx, "新区总工会", root, T_UNION, d(2012, 3, 1), d(2018, 6, 1), null);
        int league = org(ctx, "新区团工委", root, T_LEAGUE_WC, d(2012, 3, 1), d(2019, 5, 20), null);
        int women = org(ctx, "新区妇联", root, T_WOMEN, d(2012, 3, 1), d(2017, 6, 10), null);
        int volunteers = org(ctx, "新区义工联", root, T_VOLUNTEER, d(2013, 5, 1), d(2018, 12, 1), null);
        int youthFund = org(ctx, "新区青年发展促进会", root, T_OTHER, d(2021, 5, 20), null, null);
        int kuiyong = org(ctx, "葵涌办事处公共服务办公室团支部", league, T_BRANCH, d(2016, 4, 1), d(2020, 4, 15), null);
        String[] leagueCommunities = {"水头", "坝光", "溪涌", "土洋", "官湖", "三溪", "高源", "葵丰", "径心", "大鹏", "王母", "岭澳", "新大"};
        String[] womenCommunities = {"水头", "坝光", "溪涌", "土洋", "官湖", "三溪", "高源", "葵丰", "径心", "大鹏", "王母", "岭澳"};
        List<Integer> communityLeagues = new ArrayList<>();
        for (int i = 0; i < leagueCommunities.length; i++) {
            communityLeagues.add(org(ctx, leagueCommunities[i] + "社区团委", league, T_LEAGUE, d(2015, 3, 1), d(2021, 3 + i % 4, 5 + i), null));
        }
        for (int i = 0; i < womenCommunities.length; i++) {
            org(ctx, womenCommunities[i] + "社区妇联", women, T_WOMEN, d(2015, 3, 1), d(2021, 4 + i % 3, 8 + i), null);
        }
        // 社区工联会: two of them are past their five-year term
        org(ctx, "葵涌社区工联会", union, T_WORKERS, d(2010, 5, 1), d(2015, 5, 1), 5);
        org(ctx, "南澳社区工联会", union, T_WORKERS, d(2010, 5, 1), d(2016, 3, 1), 5);
        org(ctx, "大鹏社区工联会", union, T_WORKERS, d(2010, 5, 1), d(2019, 9, 1), 5);

        // people: 团员 (some past 28), 先进个人
        int huang = person(ctx, "黄旭军", "男", d(1980, 2, 14), "中共党员", union);
        List<Integer> provincial = new ArrayList<>();
        String[] provNames = {"陈晓燕", "林志豪", "吴佳琪", "郑海峰", "刘𠮷祥"};
        for (int i = 0; i < provNames.length; i++) {
            provincial.add(person(ctx, provNames[i], i % 2 == 0 ? "女" : "男", d(1995 + i, 3, 1 + i), i < 2 ? "共青团员" : "群众", i < 2 ? league : women));
        }
        // everyone else gets a realistic name from the demo generator's lists (seeded: the example is the same every time)
        java.util.Set<String> taken = new java.util.HashSet<>(List.of("黄旭军"));
        taken.addAll(List.of(provNames));
        taken.addAll(List.of("赵一鸣", "钱晓东", "孙丽华", "李建国", "周海燕", "王小川", "冯雨桐", "蒋子墨"));
        java.util.random.RandomGenerator names = new java.util.SplittableRandom(2021);
        List<Integer> city = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            city.add(person(ctx, DemoNames.uniquePersonName(names, i % 2 != 0, taken), i % 2 == 0 ? "女" : "男", d(1985 + i % 10, 1 + i % 12, 1 + i), "群众",
                    communityLeagues.get(i % communityLeagues.size())));
        }
        // 团员 past 28 on 30 June 2021 (born before 1 July 1993) and turning 28 in the second half
        String[] over = {"赵一鸣", "钱晓东", "孙丽华", "李建国", "周海燕"};
        for (int i = 0; i < over.length; i++) {
            person(ctx, over[i], i % 2 == 0 ? "男" : "女", d(1990 + i % 3, 2 + i, 10), "共青团员", communityLeagues.get(i));
        }
        String[] turning = {"王小川", "冯雨桐", "蒋子墨"};
        for (int i = 0; i < turning.length; i++) {
            person(ctx, turning[i], "女", d(1993, 8 + i, 12), "共青团员", communityLeagues.get(5 + i));
        }
        for (int i = 0; i < 40; i++) {
            person(ctx, DemoNames.uniquePersonName(names, i % 2 == 0, taken), i % 2 == 0 ? "男" : "女", d(1998 + i % 6, 1 + i % 12, 1 + i % 27), "共青团员",
                    communityLeagues.get(i % communityLeagues.size()));
        }

        // ---------------------------------------------------------------- 2021年上半年
        for (int i = 1; i <= 51; i++) {
            LocalDate day = d(2021, 1, 4).plusDays((i - 1) * 3L);
            activity(ctx, "“三会一课”专题学习（第" + i + "期）", root, C_STUDY, day, null, 20 + i % 15, 0, 0, false, null);
        }
        activity(ctx, "“红色阅读周周汇”党史学习教育", league, C_STUDY, d(2021, 4, 6), d(2021, 6, 29), 1200, 0, 0, true, "每周推荐红色书目，开发3条红色研学路径");
        activity(ctx, "“青春齐向党”主题团日活动", league, C_STUDY, d(2021, 5, 4), null, 860, 0, 0, true, null);
        activity(ctx, "“百年光辉 青鹏相传”主题活动", league, C_STUDY, d(2021, 6, 18), null, 650, 0, 0, true, null);
        activity(ctx, "“扬劳模精神 悟‘四史’精髓”主题宣讲", union, C_STUDY, d(2021, 4, 28), null, 520, 0, 0, true, null);
        activity(ctx, "“鹏城巾帼心向党 双区建设她力量”主题活动", women, C_STUDY, d(2021, 3, 8), null, 480, 0, 0, true, null);

        activity(ctx, "“马路天使”交通文明志愿服务", volunteers, C_VOLUNTEER, d(2021, 1, 8), d(2021, 6, 30), 287, 73350, 0, true,
                "助力新区连续39个月蝉联全市交通文明指数第一名");
        activity(ctx, "防疫志愿服务", volunteers, C_VOLUNTEER, d(2021, 5, 26), d(2021, 6, 25), 3000, 500000, 0, true,
                "3支应急志愿队伍、3个“防疫加油站”、90个防疫志愿服务点位");
        activity(ctx, "“亮净一号”清滩护河净山志愿服务", volunteers, C_VOLUNTEER, d(2021, 3, 20), null, 1500, 45000, 0, true, null);
        activity(ctx, "“绿鹏鹏”垃圾分类志愿服务", volunteers, C_VOLUNTEER, d(2021, 6, 5), null, 800, 16000, 2000, false, null);
        for (int i = 0; i < 6; i++) {
            activity(ctx, "社区环境清洁志愿行动", communityLeagues.get(i), C_VOLUNTEER, d(2021, 2 + i % 4, 6 + i), null, 20 + i, 400 + 20 * i, 0, false,
                    null);
        }
        activity(ctx, "生态旅游志愿服务示范段启动仪式", league, C_VOLUNTEER, d(2021, 5, 15), null, 300, 900, 0, false, null);

        activity(ctx, "“新春慰问”走访困难职工", union, C_CARE, d(2021, 2, 3), d(2021, 2, 10), 120, 0, 12000, false, null);
        activity(ctx, "困境妇女儿童关爱慰问", women, C_CARE, d(2021, 5, 28), null, 40, 0, 166, true, "慰问困境妇女儿童166户");
        activity(ctx, "困境儿童“微心愿”圆梦行动", women, C_CARE, d(2021, 6, 1), null, 60, 0, 39, false, null);
        activity(ctx, "疫情防控一线关爱慰问", union, C_CARE, d(2021, 6, 8), null, 150, 0, 2600, false, "慰问点位200余个");

        activity(ctx, "首届“工会杯”八人制足球联赛", union, C_CULTURE, d(2021, 4, 10), d(2021, 6, 26), 360, 0, 0, true, "24支队伍，91场比赛");
        activity(ctx, "“相约湾区 青聚大鹏”深港澳青年交流活动", league, C_FRIENDS, d(2021, 5, 22), null, 200, 0, 0, true, null);
        activity(ctx, "“律师驻点”劳资纠纷调处服务", union, C_RIGHTS, d(2021, 3, 15), d(2021, 6, 30), 120, 0, 5, false, "预防化解劳资纠纷隐患5起");
        activity(ctx, "婚姻家庭纠纷矛盾排查", women, C_RIGHTS, d(2021, 4, 20), null, 80, 0, 0, false, null);
        activity(ctx, "“舒心驿站”一对一心理咨询", women, C_TRAINING, d(2021, 4, 12), d(2021, 6, 20), 600, 1200, 600, false, null);
        activity(ctx, "“考生加油站”训练营", league, C_TRAINING, d(2021, 5, 29), null, 180, 0, 0, false, null);
        activity(ctx, "社区团委换届选举工作推进会", league, C_MEETING, d(2021, 3, 2), null, 45, 0, 0, false, null);
        activity(ctx, "“双百看大鹏”宣传推介活动", root, C_OTHER, d(2021, 4, 16), null, 300, 0, 0, false, null);
        activity(ctx, "“我们的节日·端午”活动", youthFund, C_OTHER, d(2021, 6, 12), null, 150, 0, 0, false, null);
        // planned, not held: never counted or named
        activity(ctx, "“青春夜话”读书会（筹备）", league, C_STUDY, d(2021, 6, 30), null, 0, 0, 0, false, null, true);

        // ---------------------------------------------------------------- 2020年上半年 (for 同比)
        for (int i = 1; i <= 40; i++) {
            activity(ctx, "理论学习（第" + i + "期）", root, C_STUDY, d(2020, 1, 6).plusDays(i * 4L), null, 25, 0, 0, false, null);
        }
        for (int i = 1; i <= 6; i++) {
            activity(ctx, "职工趣味运动会（第" + i + "场）", union, C_CULTURE, d(2020, 1, 10).plusDays(i * 25L), null, 300, 0, 0, false, null);
        }
        for (int i = 1; i <= 9; i++) {
            activity(ctx, "走访慰问困难职工", union, C_CARE, d(2020, 1, 15).plusDays(i * 15L), null, 30, 0, 400, false, null);
        }
        for (int i = 1; i <= 5; i++) {
            activity(ctx, "志愿服务", volunteers, C_VOLUNTEER, d(2020, 2, 1).plusDays(i * 20L), null, 900, 20000, 0, false, null);
        }

        // ---------------------------------------------------------------- honours, 2021年上半年
        honour(ctx, d(2021, 5, 4), "全国五四红旗团支部", "国家级", "集体", kuiyong, null, "共青团中央");
        honour(ctx, d(2021, 3, 5), "广东“优秀战疫志愿服务典型”项目", "省级", "集体", volunteers, null, "广东省志愿者联合会");
        honour(ctx, d(2021, 4, 30), "广东省五四红旗团委", "省级", "集体", league, null, "共青团广东省委");
        honour(ctx, d(2021, 3, 8), "广东省三八红旗集体", "省级", "集体", women, null, "广东省妇联");
        honour(ctx, d(2021, 4, 28), "广东省模范职工之家", "省级", "集体", union, null, "广东省总工会");
        honour(ctx, d(2021, 5, 4), "广东省青年文明号", "省级", "集体", communityLeagues.get(0), null, "共青团广东省委");
        honour(ctx, d(2021, 3, 1), "省级优秀共产党员", "省级", "个人", union, huang, "中共广东省委");
        String[] provTitles = {"广东省优秀共青团员", "广东省优秀共青团干部", "广东省三八红旗手", "广东省五一劳动奖章", "广东省优秀志愿者"};
        String[] provIssuers = {"共青团广东省委", "共青团广东省委", "广东省妇联", "广东省总工会", "广东省志愿者联合会"};
        for (int i = 0; i < provincial.size(); i++) {
            honour(ctx, d(2021, 5, 4 + i), provTitles[i], "省级", "个人", i < 2 ? league : women, provincial.get(i), provIssuers[i]);
        }
        honour(ctx, d(2021, 6, 10), "市“十佳公益组织”", "市级", "集体", volunteers, null, "深圳市民政局");
        for (int i = 0; i < 6; i++) {
            honour(ctx, d(2021, 4, 1 + i), "市先进基层组织", "市级", "集体", communityLeagues.get(i + 1), null, "共青团深圳市委");
        }
        for (int i = 0; i < city.size(); i++) {
            honour(ctx, d(2021, 5, 1 + i % 28), "市优秀共青团员", "市级", "个人", communityLeagues.get(i % communityLeagues.size()), city.get(i),
                    "共青团深圳市委");
        }
        honour(ctx, d(2020, 5, 4), "市五四红旗团委", "市级", "集体", league, null, "共青团深圳市委");

        // ---------------------------------------------------------------- plans
        int current = plan(ctx, root, "大鹏新区群团工作部2021年上半年工作计划", FROM, TO);
        int s1 = item(ctx, current, null, 1, "强化思想引领", null, null, null, null, null, null);
        item(ctx, current, s1, 1, "深化党史学习教育。", "组织开展庆祝建党100周年系列主题活动。", "已完成", null, null, null, d(2021, 6, 30));
        int s2 = item(ctx, current, null, 2, "深化志愿服务", null, null, null, null, null, null);
        item(ctx, current, s2, 1, "志愿服务常态化。", "上半年开展志愿服务活动不少于20场。", "进行中", "activities", C_VOLUNTEER, 20, d(2021, 6, 30));
        item(ctx, current, s2, 2, "建立生态环保志愿服务联盟。", "完成联盟组建并发布章程。", "未开始", null, null, null, d(2021, 5, 31));

        int next = plan(ctx, root, "大鹏新区群团工作部2021年下半年工作计划", d(2021, 7, 1), d(2021, 12, 31));
        int n1 = item(ctx, next, null, 1, "聚焦“美丽大鹏”，实施生态志愿促进行动", null, null, null, null, null, null);
        item(ctx, next, n1, 1, "全方位提升党建引领志愿参与。", "持续完善党建引领“实战化体系化”志愿服务模式，培育涉海安全、山地救援、心理援助等专业志愿服务队伍。",
                null, null, null, null, null);
        item(ctx, next, n1, 2, "广覆盖延展生态环保志愿内涵。", "组建生态环保志愿服务联盟，延展“亮净一号”生态志愿服务空间。", null, null, null, null, null);
        int n2 = item(ctx, next, null, 2, "聚焦“活力大鹏”，实施改革创新牵引行动", null, null, null, null, null, null);
        int n2a = item(ctx, next, n2, 1, "做深做优“质量建会”", null, null, null, null, null, null);
        item(ctx, next, n2a, 1, "扎实做好“工会权益盾”服务。", "打造一批“活力工会”品牌。", null, null, null, null, null);
        item(ctx, next, n2a, 2, "开发“鹏翼”人才发展计划。", "推动基层工会由“建起来”到“活起来”。", null, null, null, null, null);
        int n2b = item(ctx, next, n2, 2, "巩固提升“破难行动”成果", null, null, null, null, null, null);
        item(ctx, next, n2b, 1, "开展妇联“领头雁”培训项目。", "实施妇联执委积分制。", null, null, null, null, null);
        int n3 = item(ctx, next, null, 3, "聚焦“幸福大鹏”，实施共建共享温暖行动", null, null, null, null, null, null);
        item(ctx, next, n3, 1, "做细群众需求服务内涵。", "持续开展“工会杯”系列文体赛事，擦亮“大鹏青年之夜”品牌。", null, null, null, null, null);
        return new Ids(root, league, women, union, volunteers, kuiyong, current, next);
    }

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    private static int org(DSLContext ctx, String name, Integer parent, int type, LocalDate founded, LocalDate elected, Integer term) {
        return ctx.insertInto(ORG).set(ORG.NAME, name).set(ORG.PARENT_ID, parent).set(ORG.TYPE_ID, type).set(ORG.FOUNDED_ON, founded)
                .set(ORG.LAST_ELECTION_ON, elected).set(ORG.TERM_YEARS, term).returning(ORG.ID).fetchOne(ORG.ID);
    }

    private static int person(DSLContext ctx, String name, String gender, LocalDate birth, String status, int orgId) {
        int id = ctx.insertInto(PERSON).set(PERSON.NAME, name).set(PERSON.GENDER, gender).set(PERSON.BIRTH_DATE, birth)
                .set(PERSON.POLITICAL_STATUS, status).returning(PERSON.ID).fetchOne(PERSON.ID);
        ctx.insertInto(MEMBERSHIP).set(MEMBERSHIP.PERSON_ID, id).set(MEMBERSHIP.ORG_ID, orgId).set(MEMBERSHIP.ROLE, "会员")
                .set(MEMBERSHIP.JOINED_ON, LocalDate.of(2019, 1, 1)).execute();
        return id;
    }

    private static void activity(DSLContext ctx, String name, int org, int category, LocalDate start, LocalDate end, int people, int tenths,
                                 int benefit, boolean highlight, String description) {
        activity(ctx, name, org, category, start, end, people, tenths, benefit, highlight, description, false);
    }

    private static void activity(DSLContext ctx, String name, int org, int category, LocalDate start, LocalDate end, int people, int tenths,
                                 int benefit, boolean highlight, String description, boolean planned) {
        ctx.insertInto(ACTIVITY).set(ACTIVITY.NAME, name).set(ACTIVITY.ORG_ID, org).set(ACTIVITY.CATEGORY_ID, category)
                .set(ACTIVITY.START_DATE, start).set(ACTIVITY.END_DATE, end).set(ACTIVITY.PARTICIPANTS, people)
                .set(ACTIVITY.SERVICE_TENTHS, tenths).set(ACTIVITY.BENEFICIARIES, benefit).set(ACTIVITY.HIGHLIGHT, highlight)
                .set(ACTIVITY.DESCRIPTION, description).set(ACTIVITY.PLANNED, planned).execute();
    }

    private static void honour(DSLContext ctx, LocalDate date, String title, String level, String kind, int org, Integer person, String issuer) {
        ctx.insertInto(HONOR).set(HONOR.HONOR_DATE, date).set(HONOR.TITLE, title).set(HONOR.LEVEL, level).set(HONOR.KIND, kind)
                .set(HONOR.ORG_ID, org).set(HONOR.PERSON_ID, person).set(HONOR.ISSUER, issuer).execute();
    }

    private static int plan(DSLContext ctx, int org, String title, LocalDate from, LocalDate to) {
        return ctx.insertInto(PLAN).set(PLAN.ORG_ID, org).set(PLAN.TITLE, title).set(PLAN.PERIOD_FROM, from).set(PLAN.PERIOD_TO, to)
                .returning(PLAN.ID).fetchOne(PLAN.ID);
    }

    private static int item(DSLContext ctx, int plan, Integer parent, int order, String lead, String body, String status, String metric,
                            Integer category, Integer target, LocalDate due) {
        return ctx.insertInto(PLAN_ITEM).set(PLAN_ITEM.PLAN_ID, plan).set(PLAN_ITEM.PARENT_ID, parent).set(PLAN_ITEM.SORT_ORDER, order)
                .set(PLAN_ITEM.LEAD, lead).set(PLAN_ITEM.BODY, body).set(PLAN_ITEM.STATUS, org.taizhang.common.PlanStatus.of(status).code)
                .set(PLAN_ITEM.TARGET_METRIC, metric).set(PLAN_ITEM.TARGET_CATEGORY_ID, category).set(PLAN_ITEM.TARGET_VALUE, target)
                .set(PLAN_ITEM.DUE_DATE, due).returning(PLAN_ITEM.ID).fetchOne(PLAN_ITEM.ID);
    }
}
