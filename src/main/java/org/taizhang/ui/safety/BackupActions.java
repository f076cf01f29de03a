package org.taizhang.ui.safety;

import static org.taizhang.ui.Controls.column;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.taizhang.db.BackupInfo;
import org.taizhang.db.BackupService;
import org.taizhang.db.Database;
import org.taizhang.db.DatabaseDamagedException;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.Background;
import org.taizhang.ui.Dialogs;

/**
 * 文件 → 备份到… / 从备份恢复…, the offer to restore the newest backup when the database turned out
 * damaged, and the banner for read-only mode and risky locations. All database work runs on the
 * background thread; the services are {@link BackupService}.
 */
public final class BackupActions {
    private BackupActions() {
    }

    /** 文件 → 备份到…: a checked copy to a file the user chooses (e.g. on a USB stick). */
    public static void backupTo(Window owner, AppContext ctx) {
        String name = ctx.db().file().getFileName().toString().replaceFirst("(?i)\\.db$", "");
        File chosen = Dialogs.saveAs(owner, "备份到…（可选择 U 盘）", name + "-备份-" + LocalDate.now() + ".db",
                new FileChooser.ExtensionFilter("台账数据库 (*.db)", "*.db"));
        if (chosen == null) {
            return;
        }
        backupTo(owner, ctx, Dialogs.withExtension(chosen, ".db"), b -> Dialogs.exported(owner, "备份完成", b.file(), details(b)));
    }

    /** Backs up to {@code path} in the background, then {@code done} on the FX thread. */
    public static void backupTo(Window owner, AppContext ctx, Path path, Consumer<BackupInfo> done) {
        ctx.background().run(() -> new BackupService(ctx.db()).backupTo(path), done);
    }

    static String describe(BackupInfo b) {
        return "已备份到：\n" + b.file() + "\n\n" + details(b);
    }

    /** Size, counts and the integrity check of a backup just made. */
    static String details(BackupInfo b) {
        return "大小 " + b.sizeText() + "；" + b.counts() + "。\n备份已通过完整性检查。";
    }

    /** 文件 → 从备份恢复…: a table of the backups (date, kind, size, counts), confirmation, restore, reopen. */
    public static void restore(Window owner, AppContext ctx, Consumer<Path> reopen) {
        ctx.background().run(() -> new BackupService(ctx.db()).list(), list -> {
            Optional<Path> chosen = chooseBackup(owner, list);
            chosen.ifPresent(p -> confirmAndRestore(owner, ctx.background(), p, ctx.db().file(),
                    backup -> new BackupService(ctx.db()).restore(backup), reopen));
        });
    }

    /**
     * 文件 → 从备份恢复… when no database could be opened (the file is damaged, another program's, not a
     * database at all): the backups of {@code dbFile} from its backups folder, then {@link BackupService#restoreInto},
     * which moves the unusable file aside untouched instead of overwriting it.
     */
    public static void restoreWithoutOpenDatabase(Window owner, Background background, Path dbFile, Consumer<Path> reopen) {
        background.run(() -> BackupService.listFor(dbFile), list -> {
            Optional<Path> chosen = chooseBackup(owner, list);
            chosen.ifPresent(p -> confirmAndRestore(owner, background, p, dbFile, backup -> BackupService.restoreInto(dbFile, backup),
                    reopen));
        });
    }

