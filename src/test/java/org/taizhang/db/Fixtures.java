package org.taizhang.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.taizhang.demo.DemoData;
import org.taizhang.org.OrgInput;
import org.taizhang.org.OrgService;

/** Real files for the safety tests: a database with demo data, a record-for-record snapshot, a checksum. */
final class Fixtures {
    private Fixtures() {
    }

    /** A closed database file at {@code file} holding a small demo data set plus an organisation with CJK Ext-B and emoji. */
    static Path withData(Path file) {
        try (Database db = Database.open(file, false, null)) {
            new DemoData(db, LocalDate.of(2024, 6, 1)).generate(new DemoData.Size(6, 40, 30, 5), 7, p -> { });
            OrgService orgs = new OrgService(db);
            orgs.add(new OrgInput("𠮷祥社区团委🎉", orgs.typeByName("团委").id(), null, LocalDate.of(2021, 3, 5), null, null,
                    "张三", null, "２０２１年成立"));
        }
        return file;
    }

    /** Every row of every table, in a stable order, read with a plain read-only connection. */
    static List<String> snapshot(Path file) {
        Properties p = new Properties();
        p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, p); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(
                    // ordinary tables only: the search index (virtual and shadow tables) is derived from them
                    "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + t + "\" ORDER BY rowid")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(t).append(':');
                        for (int i = 1; i <= n; i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        out.add(row.toString());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(Database db, String table) {
        return db.withConnection(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    static long queryLong(Database db, String sql) {
        return db.withConnection(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    static void exec(Database db, String sql) {
        db.withConnection(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate(sql);
            }
        });
    }
}
