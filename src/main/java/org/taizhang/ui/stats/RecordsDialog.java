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
import org.taizhang.common.Numbers;
import org.taizhang.ui.Dialogs;
import org.taizhang.stats.Behind;
import org.taizhang.stats.RecordRow;

/** The records behind a figure: a non-modal window with a table (日期 · 名称 · 组织 · 详情) and the exact total. */
final class RecordsDialog {
    private RecordsDialog() {
    }

    /** @param title the words the clerk clicked (the window is named as the link was), or null for the figure's own title */
    static Dialog<Void> show(Window owner, String scope, Behind b, String title) {
        String name = title == null || title.isBlank() ? b.title() : title;
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.initModality(Modality.NONE);
        d.setTitle(name);
        d.setHeaderText(scope + " · " + name);
        TableView<RecordRow> table = new TableView<>(FXCollections.observableArrayList(b.rows()));
        table.setId("records-table");
        table.getColumns().add(column("日期", 100, r -> r.date() == null ? "" : Dates.iso(r.date())));
        table.getColumns().add(column("名称", 220, RecordRow::title));
        table.getColumns().add(column("组织", 200, r -> r.orgName() == null ? "" : r.orgName()));
        table.getColumns().add(column("详情", 380, RecordRow::detail));
        org.taizhang.ui.UiPrefs.rememberColumns(table.getColumns(), "records");
        table.setPlaceholder(new Label("没有记录"));
        Label total = new Label(b.truncated() ? "共 " + Numbers.grouped(b.total()) + " 条，这里列出前 " + Numbers.grouped(b.rows().size()) + " 条"
                : "共 " + Numbers.grouped(b.total()) + " 条");
        total.setId("records-total");
        VBox box = new VBox(8, total, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        box.setPrefSize(940, 520);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().add(new ButtonType("关闭", javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        d.getDialogPane().setPrefSize(980, 640);
        Dialogs.fit(d);
        d.show();
        return d;
    }
}
