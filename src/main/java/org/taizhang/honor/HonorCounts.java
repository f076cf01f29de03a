package org.taizhang.honor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Honours counted by level × kind, levels in {@link HonorService#LEVELS} order. */
public record HonorCounts(Map<String, int[]> byLevel) {
    /** Count for one cell; {@code kind} is 集体 or 个人. */
    public int get(String level, String kind) {
        int[] c = byLevel.get(level);
        return c == null ? 0 : c[HonorService.COLLECTIVE.equals(kind) ? 0 : 1];
    }

    public int collective() {
        return byLevel.values().stream().mapToInt(c -> c[0]).sum();
    }

    public int individual() {
        return byLevel.values().stream().mapToInt(c -> c[1]).sum();
    }

    public int total() {
        return collective() + individual();
    }

    /** "国家级集体 1 项；省级集体 5 项、个人 6 项；市级个人 2 项" — the line a summary quotes; "无" when empty. */
    public String line() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, int[]> e : byLevel.entrySet()) {
            int[] c = e.getValue();
            if (c[0] == 0 && c[1] == 0) {
                continue;
            }
            List<String> p = new ArrayList<>();
            if (c[0] > 0) {
                p.add(HonorService.COLLECTIVE + " " + c[0] + " 项");
            }
            if (c[1] > 0) {
                p.add(HonorService.INDIVIDUAL + " " + c[1] + " 项");
            }
            parts.add(e.getKey() + String.join("、", p));
        }
        return parts.isEmpty() ? "无" : String.join("；", parts);
    }

    static HonorCounts empty() {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (String l : HonorService.LEVELS) {
            m.put(l, new int[2]);
        }
        return new HonorCounts(m);
    }
}
