package org.taizhang.ui.plan;

import static org.taizhang.ui.Controls.button;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.taizhang.common.Dates;
import org.taizhang.common.PlanStatus;
import org.taizhang.org.Org;
import org.taizhang.plan.Plan;
import org.taizhang.plan.PlanNode;
import org.taizhang.plan.PlanOutline;
import org.taizhang.plan.PlanService;
import org.taizhang.plan.TargetMetric;
import org.taizhang.report.SummaryComposer;
import org.taizhang.report.SummaryTemplate;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.AppTab;
import org.taizhang.ui.Controls;
import org.taizhang.ui.Dialogs;
import org.taizhang.ui.Form;
import org.taizhang.ui.Icons;
import org.taizhang.ui.OrgPicker;
import org.taizhang.ui.Prompts;
import org.taizhang.ui.UiPrefs;

/**
 * 工作计划, the view: plans of an organisation on the left; the selected plan's outline (一、→（一）→一是) as a
 * tree table with status, owner, due date and progress; details of the selected line on the right.
 * Keys on the outline: Alt+↑/↓ move, Tab/Shift+Tab indent/outdent, Ctrl+Z/Ctrl+Y undo/redo, Delete,
 * Insert adds a line after; lines can also be dragged onto another line. Ctrl+S saves from anywhere in
 * the tab. The state and the logic are {@link PlanViewModel}'s; this class builds the controls, binds
 * them and redraws the outline when the view-model says it changed.
 */
public final class PlanTab implements AppTab {
    public static final String TITLE = "工作计划";
    private final PlanViewModel vm;
    private final Tab tab;
    private final ListView<Plan> planList = new ListView<>();
    private final TreeTableView<PlanNode> outlineView = new TreeTableView<>();
    private final TextField lead = new TextField();
    private final Label message = new Label();
    private Long dragged;
    /** True while the view redraws from the view-model: selection changes then are not the clerk's. */
    private boolean redrawing;

