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
 * 文件 → 导入…, a dialog a clerk can finish alone: choose what to import and the file; the sheet's first rows
 * are shown as a grid (like the WPS import wizard) with a drop-down above each column saying what it holds
 * (recognised automatically, changed with one choice, re-checked at once); then one list of what the import
 * will do — 将新建 (types, categories, parent organisations), 按已有名称, 已在台账中·跳过, 有变化, 有错误 — with
 * reasons that wrap; then import everything or only the good rows, with a progress bar and 取消. One click saves
 * the problem rows next to the sheet to fix and re-import. All file and database work runs in the background.
 */
public final class ImportDialog {
    static final String NONE = "（不导入）";

    /** One line of the "what will happen" list. */
    public record Item(String what, String row, String column, String value, String reason) {
    }

    private final AppContext ctx;
    private final Stage stage = new Stage();
    private final ChoiceBox<ImportKind> kind = new ChoiceBox<>(FXCollections.observableArrayList(ImportKind.values()));
    private final TextField file = new TextField();
    private final ChoiceBox<String> sheet = new ChoiceBox<>();
    private final CheckBox createMissing = new CheckBox("新建缺少的类型、类别和上级组织");
    private final CheckBox update = new CheckBox("更新已有记录");
    private final TableView<SheetRow> grid = new TableView<>();
    private final Map<Integer, ComboBox<String>> columnBoxes = new LinkedHashMap<>();
    /** The user's choices in the grid: column letter → field label (or 忽略); kept until the file or kind changes. */
    private final Map<String, String> choices = new LinkedHashMap<>();
    private final Label summary = new Label("请选择要导入的内容和文件。");
    private final TableView<Item> items = new TableView<>();
    private final CheckBox skipBad = new CheckBox("只导入无误的行");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Button check = new Button("重新检查");
    private final Button run = new Button("导入");
    private final Button cancel = new Button("取消");
    private final Button exportRejects = new Button("保存有问题的行");
    private volatile boolean cancelled;
    private ImportPreview preview;
    private boolean busy;
    private boolean filling;

    public ImportDialog(Window owner, AppContext ctx) {
        this.ctx = ctx;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("从 Excel 导入");
        kind.setId("import-kind");
        file.setId("import-file");
        sheet.setId("import-sheet");
        createMissing.setId("import-create-missing");
        update.setId("import-update");
        grid.setId("import-grid");
        summary.setId("import-summary");
        items.setId("import-rejects");
        skipBad.setId("import-skip-bad");
        progress.setId("import-progress");
        check.setId("import-check");
        run.setId("import-run");
        cancel.setId("import-cancel");
        exportRejects.setId("import-export-rejects");

        kind.getSelectionModel().select(ImportKind.PEOPLE);
        kind.valueProperty().addListener((o, a, b) -> {
            choices.clear();
            clearPreview();
            runPreview();
        });
        file.setPromptText("选择 .xlsx 或 .csv 文件，或把文件拖到主窗口上");
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button("选择文件…");
        browse.setOnAction(e -> choose());
        file.setOnAction(e -> loadSheets());
        sheet.valueProperty().addListener((o, a, b) -> {
            if (!filling) {
                choices.clear();
                runPreview();
            }
        });
        createMissing.selectedProperty().addListener((o, a, b) -> runPreview());
        update.selectedProperty().addListener((o, a, b) -> runPreview());
        createMissing.setTooltip(new javafx.scene.control.Tooltip("表中用到、名册里还没有的组织类型、活动类别和上级组织，导入时一并新建；"
                + "检查结果中先列出要新建的内容"));
        update.setTooltip(new javafx.scene.control.Tooltip("已在台账中但内容不同的行，按表中内容更新（每处修改都记入修改记录）；"
                + "不勾选时只列出、不更新"));

        GridPane top = new GridPane();
        top.setHgap(8);
        top.setVgap(6);
        top.addRow(0, new Label("导入内容"), kind);
        top.addRow(1, new Label("文件"), new HBox(6, file, browse));
        HBox options = new HBox(16, sheet, createMissing, update);
        options.setAlignment(Pos.CENTER_LEFT);
        top.addRow(2, new Label("工作表"), options);
        GridPane.setHgrow(file.getParent(), Priority.ALWAYS);

        Label gridTitle = new Label("表格前几行：在每一列上方选择这一列是什么（已自动识别；改了会马上重新检查）");
        gridTitle.getStyleClass().add("section-title");
        gridTitle.setWrapText(true);
        grid.setPlaceholder(new Label("选择文件后，这里显示表格的前几行"));
        grid.setPrefHeight(300);
        grid.setFixedCellSize(28);
        grid.setMinHeight(180);
        grid.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        grid.setRowFactory(tv -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(SheetRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeAll("import-header-row", "import-title-row");
                setStyle("");
                if (!empty && r != null && preview != null && preview.mapping() != null) {
                    if (r.number() == preview.mapping().headerRow()) {
                        setStyle("-fx-font-weight: bold;");
                    } else if (r.number() < preview.mapping().headerRow()) {
                        setStyle("-fx-opacity: 0.55;");
                    }
                }
            }
        });

