package org.taizhang.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V050: a database written before it (plan item status as 未开始/进行中/…) opens with the statuses as codes. */
class PlanStatusMigrationTest {
    @TempDir
    Path dir;

    @Test
    void storedLabelsBecomeCodesAndIdsParentsAndTheChangeLogFollow() throws Exception {
        Path file = dir.resolve("旧版本𠮷.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = ON");
            for (Migrations.Migration m : Migrations.all()) {
                if (m.version() < 50) {
                    for (String sql : m.statements()) {
                        st.execute(sql);
                    }
                }
            }
            st.execute("PRAGMA user_version = 40");
            st.execute("PRAGMA application_id = " + Database.APPLICATION_ID);
            st.execute("INSERT INTO org (id, name, type_id) VALUES (1, '示范区团委😀', (SELECT min(id) FROM org_type))");
            st.execute("INSERT INTO plan (id, org_id, title, period_from, period_to) VALUES (1, 1, '２０２１年计划', '2021-01-01', '2021-12-31')");
            st.execute("INSERT INTO plan_item (id, plan_id, parent_id, lead, status) VALUES (1, 1, NULL, '一、𠮷', '未开始')");
            st.execute("INSERT INTO plan_item (id, plan_id, parent_id, lead, status) VALUES (2, 1, 1, '一是', '进行中')");
            st.execute("INSERT INTO plan_item (id, plan_id, parent_id, lead, status) VALUES (3, 1, 1, '二是', '已完成')");
            st.execute("INSERT INTO plan_item (id, plan_id, parent_id, lead, status) VALUES (9, 1, 1, '三是', '已取消')");
            st.execute("DELETE FROM plan_item WHERE id = 9"); // its id must not be handed out again
            st.execute("INSERT INTO plan_item (id, plan_id, parent_id, lead, status) VALUES (4, 1, 1, '四是', '已取消')");
            st.execute("INSERT INTO change_log (table_name, record_id, action, old_value, new_value) VALUES ('plan_item', 2, 'update', "
                    + "'{\"id\":2,\"status\":\"未开始\",\"lead\":\"一是\"}', '{\"id\":2,\"status\":\"进行中\",\"lead\":\"一是\"}')");
        }

        try (Database db = Database.open(file)) {
            assertThat(db.version()).isGreaterThanOrEqualTo(50);
            List<String> rows = db.withConnection(c -> {
                List<String> out = new ArrayList<>();
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT id, parent_id, lead, status FROM plan_item ORDER BY id")) {
                    while (rs.next()) {
                        out.add(rs.getInt(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getString(4));
                    }
                }
                return out;
            });
            assertThat(rows).containsExactly("1/null/一、𠮷/not_started", "2/1/一是/in_progress", "3/1/二是/done", "4/1/四是/cancelled");
            String log = db.withConnection(c -> {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT old_value || ' → ' || new_value FROM change_log WHERE table_name = 'plan_item'")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(log).contains("\"status\":\"not_started\"").contains("\"status\":\"in_progress\"").contains("一是")
                    .doesNotContain("未开始");
            db.withConnection(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO plan_item (plan_id, lead) VALUES (1, '新')");
                    try (ResultSet rs = st.executeQuery("SELECT max(id), (SELECT status FROM plan_item WHERE lead = '新') FROM plan_item")) {
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(10);
                        assertThat(rs.getString(2)).isEqualTo("not_started");
                    }
                    // a label can no longer be stored, and deleting a heading still takes its items with it
                    assertThatThrownBy(() -> st.execute("UPDATE plan_item SET status = '已完成' WHERE id = 2")).hasMessageContaining("CHECK");
                    st.execute("DELETE FROM plan_item WHERE id = 1");
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM plan_item")) {
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(1);
                    }
                }
                return null;
            });
        }
    }
}
