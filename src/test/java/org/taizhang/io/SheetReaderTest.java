package org.taizhang.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming reader on real files written by POI: cell kinds, dates, formulas, errors, merges, and bad files. */
class SheetReaderTest {
    @TempDir
    Path dir;

    private List<SheetRow> readAll(Path file) {
        List<SheetRow> rows = new ArrayList<>();
        SheetReader.read(file, null, rows::add);
        return rows;
    }

    @Test
    void readsKindsDatesFormulasErrorsAndMerges() throws Exception {
        Path f = Xlsx.write(dir.resolve("a.xlsx"), "名册", new Object[][] {
                {"2024年 人员名册"},
                null,
                {"姓名", "身份证号", "日期", "人次", "合计"},
                {"𠮷田🎉", "11010119900307125X", LocalDate.of(2021, 3, 5), 12, new Xlsx.Formula("D4*2", 24)},
                {"王五", 4.4030419900101E17, "2021/3/5", "１２", new Xlsx.Error("SUM(X1:X2)", FormulaError.REF)},
                {"赵六", null, null, null, null}},
                new Xlsx.Merge(0, 0, 0, 4), new Xlsx.Merge(4, 5, 2, 3));
        List<SheetRow> rows = readAll(f);
        assertThat(rows).extracting(SheetRow::number).containsExactly(1, 3, 4, 5, 6);
        // the title's value applies to the whole merged region
        assertThat(rows.get(0).display(4)).isEqualTo("2024年 人员名册");
        SheetRow r4 = rows.get(2);
        assertThat(r4.cell(0).text()).isEqualTo("𠮷田🎉");
        assertThat(r4.cell(2).kind()).isEqualTo(CellValue.Kind.NUMBER);
        assertThat(r4.cell(2).dateFormatted()).isTrue();
        assertThat(RowValues.toDate(r4.cell(2).number())).isEqualTo(LocalDate.of(2021, 3, 5));
        assertThat(r4.cell(4).kind()).isEqualTo(CellValue.Kind.NUMBER);
        assertThat(r4.cell(4).number()).isEqualTo(24.0);
        SheetRow r5 = rows.get(3);
        assertThat(r5.cell(1).kind()).isEqualTo(CellValue.Kind.NUMBER);
        assertThat(r5.cell(4).kind()).isEqualTo(CellValue.Kind.ERROR);
        assertThat(r5.cell(4).text()).isEqualTo("#REF!");
        // merged C5:D6: row 6 gets the value of C5 in C and D
        SheetRow r6 = rows.get(4);
        assertThat(r6.display(2)).isEqualTo("2021/3/5");
        assertThat(r6.display(3)).isEqualTo("2021/3/5");
    }

