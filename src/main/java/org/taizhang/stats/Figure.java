package org.taizhang.stats;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Names one figure of the statistics so that {@link StatsService#behind} can list the records it
 * counts (click-through). Every figure is for a subtree root and a period given alongside.
 */
public sealed interface Figure {
    /** Short Chinese title for the list window, e.g. "活动（志愿服务，2021年5月）". */
    String title();

    /**
     * Activities (场次/人次/时长/惠及 all count the same rows), optionally narrowed to one category, one
     * month, and one direct child's subtree ({@code childOrgId}); {@code ownOnly} narrows to the
     * root's own activities (the "本级" row).
     */
    record Activities(Integer categoryId, YearMonth month, Integer childOrgId, boolean ownOnly) implements Figure {
        public static Activities all() {
            return new Activities(null, null, null, false);
        }

        @Override
        public String title() {
            return "活动";
        }
    }

    /** Honours, optionally narrowed to a level and/or kind (集体/个人). */
    record Honors(String level, String kind) implements Figure {
        @Override
        public String title() {
            return "荣誉" + (level == null && kind == null ? "" : "（" + (level == null ? "" : level) + (kind == null ? "" : kind) + "）");
        }
    }

    /** Organisations whose last 换届 lies in the period. */
    record ElectionsHeld() implements Figure {
        @Override
        public String title() {
            return "本期完成换届的组织";
        }
    }

    /** Organisations founded in the period. */
    record Founded() implements Figure {
        @Override
        public String title() {
            return "本期新成立的组织";
        }
    }

    /** 换届 overdue at {@code asOf} (overdue = true) or due from asOf within {@code months} months. */
    record ElectionsDue(LocalDate asOf, int months, boolean overdue) implements Figure {
        @Override
        public String title() {
            return overdue ? "换届已逾期的组织" : "近 " + months + " 个月内应换届的组织";
        }
    }

    /** People with a membership in the subtree on the first (atStart) or last day of the period. */
    record Members(boolean atStart) implements Figure {
        @Override
        public String title() {
            return atStart ? "期初成员" : "期末成员";
        }
    }

    /** Memberships that began (joined = true) or ended in the period. */
    record MemberChanges(boolean joined) implements Figure {
        @Override
        public String title() {
            return joined ? "本期加入的成员" : "本期离开的成员";
        }
    }

    /** 共青团员 of the subtree who turn 28 in the period. */
    record AgeOuts() implements Figure {
        @Override
        public String title() {
            return "本期年满28周岁的共青团员（超龄离团）";
        }
    }

    /** People with no membership valid on the last day of the period (not limited to the subtree). */
    record WithoutOrg() implements Figure {
        @Override
        public String title() {
            return "没有有效组织关系的人员";
        }
    }
}
