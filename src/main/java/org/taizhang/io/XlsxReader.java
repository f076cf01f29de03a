package org.taizhang.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streaming .xlsx reading with POI's event API ({@link XSSFReader} + {@link XSSFSheetXMLHandler}):
 * shared strings and styles are used so that date-formatted numbers are recognised, formulas give
 * their cached values, error cells (#REF! …) come out as {@link CellValue.Kind#ERROR}, and the value
 * of a merged region applies to every cell of the region. Memory stays flat whatever the row count.
 */
final class XlsxReader {
    static {
        // refuse zip bombs: an entry that inflates more than 100x (POI's default, stated here on purpose)
        ZipSecureFile.setMinInflateRatio(0.01);
    }

    private XlsxReader() {
    }

    static List<String> sheetNames(Path file) {
        return withPackage(file, (pkg, reader) -> {
            List<String> names = new ArrayList<>();
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream ignored = it.next()) {
                    names.add(it.getSheetName());
                }
            }
            return names;
        });
    }

    static String read(Path file, String sheet, SheetReader.RowHandler handler) {
        return withPackage(file, (pkg, reader) -> {
            boolean date1904 = isDate1904(reader);
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            List<String> names = new ArrayList<>();
            while (it.hasNext()) {
                try (InputStream ignored = it.next()) {
                    String name = it.getSheetName();
                    names.add(name);
                    if (sheet == null || name.equals(sheet) || name.strip().equals(sheet.strip())) {
                        PackagePart part = it.getSheetPart();
                        int[] rows = {0};
                        List<CellRangeAddress> merges = mergedRegions(part, rows);
                        handler.start(name, rows[0]);
                        PlainSharedStrings strings = new PlainSharedStrings(pkg);
                        StylesTable styles = reader.getStylesTable();
                        parseSheet(part, styles, strings, merges, date1904, handler);
                        return name;
                    }
                }
            }
            if (names.isEmpty()) {
                throw new FileRefusedException("“" + file.getFileName() + "”里没有任何工作表（空工作簿）。");
            }
            throw new FileRefusedException("“" + file.getFileName() + "”中没有名为“" + sheet + "”的工作表，现有："
                    + String.join("、", names));
        });
    }

    @FunctionalInterface
    private interface PackageWork<T> {
        T apply(OPCPackage pkg, XSSFReader reader) throws IOException, SAXException, OpenXML4JException,
                ParserConfigurationException;
    }

    private static <T> T withPackage(Path file, PackageWork<T> work) {
        String name = String.valueOf(file.getFileName());
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw refusal(name, e);
        }
        try {
            checkIsSpreadsheet(pkg, name);
            XSSFReader reader = new XSSFReader(pkg);
            return work.apply(pkg, reader);
        } catch (FileRefusedException | ImportCancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isSpecial(e)) {
                throw e;
            }
            throw refusal(name, e);
        } catch (Exception e) {
            throw refusal(name, e);
        } finally {
            pkg.revert();
        }
    }

    /** Exceptions thrown by row handlers (validation, cancel) pass through unchanged. */
    private static boolean isSpecial(RuntimeException e) {
        return !(e instanceof POIXMLException) && !(e.getClass().getName().startsWith("org.apache.poi"))
                && !(e instanceof IllegalStateException && String.valueOf(e.getMessage()).contains("Zip"));
    }

    private static void checkIsSpreadsheet(OPCPackage pkg, String name) {
        var rels = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (rels.isEmpty()) {
            rels = pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
        }
        if (rels.isEmpty()) {
            throw new FileRefusedException("“" + name + "”不是 Excel 工作簿（是一个普通的压缩包，或已损坏）。请选择 .xlsx 文件。");
        }
        PackagePart main = pkg.getPart(rels.getRelationship(0));
        String type = main == null ? "" : main.getContentType();
        if (type.contains("wordprocessingml")) {
            throw new FileRefusedException("“" + name + "”是 Word 文档（.docx）改了扩展名，不是 Excel 工作簿。");
        }
        if (type.contains("presentationml")) {
            throw new FileRefusedException("“" + name + "”是 PowerPoint 演示文稿，不是 Excel 工作簿。");
        }
        if (!type.contains("spreadsheetml") && !type.contains("ms-excel")) {
            throw new FileRefusedException("“" + name + "”不是 Excel 工作簿（内容类型：" + type + "）。");
        }
    }

    static FileRefusedException refusal(String name, Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("zip bomb") || m.contains("max. ratio") || m.contains("exceed the max")
                    || m.contains("max file count") || m.contains("maxentrysize") || m.contains("too large")) {
                return new FileRefusedException("“" + name + "”解压后异常巨大（疑似“压缩炸弹”或被篡改的文件），为保护电脑已拒绝读取。"
                        + "如果这是正常的表格，请用 Excel 打开后另存为新的 .xlsx 再导入。", e);
            }
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof org.apache.poi.EncryptedDocumentException) {
                return new FileRefusedException("“" + name + "”设置了密码（已加密），无法读取。请在 Excel 中删除密码后再导入。", e);
            }
        }
        return new FileRefusedException("“" + name + "”已损坏或不是有效的 .xlsx 文件，无法读取。"
                + "请用 Excel 或 WPS 打开它（若能打开，另存为新的 .xlsx）再导入。", e);
    }

    private static boolean isDate1904(XSSFReader reader) throws IOException, OpenXML4JException, SAXException,
            ParserConfigurationException {
        boolean[] flag = {false};
        try (InputStream in = reader.getWorkbookData()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes atts) {
                    if ("workbookPr".equals(localName)) {
                        String v = atts.getValue("date1904");
                        flag[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
                    }
                }
            });
            xml.parse(new InputSource(in));
        }
        return flag[0];
    }

    /**
     * First pass: the merged regions (listed after the cell data in the sheet XML) and the number of
     * rows. A byte-level scan of the tags, several times faster than a second SAX parse.
     */
    private static List<CellRangeAddress> mergedRegions(PackagePart part, int[] rowCount) throws IOException {
        List<CellRangeAddress> out = new ArrayList<>();
        try (InputStream raw = part.getInputStream(); InputStream in = new java.io.BufferedInputStream(raw, 1 << 16)) {
            StringBuilder name = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                if (b != '<') {
                    continue;
                }
                name.setLength(0);
                while ((b = in.read()) >= 0 && b != ' ' && b != '>' && b != '/' && b != '\t' && b != '\n' && b != '\r') {
                    name.append((char) b);
                    if (b == ':') {
                        name.setLength(0); // namespace prefix
                    }
                    if (name.length() > 16) {
                        break;
                    }
                }
                String tag = name.toString();
                if (tag.equals("row")) {
                    rowCount[0]++;
                } else if (tag.equals("mergeCell") && b != '>' && b != '/') {
                    StringBuilder attrs = new StringBuilder();
                    while ((b = in.read()) >= 0 && b != '>') {
                        attrs.append((char) b);
                    }
                    java.util.regex.Matcher m = REF.matcher(attrs);
                    if (m.find()) {
                        out.add(CellRangeAddress.valueOf(m.group(1)));
                    }
                }
            }
        }
        out.sort((a, c) -> Integer.compare(a.getFirstRow(), c.getFirstRow()));
        return out;
    }

    private static final java.util.regex.Pattern REF = java.util.regex.Pattern.compile("\\bref\\s*=\\s*[\"']([A-Za-z]+\\d+(:[A-Za-z]+\\d+)?)[\"']");

    private static void parseSheet(PackagePart part, StylesTable styles, PlainSharedStrings strings,
                                   List<CellRangeAddress> merges, boolean date1904, SheetReader.RowHandler handler)
            throws IOException, SAXException, ParserConfigurationException {
        RawFormatter formatter = new RawFormatter(date1904);
        RowCollector collector = new RowCollector(formatter, merges, handler);
        try (InputStream in = part.getInputStream()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new InlineStringsAsPlainText(new XSSFSheetXMLHandler(styles, null, strings, collector, formatter, false)));
            xml.parse(new InputSource(in));
        }
    }

    /**
     * Hands inline-string cells ({@code t="inlineStr"}, as written by SXSSF and many other programs)
     * to the sheet handler as plain string results ({@code t="str"}): the handler then takes the
     * text as it is instead of building an XMLBeans rich-text object for every cell. The text is
     * the same either way.
     */
    private static final class InlineStringsAsPlainText extends DefaultHandler {
        private final XSSFSheetXMLHandler target;

        InlineStringsAsPlainText(XSSFSheetXMLHandler target) {
            this.target = target;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if ("c".equals(localName) && "inlineStr".equals(atts.getValue("t"))) {
                org.xml.sax.helpers.AttributesImpl copy = new org.xml.sax.helpers.AttributesImpl(atts);
                copy.setValue(copy.getIndex("t"), "str");
                target.startElement(uri, localName, qName, copy);
                return;
            }
            target.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            target.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            target.characters(ch, start, length);
        }
    }

    /**
     * Passes numbers through the handler while keeping their raw value: each formatted number is a
     * fresh String instance the collector recognises by identity, with the value and date flag
     * recorded beside it.
     */
    static final class RawFormatter extends DataFormatter {
        private final boolean date1904;
        String token;
        double value;
        boolean date;

        RawFormatter(boolean date1904) {
            super(java.util.Locale.CHINA);
            this.date1904 = date1904;
        }

        @Override
        public String formatRawCellContents(double v, int formatIndex, String formatString, boolean use1904) {
            String shown;
            boolean isDate = DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(v);
            try {
                shown = super.formatRawCellContents(v, formatIndex, formatString, date1904);
            } catch (RuntimeException e) {
                shown = String.valueOf(v);
            }
            // dates are passed on in the 1900 system whatever the workbook uses
            value = isDate && date1904 ? v + 1462 : v;
            date = isDate;
            token = new String(shown);
            return token;
        }
    }

    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RawFormatter formatter;
        private final List<CellRangeAddress> merges;
        private final SheetReader.RowHandler handler;
        private final Map<CellRangeAddress, CellValue> mergeValues = new HashMap<>();
        private int nextMerge;
        private final List<CellRangeAddress> active = new ArrayList<>();
        private CellValue[] cells = new CellValue[16];
        private int width;

        RowCollector(RawFormatter formatter, List<CellRangeAddress> merges, SheetReader.RowHandler handler) {
            this.formatter = formatter;
            this.merges = merges;
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            Arrays.fill(cells, 0, Math.min(width, cells.length), null);
            width = 0;
        }

        @Override
        public void cell(String ref, String formatted, XSSFComment comment) {
            if (ref == null || formatted == null) {
                return;
            }
            int col = columnOf(ref);
            CellValue v;
            if (formatted == formatter.token) { // identity: this is the number the formatter just saw
                v = CellValue.number(formatter.value, formatter.date, formatted);
                formatter.token = null;
            } else if (formatted.startsWith("ERROR:")) {
                v = CellValue.error(formatted.substring(6));
            } else if (formatted.startsWith("#") && isErrorCode(formatted)) {
                v = CellValue.error(formatted);
            } else {
                v = CellValue.text(formatted);
            }
            put(col, v);
        }

        /** "AB12" → 27 (what {@code new CellReference(ref).getCol()} gives, without its cost per cell). */
        private static int columnOf(String ref) {
            int n = 0;
            for (int i = 0; i < ref.length(); i++) {
                char ch = ref.charAt(i);
                if (ch >= 'A' && ch <= 'Z') {
                    n = n * 26 + (ch - 'A' + 1);
                } else if (ch >= 'a' && ch <= 'z') {
                    n = n * 26 + (ch - 'a' + 1);
                } else if (ch != '$') {
                    break;
                }
            }
            return n > 0 ? n - 1 : new CellReference(ref).getCol();
        }

        private static boolean isErrorCode(String s) {
            return switch (s) {
                case "#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#SPILL!", "#CALC!" -> true;
                default -> false;
            };
        }

        private void put(int col, CellValue v) {
            if (col >= cells.length) {
                cells = Arrays.copyOf(cells, Math.max(col + 1, cells.length * 2));
            }
            cells[col] = v;
            width = Math.max(width, col + 1);
        }

        @Override
        public void endRow(int rowNum) {
            applyMerges(rowNum);
            handler.row(new SheetRow(rowNum + 1, Arrays.copyOf(cells, width)));
        }

        private void applyMerges(int row) {
            while (nextMerge < merges.size() && merges.get(nextMerge).getFirstRow() <= row) {
                active.add(merges.get(nextMerge++));
            }
            if (active.isEmpty()) {
                return;
            }
            for (var it = active.iterator(); it.hasNext(); ) {
                CellRangeAddress r = it.next();
                if (r.getLastRow() < row) {
                    it.remove();
                    mergeValues.remove(r);
                    continue;
                }
                if (r.getFirstRow() == row) {
                    CellValue top = r.getFirstColumn() < width ? cells[r.getFirstColumn()] : null;
                    if (top != null) {
                        mergeValues.put(r, top);
                    }
                }
                CellValue value = mergeValues.get(r);
                if (value != null && row >= r.getFirstRow()) {
                    for (int c = r.getFirstColumn(); c <= r.getLastColumn(); c++) {
                        put(c, value);
                    }
                }
            }
        }
    }
}
