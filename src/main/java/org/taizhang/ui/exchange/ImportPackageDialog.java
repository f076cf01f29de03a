package org.taizhang.ui.exchange;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.taizhang.exchange.ExchangeService;
import org.taizhang.exchange.ImportPreview;
import org.taizhang.exchange.ImportResult;
import org.taizhang.exchange.Kind;
import org.taizhang.exchange.Manifest;
import org.taizhang.org.Org;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.Dialogs;
import org.taizhang.ui.OrgPicker;
import org.taizhang.ui.activity.OrgChoice;
import org.taizhang.org.OrgTree;

/**
 * 文件 → 导入数据包…: pick a .tzpkg, see what it would add, change and remove and which records are in
 * conflict, then import it (a backup first, then one transaction) — all database work in the background.
 */
final class ImportPackageDialog extends Dialog<ButtonType> {
    private final TextField file = new TextField();
    private final ComboBox<OrgChoice> as = OrgPicker.choices("package-as");
    private final CheckBox takeTheirs = new CheckBox("冲突时以数据包为准（覆盖本级在上次导入后所做的修改）");
    private final Label summary = new Label("请选择下级报送的数据包（.tzpkg），先预览再导入。");
    private final TableView<ImportPreview.Item> items = new TableView<>();
    private final Button preview = new Button("预览");
    private final AppContext ctx;
    private ImportPreview shown;

