package org.taizhang.io;

import static org.taizhang.db.jooq.Tables.ORG;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.taizhang.common.Texts;

/**
 * Organisations by name for imports: a cell may hold a name (园岭社区团委), a path from any ancestor
 * down (园岭街道团工委 / 园岭社区团委, separated by / or ＞), or an id (#12). Rows of an organisation
 * import are added as provisional nodes (negative ids) whose parents are filled in as they resolve.
 */
final class OrgIndex {
    record Node(int id, String name, Integer parentId, boolean parentKnown) {
    }

    /** Outcome of resolving a reference. */
    record Lookup(Status status, int id, String message) {
        enum Status { FOUND, NOT_FOUND, AMBIGUOUS, WAIT }
    }

    private final Map<Integer, Node> nodes = new HashMap<>();
    /** Provisional sheet rows that turned out to be organisations already on file: tmp id → real id. */
    private final Map<Integer, Integer> alias = new HashMap<>();
    private final Map<String, List<Integer>> byName = new HashMap<>();

    OrgIndex(DSLContext ctx) {
        ctx.select(ORG.ID, ORG.NAME, ORG.PARENT_ID).from(ORG).fetch()
                .forEach(r -> add(new Node(r.value1(), r.value2(), r.value3(), true)));
    }

    void add(Node n) {
        nodes.put(n.id(), n);
        byName.computeIfAbsent(n.name(), k -> new ArrayList<>()).add(n.id());
    }

    void setParent(int id, Integer parentId) {
        Node n = nodes.get(id);
        nodes.put(id, new Node(id, n.name(), parentId, true));
    }

    /** The sheet row {@code tmpId} is the organisation {@code realId} already on file. */
    void alias(int tmpId, int realId) {
        alias.put(tmpId, realId);
    }

    /** Whether {@code id} is {@code ancestor} or below it. */
    boolean isWithin(int id, int ancestor) {
        Node cur = nodes.get(id);
        for (int i = 0; cur != null && i < 64; i++) {
            if (cur.id() == ancestor) {
                return true;
            }
            cur = cur.parentId() == null ? null : nodes.get(cur.parentId());
        }
        return false;
    }

    Node node(int id) {
        return nodes.get(id);
    }

    static List<String> segments(String ref) {
        String s = Texts.clean(Texts.halfWidth(ref));
        List<String> out = new ArrayList<>();
        for (String part : s.split("\\s*[/>＞›]\\s*")) {
            String p = Texts.clean(part);
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    /** "A / B / C" of a node (provisional ancestors included). */
    String path(int id) {
        List<String> names = new ArrayList<>();
        Node cur = nodes.get(id);
        while (cur != null && names.size() < 64) {
            names.addFirst(cur.name());
            cur = cur.parentId() == null ? null : nodes.get(cur.parentId());
        }
        return String.join(" / ", names);
    }

    Lookup resolve(String ref) {
        String s = Texts.clean(ref);
        if (s.startsWith("#") && s.length() > 1 && s.substring(1).chars().allMatch(Character::isDigit)) {
            int id = Integer.parseInt(s.substring(1));
            return nodes.containsKey(id) && id > 0 ? new Lookup(Lookup.Status.FOUND, id, null)
                    : new Lookup(Lookup.Status.NOT_FOUND, 0, "没有编号为 " + s + " 的组织");
        }
        List<String> seg = segments(s);
        if (seg.isEmpty()) {
            return new Lookup(Lookup.Status.NOT_FOUND, 0, "组织名称为空");
        }
        String last = seg.getLast();
        List<Integer> candidates = byName.getOrDefault(last, byName.getOrDefault(Texts.clean(s), List.of()));
        if (seg.size() > 1 && !byName.containsKey(last) && byName.containsKey(Texts.clean(s))) {
            seg = List.of(Texts.clean(s)); // a name that itself contains a slash
        }
        List<Integer> matches = new ArrayList<>();
        for (int id : candidates) {
            Boolean m = ancestorsMatch(id, seg);
            if (m == null) {
                return new Lookup(Lookup.Status.WAIT, 0, null);
            }
            int real = alias.getOrDefault(id, id);
            if (m && !matches.contains(real)) {
                matches.add(real);
            }
        }
        if (matches.size() == 1) {
            return new Lookup(Lookup.Status.FOUND, matches.getFirst(), null);
        }
        if (matches.isEmpty()) {
            return new Lookup(Lookup.Status.NOT_FOUND, 0, seg.size() > 1
                    ? "找不到组织“" + String.join(" / ", seg) + "”（名册里没有这条上下级路径）"
                    : "找不到名为“" + last + "”的组织（请先导入或新建该组织，或检查名称是否有错字）");
        }
        List<String> paths = matches.stream().limit(5).map(this::path).toList();
        return new Lookup(Lookup.Status.AMBIGUOUS, 0, "有 " + matches.size() + " 个组织都叫“" + last
                + "”，请写成带上级的路径以区分，如：" + String.join("；", paths));
    }

    /** Whether the node's ancestors end with seg[0..n-2]; null when an ancestor is not yet known. */
    private Boolean ancestorsMatch(int id, List<String> seg) {
        Node cur = nodes.get(id);
        for (int i = seg.size() - 2; i >= 0; i--) {
            if (!cur.parentKnown()) {
                return null;
            }
            if (cur.parentId() == null) {
                return false;
            }
            cur = nodes.get(cur.parentId());
            if (cur == null || !cur.name().equals(seg.get(i))) {
                return false;
            }
        }
        return true;
    }
}
