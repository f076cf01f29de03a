package org.taizhang.exchange;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.taizhang.activity.ActivityInput;
import org.taizhang.activity.ActivityService;
import org.taizhang.db.Database;
import org.taizhang.honor.HonorInput;
import org.taizhang.honor.HonorService;
import org.taizhang.org.OrgInput;
import org.taizhang.org.OrgService;
import org.taizhang.person.IdNumber;
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
import org.taizhang.stats.Period;

/**
 * One office's own database (a real SQLite file) for the exchange tests, with the records an office of
 * that level keeps: its organisations, people, activities, honours and plans, written through the services.
 */
final class Office implements AutoCloseable {
    static final Period H1 = Period.firstHalf(2026);
    /** The real organisation tree of the scenario: name → (parent, type id, founded, last 换届). */
    static final String DISTRICT = "示范区群团工作部";
    static final String STREET_A = "𠮷祥街道团工委";
    static final String STREET_B = "海滨街道妇联";
    static final String COMMUNITY_A1 = "𠮷祥社区团委";
    static final String COMMUNITY_A2 = "荔湾社区团委";
    static final String COMMUNITY_B1 = "海滨社区妇联";
    static final String TEAM_A1 = "𠮷祥社区青年志愿服务队";

    final Database db;
    final OrgService orgs;
    final PersonService people;
    final ActivityService activities;
    final HonorService honors;
    final PlanService plans;
    final ExchangeService exchange;
    final Map<String, Integer> org = new HashMap<>();

    Office(Path file) {
        db = Database.open(file);
        orgs = new OrgService(db);
        people = new PersonService(db);
        activities = new ActivityService(db);
        honors = new HonorService(db);
        plans = new PlanService(db);
        exchange = new ExchangeService(db);
    }

    /** Adds organisation {@code name} (of the scenario) under {@code parent} (null = top level here). */
    int addOrg(String name, String parent) {
        OrgInput in = switch (name) {
            case DISTRICT -> new OrgInput(name, 1, null, LocalDate.of(2005, 3, 1), null, LocalDate.of(2022, 4, 20), "陈主任", "0755-26543210", null);
            case STREET_A -> new OrgInput(name, 4, null, LocalDate.of(2010, 5, 4), null, LocalDate.of(2026, 3, 28), "林书记", "13800138000", "换届后委员由１３人增至２１人");
            case STREET_B -> new OrgInput(name, 6, null, LocalDate.of(2012, 3, 8), null, LocalDate.of(2021, 3, 8), "黄主席", "0755-26001234", null);
            case COMMUNITY_A1 -> new OrgInput(name, 3, null, LocalDate.of(2015, 5, 4), 3, LocalDate.of(2026, 4, 30), "张𠮷", "13912345678", null);
            case COMMUNITY_A2 -> new OrgInput(name, 3, null, LocalDate.of(2026, 2, 10), null, null, "李荔", null, "新建社区团委");
            case COMMUNITY_B1 -> new OrgInput(name, 6, null, LocalDate.of(2016, 3, 8), null, LocalDate.of(2020, 12, 1), "王海", null, null);
            case TEAM_A1 -> new OrgInput(name, 9, null, LocalDate.of(2026, 3, 5), null, null, null, null, "学雷锋日成立 😀");
            default -> throw new IllegalArgumentException(name);
        };
        int id = orgs.add(in.withParent(parent == null ? null : org.get(parent)));
        org.put(name, id);
        return id;
    }

