package org.taizhang.activity;

import java.time.LocalDate;

/**
 * Which activities a list or a total covers. Every part is optional (null = no restriction):
 * {@code from}/{@code to} bound the start date (inclusive), {@code orgRootId} selects that
 * organisation and its whole subtree, {@code text} matches name, place or description.
 */
public record ActivityFilter(LocalDate from, LocalDate to, Integer orgRootId, Integer categoryId, String text,
                             boolean highlightOnly) {
    public static final ActivityFilter ALL = new ActivityFilter(null, null, null, null, null, false);

    public ActivityFilter(LocalDate from, LocalDate to, Integer orgRootId, Integer categoryId, String text) {
        this(from, to, orgRootId, categoryId, text, false);
    }

    public ActivityFilter withPeriod(LocalDate f, LocalDate t) {
        return new ActivityFilter(f, t, orgRootId, categoryId, text, highlightOnly);
    }

    public ActivityFilter withOrg(Integer root) {
        return new ActivityFilter(from, to, root, categoryId, text, highlightOnly);
    }

    public ActivityFilter withCategory(Integer c) {
        return new ActivityFilter(from, to, orgRootId, c, text, highlightOnly);
    }

    public ActivityFilter withText(String t) {
        return new ActivityFilter(from, to, orgRootId, categoryId, t, highlightOnly);
    }

    public ActivityFilter withHighlightOnly(boolean h) {
        return new ActivityFilter(from, to, orgRootId, categoryId, text, h);
    }
}
