package org.taizhang.demo;

import static org.taizhang.db.jooq.Tables.ACTIVITY;
import static org.taizhang.db.jooq.Tables.HONOR;
import static org.taizhang.db.jooq.Tables.MEMBERSHIP;
import static org.taizhang.db.jooq.Tables.ORG;
import static org.taizhang.db.jooq.Tables.PERSON;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.taizhang.common.ValidationException;
import org.taizhang.db.Database;
import org.taizhang.person.IdNumber;

/**
 * Builds a realistic 群团 tree (a district 群团工作部 with 工会, 团委, 妇联, 青联, 义工联, street-level
 * 街道总工会/团工委/妇联 and community-level 社区工联会/团委/妇联 beneath), Chinese names, valid ID
 * numbers. Deterministic for a seed; scales to 10k organisations and 500k people. Everything is
 * written in one transaction, and only into an empty database.
 */
public final class DemoData {
    /** Sizes of a generated data set. */
    public record Size(int orgs, int people, int activities, int honors) {
        public static final Size DEFAULT = new Size(120, 2000, 3000, 80);
    }

    /** What was written. */
    public record Result(int orgs, int people, int memberships, int activities, int honors) {
    }

    /** Extra content (activities, honours) added by other features on top of the tree and people. */
    public interface Extension {
        /** Writes into {@code ctx} inside the demo transaction; returns {activities, honors} written. */
        int[] generate(DSLContext ctx, List<GeneratedOrg> orgs, List<Integer> personIds, Size size, SplittableRandom random,
                       LocalDate today);
    }

    /** An organisation the generator made: id, type name, depth (0 = root). */
    public record GeneratedOrg(int id, Integer parentId, String name, String type, int depth) {
    }

    private static final int T_DEPT = 1, T_UNION = 2, T_LEAGUE = 3, T_LEAGUE_WC = 4, T_BRANCH = 5, T_WOMEN = 6,
            T_WOMEN_CMT = 7, T_YOUTH = 8, T_VOLUNTEER = 9, T_WORKERS = 10;

    private final Database db;
    private final LocalDate today;
    private final List<Extension> extensions = new ArrayList<>();

    public DemoData(Database db, LocalDate today) {
        this.db = db;
        this.today = today;
    }

    public DemoData with(Extension extension) {
        extensions.add(extension);
        return this;
    }

    public static boolean isEmpty(Database db) {
        return db.read(ctx -> ctx.fetchCount(ORG) == 0 && ctx.fetchCount(PERSON) == 0);
    }

    public Result generate(Size size, long seed, IntConsumer progressPercent) {
        if (size.orgs() < 6) {
            throw new ValidationException("组织数", "示例数据至少需要 6 个组织");
        }
        if (size.people() < 0 || size.activities() < 0 || size.honors() < 0) {
            throw new ValidationException("数量", "数量不能为负数");
        }
        if (!isEmpty(db)) {
            throw new ValidationException("数据库", "数据库里已经有数据，示例数据只能装入空数据库。请新建一个数据库再试。");
        }
        SplittableRandom r = new SplittableRandom(seed);
        return db.tx(ctx -> {
            List<GeneratedOrg> orgs = buildTree(ctx, size.orgs(), r);
            progressPercent.accept(20);
            List<Integer> people = new ArrayList<>();
            int memberships = buildPeople(ctx, orgs, size.people(), r, people, progressPercent);
            int acts = 0;
            int hons = 0;
            for (Extension e : extensions) {
                int[] n = e.generate(ctx, orgs, people, size, r, today);
                acts += n[0];
                hons += n[1];
            }
            progressPercent.accept(100);
            return new Result(orgs.size(), people.size(), memberships, acts, hons);
        });
    }

    private final class TreeBuilder {
        final DSLContext ctx;
        final SplittableRandom r;
        final List<GeneratedOrg> out = new ArrayList<>();
        final BatchBindStep batch;
        int nextId = 1;

        TreeBuilder(DSLContext ctx, SplittableRandom r) {
            this.ctx = ctx;
            this.r = r;
            this.batch = ctx.batch(ctx.insertInto(ORG, ORG.ID, ORG.PARENT_ID, ORG.NAME, ORG.TYPE_ID, ORG.FOUNDED_ON,
                    ORG.LAST_ELECTION_ON, ORG.CONTACT_PERSON, ORG.CONTACT_PHONE, ORG.SORT_ORDER)
                    .values((Integer) null, null, null, null, null, null, null, null, null));
        }

