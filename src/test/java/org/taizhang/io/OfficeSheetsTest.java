package org.taizhang.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taizhang.io.ImportTestSupport.dump;
import static org.taizhang.io.ImportTestSupport.id;
import static org.taizhang.io.ImportTestSupport.reasons;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.TestDb;
import org.taizhang.activity.ActivityFilter;
import org.taizhang.activity.ActivityService;
import org.taizhang.activity.ActivityTotals;
import org.taizhang.activity.Category;
import org.taizhang.db.Database;

/**
 * The four sheets a district 群团工作部 really keeps — 组织名册, 团员/会员名单, 活动台账, 荣誉名单 — with title rows,
 * merged title and header cells, the office's own type and category names, 年月 dates, full-width digits, stray
 * spaces, 是/否 flags and one awardee column, imported into an EMPTY install with nothing but "create missing":
 * no column mapping, no types or categories added by hand. The statistics of the imported data are exact.
 */
class OfficeSheetsTest {
    @TempDir
    Path dir;
    Database db;
    ImportService io;

    static final String ZHANG = id("44030420000412123");   // 张三 2000-04-12, male
    static final String LI = id("44030419920915124");      // 李四 1992-09-15, female
    static final String WANG = id("44030419960401135");    // 王五 1996-04-01, male
    static final String ZHAO = id("44030419960420146");    // 赵六 1996-04-20, female
    static final String ZHANG2 = id("44030419881111157");  // another 张三 1988-11-11, male
    static final String QIAN = id("44030419851003168");    // 钱七 1985-10-03, female

