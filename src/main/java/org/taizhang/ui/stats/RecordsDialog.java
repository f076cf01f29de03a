package org.taizhang.ui.stats;

import static org.taizhang.ui.Controls.column;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.taizhang.common.Dates;
import org.taizhang.stats.Behind;
import org.taizhang.stats.RecordRow;

/** The records behind a figure: a non-modal window with a table (日期 · 名称 · 组织 · 详情) and the exact total. */
final class RecordsDialog {
    private RecordsDialog() {
    }

    static Dialog<Void> show(Window owner, String scope, Behind b) {
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.initModality(Modality.NONE);
        d.setResizable(true);
        d.setTitle(b.title());
        d.setHeaderText(scope + " · " + b.title());
        TableView<RecordRow> table = new TableView<>(FXCollections.observableArrayList(b.rows()));
        table.setId("records-table");
        table.getColumns().add(column("日期", 100, r -> r.date() == null ? "" : Dates.iso(r.date())));
        table.getColumns().add(column("名称", 220, RecordRow::title));
        table.getColumns().add(column("组织", 200, r -> r.orgName() == null ? "" : r.orgName()));
        table.getColumns().add(column("详情", 380, RecordRow::detail));
        table.setPlaceholder(new Label("没有记录"));
        Label total = new Label(b.truncated() ? "共 " + b.total() + " 条，这里列出前 " + b.rows().size() + " 条（可用命令行 stats records 导出全部）"
                : "共 " + b.total() + " 条");
        total.setId("records-total");
        VBox box = new VBox(8, total, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        box.setPrefSize(940, 520);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().add(new ButtonType("关闭", javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        d.show();
        return d;
    }
}
