package org.taizhang.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupServiceTest {
    @TempDir
    Path dir;

    @AfterEach
    void resetMigrations() {
        Database.migrationSource = Migrations::all;
    }

    private static Clock at(String dateTime) {
        return Clock.fixed(LocalDateTime.parse(dateTime).toInstant(ZoneOffset.ofHours(8)), ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void backupIsACheckedSingleFileCopyInTheFolderBesideTheDatabase() throws Exception {
        Path file = Fixtures.withData(dir.resolve("台账 𠮷.db"));
        List<String> before = Fixtures.snapshot(file);
        try (Database db = Database.open(file)) {
            BackupService s = new BackupService(db);
            BackupInfo b = s.backupNow(BackupService.KIND_MANUAL);
            assertThat(b.file().getParent()).isEqualTo(dir.resolve("台账 𠮷.db.backups"));
            assertThat(b.file().getFileName().toString()).startsWith("台账 𠮷-").endsWith("-manual.db");
            assertThat(b.counts().orgs()).isEqualTo(Fixtures.count(db, "org"));
            assertThat(b.counts().people()).isEqualTo(40);
            assertThat(b.kindLabel()).isEqualTo("手动备份");
            try (Stream<Path> files = Files.list(b.file().getParent())) {
                assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(b.file().getFileName().toString());
            }
            assertThat(BackupService.checkFile(b.file()).ok()).isTrue();
            assertThat(s.list()).extracting(BackupInfo::file).containsExactly(b.file());
        }
        assertThat(Fixtures.snapshot(file)).isEqualTo(before);
    }

    @Test
    void dailyBackupAtMostOncePerDayAndNotForAnEmptyDatabase() {
        try (Database empty = Database.open(dir.resolve("empty.db"))) {
            assertThat(new BackupService(empty, at("2025-03-01T09:00:00")).dailyIfDue()).isEmpty();
        }
        Path file = Fixtures.withData(dir.resolve("d.db"));
        try (Database db = Database.open(file)) {
            assertThat(new BackupService(db, at("2025-03-01T09:00:00")).dailyIfDue()).isPresent();
            assertThat(new BackupService(db, at("2025-03-01T17:30:00")).dailyIfDue()).isEmpty();
            assertThat(new BackupService(db, at("2025-03-02T08:00:00")).dailyIfDue()).isPresent();
            assertThat(new BackupService(db).list()).hasSize(2).allMatch(b -> b.kind().equals("daily"));
            assertThat(db.warnings()).noneMatch(w -> w.contains("时钟"));
        }
    }

    @Test
    void retentionKeepsTenDailyFourWeeklyTwelveMonthlyAndEveryPreMigrationBackup() {
        Path file = Fixtures.withData(dir.resolve("r.db"));
        try (Database db = Database.open(file)) {
            LocalDateTime start = LocalDateTime.parse("2024-01-01T09:00:00");
            new BackupService(db, at("2023-12-31T08:00:00")).backupNow(BackupService.KIND_PREMIGRATION + "1");
            List<LocalDateTime> made = new ArrayList<>();
            for (int day = 0; day < 500; day += 3) {
                LocalDateTime t = start.plusDays(day);
                new BackupService(db, at(t.toString())).backupNow(BackupService.KIND_DAILY);
                made.add(t);
            }
            List<BackupInfo> left = new BackupService(db).list();
            List<BackupInfo> daily = left.stream().filter(b -> b.kind().equals("daily")).toList();
            // the newest 10 are all there
            assertThat(daily.subList(0, 10)).extracting(BackupInfo::createdAt)
                    .containsExactlyElementsOf(made.reversed().subList(0, 10));
            // beyond them: at most one per week (4 weeks) and per month (12 months)
            assertThat(daily.size()).isBetween(10 + 9, 10 + 4 + 12);
            assertThat(daily.getLast().createdAt()).isAfter(made.getLast().minusMonths(12));
            assertThat(left).anyMatch(b -> b.kind().equals("premigration-v1"));
            assertThat(left.stream().filter(b -> b.kind().equals("premigration-v1")).findFirst().orElseThrow().kindLabel())
                    .isEqualTo("升级前备份（数据版本 1）");
        }
    }

    @Test
    void clockSetBackwardsStillBacksUpAndDeletesNothing() {
        Path file = Fixtures.withData(dir.resolve("c.db"));
        try (Database db = Database.open(file)) {
            for (int i = 0; i < 12; i++) {
                new BackupService(db, at("2030-01-" + String.format("%02d", i + 1) + "T09:00:00")).backupNow(BackupService.KIND_DAILY);
            }
            int before = new BackupService(db).list().size();
            assertThat(before).isBetween(10, 11); // pruning ran while the clock was normal
            var made = new BackupService(db, at("2025-06-01T09:00:00")).dailyIfDue();
            assertThat(made).isPresent();
            assertThat(new BackupService(db).list()).hasSize(before + 1).anyMatch(b -> b.file().equals(made.get().file()));
            assertThat(db.warnings()).anyMatch(w -> w.contains("时钟似乎被调回过去"));
        }
    }

    @Test
    void backupToAChosenFileAndNeverOntoTheDatabaseItself() throws Exception {
        Path file = Fixtures.withData(dir.resolve("u.db"));
        Path usb = Files.createDirectories(dir.resolve("U盘"));
        try (Database db = Database.open(file)) {
            BackupService s = new BackupService(db);
            BackupInfo b = s.backupTo(usb.resolve("备份.db"));
            assertThat(Fixtures.snapshot(b.file())).isEqualTo(Fixtures.snapshot(file));
            BackupInfo again = s.backupTo(usb.resolve("备份.db"));
            assertThat(again.file()).isEqualTo(b.file());
            assertThatThrownBy(() -> s.backupTo(file)).isInstanceOf(org.taizhang.common.FileException.class)
                    .hasMessageContaining("正在使用的台账数据库文件");
            assertThatThrownBy(() -> s.backupTo(dir.resolve("拔出的U盘/x.db"))).hasMessageContaining("不存在");
        }
    }

    @Test
    void configurableBackupFolder() {
        Path file = Fixtures.withData(dir.resolve("f.db"));
        try (Database db = Database.open(file)) {
            BackupService s = new BackupService(db);
            s.setBackupDirectory(dir.resolve("别处"));
            assertThat(s.backupDirectory()).isEqualTo(dir.resolve("别处"));
            assertThat(s.backupBefore("导入 名册.xlsx").file().getParent()).isEqualTo(dir.resolve("别处"));
            assertThat(s.list().getFirst().kindLabel()).isEqualTo("导入_名册_xlsx前的备份");
            s.setBackupDirectory(null);
            assertThat(s.backupDirectory()).isEqualTo(dir.resolve("f.db.backups"));
        }
    }

    @Test
    void restoreBacksUpTheCurrentFileThenReplacesIt() {
        Path file = Fixtures.withData(dir.resolve("x.db"));
        List<String> original = Fixtures.snapshot(file);
        BackupInfo backup;
        try (Database db = Database.open(file)) {
            backup = new BackupService(db).backupNow(BackupService.KIND_MANUAL);
            Fixtures.exec(db, "DELETE FROM honor");
            Fixtures.exec(db, "UPDATE org SET name = '改过的名字' WHERE id = 1");
        }
        List<String> changed = Fixtures.snapshot(file);
        assertThat(changed).isNotEqualTo(original);
        Database db = Database.open(file);
        var result = new BackupService(db).restore(backup.file());
        Path reopen = result.database();
        assertThat(result.counts().people()).isEqualTo(40);
        assertThat(result.safetyBackup().kind()).isEqualTo("before-恢复");
        assertThat(reopen).isEqualTo(file.toAbsolutePath());
        assertThat(Files.exists(dir.resolve("x.db-wal"))).isFalse();
        assertThat(Fixtures.snapshot(file)).isEqualTo(original);
        try (Database again = Database.open(reopen)) {
            List<BackupInfo> list = new BackupService(again).list();
            BackupInfo safety = list.stream().filter(b -> b.kind().equals("before-恢复")).findFirst().orElseThrow();
            assertThat(Fixtures.snapshot(safety.file())).isEqualTo(changed);
            assertThat(again.readOnly()).isFalse();
        }
    }

    @Test
    void restoreRefusesABadFileAndLeavesTheDatabaseAsItWas() throws Exception {
        Path file = Fixtures.withData(dir.resolve("y.db"));
        Path notDb = Files.writeString(dir.resolve("假备份.db"), "这不是数据库");
        List<String> before = Fixtures.snapshot(file);
        try (Database db = Database.open(file)) {
            assertThatThrownBy(() -> new BackupService(db).restore(notDb)).isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("不能用来恢复").hasMessageContaining("不是 SQLite 数据库文件").hasMessageContaining("当前数据库未改动");
            assertThatThrownBy(() -> new BackupService(db).restore(dir.resolve("没有.db"))).hasMessageContaining("找不到备份文件");
            assertThat(Fixtures.count(db, "person")).isEqualTo(40);
        }
        assertThat(Fixtures.snapshot(file)).isEqualTo(before);
    }

    @Test
    void preMigrationBackupIsTakenBeforeANewMigrationRuns() {
        Path file = Fixtures.withData(dir.resolve("m.db"));
        List<String> before = Fixtures.snapshot(file);
        List<Migrations.Migration> extra = new ArrayList<>(Migrations.all());
        int next = extra.getLast().version() + 1;
        extra.add(new Migrations.Migration(next, "V" + next + "__test_extra.sql", "CREATE TABLE test_extra (id INTEGER PRIMARY KEY);\n"));
        Database.migrationSource = () -> extra;
        try (Database db = Database.open(file)) {
            assertThat(db.version()).isEqualTo(next);
            List<BackupInfo> list = new BackupService(db).list();
            assertThat(list).hasSize(1);
            assertThat(list.getFirst().kind()).isEqualTo("premigration-v" + (next - 1));
            assertThat(Fixtures.snapshot(list.getFirst().file())).isEqualTo(before);
        }
    }

    @Test
    void checkReportsCountsAndProblems() throws Exception {
        Path file = Fixtures.withData(dir.resolve("k.db"));
        CheckReport ok = BackupService.checkFile(file);
        assertThat(ok.ok()).isTrue();
        assertThat(ok.summary()).isEqualTo("完好");
        assertThat(ok.counts().people()).isEqualTo(40);
        assertThat(BackupService.checkFile(Files.writeString(dir.resolve("a.txt"), "hello")).summary()).contains("不是 SQLite");
        assertThat(BackupService.checkFile(Files.createFile(dir.resolve("empty.db"))).summary()).contains("0 字节");
    }
}
