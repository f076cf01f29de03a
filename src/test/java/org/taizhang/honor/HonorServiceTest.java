package org.taizhang.honor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.Fixtures.clockAt;
import static org.taizhang.Fixtures.districtOrgs;
import static org.taizhang.Fixtures.rejected;
import static org.taizhang.db.jooq.Tables.HONOR;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.Fixtures.DistrictOrgs;
import org.taizhang.TestDb;
import org.taizhang.common.ValidationException;
import org.taizhang.db.Database;
import org.taizhang.org.OrgService;
import org.taizhang.person.MembershipInput;
import org.taizhang.person.PersonInput;
import org.taizhang.person.PersonService;

class HonorServiceTest {
    static final Clock CLOCK = clockAt(LocalDate.of(2024, 12, 31), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Database db;
    HonorService svc;
    int root, league, branch, women;
    int zhang;

    @BeforeEach
    void setUp() {
        db = TestDb.open(dir);
        DistrictOrgs orgs = districtOrgs(new OrgService(db, CLOCK));
        root = orgs.root();
        league = orgs.league();
        branch = orgs.branch();
        women = orgs.women();
        zhang = new PersonService(db, CLOCK).add(new PersonInput("张𠮷", "11010119900307125X", null, null, null, null, null),
                new MembershipInput(branch, "书记", null));
        svc = new HonorService(db, CLOCK);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void countsByLevelAndKindForSubtreeAndPeriod() {
        LocalDate d = LocalDate.of(2024, 5, 4);
        svc.add(HonorInput.collective(d, "全国五四红旗团支部", "国家级", branch, "共青团中央"));
        svc.add(HonorInput.collective(d, "省级青年文明号", "省级", league, "共青团省委"));
        svc.add(HonorInput.individual(d, "优秀共青团干部", "省", null, zhang, "共青团省委"));
        svc.add(HonorInput.individual(d.minusYears(1), "优秀团员", "市级", branch, zhang, null));
        svc.add(HonorInput.collective(d, "三八红旗集体", "市级", women, "市妇联"));

        HonorFilter f = new HonorFilter(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), league, null, null, null, null);
        HonorCounts c = svc.counts(f);
        assertThat(c.get("国家级", "集体")).isEqualTo(1);
        assertThat(c.get("省级", "集体")).isEqualTo(1);
        assertThat(c.get("省级", "个人")).isEqualTo(1);
        assertThat(c.get("市级", "个人")).isZero();
        assertThat(c.total()).isEqualTo(3);
        assertThat(c.line()).isEqualTo("国家级集体 1 项；省级集体 1 项、个人 1 项");
        List<HonorRow> rows = svc.list(f.withKind("个人"), 0, 100);
        assertThat(rows).extracting(HonorRow::recipient).containsExactly("张𠮷（𠮷祥社区团委）");
        assertThat(svc.count(HonorFilter.ALL.withLevel("市级"))).isEqualTo(2);
        assertThat(svc.count(HonorFilter.ALL.withOrg(women))).isEqualTo(1);
        assertThat(svc.list(new HonorFilter(null, null, null, null, null, null, "张𠮷"), 0, 10)).hasSize(2);

        int removed = svc.remove(rows.stream().map(HonorRow::id).toList());
        assertThat(removed).isEqualTo(1);
        assertThat(svc.counts(f).total()).isEqualTo(2);
    }

    @Test
    void badFieldsAreReportedAndNothingIsWritten() {
        ValidationException e = rejected(() -> svc.add(new HonorInput(LocalDate.of(2025, 3, 1), " ", "宇宙级", "团伙", null, null, null, null)));
        assertThat(e.messageFor("日期")).contains("晚于今天");
        assertThat(e.messageFor("荣誉名称")).contains("不能为空");
        assertThat(e.messageFor("级别")).contains("宇宙级");
        assertThat(e.messageFor("类型")).contains("集体 或 个人");
        assertThat(rejected(() -> svc.add(HonorInput.collective(LocalDate.of(2024, 1, 1), "x", "省级", 0, null))).messageFor("获奖组织"))
                .contains("不存在");
        assertThat(rejected(() -> svc.add(new HonorInput(LocalDate.of(2024, 1, 1), "x", "省级", "个人", branch, null, null, null)))
                .messageFor("获奖个人")).contains("请选择");
        assertThat(rejected(() -> svc.add(new HonorInput(LocalDate.of(2024, 1, 1), "x", "省级", "集体", branch, zhang, null, null)))
                .messageFor("获奖个人")).contains("集体荣誉不填");
        assertThat(rejected(() -> svc.add(HonorInput.individual(LocalDate.of(2024, 1, 1), "x", "省级", women, zhang, null)))
                .messageFor("获奖个人")).contains("不是所选组织的成员");
        ValidationException p = rejected(() -> svc.parse(new HonorText("2024-02-30", "x", "省级", "个人", "共青团示范区委员会", "李四", null, null)));
        assertThat(p.messageFor("日期")).contains("不存在");
        assertThat(p.messageFor("获奖个人")).contains("找不到名为“李四”");
        assertThat(db.<Integer>read(ctx -> ctx.fetchCount(HONOR))).isZero();

        HonorInput in = svc.parse(new HonorText("２０２４年５月４日", "优秀团干部", "区级", null, "共青团示范区委员会", "张𠮷", "团区委", null));
        assertThat(in.kind()).isEqualTo("个人");
        assertThat(in.level()).isEqualTo("区/县级");
        assertThat(in.personId()).isEqualTo(zhang);
        int id = svc.add(new HonorInput(in.date(), in.title(), in.level(), in.kind(), branch, in.personId(), in.issuer(), null));
        assertThat(svc.get(id).orElseThrow().orgName()).isEqualTo("𠮷祥社区团委");
    }
}
