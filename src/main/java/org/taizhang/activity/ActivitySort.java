package org.taizhang.activity;

/** Columns an activity list can be sorted by. */
public enum ActivitySort {
    DATE, NAME, ORG, CATEGORY, PARTICIPANTS, HOURS, BENEFICIARIES
}