        TableColumn<Item, String> whatCol = new TableColumn<>("类型");
        whatCol.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().what()));
        whatCol.setPrefWidth(90);
        TableColumn<Item, String> rowCol = new TableColumn<>("行");
        rowCol.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().row()));
        rowCol.setPrefWidth(50);
        TableColumn<Item, String> colCol = new TableColumn<>("列");
        colCol.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().column()));
        colCol.setPrefWidth(110);
        TableColumn<Item, String> valCol = new TableColumn<>("内容");
        valCol.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().value()));
        valCol.setPrefWidth(130);
        TableColumn<Item, String> reasonCol = new TableColumn<>("说明");
        reasonCol.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().reason()));
        reasonCol.setCellFactory(c -> wrapping());
        reasonCol.setPrefWidth(560);
        items.getColumns().setAll(List.of(whatCol, rowCol, colCol, valCol, reasonCol));
        items.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        items.setPlaceholder(new Label("检查后，这里列出将新建的内容、已在台账中的行和有问题的行"));
        VBox.setVgrow(items, Priority.ALWAYS);

        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        check.setOnAction(e -> runPreview());
        run.setOnAction(e -> runImport());
        run.setDefaultButton(true);
        cancel.setOnAction(e -> cancelled = true);
        exportRejects.setOnAction(e -> saveRejects(null));
        exportRejects.setTooltip(new javafx.scene.control.Tooltip("把有问题的行连同原因存成一个新表格（放在原表格旁边），改好后可直接再导入"));
        Button close = new Button("关闭");
        close.setCancelButton(true);
        close.setOnAction(e -> {
            cancelled = true;
            stage.close();
        });
        skipBad.selectedProperty().addListener((o, a, b) -> updateButtons());
        progress.setPrefWidth(200);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bottom = new HBox(8, progress, progressText, cancel, grow, exportRejects, skipBad, check, run, close);
        bottom.setAlignment(Pos.CENTER_LEFT);

        VBox center = new VBox(8, gridTitle, grid, summary, items);
        BorderPane root = new BorderPane(center, top, null, bottom, null);
        BorderPane.setMargin(center, new Insets(8, 0, 8, 0));
        root.setPadding(new Insets(12));
        stage.setScene(new Scene(root, 1100, 780));
        stage.setUserData(this);
        updateButtons();
    }

    /** A table cell whose text wraps to the column's width instead of being cut. */
    private static <T> javafx.scene.control.TableCell<T, String> wrapping() {
        javafx.scene.control.TableCell<T, String> cell = new javafx.scene.control.TableCell<>() {
            private final javafx.scene.text.Text text = new javafx.scene.text.Text();

            {
                text.wrappingWidthProperty().bind(widthProperty().subtract(12));
                text.getStyleClass().add("text");
                setPrefHeight(Region.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setGraphic(null);
                } else {
                    text.setText(s);
                    setGraphic(text);
                }
            }
        };
        return cell;
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
            filling = true;
            kind.getSelectionModel().select(k);
            filling = false;
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
        choices.clear();
        clearPreview();
        if (p == null) {
            return;
        }
        setBusy(true, "正在打开文件…");
        ctx.background().run(() -> SheetReader.sheetNames(p), names -> {
            setBusy(false, "");
            filling = true;
            sheet.getItems().setAll(names);
            if (!names.isEmpty()) {
                sheet.getSelectionModel().selectFirst();
            }
            filling = false;
            runPreview();
        }, e -> {
            setBusy(false, "");
            summary.setText("无法读取：" + message(e));
        });
    }

    private static String message(Throwable e) {
        return Errors.message(e);
    }

    /** The column choices as sent with the request: column letter → field label or 忽略. */
    public Map<String, String> choices() {
        return Map.copyOf(choices);
    }

    /** Says what column {@code column} (0 = A) holds — a field label, or {@link #NONE} — and checks again. */
    public void choose(int column, String fieldLabel) {
        choices.put(SheetRow.columnLetter(column), NONE.equals(fieldLabel) ? ColumnMapping.IGNORE : fieldLabel);
        runPreview();
    }

    /** The grid: the sheet's first rows, with the field each column holds chosen in a drop-down above it. */
    private void buildGrid(ImportPreview p) {
        grid.getColumns().clear();
        columnBoxes.clear();
        if (p == null || p.sample().isEmpty()) {
            grid.getItems().clear();
            return;
        }
        int width = 0;
        for (SheetRow r : p.sample()) {
            width = Math.max(width, r.width());
        }
        ColumnMapping m = p.mapping();
        Map<Integer, ImportField> byColumn = new LinkedHashMap<>();
        if (m != null) {
            m.columns().forEach((f, c) -> byColumn.put(c, f));
        }
        TableColumn<SheetRow, String> num = new TableColumn<>("行");
        num.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.valueOf(c.getValue().number())));
        num.setPrefWidth(44);
        num.setSortable(false);
        grid.getColumns().add(num);
        List<String> options = new ArrayList<>();
        options.add(NONE);
        for (ImportField f : p.kind().fields()) {
            options.add(f.label());
        }
        for (int c = 0; c < width; c++) {
            int col = c;
            ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(options));
            box.setId("map-col-" + SheetRow.columnLetter(c));
            ImportField f = byColumn.get(c);
            box.setValue(f == null ? NONE : f.label());
            box.setMaxWidth(Double.MAX_VALUE);
            box.setOnAction(e -> {
                if (!filling && box.getValue() != null) {
                    choose(col, box.getValue());
                }
            });
            columnBoxes.put(c, box);
            Label letter = new Label(SheetRow.columnLetter(c));
            VBox head = new VBox(2, box, letter);
            head.setAlignment(Pos.CENTER);
            TableColumn<SheetRow, String> tc = new TableColumn<>();
            tc.setGraphic(head);
            tc.setSortable(false);
            tc.setPrefWidth(Math.max(140, Math.min(220, widest(p, c) * 14 + 20)));
            tc.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(x.getValue().display(col)));
            grid.getColumns().add(tc);
        }
        grid.getItems().setAll(p.sample());
    }

    private static int widest(ImportPreview p, int c) {
        int w = 4;
        for (SheetRow r : p.sample()) {
            w = Math.max(w, org.taizhang.common.Texts.length(r.display(c)));
        }
        return Math.min(w, 14);
    }

    private void clearPreview() {
        preview = null;
        summary.setText("请选择要导入的内容和文件。");
        items.getItems().clear();
        grid.getItems().clear();
        grid.getColumns().clear();
        columnBoxes.clear();
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

    /** Reads and checks the file with the current kind, sheet, options and column choices; writes nothing. */
    public void runPreview() {
        Path p = path();
        if (p == null || busy || filling) {
            return;
        }
        ImportRequest req = new ImportRequest(kind.getValue(), p, sheet.getValue(), choices, createMissing.isSelected(),
                update.isSelected());
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
            items.getItems().clear();
            updateButtons();
        });
    }

    private void show(ImportPreview p) {
        preview = p;
        filling = true;
        buildGrid(p);
        filling = false;
        summary.setText(String.join("\n", summaryLines(p)));
        items.getItems().setAll(items(p));
        updateButtons();
    }

    /** The preview's summary without the lines the list below already shows. */
    private static List<String> summaryLines(ImportPreview p) {
        List<String> out = new ArrayList<>();
        for (String line : p.summaryLines()) {
            if (!line.startsWith("将新建：") && !line.startsWith("按已有名称：") && !line.startsWith("第 ")) {
                out.add(line);
            }
        }
        return out;
    }

    /** What will happen, in the order a clerk reads it: created, matched, problems, changes, skipped. */
    static List<Item> items(ImportPreview p) {
        List<Item> out = new ArrayList<>();
        p.creates().forEach(c -> out.add(new Item("将新建", "", "", "", c.replaceFirst("^将新建", "将新建"))));
        p.matches().forEach(m -> out.add(new Item("按已有名称", "", "", "", m)));
        for (RowProblem pr : p.problems()) {
            out.add(new Item("有错误", String.valueOf(pr.row()), pr.column().isEmpty() ? "" : pr.column() + " " + pr.header(),
                    pr.value(), pr.reason()));
        }
        p.changes().forEach((row, c) -> out.add(new Item("有变化", String.valueOf(row), "", "",
                c + (p.request().update() ? "（将更新）" : "（不更新；勾选“更新已有记录”才会更新）"))));
        p.skipped().forEach((row, c) -> out.add(new Item("已在台账中", String.valueOf(row), "", "", c)));
        return out;
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

    /** Where the problem rows go with one click: beside the sheet, "名单-待修正.xlsx" (numbered when taken). */
    static Path besideSource(Path source) {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        Path dir = source.toAbsolutePath().getParent();
        Path out = dir.resolve(base + "-待修正.xlsx");
        for (int i = 2; Files.exists(out) && i < 1000; i++) {
            out = dir.resolve(base + "-待修正(" + i + ").xlsx");
        }
        return out;
    }

    /** Saves the problem rows with their reasons; beside the sheet when {@code target} is null. */
    public void saveRejects(Path target) {
        if (preview == null || preview.rejected().isEmpty()) {
            return;
        }
        ImportPreview p = preview;
        Path dest = target != null ? target : besideSource(p.request().file());
        ctx.background().run(() -> RejectsWriter.write(p, dest),
                n -> {
                    progressText.setText("已把 " + n + " 个有问题的行存到 " + dest + "，改好后可直接再导入");
                    Dialogs.exported(stage, "已导出 " + n + " 个有问题的行", dest, "每行后面写明了问题；改好后可直接再导入这个文件。");
                },
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
        columnBoxes.values().forEach(b -> b.setDisable(busy));
        if (preview != null && !preview.rejected().isEmpty() && !skipBad.isSelected()) {
            run.setText("导入（有 " + preview.rejectedCount() + " 行错误）");
        } else if (preview != null && preview.acceptedCount() == 0 && preview.request().update() && !preview.changes().isEmpty()) {
            run.setText("更新 " + preview.changes().size() + " 行");
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
