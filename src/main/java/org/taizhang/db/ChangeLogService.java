package org.taizhang.db;

import static org.taizhang.db.jooq.Tables.CHANGE_LOG;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.taizhang.common.UserException;
import org.taizhang.db.jooq.DefaultSchema;
import org.taizhang.db.jooq.tables.records.ChangeLogRecord;

/**
 * Reads the append-only change log per record and undoes a recent change in one transaction: an
 * update gets its old values back, an insert is deleted, a delete is re-inserted. The undo is itself
 * logged (the log is never edited). Only the newest change of a record can be undone, so a later edit
 * is never silently overwritten.
 */
public final class ChangeLogService {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };
    private static final java.util.Set<String> HIDDEN = java.util.Set.of("id", "created_at", "updated_at", "added_at", "content", "sha256");
    private static final java.time.format.DateTimeFormatter STAMP = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One change: who (OS user), when, which record, what action, old and new values (JSON objects). */
    public record Change(int id, String at, String osUser, String table, int recordId, String action, String oldValue,
                         String newValue, Map<String, String> shown) {
        /** A change as logged, with no names looked up ({@link #details()} then shows ids and codes). */
        public Change(int id, String at, String osUser, String table, int recordId, String action, String oldValue, String newValue) {
            this(id, at, osUser, table, recordId, action, oldValue, newValue, Map.of());
        }

        /** {@link #at()} (stored in UTC by SQLite) in the computer's time zone, "2026-11-28 21:05:03". */
        public String localTime() {
            try {
                return java.time.LocalDateTime.parse(at, STAMP).atZone(java.time.ZoneOffset.UTC)
                        .withZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime().format(STAMP);
            } catch (RuntimeException e) {
                return at;
            }
        }

        /** "新增" / "修改" / "删除". */
        public String actionLabel() {
            return switch (action) {
                case "insert" -> "新增";
                case "update" -> "修改";
                case "delete" -> "删除";
                default -> action;
            };
        }

        /**
         * The fields that changed, "名称：旧 → 新", for an update; all fields for an insert or delete —
         * each under its Chinese name (bookkeeping columns such as the id and timestamps left out).
         */
        public List<String> details() {
            Map<String, Object> before = parse(oldValue);
            Map<String, Object> after = parse(newValue);
            List<String> out = new ArrayList<>();
            if (action.equals("update")) {
                for (String k : after.keySet()) {
                    if (!HIDDEN.contains(k) && !Objects.equals(before.get(k), after.get(k))) {
                        out.add(ChangeLabels.column(k) + "：" + shown(k, before.get(k)) + " → " + shown(k, after.get(k)));
                    }
                }
            } else {
                (action.equals("insert") ? after : before).forEach((k, v) -> {
                    if (!HIDDEN.contains(k) && v != null) {
                        out.add(ChangeLabels.column(k) + "：" + shown(k, v));
                    }
                });
            }
            return out;
        }

        /** The value as the clerk knows it: the organisation's name for an organisation id, 未开始 for not_started … */
        private String shown(String column, Object v) {
            String name = v == null ? null : shown.get(column + "=" + v);
            return name != null ? name : text(v);
        }

        /** What was changed, as a clerk names it: 活动“学雷锋志愿服务”, or 活动（第 262 条） when it has no name. */
        public String subject() {
            Map<String, Object> values = parse(newValue == null ? oldValue : newValue);
            for (String k : List.of("name", "title", "lead", "file_name")) {
                Object v = values.get(k);
                if (v != null && !v.toString().isBlank()) {
                    return ChangeLabels.table(table) + "“" + v + "”";
                }
            }
            return ChangeLabels.table(table) + "（第 " + recordId + " 条）";
        }

        private static String text(Object v) {
            if (v == null) {
                return "（空）";
            }
            if (v instanceof Boolean b) {
                return b ? "是" : "否";
            }
            return v.toString();
        }

        @Override
        public String toString() {
            return "#" + id + " " + localTime() + " " + (osUser == null ? "" : osUser) + " " + actionLabel() + " " + subject() + (action.equals("update") ? "：" + String.join("；", details()) : "");
        }
    }

    private final Database db;

    public ChangeLogService(Database db) {
        this.db = db;
    }

    /** Changes of one record, oldest first. */
    public List<Change> history(String table, int recordId) {
        requireTable(table);
        return db.read(ctx -> named(ctx, ctx.selectFrom(CHANGE_LOG)
                .where(CHANGE_LOG.TABLE_NAME.eq(table).and(CHANGE_LOG.RECORD_ID.eq(recordId)))
                .orderBy(CHANGE_LOG.ID).fetch(ChangeLogService::toChange)));
    }

    /** The newest {@code limit} changes of any record, newest first. */
    public List<Change> recent(int limit) {
        return db.read(ctx -> named(ctx, ctx.selectFrom(CHANGE_LOG).orderBy(CHANGE_LOG.ID.desc()).limit(Math.max(1, limit))
                .fetch(ChangeLogService::toChange)));
    }

    /**
     * Undoes change {@code changeId} in one transaction and returns the change that the undo logged.
     *
     * @throws org.taizhang.common.UserException in plain Chinese when it cannot be undone (unknown, not the newest
     *     change of its record, the record is referenced by others, …); nothing is changed then
     */
    public Change undo(int changeId) {
        db.requireWritable();
        return db.tx(ctx -> {
            ChangeLogRecord c = ctx.selectFrom(CHANGE_LOG).where(CHANGE_LOG.ID.eq(changeId)).fetchOne();
            if (c == null) {
                throw new UserException("找不到更改记录 #" + changeId + "。");
            }
            Integer later = ctx.select(CHANGE_LOG.ID).from(CHANGE_LOG)
                    .where(CHANGE_LOG.TABLE_NAME.eq(c.getTableName()).and(CHANGE_LOG.RECORD_ID.eq(c.getRecordId()))
                            .and(CHANGE_LOG.ID.gt(changeId)))
                    .orderBy(CHANGE_LOG.ID.desc()).limit(1).fetchOne(CHANGE_LOG.ID);
            if (later != null) {
                throw new UserException("更改 #" + changeId + " 之后这条记录又改过（最近一次是 #" + later
                        + "）。为免覆盖后来的修改，请从最近的一次开始逐个撤销。");
            }
            Table<?> table = requireTable(c.getTableName());
            @SuppressWarnings("unchecked")
            Field<Integer> id = (Field<Integer>) table.field("id");
            Record current = ctx.selectFrom(table).where(id.eq(c.getRecordId())).fetchOne();
            String what = c.getTableName() + " 第 " + c.getRecordId() + " 条";
            try {
                switch (c.getAction()) {
                    case "insert" -> {
                        if (current == null) {
                            throw new UserException(what + "已经不存在，无需撤销新增。");
                        }
                        ctx.deleteFrom(table).where(id.eq(c.getRecordId())).execute();
                        ChangeLog.delete(ctx, c.getTableName(), c.getRecordId(), current);
                    }
                    case "update" -> {
                        if (current == null) {
                            throw new UserException(what + "已经被删除，无法撤销修改。");
                        }
                        Map<Field<?>, Object> values = values(table, c.getOldValue());
                        values.remove(id);
                        ctx.update(table).set(values).where(id.eq(c.getRecordId())).execute();
                        Record after = ctx.selectFrom(table).where(id.eq(c.getRecordId())).fetchOne();
                        ChangeLog.update(ctx, c.getTableName(), c.getRecordId(), current, after);
                    }
                    case "delete" -> {
                        if (current != null) {
                            throw new UserException(what + "已经存在，无法撤销删除。");
                        }
                        ctx.insertInto(table).set(values(table, c.getOldValue())).execute();
                        Record after = ctx.selectFrom(table).where(id.eq(c.getRecordId())).fetchOne();
                        ChangeLog.insert(ctx, c.getTableName(), c.getRecordId(), after);
                    }
                    default -> throw new UserException("无法撤销未知的操作“" + c.getAction() + "”。");
                }
            } catch (DataAccessException e) {
                String m = String.valueOf(e.getMessage());
                if (m.contains("FOREIGN KEY")) {
                    throw new UserException("无法撤销更改 #" + changeId + "：" + what
                            + (c.getAction().equals("delete") ? "引用的上级记录已不存在" : "正被其他记录引用") + "。请先处理相关记录；数据未改动。");
                }
                if (m.contains("UNIQUE")) {
                    throw new UserException("无法撤销更改 #" + changeId + "：恢复后会与现有记录重复（" + what + "）。数据未改动。");
                }
                throw e;
            }
            return ctx.selectFrom(CHANGE_LOG).orderBy(CHANGE_LOG.ID.desc()).limit(1).fetchOne(ChangeLogService::toChange);
        });
    }

    private static Map<Field<?>, Object> values(Table<?> table, String json) {
        Map<Field<?>, Object> out = new LinkedHashMap<>();
        parse(json).forEach((k, v) -> {
            Field<?> f = table.field(k);
            if (f != null) {
                out.put(f, v == null ? null : f.getDataType().convert(v));
            }
        });
        return out;
    }

    private static Table<?> requireTable(String name) {
        Table<?> t = DefaultSchema.DEFAULT_SCHEMA.getTable(name);
        if (t == null || t.field("id") == null || name.equals("change_log")) {
            throw new UserException("没有名为“" + name + "”的记录表。可用的有：org、person、membership、activity、honor 等。");
        }
        return t;
    }

    static Map<String, Object> parse(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("更改记录内容无法解析：" + e.getOriginalMessage(), e);
        }
    }

    /** Which table and column name the record an id column points to, per logged table (null key = any table). */
    /** The table and name column a record id points to. */
    private record Ref(String table, String nameColumn) {
    }

    private static final Ref ORG = new Ref("org", "name");
    private static final Ref CATEGORY = new Ref("activity_category", "name");
    private static final Ref PLAN = new Ref("plan", "title");

    /** What an id column points to: by "table.column" where it depends on the table, else by column. */
    private static final Map<String, Ref> REFERENCES = Map.ofEntries(
            Map.entry("org_id", ORG), Map.entry("owner_org_id", ORG), Map.entry("org.parent_id", ORG),
            Map.entry("plan_item.parent_id", new Ref("plan_item", "lead")), Map.entry("type_id", new Ref("org_type", "name")),
            Map.entry("category_id", CATEGORY), Map.entry("target_category_id", CATEGORY), Map.entry("plan_id", PLAN),
            Map.entry("copied_from_id", PLAN), Map.entry("person_id", new Ref("person", "name")),
            Map.entry("activity_id", new Ref("activity", "name")), Map.entry("theme_id", new Ref("summary_theme", "heading")));

    /**
     * {@code changes} with the names of what their id columns point to (“园岭街道团工委” instead of 组织：17) and the labels
     * of coded values (未开始 for not_started), looked up in one query per referenced table. A record deleted since
     * shows as “第 17 条（已删除）”.
     */
    private static List<Change> named(org.jooq.DSLContext ctx, List<Change> changes) {
        // each change's old and new values, read once: the ids to look up are collected from them, then named
        List<List<Map<String, Object>>> values = changes.stream().map(c -> List.of(parse(c.oldValue()), parse(c.newValue()))).toList();
        Map<Ref, java.util.Set<Long>> wanted = new LinkedHashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            String table = changes.get(i).table();
            for (Map<String, Object> v : values.get(i)) {
                v.forEach((k, x) -> {
                    Ref ref = reference(table, k);
                    if (ref != null && x instanceof Number n) {
                        wanted.computeIfAbsent(ref, r -> new java.util.TreeSet<>()).add(n.longValue());
                    }
                });
            }
        }
        Map<Ref, Map<Long, String>> names = new LinkedHashMap<>();
        wanted.forEach((ref, ids) -> {
            var id = org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("id"), Long.class);
            Map<Long, String> found = new java.util.HashMap<>();
            ctx.select(id, org.jooq.impl.DSL.field(org.jooq.impl.DSL.name(ref.nameColumn()), String.class))
                    .from(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name(ref.table()))).where(id.in(ids))
                    .forEach(r -> found.put(r.value1(), r.value2()));
            names.put(ref, found);
        });
        List<Change> out = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            Map<String, String> shown = new java.util.HashMap<>();
            for (Map<String, Object> v : values.get(i)) {
                v.forEach((k, x) -> {
                    Ref ref = reference(c.table(), k);
                    if (ref != null && x instanceof Number n) {
                        String name = names.getOrDefault(ref, Map.of()).get(n.longValue());
                        shown.put(k + "=" + x, name != null ? "“" + name + "”" : "第 " + x + " 条（已删除）");
                    } else if (k.equals("status") && c.table().equals("plan_item") && x != null) {
                        try {
                            shown.put(k + "=" + x, org.taizhang.common.PlanStatus.ofCode(x.toString()).label);
                        } catch (RuntimeException unknown) {
                            // an unknown code stays as it is
                        }
                    }
                });
            }
            out.add(new Change(c.id(), c.at(), c.osUser(), c.table(), c.recordId(), c.action(), c.oldValue(), c.newValue(), Map.copyOf(shown)));
        }
        return out;
    }

    private static Ref reference(String table, String column) {
        Ref r = REFERENCES.get(table + "." + column);
        return r != null ? r : column.equals("parent_id") ? null : REFERENCES.get(column);
    }

    private static Change toChange(ChangeLogRecord r) {
        return new Change(r.getId(), r.getAt(), r.getOsUser(), r.getTableName(), r.getRecordId(), r.getAction(),
                r.getOldValue(), r.getNewValue());
    }
}
