package org.taizhang.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.taizhang.common.Numbers;
import org.taizhang.common.UserException;

/**
 * The outline of a plan being edited: sections 一、 → subsections （一） → items 一是. Three levels
 * at most. Every change (add, edit, delete, move up/down, indent/outdent) can be undone and redone.
 *
 * <p>The kind of a node follows from where it stands: top level = section; second level = subsection
 * when it has children, otherwise an item; third level = item. Numbers are derived, never stored.
 */
public final class PlanOutline {
    public static final int MAX_DEPTH = 2;
    private static final int UNDO_LIMIT = 200;

    /** Section 一、, subsection （一）, item 一是. */
    public enum Kind {
        SECTION, SUBSECTION, ITEM
    }

    /** One line of the outline in display order. */
    public record Line(PlanNode node, int depth, Kind kind, String number) {
    }

    private List<PlanNode> roots = new ArrayList<>();
    private final Deque<List<PlanNode>> undo = new ArrayDeque<>();
    private final Deque<List<PlanNode>> redo = new ArrayDeque<>();
    private long nextKey = 1;
    private boolean dirty;
    /** Counts changes, so a save of an older snapshot does not mark newer edits as saved. */
    private long version;

    public PlanOutline() {
    }

    /**
     * An independent copy of the outline as it is now (same keys and row ids), to be saved on another
     * thread while this one goes on being edited. Hand it back to {@link #saved(PlanOutline)} afterwards.
     */
    public PlanOutline snapshot() {
        PlanOutline c = new PlanOutline();
        c.roots = snapshotRoots();
        c.nextKey = nextKey;
        c.version = version;
        c.dirty = dirty;
        return c;
    }

    /**
     * Takes over the row ids the saved {@code copy} got (new lines now have their rows, also in the
     * undo history); the outline is clean unless it was edited after the snapshot was taken.
     */
    public void saved(PlanOutline copy) {
        java.util.Map<Long, Integer> ids = new java.util.HashMap<>();
        for (Line l : copy.lines()) {
            ids.put(l.node().key(), l.node().id());
        }
        adoptIds(roots, ids);
        undo.forEach(level -> adoptIds(level, ids));
        redo.forEach(level -> adoptIds(level, ids));
        if (copy.version == version) {
            dirty = false;
        }
    }

    private static void adoptIds(List<PlanNode> nodes, java.util.Map<Long, Integer> ids) {
        for (PlanNode n : nodes) {
            if (ids.containsKey(n.key())) {
                n.setId(ids.get(n.key()));
            }
            adoptIds(n.children, ids);
        }
    }

    /** Builds from stored rows without recording undo steps (used when loading). */
    PlanNode load(PlanNode parent, Integer id, ItemFields fields) {
        PlanNode n = new PlanNode(nextKey++, id, fields);
        (parent == null ? roots : parent.children).add(n);
        return n;
    }

    public List<PlanNode> roots() {
        return java.util.Collections.unmodifiableList(roots);
    }

    public boolean isEmpty() {
        return roots.isEmpty();
    }

    /** Changed since loading or the last {@link #markSaved()}. */
    public boolean dirty() {
        return dirty;
    }

    public void markSaved() {
        dirty = false;
    }

    // ------------------------------------------------------------------ lookup

    public PlanNode find(long key) {
        for (Line l : lines()) {
            if (l.node().key() == key) {
                return l.node();
            }
        }
        throw new UserException("计划中没有这一条（可能已被删除）");
    }

    /** The parent, or null for a section. */
    public PlanNode parentOf(long key) {
        return parentIn(null, roots, key);
    }

