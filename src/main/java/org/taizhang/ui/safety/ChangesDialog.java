package org.taizhang.ui.safety;

import static org.taizhang.ui.Controls.column;

import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
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
        table.getColumns().add(column("时间", 170, Change::localTime));
        table.getColumns().add(column("用户", 90, c -> c.osUser() == null ? "" : c.osUser()));
        table.getColumns().add(column("操作", 60, Change::actionLabel));
        table.getColumns().add(column("记录", 220, Change::subject));
        var content = column("内容", 420, (Change c) -> String.join("；", c.details()));
        table.getColumns().add(content);
        // 内容 takes the rest of the width; the whole of the selected change is shown below the table
        content.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> Math.max(300, table.getWidth() - 20
                - table.getColumns().stream().filter(c -> c != content).mapToDouble(javafx.scene.control.TableColumn::getWidth).sum()),
                table.widthProperty()));
        table.getItems().setAll(list);
        table.setPlaceholder(new Label("还没有修改记录"));
        Label detail = new Label("选中一条，这里显示它改动的全部内容。");
        detail.setId("changes-detail");
        detail.setWrapText(true);
        detail.getStyleClass().add("detail-label");
        detail.setMinHeight(Region.USE_PREF_SIZE);
        detail.setMaxWidth(Double.MAX_VALUE);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> detail.setText(c == null ? ""
                : c.localTime() + "　" + c.actionLabel() + " " + c.subject() + "\n" + String.join("\n", c.details())));
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.setPrefViewportHeight(110);
        VBox box = new VBox(8, table, detailScroll);
        VBox.setVgrow(table, Priority.ALWAYS);
        ButtonType undoType = new ButtonType("撤销所选修改", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(undoType, Dialogs.CLOSE);
        Button undo = (Button) d.getDialogPane().lookupButton(undoType);
        undo.setId("changes-undo");
        undo.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        d.getDialogPane().setContent(box);
        // as large as the main window allows (a 1280×720 screen included), so that 内容 is in sight without scrolling
        double w = owner == null ? 1100 : Math.max(560, Math.min(1300, owner.getWidth() - 60));
        double h = owner == null ? 620 : Math.max(360, Math.min(760, owner.getHeight() - 60));
        d.getDialogPane().setPrefSize(w, h);
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
