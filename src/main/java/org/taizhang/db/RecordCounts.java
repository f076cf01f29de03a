package org.taizhang.db;

/** How many organisations, people, activities and honours a database file holds (-1: not readable). */
public record RecordCounts(long orgs, long people, long activities, long honors) {
    public static final RecordCounts UNKNOWN = new RecordCounts(-1, -1, -1, -1);

    @Override
    public String toString() {
        return "组织 " + orgs + " 个，人员 " + people + " 人，活动 " + activities + " 场，荣誉 " + honors + " 项";
    }
}
