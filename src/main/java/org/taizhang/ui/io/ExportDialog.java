package org.taizhang.ui.io;

import java.nio.file.Path;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.taizhang.app.Errors;
import org.taizhang.io.ExportService;
import org.taizhang.io.ImportKind;
import org.taizhang.org.Org;
import org.taizhang.org.OrgTree;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.Dialogs;
import org.taizhang.ui.Form;
import org.taizhang.ui.OrgPicker;
import org.taizhang.ui.activity.OrgChoice;

/**
 * 文件 → 导出…: what (组织/人员/活动/荣誉), which organisation subtree, which period, and whether to
 * include full ID numbers (包含完整证件号, with a warning the first time it is ticked); the file is
 * written in the background.
 */
public final class ExportDialog extends Dialog<ButtonType> {
    private static boolean warnedFullId;

    private final ChoiceBox<ImportKind> kind = new ChoiceBox<>(FXCollections.observableArrayList(ImportKind.values()));
    private final ComboBox<OrgChoice> org = OrgPicker.choices("export-org");
    private final DatePicker from = Form.datePicker();
    private final DatePicker to = Form.datePicker();
    private final CheckBox fullId = new CheckBox("包含完整证件号");
    private final TextField target = new TextField();
    private final Label status = new Label();

    public ExportDialog(Window owner, AppContext ctx, List<Org> orgs) {
        initOwner(owner);
        setTitle("导出为 Excel");
        setHeaderText("导出的表格可以直接打印，也可以修改后重新导入");
        kind.setId("export-kind");
        fullId.setId("export-full-id");
        target.setId("export-target");
        status.setId("export-status");
        kind.getSelectionModel().select(ImportKind.PEOPLE);
        OrgTree tree = new OrgTree(orgs);
        OrgChoice.decorate(org);
        org.setPrefWidth(320);
        org.getItems().setAll(OrgChoice.of(tree, true));
        org.getSelectionModel().selectFirst();
        fullId.selectedProperty().addListener((o, was, now) -> {
            if (now && !warnedFullId) {
                warnedFullId = true;
                if (!Dialogs.confirm(owner, "包含完整证件号？", ExportService.FULL_ID_WARNING + "\n\n确定要导出完整的身份证号和电话吗？")) {
                    fullId.setSelected(false);
                }
            }
        });
        target.setPromptText("保存到…");
        HBox.setHgrow(target, Priority.ALWAYS);
        Button browse = new Button("浏览…");
        browse.setOnAction(e -> {
            var f = Dialogs.saveAs(getDialogPane().getScene().getWindow(), "导出到", kind.getValue().label() + ".xlsx", Dialogs.EXCEL);
            if (f != null) {
                target.setText(f.getAbsolutePath());
            }
        });
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        g.addRow(0, new Label("导出内容"), kind);
        g.addRow(1, new Label("组织范围"), org);
        g.addRow(2, new Label("日期从"), new HBox(6, from, new Label("到"), to));
        g.addRow(3, new Label(""), fullId);
        g.addRow(4, new Label("保存到"), new HBox(6, target, browse));
        g.add(status, 0, 5, 2, 1);
        status.setWrapText(true);
        getDialogPane().setContent(g);
        getDialogPane().getButtonTypes().addAll(Dialogs.OK, Dialogs.CANCEL);
        // the dialog stays open after an export (another table, another organisation): 关闭, as in 数据上报
        ((Button) getDialogPane().lookupButton(Dialogs.CANCEL)).setText("关闭");
        Button ok = (Button) getDialogPane().lookupButton(Dialogs.OK);
        ok.setText("导出");
        ok.setId("export-ok");
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            String t = target.getText() == null ? "" : target.getText().strip();
            if (t.isEmpty()) {
                status.setText("请选择保存位置。");
                return;
            }
            Path out = t.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx") ? Path.of(t) : Path.of(t + ".xlsx");
            ImportKind k = kind.getValue();
            Integer orgId = OrgChoice.idOf(org.getValue());
            ExportService.Options o = new ExportService.Options(orgId, from.getValue(), to.getValue(), fullId.isSelected());
            ok.setDisable(true);
            status.setText("正在导出…");
            ctx.background().run(() -> new ExportService(ctx.db()).export(k, o, out), n -> {
                ok.setDisable(false);
                status.setText("已导出" + k.label() + " " + n + " 行到 " + out);
                Dialogs.exported(isShowing() ? getDialogPane().getScene().getWindow() : owner, "已导出" + k.label() + " " + n + " 行", out);
            }, ex -> {
                ok.setDisable(false);
                status.setText("导出失败：" + Errors.message(ex));
            });
        });
    }
}
