package org.taizhang.report;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.taizhang.common.AtomicFile;
import org.taizhang.common.Numbers;
import org.taizhang.common.ValidationException;

/**
 * Lays a {@link ReportDocument} out as a GB/T 9704 official document in .docx — the only class in
 * the application that touches XWPF. A4; margins 37/35/28/26 mm; body 仿宋_GB2312 3号 with 22 lines
 * of 28 characters (fixed line spacing, document grid); title 方正小标宋简体 2号 centred; 一、 headings
 * 黑体 3号; （一） headings 楷体_GB2312 3号; first-line indent of two characters; page numbers
 * "— 1 —" in 宋体 4号, right on odd pages and left on even pages; 落款 right-aligned; appendices
 * 附件1… with tables. The file is written to a temporary file beside the target and renamed.
 */
public final class WordWriter {
    public static final String FANGSONG = "仿宋_GB2312";
    public static final String KAITI = "楷体_GB2312";
    public static final String HEITI = "黑体";
    public static final String XIAOBIAOSONG = "方正小标宋简体";
    public static final String SONGTI = "宋体";

    /** 3号 = 16 pt, 2号 = 22 pt, 4号 = 14 pt. */
    public static final int BODY_PT = 16;
    public static final int TITLE_PT = 22;
    public static final int PAGE_NUMBER_PT = 14;
    public static final int TABLE_PT = 12;

    /** Twips (1/20 pt, 1/1440 in). */
    public static final int A4_WIDTH = 11906;
    public static final int A4_HEIGHT = 16838;
    public static final int MARGIN_TOP = mm(37);
    public static final int MARGIN_BOTTOM = mm(35);
    public static final int MARGIN_LEFT = mm(28);
    public static final int MARGIN_RIGHT = mm(26);
    public static final int LINES_PER_PAGE = 22;
    public static final int CHARS_PER_LINE = 28;
    /** Text block height / 22 lines ≈ 28.9 pt. */
    public static final int LINE_PITCH = (A4_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM) / LINES_PER_PAGE;
    /**
     * Character spacing of 3号 text in twips (−0.25 pt): 28 × (16 − 0.25) pt = 441 pt fits the 442.2 pt
     * text width, so a line holds 28 characters as GB/T 9704 asks.
     */
    public static final int CONDENSE = -5;
    /** Two characters of 3号 text. */
    public static final int FIRST_LINE_INDENT = 2 * BODY_PT * 20;

    /** Fonts declared in the font table with the font Word/WPS should use when it is missing. */
    private static final List<String[]> FONT_TABLE = List.of(
            new String[] {FANGSONG, "仿宋", "02010609030101010101", "modern"},
            new String[] {KAITI, "楷体", "02010609030101010101", "modern"},
            new String[] {XIAOBIAOSONG, "宋体", "02000000000000000000", "script"},
            new String[] {HEITI, "SimHei", "02010609060101010101", "modern"},
            new String[] {SONGTI, "SimSun", "02010600030101010101", "auto"},
            new String[] {"仿宋", "FangSong", "02010609060101010101", "modern"},
            new String[] {"楷体", "KaiTi", "02010609060101010101", "modern"});

    private WordWriter() {
    }

    static int mm(double millimetres) {
        return (int) Math.round(millimetres / 25.4 * 1440);
    }