    ImportPackageDialog(Window owner, AppContext ctx, List<Org> orgs) {
        this.ctx = ctx;
        initOwner(owner);
        setTitle("导入数据包");
        setHeaderText("导入下级报送的数据：按记录编号对应，重复导入不会重复计数");
        setResizable(true);
        file.setId("package-file");
        takeTheirs.setId("package-take-theirs");
        summary.setId("package-summary");
        items.setId("package-items");
        preview.setId("package-preview");
        OrgChoice.decorate(as);
        as.setPrefWidth(320);
        as.getItems().setAll(OrgChoice.of(new OrgTree(orgs), OrgChoice.none("（按名称自动对应）")));
        as.getSelectionModel().selectFirst();
        HBox.setHgrow(file, Priority.ALWAYS);
        file.setPrefWidth(520);
        file.setPromptText("数据包文件");
        Button browse = new Button("浏览…");
        browse.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("选择数据包");
            fc.getExtensionFilters().add(ExchangeActions.PACKAGE);
            var f = fc.showOpenDialog(getDialogPane().getScene().getWindow());
            if (f != null) {
                file.setText(f.getAbsolutePath());
                runPreview();
            }
        });
        preview.setOnAction(e -> runPreview());
        takeTheirs.selectedProperty().addListener((o, a, b) -> {
            if (shown != null) {
                runPreview();
            }
        });
        items.getColumns().add(column("类型", 70, i -> i.kind().label));
        items.getColumns().add(column("变化", 60, i -> i.op().label));
        items.getColumns().add(column("记录", 400, ImportPreview.Item::label));
        items.getColumns().add(column("说明", 320, i -> i.reason() == null ? "" : i.reason()));
        items.setPlaceholder(new Label("没有需要列出的变化"));
        items.setPrefHeight(300);
        summary.setWrapText(true);
        summary.setMaxWidth(840);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("数据包"), new HBox(6, file, browse, preview));
        g.addRow(1, new Label("对应本单位的"), as);
        g.addRow(2, new Label(""), takeTheirs);
        VBox box = new VBox(8, g, summary, items);
        box.setPadding(new Insets(10));
        box.setPrefWidth(860);
        VBox.setVgrow(items, Priority.ALWAYS);
        getDialogPane().setContent(box);
        getDialogPane().setPrefSize(900, 640);
        getDialogPane().getButtonTypes().addAll(Dialogs.OK, Dialogs.CANCEL);
        ((Button) getDialogPane().lookupButton(Dialogs.CANCEL)).setText("关闭");
        Button ok = (Button) getDialogPane().lookupButton(Dialogs.OK);
        ok.setText("导入");
        ok.setId("package-import");
        ok.setDisable(true);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            Path p = path();
            Integer asOrg = OrgChoice.idOf(as.getValue());
            boolean theirs = takeTheirs.isSelected();
            ok.setDisable(true);
            preview.setDisable(true);
            summary.setText("正在导入（先备份，再在一个事务中写入）…");
            ctx.background().run(() -> new ExchangeService(ctx.db()).apply(p, asOrg, theirs), r -> {
                preview.setDisable(false);
                show(r.preview());
                ok.setDisable(true);
                summary.setText(result(r));
                ctx.dataChanged();
            }, ex -> {
                preview.setDisable(false);
                summary.setText("未导入：" + Dialogs.inlineText(ex));
            });
        });
    }

    private static TableColumn<ImportPreview.Item, String> column(String title, double width,
                                                                  java.util.function.Function<ImportPreview.Item, String> text) {
        TableColumn<ImportPreview.Item, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
        return c;
    }

    private Path path() {
        String t = file.getText() == null ? "" : file.getText().strip();
        return t.isEmpty() ? null : Path.of(t);
    }

    /** Reads the package and shows what it would do (nothing is written). */
    void runPreview() {
        Path p = path();
        Button ok = (Button) getDialogPane().lookupButton(Dialogs.OK);
        ok.setDisable(true);
        if (p == null) {
            summary.setText("请选择数据包文件。");
            return;
        }
        Integer asOrg = OrgChoice.idOf(as.getValue());
        boolean theirs = takeTheirs.isSelected();
        summary.setText("正在读取数据包…");
        ctx.background().run(() -> new ExchangeService(ctx.db()).preview(p, asOrg, theirs), pv -> {
            show(pv);
            summary.setText(describe(pv));
            ok.setDisable(!pv.hasChanges());
        }, ex -> {
            shown = null;
            items.getItems().clear();
            summary.setText("不能导入：" + Dialogs.inlineText(ex));
        });
    }

    private void show(ImportPreview p) {
        shown = p;
        items.getItems().setAll(p.items().stream().filter(i -> i.op() != ImportPreview.Op.SAME).toList());
    }

    static String describe(ImportPreview p) {
        Manifest m = p.manifest();
        StringBuilder b = new StringBuilder();
        b.append("报送单位：").append(String.join(" / ", m.senderPath())).append(" → 本单位的 ").append(p.rootPath()).append('\n');
        b.append("时段：").append(m.periodText()).append(m.fullId() ? "；含完整身份证号" : "；身份证号已打码").append('\n');
        b.append(p.summary());
        for (Kind k : Kind.values()) {
            long n = p.items().stream().filter(i -> i.kind() == k).count();
            if (n > 0) {
                b.append("\n　").append(k.label).append("：新增 ").append(p.count(k, ImportPreview.Op.ADD)).append("，修改 ")
                        .append(p.count(k, ImportPreview.Op.CHANGE)).append("，删除 ").append(p.count(k, ImportPreview.Op.REMOVE))
                        .append("，冲突 ").append(p.count(k, ImportPreview.Op.CONFLICT));
            }
        }
        if (!p.hasChanges()) {
            b.append('\n').append(p.alreadyImported() ? "这个数据包已经导入过，没有需要写入的变化。" : "没有需要写入的变化。");
        }
        return b.toString();
    }

    static String result(ImportResult r) {
        if (!r.changedAnything()) {
            return "没有需要写入的变化，数据未改动。" + (r.kept().isEmpty() ? "" : "\n保留 " + r.kept().size() + " 条（见列表中的冲突）");
        }
        return "已导入：新增 " + r.added() + "，修改 " + r.changed() + "，删除 " + r.removed()
                + (r.attachments() > 0 ? "，附件 " + r.attachments() + " 个" : "") + "。导入前已备份"
                + (r.backup() == null ? "" : "到 " + r.backup().getFileName()) + "。"
                + (r.kept().isEmpty() ? "" : "\n保留 " + r.kept().size() + " 条：" + String.join("；", r.kept()));
    }
}
