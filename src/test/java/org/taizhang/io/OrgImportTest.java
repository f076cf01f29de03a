package org.taizhang.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taizhang.Fixtures.orgInput;
import static org.taizhang.io.ImportTestSupport.count;
import static org.taizhang.io.ImportTestSupport.dump;
import static org.taizhang.io.ImportTestSupport.reasons;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.TestDb;
import org.taizhang.db.Database;
import org.taizhang.org.Org;
import org.taizhang.org.OrgService;
import org.taizhang.org.OrgTree;

class OrgImportTest {
    @TempDir
    Path dir;
    Database db;
    OrgService orgs;
    ImportService io;
    int district;

    @BeforeEach
    void setUp() {
        db = TestDb.open(dir);
        orgs = new OrgService(db);
        io = new ImportService(db);
        district = orgs.add(orgInput("示范区群团工作部", 1, null));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private ImportPreview preview(Path f, boolean createMissing) {
        return io.preview(ImportRequest.of(ImportKind.ORGS, f).withCreateMissing(createMissing), ImportProgress.NONE);
    }

    @Test
    void childrenBeforeParentsInAnyOrderAndMatchedToTheTree() throws Exception {
        Path f = Xlsx.write(dir.resolve("orgs.xlsx"), "组织", new Object[][] {
                {"示范区组织名册"},
                {},
                {"隶属", "单位名称", "类型", "成立时间", "任期（年）", "手机号"},
                {"园岭街道团工委", "园岭社区团委", "团委", "2015年5月4日", "３", "１３８００１３８０００"},
                {"示范区团区委 / 园岭街道团工委", "园岭社区团支部\u200B ", null, LocalDate.of(2016, 1, 2), null, null},
                {"示范区团区委", "园岭街道团工委", "团工委", "2010/3/5", 3, null},
                {"示范区群团工作部", "示范区团区委", "团委", null, null, null}});
        ImportPreview p = preview(f, false);
        assertThat(p.fileProblems()).isEmpty();
        assertThat(p.mapping().headerRow()).isEqualTo(3);
        assertThat(p.rejected()).isEmpty();
        assertThat(p.acceptedCount()).isEqualTo(4);
        assertThat(count(db, "org")).isEqualTo(1); // preview writes nothing
        ImportResult r = io.commit(p, false, ImportProgress.NONE);
        assertThat(r.written()).isEqualTo(4);
        OrgTree tree = new OrgTree(orgs.listAll());
        Org branch = orgs.findByName("园岭社区团支部").getFirst();
        assertThat(tree.path(branch.id())).isEqualTo("示范区群团工作部 / 示范区团区委 / 园岭街道团工委 / 园岭社区团支部");
        assertThat(branch.typeName()).isEqualTo("团支部"); // inferred from the name
        assertThat(branch.foundedOn()).isEqualTo(LocalDate.of(2016, 1, 2));
        Org community = orgs.findByName("园岭社区团委").getFirst();
        assertThat(community.foundedOn()).isEqualTo(LocalDate.of(2015, 5, 4));
        assertThat(community.ownTermYears()).isEqualTo(3);
        assertThat(community.contactPhone()).isEqualTo("13800138000");
        assertThat(count(db, "change_log")).isEqualTo(5);
    }

    @Test
    void unknownParentIsReportedOrCreatedOnRequest() throws Exception {
        Path f = Xlsx.write(dir.resolve("o.xlsx"), "组织", new Object[][] {
                {"组织名称", "组织类型", "上级组织"},
                {"南园社区妇联", "妇联", "南园街道妇联"},
                {"南园社区工联会", "工联会", "南园街道妇联"}});
        String before = dump(db);
        ImportPreview p = preview(f, false);
        assertThat(p.acceptedCount()).isZero();
        assertThat(p.rejected()).extracting(RejectedRow::row).containsExactly(2, 3);
        RowProblem first = p.rejected().getFirst().problems().getFirst();
        assertThat(first.column()).isEqualTo("C");
        assertThat(first.header()).isEqualTo("上级组织");
        assertThat(first.reason()).contains("找不到名为“南园街道妇联”的组织").contains("新建缺少的类型、类别和上级组织");
        assertThatThrownBy(() -> io.commit(p, false, ImportProgress.NONE)).isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("有 2 行有错误");
        assertThat(dump(db)).isEqualTo(before);

        ImportPreview created = preview(f, true);
        assertThat(created.rejected()).isEmpty();
        assertThat(created.creates()).singleElement().asString().contains("南园街道妇联").contains("妇联");
        io.commit(created, false, ImportProgress.NONE);
        Org parent = orgs.findByName("南园街道妇联").getFirst();
        assertThat(parent.typeName()).isEqualTo("妇联"); // from its name, as the form would
        assertThat(parent.parentId()).isNull();
        assertThat(orgs.findByName("南园社区妇联").getFirst().parentId()).isEqualTo(parent.id());
        assertThat(orgs.findByName("南园社区工联会").getFirst().parentId()).isEqualTo(parent.id());
    }

    @Test
    void cyclesDuplicatesBadTypesAndCascadingRejects() throws Exception {
        orgs.add(orgInput("区总工会", 2, district));
        Path f = Xlsx.write(dir.resolve("o.xlsx"), "组织", new Object[][] {
                {"名称", "类型", "上级单位", "成立日期"},
                {"甲", "团委", "乙", null},                     // 2 cycle
                {"乙", "团委", "甲", null},                     // 3 cycle
                {"区总工会", "工会", "示范区群团工作部", null},   // 4 already in the database
                {"丙", "团委", "示范区群团工作部", null},         // 5 ok
                {"丙", "团委", "示范区群团工作部", null},         // 6 duplicate of row 5
                {"丁", "商会", "丙", null},                      // 7 unknown type
                {"戊", "团支部", "丁", null},                    // 8 parent row 7 rejected
                {"己", "团支部", "丙", "2021-02-30"},            // 9 impossible date
                {"庚", "团支部", "己", null},                    // 10 parent row 9 rejected
                {"辛", "团支部", "丙", "2099-01-01"}});           // 11 future
        ImportPreview p = preview(f, false);
        assertThat(p.acceptedCount()).isEqualTo(1);
        assertThat(p.rejected()).extracting(RejectedRow::row).containsExactly(2, 3, 6, 7, 8, 9, 10, 11);
        assertThat(p.skipped()).containsOnlyKeys(4); // already on file with the same values: skipped, not an error
        Map<Integer, String> reasons = reasons(p);
        assertThat(reasons.get(2)).contains("循环");
        assertThat(p.skipped().get(4)).contains("已在台账中，跳过").contains("区总工会");
        assertThat(reasons.get(6)).contains("与第 5 行重复");
        assertThat(reasons.get(7)).contains("B7").contains("没有“商会”这种组织类型");
        assertThat(reasons.get(8)).contains("第 7 行");
        assertThat(reasons.get(9)).contains("D9").contains("2021-02-30").contains("不存在");
        assertThat(reasons.get(10)).contains("第 9 行");
        assertThat(reasons.get(11)).contains("不能晚于今天");
        int before = count(db, "org");
        ImportResult r = io.commit(p, true, ImportProgress.NONE);
        assertThat(r.written()).isEqualTo(1);
        assertThat(r.skipped()).isEqualTo(8);
        assertThat(count(db, "org")).isEqualTo(before + 1);
        assertThat(orgs.findByName("丙")).hasSize(1);
    }

    @Test
    void ambiguousParentNeedsAPath() throws Exception {
        int a = orgs.add(orgInput("甲街道团工委", 4, district));
        int b = orgs.add(orgInput("乙街道团工委", 4, district));
        orgs.add(orgInput("第一团支部", 5, a));
        orgs.add(orgInput("第一团支部", 5, b));
        Path f = Xlsx.write(dir.resolve("o.xlsx"), "组织", new Object[][] {
                {"组织名称", "组织类型", "上级组织"},
                {"小组A", "其他", "第一团支部"},
                {"小组B", "其他", "乙街道团工委/第一团支部"}});
        ImportPreview p = preview(f, false);
        assertThat(p.rejected()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(2);
            assertThat(r.reasons()).contains("有 2 个组织都叫“第一团支部”").contains("示范区群团工作部 / 甲街道团工委 / 第一团支部");
        });
        io.commit(p, true, ImportProgress.NONE);
        Org g = orgs.findByName("小组B").getFirst();
        assertThat(orgs.pathOf(g.id())).isEqualTo("示范区群团工作部 / 乙街道团工委 / 第一团支部 / 小组B");
    }
}
