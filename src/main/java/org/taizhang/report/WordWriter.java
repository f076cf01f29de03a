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
    /** Tables: 小四 (12 pt), or 五号 (10.5 pt) when the table's text would not fit its columns in 小四. */
    public static final int TABLE_PT = 12;
    public static final double TABLE_SMALL_PT = 10.5;

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
        compat(x);
        properties(x, doc);
        title(x, doc.title());
        int sectionNo = 0;
        for (ReportDocument.Section s : doc.sections()) {
            if (!Numbers.stripSectionNumber(s.heading()).isBlank()) {
                sectionNo++;
                heading1(x, Numbers.ordinal(sectionNo) + "、" + Numbers.stripSectionNumber(s.heading()));
            }
            paragraphs(x, s.paragraphs(), doc.itemStyle());
            int subNo = 0;
            for (ReportDocument.Subsection sub : s.subsections()) {
                subNo++;
                heading2(x, "（" + Numbers.ordinal(subNo) + "）" + Numbers.stripSubsectionNumber(sub.heading()));
                paragraphs(x, sub.paragraphs(), doc.itemStyle());
            }
        }
        // the 落款 (and the 附件 note) stay on the page of the last paragraph: each keeps with the next
        List<XWPFParagraph> body = x.getParagraphs();
        XWPFParagraph last = body.isEmpty() ? null : body.getLast();
        if (!doc.appendices().isEmpty()) {
            appendixNote(x, doc.appendices());
        }
        boolean signed = signature(x, doc);
        if (signed && last != null) {
            int from = x.getParagraphs().indexOf(last);
            List<XWPFParagraph> all = x.getParagraphs();
            for (int i = from; i < all.size() - 1; i++) {
                all.get(i).setKeepNext(true);
            }
        }
        int n = 0;
        for (ReportDocument.Appendix a : doc.appendices()) {
            appendix(x, ++n, a, doc.appendices().size());
        }
        footers(x);
        return x;
    }

    /** word/settings.xml: {@code <w:compat>} with compatibilityMode 15, so Word does not open the file in 兼容模式. */
    private static void compat(XWPFDocument x) {
        var settings = x.getSettings().getCTSettings();
        String w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        try (var cur = settings.newCursor()) {
            cur.toEndToken();
            cur.beginElement(new javax.xml.namespace.QName(w, "compat", "w"));
            for (String[] cs : new String[][] {{"compatibilityMode", "15"}, {"overrideTableStyleFontSizeAndJustification", "1"},
                {"enableOpenTypeFeatures", "1"}, {"doNotFlipMirrorIndents", "1"}}) {
                cur.beginElement(new javax.xml.namespace.QName(w, "compatSetting", "w"));
                cur.insertAttributeWithValue(new javax.xml.namespace.QName(w, "name", "w"), cs[0]);
                cur.insertAttributeWithValue(new javax.xml.namespace.QName(w, "uri", "w"), "http://schemas.microsoft.com/office/word");
                cur.insertAttributeWithValue(new javax.xml.namespace.QName(w, "val", "w"), cs[1]);
                cur.toNextToken();
            }
        }
    }

    /** Title, author (the organisation) and application (Taizhang) in the document properties. */
    private static void properties(XWPFDocument x, ReportDocument doc) {
        var core = x.getProperties().getCoreProperties();
        String title = doc.title() == null ? "" : doc.title().replace("\n", "").strip();
        core.setTitle(title);
        String org = doc.signOrg() == null || doc.signOrg().isBlank() ? APPLICATION : doc.signOrg().strip();
        core.setCreator(org);
        core.setLastModifiedByUser(org);
        var ext = x.getProperties().getExtendedProperties().getUnderlyingProperties();
        ext.setApplication(APPLICATION);
        ext.setCompany(org);
        ext.setAppVersion("1.0000");
    }

    public static final String APPLICATION = "Taizhang";

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
        run(p, String.join("\n", titleLines(title == null ? "" : title.strip(), TITLE_CHARS)), XIAOBIAOSONG, TITLE_PT, false);
        // one empty line between title and body
        paragraph(x, ParagraphAlignment.LEFT, false);
    }

    /** Characters of 2号 a title line holds (text width / 22 pt). */
    public static final int TITLE_CHARS = (A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / (TITLE_PT * 20);

    private static final java.util.regex.Pattern TITLE_BREAK = java.util.regex.Pattern.compile(
            "(?=[0-9０-９]{4}年)|(?=关于)|(?=工作总结)|(?=工作计划)|(?=及下一步)|(?=暨)|(?<=[部委会联局办处室队社所站])(?=[0-9０-９]{4})");

    /**
     * A title too long for one line is broken between phrases (before the year, 关于, 工作总结, 及下一步…),
     * never inside a word: as few lines as fit, then the most even, the longer line first (倒梯形). Line
     * breaks the clerk typed are kept.
     */
    static List<String> titleLines(String title, int maxChars) {
        if (title.contains("\n")) {
            return java.util.Arrays.stream(title.split("\r?\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        }
        if (displayWidth(title) <= maxChars * 2) {
            return List.of(title);
        }
        List<Integer> cuts = new java.util.ArrayList<>();
        var m = TITLE_BREAK.matcher(title);
        while (m.find()) {
            if (m.start() > 0 && m.start() < title.length() && !cuts.contains(m.start())) {
                cuts.add(m.start());
            }
        }
        List<String> best = null;
        double bestScore = Double.MAX_VALUE;
        for (int lines = 2; lines <= 3 && best == null; lines++) {
            for (List<Integer> choice : combinations(cuts, lines - 1)) {
                List<String> parts = new java.util.ArrayList<>();
                int at = 0;
                for (int c : choice) {
                    parts.add(title.substring(at, c));
                    at = c;
                }
                parts.add(title.substring(at));
                int max = parts.stream().mapToInt(WordWriter::displayWidth).max().orElse(0);
                int min = parts.stream().mapToInt(WordWriter::displayWidth).min().orElse(0);
                if (max > maxChars * 2) {
                    continue;
                }
                double score = (max - min) + (displayWidth(parts.getFirst()) >= displayWidth(parts.getLast()) ? 0 : 0.5);
                if (score < bestScore) {
                    bestScore = score;
                    best = parts;
                }
            }
            if (best != null) {
                return best;
            }
        }
        // no phrase boundary fits: cut by width
        List<String> out = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < title.length(); ) {
            int cp = title.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (displayWidth(line + ch) > maxChars * 2) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(ch);
            i += Character.charCount(cp);
        }
        out.add(line.toString());
        return out;
    }

    private static List<List<Integer>> combinations(List<Integer> cuts, int k) {
        List<List<Integer>> out = new java.util.ArrayList<>();
        if (k == 1) {
            cuts.forEach(c -> out.add(List.of(c)));
        } else if (k == 2) {
            for (int i = 0; i < cuts.size(); i++) {
                for (int j = i + 1; j < cuts.size(); j++) {
                    out.add(List.of(cuts.get(i), cuts.get(j)));
                }
            }
        }
        return out;
    }

    /** Width in half-characters: a Chinese character or full-width sign 2, a Latin letter or digit 1. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += cp < 0x2E80 && cp != '—' && cp != '“' && cp != '”' && cp != '‘' && cp != '’' ? 1 : 2;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static void heading1(XWPFDocument x, String text) {
        XWPFParagraph p = paragraph(x, ParagraphAlignment.BOTH, true);
        p.setKeepNext(true);
        outline(p, 0);
        run(p, text, HEITI, BODY_PT, false);
    }

    private static void heading2(XWPFDocument x, String text) {
        XWPFParagraph p = paragraph(x, ParagraphAlignment.BOTH, true);
        p.setKeepNext(true);
        outline(p, 1);
        run(p, text, KAITI, BODY_PT, false);
    }

    /** Outline level (0 = 一、, 1 = （一）, 2 = 1．) so that the navigation pane of Word and WPS lists the headings. */
    static void outline(XWPFParagraph p, int level) {
        var ppr = p.getCTPPr();
        (ppr.isSetOutlineLvl() ? ppr.getOutlineLvl() : ppr.addNewOutlineLvl()).setVal(BigInteger.valueOf(level));
    }

    /**
     * Body paragraphs. Items 一是、二是… are written the one way the reference summaries write them: one
     * paragraph 「一是…。二是…。」 in body type (consecutive items are numbered and run on); items 1．2．
     * each start a paragraph.
     */
    private static void paragraphs(XWPFDocument x, List<ReportDocument.Paragraph> list, ReportDocument.ItemStyle style) {
        int item = 0;
        XWPFParagraph items = null;
        for (ReportDocument.Paragraph para : list) {
            String text = para.text() == null ? "" : para.text().strip();
            String lead = para.lead() == null ? "" : para.lead().strip();
            if (text.isEmpty() && lead.isEmpty()) {
                continue;
            }
            if (para.item() && style == ReportDocument.ItemStyle.YISHI) {
                item++;
                if (items == null) {
                    items = paragraph(x, ParagraphAlignment.BOTH, true);
                }
                run(items, Numbers.shi(item) + Numbers.stripItemNumber(lead.isEmpty() ? text : lead) + (lead.isEmpty() ? "" : text),
                        FANGSONG, BODY_PT, false);
                continue;
            }
            items = null;
            XWPFParagraph p = paragraph(x, ParagraphAlignment.BOTH, true);
            if (para.isHeading3()) {
                item = 0;
                p.setKeepNext(true);
                outline(p, 2);
                run(p, lead, FANGSONG, BODY_PT, true);
                continue;
            }
            if (para.item()) {
                item++;
                String number = item + "．";
                if (lead.isEmpty()) {
                    run(p, number + Numbers.stripItemNumber(text), FANGSONG, BODY_PT, false);
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

    /** 落款: organisation centred over the date, the date 4 characters from the right; false when there is none. */
    private static boolean signature(XWPFDocument x, ReportDocument doc) {
        String org = doc.signOrg() == null ? "" : doc.signOrg().strip();
        String date = doc.signDate() == null ? "" : Numbers.date(doc.signDate());
        if (org.isEmpty() && date.isEmpty()) {
            return false;
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
        return true;
    }

    /** 附件N on line 1, line 2 empty, the title on line 3 (GB/T 9704), an empty line, then the table. */
    private static void appendix(XWPFDocument x, int n, ReportDocument.Appendix a, int total) {
        XWPFParagraph label = paragraph(x, ParagraphAlignment.LEFT, false);
        label.setPageBreak(true);
        label.setKeepNext(true);
        run(label, total == 1 ? "附件" : "附件" + n, HEITI, BODY_PT, false);
        paragraph(x, ParagraphAlignment.LEFT, false).setKeepNext(true);
        XWPFParagraph t = paragraph(x, ParagraphAlignment.CENTER, false);
        t.setSpacingBetween(Math.max(LINE_PITCH / 20.0, TITLE_PT * 1.5), LineSpacingRule.EXACT);
        t.setKeepNext(true);
        run(t, String.join("\n", titleLines(a.title(), TITLE_CHARS)), XIAOBIAOSONG, TITLE_PT, false);
        paragraph(x, ParagraphAlignment.LEFT, false).setKeepNext(true);
        table(x, a);
    }

    /** Cell margins left and right (twips). */
    static final int CELL_MARGIN = 85;
    /** The width of the text block (twips): A4 minus the left and right margins. */
    public static final int TEXT_WIDTH = A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

    /**
     * A table with a grid (w:tblGrid) and fixed column widths fitted to the content: dates, numbers and
     * short names get the width to stay on one line, long text shares the rest. Rows never split across
     * pages, the header row repeats, and the last rows keep together so a 合计 row never stands alone.
     */
    private static void table(XWPFDocument x, ReportDocument.Appendix a) {
        int cols = Math.max(1, a.header().size());
        double pt = tablePt(a.header(), a.rows(), TEXT_WIDTH);
        int[] widths = columnWidths(a.header(), a.rows(), TEXT_WIDTH, pt);
        XWPFTable table = x.createTable(a.rows().size() + 1, cols);
        table.setTableAlignment(TableRowAlign.CENTER);
        var tblPr = table.getCTTbl().getTblPr();
        var w = tblPr.isSetTblW() ? tblPr.getTblW() : tblPr.addNewTblW();
        w.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth.DXA);
        w.setW(BigInteger.valueOf(java.util.Arrays.stream(widths).sum()));
        (tblPr.isSetTblLayout() ? tblPr.getTblLayout() : tblPr.addNewTblLayout())
                .setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType.FIXED);
        var mar = tblPr.isSetTblCellMar() ? tblPr.getTblCellMar() : tblPr.addNewTblCellMar();
        var left = mar.isSetLeft() ? mar.getLeft() : mar.addNewLeft();
        left.setW(BigInteger.valueOf(CELL_MARGIN));
        left.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth.DXA);
        var right = mar.isSetRight() ? mar.getRight() : mar.addNewRight();
        right.setW(BigInteger.valueOf(CELL_MARGIN));
        right.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth.DXA);
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int wd : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(wd));
        }
        fillRow(table.getRow(0), a.header(), true, widths, pt);
        for (int i = 0; i < a.rows().size(); i++) {
            fillRow(table.getRow(i + 1), a.rows().get(i), false, widths, pt);
        }
        table.getRow(0).setRepeatHeader(true);
        int rows = table.getRows().size();
        for (int i = 0; i < rows; i++) {
            XWPFTableRow row = table.getRow(i);
            row.setCantSplitRow(true);
            // header with the first row; the last two rows (e.g. a line and 合计) together
            if (i == 0 || i >= rows - 2 && i < rows - 1) {
                row.getTableCells().forEach(c -> c.getParagraphs().forEach(p -> p.setKeepNext(true)));
            }
        }
    }

    /** Width of {@code text} in twips at 小四 table size: a Chinese character 12 pt, a digit or Latin letter about half. */
    static int textTwips(String text) {
        return textTwips(text, TABLE_PT);
    }

    /** Width of {@code text} in twips at {@code pt}. */
    static int textTwips(String text, double pt) {
        double w = 0;
        Boolean wasWide = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean wide = !(cp < 0x2E80 && cp != '“' && cp != '”' && cp != '‘' && cp != '’' && cp != '—');
            // LibreOffice and WPS put a quarter em between Chinese characters and digits ("2021 年 3 月")
            if (wasWide != null && wasWide != wide && Character.isLetterOrDigit(cp) && (wide || Character.isLetterOrDigit(text.codePointBefore(i)))) {
                w += pt * 5;
            }
            wasWide = wide;
            // a Chinese character is one em; digits and Latin letters are taken at 0.65 em, wide enough for
            // the fallback fonts (Noto, DejaVu) that Word, WPS or LibreOffice may use instead of 仿宋 (0.65 em)
            w += wide ? pt * 20 : pt * 13;
            i += Character.charCount(cp);
        }
        return (int) Math.round(w) + 80;
    }

    /**
     * 小四 when every column can have its natural width (no cell wraps) in 小四, else 五号 — the sizes
     * tables in official documents use, smaller than the 3号 body so that a row takes one line.
     */
    static double tablePt(List<String> header, List<List<String>> rows, int total) {
        int[] natural = naturalWidths(header, rows, TABLE_PT);
        return java.util.Arrays.stream(natural).sum() <= total ? TABLE_PT : TABLE_SMALL_PT;
    }

    private static int[] naturalWidths(List<String> header, List<List<String>> rows, double pt) {
        int cols = Math.max(1, header.size());
        int pad = 2 * CELL_MARGIN + 60;
        int[] natural = new int[cols];
        for (int c = 0; c < cols; c++) {
            natural[c] = textTwips(c < header.size() ? header.get(c) : "", pt) + pad;
            for (List<String> r : rows) {
                natural[c] = Math.max(natural[c], textTwips(c < r.size() && r.get(c) != null ? r.get(c) : "", pt) + pad);
            }
        }
        return natural;
    }

    private static final java.util.regex.Pattern UNBREAKABLE = java.util.regex.Pattern.compile(
            "[0-9０-９]{4}年[0-9]{1,2}月[0-9]{1,2}日|[0-9]{1,2}月[0-9]{1,2}日|[0-9０-９.,，%％]+|[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /** The narrowest a cell may be without breaking a date, a number or a short name (≤ 8 characters). */
    static int minTwips(String text, boolean header) {
        return minTwips(text, header, TABLE_PT);
    }

    static int minTwips(String text, boolean header, double pt) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        String t = text.strip();
        if (UNBREAKABLE.matcher(t).matches() || t.codePointCount(0, t.length()) <= (header ? 4 : 8)) {
            return textTwips(t, pt);
        }
        if (header) {
            // a header may wrap before its （unit）: "服务时长 / （小时）"
            int cut = t.indexOf('（');
            String head = cut > 0 ? t.substring(0, cut) : t.substring(0, t.offsetByCodePoints(0, 4));
            return Math.max(textTwips(head, pt), cut > 0 ? textTwips(t.substring(cut), pt) : 0);
        }
        // long text wraps; still keep dates and numbers inside it whole
        int min = textTwips("四个汉字", pt);
        var m = UNBREAKABLE.matcher(t);
        while (m.find()) {
            min = Math.max(min, textTwips(m.group(), pt));
        }
        return min;
    }

    /**
     * Column widths (twips) summing to at most {@code total}: every column at least its minimum (see
     * {@link #minTwips}), the rest shared towards each column's natural width (its longest cell), and
     * what is left after that spread over the columns.
     */
    static int[] columnWidths(List<String> header, List<List<String>> rows, int total) {
        return columnWidths(header, rows, total, TABLE_PT);
    }

    static int[] columnWidths(List<String> header, List<List<String>> rows, int total, double pt) {
        int cols = Math.max(1, header.size());
        int pad = 2 * CELL_MARGIN + 60;
        int[] min = new int[cols];
        int[] natural = new int[cols];
        for (int c = 0; c < cols; c++) {
            String h = c < header.size() ? header.get(c) : "";
            min[c] = minTwips(h, true, pt) + pad;
            natural[c] = Math.max(min[c], textTwips(h, pt) + pad);
            for (List<String> r : rows) {
                String v = c < r.size() && r.get(c) != null ? r.get(c) : "";
                min[c] = Math.max(min[c], minTwips(v, false, pt) + pad);
                natural[c] = Math.max(natural[c], textTwips(v, pt) + pad);
            }
        }
        int[] w = min.clone();
        int sumMin = java.util.Arrays.stream(min).sum();
        if (sumMin >= total) {
            // too many columns for the page: shrink proportionally (cells wrap)
            for (int c = 0; c < cols; c++) {
                w[c] = (int) ((long) min[c] * total / sumMin);
            }
            return w;
        }
        int left = total - sumMin;
        long want = 0;
        for (int c = 0; c < cols; c++) {
            want += natural[c] - min[c];
        }
        if (want > 0) {
            int give = (int) Math.min(left, want);
            for (int c = 0; c < cols; c++) {
                w[c] += (int) ((long) give * (natural[c] - min[c]) / want);
            }
            left = total - java.util.Arrays.stream(w).sum();
        }
        if (left > 0) {
            int sum = java.util.Arrays.stream(w).sum();
            int given = 0;
            for (int c = 0; c < cols; c++) {
                int extra = (int) ((long) left * w[c] / sum);
                w[c] += extra;
                given += extra;
            }
            w[cols - 1] += left - given;
        }
        return w;
    }

    private static final java.util.regex.Pattern NUMBER_CELL = java.util.regex.Pattern.compile("-?[0-9][0-9,]*(?:\\.[0-9]+)?%?");

    private static void fillRow(XWPFTableRow row, List<String> values, boolean header, int[] widths, double pt) {
        for (int c = 0; c < row.getTableCells().size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            var tcPr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
            var tcW = tcPr.isSetTcW() ? tcPr.getTcW() : tcPr.addNewTcW();
            tcW.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth.DXA);
            tcW.setW(BigInteger.valueOf(widths[c]));
            cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
            XWPFParagraph p = cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().getFirst();
            String v = c < values.size() && values.get(c) != null ? values.get(c) : "";
            boolean number = !header && NUMBER_CELL.matcher(v).matches();
            p.setAlignment(header ? ParagraphAlignment.CENTER : number ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
            // a little air above and below, single lines at the table size: not the 3号 body's grid
            p.setSpacingBefore(30);
            p.setSpacingAfter(30);
            p.setSpacingBetween(Math.round(pt * 1.3 * 2) / 2.0, LineSpacingRule.EXACT);
            var ppr = p.getCTPPr();
            (ppr.isSetSnapToGrid() ? ppr.getSnapToGrid() : ppr.addNewSnapToGrid()).setVal(Boolean.FALSE);
            // no extra space between Chinese and digits inside a cell: "5月20日" keeps the width it was given
            (ppr.isSetAutoSpaceDE() ? ppr.getAutoSpaceDE() : ppr.addNewAutoSpaceDE()).setVal(Boolean.FALSE);
            (ppr.isSetAutoSpaceDN() ? ppr.getAutoSpaceDN() : ppr.addNewAutoSpaceDN()).setVal(Boolean.FALSE);
            run(p, v, header ? HEITI : FANGSONG, pt, false);
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
