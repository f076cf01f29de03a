package org.taizhang.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taizhang.io.ImportTestSupport.communities;
import static org.taizhang.io.ImportTestSupport.dump;
import static org.taizhang.io.ImportTestSupport.id;
import static org.taizhang.io.ImportTestSupport.reasons;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.FormulaError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.TestDb;
import org.taizhang.activity.ActivityFilter;
import org.taizhang.activity.ActivityRow;
import org.taizhang.activity.ActivityService;
import org.taizhang.db.Database;
import org.taizhang.honor.HonorFilter;
import org.taizhang.honor.HonorRow;
import org.taizhang.honor.HonorService;
import org.taizhang.person.MembershipInput;
import org.taizhang.person.PersonInput;
import org.taizhang.person.PersonService;

class ActivityHonorImportTest {
    static final String ZHANG = id("11010119900307123");

    @TempDir
    Path dir;
    Database db;
    ImportService io;
    int yl;
    int zhang;

    @BeforeEach
    void setUp() {
        db = TestDb.open(dir);
        io = new ImportService(db);
        yl = communities(db).yl();
        zhang = new PersonService(db).add(new PersonInput("张三", ZHANG, null, null, null, null, null), new MembershipInput(yl, "书记", null));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void activitiesWithSynonymsFormulasAndBadRows() throws Exception {
        Path f = Xlsx.write(dir.resolve("a.xlsx"), "活动台账", new Object[][] {
                {"2021年活动台账"},
                {"活动日期", "活动", "主办单位", "分类", "参加人数", "时长（小时）", "受益人数", "协办单位", "是否亮点"},
                {LocalDate.of(2021, 3, 5), "学雷锋志愿服务", "园岭社区团委", "志愿服务", 30, new Xlsx.Formula("E3*1.5", 45), "２００", "南园社区团委", "是"},
                {"2021年3月6日", "青年理论学习", "园岭社区团委", "学习教育", "１２人", "", null, null, "否"},
                {"2021.2.30", "不存在的日子", "园岭社区团委", "学习教育", 1, null, null, null, null},          // 5
                {"2021-03-07", "错误的公式", "园岭社区团委", "学习教育", new Xlsx.Error("1/0", FormulaError.DIV0), null, null, null, null}, // 6
                {"2021-03-08", "时长太多", "园岭社区团委", "志愿服务", 1, 100, null, null, null},                   // 7
                {"2021-03-09", "未知类别", "园岭社区团委", "吃饭", 1, null, null, null, null},                       // 8
                {"2021/3/5", "学雷锋志愿服务", "园岭社区团委", "志愿服务", 10, 2.55, null, null, null},             // 9 dup + bad hours
                {"2021/3/5", "学雷锋志愿服务", "园岭社区团委", "志愿服务", 10, 2.5, null, null, null},              // 10 dup of 3
                {"合计", null, null, null, 40, 45}});
        ImportPreview p = io.preview(ImportRequest.of(ImportKind.ACTIVITIES, f), ImportProgress.NONE);
        assertThat(p.fileProblems()).isEmpty();
        assertThat(p.dataRows()).isEqualTo(8);
        assertThat(p.acceptedCount()).isEqualTo(2);
        Map<Integer, String> why = reasons(p);
        assertThat(why.keySet()).containsExactlyInAnyOrder(5, 6, 7, 8, 9, 10);
        assertThat(why.get(5)).contains("A5").contains("不存在");
        assertThat(why.get(6)).contains("E6").contains("#DIV/0!");
        assertThat(why.get(7)).contains("服务时长").contains("不合理");
        assertThat(why.get(8)).contains("D8").contains("还没有“吃饭”这个活动类别");
        assertThat(why.get(9)).contains("F9").contains("一位小数");
        assertThat(why.get(10)).contains("与第 3 行重复");
        String before = dump(db);
        assertThatThrownBy(() -> io.commit(p, false, ImportProgress.NONE)).isInstanceOf(ImportRejectedException.class);
        assertThat(dump(db)).isEqualTo(before);
        io.commit(p, true, ImportProgress.NONE);
        List<ActivityRow> rows = new ActivityService(db).rows(ActivityFilter.ALL, org.taizhang.activity.ActivitySort.DATE, false, 0, 100);
        assertThat(rows).hasSize(2);
        ActivityRow a = rows.getFirst();
        assertThat(a.name()).isEqualTo("学雷锋志愿服务");
        assertThat(a.participants()).isEqualTo(30);
        assertThat(a.serviceTenths()).isEqualTo(450);
        assertThat(a.beneficiaries()).isEqualTo(200);
        assertThat(a.highlight()).isTrue();
        assertThat(a.coOrgNames()).containsExactly("南园社区团委");
        assertThat(rows.get(1).participants()).isEqualTo(12);
        // importing the same sheet again: the rows on file are skipped, not errors
        ImportPreview again = io.preview(ImportRequest.of(ImportKind.ACTIVITIES, f), ImportProgress.NONE);
        assertThat(again.acceptedCount()).isZero();
        assertThat(again.skipped()).hasSize(2);
        assertThat(again.skipped().values()).allMatch(s -> s.startsWith("已在台账中，跳过"));
    }

    @Test
    void honoursCollectiveAndIndividual() throws Exception {
        Path f = Xlsx.write(dir.resolve("h.xlsx"), "荣誉", new Object[][] {
                {"获得日期", "荣誉名称", "级别", "类型", "获奖单位", "姓名", "身份证号", "授予单位"},
                {"2021-05-04", "五四红旗团委", "市级", "集体", "园岭社区团委", null, null, "共青团市委"},
                {"2021-05-04", "优秀团干部", "省", "个人", "园岭社区团委", "张三", null, "团省委"},
                {"2022-05-04", "优秀团干部", "区级", null, "园岭社区团委", null, ZHANG, null},
                {"2021-05-04", "优秀团员", "市级", "个人", "园岭社区团委", "李四", null, null},        // 5 unknown person
                {"2021-05-04", "五四红旗团委", "市级", "集体", "园岭社区团委", null, null, null},      // 6 duplicate of 2
                {"2021-05-04", "奖", "宇宙级", "集体", "园岭社区团委", null, null, null},               // 7 bad level
                {"2099-05-04", "未来", "市级", "集体", "园岭社区团委", null, null, null}});              // 8 future
        ImportPreview p = io.preview(ImportRequest.of(ImportKind.HONORS, f), ImportProgress.NONE);
        assertThat(p.acceptedCount()).isEqualTo(3);
        Map<Integer, String> why = reasons(p);
        assertThat(why.keySet()).containsExactlyInAnyOrder(5, 6, 7, 8);
        assertThat(why.get(5)).contains("F5").contains("名册里没有名叫“李四”的人员");
        assertThat(why.get(6)).contains("与第 2 行重复");
        assertThat(why.get(7)).contains("C7").contains("宇宙级");
        assertThat(why.get(8)).contains("晚于今天");
        io.commit(p, true, ImportProgress.NONE);
        List<HonorRow> rows = new HonorService(db).list(HonorFilter.ALL, 0, 100);
        assertThat(rows).hasSize(3);
        assertThat(rows).filteredOn(h -> h.personId() != null).extracting(HonorRow::personId).containsOnly(zhang);
        assertThat(rows).extracting(HonorRow::level).containsExactlyInAnyOrder("市级", "省级", "区/县级");
    }
}
