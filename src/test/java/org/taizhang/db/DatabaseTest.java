package org.taizhang.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taizhang.db.jooq.Tables.ACTIVITY_CATEGORY;
import static org.taizhang.db.jooq.Tables.ORG_TYPE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void migratesFromEmptyAndStampsVersionAndApplicationId() throws Exception {
        Path file = dir.resolve("sub folder/新建 台账.db");
        try (Database db = Database.open(file)) {
            assertThat(db.version()).isEqualTo(Migrations.latestVersion()).isPositive();
            assertThat((int) db.read(ctx -> ctx.fetchCount(ORG_TYPE))).isGreaterThanOrEqualTo(9);
            assertThat((java.util.List<String>) db.read(ctx -> ctx.selectFrom(ACTIVITY_CATEGORY).fetch(ACTIVITY_CATEGORY.NAME)))
                    .contains("学习教育", "志愿服务", "文体活动", "慰问帮扶", "权益维护", "联谊交友", "培训", "会议", "竞赛", "其他");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            assertThat(scalar(st, "PRAGMA application_id")).isEqualTo(Database.APPLICATION_ID);
            assertThat(scalar(st, "PRAGMA user_version")).isEqualTo(Migrations.latestVersion());
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
            }
        }
        // reopening an up-to-date file runs nothing and keeps the data
        try (Database db = Database.open(file)) {
            assertThat(db.version()).isEqualTo(Migrations.latestVersion());
        }
    }

    @Test
    void foreignKeysAreEnforced() {
        try (Database db = Database.open(dir.resolve("fk.db"))) {
            assertThatThrownBy(() -> db.txRun(ctx -> ctx.execute(
                    "insert into membership (person_id, org_id, role) values (999, 999, '会员')")))
                    .hasMessageContaining("FOREIGN KEY");
        }
    }

    @Test
    void refusesNewerVersionAndLeavesFileUntouched() throws Exception {
        Path file = dir.resolve("newer.db");
        try (Database db = Database.open(file)) {
            db.withConnection(c -> c.createStatement().execute("PRAGMA user_version = " + (Migrations.latestVersion() + 5)));
        }
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("更新版本")
                .hasMessageContaining("文件未被改动");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void refusesForeignSqliteFileAndLeavesItUntouched() throws Exception {
        Path file = dir.resolve("other-app.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("create table customers (id integer primary key, name text)");
            st.execute("insert into customers (name) values ('Alice')");
        }
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("其他软件");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.exists(dir.resolve("other-app.db-wal"))).isFalse();
    }

    @Test
    void refusesNonSqliteFileRenamedToDb() throws IOException {
        Path file = dir.resolve("名册.db");
        Files.writeString(file, "姓名,身份证号\n张三,110105194912310021\n", StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("不是台账数据库文件");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void refusesADirectory() {
        assertThatThrownBy(() -> Database.open(dir)).hasMessageContaining("文件夹");
    }

    @Test
    void emptyFileIsTreatedAsNewDatabase() throws IOException {
        Path file = dir.resolve("empty.db");
        Files.createFile(file);
        try (Database db = Database.open(file)) {
            assertThat(db.version()).isEqualTo(Migrations.latestVersion());
        }
    }

    @Test
    void transactionRollsBackEverythingOnError() {
        try (Database db = Database.open(dir.resolve("tx.db"))) {
            int before = db.read(ctx -> ctx.fetchCount(ORG_TYPE));
            assertThatThrownBy(() -> db.txRun(ctx -> {
                ctx.insertInto(ORG_TYPE).set(ORG_TYPE.NAME, "新类型").execute();
                throw new IllegalStateException("boom");
            })).hasMessageContaining("boom");
            assertThat((int) db.read(ctx -> ctx.fetchCount(ORG_TYPE))).isEqualTo(before);
        }
    }

    @Test
    void migrationIndexListsEveryScriptInOrder() throws IOException {
        Path folder = Path.of("src/main/resources/db/migration");
        Set<String> onDisk;
        try (Stream<Path> s = Files.list(folder)) {
            onDisk = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql")).collect(Collectors.toSet());
        }
        List<Migrations.Migration> listed = Migrations.all();
        assertThat(listed).extracting(Migrations.Migration::name).containsExactlyInAnyOrderElementsOf(onDisk);
        assertThat(listed).extracting(Migrations.Migration::version).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void statementSplitterKeepsChineseAndSkipsComments() {
        Migrations.Migration m = new Migrations.Migration(1, "V001__x.sql",
                "-- 注释；\nCREATE TABLE t (a TEXT DEFAULT '一；二');\nINSERT INTO t VALUES ('𠮷');\n");
        assertThat(m.statements()).containsExactly("CREATE TABLE t (a TEXT DEFAULT '一；二')", "INSERT INTO t VALUES ('𠮷')");
    }

    @Test
    void aDelimiterLineLetsTriggerBodiesHoldSemicolons() {
        Migrations.Migration m = new Migrations.Migration(2, "V002__x.sql", """
                CREATE TABLE a (id INTEGER, t TEXT DEFAULT '；');
                -- comment;
                DELIMITER $$
                CREATE TRIGGER a_ins AFTER INSERT ON a BEGIN
                  UPDATE a SET t = '𠮷;' WHERE id = new.id;
                  DELETE FROM a WHERE id < 0;
                END$$
                delimiter ;
                INSERT INTO a (id) VALUES (1);
                """);
        assertThat(m.statements()).containsExactly("CREATE TABLE a (id INTEGER, t TEXT DEFAULT '；')",
                "CREATE TRIGGER a_ins AFTER INSERT ON a BEGIN\n  UPDATE a SET t = '𠮷;' WHERE id = new.id;\n"
                        + "  DELETE FROM a WHERE id < 0;\nEND",
                "INSERT INTO a (id) VALUES (1)");
    }

    private static int scalar(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
