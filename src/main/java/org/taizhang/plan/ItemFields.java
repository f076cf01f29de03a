package org.taizhang.plan;

import java.time.LocalDate;
import org.taizhang.common.PlanStatus;

/**
 * The editable content of one outline node. For a heading (一、/（一）) only {@code lead} (the heading
 * text) matters; an item has a bold lead phrase and body text, and may have a responsible
 * organisation, due date, status and a measurable target ({@code targetValue} of {@code metric},
 * optionally narrowed to activity category {@code targetCategoryId}).
 */
public record ItemFields(String lead, String body, Integer ownerOrgId, LocalDate dueDate, PlanStatus status,
                         TargetMetric metric, Integer targetCategoryId, Integer targetValue, boolean carriedOver) {
    public ItemFields {
        status = status == null ? PlanStatus.NOT_STARTED : status;
    }

    public static ItemFields heading(String text) {
        return new ItemFields(text, null, null, null, PlanStatus.NOT_STARTED, null, null, null, false);
    }

    public static ItemFields item(String lead, String body) {
        return new ItemFields(lead, body, null, null, PlanStatus.NOT_STARTED, null, null, null, false);
    }

    public ItemFields withLead(String v) {
        return new ItemFields(v, body, ownerOrgId, dueDate, status, metric, targetCategoryId, targetValue, carriedOver);
    }

    public ItemFields withBody(String v) {
        return new ItemFields(lead, v, ownerOrgId, dueDate, status, metric, targetCategoryId, targetValue, carriedOver);
    }

    public ItemFields withOwner(Integer v) {
        return new ItemFields(lead, body, v, dueDate, status, metric, targetCategoryId, targetValue, carriedOver);
    }

    public ItemFields withDue(LocalDate v) {
        return new ItemFields(lead, body, ownerOrgId, v, status, metric, targetCategoryId, targetValue, carriedOver);
    }

    public ItemFields withStatus(PlanStatus v) {
        return new ItemFields(lead, body, ownerOrgId, dueDate, v, metric, targetCategoryId, targetValue, carriedOver);
    }

    public ItemFields withTarget(TargetMetric m, Integer categoryId, Integer value) {
        return new ItemFields(lead, body, ownerOrgId, dueDate, status, m, categoryId, value, carriedOver);
    }

    public ItemFields withCarriedOver(boolean v) {
        return new ItemFields(lead, body, ownerOrgId, dueDate, status, metric, targetCategoryId, targetValue, v);
    }

    public boolean hasTarget() {
        return metric != null && targetValue != null;
    }

    /** Lead and body joined, for lists: "深化思想政治引领。组织学习…". */
    public String text() {
        String l = lead == null ? "" : lead;
        String b = body == null ? "" : body;
        return (l + b).strip();
    }
}
