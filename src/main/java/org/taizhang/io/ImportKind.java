package org.taizhang.io;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.taizhang.common.UserException;

/** What can be imported, with the columns each kind understands (in template order). */
public enum ImportKind {
    ORGS("orgs", "组织", List.of(
            new ImportField("name", "组织名称", true, List.of("单位名称", "名称", "组织", "单位", "组织全称"), "如 园岭社区团委"),
            new ImportField("type", "组织类型", false, List.of("类型", "组织类别", "类别", "性质"), "工会、团委、团支部、妇联…"),
            new ImportField("parent", "上级组织", false, List.of("上级单位", "隶属", "隶属于", "所属上级", "上级", "主管单位"),
                    "上级组织名称；重名时写完整路径，如 区总工会 / 园岭街道总工会"),
            new ImportField("founded", "成立日期", false, List.of("成立时间", "建立日期", "成立"), "如 2015-05-04"),
            new ImportField("term", "每届任期", false, List.of("任期", "任期（年）", "每届任期（年）", "任期年限"), "年数，1 到 10"),
            new ImportField("election", "上次换届", false, List.of("上次换届日期", "换届日期", "最近换届", "换届时间", "上次换届时间"),
                    "如 2023-05-04"),
            new ImportField("contact", "联系人", false, List.of("负责人"), ""),
            new ImportField("phone", "联系电话", false, List.of("电话", "手机号", "手机", "联系方式", "手机号码"), "手机或座机"),
            new ImportField("note", "备注", false, List.of("说明"), ""))),
    PEOPLE("people", "人员", List.of(
            new ImportField("name", "姓名", true, List.of("名字", "人员姓名"), ""),
            new ImportField("idNumber", "身份证号", false, List.of("公民身份号码", "身份证号码", "身份证", "证件号码", "证件号"),
                    "18位，请把单元格设为“文本”格式"),
            new ImportField("gender", "性别", false, List.of(), "无身份证号时填写"),
            new ImportField("birth", "出生日期", false, List.of("出生年月", "生日", "出生年月日"), "无身份证号时填写"),
            new ImportField("phone", "联系电话", false, List.of("手机号", "手机", "电话", "手机号码", "联系方式"), ""),
            new ImportField("political", "政治面貌", false, List.of("政治身份"), "中共党员、共青团员、群众…"),
            new ImportField("org", "所属组织", true, List.of("组织", "组织名称", "单位", "单位名称", "所在组织", "所在单位", "所属单位"),
                    "组织名称；重名时写完整路径"),
            new ImportField("role", "职务", false, List.of("职位", "角色", "担任职务", "身份"), "默认 会员"),
            new ImportField("joined", "加入日期", false, List.of("入会日期", "入团日期", "加入时间", "入会时间"), ""),
            new ImportField("note", "备注", false, List.of("说明"), ""))),
    ACTIVITIES("activities", "活动", List.of(
            new ImportField("date", "日期", true, List.of("活动日期", "时间", "活动时间", "开始日期", "举办日期"), "如 2021-03-05"),
            new ImportField("endDate", "结束日期", false, List.of("截止日期", "结束时间"), "多日活动填写"),
            new ImportField("name", "活动名称", true, List.of("名称", "活动", "活动主题", "主题"), ""),
            new ImportField("org", "主办组织", true, List.of("组织", "组织名称", "主办单位", "单位", "举办单位", "承办单位", "所属组织"),
                    "组织名称；重名时写完整路径"),
            new ImportField("coOrgs", "协办组织", false, List.of("协办单位", "联合举办"), "多个用、分隔"),
            new ImportField("category", "类别", true, List.of("活动类别", "分类", "活动类型", "类型"), "学习教育、志愿服务…"),
            new ImportField("participants", "参与人次", false, List.of("参加人数", "参与人数", "人次", "参加人次"), "整数"),
            new ImportField("hours", "服务时长（小时）", false, List.of("服务时长", "时长（小时）", "时长", "志愿服务时长", "服务时数"),
                    "全部人次合计的小时数，最多一位小数"),
            new ImportField("beneficiaries", "惠及人数", false, List.of("受益人数", "服务人数", "惠及群众"), "整数"),
            new ImportField("place", "地点", false, List.of("活动地点", "地址"), ""),
            new ImportField("description", "活动简介", false, List.of("活动内容", "内容", "简介", "描述"), ""),
            new ImportField("highlight", "亮点", false, List.of("是否亮点", "亮点工作"), "是/否"),
            new ImportField("planned", "计划", false, List.of("是否计划", "计划中"), "是/否（尚未举办的计划活动）"))),
    HONORS("honors", "荣誉", List.of(
            new ImportField("date", "获得日期", true, List.of("日期", "授予日期", "时间", "获奖日期", "获得时间"), "如 2021-03-05"),
            new ImportField("title", "荣誉名称", true, List.of("荣誉", "名称", "称号", "荣誉称号", "奖项"), ""),
            new ImportField("level", "级别", true, List.of("荣誉级别", "层级"), "国家级、省级、市级、区/县级、街道/乡镇级、单位内部"),
            new ImportField("kind", "集体/个人", true, List.of("类型", "类别", "荣誉类型", "集体或个人"), "集体 或 个人"),
            new ImportField("org", "组织", true, List.of("获奖组织", "所属组织", "组织名称", "单位", "获奖单位"), "组织名称；重名时写完整路径"),
            new ImportField("person", "获奖人", false, List.of("姓名", "个人", "获奖个人"), "个人荣誉填写姓名或 #编号"),
            new ImportField("idNumber", "身份证号", false, List.of("公民身份号码", "身份证号码", "证件号码"), "个人荣誉、重名时填写"),
            new ImportField("issuer", "颁发单位", false, List.of("授予单位", "颁发机关", "表彰单位", "发文单位"), ""),
            new ImportField("note", "备注", false, List.of("说明"), "")));

    private final String code;
    private final String label;
    private final List<ImportField> fields;

    ImportKind(String code, String label, List<ImportField> fields) {
        this.code = code;
        this.label = label;
        this.fields = fields;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public List<ImportField> fields() {
        return fields;
    }

    public Optional<ImportField> field(String keyOrLabel) {
        String n = ColumnMapping.normalise(keyOrLabel);
        return fields.stream().filter(f -> f.key().equalsIgnoreCase(keyOrLabel) || ColumnMapping.normalise(f.label()).equals(n))
                .findFirst().or(() -> fields.stream()
                        .filter(f -> f.synonyms().stream().anyMatch(s -> ColumnMapping.normalise(s).equals(n))).findFirst());
    }

    /** orgs / people / activities / honors, also 组织 / 人员 / 活动 / 荣誉 and singular forms. */
    public static ImportKind parse(String s) {
        String n = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        for (ImportKind k : values()) {
            if (k.code.equals(n) || k.label.equals(n) || (k.code.endsWith("s") && k.code.substring(0, k.code.length() - 1).equals(n))
                    || k.name().equalsIgnoreCase(n)) {
                return k;
            }
        }
        if (n.equals("person") || n.equals("roster")) {
            return PEOPLE;
        }
        if (n.equals("honours") || n.equals("honour")) {
            return HONORS;
        }
        throw new UserException("不认识“" + s + "”，可选：orgs（组织）、people（人员）、activities（活动）、honors（荣誉）");
    }

    @Override
    public String toString() {
        return label;
    }
}
