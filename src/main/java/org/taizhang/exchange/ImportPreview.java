package org.taizhang.exchange;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What importing a package would do (or did): every record with its outcome, for the sender's subtree
 * and period.
 *
 * @param rootOrgId the receiver's organisation matched to the sender's root
 * @param rootPath its path in the receiver's tree
 * @param alreadyImported this very package (same package id) was applied before
 * @param newAttachments attached files in the package that the receiver does not have yet
 */
public record ImportPreview(String fileName, Manifest manifest, int rootOrgId, String rootPath, boolean alreadyImported,
                           List<Item> items, int newAttachments) {

    /** What happens to one record. */
    public enum Op {
        ADD("新增"), CHANGE("修改"), REMOVE("删除"), CONFLICT("冲突"), SAME("无变化");

        public final String label;

        Op(String label) {
            this.label = label;
        }
    }

    /**
     * One record: its kind, outcome, uid, the receiver's id (null for a new one), a readable label
     * ("2026-03-05 学雷锋志愿服务") and, for a conflict or a kept record, why.
     */
    public record Item(Kind kind, Op op, String uid, Integer localId, String label, String reason) {
    }

    public long count(Op op) {
        return items.stream().filter(i -> i.op() == op).count();
    }

    public long count(Kind kind, Op op) {
        return items.stream().filter(i -> i.kind() == kind && i.op() == op).count();
    }

    /** Records that would change anything (everything but {@link Op#SAME} and conflicts). */
    public boolean hasChanges() {
        return newAttachments > 0 || items.stream().anyMatch(i -> i.op() == Op.ADD || i.op() == Op.CHANGE || i.op() == Op.REMOVE);
    }

    public List<Item> of(Op op) {
        return items.stream().filter(i -> i.op() == op).toList();
    }

    /** Counts per kind and outcome, for tables. */
    public Map<Kind, Map<Op, Long>> table() {
        Map<Kind, Map<Op, Long>> t = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            Map<Op, Long> row = new EnumMap<>(Op.class);
            for (Op op : Op.values()) {
                row.put(op, count(k, op));
            }
            t.put(k, row);
        }
        return t;
    }

    /** "新增 12，修改 3，删除 1，冲突 0". */
    public String summary() {
        return "新增 " + count(Op.ADD) + "，修改 " + count(Op.CHANGE) + "，删除 " + count(Op.REMOVE) + "，冲突 " + count(Op.CONFLICT)
                + "，无变化 " + count(Op.SAME) + (newAttachments > 0 ? "；新附件 " + newAttachments + " 个" : "");
    }
}
