package org.taizhang.activity;

import java.util.List;

/** One page of a filtered list plus the totals of the whole filter (not just the page). */
public record ActivityPage(List<ActivityRow> rows, ActivityTotals totals) {
}
