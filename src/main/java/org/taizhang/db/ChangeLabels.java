package org.taizhang.db;

import java.util.Map;

/**
 * The Chinese names of the logged tables and their columns, as 最近的修改 (window and command line)
 * shows them: 活动 / 开始日期, never {@code activity} / {@code start_date}.
 */
public final class ChangeLabels {
    private static final Map<String, String> TABLES = Map.ofEntries(Map.entry("org", "组织"), Map.entry("person", "人员"),
            Map.entry("membership", "成员关系"), Map.entry("activity", "活动"), Map.entry("activity_coorg", "联合举办"),
            Map.entry("honor", "荣誉"), Map.entry("plan", "计划"), Map.entry("plan_item", "计划事项"),
            Map.entry("summary", "总结"), Map.entry("attachment", "附件"), Map.entry("org_type", "组织类型"),
            Map.entry("activity_category", "活动类别"), Map.entry("app_setting", "设置"),
            Map.entry("summary_theme", "总结主题"), Map.entry("summary_theme_category", "总结主题的类别"));

    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("id", "编号"), Map.entry("parent_id", "上级"), Map.entry("name", "名称"), Map.entry("type_id", "类型"),
            Map.entry("founded_on", "成立日期"), Map.entry("term_years", "每届任期（年）"), Map.entry("last_election_on", "上次换届"),
            Map.entry("contact_person", "联系人"), Map.entry("contact_phone", "联系电话"), Map.entry("note", "备注"),
            Map.entry("sort_order", "排序"), Map.entry("created_at", "创建时间"), Map.entry("updated_at", "修改时间"),
            Map.entry("id_number", "身份证号"), Map.entry("gender", "性别"), Map.entry("birth_date", "出生日期"),
            Map.entry("phone", "联系电话"), Map.entry("political_status", "政治面貌"), Map.entry("person_id", "人员"),
            Map.entry("org_id", "组织"), Map.entry("role", "职务"), Map.entry("joined_on", "加入日期"), Map.entry("left_on", "离开日期"),
            Map.entry("active", "启用"), Map.entry("start_date", "开始日期"), Map.entry("end_date", "结束日期"),
            Map.entry("category_id", "类别"), Map.entry("participants", "参与人次"), Map.entry("service_tenths", "服务时长（0.1小时）"),
            Map.entry("beneficiaries", "惠及人数"), Map.entry("place", "地点"), Map.entry("description", "内容简介"),
            Map.entry("highlight", "亮点"), Map.entry("planned", "计划中"), Map.entry("activity_id", "活动"),
            Map.entry("honor_date", "获得日期"), Map.entry("title", "标题"), Map.entry("level", "级别"), Map.entry("kind", "集体/个人"),
            Map.entry("issuer", "颁发单位"), Map.entry("owner_kind", "所属记录类型"), Map.entry("owner_id", "所属记录"),
            Map.entry("file_name", "文件名"), Map.entry("mime_type", "文件类型"), Map.entry("size_bytes", "大小（字节）"),
            Map.entry("sha256", "校验码"), Map.entry("content", "内容"), Map.entry("added_at", "添加时间"),
            Map.entry("period_from", "时段开始"), Map.entry("period_to", "时段结束"), Map.entry("period_label", "时段"),
            Map.entry("copied_from_id", "复制自"), Map.entry("plan_id", "所属计划"), Map.entry("lead", "要点"), Map.entry("body", "正文"),
            Map.entry("owner_org_id", "责任组织"), Map.entry("due_date", "完成期限"), Map.entry("status", "状态"),
            Map.entry("target_metric", "目标指标"), Map.entry("target_category_id", "目标活动类别"), Map.entry("target_value", "目标值"),
            Map.entry("carried_over", "上期结转"), Map.entry("template", "模板"), Map.entry("default_term_years", "默认任期（年）"),
            Map.entry("key", "名称"), Map.entry("value", "值"), Map.entry("heading", "标题"), Map.entry("with_honors", "写入荣誉"),
            Map.entry("with_org_work", "写入组织工作"), Map.entry("theme_id", "所属主题"));

    private ChangeLabels() {
    }

    /** 活动 for {@code activity}; an unknown table keeps its name. */
    public static String table(String table) {
        return TABLES.getOrDefault(table, table);
    }

    /** 开始日期 for {@code start_date}; an unknown column keeps its name. */
    public static String column(String column) {
        return COLUMNS.getOrDefault(column, column);
    }

    /** Whether {@code column} has a Chinese name (a test checks every column of every table the change log names). */
    public static boolean knows(String column) {
        return COLUMNS.containsKey(column);
    }
}