    /** Writes {@code doc} to {@code target} through {@link AtomicFile}; a target open in Word gets a clear message. */
    public static void write(ReportDocument doc, Path target) {
        String name = target.toAbsolutePath().normalize().getFileName().toString();
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".docx")) {
            throw new ValidationException("导出文件", "文件名“" + name + "”应以 .docx 结尾");
        }
        AtomicFile.write(target, out -> {
            try (XWPFDocument x = build(doc)) {
                x.write(out);
            }
        });
    }

    /** Builds the document in memory (the caller closes it). */
    public static XWPFDocument build(ReportDocument doc) {
        XWPFDocument x = new XWPFDocument();
        defaults(x);
        pageSetup(x);
        fontTable(x);
        title(x, doc.title());
        int sectionNo = 0;
        for (ReportDocument.Section s : doc.sections()) {
            sectionNo++;
            heading1(x, Numbers.ordinal(sectionNo) + "、" + Numbers.stripSectionNumber(s.heading()));
            paragraphs(x, s.paragraphs(), doc.itemStyle());
            int subNo = 0;
            for (ReportDocument.Subsection sub : s.subsections()) {
                subNo++;
                heading2(x, "（" + Numbers.ordinal(subNo) + "）" + Numbers.stripSubsectionNumber(sub.heading()));
                paragraphs(x, sub.paragraphs(), doc.itemStyle());
            }
        }
        if (!doc.appendices().isEmpty()) {
            appendixNote(x, doc.appendices());
        }
        signature(x, doc);
        int n = 0;
        for (ReportDocument.Appendix a : doc.appendices()) {
            appendix(x, ++n, a, doc.appendices().size());
        }
        footers(x);
        return x;
    }

    private static void defaults(XWPFDocument x) {
        var styles = x.createStyles();
        CTFonts f = CTFonts.Factory.newInstance();
        f.setAscii(FANGSONG);
        f.setHAnsi(FANGSONG);
        f.setEastAsia(FANGSONG);
        f.setCs(FANGSONG);
        f.setHint(STHint.EAST_ASIA);
        styles.setDefaultFonts(f);
        styles.setEastAsia("zh-CN");
        // the document grid counts characters in the default size: 3号, so that 28 characters fill a line
        CTRPr def = styles.getDefaultRunStyle().getRPr();
        (def.sizeOfSzArray() > 0 ? def.getSzArray(0) : def.addNewSz()).setVal(BigInteger.valueOf(BODY_PT * 2));
        (def.sizeOfSzCsArray() > 0 ? def.getSzCsArray(0) : def.addNewSzCs()).setVal(BigInteger.valueOf(BODY_PT * 2));
        // a "Normal" style in 3号 仿宋: Word and LibreOffice take the grid's character pitch from it
        var normal = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle.Factory.newInstance();
        normal.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType.PARAGRAPH);
        normal.setStyleId("Normal");
        normal.setDefault(true);
        normal.addNewName().setVal("Normal");
        normal.addNewQFormat();
        CTRPr nr = normal.addNewRPr();
        CTFonts nf = nr.addNewRFonts();
        nf.setAscii(FANGSONG);
        nf.setHAnsi(FANGSONG);
        nf.setEastAsia(FANGSONG);
        nf.setCs(FANGSONG);
        nf.setHint(STHint.EAST_ASIA);
        nr.addNewSz().setVal(BigInteger.valueOf(BODY_PT * 2));
        nr.addNewSzCs().setVal(BigInteger.valueOf(BODY_PT * 2));
        styles.addStyle(new org.apache.poi.xwpf.usermodel.XWPFStyle(normal, styles));
        x.setEvenAndOddHeadings(true);
    }

    private static CTSectPr sectPr(XWPFDocument x) {
        var body = x.getDocument().getBody();
        return body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
    }

    private static void pageSetup(XWPFDocument x) {
        CTSectPr sect = sectPr(x);
        CTPageSz sz = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        sz.setW(BigInteger.valueOf(A4_WIDTH));
        sz.setH(BigInteger.valueOf(A4_HEIGHT));
        sz.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(MARGIN_TOP));
        mar.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        mar.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        mar.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        mar.setHeader(BigInteger.valueOf(mm(15)));
        // the page number sits about 7 mm below the text block
        mar.setFooter(BigInteger.valueOf(mm(35 - 7 - 6)));
        mar.setGutter(BigInteger.ZERO);
        // 22 lines: a line grid whose pitch equals the fixed line spacing. 28 characters a line come from
        // condensing 3号 text by CONDENSE (a character grid would make LibreOffice give each 16 pt
        // character two cells when the cell is a little narrower than the character)
        CTDocGrid grid = sect.isSetDocGrid() ? sect.getDocGrid() : sect.addNewDocGrid();
        grid.setType(STDocGrid.LINES);
        grid.setLinePitch(BigInteger.valueOf(LINE_PITCH));
    }

    /** word/fontTable.xml: declares the Chinese fonts with charset GB2312 and the font to fall back to. */
    private static void fontTable(XWPFDocument x) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        for (String[] f : FONT_TABLE) {
            xml.append("<w:font w:name=\"").append(f[0]).append("\"><w:altName w:val=\"").append(f[1]).append("\"/>")
                    .append("<w:panose1 w:val=\"").append(f[2]).append("\"/><w:charset w:val=\"86\"/>")
                    .append("<w:family w:val=\"").append(f[3]).append("\"/><w:pitch w:val=\"fixed\"/></w:font>");
        }
        xml.append("<w:font w:name=\"Times New Roman\"><w:panose1 w:val=\"02020603050405020304\"/><w:charset w:val=\"00\"/>"
                + "<w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font></w:fonts>");
        try {
            PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
            PackagePart part = x.getPackage().createPart(name,
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml");
            try (OutputStream out = part.getOutputStream()) {
                out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
            }
            x.getPackagePart().addRelationship(name, TargetMode.INTERNAL,
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable");
        } catch (Exception e) {
            throw new IllegalStateException("无法写入字体表：" + e.getMessage(), e);
        }
    }

    /** Sets the font for every script range, with the East-Asian hint, and the size. */
    static void font(XWPFRun r, String font, double pt) {
        CTRPr rpr = r.getCTR().isSetRPr() ? r.getCTR().getRPr() : r.getCTR().addNewRPr();
        CTFonts f = rpr.sizeOfRFontsArray() > 0 ? rpr.getRFontsArray(0) : rpr.addNewRFonts();
        f.setAscii(font);
        f.setHAnsi(font);
        f.setEastAsia(font);
        f.setCs(font);
        f.setHint(STHint.EAST_ASIA);
        r.setFontSize(pt);
        var szCs = rpr.sizeOfSzCsArray() > 0 ? rpr.getSzCsArray(0) : rpr.addNewSzCs();
        szCs.setVal(BigInteger.valueOf(Math.round(pt * 2)));
    }

    private static XWPFParagraph paragraph(XWPFDocument x, ParagraphAlignment align, boolean indent) {
        XWPFParagraph p = x.createParagraph();
        p.setAlignment(align);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        p.setSpacingBetween(LINE_PITCH / 20.0, LineSpacingRule.EXACT);
        if (indent) {
            var ind = p.getCTPPr().isSetInd() ? p.getCTPPr().getInd() : p.getCTPPr().addNewInd();
            ind.setFirstLineChars(BigInteger.valueOf(200));
            ind.setFirstLine(BigInteger.valueOf(FIRST_LINE_INDENT));
        }
        return p;
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, double pt, boolean bold) {
        XWPFRun r = p.createRun();
        font(r, font, pt);
        if (pt == BODY_PT) {
            r.setCharacterSpacing(CONDENSE);
        }
        if (bold) {
            r.setBold(true);
        }
        setText(r, text);
        return r;
    }

    /** Text with line breaks kept as breaks. */
    private static void setText(XWPFRun r, String text) {
        String[] lines = (text == null ? "" : text).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                r.addBreak();
            }
            r.setText(lines[i], i);
        }
    }

    private static void title(XWPFDocument x, String title) {
        XWPFParagraph p = paragraph(x, ParagraphAlignment.CENTER, false);
        p.setSpacingBetween(Math.max(LINE_PITCH / 20.0, TITLE_PT * 1.5), LineSpacingRule.EXACT);
        run(p, title == null ? "" : title.strip(), XIAOBIAOSONG, TITLE_PT, false);
        // one empty line between title and body
        paragraph(x, ParagraphAlignment.LEFT, false);
    }

    private static void heading1(XWPFDocument x, String text) {
        XWPFParagraph p = paragraph(x, ParagraphAlignment.BOTH, true);
        p.setKeepNext(true);
        run(p, text, HEITI, BODY_PT, false);
    }

    private static void heading2(XWPFDocument x, String text) {
        XWPFParagraph p = paragraph(x, ParagraphAlignment.BOTH, true);
        p.setKeepNext(true);
        run(p, text, KAITI, BODY_PT, false);
    }

    private static void paragraphs(XWPFDocument x, List<ReportDocument.Paragraph> list, ReportDocument.ItemStyle style) {
        int item = 0;
        for (ReportDocument.Paragraph para : list) {
            String text = para.text() == null ? "" : para.text().strip();
            String lead = para.lead() == null ? "" : para.lead().strip();
            if (text.isEmpty() && lead.isEmpty()) {
                continue;
            }
            XWPFParagraph p = paragraph(x, ParagraphAlignment.BOTH, true);
            if (para.item()) {
                item++;
                String number = style == ReportDocument.ItemStyle.YISHI ? Numbers.shi(item) : item + "．";
                if (lead.isEmpty()) {
                    run(p, number, FANGSONG, BODY_PT, false);
                    run(p, Numbers.stripItemNumber(text), FANGSONG, BODY_PT, false);
                } else {
                    run(p, number + Numbers.stripItemNumber(lead), FANGSONG, BODY_PT, true);
                    run(p, text, FANGSONG, BODY_PT, false);
                }
            } else {
                if (!lead.isEmpty()) {
                    run(p, lead, FANGSONG, BODY_PT, true);
                }
                run(p, text, FANGSONG, BODY_PT, false);
            }
        }
    }

    private static void appendixNote(XWPFDocument x, List<ReportDocument.Appendix> appendices) {
        paragraph(x, ParagraphAlignment.LEFT, false);
        for (int i = 0; i < appendices.size(); i++) {
            XWPFParagraph p = paragraph(x, ParagraphAlignment.LEFT, false);
            var ind = p.getCTPPr().addNewInd();
            ind.setLeft(BigInteger.valueOf(FIRST_LINE_INDENT + (i == 0 ? 0 : 3 * BODY_PT * 20)));
            String head = i == 0 ? "附件：" : "";
            String num = appendices.size() == 1 ? "" : (i + 1) + "．";
            run(p, head + num + appendices.get(i).title(), FANGSONG, BODY_PT, false);
        }
    }

    private static void signature(XWPFDocument x, ReportDocument doc) {
        String org = doc.signOrg() == null ? "" : doc.signOrg().strip();
        String date = doc.signDate() == null ? "" : Numbers.date(doc.signDate());
        if (org.isEmpty() && date.isEmpty()) {
            return;
        }
        paragraph(x, ParagraphAlignment.LEFT, false);
        paragraph(x, ParagraphAlignment.LEFT, false);
        // GB/T 9704: the date is 4 characters from the right; the organisation is centred over the date
        int dateLen = date.codePointCount(0, date.length());
        int orgLen = org.codePointCount(0, org.length());
        if (!org.isEmpty()) {
            XWPFParagraph p = paragraph(x, ParagraphAlignment.RIGHT, false);
            int chars = Math.max(0, 4 + (dateLen - orgLen) / 2);
            if (date.isEmpty()) {
                chars = 4;
            }
            p.setIndentationRight(chars * BODY_PT * 20);
            run(p, org, FANGSONG, BODY_PT, false);
        }
        if (!date.isEmpty()) {
            XWPFParagraph p = paragraph(x, ParagraphAlignment.RIGHT, false);
            p.setIndentationRight(4 * BODY_PT * 20);
            run(p, date, FANGSONG, BODY_PT, false);
        }
    }

    private static void appendix(XWPFDocument x, int n, ReportDocument.Appendix a, int total) {
        XWPFParagraph label = paragraph(x, ParagraphAlignment.LEFT, false);
        label.setPageBreak(true);
        run(label, total == 1 ? "附件" : "附件" + n, HEITI, BODY_PT, false);
        XWPFParagraph t = paragraph(x, ParagraphAlignment.CENTER, false);
        t.setSpacingBetween(Math.max(LINE_PITCH / 20.0, TITLE_PT * 1.5), LineSpacingRule.EXACT);
        run(t, a.title(), XIAOBIAOSONG, TITLE_PT, false);
        paragraph(x, ParagraphAlignment.LEFT, false);
        int cols = Math.max(1, a.header().size());
        XWPFTable table = x.createTable(a.rows().size() + 1, cols);
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setWidth("100%");
        fillRow(table.getRow(0), a.header(), true);
        for (int i = 0; i < a.rows().size(); i++) {
            fillRow(table.getRow(i + 1), a.rows().get(i), false);
        }
        table.getRow(0).setRepeatHeader(true);
    }

    private static void fillRow(XWPFTableRow row, List<String> values, boolean header) {
        for (int c = 0; c < row.getTableCells().size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            XWPFParagraph p = cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().getFirst();
            String cellText = c < values.size() && values.get(c) != null ? values.get(c) : "";
            boolean number = !header && cellText.matches("[0-9.]+");
            p.setAlignment(header ? ParagraphAlignment.CENTER : number ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
            p.setSpacingBefore(0);
            p.setSpacingAfter(0);
            String v = c < values.size() && values.get(c) != null ? values.get(c) : "";
            run(p, v, header ? HEITI : FANGSONG, TABLE_PT, false);
        }
    }

    /** Odd pages: "— N —" right with one character space; even pages: left with one character space. */
    private static void footers(XWPFDocument x) {
        XWPFFooter odd = x.createFooter(HeaderFooterType.DEFAULT);
        pageNumber(odd, ParagraphAlignment.RIGHT);
        XWPFFooter even = x.createFooter(HeaderFooterType.EVEN);
        pageNumber(even, ParagraphAlignment.LEFT);
    }

    private static void pageNumber(XWPFFooter footer, ParagraphAlignment align) {
        XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().getFirst();
        p.setAlignment(align);
        int oneChar = PAGE_NUMBER_PT * 20;
        if (align == ParagraphAlignment.RIGHT) {
            p.setIndentationRight(oneChar);
        } else {
            p.setIndentationLeft(oneChar);
        }
        XWPFRun dash = p.createRun();
        font(dash, SONGTI, PAGE_NUMBER_PT);
        dash.setText("— ");
        XWPFRun begin = p.createRun();
        font(begin, SONGTI, PAGE_NUMBER_PT);
        begin.getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        XWPFRun instr = p.createRun();
        font(instr, SONGTI, PAGE_NUMBER_PT);
        var it = instr.getCTR().addNewInstrText();
        it.setStringValue(" PAGE ");
        it.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        XWPFRun sep = p.createRun();
        font(sep, SONGTI, PAGE_NUMBER_PT);
        sep.getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        XWPFRun num = p.createRun();
        font(num, SONGTI, PAGE_NUMBER_PT);
        num.setText("1");
        XWPFRun end = p.createRun();
        font(end, SONGTI, PAGE_NUMBER_PT);
        end.getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        XWPFRun dash2 = p.createRun();
        font(dash2, SONGTI, PAGE_NUMBER_PT);
        dash2.setText(" —");
    }
}