        GeneratedOrg add(Integer parent, String name, int type, String typeName, int depth, int termYears) {
            int id = nextId++;
            LocalDate founded = today.minusDays(365L * 3 + r.nextInt(365 * 30));
            // most organisations elected within their term; about one in eight is overdue
            LocalDate last = null;
            if (r.nextInt(10) > 0) {
                int maxBack = r.nextInt(8) == 0 ? termYears * 365 + 400 : termYears * 365 - 30;
                last = today.minusDays(30 + r.nextInt(Math.max(1, maxBack)));
                if (last.isBefore(founded)) {
                    last = founded.plusDays(r.nextInt(365));
                }
                if (last.isAfter(today)) {
                    last = today.minusDays(1);
                }
            }
            boolean male = r.nextBoolean();
            batch.bind(id, parent, name, type, founded, last,
                    DemoNames.personName(r, male), "13" + (5 + r.nextInt(5)) + String.format("%08d", r.nextInt(100_000_000)), id);
            GeneratedOrg g = new GeneratedOrg(id, parent, name, typeName, depth);
            out.add(g);
            return g;
        }
    }

    private List<GeneratedOrg> buildTree(DSLContext ctx, int target, SplittableRandom r) {
        TreeBuilder t = new TreeBuilder(ctx, r);
        GeneratedOrg root = t.add(null, "示范区群团工作部", T_DEPT, "群团工作部", 0, 5);
        GeneratedOrg union = t.add(root.id(), "示范区总工会", T_UNION, "工会", 1, 5);
        GeneratedOrg league = t.add(root.id(), "共青团示范区委员会", T_LEAGUE, "团委", 1, 3);
        GeneratedOrg women = t.add(root.id(), "示范区妇女联合会", T_WOMEN, "妇联", 1, 5);
        GeneratedOrg youth = t.add(root.id(), "示范区青年联合会", T_YOUTH, "青联", 1, 5);
        GeneratedOrg vol = t.add(root.id(), "示范区义工联合会", T_VOLUNTEER, "义工联", 1, 5);
        if (t.out.size() < target) {
            t.add(union.id(), "区直机关工会", T_UNION, "工会", 2, 5);
        }
        if (t.out.size() < target) {
            t.add(league.id(), "区直机关团工委", T_LEAGUE_WC, "团工委", 2, 3);
        }
        if (t.out.size() < target) {
            t.add(women.id(), "区直机关妇委会", T_WOMEN_CMT, "妇委会", 2, 3);
        }
        int remaining = target - t.out.size();
        // each street makes 3 units, each community 3 more; choose communities per street from the target
        int communitiesPerStreet = Math.max(1, (int) Math.round(Math.sqrt(remaining / 3.0) * 1.2));
        int perStreet = 3 + 3 * communitiesPerStreet;
        int streets = Math.max(1, (remaining + perStreet - 1) / perStreet);
        Set<String> usedCommunity = new HashSet<>();
        outer:
        for (int s = 0; s < streets; s++) {
            String street = s < DemoNames.STREETS.size() ? DemoNames.STREETS.get(s) + "街道"
                    : DemoNames.STREETS.get(s % DemoNames.STREETS.size()) + (s / DemoNames.STREETS.size() + 1) + "街道";
            GeneratedOrg[] units = new GeneratedOrg[3];
            if (t.out.size() >= target) {
                break;
            }
            units[0] = t.add(union.id(), street + "总工会", T_UNION, "工会", 2, 5);
            if (t.out.size() >= target) {
                break;
            }
            units[1] = t.add(league.id(), street + "团工委", T_LEAGUE_WC, "团工委", 2, 3);
            if (t.out.size() >= target) {
                break;
            }
            units[2] = t.add(women.id(), street + "妇联", T_WOMEN, "妇联", 2, 5);
            for (int c = 0; c < communitiesPerStreet; c++) {
                String community;
                do {
                    community = DemoNames.placeName(r) + "社区";
                } while (!usedCommunity.add(street + community) && usedCommunity.size() < 1_000_000);
                String[] names = {community + "工联会", community + "团委", community + "妇联"};
                int[] types = {T_WORKERS, T_LEAGUE, T_WOMEN};
                String[] typeNames = {"工联会", "团委", "妇联"};
                for (int k = 0; k < 3; k++) {
                    if (t.out.size() >= target) {
                        break outer;
                    }
                    t.add(units[k].id(), names[k], types[k], typeNames[k], 3, k == 1 ? 3 : 5);
                }
            }
        }
        // youth federation and volunteer federation branches soak up any remainder
        int i = 1;
        while (t.out.size() < target) {
            boolean v = i % 2 == 0;
            t.add(v ? vol.id() : youth.id(), (v ? "义工服务队第" : "青联界别第") + i + (v ? "分队" : "组"),
                    v ? T_VOLUNTEER : T_YOUTH, v ? "义工联" : "青联", 2, 5);
            i++;
        }
        t.batch.execute();
        return t.out;
    }

