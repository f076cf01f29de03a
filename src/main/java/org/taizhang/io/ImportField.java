package org.taizhang.io;

import java.util.ArrayList;
import java.util.List;

/**
 * One column an import understands, as an enum constant (the key code uses; never a Chinese label): the
 * Chinese label used in templates and messages, the header spellings recognised in real sheets, whether
 * a row without it is rejected, and whether a year and month alone (出生年月 1996.04) is a full value.
 */
public enum ImportField {
    ORG_NAME("组织名称", true, List.of("单位名称", "名称", "组织", "单位", "组织全称", "组织名", "基层组织名称", "团组织名称",
            "工会名称", "妇联组织名称"), "如 园岭社区团委"),
    ORG_TYPE("组织类型", false, List.of("类型", "组织类别", "类别", "性质", "组织性质", "单位类型", "组织形式"),
            "工会、团委、团支部、妇联…；表中写的其他类型也可以"),
    ORG_PARENT("上级组织", false, List.of("上级单位", "隶属", "隶属于", "所属上级", "上级", "主管单位", "上级组织名称", "上级党组织",
            "隶属组织", "上级团组织", "上级工会"), "上级组织名称；重名时写完整路径，如 区总工会 / 园岭街道总工会"),
    ORG_FOUNDED("成立日期", false, List.of("成立时间", "建立日期", "成立", "成立年月", "组建时间", "建立时间"), "如 2015-05-04 或 2015年5月", true),
    ORG_TERM("每届任期", false, List.of("任期", "任期（年）", "每届任期（年）", "任期年限", "届期", "届期（年）", "每届任期年限", "任期(年)"),
            "年数，1 到 10"),
    ORG_ELECTION("上次换届", false, List.of("上次换届日期", "换届日期", "最近换届", "换届时间", "上次换届时间", "本届换届时间",
            "本届换届日期", "最近一次换届时间", "最近换届时间", "换届年月", "本届选举时间", "选举时间"), "如 2023-05-04 或 2023年5月", true),
    ORG_CONTACT("联系人", false, List.of("负责人", "书记", "主席", "负责人姓名"), ""),
    ORG_PHONE("联系电话", false, List.of("电话", "手机号", "手机", "联系方式", "手机号码", "办公电话"), "手机或座机"),
    ORG_NOTE("备注", false, List.of("说明"), ""),

    PERSON_NAME("姓名", true, List.of("名字", "人员姓名", "团员姓名", "会员姓名", "姓 名"), ""),
    PERSON_ID("身份证号", false, List.of("公民身份号码", "身份证号码", "身份证", "证件号码", "证件号", "身份证件号码"),
            "18位，请把单元格设为“文本”格式"),
    PERSON_GENDER("性别", false, List.of(), "有身份证号时可不填"),
    PERSON_BIRTH("出生日期", false, List.of("出生年月", "生日", "出生年月日", "出生时间"), "有身份证号时可不填；可写 1996-04 这样的年月", true),
    PERSON_PHONE("联系电话", false, List.of("手机号", "手机", "电话", "手机号码", "联系方式"), ""),
    PERSON_POLITICAL("政治面貌", false, List.of("政治身份"), "中共党员、共青团员、群众…"),
    PERSON_ORG("所属组织", true, List.of("组织", "组织名称", "单位", "单位名称", "所在组织", "所在单位", "所属单位", "所在团支部",
            "所在支部", "所属团支部", "所在基层组织", "工作单位"), "组织名称；重名时写完整路径"),
    PERSON_ROLE("职务", false, List.of("职位", "角色", "担任职务", "身份", "团内职务", "会内职务"), "默认 会员"),
    PERSON_JOINED("加入日期", false, List.of("入会日期", "入团日期", "加入时间", "入会时间", "入团时间", "入团年月", "入会年月",
            "加入年月"), "可写 2015-05 这样的年月", true),
    PERSON_NOTE("备注", false, List.of("说明"), ""),