    private static Optional<Path> chooseBackup(Window owner, List<BackupInfo> list) {
        Dialog<Path> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("从备份恢复");
        d.setHeaderText(list.isEmpty() ? "备份文件夹里还没有备份。可以选择其他位置（如 U 盘）上的备份文件。"
                : "选择要恢复的备份。恢复前会自动把当前数据再备份一份，随时可以恢复回来。");
        TableView<BackupInfo> table = backupTable(list);
        ButtonType restoreType = new ButtonType("恢复所选备份", ButtonBar.ButtonData.OK_DONE);
        ButtonType otherType = new ButtonType("选择其他文件…", ButtonBar.ButtonData.LEFT);
        d.getDialogPane().getButtonTypes().addAll(otherType, restoreType, Dialogs.CANCEL);
        Button restoreButton = (Button) d.getDialogPane().lookupButton(restoreType);
        restoreButton.setId("backup-restore");
        restoreButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        d.getDialogPane().lookupButton(otherType).setId("backup-other");
        table.setMinHeight(180); // never squeezed to a row over the hint and the buttons
        Label tip = new Label("提示：“升级前备份”在软件升级数据库之前自动生成；“每日自动备份”每天第一次打开时生成。");
        tip.setWrapText(true);
        tip.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(8, table, tip);
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        box.setPadding(new Insets(8));
        d.getDialogPane().setContent(box);
        d.getDialogPane().setPrefSize(860, 460);
        d.setResultConverter(bt -> {
            if (bt == restoreType) {
                BackupInfo b = table.getSelectionModel().getSelectedItem();
                return b == null ? null : b.file();
            }
            if (bt == otherType) {
                FileChooser fc = new FileChooser();
                fc.setTitle("选择备份文件");
                fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("台账数据库 (*.db)", "*.db"));
                File f = fc.showOpenDialog(owner);
                return f == null ? null : f.toPath();
            }
            return null;
        });
        return d.showAndWait();
    }

    static TableView<BackupInfo> backupTable(List<BackupInfo> list) {
        TableView<BackupInfo> table = new TableView<>();
        table.setId("backup-table");
        table.getColumns().add(column("日期时间", 175, b -> org.taizhang.common.Dates.dateTime(b.createdAt())));
        table.getColumns().add(column("类型", 150, BackupInfo::kindLabel));
        table.getColumns().add(column("大小", 80, BackupInfo::sizeText));
        table.getColumns().add(numberColumn("组织", b -> b.counts().orgs()));
        table.getColumns().add(numberColumn("人员", b -> b.counts().people()));
        table.getColumns().add(numberColumn("活动", b -> b.counts().activities()));
        table.getColumns().add(numberColumn("荣誉", b -> b.counts().honors()));
        table.getItems().setAll(list);
        table.setPlaceholder(new Label("还没有备份"));
        if (!list.isEmpty()) {
            table.getSelectionModel().select(0);
        }
        return table;
    }

    private static TableColumn<BackupInfo, Long> numberColumn(String title, Function<BackupInfo, Long> value) {
        return column(title, 70, value);
    }

    /** The restore itself, given the backup: asks, runs {@code restore} in the background, then reopens. */
    @FunctionalInterface
    interface Restorer {
        BackupService.RestoreResult restore(Path backup);
    }

    static void confirmAndRestore(Window owner, Background background, Path backup, Path current, Restorer restorer,
                                  Consumer<Path> reopen) {
        if (!Dialogs.confirm(owner, "确定从这份备份恢复吗？",
                "将用备份“" + backup.getFileName() + "”替换当前数据。\n当前数据会先自动备份一份（“恢复前的备份”），需要时可以再恢复回来。",
                "backup-confirm-ok")) {
            return;
        }
        background.run(() -> restorer.restore(backup), result -> {
            reopen.accept(result.database());
            Dialogs.info(owner, "恢复完成", "已从“" + backup.getFileName() + "”恢复：" + result.counts() + "。"
                    + (result.safetyBackup() == null ? "" : "\n恢复前的数据已备份到：\n" + result.safetyBackup().file())
                    + (result.setAside() == null ? "" : "\n原来无法打开的文件没有被覆盖，已原样移到：\n" + result.setAside()));
        }, error -> {
            // the database may already have been closed for the swap: open the (unchanged) file again
            reopen.accept(current);
            Dialogs.error(owner, error);
        });
    }

    /**
     * When opening failed because the file is damaged (it has been moved aside), offers the newest good
     * backup. Returns false for any other error (the caller shows it as usual).
     */
    public static boolean offerRecovery(Window owner, Background background, Throwable error, Consumer<Path> reopen) {
        Throwable e = error;
        while (e != null && !(e instanceof DatabaseDamagedException)) {
            e = e.getCause();
        }
        if (!(e instanceof DatabaseDamagedException damaged)) {
            return false;
        }
        if (damaged.newestBackup().isEmpty()) {
            Dialogs.error(owner, damaged);
            return true;
        }
        BackupInfo newest = damaged.newestBackup().get();
        Alert a = new Alert(Alert.AlertType.WARNING, damaged.getMessage(), Dialogs.OK, Dialogs.CANCEL);
        a.initOwner(owner);
        a.setTitle("数据库已损坏");
        a.setHeaderText("要从最近一份完好的备份（" + org.taizhang.common.Dates.dateTime(newest.createdAt()) + "）恢复吗？");
        ((Button) a.getDialogPane().lookupButton(Dialogs.OK)).setText("从这份备份恢复");
        a.getDialogPane().lookupButton(Dialogs.OK).setId("recover-ok");
        a.getDialogPane().setPrefWidth(640);
        Optional<ButtonType> r = a.showAndWait();
        if (r.isPresent() && r.get() == Dialogs.OK) {
            background.run(() -> BackupService.restoreInto(damaged.original(), newest.file()), result -> reopen.accept(result.database()));
        }
        return true;
    }

    /**
     * A banner under the menu for read-only mode and location warnings (network or cloud folder, clock,
     * failed automatic backup), or null when there is nothing to say.
     */
    public static Node banner(Database db) {
        StringBuilder text = new StringBuilder();
        if (db.readOnly()) {
            text.append("只读模式：").append(db.readOnlyReason()).append("。");
        }
        for (String w : db.warnings()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append("提醒：").append(w);
        }
        if (text.isEmpty()) {
            return null;
        }
        Label label = new Label(text.toString());
        label.setId("safety-banner");
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setPadding(new Insets(6, 10, 6, 10));
        label.setStyle(db.readOnly() ? "-fx-background-color: #fde2e1; -fx-text-fill: #8a1c1c;"
                : "-fx-background-color: #fff4ce; -fx-text-fill: #5c4400;");
        return label;
    }
}
