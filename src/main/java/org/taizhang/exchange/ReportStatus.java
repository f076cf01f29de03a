package org.taizhang.exchange;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 上报情况 of one organisation for a period: for each direct sub-organisation, whether a package covering
 * (part of) the period has been imported, the newest one's dates and headline figures.
 */
public record ReportStatus(int orgId, String orgName, LocalDate from, LocalDate to, List<Line> lines) {

    /**
     * @param createdAt when the sender made the newest package (local time text), null when none came
     * @param importedAt when it was imported here (local time text)
     * @param totals its figures: activities, participants, service_tenths, beneficiaries, honors, members
     */
    public record Line(int orgId, String orgName, boolean reported, String packageFrom, String packageTo, String createdAt,
                       String importedAt, String fileName, Map<String, Long> totals) {
    }

    public List<Line> missing() {
        return lines.stream().filter(l -> !l.reported()).toList();
    }

    public long reportedCount() {
        return lines.stream().filter(Line::reported).count();
    }
}