    /** The scenario's own records of {@code name}: what that organisation's clerk types in. */
    void ownRecords(String name) {
        int o = org.get(name);
        switch (name) {
            case DISTRICT -> {
                act(o, "2026-01-15", "全区群团工作会议", 8, 120, 0, 0);
                act(o, "2026-05-04", "五四青年节主题团日活动", 1, 300, 600, 0);
                honors.add(HonorInput.collective(LocalDate.of(2026, 6, 1), "全国五四红旗团委", "国家级", o, "共青团中央"));
            }
            case STREET_A -> {
                act(o, "2026-03-05", "学雷锋志愿服务进社区", 2, 60, 180, 500);
                act(o, "2026-06-20", "街道青年篮球赛（第１届）", 3, 90, 0, 0);
                act(o, "2026-08-01", "下半年活动（不在上半年数据包中）", 3, 10, 0, 0);
                plan(o, "𠮷祥街道团工委2026年工作计划", List.of("深化思想政治引领", "服务青年成长成才"));
            }
            case STREET_B -> {
                act(o, "2026-03-08", "三八妇女节表彰大会", 8, 200, 0, 0);
                honors.add(HonorInput.collective(LocalDate.of(2026, 3, 8), "市级三八红旗集体", "市级", o, "市妇联"));
                plan(o, "海滨街道妇联2026年工作要点", List.of("巾帼建功行动"));
            }
            case COMMUNITY_A1 -> {
                int p1 = person("张𠮷", "1998-02-14", "共青团员", o, "书记", "13912345678");
                int p2 = person("刘小红", "1998-04-02", "共青团员", o, "委员", null); // turns 28 in 2026H1
                int p3 = person("陈大文", "1990-09-09", "中共党员", o, "会员", "0755-26888888");
                act(o, "2026-02-20", "青年理论学习小组（第１期）", 1, 25, 50, 0);
                act(o, "2026-04-12", "敬老院慰问 😀", 4, 18, 72, 60);
                honors.add(HonorInput.individual(LocalDate.of(2026, 5, 4), "区优秀共青团员", "区/县级", o, p2, "共青团示范区委员会"));
                honors.add(HonorInput.collective(LocalDate.of(2026, 5, 4), "区五四红旗团支部", "区/县级", o, "共青团示范区委员会"));
                if (p1 + p3 < 0) {
                    throw new AssertionError();
                }
            }
            case TEAM_A1 -> {
                person("赵志愿", "2001-07-01", "共青团员", o, "队长", null);
                act(o, "2026-03-05", "学雷锋志愿服务进社区", 2, 40, 160, 300); // same name as the street's, other organiser
            }
            case COMMUNITY_A2 -> {
                person("李荔", "1996-10-10", "共青团员", o, "书记", null);
                act(o, "2026-06-01", "六一儿童节亲子游园", 3, 80, 160, 200);
            }
            case COMMUNITY_B1 -> {
                int w = person("王海", "1985-03-08", "群众", o, "主席", null);
                person("周丽", "1992-11-11", "中共党员", o, "副主席", null);
                act(o, "2026-01-20", "“两癌”筛查宣传", 5, 150, 300, 400);
                act(o, "2026-05-10", "母亲节家庭故事分享会", 6, 45, 90, 0);
                honors.add(HonorInput.individual(LocalDate.of(2026, 3, 1), "市三八红旗手", "市级", o, w, "市妇联"));
            }
            default -> throw new IllegalArgumentException(name);
        }
    }

    int act(int orgId, String date, String name, int category, int participants, int tenths, int beneficiaries) {
        ActivityInput in = ActivityInput.of(LocalDate.parse(date), name, orgId, category, participants, tenths, beneficiaries);
        boolean planned = LocalDate.parse(date).isAfter(activities.today());
        return activities.add(new ActivityInput(in.startDate(), null, name, orgId, List.of(), category, participants, tenths,
                beneficiaries, "社区党群服务中心", "活动简介：" + name, false, planned), true);
    }

    private static int serial = 100;

    int person(String name, String birth, String political, int orgId, String role, String phone) {
        String first17 = "440305" + birth.replace("-", "") + String.format("%03d", serial++);
        String id = first17 + IdNumber.checkChar(first17);
        return people.add(new PersonInput(name, id, null, null, phone, political, null),
                new MembershipInput(orgId, role, LocalDate.of(2024, 1, 1)));
    }

    int plan(int orgId, String title, List<String> sections) {
        int id = plans.create(new PlanInput(orgId, title, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "2026年"));
        PlanOutline o = new PlanOutline();
        for (String s : sections) {
            PlanNode n = o.addSection(ItemFields.heading(s));
            o.addChild(n.key(), ItemFields.item("一是开展学习", "组织青年学习１２次。").withStatus(PlanStatus.IN_PROGRESS)
                    .withTarget(TargetMetric.ACTIVITIES, 1, 12).withOwner(orgId));
        }
        plans.save(id, o);
        return id;
    }

    Manifest export(String orgName, Path out) {
        return exchange.export(org.get(orgName), H1, false, out);
    }

    ImportResult importPackage(Path file) {
        return exchange.apply(file, null, false);
    }

    @Override
    public void close() {
        db.close();
    }
}
