package org.taizhang.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * manifest.json of a data package: who sent it (the organisation's uid, name, type and path in the sender's
 * tree), which period it covers, when and by which program it was made, whether ID numbers are complete,
 * how many records of each kind it holds, the headline figures (for 上报情况), and the SHA-256 of every entry.
 */
public record Manifest(String format, int formatVersion, String program, String packageId, Instant createdAt,
                       String senderUid, String senderName, String senderType, List<String> senderPath,
                       LocalDate from, LocalDate to, String periodLabel, boolean fullId, Map<String, Integer> counts,
                       Map<String, Long> totals, List<Entry> entries) {

    /** One data file inside the package. */
    public record Entry(String name, int records, String sha256) {
    }

    public int count(Kind k) {
        return counts.getOrDefault(k.code, 0);
    }

    /** "2026-01-01 至 2026-06-30". */
    public String periodText() {
        return (periodLabel == null || periodLabel.isBlank() ? "" : periodLabel + "（") + from + " 至 " + to
                + (periodLabel == null || periodLabel.isBlank() ? "" : "）");
    }
}
