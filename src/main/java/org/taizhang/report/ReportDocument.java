package org.taizhang.report;

import java.time.LocalDate;
import java.util.List;

/**
 * A document to be laid out as a GB/T 9704 official document: title, sections 一、二、… with
 * subsections （一）（二）… and paragraphs, 落款 (organisation and date) and optional appendix tables.
 * Headings are given WITHOUT their numbers; {@link WordWriter} numbers them (a number the user typed
 * anyway is recognised and not doubled).
 */
public record ReportDocument(String title, List<Section> sections, String signOrg, LocalDate signDate,
                             List<Appendix> appendices, ItemStyle itemStyle) {

    public ReportDocument {
        sections = List.copyOf(sections);
        appendices = appendices == null ? List.of() : List.copyOf(appendices);
        itemStyle = itemStyle == null ? ItemStyle.YISHI : itemStyle;
    }

    /** How items are numbered inside a section: 一是、二是… or 1．2．… */
    public enum ItemStyle {
        YISHI, ARABIC
    }

    /**
     * A paragraph: an optional bold lead phrase ("深化思想政治引领。") then body text; items are numbered.
     * A lead without text and not an item is a third-level heading (「1．加强组织建设」, bold, kept with the
     * next paragraph); items after it are numbered from 一是 again.
     */
    public record Paragraph(String lead, String text, boolean item) {
        public static Paragraph plain(String text) {
            return new Paragraph(null, text, false);
        }

        public static Paragraph heading3(String text) {
            return new Paragraph(text, null, false);
        }

        public boolean isHeading3() {
            return !item && lead != null && !lead.isBlank() && (text == null || text.isBlank());
        }

        public static Paragraph item(String lead, String text) {
            return new Paragraph(lead, text, true);
        }
    }

    /** （一）heading and its paragraphs. */
    public record Subsection(String heading, List<Paragraph> paragraphs) {
        public Subsection {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /** 一、heading, paragraphs directly under it, then subsections; a blank heading is the opening before 一、 (not numbered). */
    public record Section(String heading, List<Paragraph> paragraphs, List<Subsection> subsections) {
        public Section {
            paragraphs = List.copyOf(paragraphs);
            subsections = List.copyOf(subsections);
        }
    }

    /** 附件N: a title and a table (first row is the header). */
    public record Appendix(String title, List<String> header, List<List<String>> rows) {
        public Appendix {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }
}
