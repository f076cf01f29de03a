package org.taizhang.org;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The organisation list arranged as a tree in memory, for display and filtering (not for statistics). */
public final class OrgTree {
    /** A node in depth-first order with its depth below the listing's root. */
    public record Line(Org org, int depth) {
    }

    private final Map<Integer, Org> byId = new HashMap<>();
    private final Map<Integer, List<Org>> children = new HashMap<>();
    private final List<Org> roots = new ArrayList<>();

    public OrgTree(List<Org> orgs) {
        for (Org o : orgs) {
            byId.put(o.id(), o);
        }
        for (Org o : orgs) {
            if (o.parentId() == null || !byId.containsKey(o.parentId())) {
                roots.add(o);
            } else {
                children.computeIfAbsent(o.parentId(), k -> new ArrayList<>()).add(o);
            }
        }
    }

    public List<Org> roots() {
        return roots;
    }

    public List<Org> children(int id) {
        return children.getOrDefault(id, List.of());
    }

    public Org get(int id) {
        return byId.get(id);
    }

    public int size() {
        return byId.size();
    }

    /** "示范区群团工作部 / 示范区总工会 / 园岭街道总工会" */
    public String path(int id) {
        List<String> names = new ArrayList<>();
        Org cur = byId.get(id);
        while (cur != null && names.size() < 64) {
            names.addFirst(cur.name());
            cur = cur.parentId() == null ? null : byId.get(cur.parentId());
        }
        return String.join(" / ", names);
    }

    /** Ids of {@code id} and everything below it. */
    public List<Integer> subtreeIds(int id) {
        List<Integer> out = new ArrayList<>();
        List<Integer> stack = new ArrayList<>(List.of(id));
        while (!stack.isEmpty()) {
            int cur = stack.removeLast();
            out.add(cur);
            for (Org c : children(cur)) {
                stack.add(c.id());
            }
        }
        return out;
    }

    /**
     * Depth-first lines under {@code rootId} (null = whole forest) keeping the nodes that match and
     * every ancestor of a match, so a match is always shown in its place.
     */
    public List<Line> lines(Integer rootId, Predicate<Org> match) {
        List<Line> out = new ArrayList<>();
        List<Org> start = rootId == null ? roots : byId.containsKey(rootId) ? List.of(byId.get(rootId)) : List.of();
        for (Org r : start) {
            collect(r, 0, match, out);
        }
        return out;
    }

    private boolean collect(Org o, int depth, Predicate<Org> match, List<Line> out) {
        int at = out.size();
        out.add(new Line(o, depth));
        boolean any = false;
        for (Org c : children(o.id())) {
            any |= collect(c, depth + 1, match, out);
        }
        if (!any && !match.test(o)) {
            out.remove(at);
            return false;
        }
        return true;
    }
}