    @Test
    void csvInUtf8AndGbk() throws Exception {
        String text = "姓名,所属组织,备注\r\n张三,园岭社区团委,\"含,逗号\"\r\n";
        Path utf8 = dir.resolve("u.csv");
        Files.writeString(utf8, "\uFEFF" + text, StandardCharsets.UTF_8);
        Path gbk = dir.resolve("g.csv");
        Files.write(gbk, text.getBytes(Charset.forName("GBK")));
        for (Path p : List.of(utf8, gbk)) {
            List<SheetRow> rows = readAll(p);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).display(0)).isEqualTo("姓名");
            assertThat(rows.get(1).display(1)).isEqualTo("园岭社区团委");
            assertThat(rows.get(1).display(2)).isEqualTo("含,逗号");
        }
    }

    @Test
    void refusesLegacyXls() throws Exception {
        Path f = dir.resolve("old.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            wb.createSheet("s").createRow(0).createCell(0).setCellValue("姓名");
            wb.write(out);
        }
        assertThatThrownBy(() -> readAll(f)).isInstanceOf(FileRefusedException.class)
                .hasMessageContaining("旧版 Excel").hasMessageContaining("另存为").hasMessageContaining(".xlsx");
        // also when renamed to .xlsx
        Path renamed = Files.copy(f, dir.resolve("old.xlsx"));
        assertThatThrownBy(() -> readAll(renamed)).isInstanceOf(FileRefusedException.class).hasMessageContaining("另存为");
    }

    @Test
    void refusesTextRenamedAsXlsxAndWordDocuments() throws Exception {
        Path text = Files.writeString(dir.resolve("名单.xlsx"), "姓名,身份证号\n张三,1\n");
        assertThatThrownBy(() -> readAll(text)).isInstanceOf(FileRefusedException.class)
                .hasMessageContaining("不是 Excel 工作簿").hasMessageContaining("文本文件");
        Path docx = dir.resolve("report.xlsx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
            doc.createParagraph().createRun().setText("工作总结");
            doc.write(out);
        }
        assertThatThrownBy(() -> readAll(docx)).isInstanceOf(FileRefusedException.class).hasMessageContaining("Word");
        Path pdf = Files.write(dir.resolve("x.xlsx"), "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> readAll(pdf)).hasMessageContaining("PDF");
        Path empty = Files.write(dir.resolve("empty.xlsx"), new byte[0]);
        assertThatThrownBy(() -> readAll(empty)).hasMessageContaining("空文件");
        assertThatThrownBy(() -> readAll(dir.resolve("missing.xlsx"))).hasMessageContaining("找不到文件");
    }

    @Test
    void refusesCorruptAndPlainZip() throws Exception {
        Path good = Xlsx.write(dir.resolve("g.xlsx"), "s", new Object[][] {{"姓名", "所属组织"}, {"张三", "A"}});
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("t.xlsx"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> readAll(truncated)).isInstanceOf(FileRefusedException.class).hasMessageContaining("损坏");
        Path zip = dir.resolve("z.xlsx");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hello".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertThatThrownBy(() -> readAll(zip)).isInstanceOf(FileRefusedException.class);
    }

    @Test
    void refusesPasswordProtectedWorkbook() throws Exception {
        Path f = dir.resolve("secret.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("123456");
            try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = enc.getDataStream(fs)) {
                wb.createSheet("s").createRow(0).createCell(0).setCellValue("姓名");
                wb.write(os);
            }
            try (OutputStream out = Files.newOutputStream(f)) {
                fs.writeFilesystem(out);
            }
        }
        assertThatThrownBy(() -> readAll(f)).isInstanceOf(FileRefusedException.class).hasMessageContaining("密码");
    }

    @Test
    void refusesZipBomb() throws Exception {
        // a real workbook whose sheet XML is padded with megabytes of spaces: it inflates far more than 100x
        Path good = Xlsx.write(dir.resolve("g.xlsx"), "s", new Object[][] {{"姓名", "所属组织"}, {"张三", "A"}});
        Path bomb = dir.resolve("bomb.xlsx");
        try (var zin = new java.util.zip.ZipInputStream(Files.newInputStream(good));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                byte[] data = zin.readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData");
                    out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 20; i++) {
                        out.write(spaces);
                    }
                    out.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(data);
                }
                out.closeEntry();
            }
        }
        assertThatThrownBy(() -> readAll(bomb)).isInstanceOf(FileRefusedException.class).hasMessageContaining("压缩炸弹");
    }

    @Test
    void emptyWorkbookAndMissingSheet() throws Exception {
        Path f = Xlsx.write(dir.resolve("e.xlsx"), "空表", new Object[][] {});
        assertThat(readAll(f)).isEmpty();
        assertThatThrownBy(() -> SheetReader.read(f, "人员", r -> { })).isInstanceOf(FileRefusedException.class)
                .hasMessageContaining("没有名为“人员”的工作表").hasMessageContaining("空表");
        assertThat(SheetReader.sheetNames(f)).containsExactly("空表");
    }

    @Test
    void inlineStringsRichTextRunsAndPhoneticRuns() throws Exception {
        // SXSSF writes inline strings; they must read the same as shared strings
        Path inline = dir.resolve("inline.xlsx");
        try (var wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(); OutputStream out = Files.newOutputStream(inline)) {
            var row = wb.createSheet("s").createRow(0);
            row.createCell(0).setCellValue("𠮷田 & <张> \"三\"");
            row.createCell(1).setCellValue(12.5);
            wb.write(out);
        }
        List<SheetRow> rows = readAll(inline);
        assertThat(rows.getFirst().cell(0).kind()).isEqualTo(CellValue.Kind.TEXT);
        assertThat(rows.getFirst().display(0)).isEqualTo("𠮷田 & <张> \"三\"");
        assertThat(rows.getFirst().cell(1).number()).isEqualTo(12.5);
        // a shared string made of formatted runs, with a phonetic guide that is not part of the text
        Path good = Xlsx.write(dir.resolve("g.xlsx"), "s", new Object[][] {{"占位"}});
        Path rich = dir.resolve("rich.xlsx");
        try (var zin = new java.util.zip.ZipInputStream(Files.newInputStream(good));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rich))) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                byte[] data = zin.readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/sharedStrings.xml")) {
                    data = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                            + " count=\"1\" uniqueCount=\"1\"><si><r><rPr><b/></rPr><t>张</t></r><r><t xml:space=\"preserve\">三 </t></r>"
                            + "<rPh sb=\"0\" eb=\"1\"><t>ちょう</t></rPh></si></sst>").getBytes(StandardCharsets.UTF_8);
                }
                out.write(data);
                out.closeEntry();
            }
        }
        assertThat(readAll(rich).getFirst().display(0)).isEqualTo("张三 ");
    }

    @Test
    void datesOfA1904Workbook() throws Exception {
        Path f = dir.resolve("mac.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var pr = wb.getCTWorkbook().isSetWorkbookPr() ? wb.getCTWorkbook().getWorkbookPr() : wb.getCTWorkbook().addNewWorkbookPr();
            pr.setDate1904(true);
            assertThat(wb.isDate1904()).isTrue();
            Xlsx.fill(wb, "s", new Object[][] {{"日期", "活动名称"}, {LocalDate.of(2021, 3, 5), "学习"}});
            try (OutputStream out = Files.newOutputStream(f)) {
                wb.write(out);
            }
        }
        SheetRow r = readAll(f).get(1);
        assertThat(r.cell(0).dateFormatted()).isTrue();
        assertThat(RowValues.toDate(r.cell(0).number())).isEqualTo(LocalDate.of(2021, 3, 5));
    }
}
