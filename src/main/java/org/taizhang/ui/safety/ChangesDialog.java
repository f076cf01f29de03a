package org.taizhang.ui.safety;

import static org.taizhang.ui.Controls.column;

import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.taizhang.db.ChangeLogService;
import org.taizhang.db.ChangeLogService.Change;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.Dialogs;

/** 文件 → 最近的修改…: who changed what and when (from the change log), with undo of a selected change. */
public final class ChangesDialog {
    private ChangesDialog() {
    }

    public static String tableLabel(String table) {
        return org.taizhang.db.ChangeLabels.table(table);
    }

    public static void show(Window owner, AppContext ctx) {
        ctx.background().run(() -> new ChangeLogService(ctx.db()).recent(300), list -> choose(owner, list).ifPresent(c -> undo(owner, ctx, c)));
    }

    private static Optional<Change> choose(Window owner, List<Change> list) {
        Dialog<Change> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("最近的修改");
        d.setHeaderText("最近 " + list.size() + " 次修改（谁、何时、改了什么）。选中一条可以撤销；一条记录只能从最近的修改开始撤销。");
        TableView<Change> table = new TableView<>();
        table.setId("changes-table");
        table.getColumns().add(column("时间", 150, Change::localTime));
        table.getColumns().add(column("用户", 90, c -> c.osUser() == null ? "" : c.osUser()));
        table.getColumns().add(column("操作", 60, Change::actionLabel));
        table.getColumns().add(column("记录", 200, Change::subject));
        table.getColumns().add(column("内容", 420, c -> String.join("；", c.details())));
        table.getItems().setAll(list);
        table.setPlaceholder(new Label("还没有修改记录"));
        ButtonType undoType = new ButtonType("撤销所选修改", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(undoType, Dialogs.CLOSE);
        Button undo = (Button) d.getDialogPane().lookupButton(undoType);
        undo.setId("changes-undo");
        undo.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        d.getDialogPane().setContent(table);
        d.getDialogPane().setPrefSize(1000, 520);
        Dialogs.fit(d);
        d.setResultConverter(bt -> bt == undoType ? table.getSelectionModel().getSelectedItem() : null);
        return d.showAndWait();
    }

    private static void undo(Window owner, AppContext ctx, Change c) {
        if (!Dialogs.confirm(owner, "确定撤销这次修改吗？", "撤销 " + c.localTime() + " 的" + c.actionLabel() + "：" + c.subject()
                + "？\n撤销本身也会记入修改记录。", "changes-confirm-ok")) {
            return;
        }
        ctx.background().run(() -> new ChangeLogService(ctx.db()).undo(c.id()), done -> {
            ctx.dataChanged();
            Dialogs.info(owner, "已撤销", "已撤销 " + c.localTime() + " 的" + c.actionLabel() + "：" + c.subject() + "（撤销本身也记入了修改记录）。");
        });
    }
}
