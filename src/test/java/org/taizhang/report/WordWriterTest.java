package org.taizhang.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipFile;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.taizhang.common.ValidationException;
import org.taizhang.report.ReportDocument.Paragraph;

class WordWriterTest {
    @TempDir
    Path dir;

    static ReportDocument sample() {
        return new ReportDocument("示范区群团工作部2021年上半年工作总结", List.of(
                new ReportDocument.Section("一、工作开展情况", List.of(Paragraph.plain("上半年，我部围绕中心、服务大局。")), List.of(
                        new ReportDocument.Subsection("志愿服务", List.of(Paragraph.plain("上半年共开展志愿服务活动 12 场。"))),
                        new ReportDocument.Subsection("（二）𠮷祥社区🎉", List.of(Paragraph.plain("全年服务２０２１人次。"))))),
                new ReportDocument.Section("存在问题", List.of(Paragraph.plain("基层组织活力不足。")), List.of()),
                new ReportDocument.Section("下一步工作计划", List.of(
                        Paragraph.item("深化思想政治引领。", "组织团员青年学习。"),
                        Paragraph.item("二是加强组织建设。", "完成换届。"),
                        Paragraph.item(null, "做好其他工作。")), List.of())),
                "示范区群团工作部", LocalDate.of(2021, 6, 30),
                List.of(new ReportDocument.Appendix("活动一览表", List.of("日期", "名称"), List.of(List.of("2021-03-05", "学雷锋")))),
                ReportDocument.ItemStyle.YISHI);
    }

