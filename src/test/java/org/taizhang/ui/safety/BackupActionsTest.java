package org.taizhang.ui.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.ui.FxTestSupport.fire;
import static org.taizhang.ui.FxTestSupport.open;
import static org.taizhang.ui.FxTestSupport.settle;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.db.BackupInfo;
import org.taizhang.db.BackupService;
import org.taizhang.db.Database;
import org.taizhang.demo.DemoData;
import org.taizhang.ui.MainWindow;
import org.taizhang.ui.WindowTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The backup menu actions, the recovery offer and the banner in the real window (headless). */
@WindowTest
class BackupActionsTest {
    @TempDir
    Path dir;

    private MainWindow window;

    /** Closes the information box that follows a finished action. */
    private void closeInfo(FxRobot robot) {
        for (Node n : robot.lookup(".dialog-pane .button").queryAll()) {
            if (n instanceof Button b && b.isDefaultButton()) {
                Platform.runLater(b::fire);
            }
        }
        settle(window);
    }

    private static Path dbWithData(Path file) {
        try (Database db = Database.open(file)) {
            new DemoData(db, LocalDate.of(2024, 6, 1)).generate(new DemoData.Size(6, 25, 10, 2), 3, p -> { });
        }
        return file;
    }

    private static void sql(Path file, String sql) {
        try (Database db = Database.open(file)) {
            db.withConnection(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate(sql);
                }
            });
        }
    }

    @Test
    void restoreFromTheTableOfBackupsThenReopen(FxRobot robot) throws Exception {
        Path file = dbWithData(dir.resolve("台账.db"));
        String original;
        try (Database db = Database.open(file)) {
            new BackupService(db).backupNow(BackupService.KIND_MANUAL);
            original = new org.taizhang.org.OrgService(db).get(2).orElseThrow().name();
        }
        sql(file, "UPDATE org SET name = '改坏的名字𠮷' WHERE id = 2");
        open(window, file);
        assertThat(window.context().orgs().get(2).orElseThrow().name()).isEqualTo("改坏的名字𠮷");

        Platform.runLater(() -> BackupActions.restore(window.stage(), window.context(), window::open));
        settle(window);
        @SuppressWarnings("unchecked")
        TableView<BackupInfo> table = robot.lookup("#backup-table").queryAs(TableView.class);
        // the manual backup and today's automatic one, newest first, with counts
        assertThat(table.getItems()).hasSize(2);
        assertThat(table.getItems()).allMatch(b -> b.counts().people() == 25);
        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(
                table.getItems().stream().filter(b -> b.kind().equals("manual")).findFirst().orElseThrow())).get();
        fire(robot, window, "#backup-restore");
        fire(robot, window, "#backup-confirm-ok");
        settle(window);
        closeInfo(robot);
        assertThat(window.context()).isNotNull();
        assertThat(window.context().orgs().get(2).orElseThrow().name()).isEqualTo(original);
        try (var files = Files.list(dir.resolve("台账.db.backups"))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith("-before-恢复.db"));
        }
    }

    @Test
    void restoreFromTheMenuWorksWhenTheFileIsNotADatabaseAtAll(FxRobot robot) throws Exception {
        Path file = dbWithData(dir.resolve("被覆盖.db"));
        try (Database db = Database.open(file)) {
            new BackupService(db).backupNow(BackupService.KIND_MANUAL);
        }
        Files.delete(file);
        Files.writeString(file, "PK 被误写成表格的文件😀");
        Platform.runLater(() -> window.open(file));
        settle(window);
        closeInfo(robot); // the error box: not a 台账 database, file untouched
        assertThat(window.context()).isNull();
        Platform.runLater(window::restoreFromBackup);
        settle(window);
        @SuppressWarnings("unchecked")
        TableView<BackupInfo> table = robot.lookup("#backup-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(1);
        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(0)).get();
        fire(robot, window, "#backup-restore");
        fire(robot, window, "#backup-confirm-ok");
        settle(window);
        Label content = robot.lookup(".dialog-pane .content").queryAs(Label.class);
        assertThat(content.getText()).contains("原来无法打开的文件没有被覆盖");
        closeInfo(robot);
        assertThat(window.context()).isNotNull();
        assertThat(window.context().orgs().listAll()).hasSize(6);
        try (var files = Files.list(dir)) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("被覆盖.db.replaced-")).findFirst().orElseThrow();
            assertThat(Files.readString(aside)).isEqualTo("PK 被误写成表格的文件😀");
        }
    }

    @Test
    void aFailedRestoreSaysWhyAndTheWindowKeepsWorkingOnTheUnchangedFile(FxRobot robot) throws Exception {
        Path file = dbWithData(dir.resolve("留.db"));
        Path bad = Files.writeString(dir.resolve("假的备份.db"), "不是数据库");
        open(window, file);
        var ctx = window.context();
        Platform.runLater(() -> BackupActions.confirmAndRestore(window.stage(), window.background(), bad, file.toAbsolutePath(),
                b -> new BackupService(ctx.db()).restore(b), window::open));
        settle(window);
        fire(robot, window, "#backup-confirm-ok");
        settle(window);
        Label content = robot.lookup(".dialog-pane .content").queryAs(Label.class);
        assertThat(content.getText()).contains("不能用来恢复").contains("当前数据库未改动");
        closeInfo(robot);
        assertThat(window.context()).isNotNull();
        assertThat(window.context().orgs().listAll()).hasSize(6);
    }

    @Test
    void backupToAChosenPlace() throws Exception {
        Path file = dbWithData(dir.resolve("b.db"));
        open(window, file);
        Path usb = Files.createDirectories(dir.resolve("U盘"));
        AtomicReference<BackupInfo> made = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> BackupActions.backupTo(window.stage(), window.context(), usb.resolve("带走.db"), made::set)).get();
        settle(window);
        assertThat(made.get().file()).isEqualTo(usb.resolve("带走.db"));
        assertThat(BackupService.checkFile(usb.resolve("带走.db")).counts().people()).isEqualTo(25);
        assertThat(BackupActions.describe(made.get())).contains("人员 25 人").contains("完整性检查");
    }

    @Test
    void damagedDatabaseOffersTheNewestBackupAndRestoresIt(FxRobot robot) throws Exception {
        Path file = dbWithData(dir.resolve("坏.db"));
        try (Database db = Database.open(file)) {
            new BackupService(db).backupNow(BackupService.KIND_DAILY);
        }
        Thread.sleep(50);
        byte[] bytes = Files.readAllBytes(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            for (long at = 4096 * 2 + 8; at < bytes.length; at += 4096 * 2) {
                for (int i = 0; i < 16; i++) {
                    raf.seek(at + i);
                    raf.write(~bytes[(int) (at + i)]);
                }
            }
        }
        open(window, file);
        Button ok = robot.lookup("#recover-ok").queryButton();
        assertThat(ok.getText()).isEqualTo("从这份备份恢复");
        fire(robot, window, "#recover-ok");
        settle(window);
        assertThat(window.context()).isNotNull();
        assertThat(window.context().db().readOnly()).isFalse();
        assertThat(window.context().orgs().listAll()).hasSize(6);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("坏.db.damaged-"));
        }
        assertThat(BackupService.checkFile(file).counts().people()).isEqualTo(25);
    }

    @Test
    void recentChangesDialogUndoesTheSelectedChange(FxRobot robot) throws Exception {
        Path file = dbWithData(dir.resolve("改.db"));
        open(window, file);
        var orgs = window.context().orgs();
        String before = orgs.get(2).orElseThrow().name();
        WaitForAsyncUtils.asyncFx(() -> window.background().run(() -> {
            var o = org.taizhang.org.OrgInput.of(orgs.get(2).orElseThrow());
            orgs.update(2, new org.taizhang.org.OrgInput("改名后的组织𠮷", o.typeId(), o.parentId(), o.foundedOn(), o.termYears(),
                    o.lastElectionOn(), o.contactPerson(), o.contactPhone(), o.note()));
            return null;
        }, r -> { })).get();
        settle(window);
        assertThat(orgs.get(2).orElseThrow().name()).isEqualTo("改名后的组织𠮷");
        Platform.runLater(() -> ChangesDialog.show(window.stage(), window.context()));
        settle(window);
        @SuppressWarnings("unchecked")
        TableView<org.taizhang.db.ChangeLogService.Change> table = robot.lookup("#changes-table").queryAs(TableView.class);
        assertThat(table.getItems().getFirst().details()).contains("名称：" + before + " → 改名后的组织𠮷");
        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(0)).get();
        fire(robot, window, "#changes-undo");
        fire(robot, window, "#changes-confirm-ok");
        closeInfo(robot);
        assertThat(orgs.get(2).orElseThrow().name()).isEqualTo(before);
    }

    @Test
    void bannerForCloudFolderAndReadOnlyMode(FxRobot robot) throws Exception {
        Path cloud = Files.createDirectories(dir.resolve("Dropbox"));
        open(window, cloud.resolve("云.db"));
        Label banner = robot.lookup("#safety-banner").queryAs(Label.class);
        assertThat(banner.getText()).contains("云同步文件夹").contains("Dropbox");

        Path file = dbWithData(dir.resolve("只读.db"));
        try (Database ro = Database.open(file, true, null)) {
            AtomicReference<Node> node = new AtomicReference<>();
            WaitForAsyncUtils.asyncFx(() -> node.set(BackupActions.banner(ro))).get();
            assertThat(((Label) node.get()).getText()).startsWith("只读模式：");
        }
        try (Database rw = Database.open(file)) {
            assertThat(BackupActions.banner(rw)).isNull();
        }
    }
}
