package org.taizhang.ui.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.taizhang.app.Errors;
import org.taizhang.io.ColumnMapping;
import org.taizhang.io.ImportField;
import org.taizhang.io.ImportKind;
import org.taizhang.io.ImportPreview;
import org.taizhang.io.ImportProgress;
import org.taizhang.io.ImportRequest;
import org.taizhang.io.ImportResult;
import org.taizhang.io.ImportService;
import org.taizhang.io.RejectsWriter;
import org.taizhang.io.RowProblem;
import org.taizhang.io.SheetReader;
import org.taizhang.io.SheetRow;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.Dialogs;

/**
 * 文件 → 导入…: choose what to import and the file, see the preview (column mapping the user can
 * change, accepted/rejected counts, every rejected row with its reason), then import — everything
 * or, with 只导入无误的行, the good rows only — with a progress bar and 取消. Rejected rows can be
 * exported to an .xlsx to fix and re-import. All file and database work runs in the background.
 */
public final class ImportDialog {
    private static final String NONE = "（无）";

    private final AppContext ctx;
    private final Stage stage = new Stage();
    private final ChoiceBox<ImportKind> kind = new ChoiceBox<>(FXCollections.observableArrayList(ImportKind.values()));
    private final TextField file = new TextField();
    private final ChoiceBox<String> sheet = new ChoiceBox<>();
    private final CheckBox createMissing = new CheckBox("新建缺少的上级组织（顶层，类型“其他”）");
    private final GridPane mappingGrid = new GridPane();
    private final Map<ImportField, ComboBox<String>> mappingBoxes = new LinkedHashMap<>();
    private final Label summary = new Label("请选择要导入的内容和文件。");
    private final TableView<RowProblem> rejects = new TableView<>();
    private final CheckBox skipBad = new CheckBox("只导入无误的行");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Button check = new Button("检查");
    private final Button run = new Button("导入");
    private final Button cancel = new Button("取消");
    private final Button exportRejects = new Button("导出错误行…");
    private volatile boolean cancelled;
    private ImportPreview preview;
    private boolean busy;

