package org.taizhang.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taizhang.Fixtures.clockAt;
import static org.taizhang.Fixtures.orgInput;
import static org.taizhang.db.jooq.Tables.ACTIVITY;
import static org.taizhang.db.jooq.Tables.CHANGE_LOG;
import static org.taizhang.db.jooq.Tables.ORG;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.TestDb;
import org.taizhang.common.Pinyin;
import org.taizhang.common.ValidationException;
import org.taizhang.db.Database;
import org.taizhang.person.MembershipInput;
import org.taizhang.person.PersonInput;
import org.taizhang.person.PersonService;

class OrgServiceTest {
    private static final Clock CLOCK = clockAt(LocalDate.of(2026, 11, 28), ZoneId.systemDefault());
    @TempDir
    Path dir;
    Database db;
    OrgService svc;
    int league;
    int union;

    @BeforeEach
    void setUp() {
        db = TestDb.open(dir);
        svc = new OrgService(db, CLOCK);
        league = svc.add(input("共青团示范区委员会", "团委", null));
        union = svc.add(input("示范区总工会", "工会", null));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private OrgInput input(String name, String type, Integer parent) {
        return orgInput(name, svc.typeByName(type).id(), parent);
    }

    @Test
    void addsWithDetailsAndComputesNextElection() {
        int id = svc.add(new OrgInput(" 园岭街道团工委\u200b ", svc.typeByName("团工委").id(), league, LocalDate.of(2016, 2, 29),
                null, LocalDate.of(2020, 2, 29), "𠮷小明", "０７５５－８８８８６６６６", "备注🎉"));
        Org o = svc.get(id).orElseThrow();
        assertThat(o.name()).isEqualTo("园岭街道团工委");
        assertThat(o.termYears()).isEqualTo(3); // type default
        assertThat(o.ownTermYears()).isNull();
        assertThat(o.nextElectionDue()).isEqualTo(LocalDate.of(2023, 2, 28)); // leap day + 3 years
        assertThat(o.electionOverdue(LocalDate.now(CLOCK))).isTrue();
        assertThat(o.contactPerson()).isEqualTo("𠮷小明");
        assertThat(o.contactPhone()).isEqualTo("0755-88886666");
        assertThat((int) db.read(ctx -> ctx.fetchCount(CHANGE_LOG, CHANGE_LOG.TABLE_NAME.eq("org").and(CHANGE_LOG.RECORD_ID.eq(id)))))
                .isEqualTo(1);
    }

    @Test
    void nextElectionFallsBackToFoundingAndOwnTerm() {
        assertThat(Org.nextElectionDue(null, LocalDate.of(2020, 5, 4), 5)).isEqualTo(LocalDate.of(2025, 5, 4));
        assertThat(Org.nextElectionDue(LocalDate.of(2024, 2, 29), LocalDate.of(2020, 1, 1), 4)).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(Org.nextElectionDue(null, null, 5)).isNull();
    }

    @Test
    void rejectsBadFieldsWithReasons() {
        OrgInput bad = new OrgInput("  ", 9999, 424242, LocalDate.of(2030, 1, 1), 12, LocalDate.of(2029, 1, 1), null, "12345", null);
        assertThatThrownBy(() -> svc.add(bad)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.messageFor(OrgService.F_NAME)).isEqualTo("不能为空");
            assertThat(e.messageFor(OrgService.F_TYPE)).isEqualTo("请选择组织类型");
            assertThat(e.messageFor(OrgService.F_PARENT)).contains("上级组织不存在");
            assertThat(e.messageFor(OrgService.F_FOUNDED)).contains("不能晚于今天");
            assertThat(e.messageFor(OrgService.F_TERM)).contains("1到10年");
            assertThat(e.messageFor(OrgService.F_ELECTION)).contains("不能晚于今天");
            assertThat(e.messageFor(OrgService.F_PHONE)).contains("不是有效的电话号码");
        });
        assertThat((int) db.read(ctx -> ctx.fetchCount(ORG))).isEqualTo(2);
    }

    @Test
    void rejectsElectionBeforeFoundingAndSiblingWithSameName() {
        assertThatThrownBy(() -> svc.add(new OrgInput("甲", svc.typeByName("工会").id(), union, LocalDate.of(2020, 1, 1), null,
                LocalDate.of(2019, 1, 1), null, null, null))).hasMessageContaining("不能早于成立日期");
        svc.add(input("机关工会", "工会", union));
        assertThatThrownBy(() -> svc.add(input("机关工会", "工会", union))).hasMessageContaining("同一上级下已有");
        // the same name under another parent is fine
        svc.add(input("机关工会", "工会", league));
    }

    @Test
    void movesAndRefusesCycles() {
        int street = svc.add(input("园岭街道团工委", "团工委", league));
        int community = svc.add(input("百花社区团委", "团委", street));
        svc.move(community, union);
        assertThat(svc.get(community).orElseThrow().parentId()).isEqualTo(union);
        svc.move(community, street);
        assertThatThrownBy(() -> svc.move(league, community))
                .isInstanceOf(ValidationException.class).hasMessageContaining("循环");
        assertThatThrownBy(() -> svc.move(street, street)).hasMessageContaining("自己的上级");
        assertThat(svc.get(league).orElseThrow().parentId()).isNull();
        svc.move(street, null);
        assertThat(svc.get(street).orElseThrow().parentId()).isNull();
        assertThat(svc.pathOf(community)).isEqualTo("园岭街道团工委 / 百花社区团委");
    }

    @Test
    void refusesDeletingANodeWithRecordsAndSaysWhy() {
        int street = svc.add(input("园岭街道团工委", "团工委", league));
        new PersonService(db, CLOCK).add(new PersonInput("张𠮷", "11010519491231002X", null, null, null, null, null),
                new MembershipInput(street, "书记", null));
        db.txRun(ctx -> ctx.insertInto(ACTIVITY).set(ACTIVITY.NAME, "学习").set(ACTIVITY.ORG_ID, street)
                .set(ACTIVITY.CATEGORY_ID, 1).set(ACTIVITY.START_DATE, LocalDate.of(2026, 3, 1)).execute());
        assertThatThrownBy(() -> svc.remove(league)).hasMessageContaining("1 个下级组织");
        assertThatThrownBy(() -> svc.remove(street)).hasMessageContaining("1 名成员").hasMessageContaining("1 场活动");
        int empty = svc.add(input("空组织", "其他", union));
        svc.remove(empty);
        assertThat(svc.get(empty)).isEmpty();
    }

    @Test
    void resolvesByNameOrIdAndExplainsAmbiguity() {
        svc.add(input("机关工会", "工会", union));
        svc.add(input("机关工会", "工会", league));
        assertThat(svc.resolve("#" + union).name()).isEqualTo("示范区总工会");
        assertThat(svc.resolve("示范区总工会").id()).isEqualTo(union);
        assertThatThrownBy(() -> svc.resolve("机关工会")).hasMessageContaining("有 2 个组织都叫");
        assertThatThrownBy(() -> svc.resolve("不存在")).hasMessageContaining("找不到");
    }

    @Test
    void subtreeConditionFollowsMoves() {
        int street = svc.add(input("园岭街道团工委", "团工委", league));
        int community = svc.add(input("百花社区团委", "团委", street));
        List<Integer> ids = db.read(ctx -> ctx.select(ORG.ID).from(ORG).where(Subtree.contains(ORG.ID, league)).fetch(ORG.ID));
        assertThat(ids).containsExactlyInAnyOrder(league, street, community);
        svc.move(street, union);
        ids = db.read(ctx -> ctx.select(ORG.ID).from(ORG).where(Subtree.contains(ORG.ID, league)).fetch(ORG.ID));
        assertThat(ids).containsExactly(league);
    }

    @Test
    void extensibleTypes() {
        OrgType t = svc.addType("关工委", 5);
        assertThat(svc.types()).extracting(OrgType::name).contains("关工委");
        assertThatThrownBy(() -> svc.addType("关工委", 5)).hasMessageContaining("已存在");
        assertThatThrownBy(() -> svc.typeByName("不存在的类型")).hasMessageContaining("可选");
        assertThat(svc.add(input("示范区关工委", "关工委", null))).isPositive();
        assertThat(t.defaultTermYears()).isEqualTo(5);
    }

    @Test
    void treeFilterByNameAndPinyinKeepsAncestors() {
        int street = svc.add(input("园岭街道团工委", "团工委", league));
        svc.add(input("百花社区团委", "团委", street));
        OrgTree tree = new OrgTree(svc.listAll());
        assertThat(tree.lines(null, o -> Pinyin.matches(o.name(), "百花"))).extracting(l -> l.org().name())
                .containsExactly("共青团示范区委员会", "园岭街道团工委", "百花社区团委");
        assertThat(tree.lines(null, o -> Pinyin.matches(o.name(), "bhsq"))).extracting(l -> l.org().name())
                .containsExactly("共青团示范区委员会", "园岭街道团工委", "百花社区团委");
        assertThat(tree.lines(null, o -> Pinyin.matches(o.name(), "ＹＬ"))).extracting(l -> l.depth()).containsExactly(0, 1);
        assertThat(tree.lines(null, o -> Pinyin.matches(o.name(), "没有"))).isEmpty();
    }
}
