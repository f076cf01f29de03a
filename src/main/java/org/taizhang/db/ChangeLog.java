package org.taizhang.db;

import static org.taizhang.db.jooq.Tables.CHANGE_LOG;

import org.jooq.DSLContext;
import org.jooq.JSONFormat;
import org.jooq.Record;

/** Appends to the change log inside the caller's transaction: who (OS user), what record, old → new. */
public final class ChangeLog {
    private static final JSONFormat JSON = new JSONFormat().header(false).recordFormat(JSONFormat.RecordFormat.OBJECT);
    /** The operating-system user recorded as "who" in the change log (one home for every writer of it). */
    public static final String OS_USER = System.getProperty("user.name", "");

    private ChangeLog() {
    }

    /**
     * Whether {@code after} holds other values than {@code before} (a {@code copy()} taken before the edit), its
     * primary key aside. jOOQ's own {@code changed()} is set by every setter, even to the same value, so a save
     * without edits would otherwise write an update and a change-log entry.
     */
    public static boolean differs(Record before, Record after) {
        java.util.Set<org.jooq.Field<?>> key = after instanceof org.jooq.TableRecord<?> t && t.getTable().getPrimaryKey() != null
                ? java.util.Set.copyOf(t.getTable().getPrimaryKey().getFields()) : java.util.Set.of();
        for (org.jooq.Field<?> f : after.fields()) {
            if (!key.contains(f) && !java.util.Objects.equals(before.get(f), after.get(f))) {
                return true;
            }
        }
        return false;
    }

    public static void insert(DSLContext ctx, String table, int id, Record now) {
        write(ctx, table, id, "insert", null, now);
    }

    public static void update(DSLContext ctx, String table, int id, Record before, Record after) {
        write(ctx, table, id, "update", before, after);
    }

    public static void delete(DSLContext ctx, String table, int id, Record before) {
        write(ctx, table, id, "delete", before, null);
    }

    /**
     * The change log of a batch insert (imports of many rows): the same rows {@link #insert} writes — same user,
     * same JSON of the record — added to one JDBC batch on the transaction's connection.
     */
    public static final class Batch implements AutoCloseable {
        private final java.sql.PreparedStatement st;

        public Batch(java.sql.Connection c) throws java.sql.SQLException {
            st = c.prepareStatement("INSERT INTO change_log (os_user, table_name, record_id, action, new_value)"
                    + " VALUES (?, ?, ?, 'insert', ?)");
        }

        public void insert(String table, int id, Record now) throws java.sql.SQLException {
            st.setString(1, OS_USER);
            st.setString(2, table);
            st.setInt(3, id);
            st.setString(4, now.formatJSON(JSON));
            st.addBatch();
        }

        public void flush() throws java.sql.SQLException {
            st.executeBatch();
        }

        @Override
        public void close() throws java.sql.SQLException {
            st.close();
        }
    }

    private static void write(DSLContext ctx, String table, int id, String action, Record before, Record after) {
        ctx.insertInto(CHANGE_LOG)
                .set(CHANGE_LOG.OS_USER, OS_USER)
                .set(CHANGE_LOG.TABLE_NAME, table)
                .set(CHANGE_LOG.RECORD_ID, id)
                .set(CHANGE_LOG.ACTION, action)
                .set(CHANGE_LOG.OLD_VALUE, before == null ? null : before.formatJSON(JSON))
                .set(CHANGE_LOG.NEW_VALUE, after == null ? null : after.formatJSON(JSON))
                .execute();
    }
}
