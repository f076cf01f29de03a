package org.taizhang.plan;

import java.time.LocalDate;

/** What the user types for a new plan or a changed header; {@code periodLabel} may be null (derived). */
public record PlanInput(Integer orgId, String title, LocalDate from, LocalDate to, String periodLabel) {
}
