package org.taizhang.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taizhang.Fixtures.clockAt;
import static org.taizhang.Fixtures.orgInput;
import static org.taizhang.db.jooq.Tables.HONOR;
import static org.taizhang.db.jooq.Tables.MEMBERSHIP;
import static org.taizhang.db.jooq.Tables.PERSON;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.TestDb;
import org.taizhang.common.ValidationException;
import org.taizhang.db.Database;
import org.taizhang.org.OrgService;

class PersonServiceTest {
    private static final Clock CLOCK = clockAt(LocalDate.of(2026, 11, 28), ZoneId.systemDefault());
    @TempDir
    Path dir;
    Database db;
    PersonService svc;
    int parent;
    int child;
    int other;

    @BeforeEach
    void setUp() {
        db = TestDb.open(dir);
        OrgService orgs = new OrgService(db, CLOCK);
        parent = orgs.add(orgInput("园岭街道团工委", orgs.typeByName("团工委").id(), null));
        child = orgs.add(orgInput("百花社区团委", orgs.typeByName("团委").id(), parent));
        other = orgs.add(orgInput("示范区总工会", orgs.typeByName("工会").id(), null));
        svc = new PersonService(db, CLOCK);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static PersonInput person(String name, String id) {
        return new PersonInput(name, id, null, null, "138 0013 8000", "团员", "🎉");
    }

    @Test
    void addDerivesGenderAndBirthAndListsBySubtree() {
        svc.add(person("张𠮷", "11010519491231002x"), new MembershipInput(child, "书记", LocalDate.of(2020, 5, 4)));
        svc.add(person("李四", "11010119900307125X"), new MembershipInput(parent, null, null));
        PersonService.Page direct = svc.listByOrg(child, false, null, 100);
        assertThat(direct.total()).isEqualTo(1);
        PersonRow row = direct.rows().getFirst();
        assertThat(row.name()).isEqualTo("张𠮷");
        assertThat(row.gender()).isEqualTo("女");
        assertThat(row.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(row.idNumber()).isEqualTo("11010519491231002X");
        assertThat(row.phone()).isEqualTo("13800138000");
        assertThat(row.politicalStatus()).isEqualTo("共青团员");
        assertThat(row.role()).isEqualTo("书记");
        assertThat(svc.listByOrg(parent, false, null, 100).rows()).extracting(PersonRow::role).containsExactly("会员");
        assertThat(svc.listByOrg(parent, true, null, 100).total()).isEqualTo(2);
        assertThat(svc.listByOrg(parent, true, "𠮷", 100).rows()).extracting(PersonRow::name).containsExactly("张𠮷");
        assertThat(svc.listByOrg(parent, true, "1101011990", 100).rows()).extracting(PersonRow::name).containsExactly("李四");
        assertThat(svc.listByOrg(parent, true, null, 1).rows()).hasSize(1);
        // a search inside a subtree leaves out namesakes elsewhere, and finds them with no organisation chosen
        svc.add(new PersonInput("张𠮷", null, "男", null, null, null, null), new MembershipInput(other, null, null));
        assertThat(svc.listByOrg(parent, true, "张𠮷", 100).rows()).extracting(PersonRow::orgId).containsExactly(child);
        assertThat(svc.listByOrg(child, false, "张𠮷", 100).total()).isEqualTo(1);
        assertThat(svc.listByOrg(null, false, "张𠮷", 100).total()).isEqualTo(2);
    }

    @Test
    void sameIdNumberJoinsSecondOrganisationButNotTwiceOrUnderAnotherName() {
        int id = svc.add(person("张𠮷", "11010519491231002X"), new MembershipInput(child, "书记", null));
        assertThat(svc.add(person("张𠮷", "11010519491231002X"), new MembershipInput(other, "会员", null))).isEqualTo(id);
        assertThat(svc.memberships(id)).extracting(PersonRow::orgId).containsExactly(child, other);
        assertThatThrownBy(() -> svc.add(person("张𠮷", "11010519491231002X"), new MembershipInput(other, "会员", null)))
                .hasMessageContaining("已经是该组织的成员");
        assertThatThrownBy(() -> svc.add(person("王五", "11010519491231002X"), new MembershipInput(other, "会员", null)))
                .hasMessageContaining("已登记为“张𠮷”");
        assertThat((int) db.read(ctx -> ctx.fetchCount(PERSON))).isEqualTo(1);
    }

    @Test
    void rejectsEachBadFieldAndWritesNothing() {
        PersonInput bad = new PersonInput("", "110105491231002", "未知", null, "12345", "少先队员", null);
        assertThatThrownBy(() -> svc.add(bad, new MembershipInput(child, "一个非常非常非常非常非常非常非常非常长的职务名称啊", LocalDate.of(2027, 1, 1))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.messageFor(PersonService.F_NAME)).isEqualTo("不能为空");
                    assertThat(e.messageFor(PersonService.F_ID)).contains("15位旧身份证号");
                    assertThat(e.messageFor(PersonService.F_GENDER)).contains("只能是");
                    assertThat(e.messageFor(PersonService.F_PHONE)).contains("不是有效的电话号码");
                    assertThat(e.messageFor(PersonService.F_POLITICAL)).contains("不是可选的政治面貌");
                    assertThat(e.messageFor(PersonService.F_ROLE)).contains("不能超过 20 个字");
                    assertThat(e.messageFor(PersonService.F_JOINED)).contains("不能晚于今天");
                });
        assertThatThrownBy(() -> svc.add(new PersonInput("赵六", "11010519491231002X", "男", null, null, null, null),
                new MembershipInput(child, null, null))).hasMessageContaining("与身份证号不符");
        assertThatThrownBy(() -> svc.add(person("赵六", null), new MembershipInput(99999, null, null)))
                .hasMessageContaining("请选择所属组织");
        assertThat((int) db.read(ctx -> ctx.fetchCount(PERSON) + ctx.fetchCount(MEMBERSHIP))).isZero();
    }

    @Test
    void personWithoutIdNumberKeepsManualGenderAndBirth() {
        int id = svc.add(new PersonInput("钱七", "", "女", LocalDate.of(2000, 2, 29), null, null, null), new MembershipInput(child, null, null));
        assertThat(svc.get(id).orElseThrow().getBirthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(svc.get(id).orElseThrow().getIdNumber()).isNull();
    }

    @Test
    void wholeMembershipFromAPackageGetsTheFormsChecksAndOneChangeLogEntry() {
        int id = svc.add(person("张𠮷", "11010519491231002X"), new MembershipInput(child, "书记", LocalDate.of(2020, 5, 4)));
        int past = db.tx(ctx -> PersonService.putMembership(ctx, null, id, new MembershipInput(other, " ", LocalDate.of(2019, 1, 1)),
                LocalDate.of(2021, 6, 30), "１２３ 😀"));
        org.taizhang.db.jooq.tables.records.MembershipRecord r = db.read(ctx -> ctx.fetchOne(MEMBERSHIP, MEMBERSHIP.ID.eq(past)));
        assertThat(r.getRole()).isEqualTo("会员");
        assertThat(r.getLeftOn()).isEqualTo(LocalDate.of(2021, 6, 30));
        assertThat(r.getNote()).isEqualTo("１２３ 😀");
        long before = rowsAndLog();
        assertThatThrownBy(() -> db.tx(ctx -> PersonService.putMembership(ctx, null, id, new MembershipInput(child, null, null), null, null)))
                .hasMessageContaining("已经是该组织的成员");
        assertThatThrownBy(() -> db.tx(ctx -> PersonService.putMembership(ctx, null, id,
                new MembershipInput(other, null, LocalDate.of(2022, 1, 1)), LocalDate.of(2021, 1, 1), null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.messageFor(PersonService.F_LEFT)).contains("不能早于加入日期"));
        assertThatThrownBy(() -> db.tx(ctx -> PersonService.putMembership(ctx, null, id,
                new MembershipInput(other, null, LocalDate.of(1940, 1, 1)), LocalDate.now().plusDays(3), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.messageFor(PersonService.F_JOINED)).contains("不能早于出生日期");
                    assertThat(e.messageFor(PersonService.F_LEFT)).contains("不能晚于今天");
                });
        assertThatThrownBy(() -> db.tx(ctx -> PersonService.putMembership(ctx, null, id, new MembershipInput(99999, null, null), null, null)))
                .hasMessageContaining("请选择所属组织");
        assertThat(rowsAndLog())
                .isEqualTo(before);
        // replacing it with the same values writes no change-log entry; a changed role writes one
        db.tx(ctx -> PersonService.putMembership(ctx, past, id, new MembershipInput(other, "会员", LocalDate.of(2019, 1, 1)),
                LocalDate.of(2021, 6, 30), "１２３ 😀"));
        assertThat(rowsAndLog())
                .isEqualTo(before);
        db.tx(ctx -> PersonService.putMembership(ctx, past, id, new MembershipInput(other, "委员", LocalDate.of(2019, 1, 1)),
                LocalDate.of(2021, 6, 30), null));
        assertThat(rowsAndLog())
                .isEqualTo(before + 1);
    }

    /** Memberships × 1000 + change-log entries: one figure that moves when either does. */
    private long rowsAndLog() {
        Long n = db.read(ctx -> (long) ctx.fetchCount(MEMBERSHIP) * 1000 + ctx.fetchCount(org.taizhang.db.jooq.Tables.CHANGE_LOG));
        return n;
    }

    @Test
    void updateAndMembershipEdit() {
        int id = svc.add(person("张𠮷", "11010519491231002X"), new MembershipInput(child, "书记", null));
        svc.update(id, new PersonInput("张𠮷𠮷", "11010519491231002X", null, null, "13900139000", "中共党员", null));
        assertThat(svc.get(id).orElseThrow().getName()).isEqualTo("张𠮷𠮷");
        int membership = svc.memberships(id).getFirst().membershipId();
        svc.updateMembership(membership, "副书记", LocalDate.of(2021, 1, 1));
        assertThat(svc.memberships(id).getFirst().role()).isEqualTo("副书记");
        int other2 = svc.add(person("孙八", "11010119900307125X"), new MembershipInput(child, null, null));
        assertThatThrownBy(() -> svc.update(other2, person("孙八", "11010519491231002X"))).hasMessageContaining("已属于另一人");
    }

    @Test
    void removingLastMembershipRemovesPersonUnlessHonoursNameThem() {
        int id = svc.add(person("张𠮷", "11010519491231002X"), new MembershipInput(child, "书记", null));
        svc.add(person("张𠮷", "11010519491231002X"), new MembershipInput(other, "会员", null));
        assertThat(svc.removeMembership(svc.memberships(id).getFirst().membershipId())).isFalse();
        assertThat(svc.get(id)).isPresent();
        db.txRun(ctx -> ctx.insertInto(HONOR).set(HONOR.TITLE, "优秀共青团员").set(HONOR.LEVEL, "市级").set(HONOR.KIND, "个人")
                .set(HONOR.ORG_ID, other).set(HONOR.PERSON_ID, id).set(HONOR.HONOR_DATE, LocalDate.of(2025, 5, 4)).execute());
        assertThatThrownBy(() -> svc.removePerson(id)).hasMessageContaining("1 项荣誉");
        assertThat(svc.removeMembership(svc.memberships(id).getFirst().membershipId())).isFalse();
        assertThat(svc.get(id)).isPresent();
        int plain = svc.add(person("李四", "11010119900307125X"), new MembershipInput(child, null, null));
        assertThat(svc.removeMembership(svc.memberships(plain).getFirst().membershipId())).isTrue();
        assertThat(svc.get(plain)).isEmpty();
    }
}
