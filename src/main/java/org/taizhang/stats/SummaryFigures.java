package org.taizhang.stats;

import static org.taizhang.db.jooq.Tables.ACTIVITY;
import static org.taizhang.db.jooq.Tables.ACTIVITY_CATEGORY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.taizhang.db.Database;
import org.taizhang.org.Subtree;
import org.taizhang.stats.Row;
import org.taizhang.stats.Totals;

/**
 * Activity figures by category for one subtree and period in one grouped SQL pass, without the
 * previous year and the month breakdown that {@code StatsService.byCategory} also computes: the
 * summary and the plan progress need only this period. Same rules as the statistics (start_date
 * in the period, planned activities excluded, the organisation's whole subtree), same rows (every
 * active category, plus a deactivated one that has activities); tests assert the figures are equal.
 */
public final class SummaryFigures {
    private SummaryFigures() {
    }

    public static List<Row> byCategory(Database db, int root, LocalDate from, LocalDate to) {
        return db.read(ctx -> {
            Map<Integer, Totals> now = new HashMap<>();
            for (Record r : ctx.select(ACTIVITY.CATEGORY_ID, DSL.count(), DSL.sum(ACTIVITY.PARTICIPANTS), DSL.sum(ACTIVITY.SERVICE_TENTHS),
                            DSL.sum(ACTIVITY.BENEFICIARIES)).from(ACTIVITY)
                    .where(ACTIVITY.START_DATE.between(from, to), ACTIVITY.PLANNED.eq(false), Subtree.contains(ACTIVITY.ORG_ID, root))
                    .groupBy(ACTIVITY.CATEGORY_ID).fetch()) {
                now.put(r.get(0, Integer.class), new Totals(num(r.get(1)), num(r.get(2)), num(r.get(3)), num(r.get(4))));
            }
            List<Row> out = new ArrayList<>();
            for (var c : ctx.selectFrom(ACTIVITY_CATEGORY).orderBy(ACTIVITY_CATEGORY.SORT_ORDER, ACTIVITY_CATEGORY.ID).fetch()) {
                boolean active = Boolean.TRUE.equals(c.getActive());
                if (!active && !now.containsKey(c.getId())) {
                    continue;
                }
                out.add(new Row(String.valueOf(c.getId()), c.getId(), c.getName(), active ? null : "已停用",
                        now.getOrDefault(c.getId(), Totals.ZERO), null));
            }
            return out;
        });
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
