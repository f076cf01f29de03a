package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.Fixtures;
import org.taizhang.db.Database;

class PlanSummaryCliTest {
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.onDb(dir.resolve("cli.db"), args);
    }

    @Test
    void planAndSummaryFromTheCommandLine() throws Exception {
        try (Database db = Database.open(dir.resolve("cli.db"))) {
            int root = Fixtures.org(db, "示范区群团工作部", null, 1, LocalDate.of(2010, 1, 1), null);
            Fixtures.activity(db, root, 2, LocalDate.of(2021, 3, 5), 120, 355, 60, false);
        }
        assertThat(run("plan", "create", "--org", "示范区群团工作部", "--period", "2021H2").code()).isZero();
        assertThat(run("plan", "add-item", "1", "--section", "--lead", "深化思想引领").out()).contains("#1 一、深化思想引领");
        assertThat(run("plan", "add-item", "1", "--under", "#1", "--lead", "开展志愿服务。", "--body", "全年不少于２０场🎉",
                "--target-metric", "activities", "--target-category", "志愿服务", "--target", "20").code()).isZero();
        CliRun bad = run("plan", "add-item", "1", "--under", "#1", "--lead", "x", "--target-metric", "月亮");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("目标指标“月亮”无效");
        assertThat(run("plan", "add-item", "1", "--under", "#99", "--lead", "x").err()).contains("没有编号为 #99 的条目");
        CliRun show = run("plan", "show", "1");
        assertThat(show.out()).contains("一、深化思想引领").contains("一是开展志愿服务。全年不少于２０场🎉").contains("志愿服务 开展活动 0/20 场（0%）");
        assertThat(run("plan", "show", "1", "--json").out()).contains("\"number\" : \"一是\"").contains("\"target\" : 20");
        assertThat(run("plan", "list", "--json").out()).contains("\"items\" : 2");
        assertThat(run("plan", "move-item", "1", "2", "--outdent").out()).contains("二、开展志愿服务。");
        assertThat(run("plan", "move-item", "1", "2", "--indent").code()).isZero();

        Path docx = dir.resolve("总结.docx");
        CliRun gen = run("summary", "generate", "--org", "示范区群团工作部", "--from", "2021-01-01", "--to", "2021年6月30日",
                "--template", "总结+计划", "--out", docx.toString(), "--save");
        assertThat(gen.code()).as(gen.err()).isZero();
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx))) {
            var texts = d.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).contains("一、工作开展情况", "三、下一步工作计划", "开展志愿服务。全年不少于２０场🎉");
            assertThat(String.join("", texts)).contains("共开展志愿服务活动1场，参与120人次，服务时长35.5小时，惠及群众60人");
        }
        assertThat(run("summary", "list").out()).contains("#1 示范区群团工作部2021年上半年工作总结及下一步工作计划");
        assertThat(run("summary", "show", "1").out()).contains("三、下一步工作计划");
        assertThat(run("summary", "edit", "1", "--part", "2", "--text", "一是基层活力不足。\\n二是经费紧张𠮷。", "--title", "上半年总结").code()).isZero();
        assertThat(run("summary", "show", "1").out()).contains("上半年总结").contains("　　一是基层活力不足。").contains("　　二是经费紧张𠮷。");
        assertThat(run("summary", "edit", "1", "--part", "9", "--text", "x").err()).contains("只有 3 个部分");
        Path again = dir.resolve("again.docx");
        assertThat(run("summary", "export", "1", "--out", again.toString(), "--refresh").code()).isZero();
        assertThat(again).exists();
        assertThat(run("summary", "show", "x").err()).contains("不是总结编号");
        assertThat(run("summary", "generate", "--org", "示范区群团工作部", "--period", "2021").err()).contains("--out");
        assertThat(run("summary", "generate", "--org", "示范区群团工作部", "--period", "2021", "--template", "月报", "--out", "a.docx").err())
                .contains("模板“月报”无效");
        Path plan = dir.resolve("plan.docx");
        assertThat(run("plan", "export", "1", "--out", plan.toString()).code()).isZero();
        assertThat(run("plan", "copy", "--org", "示范区群团工作部", "--period", "2022").out()).contains("复制出 #2");
        assertThat(run("plan", "show", "2").out()).contains("上期结转");
        assertThat(run("plan", "edit", "2", "--title", "２０２２年计划🎉", "--period", "2022H1").out()).contains("２０２２年计划🎉").contains("2022年上半年");
        assertThat(run("plan", "edit", "2", "--from", "2022-07-01").err()).contains("晚于");
        assertThat(run("plan", "delete", "1").code()).isZero();
        assertThat(run("plan", "list").out()).contains("共 1 个计划");
    }

    @Test
    void plansOfTheDistrictExampleListTheirPeriod() {
        try (Database db = Database.open(dir.resolve("cli.db"))) {
            org.taizhang.demo.DistrictExample.load(db);
        }
        CliRun list = run("plan", "list");
        assertThat(list.out()).doesNotContain("null").contains("2021年下半年工作计划［2021年下半年，2021-07-01 至 2021-12-31］");
        assertThat(run("plan", "list", "--json").out()).doesNotContain("\"period\" : null").contains("\"period\" : \"2021年上半年\"");
    }
}
