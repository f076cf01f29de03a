package org.taizhang.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A drafted (and possibly edited) summary, stored as JSON in {@code summary.content}. Each part is one
 * 一、 section; each paragraph is one line of text: "（一）…" starts a subsection, "一是…" is an item.
 * A paragraph made from figures keeps its {@code template} ("共开展活动{total.activities}场") so that
 * {@link SummaryComposer#refresh} can put in fresh figures; free text has no template.
 *
 * @param figures the figures the linked text was last rendered with (key → value; hours in tenths)
 * @param appendices which appendix tables to add: "stats", "honors", "activities"
 * @param zeroRows whether the statistics appendix keeps categories with nothing in the period
 */
public record SummaryContent(String title, int orgId, String orgName, LocalDate from, LocalDate to, SummaryTemplate template,
                             Integer planId, List<Part> parts, String signOrg, LocalDate signDate, Map<String, Long> figures,
                             List<String> appendices, boolean zeroRows) {

    public SummaryContent {
        parts = parts == null ? List.of() : List.copyOf(parts);
        figures = figures == null ? Map.of() : Map.copyOf(figures);
        appendices = appendices == null ? List.of() : List.copyOf(appendices);
    }

    /**
     * One 一、 section: a stable key ("intro", "work", "problems", "plan", "plan-1"…), its heading, its
     * paragraphs. The 总述 ("intro") has no heading and stands before 一、.
     */
    public record Part(String key, String heading, List<Para> paras) {
        public Part {
            paras = paras == null ? List.of() : List.copyOf(paras);
        }

        /** The paragraphs as the text area shows them, one per line. */
        public String text() {
            return String.join("\n", paras.stream().map(Para::text).toList());
        }
    }

    /** One paragraph: its text, and the template it was rendered from (null for free text). */
    public record Para(String template, String text) {
        public static Para free(String text) {
            return new Para(null, text);
        }

        public boolean linked() {
            return template != null;
        }
    }

    public Part part(String key) {
        return parts.stream().filter(p -> p.key().equals(key)).findFirst().orElse(null);
    }

    public SummaryContent withParts(List<Part> newParts) {
        return new SummaryContent(title, orgId, orgName, from, to, template, planId, newParts, signOrg, signDate, figures, appendices, zeroRows);
    }

    public SummaryContent withFigures(List<Part> newParts, Map<String, Long> newFigures) {
        return new SummaryContent(title, orgId, orgName, from, to, template, planId, newParts, signOrg, signDate, newFigures, appendices,
                zeroRows);
    }

    public SummaryContent withTitle(String t, String sign, LocalDate date) {
        return new SummaryContent(t, orgId, orgName, from, to, template, planId, parts, sign, date, figures, appendices, zeroRows);
    }

    public SummaryContent withAppendices(List<String> a) {
        return new SummaryContent(title, orgId, orgName, from, to, template, planId, parts, signOrg, signDate, figures, a, zeroRows);
    }

    /** Whether the statistics appendix keeps the categories with nothing in the period. */
    public SummaryContent withZeroRows(boolean z) {
        return new SummaryContent(title, orgId, orgName, from, to, template, planId, parts, signOrg, signDate, figures, appendices, z);
    }
}
