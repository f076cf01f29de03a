package org.taizhang.ui.plan;

import static org.taizhang.ui.Controls.button;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
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
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.taizhang.ui.UiPrefs;
import org.taizhang.ui.OrgPicker;
import org.taizhang.common.Texts;
import org.taizhang.common.UserException;
import org.taizhang.common.ValidationException;
import org.taizhang.org.Org;
import org.taizhang.org.OrgTree;
import org.taizhang.plan.ItemFields;
import org.taizhang.plan.Plan;
import org.taizhang.plan.PlanInput;
import org.taizhang.plan.PlanNode;
import org.taizhang.plan.PlanOutline;
import org.taizhang.plan.PlanService;
import org.taizhang.common.PlanStatus;
import org.taizhang.plan.Progress;
import org.taizhang.plan.TargetMetric;
import org.taizhang.report.SummaryComposer;
import org.taizhang.report.SummaryTemplate;
import org.taizhang.stats.Period;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.AppTab;
import org.taizhang.ui.Controls;
import org.taizhang.ui.Dialogs;
import org.taizhang.ui.Form;
import org.taizhang.ui.Icons;

/**
 * 工作计划: plans of an organisation on the left; the selected plan's outline (一、→（一）→一是) as a
 * tree table with status, owner, due date and progress; details of the selected line on the right.
 * Keys on the outline: Alt+↑/↓ move, Tab/Shift+Tab indent/outdent, Ctrl+Z/Ctrl+Y undo/redo, Delete,
 * Insert adds a line after; lines can also be dragged onto another line.
 */
public final class PlanTab implements AppTab {
    private final AppContext ctx;
    private final PlanService plans;
    private final Tab tab;
    private final ComboBox<Org> org = OrgPicker.orgs("plan-org");
    private final ListView<Plan> planList = new ListView<>();
    private final TextField newTitle = new TextField();
    private final TextField newPeriod = new TextField();
    private final TextField yearFilter = new TextField();
    private final Label message = new Label();
    private final Label planTitle = new Label("请选择或新建一个计划");
    private final TreeTableView<PlanNode> outlineView = new TreeTableView<>();
    private final TextField lead = new TextField();
    private final TextArea body = new TextArea();
    private final ComboBox<Org> owner = OrgPicker.orgs("plan-item-owner");
    private final DatePicker due = Form.datePicker();
    private final ComboBox<PlanStatus> status = new ComboBox<>(FXCollections.observableArrayList(PlanStatus.values()));
    private final ComboBox<TargetMetric> metric = new ComboBox<>();
    private final ComboBox<String> category = new ComboBox<>();
    private final TextField target = new TextField();
    private final Label carried = new Label();
    private Map<Integer, String> categories = Map.of();
    private OrgTree orgTree = new OrgTree(List.of());
    private Plan plan;
    private PlanOutline outline;
    private Map<Long, Progress> progress = Map.of();
    private Long dragged;
    /** True while the tree is rebuilt or the form is filled: selection and field changes are not edits. */
    private boolean refreshing;
    private boolean showing;

