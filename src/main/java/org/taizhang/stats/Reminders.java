package org.taizhang.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * The 待办/提醒 list at a date: overdue and upcoming 换届, 共青团员 turning 28 within the window and
 * those already past 28, people without a valid organisation, and work-plan items past due. Lists
 * are capped (see the counts for the full number).
 */
public record Reminders(LocalDate at, int months, List<ElectionDue> electionsOverdue, long electionsOverdueCount,
                        List<ElectionDue> electionsDueSoon, long electionsDueSoonCount, List<AgeOut> turning28,
                        long turning28Count, List<AgeOut> over28, long over28Count, long withoutOrgCount,
                        List<PlanItemDue> planItemsOverdue, long planItemsOverdueCount) {
    public boolean isEmpty() {
        return electionsOverdueCount == 0 && electionsDueSoonCount == 0 && turning28Count == 0 && over28Count == 0
                && withoutOrgCount == 0 && planItemsOverdueCount == 0;
    }
}
