package org.taizhang.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * A second JVM for the fault-injection tests (started with ProcessBuilder and killed by them).
 * Modes:
 * <ul>
 * <li>{@code hold-lock DB}: opens the database the normal way (taking the single-writer lock), starts a
 * write transaction, prints READY and waits to be killed;</li>
 * <li>{@code hold-sqlite-lock DB}: a foreign program: a plain connection holding a write transaction;</li>
 * <li>{@code big-write DB}: opens normally and inserts rows in one big transaction, prints READY after
 * 20 000 rows and keeps inserting until killed;</li>
 * <li>{@code commit-then-die DB N}: commits N rows with checkpoints disabled (they stay in the -wal),
 * prints READY and waits to be killed.</li>
 * </ul>
 */
public final class FaultProcess {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path file = Path.of(args[1]);
        switch (mode) {
            case "hold-lock" -> {
                Database db = Database.open(file);
                db.withConnection(c -> {
                    try (Statement st = c.createStatement()) {
                        c.setAutoCommit(false);
                        st.executeUpdate("INSERT INTO app_setting (key, value) VALUES ('held-by-child', 'uncommitted')");
                    }
                    return null;
                });
                ready();
            }
            case "hold-sqlite-lock" -> {
                Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO app_setting (key, value) VALUES ('foreign-writer', 'uncommitted')");
                }
                ready();
            }
            case "big-write" -> {
                Database db = Database.open(file);
                db.withConnection(c -> {
                    c.setAutoCommit(false);
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO change_log (os_user, table_name, record_id, action, new_value) VALUES ('kill-test', 'person', ?, 'insert', ?)")) {
                        for (int i = 1; ; i++) {
                            ps.setInt(1, i);
                            ps.setString(2, "{\"name\":\"半截事务𠮷 " + i + "\"}");
                            ps.executeUpdate();
                            if (i == 20_000) {
                                ready();
                            }
                        }
                    }
                });
            }
            case "commit-then-die" -> {
                Database db = Database.open(file);
                int n = Integer.parseInt(args[2]);
                db.withConnection(c -> {
                    try (Statement st = c.createStatement()) {
                        st.execute("PRAGMA wal_autocheckpoint = 0");
                        for (int i = 1; i <= n; i++) {
                            st.executeUpdate("INSERT INTO app_setting (key, value) VALUES ('committed-" + i + "', '已提交')");
                        }
                    }
                    return null;
                });
                ready();
            }
            default -> throw new IllegalArgumentException(mode);
        }
        Thread.sleep(600_000);
    }

    private static void ready() {
        System.out.println("READY");
        System.out.flush();
        try {
            Thread.sleep(600_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
