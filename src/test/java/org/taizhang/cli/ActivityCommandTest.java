package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.Fixtures;
import org.taizhang.db.Database;
import org.taizhang.org.OrgService;

/** The activity and honor commands, run in-process with captured output against a real database file. */
class ActivityCommandTest {
    @TempDir
    Path dir;
    Path db;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void setUp() {
        db = dir.resolve("cli.db");
        // the tree is made through the service (the org command is another feature's)
        try (Database d = Database.open(db)) {
            Fixtures.districtOrgs(new OrgService(d));
        }
    }

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return TaizhangCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all);
    }

    @Test
    void addListFilterTotalsAndRemove() throws Exception {
        assertThat(run("activity", "add", "--date", "2024-03-05", "--name", "学雷锋志愿服务🎉", "--org", "𠮷祥社区团委",
                "--category", "志愿服务", "--participants", "１２", "--hours", "36.5", "--beneficiaries", "200", "--highlight")).isZero();
        assertThat(out.toString()).contains("已新增活动 #1");
        assertThat(run("activity", "add", "--date", "2024年4月1日", "--name", "团课", "--org", "共青团示范区委员会",
                "--category", "学习教育", "--participants", "30")).isZero();
        assertThat(run("activity", "add", "--date", "2024-04-02", "--name", "妇女议事会", "--org", "示范区妇女联合会",
                "--category", "会议", "--participants", "8", "--co-org", "共青团示范区委员会")).isZero();
        assertThat(run("activity", "add", "--date", "2023-12-30", "--name", "年终志愿服务", "--org", "𠮷祥社区团委",
                "--category", "志愿服务", "--participants", "5", "--hours", "10")).isZero();

        assertThat(run("activity", "list", "--org", "共青团示范区委员会", "--year", "2024")).isZero();
        assertThat(out.toString()).contains("学雷锋志愿服务🎉", "团课", "★亮点").doesNotContain("妇女议事会", "年终志愿服务");
        assertThat(out.toString()).contains("合计：共 2 场，参与 42 人次，服务 36.5 小时，惠及 200 人");

        assertThat(run("activity", "list", "--category", "志愿服务", "--json")).isZero();
        JsonNode json = Cli.mapper().readTree(out.toString());
        assertThat(json.get("totals").get("count").asInt()).isEqualTo(2);
        assertThat(json.get("totals").get("participants").asInt()).isEqualTo(17);
        assertThat(json.get("totals").get("hours").asText()).isEqualTo("46.5");
        assertThat(json.get("rows").get(0).get("name").asText()).isEqualTo("学雷锋志愿服务🎉");

        assertThat(run("activity", "list", "--from", "2024-04-02", "--to", "2024-04-02", "--json")).isZero();
        json = Cli.mapper().readTree(out.toString());
        assertThat(json.get("rows").get(0).get("coOrgs").get(0).asText()).isEqualTo("共青团示范区委员会");

        assertThat(run("activity", "edit", "#2", "--participants", "31", "--highlight")).isZero();
        assertThat(out.toString()).contains("已修改活动 #2", "31 人次");
        assertThat(run("activity", "edit", "2", "--hours", "-1")).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(err.toString()).contains("服务时长：不能是负数");
        assertThat(run("activity", "list", "--highlight")).isZero();
        assertThat(out.toString()).contains("合计：共 2 场，参与 43 人次");

        assertThat(run("activity", "list", "--query", "志愿 雷锋")).isZero();
        assertThat(out.toString()).contains("合计：共 1 场");

        assertThat(run("activity", "remove", "#1", "2")).isZero();
        assertThat(out.toString()).contains("共删除 2 场活动");
        assertThat(run("activity", "list")).isZero();
        assertThat(out.toString()).contains("合计：共 2 场");
        // a missing id deletes nothing
        assertThat(run("activity", "remove", "3", "99")).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(err.toString()).contains("已不存在");
        assertThat(run("activity", "list")).isZero();
        assertThat(out.toString()).contains("合计：共 2 场");
    }

    @Test
    void badInputIsRefusedWithFieldMessagesAndNothingIsWritten() {
        assertThat(run("activity", "add", "--date", "2099-01-01", "--name", "x", "--org", "不存在", "--category", "跳舞",
                "--participants", "-5", "--hours", "1.25", "--beneficiaries", "很多")).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(err.toString()).contains("日期：", "计划", "主办组织：", "类别：没有“跳舞”", "参与人次：不能是负数",
                "服务时长：最多保留一位小数", "惠及人数：");
        assertThat(run("activity", "add", "--date", "2024-01-01", "--name", "x", "--org", "示范区妇女联合会", "--category", "会议",
                "--participants", "2", "--hours", "100")).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(err.toString()).contains("服务时长：", "不合理");
        assertThat(run("activity", "add", "--date", "2024-01-01", "--name", "x", "--org", "示范区妇女联合会", "--category", "会议",
                "--attach", dir.resolve("nope.jpg").toString())).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(err.toString()).contains("找不到文件");
        assertThat(run("activity", "list", "--json")).isZero();
        assertThat(out.toString()).contains("\"count\" : 0");

        // duplicates need --force
        assertThat(run("activity", "add", "--date", "2024-01-01", "--name", "例会", "--org", "示范区妇女联合会", "--category", "会议")).isZero();
        assertThat(run("activity", "add", "--date", "2024-01-01", "--name", "例会", "--org", "示范区妇女联合会", "--category", "会议"))
                .isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(err.toString()).contains("活动名称：", "已登记过", "--force");
        assertThat(run("activity", "add", "--date", "2024-01-01", "--name", "例会", "--org", "示范区妇女联合会", "--category", "会议",
                "--force")).isZero();
        assertThat(run("activity", "list", "--sort", "nonsense")).isEqualTo(TaizhangCli.EXIT_INVALID);
    }

    @Test
    void categoriesAndAttachments() throws Exception {
        assertThat(run("activity", "categories", "--add", "红色研学")).isZero();
        assertThat(run("activity", "categories", "--rename", "红色研学", "--to", "红色教育")).isZero();
        assertThat(run("activity", "categories", "--deactivate", "红色教育")).isZero();
        assertThat(run("activity", "categories")).isZero();
        assertThat(out.toString()).contains("红色教育（已停用）");
        assertThat(run("activity", "categories", "--merge", "红色教育", "--into", "学习教育")).isZero();
        assertThat(run("activity", "categories", "--json")).isZero();
        assertThat(out.toString()).doesNotContain("红色教育");

        Path photo = dir.resolve("合影𠮷.jpg");
        Files.write(photo, new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        assertThat(run("activity", "add", "--date", "2024-01-01", "--name", "例会", "--org", "示范区妇女联合会", "--category", "会议",
                "--attach", photo.toString())).isZero();
        assertThat(run("activity", "files", "1")).isZero();
        assertThat(out.toString()).contains("合影𠮷.jpg", "共 1 个附件");
        Path saved = dir.resolve("saved");
        assertThat(run("activity", "files", "#1", "--save", saved.toString())).isZero();
        assertThat(Files.readAllBytes(saved.resolve("合影𠮷.jpg"))).isEqualTo(Files.readAllBytes(photo));
        assertThat(run("activity", "files", "1", "--remove", "1")).isZero();
        assertThat(out.toString()).contains("共 0 个附件");
    }

    @Test
    void honours() throws Exception {
        assertThat(run("person", "add", "--org", "𠮷祥社区团委", "--name", "张𠮷", "--id-number", "11010119900307125X")).isZero();
        assertThat(run("honor", "add", "--date", "2024-05-04", "--title", "全国五四红旗团支部", "--level", "国家级",
                "--org", "𠮷祥社区团委", "--issuer", "共青团中央")).isZero();
        assertThat(run("honor", "add", "--date", "2024-05-04", "--title", "优秀共青团干部", "--level", "省",
                "--person", "张𠮷")).isZero();
        assertThat(out.toString()).contains("省级·个人", "张𠮷（𠮷祥社区团委）");
        assertThat(run("honor", "add", "--date", "2024-03-08", "--title", "三八红旗集体", "--level", "市级",
                "--org", "示范区妇女联合会")).isZero();
        assertThat(run("honor", "list", "--org", "共青团示范区委员会")).isZero();
        assertThat(out.toString()).contains("共 2 项（集体 1、个人 1）：国家级集体 1 项；省级个人 1 项").doesNotContain("三八红旗集体");
        assertThat(run("honor", "list", "--kind", "集体", "--json")).isZero();
        JsonNode json = Cli.mapper().readTree(out.toString());
        assertThat(json.get("total").asInt()).isEqualTo(2);
        assertThat(json.get("counts").get("市级").get("集体").asInt()).isEqualTo(1);
        assertThat(run("honor", "list", "--level", "宇宙级")).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(err.toString()).contains("级别：");
        assertThat(run("honor", "add", "--date", "2024-03-08", "--title", " ", "--level", "市级", "--kind", "个人",
                "--org", "示范区妇女联合会")).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(err.toString()).contains("荣誉名称：不能为空", "获奖个人：");
        assertThat(run("honor", "list", "--person", "张𠮷")).isZero();
        assertThat(out.toString()).contains("共 1 项");
        // edit changes only what is given; a bad value is refused and leaves the honour as it was
        assertThat(run("honor", "edit", "#2", "--title", "优秀共青团干部𠮷", "--issuer", "团省委")).isZero();
        assertThat(out.toString()).contains("已修改荣誉 #2 2024-05-04 优秀共青团干部𠮷［省级·个人］张𠮷（𠮷祥社区团委）");
        assertThat(run("honor", "edit", "#2", "--level", "宇宙级")).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(err.toString()).contains("级别：");
        assertThat(run("honor", "edit", "#2", "--kind", "集体")).isZero();
        assertThat(out.toString()).contains("［省级·集体］𠮷祥社区团委");
        assertThat(run("honor", "edit", "#99")).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(err.toString()).contains("找不到编号为 #99 的荣誉");
        assertThat(run("honor", "remove", "第一项")).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(err.toString()).contains("“第一项”不是荣誉编号（如 #12）");
        assertThat(run("honor", "remove", "#1")).isZero();
        assertThat(run("honor", "list")).isZero();
        assertThat(out.toString()).contains("共 2 项");
    }

    private int activityCount() {
        try (Database d = Database.open(db)) {
            return d.read(ctx -> ctx.fetchOne("SELECT count(*) FROM activity").get(0, Integer.class));
        }
    }

    @Test
    void addFromACsvFileOrStandardInputAllOrNothingWithTheImportMessages() throws Exception {
        String header = "活动日期,活动名称,主办组织,类别,参与人次,服务时长（小时）,惠及人数,地点\n";
        Path good = dir.resolve("活动𠮷.csv");
        Files.writeString(good, header
                + "2024-03-05,学雷锋志愿服务🎉,𠮷祥社区团委,志愿服务,１２,36.5,200,𠮷祥社区\n"
                + "２０２４年４月１日,团课,共青团示范区委员会,学习教育,３０,,,\n", java.nio.charset.StandardCharsets.UTF_8);
        assertThat(run("activity", "add", "--from", good.toString())).as(err.toString()).isZero();
        assertThat(activityCount()).isEqualTo(2);
        assertThat(run("activity", "list", "--json")).isZero();
        assertThat(out.toString()).contains("学雷锋志愿服务🎉", "团课");

        // one bad row: nothing is written, the message names the file's sheet, row, column, value and reason
        Path bad = dir.resolve("有错.csv");
        Files.writeString(bad, header
                + "2024-05-04,青年座谈会😀,共青团示范区委员会,会议,２０,,,\n"
                + "2024-05-05,义诊,𠮷祥社区团委,志愿服务,很多,,,\n", java.nio.charset.StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(db);
        assertThat(run("activity", "add", "--from", bad.toString())).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(out.toString()).contains("工作表“有错”第 3 行", "参与人次", "很多").contains("未导入");
        assertThat(activityCount()).isEqualTo(2);
        assertThat(Files.readAllBytes(db)).isEqualTo(before);

        // the same import, its messages word for word (import also points to its own options --skip-bad and --rejects)
        String viaAdd = out.toString();
        assertThat(viaAdd).doesNotContain("--skip-bad");
        assertThat(run("import", "activities", bad.toString())).isEqualTo(TaizhangCli.EXIT_INVALID);
        assertThat(out.toString()).contains(viaAdd.lines().filter(l -> l.startsWith("  ")).toList()).contains("--skip-bad");
        assertThat(out.toString().lines().filter(l -> l.startsWith("未导入"))).containsExactlyElementsOf(viaAdd.lines().filter(l -> l.startsWith("未导入")).toList());

        // standard input: one process for many records; its rows are named 标准输入
        var previousIn = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream((header + "2024-06-01,端午包粽子,𠮷祥社区团委,志愿服务,８,4,30,\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(run("activity", "add", "--from", "-")).as(out + "" + err).isZero();
            assertThat(activityCount()).isEqualTo(3);
            System.setIn(new java.io.ByteArrayInputStream((header + "2024-13-01,坏日期,𠮷祥社区团委,志愿服务,８,,,\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(run("activity", "add", "--from", "-")).isEqualTo(TaizhangCli.EXIT_INVALID);
            assertThat(out.toString()).contains("工作表“标准输入”第 2 行", "2024-13-01").contains("未导入");
            assertThat(activityCount()).isEqualTo(3);
        } finally {
            System.setIn(previousIn);
        }

        // --from takes every field from the file; without it the four fields are required
        assertThat(run("activity", "add", "--from", good.toString(), "--name", "x")).isEqualTo(1);
        assertThat(err.toString()).contains("--from").contains("--name");
        assertThat(run("activity", "add", "--name", "x", "--org", "𠮷祥社区团委")).isEqualTo(1);
        assertThat(err.toString()).contains("缺少").contains("--date").contains("--category");
        assertThat(activityCount()).isEqualTo(3);
    }
}
