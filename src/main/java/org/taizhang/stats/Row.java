package org.taizhang.stats;

/**
 * One line of a breakdown (by category, month, or child organisation): its key ("3" for category
 * #3, "2021-05" for a month, "17" for org #17), its label, the figures in the period and in the same
 * period of the previous year.
 *
 * @param id category or organisation id; null for months
 * @param note extra word shown after the label: "已停用" for a deactivated category, "本级" for the
 *     root organisation's own activities in the by-child table; null otherwise
 */
public record Row(String key, Integer id, String label, String note, Totals totals, Totals previous) {
    public Change change(Totals.Metric m) {
        return new Change(totals.get(m), previous == null ? 0 : previous.get(m));
    }
}