    @BeforeEach
    void setUp() {
        db = TestDb.open(dir);
        io = new ImportService(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private ImportPreview preview(ImportKind kind, Path f, boolean createMissing) {
        return io.preview(ImportRequest.of(kind, f).withCreateMissing(createMissing), ImportProgress.NONE);
    }

    private String str(String query, Object... args) {
        return db.read(ctx -> ctx.fetchOne(query, args).get(0, String.class));
    }

    /** The keys of a flat JSON object, in order. */
    private static java.util.List<String> keys(String json) {
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([a-z_]+)\":").matcher(json);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private int sql(String query) {
        return db.read(ctx -> ctx.fetchOne(query).get(0, Integer.class));
    }

    private Path orgSheet() throws Exception {
        return Xlsx.write(dir.resolve("组织名册.xlsx"), "组织名册", new Object[][] {
                {"示范区群团组织名册（2024年）"},
                {"填报单位：示范区群团工作部", null, null, null, "填报时间：２０２４年６月"},
                {"序号", "组织名称", "组织类型", "上级组织", "成立时间", "本届换届时间", "届期（年）", "负责人", "联系电话"},
                {1, "示范区总工会", "总工会", "示范区群团工作部", "1995年5月", "2021.06", 5, "陈一", "0755-83000001"},
                {2, " 园岭街道总工会 ", "街道总工会", "示范区总工会", "2003.09", "２０２２年３月", "5年", null, "１３８００１３８０００"},
                {3, "区委机关工会", "机关工会", "示范区总工会", 200105, 202304, null, null, null},
                {4, "示范区团区委", "团委", "示范区群团工作部", LocalDate.of(1990, 5, 4), "2023-05", "３", null, null},
                {5, "园岭街道团工委", "团工委", "示范区团区委", "2010/3/5", "2022-4", 3, null, null},
                {6, "园岭中学团总支", "团总支", "园岭街道团工委", "2012年9月", null, null, null, null},
                {7, "示范区妇联", "妇联", "示范区群团工作部", "1992年3月", "2021年11月", null, null, null},
                {8, "园岭街道妇女委员会", "妇女委员会", "示范区妇联", "2016.3", null, null, null, null},
                {9, "区总工会女工委员会", "女工委员会", "示范区总工会", null, null, null, null, null},
                {"合计", "9 个"}},
                new Xlsx.Merge(0, 0, 0, 8));
    }

    private Path peopleSheet() throws Exception {
        return Xlsx.write(dir.resolve("团员名单.xlsx"), "团员名单", new Object[][] {
                {"园岭街道团员名单"},
                {"序号", "姓 名", "基本信息", null, "身份证号", "政治面貌", "所在单位", "职务", "入团时间", "联系电话"},
                {null, null, "性别", "出生年月", null, null, null, null, null, null},
                {1, "张　三", "男", "2000-04", ZHANG, "共青团员", "园岭中学团总支", "书记", "2014.05", "１３９１２３４５６７８"},
                {2, "李四", "女", "1992.09", LI, "团员", "园岭街道团工委", null, "2006年5月", null},
                {3, "王五", "男", "1996年4月", WANG, "共青团员", "园岭中学团总支", "委员", "2010-05", null},
                {4, "赵六", "女", 199604, ZHAO, "共青团员", "园岭中学团总支", null, null, null},
                {5, "张三", "男", "1988.11", ZHANG2, "中共党员", "示范区团区委", "副书记", null, null},
                {6, "钱七", "女", "1985年10月", QIAN, "群众", "示范区妇联", "执委", null, null}},
                new Xlsx.Merge(1, 1, 2, 3), new Xlsx.Merge(1, 2, 0, 0), new Xlsx.Merge(1, 2, 1, 1));
    }

    private Path activitySheet() throws Exception {
        return Xlsx.write(dir.resolve("活动台账.xlsx"), "活动台账", new Object[][] {
                {"示范区群团活动台账（2024年上半年）"},
                {"序号", "活动时间", "活动名称", "主办单位", "活动类别", "参与人数", "服务时长（小时）", "受益人数", "是否亮点"},
                {1, "2024-01-10", "青年理论学习小组", "示范区团区委", "思想引领", "３０", null, null, "否"},
                {2, LocalDate.of(2024, 2, 3), "新春走访慰问", "示范区总工会", "帮扶慰问", 12, null, "166户", "是"},
                {3, "2024.3.5", "学雷锋志愿服务", "园岭街道团工委", "志愿服务", 40, 120, 300, "是"},
                {4, "2024年3月20日", "团干部教育培训班", "示范区团区委", "教育培训", 55, null, null, "否"},
                {5, "2024-04-02", "基层团组织建设调研", "园岭街道团工委", "调查研究", 6, null, null, " 否 "},
                {6, "2024-05-04", "五四青年节主题团日", "园岭中学团总支", "思想引领", 80, null, null, "是"},
                {7, "2024-05-20", "支部规范化建设", "园岭中学团总支", "组织建设", 15, null, null, "否"},
                {8, "2024-06-01", "六一困难儿童慰问", "示范区妇联", "慰问帮扶", 20, null, 50, "否"}});
    }

    private Path honourSheet() throws Exception {
        return Xlsx.write(dir.resolve("荣誉名单.xlsx"), "荣誉名单", new Object[][] {
                {"示范区群团系统获奖名单"},
                {"序号", "获奖时间", "荣誉名称", "级别", "集体/个人", "获奖对象", "所在单位", "颁发单位"},
                {1, "2023年5月", "全国五四红旗团委", "国家级", "集体", "示范区团区委", null, "共青团中央"},
                {2, "2023.05", "广东省五四红旗团支部", "省级", "集体", "园岭中学团总支", null, "共青团广东省委"},
                {3, "2023-05-04", "优秀共青团员", "市级", "个人", "王五", null, "共青团深圳市委"},
                {4, "2023年5月", "优秀共青团干部", null, "个人", "张 三", "园岭中学团总支", "共青团深圳市委"},
                {5, "2024年3月", "三八红旗手", "区级", "个人", "钱七", null, "示范区妇联"},
                {6, "2024年3月", "先进女职工组织", "区级", "集体", "区总工会女工委员会", null, "示范区总工会"},
                {7, "2023年12月", "优秀团干部", "区级", "个人", "张三", null, "示范区团区委"}});
    }

    /** All four sheets in order, each with only "create missing"; returns nothing, asserts on the way. */
    private void importAll() throws Exception {
        ImportPreview orgs = preview(ImportKind.ORGS, orgSheet(), true);
        assertThat(orgs.fileProblems()).isEmpty();
        assertThat(orgs.rejected()).isEmpty();
        assertThat(orgs.mapping().headerRow()).isEqualTo(3);
        assertThat(orgs.dataRows()).isEqualTo(9);
        io.commit(orgs, false, ImportProgress.NONE);

        ImportPreview people = preview(ImportKind.PEOPLE, peopleSheet(), false);
        assertThat(people.fileProblems()).isEmpty();
        assertThat(people.rejected()).isEmpty();
        assertThat(people.mapping().headerRow()).isEqualTo(3);
        io.commit(people, false, ImportProgress.NONE);

        ImportPreview acts = preview(ImportKind.ACTIVITIES, activitySheet(), true);
        assertThat(acts.rejected()).isEmpty();
        io.commit(acts, false, ImportProgress.NONE);
    }

    @Test
    void organisationsWithTheOfficesOwnTypesAndYearMonthDates() throws Exception {
        Path f = orgSheet();
        String before = dump(db);
        ImportPreview refused = preview(ImportKind.ORGS, f, false);
        // without "create missing": every row with an unknown type, and every row under one, says why; nothing written
        assertThat(refused.rejected()).extracting(RejectedRow::row).contains(4, 5, 6, 9, 12);
        assertThat(reasons(refused).get(4)).contains("C4").contains("还没有“总工会”这种组织类型").contains("任期按 5 年");
        assertThat(refused.matches()).containsExactly("“妇女委员会”按已有组织类型“妇委会”导入（常用别称）");
        assertThatThrownBy(() -> io.commit(refused, false, ImportProgress.NONE)).isInstanceOf(ImportRejectedException.class);
        assertThat(dump(db)).isEqualTo(before);

        ImportPreview p = preview(ImportKind.ORGS, f, true);
        assertThat(p.rejected()).isEmpty();
        assertThat(p.acceptedCount()).isEqualTo(9);
        assertThat(p.creates()).containsExactly(
                "将新建上级组织：示范区群团工作部（顶层，类型“群团工作部”），作为表中下级组织的上级",
                "将新建组织类型：总工会（任期 5 年，之后可以修改）",
                "将新建组织类型：街道总工会（任期 5 年，之后可以修改）",
                "将新建组织类型：机关工会（任期 5 年，之后可以修改）",
                "将新建组织类型：团总支（任期 2 年，之后可以修改）",
                "将新建组织类型：女工委员会（任期 5 年，之后可以修改）");
        assertThat(dump(db)).isEqualTo(before); // the preview writes nothing
        ImportResult r = io.commit(p, false, ImportProgress.NONE);
        assertThat(r.lines().getFirst()).isEqualTo("已导入组织 9 个，另新建上级组织 1 个，新建组织类型 5 种");

        assertThat(sql("SELECT count(*) FROM org")).isEqualTo(10);
        assertThat(sql("SELECT count(*) FROM org_type")).isEqualTo(11 + 5);
        assertThat(sql("SELECT count(*) FROM org o JOIN org_type t ON t.id = o.type_id WHERE t.name = '妇委会'")).isEqualTo(1);
        assertThat(str("SELECT founded_on || ' ' || last_election_on || ' ' || term_years FROM org"
                + " WHERE name = '园岭街道总工会'")).isEqualTo("2003-09-01 2022-03-01 5");
        assertThat(str("SELECT founded_on || ' ' || last_election_on FROM org WHERE name = '区委机关工会'")).isEqualTo("2001-05-01 2023-04-01");
        assertThat(str("SELECT p.name FROM org o JOIN org p ON p.id = o.parent_id"
                + " WHERE o.name = '园岭中学团总支'")).isEqualTo("园岭街道团工委");
        assertThat(sql("SELECT count(*) FROM change_log WHERE table_name = 'org_type' AND action = 'insert'")).isEqualTo(5);

        // importing the same sheet again: nothing new, every row "already in the ledger", no error
        ImportPreview again = preview(ImportKind.ORGS, f, true);
        assertThat(again.rejected()).isEmpty();
        assertThat(again.acceptedCount()).isZero();
        assertThat(again.skipped()).hasSize(9);
        assertThat(again.creates()).isEmpty();
        String after = dump(db);
        ImportResult none = io.commit(again, false, ImportProgress.NONE);
        assertThat(none.written()).isZero();
        assertThat(none.lines().getFirst()).startsWith("没有新的记录：9 行已在台账中，跳过");
        assertThat(dump(db)).isEqualTo(after);
    }

    @Test
    void rosterWithBirthMonthsCheckedAgainstTheIdNumber() throws Exception {
        io.commit(preview(ImportKind.ORGS, orgSheet(), true), false, ImportProgress.NONE);
        ImportPreview p = preview(ImportKind.PEOPLE, peopleSheet(), false);
        assertThat(p.rejected()).isEmpty();
        assertThat(p.acceptedCount()).isEqualTo(6);
        io.commit(p, false, ImportProgress.NONE);
        assertThat(sql("SELECT count(*) FROM person")).isEqualTo(6);
        assertThat(sql("SELECT count(*) FROM person WHERE name = '张三'")).isEqualTo(2); // 张　三 lined up with spaces
        // the full birth date comes from the ID number, not the 1st of the month
        assertThat(str("SELECT birth_date FROM person WHERE id_number = ?", ZHAO))
                .isEqualTo("1996-04-20");
        assertThat(str("SELECT political_status FROM person WHERE id_number = ?", LI))
                .isEqualTo("共青团员");
        assertThat(str("SELECT phone FROM person WHERE id_number = ?", ZHANG))
                .isEqualTo("13912345678");
        assertThat(str("SELECT m.joined_on || ' ' || m.role FROM membership m JOIN person p"
                + " ON p.id = m.person_id WHERE p.id_number = ?", ZHANG)).isEqualTo("2014-05-01 书记");
        assertThat(sql("SELECT count(*) FROM membership m JOIN org o ON o.id = m.org_id WHERE o.name = '园岭中学团总支'")).isEqualTo(3);
        // written through the service's batch add: the change log holds the same record JSON as a form's add
        new org.taizhang.person.PersonService(db).add(new org.taizhang.person.PersonInput("表单人", null, "女", null, null, "群众", null),
                new org.taizhang.person.MembershipInput(db.read(ctx -> ctx.fetchOne("SELECT id FROM org WHERE name = '示范区妇联'")
                        .get(0, Integer.class)), null, null));
        String imported = str("SELECT new_value FROM change_log WHERE table_name = 'person' AND record_id = "
                + "(SELECT id FROM person WHERE id_number = ?)", LI);
        String byForm = str("SELECT new_value FROM change_log WHERE table_name = 'person' AND record_id = "
                + "(SELECT id FROM person WHERE name = '表单人')");
        assertThat(keys(imported)).isEqualTo(keys(byForm));
        assertThat(imported).contains("\"political_status\":\"共青团员\"").contains("\"birth_date\":\"1992-09-15\"");

        // a month that disagrees with the ID number, an impossible month, a sex that disagrees: each names both values
        Path bad = Xlsx.write(dir.resolve("bad.xlsx"), "名单", new Object[][] {
                {"姓名", "性别", "出生年月", "身份证号", "所在单位"},
                {"周九", "男", "1996-05", id("44030419960412171"), "园岭中学团总支"},
                {"吴十", null, "1990年13月", null, "园岭中学团总支"},
                {"郑一", "女", null, id("44030419960412191"), "园岭中学团总支"},
                {"冯二", null, 1992.1, null, "园岭中学团总支"},
                {"陈三", null, 1992.1, id("44030419921003201"), "园岭中学团总支"}});
        String before = dump(db);
        ImportPreview b = preview(ImportKind.PEOPLE, bad, false);
        Map<Integer, String> why = reasons(b);
        assertThat(why.keySet()).containsExactlyInAnyOrder(2, 3, 4, 5);
        assertThat(why.get(2)).isEqualTo("C2 出生日期：出生年月 1996-05 与身份证号不符（身份证号显示为1996-04-12）");
        assertThat(b.rejected().getFirst().problems().getFirst().value()).isEqualTo("1996-05");
        assertThat(b.rejected().getFirst().problems().getFirst().sheet()).isEqualTo("名单");
        assertThat(why.get(3)).isEqualTo("C3 出生日期：“1990年13月”的月份不存在（月份应为 1 到 12）");
        assertThat(why.get(4)).contains("B4 性别：与身份证号不符（身份证号显示为男）");
        assertThat(why.get(5)).contains("C5").contains("看不出是 1 月还是 10 月");
        assertThat(b.acceptedCount()).isEqualTo(1); // 1992.1 settled by the ID number (October)
        assertThatThrownBy(() -> io.commit(b, false, ImportProgress.NONE)).isInstanceOf(ImportRejectedException.class);
        assertThat(dump(db)).isEqualTo(before);

        // re-import: same rows skipped; a changed phone is a change, applied (and logged) only when asked
        ImportPreview again = preview(ImportKind.PEOPLE, peopleSheet(), false);
        assertThat(again.skipped()).hasSize(6);
        assertThat(again.rejected()).isEmpty();
        Path changed = Xlsx.write(dir.resolve("changed.xlsx"), "名单", new Object[][] {
                {"姓名", "身份证号", "所在单位", "联系电话"},
                {"李四", LI, "园岭街道团工委", "13800000001"},
                {"王五", WANG, "园岭中学团总支", null}});
        ImportPreview c = preview(ImportKind.PEOPLE, changed, false);
        assertThat(c.changes()).containsOnlyKeys(2);
        assertThat(c.changes().get(2)).contains("联系电话 （空） → 13800000001");
        assertThat(c.skipped()).containsOnlyKeys(3);
        io.commit(c, false, ImportProgress.NONE);
        assertThat(sql("SELECT count(*) FROM person WHERE phone = '13800000001'")).isZero();
        int logged = sql("SELECT count(*) FROM change_log WHERE table_name = 'person' AND action = 'update'");
        ImportPreview u = io.preview(ImportRequest.of(ImportKind.PEOPLE, changed).withUpdate(true), ImportProgress.NONE);
        ImportResult r = io.commit(u, false, ImportProgress.NONE);
        assertThat(r.lines().getFirst()).contains("更新已登记人员 1 人");
        assertThat(sql("SELECT count(*) FROM person WHERE phone = '13800000001'")).isEqualTo(1);
        assertThat(sql("SELECT count(*) FROM change_log WHERE table_name = 'person' AND action = 'update'")).isEqualTo(logged + 1);
    }

    @Test
    void activitiesWithTheOfficesCategoriesCountExactly() throws Exception {
        importAll();
        // near-twins of the defaults join them; the office's new categories are created and listed first
        Map<String, ActivityTotals> byCat = new LinkedHashMap<>();
        new ActivityService(db).totalsByCategory(ActivityFilter.ALL).forEach((Category c, ActivityTotals t) -> byCat.put(c.name(), t));
        assertThat(byCat.keySet()).containsExactlyInAnyOrder("志愿服务", "慰问帮扶", "培训", "思想引领", "调查研究", "组织建设");
        assertThat(byCat.get("慰问帮扶").count()).isEqualTo(2);
        assertThat(byCat.get("慰问帮扶").beneficiaries()).isEqualTo(216);
        assertThat(byCat.get("思想引领").count()).isEqualTo(2);
        assertThat(byCat.get("思想引领").participants()).isEqualTo(110);
        assertThat(byCat.get("培训").participants()).isEqualTo(55);
        assertThat(byCat.get("志愿服务").serviceTenths()).isEqualTo(1200);
        assertThat(sql("SELECT count(*) FROM activity")).isEqualTo(8);
        assertThat(sql("SELECT count(*) FROM activity WHERE highlight")).isEqualTo(3);
        assertThat(sql("SELECT sum(participants) FROM activity")).isEqualTo(258);
        assertThat(sql("SELECT count(*) FROM activity_category")).isEqualTo(13);

        ImportPreview again = preview(ImportKind.ACTIVITIES, activitySheet(), true);
        assertThat(again.skipped()).hasSize(8);
        assertThat(again.creates()).isEmpty();
        assertThat(again.matches()).contains("“帮扶慰问”按已有类别“慰问帮扶”导入（字相同，顺序不同）",
                "“教育培训”按已有类别“培训”导入（包含已有类别名称）");

        // the defaults nobody used can be retired in one step; the used ones stay
        assertThat(new ActivityService(db).retireUnusedCategories())
                .containsExactlyInAnyOrder("学习教育", "文体活动", "权益维护", "联谊交友", "会议", "竞赛", "其他");
        assertThat(new ActivityService(db).categories(false)).extracting(Category::name)
                .containsExactlyInAnyOrder("志愿服务", "慰问帮扶", "培训", "思想引领", "调查研究", "组织建设");
    }

    @Test
    void awardListWithOneAwardeeColumn() throws Exception {
        importAll();
        ImportPreview p = preview(ImportKind.HONORS, honourSheet(), false);
        Map<Integer, String> why = reasons(p);
        // 张三 alone matches two people: refused with both candidates; narrowed by 所在单位 it is found
        assertThat(why.keySet()).containsExactly(9);
        assertThat(why.get(9)).contains("F9").contains("有 2 人都叫“张三”").contains("园岭中学团总支").contains("示范区团区委")
                .contains("身份证号");
        assertThat(p.acceptedCount()).isEqualTo(6);
        String before = dump(db);
        assertThatThrownBy(() -> io.commit(p, false, ImportProgress.NONE)).isInstanceOf(ImportRejectedException.class);
        assertThat(dump(db)).isEqualTo(before);
        io.commit(p, true, ImportProgress.NONE);

        assertThat(sql("SELECT count(*) FROM honor")).isEqualTo(6);
        assertThat(sql("SELECT count(*) FROM honor WHERE kind = '集体'")).isEqualTo(3);
        assertThat(sql("SELECT count(*) FROM honor WHERE kind = '个人'")).isEqualTo(3);
        assertThat(sql("SELECT count(*) FROM honor WHERE level = '国家级'")).isEqualTo(1);
        assertThat(sql("SELECT count(*) FROM honor WHERE level = '省级'")).isEqualTo(1);
        assertThat(sql("SELECT count(*) FROM honor WHERE level = '市级'")).isEqualTo(2); // row 6 read from 共青团深圳市委
        assertThat(sql("SELECT count(*) FROM honor WHERE level = '区/县级'")).isEqualTo(2);
        assertThat(sql("SELECT count(*) FROM honor WHERE honor_date = '2023-05-01'")).isEqualTo(3);
        // an individual honour goes to the person's own organisation
        assertThat(str("SELECT o.name FROM honor h JOIN org o ON o.id = h.org_id JOIN person p"
                + " ON p.id = h.person_id WHERE p.id_number = ?", ZHANG)).isEqualTo("园岭中学团总支");
        assertThat(str("SELECT o.name FROM honor h JOIN org o ON o.id = h.org_id"
                + " WHERE h.title = '三八红旗手'")).isEqualTo("示范区妇联");

        ImportPreview again = preview(ImportKind.HONORS, honourSheet(), false);
        assertThat(again.skipped()).hasSize(6);
        assertThat(again.acceptedCount()).isZero();
    }

    @Test
    void theCommandLineNeedsOnlyCreateMissing() throws Exception {
        Path file = dir.resolve("cli.db");
        db.close();
        Path orgs = orgSheet();
        org.taizhang.cli.CliRun refused = org.taizhang.cli.CliRun.onDb(file, "import", "orgs", orgs.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.out()).contains("还没有“总工会”这种组织类型").contains("--create-missing");
        org.taizhang.cli.CliRun ok = org.taizhang.cli.CliRun.onDb(file, "import", "orgs", orgs.toString(), "--create-missing");
        assertThat(ok.code()).isEqualTo(0);
        assertThat(ok.out()).contains("将新建：组织类型：总工会（任期 5 年").contains("已导入组织 9 个");
        org.taizhang.cli.CliRun again = org.taizhang.cli.CliRun.onDb(file, "import", "orgs", orgs.toString(), "--create-missing");
        assertThat(again.code()).isEqualTo(0);
        assertThat(again.out()).contains("已在台账中（跳过）9 行").contains("没有新的记录");
        db = TestDb.open(dir);
    }
}
