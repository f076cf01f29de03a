package org.taizhang.stats;

import java.util.List;

/**
 * Everything the statistics tab, the CLI and the summary composer show for one subtree and period,
 * with the same period of the previous year alongside (同比).
 *
 * @param rootOrgId null when the report covers every organisation
 * @param byCategory the categories with activities in the period or the previous one (deactivated ones noted);
 *     every active category too when asked for all categories
 * @param byMonth every month the period touches, in order
 * @param byChildOrg "本级" (the root's own activities) first, then each direct child with its whole subtree
 */
public record Report(Integer rootOrgId, String rootName, Period period, Period previousPeriod, Totals totals,
                     Totals previousTotals, List<Row> byCategory, List<Row> byMonth, List<Row> byChildOrg,
                     HonorTable honors, HonorTable previousHonors, OrgWork orgWork) {
    public Change change(Totals.Metric m) {
        return new Change(totals.get(m), previousTotals.get(m));
    }

    public Change honorChange(String level, String kind) {
        return new Change(honors.count(level, kind), previousHonors.count(level, kind));
    }
}
