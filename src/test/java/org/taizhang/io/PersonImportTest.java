package org.taizhang.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taizhang.io.ImportTestSupport.communities;
import static org.taizhang.io.ImportTestSupport.count;
import static org.taizhang.io.ImportTestSupport.dump;
import static org.taizhang.io.ImportTestSupport.id;
import static org.taizhang.io.ImportTestSupport.reasons;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.FormulaError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.TestDb;
import org.taizhang.db.Database;
import org.taizhang.person.MembershipInput;
import org.taizhang.person.PersonInput;
import org.taizhang.person.PersonRow;
import org.taizhang.person.PersonService;

class PersonImportTest {
    static final String ZHANG = id("11010119900307123");
    static final String LI = id("44030419851231002");
    static final String WANG = id("44030420000101004");
    static final String ZHAO = id("44030419950505003");

    @TempDir
    Path dir;
    Database db;
    PersonService people;
    ImportService io;
    int yl;
    int ny;

    @BeforeEach
    void setUp() {
        db = TestDb.open(dir);
        people = new PersonService(db);
        io = new ImportService(db);
        var orgs = communities(db);
        yl = orgs.yl();
        ny = orgs.ny();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private ImportPreview preview(Path f) {
        return io.preview(ImportRequest.of(ImportKind.PEOPLE, f), ImportProgress.NONE);
    }

    @Test
    void messySheetWithSynonymsInAnyOrderImportsCleanValues() throws Exception {
        Path f = Xlsx.write(dir.resolve("people.xlsx"), "团员名单", new Object[][] {
                {"园岭社区团员花名册（2024年）"},
                {null},
                {"填表单位：园岭社区团委"},
                {"序号", "单位名称", "手机号", "公民身份号码", "姓名", "担任职务", "入团日期", "备注"},
                {1, "园岭社区团委", "１３８ ００１３ ８０００", " " + ZHANG + " ", "张\u200B三 ", "书记", "2015.5.4", "𠮷祥🎉"},
                {2, "南园社区团委\u00A0", 13912345678L, LI.toLowerCase(), "李四", null, LocalDate.of(2010, 6, 1), null},
                {3, "园岭社区团委", null, null, "无证人", "团员", "２０２０年３月５日", null},
                {"合计", "3 人"}},
                new Xlsx.Merge(0, 0, 0, 7));
        ImportPreview p = preview(f);
        assertThat(p.fileProblems()).isEmpty();
        assertThat(p.mapping().headerRow()).isEqualTo(4);
        assertThat(p.warnings()).anyMatch(w -> w.contains("序号"));
        assertThat(p.dataRows()).isEqualTo(3);
        assertThat(p.rejected()).isEmpty();
        io.commit(p, false, ImportProgress.NONE);
        List<PersonRow> rows = people.listByOrg(null, false, null, 100).rows();
        assertThat(rows).hasSize(3);
        PersonRow zhang = rows.stream().filter(r -> r.name().equals("张三")).findFirst().orElseThrow();
        assertThat(zhang.idNumber()).isEqualTo(ZHANG);
        assertThat(zhang.phone()).isEqualTo("13800138000");
        assertThat(zhang.role()).isEqualTo("书记");
        assertThat(zhang.joinedOn()).isEqualTo(LocalDate.of(2015, 5, 4));
        assertThat(zhang.gender()).isEqualTo("男");
        assertThat(zhang.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
        assertThat(people.get(zhang.personId()).orElseThrow().getNote()).isEqualTo("𠮷祥🎉");
        PersonRow li = rows.stream().filter(r -> r.name().equals("李四")).findFirst().orElseThrow();
        assertThat(li.orgId()).isEqualTo(ny);
        assertThat(li.idNumber()).isEqualTo(LI.toUpperCase());
        assertThat(li.phone()).isEqualTo("13912345678");
        assertThat(li.role()).isEqualTo("会员");
        assertThat(li.joinedOn()).isEqualTo(LocalDate.of(2010, 6, 1));
        PersonRow none = rows.stream().filter(r -> r.name().equals("无证人")).findFirst().orElseThrow();
        assertThat(none.joinedOn()).isEqualTo(LocalDate.of(2020, 3, 5));
        assertThat(count(db, "change_log")).isEqualTo(3 + 6); // 3 orgs + 3 people + 3 memberships
    }

    @Test
    void everyBadRowIsReportedWithCellAndReasonAndNothingIsWritten() throws Exception {
        people.add(new PersonInput("赵六", ZHAO, null, null, null, null, null), new MembershipInput(yl, "会员", null));
        Path f = Xlsx.write(dir.resolve("bad.xlsx"), "人员", new Object[][] {
                {"姓名", "身份证号", "所属组织", "加入日期", "联系电话"},
                {"张三", 1.10101199003071E17, "园岭社区团委", null, null},                            // 2 ID as number
                {"李四", LI.substring(0, 17) + "0", "园岭社区团委", null, null},                        // 3 bad check digit
                {"王五", WANG, "园岭社区团委", "2021-02-30", null},                                      // 4 impossible date
                {"钱七", null, "不存在的组织", null, null},                                             // 5 unknown org
                {"赵六", ZHAO, "园岭社区团委", null, null},                                              // 6 already a member
                {"孙八", ZHAO, "南园社区团委", null, null},                                              // 7 ID of another name
                {"王五", WANG, "南园社区团委", null, "12345"},                                           // 8 bad phone
                {new Xlsx.Error("A1/0", FormulaError.REF), null, "园岭社区团委", null, null},            // 9 #REF!
                {"周九", "4.40304E+17", "园岭社区团委", null, null},                                    // 10 E-notation text
                {"吴十", "440304********1234", "园岭社区团委", null, null},                              // 11 masked
                {"郑一", null, "园岭社区团委", "2099-1-1", null},                                       // 12 future
                {"好人", id("44030419880808001"), "园岭社区团委", "2019/3/5", null},                     // 13 ok
                {"好人", id("44030419880808001"), "园岭社区团委", null, null}});                          // 14 duplicate of 13
        String before = dump(db);
        ImportPreview p = preview(f);
        assertThat(p.acceptedCount()).isEqualTo(1);
        assertThat(p.rejected()).extracting(RejectedRow::row).containsExactly(2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 14);
        assertThat(p.skipped()).containsOnlyKeys(6);
        Map<Integer, String> why = reasons(p);
        assertThat(why.get(2)).isEqualTo("B2 身份证号：身份证号被 Excel 存成了数字，末位已丢失（请把该列设为“文本”格式后重新填写完整号码）");
        assertThat(why.get(3)).contains("B3").contains("校验位");
        assertThat(why.get(4)).contains("D4 加入日期").contains("不存在");
        assertThat(why.get(5)).contains("C5 所属组织").contains("找不到名为“不存在的组织”的组织");
        assertThat(p.skipped().get(6)).contains("已在台账中，跳过").contains("赵六");
        assertThat(why.get(7)).contains("已登记为“赵六”");
        assertThat(why.get(8)).contains("E8 联系电话").contains("不是有效的电话号码");
        assertThat(why.get(9)).contains("A9 姓名").contains("#REF!");
        assertThat(why.get(10)).contains(RowValues.ID_AS_NUMBER);
        assertThat(why.get(11)).contains("已打码");
        assertThat(why.get(12)).contains("不能晚于今天");
        assertThat(why.get(14)).contains("与第 13 行重复");
        RowProblem ref = p.rejected().get(6).problems().getFirst();
        assertThat(ref.sheet()).isEqualTo("人员");
        assertThat(ref.row()).isEqualTo(9);
        assertThat(ref.column()).isEqualTo("A");
        assertThat(ref.header()).isEqualTo("姓名");

        assertThatThrownBy(() -> io.commit(p, false, ImportProgress.NONE)).isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("有 11 行有错误，没有写入任何数据");
        assertThat(dump(db)).isEqualTo(before);

        // the rejects file keeps the original cells and says why; re-importing it reports the same rows
        Path rejects = dir.resolve("rejects.xlsx");
        assertThat(RejectsWriter.write(p, rejects)).isEqualTo(11);
        ImportPreview again = preview(rejects);
        assertThat(again.rejectedCount()).isEqualTo(10); // row 14's twin (13) is not in the file
        assertThat(again.acceptedCount()).isEqualTo(1);
        List<SheetRow> rows = new ArrayList<>();
        SheetReader.read(rejects, null, rows::add);
        assertThat(rows.getFirst().display(5)).isEqualTo(RejectsWriter.ORIGINAL_ROW);
        assertThat(rows.get(1).display(5)).isEqualTo("2");
        assertThat(rows.get(1).display(6)).contains("存成了数字");

        ImportResult r = io.commit(p, true, ImportProgress.NONE);
        assertThat(r.written()).isEqualTo(1);
        assertThat(r.skipped()).isEqualTo(11);
        assertThat(people.findByIdNumber(id("44030419880808001"))).isPresent();
        assertThat(count(db, "person")).isEqualTo(2);
    }

    @Test
    void knownPersonJoinsAnotherOrganisationAndSameIdTwiceInSheetIsOnePerson() throws Exception {
        int zhao = people.add(new PersonInput("赵六", ZHAO, null, null, null, null, null), new MembershipInput(yl, "会员", null));
        Path f = Xlsx.write(dir.resolve("p.xlsx"), "人员", new Object[][] {
                {"姓名", "身份证号", "所属组织", "职务"},
                {"赵六", ZHAO, "南园社区团委", "委员"},
                {"张三", ZHANG, "园岭社区团委", "书记"},
                {"张三", ZHANG, "南园社区团委", "委员"}});
        ImportPreview p = preview(f);
        assertThat(p.rejected()).isEmpty();
        ImportResult r = io.commit(p, false, ImportProgress.NONE);
        assertThat(r.lines().getFirst()).contains("人员 1 人").contains("成员关系 3 条");
        assertThat(people.memberships(zhao)).extracting(PersonRow::orgId).containsExactly(yl, ny);
        int zhang = people.findByIdNumber(ZHANG).orElseThrow().getId();
        assertThat(people.memberships(zhang)).extracting(PersonRow::role).containsExactly("书记", "委员");
    }

    @Test
    void userMappingAndMissingColumns() throws Exception {
        Path f = Xlsx.write(dir.resolve("m.xlsx"), "人员", new Object[][] {
                {"名单", "证件", "部门"},
                {"张三", ZHANG, "园岭社区团委"}});
        // "名单" is not a known header: no header row can be found
        ImportPreview none = preview(f);
        assertThat(none.fileProblems()).singleElement().asString().contains("找不到表头行");
        ImportRequest req = ImportRequest.of(ImportKind.PEOPLE, f)
                .withMapping(ImportRequest.parseMapping(List.of("名单=姓名", "B=身份证号")));
        ImportPreview partial = io.preview(req, ImportProgress.NONE);
        assertThat(partial.fileProblems()).singleElement().asString().contains("缺少必填列：所属组织").contains("指定对应的字段");
        assertThatThrownBy(() -> io.commit(partial, true, ImportProgress.NONE)).hasMessageContaining("所属组织");
        ImportPreview ok = io.preview(req.withMapping(ImportRequest.parseMapping(List.of("名单=姓名", "B=身份证号", "部门=所属组织"))),
                ImportProgress.NONE);
        assertThat(ok.acceptedCount()).isEqualTo(1);
        assertThat(ok.mapping().describe()).contains("身份证号 ← B“证件”");
        assertThatThrownBy(() -> io.preview(req.withMapping(Map.of("名单", "姓名", "部门", "工资")), ImportProgress.NONE))
                .hasMessageContaining("没有“工资”这个字段");
        assertThatThrownBy(() -> io.preview(req.withMapping(Map.of("名单", "姓名", "B", "身份证号", "车间", "所属组织")), ImportProgress.NONE))
                .hasMessageContaining("没有“车间”这一列");
    }

    @Test
    void emptyAndHeaderOnlySheets() throws Exception {
        Path empty = Xlsx.write(dir.resolve("e.xlsx"), "人员", new Object[][] {});
        assertThat(preview(empty).fileProblems()).singleElement().asString().contains("是空的");
        Path header = Xlsx.write(dir.resolve("h.xlsx"), "人员", new Object[][] {{"姓名", "所属组织"}, {}, {null, null}});
        assertThat(preview(header).fileProblems()).singleElement().asString().contains("下面没有数据行");
    }

    @Test
    void cancelLeavesDatabaseUnchanged() throws Exception {
        Object[][] rows = new Object[3001][];
        rows[0] = new Object[] {"姓名", "所属组织"};
        for (int i = 1; i <= 3000; i++) {
            rows[i] = new Object[] {"人员" + i, "园岭社区团委"};
        }
        Path f = Xlsx.write(dir.resolve("big.xlsx"), "人员", rows);
        ImportPreview p = preview(f);
        assertThat(p.acceptedCount()).isEqualTo(3000);
        String before = dump(db);
        ImportProgress cancelAfterFirstBatch = new ImportProgress() {
            boolean started;

            @Override
            public void update(String phase, long done, long total) {
                started |= done > 0;
            }

            @Override
            public boolean cancelled() {
                return started;
            }
        };
        assertThatThrownBy(() -> io.commit(p, false, cancelAfterFirstBatch)).isInstanceOf(ImportCancelledException.class);
        assertThat(dump(db)).isEqualTo(before);
        io.commit(p, false, ImportProgress.NONE);
        assertThat(count(db, "membership")).isEqualTo(3000);
    }
}
