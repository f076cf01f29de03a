package org.taizhang.ui.activity;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.taizhang.attachment.AttachmentInfo;
import org.taizhang.attachment.AttachmentService;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.Dialogs;

/**
 * The files of one activity or honour: add (copied into the database, so emailing or backing up the
 * database keeps them), save a copy out, remove.
 */
public final class AttachmentsDialog extends Dialog<Void> {
    private final AppContext ctx;
    private final AttachmentService service;
    private final String ownerKind;
    private final int ownerId;
    private final ListView<AttachmentInfo> list = new ListView<>();
    private final Label status = new Label();

    public AttachmentsDialog(Window owner, AppContext ctx, String ownerKind, int ownerId, String title) {
        this.ctx = ctx;
        this.service = new AttachmentService(ctx.db());
        this.ownerKind = ownerKind;
        this.ownerId = ownerId;
        initOwner(owner);
        setTitle("附件");
        setHeaderText(title + "\n附件保存在数据库文件里，复制或备份数据库即可一并带走。");
        list.setId("attachment-list");
        list.setPrefSize(480, 240);
        list.setPlaceholder(new Label("还没有附件，点“添加…”选择照片、PDF 或签到表"));
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(AttachmentInfo a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.fileName() + "（" + a.sizeText() + "）");
            }
        });
        Button add = new Button("添加…");
        add.setId("attachment-add");
        add.setOnAction(e -> add(owner));
        Button save = new Button("另存为…");
        save.setId("attachment-save");
        save.setOnAction(e -> saveOut(owner));
        Button remove = new Button("删除");
        remove.setId("attachment-remove");
        remove.setOnAction(e -> remove(owner));
        save.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        VBox box = new VBox(8, list, new HBox(8, add, save, remove), status);
        box.setPadding(new Insets(4));
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().add(new ButtonType("关闭", javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        load();
    }

    private void load() {
        ctx.background().run(() -> service.list(ownerKind, ownerId), items -> list.getItems().setAll(items));
    }

    /** Adds files (the UI's file chooser, or a test's paths). */
    public void addFiles(List<Path> files) {
        ctx.background().run(() -> {
            for (Path p : files) {
                service.addFile(ownerKind, ownerId, p);
            }
            return files.size();
        }, n -> {
            status.setText("已添加 " + n + " 个附件");
            ctx.dataChanged();
            load();
        }, err -> Dialogs.error(getOwner(), err));
    }

    private void add(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle("选择附件（照片、PDF、签到表等）");
        List<File> files = fc.showOpenMultipleDialog(getDialogPane().getScene().getWindow());
        if (files != null && !files.isEmpty()) {
            addFiles(files.stream().map(File::toPath).toList());
        }
    }

    private void saveOut(Window owner) {
        AttachmentInfo a = list.getSelectionModel().getSelectedItem();
        if (a == null) {
            return;
        }
        File f = Dialogs.saveAs(getDialogPane().getScene().getWindow(), "另存附件", a.fileName(), null);
        if (f == null) {
            return;
        }
        ctx.background().run(() -> service.saveTo(a.id(), f.toPath()), p -> {
            status.setText("已保存到 " + p);
            Dialogs.exported(getDialogPane().getScene().getWindow(), "附件已另存", p);
        }, err -> Dialogs.error(getOwner(), err));
    }

    private void remove(Window owner) {
        AttachmentInfo a = list.getSelectionModel().getSelectedItem();
        if (a == null || !Dialogs.confirm(getDialogPane().getScene().getWindow(), "删除附件", "确定删除“" + a.fileName() + "”吗？此操作不能撤销。")) {
            return;
        }
        ctx.background().run(() -> {
            service.remove(a.id());
            return a;
        }, x -> {
            status.setText("已删除 " + x.fileName());
            ctx.dataChanged();
            load();
        }, err -> Dialogs.error(getOwner(), err));
    }
}
