package org.taizhang.honor;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.taizhang.common.Texts;

/**
 * The level of an honour, highest first. {@link #label} is the text the clerk reads and the value the
 * {@code honor.level} column holds (its CHECK constraint lists the same six); this enum is its one home.
 */
public enum HonorLevel {
    NATIONAL("国家级"), PROVINCIAL("省级"), CITY("市级"), DISTRICT("区/县级"), SUBDISTRICT("街道/乡镇级"), INTERNAL("单位内部");

    private static final List<String> LABELS = Arrays.stream(values()).map(l -> l.label).toList();

    public final String label;

    HonorLevel(String label) {
        this.label = label;
    }

    /** Every level's label, highest first. */
    public static List<String> labels() {
        return LABELS;
    }

    /** The level whose label is exactly {@code label}; null if none. */
    public static HonorLevel ofLabel(String label) {
        for (HonorLevel l : values()) {
            if (l.label.equals(label)) {
                return l;
            }
        }
        return null;
    }

    /** A level as people write it (全国, 省, 区级, 县级, 街道级 …); null if blank or unknown. */
    public static HonorLevel parse(String text) {
        String s = Texts.compactCode(text);
        if (s == null || s.isEmpty()) {
            return null;
        }
        HonorLevel exact = ofLabel(s);
        if (exact != null) {
            return exact;
        }
        s = s.replace("（", "(").toLowerCase(Locale.ROOT);
        if (s.startsWith("国家") || s.startsWith("全国") || s.startsWith("中央")) {
            return NATIONAL;
        }
        if (s.startsWith("省") || s.startsWith("自治区") || s.startsWith("直辖市")) {
            return PROVINCIAL;
        }
        if (s.startsWith("市") || s.startsWith("地市")) {
            return CITY;
        }
        if (s.startsWith("区") || s.startsWith("县") || s.equals("区县级") || s.equals("区/县")) {
            return DISTRICT;
        }
        if (s.startsWith("街道") || s.startsWith("乡镇") || s.startsWith("镇") || s.startsWith("乡")) {
            return SUBDISTRICT;
        }
        if (s.startsWith("单位") || s.contains("内部") || s.startsWith("系统内")) {
            return INTERNAL;
        }
        return null;
    }

    @Override
    public String toString() {
        return label;
    }
}