    private static PlanNode parentIn(PlanNode parent, List<PlanNode> list, long key) {
        for (PlanNode n : list) {
            if (n.key() == key) {
                return parent;
            }
            PlanNode p = parentIn(n, n.children, key);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private List<PlanNode> siblingsOf(long key) {
        find(key);
        PlanNode p = parentOf(key);
        return p == null ? roots : p.children;
    }

    public int depth(long key) {
        int d = 0;
        PlanNode p = parentOf(key);
        while (p != null) {
            d++;
            p = parentOf(p.key());
        }
        return d;
    }

    /** Every node depth-first with its kind and number (一、 / （一） / 一是). */
    public List<Line> lines() {
        List<Line> out = new ArrayList<>();
        collect(roots, 0, out);
        return out;
    }

    private static void collect(List<PlanNode> list, int depth, List<Line> out) {
        int sections = 0;
        int subsections = 0;
        int items = 0;
        for (PlanNode n : list) {
            Kind k = kind(n, depth);
            String number = switch (k) {
                case SECTION -> Numbers.ordinal(++sections) + "、";
                case SUBSECTION -> "（" + Numbers.ordinal(++subsections) + "）";
                case ITEM -> Numbers.shi(++items);
            };
            out.add(new Line(n, depth, k, number));
            collect(n.children, depth + 1, out);
        }
    }

    static Kind kind(PlanNode n, int depth) {
        if (depth == 0) {
            return Kind.SECTION;
        }
        if (depth == 1 && !n.children.isEmpty()) {
            return Kind.SUBSECTION;
        }
        return Kind.ITEM;
    }

    public Kind kindOf(long key) {
        return kind(find(key), depth(key));
    }

    /** Items (not headings) in display order. */
    public List<Line> items() {
        return lines().stream().filter(l -> l.kind() == Kind.ITEM).toList();
    }

    // ------------------------------------------------------------------ undo / redo

    private List<PlanNode> snapshotRoots() {
        List<PlanNode> copy = new ArrayList<>();
        for (PlanNode n : roots) {
            copy.add(n.deepCopy());
        }
        return copy;
    }

    private void remember() {
        undo.push(snapshotRoots());
        if (undo.size() > UNDO_LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        dirty = true;
        version++;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public boolean undo() {
        if (undo.isEmpty()) {
            return false;
        }
        redo.push(snapshotRoots());
        roots = undo.pop();
        dirty = true;
        version++;
        return true;
    }

    public boolean redo() {
        if (redo.isEmpty()) {
            return false;
        }
        undo.push(snapshotRoots());
        roots = redo.pop();
        dirty = true;
        version++;
        return true;
    }

    // ------------------------------------------------------------------ editing

    /** Adds a section at the end. */
    public PlanNode addSection(ItemFields f) {
        remember();
        PlanNode n = new PlanNode(nextKey++, null, f);
        roots.add(n);
        return n;
    }

    /** Adds {@code f} as the last child of {@code parentKey}. */
    public PlanNode addChild(long parentKey, ItemFields f) {
        PlanNode parent = find(parentKey);
        if (depth(parentKey) >= MAX_DEPTH) {
            throw new UserException("计划最多三级（一、→（一）→一是），这一条下面不能再加下级；请在它后面加同级条目");
        }
        remember();
        PlanNode n = new PlanNode(nextKey++, null, f);
        parent.children.add(n);
        return n;
    }

    /** Adds {@code f} right after {@code siblingKey}, at the same level. */
    public PlanNode addAfter(long siblingKey, ItemFields f) {
        List<PlanNode> sib = siblingsOf(siblingKey);
        int at = indexOf(sib, siblingKey);
        remember();
        PlanNode n = new PlanNode(nextKey++, null, f);
        sib.add(at + 1, n);
        return n;
    }

    public void edit(long key, ItemFields f) {
        PlanNode n = find(key);
        if (n.fields().equals(f)) {
            return;
        }
        remember();
        find(key).setFields(f);
    }

    /** Deletes the node and everything under it. */
    public void delete(long key) {
        List<PlanNode> sib = siblingsOf(key);
        remember();
        sib.remove(indexOf(sib, key));
    }

    private static int indexOf(List<PlanNode> list, long key) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).key() == key) {
                return i;
            }
        }
        throw new UserException("计划中没有这一条（可能已被删除）");
    }

    /** Alt+↑: swaps with the previous sibling; false (nothing changed) at the top. */
    public boolean moveUp(long key) {
        List<PlanNode> sib = siblingsOf(key);
        int i = indexOf(sib, key);
        if (i == 0) {
            return false;
        }
        remember();
        sib.add(i - 1, sib.remove(i));
        return true;
    }

    /** Alt+↓: swaps with the next sibling; false at the bottom. */
    public boolean moveDown(long key) {
        List<PlanNode> sib = siblingsOf(key);
        int i = indexOf(sib, key);
        if (i == sib.size() - 1) {
            return false;
        }
        remember();
        sib.add(i + 1, sib.remove(i));
        return true;
    }

    /** Tab: becomes the last child of the previous sibling; false when there is none or it would be too deep. */
    public boolean indent(long key) {
        List<PlanNode> sib = siblingsOf(key);
        int i = indexOf(sib, key);
        if (i == 0) {
            return false;
        }
        PlanNode n = sib.get(i);
        if (depth(key) + 1 + n.height() > MAX_DEPTH) {
            return false;
        }
        remember();
        sib.remove(i);
        sib.get(i - 1).children.add(n);
        return true;
    }

    /** Shift+Tab: moves right after its parent, one level up; false for a section. */
    public boolean outdent(long key) {
        PlanNode parent = parentOf(key);
        if (parent == null) {
            return false;
        }
        List<PlanNode> upper = siblingsOf(parent.key());
        int at = indexOf(upper, parent.key());
        remember();
        PlanNode n = parent.children.remove(indexOf(parent.children, key));
        upper.add(at + 1, n);
        return true;
    }

    /** Moves {@code key} to position {@code index} under {@code newParentKey} (null = top level), for drag and drop. */
    public boolean moveTo(long key, Long newParentKey, int index) {
        PlanNode n = find(key);
        if (newParentKey != null) {
            if (newParentKey == key || isBelow(n, newParentKey)) {
                return false;
            }
            if (depth(newParentKey) + 1 + n.height() > MAX_DEPTH) {
                return false;
            }
        }
        remember();
        List<PlanNode> from = siblingsOf(key);
        int oldIndex = indexOf(from, key);
        from.remove(oldIndex);
        List<PlanNode> to = newParentKey == null ? roots : find(newParentKey).children;
        if (to == from && oldIndex < index) {
            index--;
        }
        to.add(Math.max(0, Math.min(index, to.size())), n);
        return true;
    }

    private static boolean isBelow(PlanNode n, long key) {
        for (PlanNode c : n.children) {
            if (c.key() == key || isBelow(c, key)) {
                return true;
            }
        }
        return false;
    }
}