    public ImportDialog(Window owner, AppContext ctx) {
        this.ctx = ctx;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("从 Excel 导入");
        kind.setId("import-kind");
        file.setId("import-file");
        sheet.setId("import-sheet");
        createMissing.setId("import-create-missing");
        summary.setId("import-summary");
        rejects.setId("import-rejects");
        skipBad.setId("import-skip-bad");
        progress.setId("import-progress");
        check.setId("import-check");
        run.setId("import-run");
        cancel.setId("import-cancel");
        exportRejects.setId("import-export-rejects");

        kind.getSelectionModel().select(ImportKind.PEOPLE);
        kind.valueProperty().addListener((o, a, b) -> {
            createMissing.setVisible(b == ImportKind.ORGS);
            buildMappingGrid(null);
            clearPreview();
        });
        createMissing.setVisible(false);
        file.setPromptText("选择 .xlsx 或 .csv 文件，或把文件拖到主窗口上");
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button("选择文件…");
        browse.setOnAction(e -> choose());
        file.setOnAction(e -> loadSheets());
        sheet.valueProperty().addListener((o, a, b) -> clearPreview());
        createMissing.selectedProperty().addListener((o, a, b) -> clearPreview());

        GridPane top = new GridPane();
        top.setHgap(8);
        top.setVgap(6);
        top.addRow(0, new Label("导入内容"), kind);
        top.addRow(1, new Label("文件"), new HBox(6, file, browse));
        top.addRow(2, new Label("工作表"), new HBox(12, sheet, createMissing));
        GridPane.setHgrow(file.getParent(), Priority.ALWAYS);

        mappingGrid.setHgap(8);
        mappingGrid.setVgap(4);
        ScrollPane mappingScroll = new ScrollPane(mappingGrid);
        mappingScroll.setFitToWidth(true);
        mappingScroll.setPrefViewportHeight(175);
        mappingScroll.setMinHeight(Region.USE_PREF_SIZE);
        Label mappingTitle = new Label("列对应（自动识别，可修改；改后点“检查”）");
        mappingTitle.getStyleClass().add("section-title");

        TableColumn<RowProblem, Number> rowCol = new TableColumn<>("行");
        rowCol.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().row()));
        rowCol.setPrefWidth(50);
        TableColumn<RowProblem, String> colCol = new TableColumn<>("列");
        colCol.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().column() + " " + c.getValue().header()));
        colCol.setPrefWidth(110);
        TableColumn<RowProblem, String> valCol = new TableColumn<>("内容");
        valCol.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().value()));
        valCol.setPrefWidth(150);
        TableColumn<RowProblem, String> reasonCol = new TableColumn<>("原因");
        reasonCol.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().reason()));
        reasonCol.setPrefWidth(480);
        rejects.getColumns().setAll(List.of(rowCol, colCol, valCol, reasonCol));
        rejects.setPlaceholder(new Label("没有错误行"));
        VBox.setVgrow(rejects, Priority.ALWAYS);

        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        check.setOnAction(e -> runPreview());
        run.setOnAction(e -> runImport());
        run.setDefaultButton(true);
        cancel.setOnAction(e -> cancelled = true);
        exportRejects.setOnAction(e -> saveRejects(null));
        Button close = new Button("关闭");
        close.setCancelButton(true);
        close.setOnAction(e -> {
            cancelled = true;
            stage.close();
        });
        skipBad.selectedProperty().addListener((o, a, b) -> updateButtons());
        progress.setPrefWidth(220);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bottom = new HBox(8, progress, progressText, cancel, grow, exportRejects, skipBad, check, run, close);
        bottom.setAlignment(Pos.CENTER_LEFT);

        VBox center = new VBox(8, mappingTitle, mappingScroll, summary, rejects);
        BorderPane root = new BorderPane(center, top, null, bottom, null);
        BorderPane.setMargin(center, new Insets(8, 0, 8, 0));
        root.setPadding(new Insets(12));
        stage.setScene(new Scene(root, 1000, 720));
        stage.setUserData(this);
        buildMappingGrid(null);
        updateButtons();
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
    }

    /** Preselects a file (drag-and-drop, tests) and checks it. */
    public void open(Path path, ImportKind k) {
        if (k != null) {
            kind.getSelectionModel().select(k);
        }
        file.setText(path.toString());
        loadSheets();
    }

    private void choose() {
        FileChooser fc = new FileChooser();
        fc.setTitle("选择要导入的文件");
        fc.getExtensionFilters().addAll(Dialogs.EXCEL,
                new FileChooser.ExtensionFilter("CSV 文件 (*.csv)", "*.csv"), new FileChooser.ExtensionFilter("所有文件", "*.*"));
        var chosen = fc.showOpenDialog(stage);
        if (chosen != null) {
            file.setText(chosen.getAbsolutePath());
            loadSheets();
        }
    }

    private Path path() {
        String s = file.getText() == null ? "" : file.getText().strip();
        return s.isEmpty() ? null : Path.of(s);
    }

    private void loadSheets() {
        Path p = path();
        clearPreview();
        if (p == null) {
            return;
        }
        setBusy(true, "正在打开文件…");
        ctx.background().run(() -> SheetReader.sheetNames(p), names -> {
            setBusy(false, "");
            sheet.getItems().setAll(names);
            if (!names.isEmpty()) {
                sheet.getSelectionModel().selectFirst();
            }
            buildMappingGrid(null);
            runPreview();
        }, e -> {
            setBusy(false, "");
            summary.setText("无法读取：" + message(e));
        });
    }

    private static String message(Throwable e) {
        return Errors.message(e);
    }

    /** The user's column choices as 列=字段 overrides (only where they differ from what was detected). */
    private Map<String, String> overrides() {
        Map<String, String> out = new LinkedHashMap<>();
        if (preview == null || preview.mapping() == null) {
            return out;
        }
        out.putAll(preview.request().mapping());
        ColumnMapping m = preview.mapping();
        Map<Integer, String> chosenByColumn = new LinkedHashMap<>();
        for (var e : mappingBoxes.entrySet()) {
            String v = e.getValue().getValue();
            Integer detected = m.column(e.getKey());
            String detectedLabel = detected == null ? NONE : label(m, detected);
            if (v != null && !v.equals(detectedLabel)) {
                ImportField f = e.getKey();
                if (!NONE.equals(v)) {
                    chosenByColumn.put(columnOf(v), f.label());
                }
                if (detected != null) {
                    chosenByColumn.putIfAbsent(detected, ColumnMapping.IGNORE);
                }
            }
        }
        chosenByColumn.forEach((c, f) -> out.put(SheetRow.columnLetter(c), f));
        return out;
    }

    private static String label(ColumnMapping m, int c) {
        return SheetRow.columnLetter(c) + " " + m.header(c);
    }

    private static int columnOf(String label) {
        return SheetRow.columnIndex(label.substring(0, label.indexOf(' ')));
    }

    private void buildMappingGrid(ColumnMapping m) {
        mappingGrid.getChildren().clear();
        mappingBoxes.clear();
        List<String> options = new ArrayList<>();
        options.add(NONE);
        if (m != null) {
            for (int c = 0; c < m.headers().size(); c++) {
                options.add(label(m, c));
            }
        }
        int i = 0;
        for (ImportField f : kind.getValue().fields()) {
            ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(options));
            box.setId("map-" + f.label());
            Integer c = m == null ? null : m.column(f);
            box.setValue(c == null ? NONE : label(m, c));
            box.setDisable(m == null);
            mappingBoxes.put(f, box);
            Label l = new Label(f.label() + (f.required() ? " *" : ""));
            mappingGrid.add(l, (i % 3) * 2, i / 3);
            mappingGrid.add(box, (i % 3) * 2 + 1, i / 3);
            i++;
        }
    }

    private void clearPreview() {
        preview = null;
        rejects.getItems().clear();
        summary.setText(path() == null ? "请选择要导入的内容和文件。" : "点“检查”查看哪些行可以导入。");
        updateButtons();
    }

    private ImportProgress progressReporter() {
        cancelled = false;
        return new ImportProgress() {
            @Override
            public void update(String phase, long done, long total) {
                Platform.runLater(() -> {
                    progress.setProgress(total > 0 ? (double) done / total : ProgressBar.INDETERMINATE_PROGRESS);
                    progressText.setText(phase + (done > 0 ? " " + done + (total > 0 ? "/" + total : "") + " 行" : ""));
                });
            }

            @Override
            public boolean cancelled() {
                return cancelled;
            }
        };
    }

    /** Reads and checks the file with the current kind, sheet and column choices; writes nothing. */
    public void runPreview() {
        Path p = path();
        if (p == null || busy) {
            return;
        }
        Map<String, String> ov = preview != null && preview.kind() == kind.getValue() ? overrides() : Map.of();
        ImportRequest req = new ImportRequest(kind.getValue(), p, sheet.getValue(), ov, createMissing.isSelected());
        ImportProgress pr = progressReporter();
        ImportService svc = new ImportService(ctx.db());
        setBusy(true, "正在检查…");
        ctx.background().run(() -> svc.preview(req, pr), result -> {
            setBusy(false, "检查完成");
            show(result);
        }, e -> {
            setBusy(false, "");
            preview = null;
            summary.setText("无法导入：" + message(e));
            updateButtons();
        });
    }

    private void show(ImportPreview p) {
        preview = p;
        buildMappingGrid(p.mapping());
        summary.setText(String.join("\n", p.summaryLines()));
        rejects.getItems().setAll(p.problems());
        updateButtons();
    }

    /** Writes the previewed rows in one transaction. */
    public void runImport() {
        if (preview == null || busy) {
            return;
        }
        ImportPreview p = preview;
        boolean skip = skipBad.isSelected();
        ImportProgress pr = progressReporter();
        ImportService svc = new ImportService(ctx.db());
        setBusy(true, "正在导入…");
        ctx.background().run(() -> svc.commit(p, skip, pr), (ImportResult r) -> {
            setBusy(false, "导入完成");
            summary.setText(String.join("\n", r.lines()) + (r.skipped() > 0 ? "\n跳过有错误的行 " + r.skipped() + " 行。" : ""));
            preview = null;
            updateButtons();
            ctx.dataChanged();
        }, e -> {
            setBusy(false, "");
            summary.setText("未导入，数据库没有改动：" + message(e));
            updateButtons();
        });
    }

    /** Exports the rejected rows; asks where when {@code target} is null. */
    public void saveRejects(Path target) {
        if (preview == null || preview.rejected().isEmpty()) {
            return;
        }
        Path out = target;
        if (out == null) {
            var chosen = Dialogs.saveAs(stage, "导出错误行", "待修正-" + preview.request().file().getFileName(), Dialogs.EXCEL);
            if (chosen == null) {
                return;
            }
            out = chosen.toPath();
        }
        ImportPreview p = preview;
        Path dest = out;
        ctx.background().run(() -> RejectsWriter.write(p, dest),
                n -> progressText.setText("已导出 " + n + " 个错误行到 " + dest.getFileName()),
                e -> Dialogs.error(stage, e));
    }

    private void setBusy(boolean b, String text) {
        busy = b;
        progress.setProgress(b ? ProgressBar.INDETERMINATE_PROGRESS : 0);
        progressText.setText(text);
        updateButtons();
    }

    private void updateButtons() {
        cancel.setDisable(!busy);
        check.setDisable(busy || path() == null);
        run.setDisable(busy || preview == null || !preview.canImport(skipBad.isSelected()));
        exportRejects.setDisable(busy || preview == null || preview.rejected().isEmpty());
        kind.setDisable(busy);
        if (preview != null && !preview.rejected().isEmpty() && !skipBad.isSelected()) {
            run.setText("导入（有 " + preview.rejectedCount() + " 行错误）");
        } else {
            run.setText(preview == null ? "导入" : "导入 " + preview.acceptedCount() + " 行");
        }
    }

    /** Whether a dropped file looks importable. */
    static boolean importable(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".xlsx") || n.endsWith(".csv") || n.endsWith(".xls"));
    }
}
