package org.taizhang.activity;

import static org.taizhang.db.jooq.Tables.ACTIVITY_CATEGORY;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jooq.DSLContext;
import org.taizhang.demo.DemoData;
import org.taizhang.honor.HonorKind;
import org.taizhang.honor.HonorLevel;

/**
 * Demo activities across the ten categories over the last three years (realistic names, plausible
 * 人次/时长/惠及, some 亮点, a few planned ones ahead) and honours at every level, collective ones to
 * organisations and individual ones to people in their organisation. Written with plain JDBC batches
 * inside the demo transaction so that a million activities take seconds, not minutes.
 */
public final class ActivityDemo implements DemoData.Extension {
    private static final int BATCH = 20_000;

    /** Per category: names, 人次 range, hours per 人次 (tenths, 0 = none) range, 惠及 per 人次 factor. */
    private record Kind(String category, int weight, List<String> names, int minPeople, int maxPeople, int minTenthsPer,
                        int maxTenthsPer, int benefitFactor) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("学习教育", 18, List.of("学习贯彻党的二十大精神专题会", "青年理论学习小组集中学习", "“学习强国”知识分享会",
                    "主题团日活动", "红色教育基地参观学习", "“青年大学习”读书分享会", "宪法宣传日学习活动", "民法典进社区宣讲",
                    "“四史”学习教育报告会", "新时代文明实践宣讲"), 10, 120, 0, 0, 0),
            new Kind("志愿服务", 20, List.of("学雷锋志愿服务活动", "社区环境清洁志愿行动", "关爱空巢老人志愿服务", "文明交通劝导志愿服务",
                    "防溺水安全宣传志愿服务", "义诊义剪志愿服务", "垃圾分类宣传志愿服务", "爱心助考志愿服务", "“青春暖冬”志愿服务",
                    "疫苗接种点志愿服务"), 8, 200, 20, 60, 6),
            new Kind("文体活动", 12, List.of("职工趣味运动会", "“工会杯”篮球赛", "迎新春文艺汇演", "职工书画摄影展", "广场舞展演",
                    "健步走活动", "亲子运动会", "“我们的节日·中秋”游园会", "职工羽毛球赛"), 20, 400, 0, 0, 1),
            new Kind("慰问帮扶", 10, List.of("春节走访慰问困难职工", "“金秋助学”慰问活动", "夏送清凉慰问一线职工", "走访慰问困难妇女儿童",
                    "重阳节慰问老党员", "“六一”关爱留守儿童", "送温暖进工地"), 5, 40, 10, 40, 4),
            new Kind("权益维护", 8, List.of("劳动法律法规宣传咨询", "职工法律援助咨询日", "妇女儿童权益保护宣传",
                    "“尊法守法·携手筑梦”普法活动", "集体协商要约行动", "反家暴宣传进社区"), 5, 60, 0, 20, 5),
            new Kind("联谊交友", 6, List.of("青年联谊交友活动", "“缘来是你”单身青年交友会", "新业态劳动者联谊会", "三八节女职工联谊活动",
                    "青联委员联谊座谈"), 20, 150, 0, 0, 0),
            new Kind("培训", 10, List.of("基层工会干部业务培训", "团干部能力提升培训班", "家庭教育指导师培训", "职工技能提升培训",
                    "妇联执委履职培训", "志愿者骨干培训", "心理健康辅导培训"), 15, 150, 20, 80, 0),
            new Kind("会议", 8, List.of("季度工作例会", "团代会筹备会议", "妇女代表大会", "职工代表大会", "年度工作总结会",
                    "换届选举大会", "执委（扩大）会议"), 8, 200, 0, 0, 0),
            new Kind("竞赛", 5, List.of("职工技能大赛", "青年创新创业大赛", "“巾帼建功”岗位练兵比赛", "安全生产知识竞赛",
                    "演讲比赛"), 10, 360, 0, 0, 0),
            new Kind("其他", 3, List.of("“六一”儿童节主题活动", "母亲节感恩活动", "“我们的节日·端午”活动", "植树节义务植树",
                    "“最美家庭”评选展示"), 10, 150, 0, 30, 2));

    private static final List<String> PLACES = List.of("党群服务中心", "职工服务中心", "文体中心", "青少年活动中心", "妇女儿童之家",
            "新时代文明实践站", "图书馆", "社区广场", "多功能厅", "会议室", "职工之家", "青年之家");

    private static final List<String> LEVELS = HonorLevel.labels();
    private static final int[] LEVEL_WEIGHTS = {2, 8, 20, 30, 25, 15};
    private static final String[] LEVEL_PREFIX = {"全国", "省", "市", "区", "街道", ""};
    private static final List<String> COLLECTIVE_TITLES = List.of("五四红旗团支部", "三八红旗集体", "模范职工之家", "青年文明号",
            "巾帼文明岗", "先进基层工会", "优秀志愿服务组织", "先进集体", "五好基层关工委", "工人先锋号");
    private static final List<String> INDIVIDUAL_TITLES = List.of("优秀共青团员", "优秀共青团干部", "三八红旗手", "五一劳动奖章",
            "优秀工会工作者", "最美志愿者", "岗位能手", "优秀妇女干部", "青年岗位能手", "五四青年奖章");
    private static final String[][] ISSUERS = {
            {"中华全国总工会", "共青团中央", "全国妇联"}, {"省总工会", "共青团省委", "省妇联"}, {"市总工会", "共青团市委", "市妇联"},
            {"区总工会", "共青团区委", "区妇联"}, {"街道党工委", "街道办事处", "街道总工会"}, {"示范区群团工作部", "区直机关工委", "本单位"}};

    @Override
    public int[] generate(DSLContext ctx, List<DemoData.GeneratedOrg> orgs, List<Integer> personIds, DemoData.Size size,
                          SplittableRandom r, LocalDate today) {
        Map<String, Integer> catIds = new HashMap<>();
        ctx.selectFrom(ACTIVITY_CATEGORY).forEach(c -> catIds.put(c.getName(), c.getId()));
        int[] out = new int[2];
        ctx.connection(conn -> {
            out[0] = activities(conn, orgs, size.activities(), r, today, catIds);
            out[1] = honours(conn, orgs, personIds, size.honors(), r, today);
        });
        return out;
    }

    private static int activities(Connection conn, List<DemoData.GeneratedOrg> orgs, int count, SplittableRandom r,
                                  LocalDate today, Map<String, Integer> catIds) throws SQLException {
        if (count <= 0) {
            return 0;
        }
        int totalWeight = KINDS.stream().mapToInt(Kind::weight).sum();
        int firstId = nextId(conn, "activity");
        String sql = "INSERT INTO activity (id, start_date, end_date, name, org_id, category_id, participants, service_tenths,"
                + " beneficiaries, place, description, highlight, planned) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)";
        int days = 3 * 365;
        try (PreparedStatement ps = conn.prepareStatement(sql);
             PreparedStatement co = conn.prepareStatement("INSERT INTO activity_coorg (activity_id, org_id) VALUES (?,?)")) {
            for (int i = 0; i < count; i++) {
                int id = firstId + i;
                Kind k = pick(r, totalWeight);
                DemoData.GeneratedOrg org = orgs.get(r.nextInt(orgs.size()));
                boolean planned = r.nextInt(100) == 0;
                LocalDate start = planned ? today.plusDays(1 + r.nextInt(60)) : today.minusDays(r.nextInt(days));
                int span = r.nextInt(10) == 0 ? 1 + r.nextInt(3) : 0;
                LocalDate end = span == 0 ? null : start.plusDays(span);
                if (end != null && end.isAfter(today) && !planned) {
                    end = null;
                    span = 0;
                }
                String base = k.names().get(r.nextInt(k.names().size()));
                String name = switch (r.nextInt(6)) {
                    case 0 -> start.getYear() + "年" + base;
                    case 1 -> base + "（第" + (1 + r.nextInt(12)) + "期）";
                    default -> base;
                };
                int people = planned ? 0 : k.minPeople() + r.nextInt(k.maxPeople() - k.minPeople() + 1);
                int tenthsPer = k.maxTenthsPer() == 0 ? 0 : k.minTenthsPer() + r.nextInt(k.maxTenthsPer() - k.minTenthsPer() + 1);
                int tenths = people * tenthsPer;
                int benefit = planned ? 0 : people * k.benefitFactor() + (k.benefitFactor() > 0 ? r.nextInt(50) : 0);
                boolean highlight = !planned && r.nextInt(30) == 0;
                String place = shortName(org.name()) + PLACES.get(r.nextInt(PLACES.size()));
                ps.setInt(1, id);
                ps.setString(2, start.toString());
                if (end == null) {
                    ps.setNull(3, Types.VARCHAR);
                } else {
                    ps.setString(3, end.toString());
                }
                ps.setString(4, name);
                ps.setInt(5, org.id());
                ps.setInt(6, catIds.getOrDefault(k.category(), 10));
                ps.setInt(7, people);
                ps.setInt(8, tenths);
                ps.setInt(9, benefit);
                ps.setString(10, place);
                if (highlight) {
                    ps.setString(11, org.name() + "组织开展" + base + "，" + people + " 人次参与"
                            + (tenths > 0 ? "，累计服务 " + Amounts.hours(tenths) + " 小时" : "")
                            + (benefit > 0 ? "，惠及群众 " + benefit + " 人" : "") + "，受到群众好评。");
                } else {
                    ps.setNull(11, Types.VARCHAR);
                }
                ps.setInt(12, highlight ? 1 : 0);
                ps.setInt(13, planned ? 1 : 0);
                ps.addBatch();
                if (orgs.size() > 1 && r.nextInt(20) == 0) {
                    DemoData.GeneratedOrg other = orgs.get(r.nextInt(orgs.size()));
                    if (other.id() != org.id()) {
                        co.setInt(1, id);
                        co.setInt(2, other.id());
                        co.addBatch();
                    }
                }
                if ((i + 1) % BATCH == 0) {
                    ps.executeBatch();
                    co.executeBatch();
                }
            }
            ps.executeBatch();
            co.executeBatch();
        }
        return count;
    }

    private static String shortName(String orgName) {
        for (String cut : new String[] {"社区", "街道"}) {
            int i = orgName.indexOf(cut);
            if (i > 0) {
                return orgName.substring(0, i + cut.length());
            }
        }
        return "区";
    }

    private static Kind pick(SplittableRandom r, int totalWeight) {
        int x = r.nextInt(totalWeight);
        for (Kind k : KINDS) {
            x -= k.weight();
            if (x < 0) {
                return k;
            }
        }
        return KINDS.getLast();
    }

    private static int honours(Connection conn, List<DemoData.GeneratedOrg> orgs, List<Integer> personIds, int count,
                               SplittableRandom r, LocalDate today) throws SQLException {
        if (count <= 0) {
            return 0;
        }
        int written = 0;
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO honor (honor_date, title, level, kind, org_id, person_id,"
                + " issuer) VALUES (?,?,?,?,?,?,?)");
             PreparedStatement orgOf = conn.prepareStatement("SELECT org_id FROM membership WHERE person_id = ? ORDER BY id LIMIT 1")) {
            for (int i = 0; i < count; i++) {
                int li = pickLevel(r);
                boolean individual = !personIds.isEmpty() && r.nextInt(5) < 2;
                Integer personId = null;
                int orgId;
                String title;
                if (individual) {
                    personId = personIds.get(r.nextInt(personIds.size()));
                    orgOf.setInt(1, personId);
                    try (ResultSet rs = orgOf.executeQuery()) {
                        if (!rs.next()) {
                            continue;
                        }
                        orgId = rs.getInt(1);
                    }
                    title = LEVEL_PREFIX[li] + INDIVIDUAL_TITLES.get(r.nextInt(INDIVIDUAL_TITLES.size()));
                } else {
                    // higher honours go to higher organisations more often
                    DemoData.GeneratedOrg org = orgs.get(r.nextInt(orgs.size()));
                    if (li <= 1 && org.depth() > 2 && r.nextBoolean()) {
                        org = orgs.get(r.nextInt(Math.min(orgs.size(), 12)));
                    }
                    orgId = org.id();
                    title = LEVEL_PREFIX[li] + COLLECTIVE_TITLES.get(r.nextInt(COLLECTIVE_TITLES.size()));
                }
                LocalDate date = today.minusDays(r.nextInt(3 * 365));
                ps.setString(1, date.toString());
                ps.setString(2, title);
                ps.setString(3, LEVELS.get(li));
                ps.setString(4, (individual ? HonorKind.INDIVIDUAL : HonorKind.COLLECTIVE).label);
                ps.setInt(5, orgId);
                if (personId == null) {
                    ps.setNull(6, Types.INTEGER);
                } else {
                    ps.setInt(6, personId);
                }
                ps.setString(7, ISSUERS[li][r.nextInt(ISSUERS[li].length)]);
                ps.addBatch();
                written++;
                if (written % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return written;
    }

    private static int pickLevel(SplittableRandom r) {
        int x = r.nextInt(100);
        for (int i = 0; i < LEVEL_WEIGHTS.length; i++) {
            x -= LEVEL_WEIGHTS[i];
            if (x < 0) {
                return i;
            }
        }
        return LEVEL_WEIGHTS.length - 1;
    }

    private static int nextId(Connection conn, String table) throws SQLException {
        try (var st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
