package org.taizhang.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The shared strings table as plain strings (phonetic runs left out). POI's read-only table hands
 * out an XMLBeans-backed rich text object per lookup, which dominates the time of a 50k-row import;
 * the sheet handler only ever asks for the text.
 */
final class PlainSharedStrings implements SharedStrings {
    private final List<String> strings = new ArrayList<>();

    PlainSharedStrings(OPCPackage pkg) throws IOException, SAXException, ParserConfigurationException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return;
        }
        try (InputStream in = parts.getFirst().getInputStream()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                private final StringBuilder text = new StringBuilder();
                private boolean inT;
                private int phonetic;

                @Override
                public void startElement(String uri, String localName, String qName, Attributes atts) {
                    switch (localName) {
                        case "si" -> text.setLength(0);
                        case "t" -> inT = phonetic == 0;
                        case "rPh" -> phonetic++;
                        default -> {
                        }
                    }
                }

                @Override
                public void endElement(String uri, String localName, String qName) {
                    switch (localName) {
                        case "si" -> strings.add(text.toString());
                        case "t" -> inT = false;
                        case "rPh" -> phonetic--;
                        default -> {
                        }
                    }
                }

                @Override
                public void characters(char[] ch, int start, int length) {
                    if (inT) {
                        text.append(ch, start, length);
                    }
                }
            });
            xml.parse(new InputSource(in));
        }
    }

    @Override
    public RichTextString getItemAt(int idx) {
        return new Plain(strings.get(idx));
    }

    @Override
    public int getCount() {
        return strings.size();
    }

    @Override
    public int getUniqueCount() {
        return strings.size();
    }

    private record Plain(String text) implements RichTextString {
        @Override
        public void applyFont(int startIndex, int endIndex, short fontIndex) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void applyFont(int startIndex, int endIndex, Font font) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void applyFont(Font font) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void clearFormatting() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getString() {
            return text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public int numFormattingRuns() {
            return 0;
        }

        @Override
        public int getIndexOfFormattingRun(int index) {
            return 0;
        }

        @Override
        public void applyFont(short fontIndex) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