    public PlanTab(AppContext ctx) {
        this.ctx = ctx;
        this.plans = new PlanService(ctx.db());
        org.setId("plan-org");
        org.setPromptText("选择组织");
        Controls.showAs(org, Org::name);
        org.valueProperty().addListener((o, a, b) -> loadPlans(null));
        planList.setId("plan-list");
        planList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && (plan == null || plan.id() != b.id())) {
                if (plan != null && outline != null) {
                    applyPending(selectedKey());
                }
                if (plan != null && outline != null && outline.dirty()) {
                    saveThenOpen(plan, outline, b);
                } else {
                    openPlan(b);
                }
            }
        });
        yearFilter.setId("plan-year");
        yearFilter.setPromptText("年度筛选，如 2022（空 = 全部）");
        yearFilter.textProperty().addListener((o, a, b) -> loadPlans(plan == null ? null : plan.id()));
        newTitle.setId("plan-new-title");
        newTitle.setPromptText("计划标题（可空，自动生成）");
        newPeriod.setId("plan-new-period");
        newPeriod.setPromptText("时段，如 2022年、2022年下半年");
        message.setId("plan-message");
        message.setWrapText(true);

        Button create = Icons.button("新建计划", "plan-create", Icons.ADD, this::createPlan);
        Button copy = Icons.button("复制上期", "plan-copy", Icons.COPY, this::copyPlan);
        copy.setTooltip(new Tooltip("以该组织上一期的计划为基础新建，条目标为“上期结转”"));
        Button remove = Icons.button("删除计划", "plan-delete", Icons.DELETE, this::deletePlan);
        Button header = Icons.button("改标题/时段", "plan-edit-header", Icons.EDIT, this::editHeader);
        header.setTooltip(new Tooltip("把上面填写的时段和标题用到当前计划（空的项不改）"));
        VBox left = new VBox(8, new Label("组织"), org, yearFilter, new Label("计划"), planList, new Label("新建计划 / 修改当前计划"), newPeriod,
                newTitle, new HBox(6, create, copy), new HBox(6, header, remove));
        left.setPadding(new Insets(8));
        VBox.setVgrow(planList, Priority.ALWAYS);

        buildOutline();
        // the editing buttons wrap onto a second line in a narrow window instead of hiding behind »;
        // 保存 and 导出 Word… stand on the title line, always in sight
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(4, 4,
                Icons.button("加部分", "plan-add-section", Icons.ADD, () -> add(Where.SECTION)),
                Icons.button("加同级", "plan-add-after", Icons.ADD, () -> add(Where.AFTER)),
                Icons.button("加下级", "plan-add-child", Icons.ADD, () -> add(Where.CHILD)),
                Icons.button("删除", "plan-remove", Icons.DELETE, () -> onSelected(k -> outline.delete(k))),
                iconOnly("上移（Alt+↑）", "plan-up", Icons.MOVE_UP, () -> onSelected(k -> outline.moveUp(k))),
                iconOnly("下移（Alt+↓）", "plan-down", Icons.MOVE_DOWN, () -> onSelected(k -> outline.moveDown(k))),
                iconOnly("降级（Tab）", "plan-indent", Icons.INDENT, () -> onSelected(k -> outline.indent(k))),
                iconOnly("升级（Shift+Tab）", "plan-outdent", Icons.OUTDENT, () -> onSelected(k -> outline.outdent(k))),
                iconOnly("撤销（Ctrl+Z）", "plan-undo", Icons.UNDO, () -> change(outline::undo)),
                iconOnly("重做（Ctrl+Y）", "plan-redo", Icons.REDO, () -> change(outline::redo)));
        Button saveButton = Icons.button("保存", "plan-save", Icons.SAVE, this::save);
        saveButton.setTooltip(new Tooltip("保存计划（Ctrl+S）"));
        saveButton.getStyleClass().add("accent");
        Button exportButton = Icons.button("导出 Word…", "plan-export", Icons.WORD, this::exportChosen);
        for (Button b : List.of(saveButton, exportButton)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        javafx.scene.layout.Region grow = new javafx.scene.layout.Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        planTitle.setMinWidth(0);
        HBox titleLine = new HBox(6, planTitle, grow, saveButton, exportButton);
        titleLine.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        BorderPane center = new BorderPane(outlineView);
        VBox top = new VBox(4, titleLine, bar);
        top.setPadding(new Insets(8, 8, 0, 8));
        planTitle.getStyleClass().add("title-4");
        center.setTop(top);

        SplitPane split = new SplitPane(left, center, detailsPane());
        split.setDividerPositions(0.2, 0.72);
        UiPrefs.rememberDividers(split, "plan");
        UiPrefs.rememberColumns(outlineView.getColumns(), "plan-outline");
        BorderPane root = new BorderPane(split);
        root.setBottom(message);
        BorderPane.setMargin(message, new Insets(4, 8, 4, 8));
        tab = new Tab("工作计划", root);
        tab.setClosable(false);
        // Ctrl+S saves from any field of the tab (the outline, the item form, the new-plan fields)
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(SAVE_KEY, () -> {
                    if (tab.isSelected()) {
                        save();
                    }
                });
            }
        });
    }

    private static Button iconOnly(String tip, String id, String icon, Runnable action) {
        Button b = Icons.button("", id, icon, action);
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        return b;
    }

    private static final javafx.scene.input.KeyCombination SAVE_KEY = javafx.scene.input.KeyCombination.keyCombination("Shortcut+S");

    private javafx.stage.Window window() {
        return tab.getTabPane() == null || tab.getTabPane().getScene() == null ? null : tab.getTabPane().getScene().getWindow();
    }

    // ------------------------------------------------------------------ outline view

    private void buildOutline() {
        outlineView.setId("plan-outline");
        outlineView.setShowRoot(false);
        outlineView.setPlaceholder(new Label("计划还没有内容：点“加部分”开始，如“一、深化思想政治引领”"));
        TreeTableColumn<PlanNode, String> text = new TreeTableColumn<>("内容");
        text.setPrefWidth(420);
        text.setCellValueFactory(c -> new ReadOnlyStringWrapper(label(c.getValue().getValue())));
        TreeTableColumn<PlanNode, String> st = new TreeTableColumn<>("状态");
        st.setCellValueFactory(c -> new ReadOnlyStringWrapper(isItem(c.getValue().getValue())
                ? c.getValue().getValue().fields().status().label + (c.getValue().getValue().fields().carriedOver() ? "·结转" : "") : ""));
        TreeTableColumn<PlanNode, String> ow = new TreeTableColumn<>("责任组织");
        ow.setCellValueFactory(c -> {
            Integer id = c.getValue().getValue().fields().ownerOrgId();
            Org o = id == null ? null : orgTree.get(id);
            return new ReadOnlyStringWrapper(o == null ? "" : o.name());
        });
        TreeTableColumn<PlanNode, String> du = new TreeTableColumn<>("期限");
        du.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().getValue().fields().dueDate() == null ? "" : c.getValue().getValue().fields().dueDate().toString()));
        TreeTableColumn<PlanNode, String> pr = new TreeTableColumn<>("目标进度");
        pr.setId("plan-progress-column");
        pr.setPrefWidth(220);
        pr.setCellValueFactory(c -> {
            PlanNode n = c.getValue().getValue();
            Progress p = progress.get(n.key());
            if (p != null) {
                return new ReadOnlyStringWrapper(p.text());
            }
            ItemFields f = n.fields();
            return new ReadOnlyStringWrapper(f.hasTarget() ? f.metric().label + " 目标 " + f.targetValue() + " " + f.metric().unit + "（保存后计算）" : "");
        });
        outlineView.getColumns().setAll(List.of(text, st, ow, du, pr));
        outlineView.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        outlineView.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!refreshing && a != null && a.getValue() != null) {
                applyPending(a.getValue().key());
                if (outline != null && outline.dirty()) {
                    planTitle.setText(plan.title() + "（" + plan.periodLabel() + "）" + " · 未保存");
                }
            }
            showDetails(b == null ? null : b.getValue());
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
                    long target = row.getItem().key();
                    PlanNode parent = outline.parentOf(target);
                    List<PlanNode> sib = parent == null ? outline.roots() : parent.children();
                    int index = sib.indexOf(outline.find(target));
                    long moving = dragged;
                    change(() -> outline.moveTo(moving, parent == null ? null : parent.key(), index));
                    e.setDropCompleted(true);
                }
                dragged = null;
            });
            return row;
        });
    }

    private boolean isItem(PlanNode n) {
        return outline != null && outline.kindOf(n.key()) == PlanOutline.Kind.ITEM;
    }

    private String label(PlanNode n) {
        if (outline == null) {
            return n.fields().text();
        }
        for (PlanOutline.Line l : outline.lines()) {
            if (l.node().key() == n.key()) {
                String t = n.fields().text();
                return l.number() + (t.isEmpty() ? "（未填写）" : t);
            }
        }
        return n.fields().text();
    }

    private void keys(KeyEvent e) {
        if (outline == null) {
            return;
        }
        boolean done = true;
        if (e.isAltDown() && e.getCode() == KeyCode.UP) {
            onSelected(k -> outline.moveUp(k));
        } else if (e.isAltDown() && e.getCode() == KeyCode.DOWN) {
            onSelected(k -> outline.moveDown(k));
        } else if (e.getCode() == KeyCode.TAB && e.isShiftDown()) {
            onSelected(k -> outline.outdent(k));
        } else if (e.getCode() == KeyCode.TAB) {
            onSelected(k -> outline.indent(k));
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.Z) {
            change(outline::undo);
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.Y) {
            change(outline::redo);
        } else if (e.getCode() == KeyCode.DELETE) {
            onSelected(k -> outline.delete(k));
        } else if (e.getCode() == KeyCode.INSERT) {
            add(Where.AFTER);
        } else {
            done = false;
        }
        if (done) {
            e.consume();
        }
    }

    private Long selectedKey() {
        TreeItem<PlanNode> item = outlineView.getSelectionModel().getSelectedItem();
        return item == null || item.getValue() == null ? null : item.getValue().key();
    }

    private void onSelected(Consumer<Long> action) {
        Long k = selectedKey();
        if (outline == null || k == null) {
            message.setText("请先在计划提纲中选中一条");
            return;
        }
        applyPending(k);
        Long keep = k;
        change(() -> {
            action.accept(keep);
            return true;
        }, keep);
    }

    private void change(java.util.function.BooleanSupplier op) {
        change(op, selectedKey());
    }

    private void change(java.util.function.BooleanSupplier op, Long select) {
        if (outline == null) {
            message.setText("请先选择或新建一个计划");
            return;
        }
        try {
            op.getAsBoolean();
            message.setText("");
        } catch (UserException e) {
            message.setText(e.getMessage());
        }
        refreshOutline(select);
    }

    private enum Where {
        SECTION, AFTER, CHILD
    }

    /** Adds a line and selects it, with the cursor in the 要点 field. */
    private void add(Where where) {
        if (outline == null) {
            message.setText("请先选择或新建一个计划");
            return;
        }
        Long k = selectedKey();
        applyPending(k);
        try {
            PlanNode n;
            if (where == Where.SECTION || (k == null && where != Where.CHILD)) {
                n = outline.addSection(ItemFields.heading(""));
            } else if (k == null) {
                message.setText("请先选中要在其下添加的条目");
                return;
            } else if (where == Where.CHILD) {
                n = outline.addChild(k, ItemFields.item("", ""));
            } else {
                n = outline.addAfter(k, outline.depth(k) == 0 ? ItemFields.heading("") : ItemFields.item("", ""));
            }
            message.setText("");
            refreshOutline(n.key());
            lead.requestFocus();
        } catch (UserException e) {
            message.setText(e.getMessage());
        }
    }

    public void addSection() {
        add(Where.SECTION);
    }

    public void addChild() {
        add(Where.CHILD);
    }

    public void addAfter() {
        add(Where.AFTER);
    }

    private void refreshOutline(Long select) {
        refreshing = true;
        try {
            rebuild(select);
        } finally {
            refreshing = false;
        }
    }

    private void rebuild(Long select) {
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
        } else {
            showDetails(null);
        }
        planTitle.setText(plan == null ? "请选择或新建一个计划"
                : plan.title() + "（" + plan.periodLabel() + "）" + (outline != null && outline.dirty() ? " · 未保存" : ""));
    }

    // ------------------------------------------------------------------ details form

    private static Label formLabel(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private VBox detailsPane() {
        lead.setId("plan-item-lead");
        lead.setPromptText("要点（加粗），或部分/小节标题");
        lead.setOnAction(e -> apply());
        body.setId("plan-item-body");
        body.setPromptText("正文");
        body.setWrapText(true);
        body.setPrefRowCount(5);
        owner.setId("plan-item-owner");
        Controls.showAs(owner, Org::name);
        due.setId("plan-item-due");
        status.setId("plan-item-status");
        metric.setId("plan-item-metric");
        metric.getItems().add(null);
        metric.getItems().addAll(TargetMetric.values());
        category.setId("plan-item-category");
        target.setId("plan-item-target");
        target.setPromptText("目标值，如 20");
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
        Button apply = button("应用修改", "plan-item-apply", this::apply);
        Button clearOwner = button("清除责任组织", "plan-item-clear-owner", () -> owner.setValue(null));
        Label hint = new Label("提示：Alt+↑/↓ 上下移动，Tab/Shift+Tab 降级/升级，Ctrl+Z/Ctrl+Y 撤销/重做，Insert 加同级，Delete 删除，"
                + "Ctrl+S 保存；也可拖动行调整位置。“一、”下直接有条目的是“一是”，有下级的第二级是“（一）”小节。");
        hint.setWrapText(true);
        VBox box = new VBox(8, new Label("选中条目的内容"), g, new HBox(6, apply, clearOwner), hint);
        box.setPadding(new Insets(8));
        return box;
    }

    private void showDetails(PlanNode n) {
        showing = true;
        try {
            fillDetails(n);
        } finally {
            showing = false;
        }
    }

    private void fillDetails(PlanNode n) {
        boolean none = n == null;
        for (var c : List.of(lead, body, owner, due, status, metric, category, target)) {
            c.setDisable(none);
        }
        if (none) {
            lead.clear();
            body.clear();
            owner.setValue(null);
            due.setValue(null);
            status.setValue(null);
            metric.setValue(null);
            category.setValue(null);
            target.clear();
            carried.setText("");
            return;
        }
        ItemFields f = n.fields();
        lead.setText(f.lead() == null ? "" : f.lead());
        body.setText(f.body() == null ? "" : f.body());
        owner.setValue(f.ownerOrgId() == null ? null : orgTree.get(f.ownerOrgId()));
        due.setValue(f.dueDate());
        status.setValue(f.status());
        metric.setValue(f.metric());
        category.setValue(f.targetCategoryId() == null ? null : categories.get(f.targetCategoryId()));
        target.setText(f.targetValue() == null ? "" : String.valueOf(f.targetValue()));
        carried.setText(f.carriedOver() ? "上期结转的条目" : "");
    }

    /** Writes the form into the selected line (one undo step). */
    public void apply() {
        Long k = selectedKey();
        if (outline == null || k == null) {
            message.setText("请先在计划提纲中选中一条");
            return;
        }
        ItemFields f = formFields(k);
        if (f == null) {
            return;
        }
        change(() -> {
            outline.edit(k, f);
            return true;
        }, k);
    }

    /** The form as fields for node {@code key}; null (with the reason shown) when the target value is not a number. */
    private ItemFields formFields(long key) {
        Integer value = null;
        String t = Texts.compactCode(target.getText());
        if (t != null && !t.isEmpty()) {
            try {
                value = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                message.setText("目标值：“" + target.getText().strip() + "”不是整数，请填写如 20");
                return null;
            }
        }
        Integer cat = null;
        if (category.getValue() != null) {
            cat = categories.entrySet().stream().filter(en -> en.getValue().equals(category.getValue())).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
        }
        ItemFields old = outline.find(key).fields();
        return new ItemFields(lead.getText(), body.getText(), owner.getValue() == null ? null : owner.getValue().id(),
                due.getValue(), status.getValue(), metric.getValue(), cat, value, old.carriedOver());
    }

    private static ItemFields normalized(ItemFields f) {
        return new ItemFields(f.lead() == null || f.lead().isEmpty() ? null : f.lead(), f.body() == null || f.body().isEmpty() ? null : f.body(),
                f.ownerOrgId(), f.dueDate(), f.status(), f.metric(), f.targetCategoryId(), f.targetValue(), f.carriedOver());
    }

    /**
     * Typed but not yet applied changes of node {@code key} go into the outline (one undo step) before
     * the selection moves, the plan is saved or exported, or a line is added — nothing typed is lost.
     */
    private void applyPending(Long key) {
        if (outline == null || key == null || showing) {
            return;
        }
        PlanNode n;
        try {
            n = outline.find(key);
        } catch (UserException e) {
            return; // deleted
        }
        ItemFields f = formFields(key);
        if (f != null && !normalized(f).equals(normalized(n.fields()))) {
            outline.edit(key, f);
        }
    }

    // ------------------------------------------------------------------ loading and saving

    @Override
    public Tab tab() {
        return tab;
    }

    @Override
    public void reload() {
        record Loaded(List<Org> all, Map<Integer, String> cats) {
        }
        ctx.background().run(() -> new Loaded(ctx.orgs().listAll(), plans.categories()), r -> {
            List<Org> all = r.all();
            Map<Integer, String> cats = r.cats();
            orgTree = new OrgTree(all);
            categories = cats;
            category.getItems().setAll(cats.values());
            category.getItems().addFirst(null);
            List<Org> ordered = orgTree.lines(null, o -> true).stream().map(OrgTree.Line::org).toList();
            Org keep = org.getValue();
            org.getItems().setAll(ordered);
            owner.getItems().setAll(ordered);
            if (keep != null) {
                org.setValue(orgTree.get(keep.id()));
            } else if (!ordered.isEmpty()) {
                org.setValue(ordered.getFirst());
            }
            loadPlans(plan == null ? null : plan.id());
        }, this::showError);
    }

    private void loadPlans(Integer select) {
        Org o = org.getValue();
        if (o == null) {
            planList.getItems().clear();
            return;
        }
        Integer year = year();
        ctx.background().run(() -> plans.list(o.id(), year), list -> {
            planList.getItems().setAll(list);
            planList.setCellFactory(lv -> new ListCell<>() {
                @Override
                protected void updateItem(Plan p, boolean empty) {
                    super.updateItem(p, empty);
                    setText(empty || p == null ? null : p.title() + "\n" + p.periodLabel() + " · " + p.itemCount() + " 条");
                }
            });
            Plan toSelect = list.stream().filter(p -> select != null && p.id() == select).findFirst().orElse(null);
            if (toSelect != null) {
                boolean same = plan != null && plan.id() == toSelect.id();
                if (same && (outline == null || !outline.dirty())) {
                    plan = null; // reopen from the database; unsaved edits of the open plan are never dropped
                }
                planList.getSelectionModel().select(toSelect);
            } else if (plan != null && list.stream().noneMatch(p -> p.id() == plan.id())) {
                plan = null;
                outline = null;
                refreshOutline(null);
            }
        }, this::showError);
    }

    private Integer year() {
        String y = Texts.compactCode(yearFilter.getText());
        if (y == null || y.isEmpty()) {
            return null;
        }
        y = y.replace("年", "");
        try {
            return Integer.parseInt(y);
        } catch (NumberFormatException e) {
            message.setText("年度筛选：“" + yearFilter.getText().strip() + "”不是年份，请写如 2022");
            return null;
        }
    }

    /** Switching plans with unsaved changes saves them first; if they cannot be saved, the plan stays open with the reason. */
    private void saveThenOpen(Plan current, PlanOutline o, Plan next) {
        PlanOutline copy = o.snapshot(); // the database thread saves a copy; the FX thread may go on editing o
        ctx.background().run(() -> {
            plans.save(current.id(), copy);
            return null;
        }, r -> {
            o.saved(copy);
            message.setText("已自动保存“" + current.title() + "”");
            openPlan(next);
        }, e -> {
            showError(e);
            planList.getSelectionModel().select(planList.getItems().stream().filter(x -> x.id() == current.id()).findFirst().orElse(null));
        });
    }

    /** Applies the period and/or title typed in the 新建 fields to the open plan. */
    private void editHeader() {
        Plan p = plan;
        if (p == null) {
            message.setText("请先选择要修改的计划");
            return;
        }
        PlanInput in;
        try {
            boolean hasPeriod = newPeriod.getText() != null && !newPeriod.getText().isBlank();
            Period np = hasPeriod ? Period.parse(newPeriod.getText()) : Period.custom(p.from(), p.to());
            String t = newTitle.getText() == null || newTitle.getText().isBlank() ? p.title() : newTitle.getText();
            in = new PlanInput(p.orgId(), t, np.from(), np.to(), hasPeriod ? np.label() : p.periodLabel());
        } catch (RuntimeException e) {
            showError(e);
            return;
        }
        ctx.background().run(() -> {
            plans.updateHeader(p.id(), in);
            return plans.require(p.id());
        }, after -> {
            plan = after;
            newTitle.clear();
            newPeriod.clear();
            message.setText("已修改：" + after.title() + "（" + after.periodLabel() + "）");
            refreshOutline(selectedKey());
            loadPlansKeep();
        }, this::showError);
    }

    private void openPlan(Plan p) {
        record Loaded(PlanOutline outline, Map<Long, Progress> progress) {
        }
        ctx.background().run(() -> {
            PlanOutline o = plans.load(p.id());
            return new Loaded(o, plans.progress(p, o));
        }, r -> {
            plan = p;
            outline = r.outline();
            progress = r.progress();
            message.setText("");
            refreshOutline(null);
        }, this::showError);
    }

    private PlanInput newInput() {
        Org o = org.getValue();
        if (o == null) {
            throw new ValidationException(PlanService.F_ORG, "请先选择组织");
        }
        Period p = Period.parse(newPeriod.getText());
        String title = newTitle.getText() == null || newTitle.getText().isBlank() ? o.name() + p.label() + "工作计划" : newTitle.getText();
        return new PlanInput(o.id(), title, p.from(), p.to(), p.label());
    }

    /** Creates a plan from the 新建 fields and opens it. */
    public void createPlan() {
        PlanInput in;
        try {
            in = newInput();
        } catch (RuntimeException e) {
            showError(e);
            return;
        }
        ctx.background().run(() -> plans.create(in), id -> {
            newTitle.clear();
            message.setText("已新建计划");
            loadPlans(id);
        }, this::showError);
    }

    private void copyPlan() {
        PlanInput in;
        try {
            in = newInput();
        } catch (RuntimeException e) {
            showError(e);
            return;
        }
        ctx.background().run(() -> {
            Plan prev = plans.previous(in.orgId(), in.from()).orElseThrow(() -> new ValidationException("计划",
                    "该组织在 " + in.from() + " 之前没有计划可复制，请直接新建"));
            return plans.copyFrom(prev.id(), in);
        }, id -> {
            message.setText("已复制上期计划，条目标为“上期结转”");
            loadPlans(id);
        }, this::showError);
    }

    private void deletePlan() {
        Plan p = plan;
        if (p == null) {
            message.setText("请先选择要删除的计划");
            return;
        }
        if (!Dialogs.confirm(tab.getTabPane() == null ? null : tab.getTabPane().getScene().getWindow(),
                "删除计划“" + p.title() + "”？", "计划的全部条目都会删除，无法撤销。")) {
            return;
        }
        ctx.background().run(() -> {
            plans.delete(p.id());
            return null;
        }, r -> {
            plan = null;
            outline = null;
            refreshOutline(null);
            loadPlans(null);
        }, this::showError);
    }

    /** Saves the outline (one transaction) and recomputes progress. */
    public void save() {
        if (plan == null || outline == null) {
            message.setText("请先选择或新建一个计划");
            return;
        }
        Plan p = plan;
        PlanOutline o = outline;
        Long select = selectedKey();
        applyPending(select);
        PlanOutline copy = o.snapshot(); // saved on the database thread while the outline stays editable here
        ctx.background().run(() -> {
            plans.save(p.id(), copy);
            return plans.progress(p, copy);
        }, pr -> {
            o.saved(copy);
            progress = pr;
            message.setText("已保存");
            refreshOutline(select);
            ctx.dataChanged();
            loadPlansKeep();
        }, this::showError);
    }

    private void loadPlansKeep() {
        Org o = org.getValue();
        if (o == null) {
            return;
        }
        Integer year = year();
        ctx.background().run(() -> plans.list(o.id(), year), list -> {
            Plan current = plan;
            planList.getItems().setAll(list);
            if (current != null) {
                list.stream().filter(x -> x.id() == current.id()).findFirst().ifPresent(x -> {
                    plan = x;
                    planList.getSelectionModel().select(x);
                });
            }
        }, this::showError);
    }

    private void exportChosen() {
        if (plan == null) {
            message.setText("请先选择要导出的计划");
            return;
        }
        var f = Dialogs.saveAs(tab.getTabPane() == null ? null : tab.getTabPane().getScene().getWindow(), "导出计划为 Word",
                plan.title() + ".docx", Dialogs.WORD);
        if (f != null) {
            exportTo(f.toPath());
        }
    }

    /** Saves if needed, then writes the plan as a GB/T 9704 document to {@code file}. */
    public void exportTo(Path file) {
        if (plan == null || outline == null) {
            message.setText("请先选择要导出的计划");
            return;
        }
        Plan p = plan;
        PlanOutline o = outline;
        applyPending(selectedKey());
        PlanOutline copy = o.snapshot();
        ctx.background().run(() -> {
            if (copy.dirty()) {
                plans.save(p.id(), copy);
            }
            SummaryComposer composer = new SummaryComposer(ctx.db());
            composer.export(composer.draft(p.orgId(), p.from(), p.to(), SummaryTemplate.PLAN, p.id()), file);
            return file;
        }, f -> {
            o.saved(copy);
            message.setText("已导出：" + f);
            Dialogs.exported(window(), "计划已导出为 Word", f);
        }, this::showError);
    }

    private void showError(Throwable e) {
        message.setText(Dialogs.inlineText(e));
    }

    // for tests and the summary tab
    public Plan currentPlan() {
        return plan;
    }

    public PlanOutline currentOutline() {
        return outline;
    }

    public Label messageLabel() {
        return message;
    }
}
