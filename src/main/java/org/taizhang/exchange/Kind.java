package org.taizhang.exchange;

/** The record types a data package carries, in the order they are written and applied. */
public enum Kind {
    ORG("org", "orgs.jsonl", "组织", "个"),
    PERSON("person", "people.jsonl", "人员", "人"),
    MEMBERSHIP("membership", "memberships.jsonl", "成员关系", "条"),
    ACTIVITY("activity", "activities.jsonl", "活动", "条"),
    HONOR("honor", "honors.jsonl", "荣誉", "项"),
    PLAN("plan", "plans.jsonl", "工作计划", "份");

    /** The name in record_identity and in the manifest's counts. */
    public final String code;
    /** The zip entry holding these records, one JSON object per line. */
    public final String entry;
    public final String label;
    public final String unit;

    Kind(String code, String entry, String label, String unit) {
        this.code = code;
        this.entry = entry;
        this.label = label;
        this.unit = unit;
    }

    public static Kind ofCode(String code) {
        for (Kind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown kind " + code);
    }
}