    ACT_DATE("日期", true, List.of("活动日期", "时间", "活动时间", "开始日期", "举办日期", "开展时间", "开展日期", "举办时间"),
            "如 2021-03-05"),
    ACT_END("结束日期", false, List.of("截止日期", "结束时间"), "多日活动填写"),
    ACT_NAME("活动名称", true, List.of("名称", "活动", "活动主题", "主题", "活动项目", "项目名称"), ""),
    ACT_ORG("主办组织", true, List.of("组织", "组织名称", "主办单位", "单位", "举办单位", "承办单位", "所属组织", "开展单位",
            "组织单位", "牵头单位"), "组织名称；重名时写完整路径"),
    ACT_COORGS("协办组织", false, List.of("协办单位", "联合举办", "参与单位"), "多个用、分隔"),
    ACT_CATEGORY("类别", true, List.of("活动类别", "分类", "活动类型", "类型", "活动分类", "工作类别", "类别名称"),
            "学习教育、志愿服务…；表中写的其他类别也可以"),
    ACT_PARTICIPANTS("参与人次", false, List.of("参加人数", "参与人数", "人次", "参加人次", "参与人数（人次）", "参加人员人次"), "整数"),
    ACT_HOURS("服务时长（小时）", false, List.of("服务时长", "时长（小时）", "时长", "志愿服务时长", "服务时数", "志愿时长"),
            "全部人次合计的小时数，最多一位小数"),
    ACT_BENEFICIARIES("惠及人数", false, List.of("受益人数", "服务人数", "惠及群众", "受益群众", "服务对象人数"), "整数"),
    ACT_PLACE("地点", false, List.of("活动地点", "地址", "举办地点"), ""),
    ACT_DESCRIPTION("活动简介", false, List.of("活动内容", "内容", "简介", "描述", "主要内容", "活动情况"), ""),
    ACT_HIGHLIGHT("亮点", false, List.of("是否亮点", "亮点工作", "是否为亮点"), "是/否"),
    ACT_PLANNED("计划", false, List.of("是否计划", "计划中"), "是/否（尚未举办的计划活动）"),

    HONOR_DATE("获得日期", true, List.of("日期", "授予日期", "时间", "获奖日期", "获得时间", "获奖时间", "表彰时间", "授予时间",
            "获奖年月", "表彰日期"), "如 2021-03-05 或 2021年3月", true),
    HONOR_TITLE("荣誉名称", true, List.of("荣誉", "名称", "称号", "荣誉称号", "奖项", "奖项名称", "获奖名称", "表彰名称", "获奖情况",
            "荣誉名称（奖项）"), ""),
    HONOR_LEVEL("级别", false, List.of("荣誉级别", "层级", "表彰级别", "获奖级别", "等级", "荣誉等级"),
            "国家级、省级、市级、区/县级、街道/乡镇级、单位内部；不填时按颁发单位或荣誉名称判断"),
    HONOR_KIND("集体/个人", false, List.of("类型", "类别", "荣誉类型", "集体或个人", "获奖类型", "荣誉类别", "集体个人", "个人/集体",
            "个人或集体", "获奖类别"), "集体 或 个人"),
    HONOR_ORG("组织", false, List.of("获奖组织", "获奖单位", "所属组织", "组织名称", "单位", "所在单位", "所在组织", "所属单位", "工作单位"),
            "组织名称；重名时写完整路径"),
    HONOR_AWARDEE("获奖对象", false, List.of("获得者", "获奖者", "获奖单位（个人）", "获奖单位(个人)", "获奖单位或个人", "获奖集体或个人",
            "获奖单位/个人", "获奖集体/个人", "获奖个人/集体", "表彰对象", "获奖对象名称", "获得单位（个人）", "获奖人/单位", "获奖主体"),
            "集体荣誉写组织名称，个人荣誉写姓名"),
    HONOR_PERSON("获奖人", false, List.of("姓名", "个人", "获奖个人", "获奖人姓名"), "个人荣誉填写姓名或 #编号"),
    HONOR_ID("身份证号", false, List.of("公民身份号码", "身份证号码", "证件号码"), "个人荣誉、重名时填写"),
    HONOR_ISSUER("颁发单位", false, List.of("授予单位", "颁发机关", "表彰单位", "发文单位", "颁奖单位", "授予机关", "表彰机关", "颁发部门"), ""),
    HONOR_NOTE("备注", false, List.of("说明"), "");

    private final String label;
    private final boolean required;
    private final List<String> synonyms;
    private final String hint;
    private final boolean yearMonth;

    ImportField(String label, boolean required, List<String> synonyms, String hint) {
        this(label, required, synonyms, hint, false);
    }

    ImportField(String label, boolean required, List<String> synonyms, String hint, boolean yearMonth) {
        this.label = label;
        this.required = required;
        this.synonyms = synonyms;
        this.hint = hint;
        this.yearMonth = yearMonth;
    }

    public String label() {
        return label;
    }

    public boolean required() {
        return required;
    }

    public List<String> synonyms() {
        return synonyms;
    }

    public String hint() {
        return hint;
    }

    /** Whether a year and month alone (1996.04, 1996年4月, 199604) is accepted, stored as the 1st of that month. */
    public boolean yearMonth() {
        return yearMonth;
    }

    /** A stable code for JSON output ("ORG_NAME"). */
    public String key() {
        return name();
    }

    /** The label first, then the other spellings. */
    public List<String> allNames() {
        List<String> all = new ArrayList<>();
        all.add(label);
        for (String s : synonyms) {
            if (!all.contains(s)) {
                all.add(s);
            }
        }
        return all;
    }
}
