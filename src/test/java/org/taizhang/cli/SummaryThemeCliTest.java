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

/** The theme mapping (category → heading) from the command line: listed, changed, used by the next summary, refused when wrong. */
class SummaryThemeCliTest {
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.onDb(dir.resolve("cli.db"), args);
    }

    @Test
    void themesAreListedChangedAndUsed() throws Exception {
        try (Database db = Database.open(dir.resolve("cli.db"))) {
            int root = Fixtures.org(db, "示范区群团工作部", null, 1, LocalDate.of(2010, 1, 1), LocalDate.of(2020, 1, 1));
            Fixtures.activity(db, root, 2, LocalDate.of(2021, 3, 5), 120, 355, 60, false); // 志愿服务
            Fixtures.activity(db, root, 3, LocalDate.of(2021, 4, 5), 80, 0, 0, false); // 文体活动
        }
        CliRun list = run("summary", "theme", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("（二）深化志愿服务，用心用情服务群众").contains("含：志愿服务、慰问帮扶")
                .contains("含：文体活动、联谊交友、竞赛");
        // 文体活动 goes under the volunteer theme; a new theme of the office's own wording takes 志愿服务
        assertThat(run("summary", "theme", "set", "文体活动", "--theme", "2").out()).contains("已把“文体活动”归入主题“深化志愿服务，用心用情服务群众”");
        CliRun add = run("summary", "theme", "add", "--heading", "（一）聚焦“美丽𠮷祥”，实施生态志愿促进行动", "--lead", "我们始终把生态文明建设作为重点");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(run("summary", "theme", "set", "志愿服务", "--theme", "聚焦“美丽𠮷祥”").code()).isZero();
        assertThat(run("summary", "theme", "move", "#8", "--up").code()).isZero();
        assertThat(run("summary", "theme", "list", "--json").out()).contains("\"heading\" : \"聚焦“美丽𠮷祥”，实施生态志愿促进行动\"");

        Path docx = dir.resolve("总结.docx");
        CliRun gen = run("summary", "generate", "--org", "示范区群团工作部", "--period", "2021H1", "--out", docx.toString(), "--sign-date",
                "2021-07-08");
        assertThat(gen.code()).as(gen.err()).isZero();
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx))) {
            var texts = d.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).containsSubsequence("（一）深化志愿服务，用心用情服务群众", "（二）聚焦“美丽𠮷祥”，实施生态志愿促进行动", "2021年7月8日");
            String all = String.join("\n", texts);
            assertThat(all).contains("我们始终把生态文明建设作为重点。上半年共开展志愿服务活动1场").doesNotContain("丰富文体生活");
        }

        // wrong input: a clear message, nothing changed
        assertThat(run("summary", "theme", "add", "--heading", "深化志愿服务 用心用情服务群众").err()).contains("同一个标题不能出现两次");
        assertThat(run("summary", "theme", "set", "月亮", "--theme", "1").err()).contains("没有活动类别“月亮”");
        assertThat(run("summary", "theme", "set", "会议", "--theme", "#99").err()).contains("没有编号为 #99 的主题");
        assertThat(run("summary", "theme", "remove", "2", "--move-to", "1").code()).isZero();
        assertThat(run("summary", "theme", "list").out()).doesNotContain("深化志愿服务，用心用情服务群众").contains("含：学习教育、文体活动、慰问帮扶");
    }
}