    public PlanTab(AppContext ctx) {
        Prompts prompts = Prompts.dialogs(this::window);
        vm = new PlanViewModel(new PlanService(ctx.db()), ctx.orgs(), ctx.background()::run, prompts, ctx::dataChanged, (p, file) -> {
            SummaryComposer composer = new SummaryComposer(ctx.db());
            composer.export(composer.draft(p.orgId(), p.from(), p.to(), SummaryTemplate.PLAN, p.id()), file);
        });

        ComboBox<Org> org = OrgPicker.orgs("plan-org");
        org.setPromptText("选择组织");
        Controls.showAs(org, Org::name);
        Bindings.bindContent(org.getItems(), vm.orgs());
        org.valueProperty().bindBidirectional(vm.orgProperty());
        planList.setId("plan-list");
        planList.setItems(vm.plans());
        planList.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Plan p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.title() + "\n" + p.periodLabel() + " · " + p.itemCount() + " 条");
            }
        });
        planList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!redrawing && b != null) {
                vm.open(b);
            }
        });
        TextField yearFilter = new TextField();
        yearFilter.setId("plan-year");
        yearFilter.setPromptText("年度，如 2022（空=全部）");
        yearFilter.textProperty().bindBidirectional(vm.yearFilterProperty());
        TextField newTitle = new TextField();
        newTitle.setId("plan-new-title");
        newTitle.setPromptText("计划标题（可空，自动生成）");
        newTitle.textProperty().bindBidirectional(vm.newTitleProperty());
        TextField newPeriod = new TextField();
        newPeriod.setId("plan-new-period");
        newPeriod.setPromptText("时段，如 2022年下半年");
        newPeriod.textProperty().bindBidirectional(vm.newPeriodProperty());
        message.setId("plan-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        Button create = Icons.button("新建计划", "plan-create", Icons.ADD, vm::createPlan);
        Button copy = Icons.button("复制上期", "plan-copy", Icons.COPY, vm::copyPlan);
        copy.setTooltip(new Tooltip("以该组织上一期的计划为基础新建，条目标为“上期结转”"));
        Button remove = Icons.button("删除计划", "plan-delete", Icons.DELETE, vm::deletePlan);
        Button header = Icons.button("改标题/时段", "plan-edit-header", Icons.EDIT, vm::editHeader);
        header.setTooltip(new Tooltip("把上面填写的时段和标题用到当前计划（空的项不改）"));
        VBox left = new VBox(8, new Label("组织"), org, yearFilter, new Label("计划"), planList, new Label("新建计划 / 修改当前计划"), newPeriod,
                newTitle, new HBox(6, create, copy), new HBox(6, header, remove));
        left.setPadding(new Insets(8));
        VBox.setVgrow(planList, Priority.ALWAYS);

        buildOutline();
        // the editing buttons wrap onto a second line in a narrow window instead of hiding behind »;
        // 保存 and 导出 Word… stand on the title line, always in sight
        FlowPane bar = new FlowPane(4, 4,
                Icons.button("加部分", "plan-add-section", Icons.ADD, () -> add(PlanViewModel.Where.SECTION)),
                Icons.button("加同级", "plan-add-after", Icons.ADD, () -> add(PlanViewModel.Where.AFTER)),
                Icons.button("加下级", "plan-add-child", Icons.ADD, () -> add(PlanViewModel.Where.CHILD)),
                Icons.button("删除", "plan-remove", Icons.DELETE, vm::delete),
                iconOnly("上移（Alt+↑）", "plan-up", Icons.MOVE_UP, vm::moveUp),
                iconOnly("下移（Alt+↓）", "plan-down", Icons.MOVE_DOWN, vm::moveDown),
                iconOnly("降级（Tab）", "plan-indent", Icons.INDENT, vm::indent),
                iconOnly("升级（Shift+Tab）", "plan-outdent", Icons.OUTDENT, vm::outdent),
                iconOnly("撤销（Ctrl+Z）", "plan-undo", Icons.UNDO, vm::undo),
                iconOnly("重做（Ctrl+Y）", "plan-redo", Icons.REDO, vm::redo));
        Button saveButton = Icons.button("保存", "plan-save", Icons.SAVE, vm::save);
        saveButton.setTooltip(new Tooltip("保存计划（Ctrl+S）"));
        saveButton.getStyleClass().add("accent");
        Button exportButton = Icons.button("导出 Word…", "plan-export", Icons.WORD, this::exportChosen);
        for (Button b : List.of(saveButton, exportButton)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label planTitle = new Label();
        planTitle.setMinWidth(0);
        planTitle.getStyleClass().add("title-4");
        planTitle.textProperty().bind(vm.titleProperty());
        HBox titleLine = new HBox(6, planTitle, grow, saveButton, exportButton);
        titleLine.setAlignment(Pos.CENTER_LEFT);
        BorderPane center = new BorderPane(outlineView);
        VBox top = new VBox(4, titleLine, bar);
        top.setPadding(new Insets(8, 8, 0, 8));
        center.setTop(top);

        SplitPane split = new SplitPane(left, center, detailsPane());
        split.setDividerPositions(0.2, 0.72);
        UiPrefs.rememberDividers(split, "plan");
        UiPrefs.rememberColumns(outlineView.getColumns(), "plan-outline");
        BorderPane root = new BorderPane(split);
        root.setBottom(message);
        BorderPane.setMargin(message, new Insets(4, 8, 4, 8));
        tab = new Tab(TITLE, root);
        tab.setClosable(false);
        // Ctrl+S from any field of the tab: the window's one Ctrl+S calls save(Runnable) of the selected tab
        vm.revisionProperty().addListener((o, a, b) -> redraw());
    }

    private static Button iconOnly(String tip, String id, String icon, Runnable action) {
        Button b = Icons.button("", id, icon, action);
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        return b;
    }

    private Window window() {
        return Prompts.windowOf(tab);
    }

    // ------------------------------------------------------------------ outline view

    private static TreeTableColumn<PlanNode, String> textColumn(String title, java.util.function.Function<PlanNode, String> text) {
        TreeTableColumn<PlanNode, String> c = new TreeTableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().getValue() == null ? "" : text.apply(cell.getValue().getValue())));
        return c;
    }

    private void buildOutline() {
        outlineView.setId("plan-outline");
        outlineView.setShowRoot(false);
        outlineView.setPlaceholder(new Label("计划还没有内容：点“加部分”开始，如“一、深化思想政治引领”"));
        TreeTableColumn<PlanNode, String> text = textColumn("内容", vm::label);
        text.setPrefWidth(280);
        TreeTableColumn<PlanNode, String> due = Controls.fitToContent(textColumn("期限", n -> Dates.iso(n.fields().dueDate())));
        // 目标进度 is the short 「878/800 场（110%）」 and the last column, which takes what 内容 leaves
        TreeTableColumn<PlanNode, String> pr = textColumn("目标进度", vm::progressText);
        pr.setId("plan-progress-column");
        pr.setPrefWidth(220);
        outlineView.getColumns().setAll(List.of(text, Controls.titleFits(textColumn("状态", vm::statusText)),
                Controls.titleFits(textColumn("责任组织", vm::ownerText)), Controls.titleFits(due), pr));
        outlineView.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        outlineView.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!redrawing) {
                vm.select(b == null || b.getValue() == null ? null : b.getValue().key());
            }
        });
        outlineView.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        outlineView.setRowFactory(tv -> {
            TreeTableRow<PlanNode> row = new TreeTableRow<>();
            row.setOnDragDetected(e -> {
                if (row.getItem() != null) {
                    dragged = row.getItem().key();
                    ClipboardContent cc = new ClipboardContent();
                    cc.putString(String.valueOf(dragged));
                    row.startDragAndDrop(TransferMode.MOVE).setContent(cc);
                    e.consume();
                }
            });
            row.setOnDragOver(e -> {
                if (dragged != null && row.getItem() != null && row.getItem().key() != dragged) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
            });
            row.setOnDragDropped(e -> {
                if (dragged != null && row.getItem() != null) {
                    vm.moveOnto(dragged, row.getItem().key());
                    e.setDropCompleted(true);
                }
                dragged = null;
            });
            return row;
        });
    }

    private void keys(KeyEvent e) {
        if (vm.currentOutline() == null) {
            return;
        }
        boolean done = true;
        if (e.isAltDown() && e.getCode() == KeyCode.UP) {
            vm.moveUp();
        } else if (e.isAltDown() && e.getCode() == KeyCode.DOWN) {
            vm.moveDown();
        } else if (e.getCode() == KeyCode.TAB && e.isShiftDown()) {
            vm.outdent();
        } else if (e.getCode() == KeyCode.TAB) {
            vm.indent();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.Z) {
            vm.undo();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.Y) {
            vm.redo();
        } else if (e.getCode() == KeyCode.DELETE) {
            vm.delete();
        } else if (e.getCode() == KeyCode.INSERT) {
            add(PlanViewModel.Where.AFTER);
        } else {
            done = false;
        }
        if (done) {
            e.consume();
        }
    }

    /** Adds a line and puts the cursor in the 要点 field. */
    private void add(PlanViewModel.Where where) {
        Long before = vm.selectedProperty().get();
        vm.add(where);
        if (vm.selectedProperty().get() != null && !vm.selectedProperty().get().equals(before)) {
            lead.requestFocus();
        }
    }

    public void addSection() {
        add(PlanViewModel.Where.SECTION);
    }

    public void addChild() {
        add(PlanViewModel.Where.CHILD);
    }

    public void addAfter() {
        add(PlanViewModel.Where.AFTER);
    }

    /** Rebuilds the tree from the view-model's outline, selects its selected line and the open plan in the list. */
    private void redraw() {
        redrawing = true;
        try {
            PlanOutline outline = vm.currentOutline();
            Long select = vm.selectedProperty().get();
            TreeItem<PlanNode> root = new TreeItem<>();
            TreeItem<PlanNode> toSelect = null;
            if (outline != null) {
                Map<Long, TreeItem<PlanNode>> items = new HashMap<>();
                for (PlanOutline.Line l : outline.lines()) {
                    TreeItem<PlanNode> it = new TreeItem<>(l.node());
                    it.setExpanded(true);
                    PlanNode parent = outline.parentOf(l.node().key());
                    (parent == null ? root : items.get(parent.key())).getChildren().add(it);
                    items.put(l.node().key(), it);
                    if (select != null && l.node().key() == select) {
                        toSelect = it;
                    }
                }
            }
            outlineView.setRoot(root);
            if (toSelect != null) {
                outlineView.getSelectionModel().select(toSelect);
            }
            Plan p = vm.currentPlan();
            Plan inList = p == null ? null : planList.getItems().stream().filter(x -> x.id() == p.id()).findFirst().orElse(null);
            if (inList == null) {
                planList.getSelectionModel().clearSelection();
            } else {
                planList.getSelectionModel().select(inList);
            }
        } finally {
            redrawing = false;
        }
    }

    // ------------------------------------------------------------------ details form

    private static Label formLabel(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private VBox detailsPane() {
        lead.setId("plan-item-lead");
        lead.setPromptText("要点（加粗），或部分/小节标题");
        lead.setOnAction(e -> vm.apply());
        lead.textProperty().bindBidirectional(vm.leadProperty());
        TextArea body = new TextArea();
        body.setId("plan-item-body");
        body.setPromptText("正文");
        body.setWrapText(true);
        body.setPrefRowCount(5);
        body.textProperty().bindBidirectional(vm.bodyProperty());
        ComboBox<Org> owner = OrgPicker.orgs("plan-item-owner");
        Controls.showAs(owner, Org::name);
        Bindings.bindContent(owner.getItems(), vm.orgs());
        owner.valueProperty().bindBidirectional(vm.ownerProperty());
        DatePicker due = Form.datePicker();
        due.setId("plan-item-due");
        due.valueProperty().bindBidirectional(vm.dueProperty());
        ComboBox<PlanStatus> status = new ComboBox<>(FXCollections.observableArrayList(PlanStatus.values()));
        status.setId("plan-item-status");
        status.valueProperty().bindBidirectional(vm.statusProperty());
        ComboBox<TargetMetric> metric = new ComboBox<>();
        metric.setId("plan-item-metric");
        metric.getItems().add(null);
        metric.getItems().addAll(TargetMetric.values());
        metric.valueProperty().bindBidirectional(vm.metricProperty());
        ComboBox<String> category = new ComboBox<>();
        category.setId("plan-item-category");
        Bindings.bindContent(category.getItems(), vm.categoryNames());
        category.valueProperty().bindBidirectional(vm.categoryProperty());
        TextField target = new TextField();
        target.setId("plan-item-target");
        target.setPromptText("目标值，如 20");
        target.textProperty().bindBidirectional(vm.targetProperty());
        Label carried = new Label();
        carried.textProperty().bind(vm.carriedProperty());
        for (var c : List.of(lead, body, owner, due, status, metric, category, target)) {
            c.disableProperty().bind(vm.selectedProperty().isNull());
        }
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        int r = 0;
        g.addRow(r++, formLabel("要点/标题"), lead);
        g.addRow(r++, formLabel("正文"), body);
        g.addRow(r++, formLabel("责任组织"), owner);
        g.addRow(r++, formLabel("完成期限"), due);
        g.addRow(r++, formLabel("状态"), status);
        g.addRow(r++, formLabel("目标指标"), metric);
        g.addRow(r++, formLabel("活动类别"), category);
        g.addRow(r++, formLabel("目标值"), target);
        g.add(carried, 1, r++);
        GridPane.setHgrow(lead, Priority.ALWAYS);
        Button apply = button("应用修改", "plan-item-apply", vm::apply);
        Button clearOwner = button("清除责任组织", "plan-item-clear-owner", () -> vm.ownerProperty().set(null));
        Label hint = new Label("提示：Alt+↑/↓ 上下移动，Tab/Shift+Tab 降级/升级，Ctrl+Z/Ctrl+Y 撤销/重做，Insert 加同级，Delete 删除，"
                + "Ctrl+S 保存；也可拖动行调整位置。“一、”下直接有条目的是“一是”，有下级的第二级是“（一）”小节。");
        hint.setWrapText(true);
        VBox box = new VBox(8, new Label("选中条目的内容"), g, new HBox(6, apply, clearOwner), hint);
        box.setPadding(new Insets(8));
        return box;
    }

    // ------------------------------------------------------------------ loading and saving

    @Override
    public Tab tab() {
        return tab;
    }

    @Override
    public void reload() {
        vm.reload();
    }

    @Override
    public String unsavedWork() {
        return vm.unsavedWork();
    }

    @Override
    public void save(Runnable then) {
        vm.save(then);
    }

    /** Saves the outline (Ctrl+S). */
    public void save() {
        vm.save();
    }

    private void exportChosen() {
        Plan p = vm.currentPlan();
        if (p == null) {
            vm.exportTo(null, f -> { }); // says what to do first
            return;
        }
        var f = Dialogs.saveAs(window(), "导出计划为 Word", p.title() + ".docx", Dialogs.WORD);
        if (f != null) {
            exportTo(f.toPath());
        }
    }

    /** Saves if needed, then writes the plan as a GB/T 9704 document to {@code file}. */
    public void exportTo(Path file) {
        vm.exportTo(file, f -> Dialogs.exported(window(), "计划已导出为 Word", f));
    }

    /** The state and logic behind this tab. */
    public PlanViewModel viewModel() {
        return vm;
    }

    // for tests and the summary tab
    public Plan currentPlan() {
        return vm.currentPlan();
    }

    public PlanOutline currentOutline() {
        return vm.currentOutline();
    }

    public Label messageLabel() {
        return message;
    }
}
