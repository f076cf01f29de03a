package org.taizhang.ui.exchange;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.taizhang.exchange.ExchangeService;
import org.taizhang.exchange.Kind;
import org.taizhang.exchange.Manifest;
import org.taizhang.exchange.PackageFormat;
import org.taizhang.io.ExportService;
import org.taizhang.org.Org;
import org.taizhang.stats.Period;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.Dialogs;
import org.taizhang.ui.OrgPicker;
import org.taizhang.ui.activity.OrgChoice;
import org.taizhang.org.OrgTree;
import org.taizhang.ui.PeriodFilter;

/**
 * 文件 → 数据上报…: which organisation (with everything under it), which period, full ID numbers or not,
 * and where to save the .tzpkg; the package is written in the background.
 */
final class ExportPackageDialog extends Dialog<ButtonType> {
    private final ComboBox<OrgChoice> org = OrgPicker.choices("package-org");
    private final PeriodFilter period = new PeriodFilter("package", () -> { });
    private final CheckBox fullId = new CheckBox("包含完整身份证号和电话（敏感信息）");
    private final CheckBox attachments = new CheckBox("带上活动和荣誉的附件（照片、签到表、证书；文件会大很多）");
    private final TextField target = new TextField();
    private final Label status = new Label();

    ExportPackageDialog(Window owner, AppContext ctx, List<Org> orgs) {
        initOwner(owner);
        setTitle("数据上报");
        setHeaderText("把本组织（含全部下级）一个时段的数据导出为数据包，交给上级导入");
        fullId.setId("package-full-id");
        target.setId("package-target");
        status.setId("package-status");
        OrgChoice.decorate(org);
        org.setPrefWidth(320);
        org.getItems().setAll(OrgChoice.of(new OrgTree(orgs), false));
        org.getSelectionModel().selectFirst();
        fullId.selectedProperty().addListener((o, was, now) -> {
            if (now && !Dialogs.confirm(owner, "包含完整证件号？", ExportService.FULL_ID_WARNING
                    + "\n\n不勾选时号码打码，上级仍能按记录编号对应同一人。确定要包含完整号码吗？")) {
                fullId.setSelected(false);
            }
        });
        target.setPromptText("保存到…");
        HBox.setHgrow(target, Priority.ALWAYS);
        Button browse = new Button("浏览…");
        browse.setOnAction(e -> {
            String name = (org.getValue() != null ? org.getValue().name() : "数据包") + "-" + periodOf().label() + PackageFormat.EXTENSION;
            var f = Dialogs.saveAs(getDialogPane().getScene().getWindow(), "保存数据包", name, ExchangeActions.PACKAGE);
            if (f != null) {
                target.setText(Dialogs.withExtension(f, PackageFormat.EXTENSION).toString());
            }
        });
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        g.addRow(0, new Label("报送组织"), org);
        g.addRow(1, new Label("时段"), new HBox(6, period.periodBox(), period.yearBox(), period.fromPicker(), new Label("至"), period.toPicker()));
        g.addRow(2, new Label(""), fullId);
        g.addRow(3, new Label(""), attachments);
        g.addRow(4, new Label("保存到"), new HBox(6, target, browse));
        g.add(status, 0, 5, 2, 1);
        status.setWrapText(true);
        status.setMaxWidth(680);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getDialogPane().setContent(g);
        getDialogPane().setPrefWidth(720);
        getDialogPane().getButtonTypes().addAll(Dialogs.OK, Dialogs.CANCEL);
        ((Button) getDialogPane().lookupButton(Dialogs.CANCEL)).setText("关闭");
        Button ok = (Button) getDialogPane().lookupButton(Dialogs.OK);
        ok.setText("导出数据包");
        ok.setId("package-ok");
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            String t = target.getText() == null ? "" : target.getText().strip();
            Integer orgId = OrgChoice.idOf(org.getValue());
            if (orgId == null) {
                status.setText("请选择报送的组织。");
                return;
            }
            if (t.isEmpty()) {
                status.setText("请选择保存位置。");
                return;
            }
            if (period.from() == null || period.to() == null) {
                status.setText("请选择时段。");
                return;
            }
            Path out = Dialogs.withExtension(new java.io.File(t), PackageFormat.EXTENSION);
            Period p = periodOf();
            boolean full = fullId.isSelected();
            boolean files = attachments.isSelected();
            ok.setDisable(true);
            status.setText("正在导出…");
            ctx.background().run(() -> new ExchangeService(ctx.db()).export(orgId, p, full, files, out), m -> {
                ok.setDisable(false);
                status.setText("已导出数据包：" + out + "\n" + describe(m));
                Dialogs.exported(isShowing() ? getDialogPane().getScene().getWindow() : owner, "数据包已导出", out, describe(m) + "\n请把这个文件交给上级导入。");
            }, ex -> {
                ok.setDisable(false);
                status.setText("导出失败：" + Dialogs.inlineText(ex));
            });
        });
    }

    private Period periodOf() {
        return period.from() == null || period.to() == null ? Period.year(java.time.LocalDate.now().getYear())
                : Period.custom(period.from(), period.to());
    }

    static String describe(Manifest m) {
        StringBuilder b = new StringBuilder();
        for (Kind k : Kind.values()) {
            b.append(b.isEmpty() ? "" : "，").append(k.label).append(' ').append(m.count(k)).append(' ').append(k.unit);
        }
        int files = m.counts().getOrDefault("attachment", 0);
        return b + (files > 0 ? "，附件 " + files + " 个" : "") + (m.fullId() ? "（含完整身份证号）" : "（身份证号、电话已打码）");
    }
}