    private static final String[] LEADER_ROLES_UNION = {"主席", "副主席", "委员"};
    private static final String[] LEADER_ROLES_LEAGUE = {"书记", "副书记", "组织委员", "宣传委员"};
    private static final String[] LEADER_ROLES_WOMEN = {"主席", "副主席", "执委"};

    private int buildPeople(DSLContext ctx, List<GeneratedOrg> orgs, int count, SplittableRandom r, List<Integer> ids,
                            IntConsumer progress) {
        if (count == 0) {
            return 0;
        }
        Set<String> usedIds = new HashSet<>(count * 2);
        BatchBindStep people = newPersonBatch(ctx);
        BatchBindStep members = newMembershipBatch(ctx);
        int[] leaderSlots = new int[orgs.size()];
        int memberships = 0;
        for (int i = 1; i <= count; i++) {
            GeneratedOrg org = orgs.get(r.nextInt(orgs.size()));
            boolean leagueOrg = org.type().startsWith("团");
            boolean womenOrg = org.type().startsWith("妇");
            boolean male = !womenOrg && r.nextBoolean();
            int age = leagueOrg ? 14 + r.nextInt(22) : 22 + r.nextInt(38);
            LocalDate birth = today.minusYears(age).minusDays(r.nextInt(365));
            String area = DemoNames.AREAS.get(r.nextInt(DemoNames.AREAS.size()));
            String id;
            do {
                int seq = r.nextInt(500) * 2 + (male ? 1 : 0);
                String first17 = area + birth.toString().replace("-", "") + String.format("%03d", seq);
                id = first17 + IdNumber.checkChar(first17);
                if (!usedIds.contains(id)) {
                    break;
                }
                birth = birth.minusDays(1);
            } while (true);
            usedIds.add(id);
            String political = leagueOrg ? (age <= 28 ? "共青团员" : "中共党员")
                    : switch (r.nextInt(4)) {
                        case 0 -> "中共党员";
                        case 1 -> age <= 28 ? "共青团员" : "群众";
                        default -> "群众";
                    };
            String phone = "1" + (3 + r.nextInt(7)) + String.format("%09d", r.nextInt(1_000_000_000));
            people.bind(i, DemoNames.personName(r, male), id, male ? "男" : "女", birth, phone, political);
            ids.add(i);
            int idx = org.id() - 1;
            String[] leaders = leagueOrg ? LEADER_ROLES_LEAGUE : womenOrg ? LEADER_ROLES_WOMEN : LEADER_ROLES_UNION;
            String role = leaderSlots[idx] < leaders.length ? leaders[leaderSlots[idx]++]
                    : leagueOrg ? "团员" : org.type().equals("义工联") ? "义工" : "会员";
            LocalDate joined = birth.plusYears(Math.max(14, Math.min(age, 14 + r.nextInt(Math.max(1, age - 13)))));
            if (joined.isAfter(today)) {
                joined = today.minusDays(1);
            }
            members.bind(i, i, org.id(), role, joined);
            memberships++;
            // about one in ten also belongs to a second organisation
            if (r.nextInt(10) == 0) {
                GeneratedOrg second = orgs.get(r.nextInt(orgs.size()));
                if (second.id() != org.id()) {
                    memberships++;
                    members.bind(count + memberships, i, second.id(), "会员", joined);
                }
            }
            if (i % 20_000 == 0 || i == count) {
                // a batch with nothing bound would execute its template once, with nulls: flush only full ones
                people.execute();
                members.execute();
                people = newPersonBatch(ctx);
                members = newMembershipBatch(ctx);
                progress.accept(20 + (int) (60L * i / count));
            }
        }
        return memberships;
    }

    private static BatchBindStep newPersonBatch(DSLContext ctx) {
        return ctx.batch(ctx.insertInto(PERSON, PERSON.ID, PERSON.NAME, PERSON.ID_NUMBER, PERSON.GENDER, PERSON.BIRTH_DATE,
                PERSON.PHONE, PERSON.POLITICAL_STATUS).values((Integer) null, null, null, null, null, null, null));
    }

    private static BatchBindStep newMembershipBatch(DSLContext ctx) {
        return ctx.batch(ctx.insertInto(MEMBERSHIP, MEMBERSHIP.ID, MEMBERSHIP.PERSON_ID, MEMBERSHIP.ORG_ID, MEMBERSHIP.ROLE,
                MEMBERSHIP.JOINED_ON).values((Integer) null, null, null, null, null));
    }

    /** Counts of what is in the database now, for messages. */
    public static int[] counts(Database db) {
        return db.read(ctx -> new int[] {ctx.fetchCount(ORG), ctx.fetchCount(PERSON), ctx.fetchCount(ACTIVITY), ctx.fetchCount(HONOR)});
    }
}
