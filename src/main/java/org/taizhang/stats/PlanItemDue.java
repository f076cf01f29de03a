package org.taizhang.stats;

import java.time.LocalDate;
import org.taizhang.common.PlanStatus;

/**
 * A work-plan item past its due date and not finished (status 未开始 or 进行中).
 *
 * @param text the item's lead (一是…) or, when empty, the start of its body
 * @param orgName the responsible organisation (the item's owner, else the plan's organisation)
 */
public record PlanItemDue(int itemId, int planId, String planTitle, String text, String orgName, LocalDate due, PlanStatus status) {
}
