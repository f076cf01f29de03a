package org.taizhang.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * One node of a plan outline. {@code key} identifies the node in memory for its whole life (also
 * across undo/redo); {@code id} is its plan_item row, null until saved.
 */
public final class PlanNode {
    private final long key;
    private Integer id;
    private ItemFields fields;
    final List<PlanNode> children = new ArrayList<>();

    PlanNode(long key, Integer id, ItemFields fields) {
        this.key = key;
        this.id = id;
        this.fields = fields;
    }

    public long key() {
        return key;
    }

    public Integer id() {
        return id;
    }

    void setId(Integer id) {
        this.id = id;
    }

    public ItemFields fields() {
        return fields;
    }

    void setFields(ItemFields f) {
        this.fields = f;
    }

    public List<PlanNode> children() {
        return java.util.Collections.unmodifiableList(children);
    }

    /** Levels below this node (0 for a leaf). */
    int height() {
        int h = 0;
        for (PlanNode c : children) {
            h = Math.max(h, 1 + c.height());
        }
        return h;
    }

    PlanNode deepCopy() {
        PlanNode n = new PlanNode(key, id, fields);
        for (PlanNode c : children) {
            n.children.add(c.deepCopy());
        }
        return n;
    }

    @Override
    public String toString() {
        return fields.text();
    }
}
