package org.taizhang.honor;

import java.util.Arrays;
import java.util.List;
import org.taizhang.common.Texts;

/**
 * Whether an honour went to an organisation (集体) or a person (个人). {@link #label} is the text the clerk
 * reads and the value the {@code honor.kind} column holds; this enum is its one home.
 */
public enum HonorKind {
    COLLECTIVE("集体"), INDIVIDUAL("个人");

    private static final List<String> LABELS = Arrays.stream(values()).map(k -> k.label).toList();

    public final String label;

    HonorKind(String label) {
        this.label = label;
    }

    /** 集体, 个人 */
    public static List<String> labels() {
        return LABELS;
    }

    /** The kind whose label is exactly {@code label}; null if none. */
    public static HonorKind ofLabel(String label) {
        for (HonorKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        return null;
    }

    /** A kind as people write it (集体, 团体, 单位, 个人 …); null if blank or unknown. */
    public static HonorKind parse(String text) {
        String s = Texts.compactCode(text);
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (s.startsWith("集体") || s.equals("团体") || s.equals("单位")) {
            return COLLECTIVE;
        }
        if (s.startsWith("个人") || s.equals("个体")) {
            return INDIVIDUAL;
        }
        return null;
    }

    /** True when {@code label} is this kind's label. */
    public boolean is(String label) {
        return this.label.equals(label);
    }

    @Override
    public String toString() {
        return label;
    }
}