    private XWPFDocument writeAndRead(ReportDocument doc) throws Exception {
        Path file = dir.resolve("总结.docx");
        WordWriter.write(doc, file);
        assertThat(file).exists();
        try (InputStream in = Files.newInputStream(file)) {
            return new XWPFDocument(in);
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument d, String startsWith) {
        return d.getParagraphs().stream().filter(p -> p.getText().startsWith(startsWith)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph starting with " + startsWith));
    }

    private static void assertFont(XWPFRun r, String font, double pt) {
        assertThat(r.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo(font);
        assertThat(r.getFontFamily(XWPFRun.FontCharRange.ascii)).isEqualTo(font);
        assertThat(r.getFontFamily(XWPFRun.FontCharRange.hAnsi)).isEqualTo(font);
        assertThat(r.getCTR().getRPr().getRFontsArray(0).getHint()).isEqualTo(STHint.EAST_ASIA);
        assertThat(r.getFontSizeAsDouble()).isEqualTo(pt);
    }

    @Test
    void pageSizeMarginsAndGrid() throws Exception {
        try (XWPFDocument d = writeAndRead(sample())) {
            CTSectPr s = d.getDocument().getBody().getSectPr();
            assertThat(((java.math.BigInteger) s.getPgSz().getW()).intValue()).isEqualTo(11906);
            assertThat(((java.math.BigInteger) s.getPgSz().getH()).intValue()).isEqualTo(16838);
            // 37/35/28/26 mm in twips (1 mm = 56.69 twips)
            assertThat(((java.math.BigInteger) s.getPgMar().getTop()).intValue()).isBetween(2096, 2099);
            assertThat(((java.math.BigInteger) s.getPgMar().getBottom()).intValue()).isBetween(1983, 1985);
            assertThat(((java.math.BigInteger) s.getPgMar().getLeft()).intValue()).isBetween(1586, 1588);
            assertThat(((java.math.BigInteger) s.getPgMar().getRight()).intValue()).isBetween(1473, 1475);
            int pitch = s.getDocGrid().getLinePitch().intValue();
            assertThat(pitch / 20.0).isBetween(28.8, 29.0);
            XWPFParagraph body = paragraph(d, "上半年，我部");
            assertThat(body.getSpacingLineRule()).isEqualTo(LineSpacingRule.EXACT);
            assertThat(body.getSpacingBetween()).isBetween(28.8, 29.0);
            // 28 characters of condensed 3号 text fill a line, a 29th would not fit
            int width = 11906 - 1587 - 1474;
            XWPFRun bodyRun = paragraph(d, "上半年共开展").getRuns().getFirst();
            int pitch20 = 16 * 20 + bodyRun.getCharacterSpacing();
            assertThat(28 * pitch20).isLessThanOrEqualTo(width);
            assertThat(29 * pitch20).isGreaterThan(width);
            assertThat(s.getDocGrid().getType()).isEqualTo(org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid.LINES);
            // 22 lines fill the text block
            assertThat(22 * pitch).isLessThanOrEqualTo(16838 - 2098 - 1984).isGreaterThan(16838 - 2098 - 1984 - 22);
        }
    }

    @Test
    void titleHeadingsAndBodyFonts() throws Exception {
        try (XWPFDocument d = writeAndRead(sample())) {
            XWPFParagraph title = d.getParagraphs().getFirst();
            assertThat(title.getText()).isEqualTo("示范区群团工作部2021年上半年工作总结");
            assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertFont(title.getRuns().getFirst(), "方正小标宋简体", 22);

            XWPFParagraph h1 = paragraph(d, "一、");
            assertThat(h1.getText()).isEqualTo("一、工作开展情况");
            assertFont(h1.getRuns().getFirst(), "黑体", 16);
            XWPFParagraph h2 = paragraph(d, "（一）");
            assertThat(h2.getText()).isEqualTo("（一）志愿服务");
            assertFont(h2.getRuns().getFirst(), "楷体_GB2312", 16);
            assertThat(paragraph(d, "（二）").getText()).isEqualTo("（二）𠮷祥社区🎉");

            XWPFParagraph body = paragraph(d, "上半年共开展");
            assertFont(body.getRuns().getFirst(), "仿宋_GB2312", 16);
            assertThat(body.getCTPPr().getInd().getFirstLineChars().intValue()).isEqualTo(200);
            assertThat(((java.math.BigInteger) body.getCTPPr().getInd().getFirstLine()).intValue()).isEqualTo(640);
            assertThat(paragraph(d, "全年服务").getText()).isEqualTo("全年服务２０２１人次。");
        }
    }

    @Test
    void headingNumberingAndItems() throws Exception {
        try (XWPFDocument d = writeAndRead(sample())) {
            List<String> headings = d.getParagraphs().stream().map(XWPFParagraph::getText)
                    .filter(t -> t.matches("^[一二三四五六七八九十]+、.*|^（[一二三四五六七八九十]+）.*")).toList();
            assertThat(headings).containsExactly("一、工作开展情况", "（一）志愿服务", "（二）𠮷祥社区🎉", "二、存在问题", "三、下一步工作计划");
            // consecutive items are numbered and run on in one paragraph in body type (the one form of the document)
            XWPFParagraph item1 = paragraph(d, "一是");
            assertThat(item1.getText()).isEqualTo("一是深化思想政治引领。组织团员青年学习。二是加强组织建设。完成换届。三是做好其他工作。");
            assertThat(item1.getRuns()).noneMatch(r -> r.isBold());
            assertFont(item1.getRuns().getFirst(), "仿宋_GB2312", 16);
            assertThat(d.getParagraphs()).noneMatch(p -> p.getText().startsWith("二是"));
        }
    }

    @Test
    void arabicItemStyle() throws Exception {
        ReportDocument s = sample();
        ReportDocument arabic = new ReportDocument(s.title(), s.sections(), s.signOrg(), s.signDate(), List.of(),
                ReportDocument.ItemStyle.ARABIC);
        try (XWPFDocument d = writeAndRead(arabic)) {
            assertThat(paragraph(d, "1．").getText()).isEqualTo("1．深化思想政治引领。组织团员青年学习。");
            assertThat(paragraph(d, "3．").getText()).isEqualTo("3．做好其他工作。");
            assertThat(d.getParagraphs()).noneMatch(p -> p.getText().startsWith("附件"));
        }
    }

    @Test
    void pageNumbersOddRightEvenLeft() throws Exception {
        Path file = dir.resolve("页码.docx");
        WordWriter.write(sample(), file);
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(file))) {
            var policy = d.getHeaderFooterPolicy();
            XWPFFooter odd = policy.getDefaultFooter();
            XWPFFooter even = policy.getEvenPageFooter();
            assertThat(odd).isNotNull();
            assertThat(even).isNotNull();
            for (XWPFFooter f : List.of(odd, even)) {
                XWPFParagraph p = f.getParagraphs().getFirst();
                String xml = p.getCTP().xmlText();
                assertThat(xml).contains("PAGE").contains("fldCharType=\"begin\"").contains("fldCharType=\"end\"");
                assertThat(p.getText()).startsWith("— ").endsWith(" —");
                assertFont(p.getRuns().getFirst(), "宋体", 14);
            }
            assertThat(odd.getParagraphs().getFirst().getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(even.getParagraphs().getFirst().getAlignment()).isEqualTo(ParagraphAlignment.LEFT);
            assertThat(d.getEvenAndOddHeadings()).isTrue();
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String settings = new String(zip.getInputStream(zip.getEntry("word/settings.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(settings).contains("evenAndOddHeaders");
            String fonts = new String(zip.getInputStream(zip.getEntry("word/fontTable.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(fonts).contains("w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"")
                    .contains("w:name=\"楷体_GB2312\"><w:altName w:val=\"楷体\"").contains("w:name=\"黑体\"");
            String rels = new String(zip.getInputStream(zip.getEntry("word/_rels/document.xml.rels")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(rels).contains("fontTable.xml");
            String styles = new String(zip.getInputStream(zip.getEntry("word/styles.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(styles).contains("w:eastAsia=\"仿宋_GB2312\"").contains("zh-CN");
        }
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(file))) {
            // the grid's character pitch is relative to the default size, which is the body size
            assertThat(d.getStyles().getDefaultRunStyle().getFontSizeAsDouble()).isEqualTo(16.0);
        }
    }

    @Test
    void signatureAndAppendix() throws Exception {
        try (XWPFDocument d = writeAndRead(sample())) {
            XWPFParagraph org = d.getParagraphs().stream().filter(p -> p.getText().equals("示范区群团工作部")).findFirst().orElseThrow();
            XWPFParagraph date = paragraph(d, "2021年6月30日");
            assertThat(org.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(date.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(d.getParagraphs().indexOf(date)).isGreaterThan(d.getParagraphs().indexOf(org));
            assertThat(paragraph(d, "附件：").getText()).isEqualTo("附件：活动一览表");
            XWPFParagraph label = d.getParagraphs().stream().filter(p -> p.getText().equals("附件")).findFirst().orElseThrow();
            assertThat(label.isPageBreak()).isTrue();
            assertThat(d.getTables()).hasSize(1);
            assertThat(d.getTables().getFirst().getRow(0).getCell(0).getText()).isEqualTo("日期");
            assertThat(d.getTables().getFirst().getRow(1).getCell(1).getText()).isEqualTo("学雷锋");
        }
    }

    @Test
    void openTargetGetsAClearMessageAndIsLeftAlone() throws Exception {
        Path file = dir.resolve("汇报材料.docx");
        Files.writeString(file, "old");
        Files.writeString(dir.resolve("~$" + "汇报材料.docx"), "lock");
        assertThatThrownBy(() -> WordWriter.write(sample(), file)).isInstanceOf(org.taizhang.common.FileException.class)
                .hasMessageContaining("正在被 Excel、Word 或 WPS 打开").hasMessageContaining("汇报材料.docx");
        assertThat(Files.readString(file)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void badTargetsAreRefused() throws Exception {
        assertThatThrownBy(() -> WordWriter.write(sample(), dir.resolve("x.doc"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining(".docx");
        Path folder = Files.createDirectory(dir.resolve("文件夹.docx"));
        assertThatThrownBy(() -> WordWriter.write(sample(), folder)).isInstanceOf(org.taizhang.common.FileException.class)
                .hasMessageContaining("文件夹");
        // overwriting an existing, closed file works
        Path file = dir.resolve("ok.docx");
        Files.writeString(file, "old");
        WordWriter.write(sample(), file);
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(file))) {
            assertThat(d.getParagraphs().getFirst().getText()).contains("工作总结");
        }
    }
}
