package org.taizhang.ui.activity;

import org.taizhang.ui.Controls;

import static org.taizhang.ui.Controls.button;
import static org.taizhang.ui.Controls.column;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.taizhang.ui.Icons;
import org.taizhang.ui.UiPrefs;
import org.taizhang.ui.OrgPicker;
import org.taizhang.activity.ActivityFilter;
import org.taizhang.activity.ActivityInput;
import org.taizhang.activity.ActivityPage;
import org.taizhang.activity.ActivityRow;
import org.taizhang.activity.ActivityService;
import org.taizhang.activity.ActivitySort;
import org.taizhang.activity.ActivityText;
import org.taizhang.activity.ActivityTotals;
import org.taizhang.activity.Amounts;
import org.taizhang.activity.Category;
import org.taizhang.activity.DeletedActivities;
import org.taizhang.activity.DuplicateActivityException;
import org.taizhang.attachment.AttachmentService;
import org.taizhang.common.Dates;
import org.taizhang.common.FieldError;
import org.taizhang.common.UserException;
import org.taizhang.common.ValidationException;
import org.taizhang.org.OrgTree;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.AppTab;
import org.taizhang.ui.Dialogs;
import org.taizhang.ui.Form;
import org.taizhang.ui.PeriodFilter;

/**
 * 活动台账: a filtered, sortable table (period presets, organisation subtree, category, text) with a
 * totals line that always covers exactly the filter, multi-select delete with 撤销, and a
 * quick-entry form on the right that keeps the last organisation and category, validates as you
 * type, warns about duplicates and saves on Enter.
 */
public final class ActivityTab implements AppTab {
    public static final String TITLE = "活动台账";
    static final int PAGE = 500;
    private static final Category ALL_CATEGORIES = new Category(-1, "全部类别", 0, true);

    private final AppContext ctx;
    private final ActivityService service;
    private final Tab tab;

    // filters
    private final PeriodFilter period = new PeriodFilter("activity", this::refresh);
    private final ComboBox<OrgChoice> orgFilter = OrgPicker.choices("activity-org");
    private final ComboBox<Category> categoryFilter = new ComboBox<>();
    private final TextField search = new TextField();
    private final CheckBox highlightOnly = new CheckBox("只看亮点");
    private final PauseTransition filterDelay = new PauseTransition(Duration.millis(250));

    // table
    private final TableView<ActivityRow> table = new TableView<>();
    private final Label totals = new Label();
    private final Label status = new Label();
    private final Button more = new Button("加载更多");
    private final Button undo = new Button("撤销删除");
    private final Map<TableColumn<ActivityRow, ?>, ActivitySort> sortOf = new HashMap<>();
    private ActivitySort sort = ActivitySort.DATE;
    private boolean descending = true;
    private ActivityTotals lastTotals = ActivityTotals.ZERO;
    private int generation;

    // quick-entry form
    private final Form form = new Form();
    private final Label formTitle = new Label("快速录入");
    private final DatePicker date = Form.datePicker();
    private final DatePicker endDate = Form.datePicker();
    private final TextField name = new TextField();
    private final ComboBox<OrgChoice> org = OrgPicker.choices(null);
    private final TextField coOrgs = new TextField();
    private final ComboBox<Category> category = new ComboBox<>();
    private final TextField participants = new TextField();
    private final TextField hours = new TextField();
    private final TextField beneficiaries = new TextField();
    private final TextField place = new TextField();
    private final TextArea description = new TextArea();
    private final CheckBox highlight = new CheckBox("亮点");
    private final CheckBox planned = new CheckBox("计划（尚未举行）");
    private final Label duplicate = new Label();
    private final Button save = new Button("保存（Enter）");
    private final Button clear = new Button("清空");
    private final PauseTransition validateDelay = new PauseTransition(Duration.millis(300));
    private final Set<String> touched = new HashSet<>();
    private boolean attempted;
    private boolean filling;
    private Integer editingId;

    public ActivityTab(AppContext ctx) {
        this.ctx = ctx;
        this.service = new ActivityService(ctx.db());
        tab = new Tab(TITLE, build());
        tab.setClosable(false);
    }

    @Override
    public Tab tab() {
        return tab;
    }

    /** The service this tab uses (one instance, so that 撤销 knows the last delete). */
    public ActivityService service() {
        return service;
    }

    // ------------------------------------------------------------------ layout

    private Node build() {
        OrgChoice.setUpFilter(orgFilter, "activity-org", this::refresh);
        categoryFilter.setId("activity-category");
        categoryFilter.valueProperty().addListener((o, a, b) -> refresh());
        search.setId("activity-search");
        search.setPromptText("搜索名称、地点、简介");
        search.setPrefWidth(180);
        filterDelay.setOnFinished(e -> refresh());
        search.textProperty().addListener((o, a, b) -> filterDelay.playFromStart());
        highlightOnly.setId("activity-highlight-only");
        highlightOnly.selectedProperty().addListener((o, a, b) -> refresh());
        FlowPane filters = new FlowPane(12, 6,
                Controls.labeled("时间", period.periodBox(), period.yearBox(), period.fromPicker(), new Label("至"), period.toPicker()),
                Controls.labeled("组织", orgFilter), Controls.labeled("类别", categoryFilter), search, highlightOnly);
        filters.setAlignment(Pos.CENTER_LEFT);

        setupTable();
        totals.setId("activity-totals");
        totals.setWrapText(true);
        totals.getStyleClass().add("title-4");
        totals.setStyle("-fx-font-weight: bold;");
        status.setId("activity-status");
        more.setId("activity-more");
        more.setOnAction(e -> loadMore());
        more.setVisible(false);
        Button delete = Icons.button("删除所选", "activity-delete", Icons.DELETE, this::deleteSelected);
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        undo.setId("activity-undo");
        undo.setOnAction(e -> undoDelete());
        undo.setDisable(true);
        Button edit = Icons.button("编辑", "activity-edit", Icons.EDIT, this::editSelected);
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button files = Icons.button("附件…", "activity-files", Icons.ATTACH, this::filesOfSelected);
        files.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button categories = Icons.button("类别…", "activity-categories", Icons.CATEGORIES, () -> {
            new CategoriesDialog(tab.getTabPane().getScene().getWindow(), ctx, service).showAndWait();
            reload();
        });
        HBox actions = new HBox(8, edit, delete, undo, files, categories, more, status);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(8, filters, table, totals, actions);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setPadding(new Insets(8));

        SplitPane split = new SplitPane(left, buildForm());
        split.setDividerPositions(0.7);
        UiPrefs.rememberDividers(split, "activity");
        UiPrefs.rememberColumns(table.getColumns(), "activity");
        return split;
    }

    private void setupTable() {
        table.setId("activity-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("没有符合条件的活动。可以在右侧“快速录入”中登记。"));
        TableColumn<ActivityRow, String> dateCol = col("日期", ActivityRow::dateText, ActivitySort.DATE);
        dateCol.setSortType(TableColumn.SortType.DESCENDING);
        table.getColumns().add(dateCol);
        table.getColumns().add(col("活动名称", ActivityRow::name, ActivitySort.NAME));
        table.getColumns().add(col("主办组织", r -> r.orgName() + (r.coOrgNames().isEmpty() ? "" : "（协办：" + String.join("、", r.coOrgNames()) + "）"),
                ActivitySort.ORG));
        table.getColumns().add(col("类别", ActivityRow::categoryName, ActivitySort.CATEGORY));
        table.getColumns().add(numCol("参与人次", ActivityRow::participants, ActivitySort.PARTICIPANTS));
        TableColumn<ActivityRow, String> h = col("服务时长", ActivityRow::hours, ActivitySort.HOURS);
        h.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(h);
        table.getColumns().add(numCol("惠及人数", ActivityRow::beneficiaries, ActivitySort.BENEFICIARIES));
        table.getColumns().add(col("地点", r -> r.place() == null ? "" : r.place(), null));
        table.getColumns().add(col("标记", r -> (r.highlight() ? "★亮点 " : "") + (r.planned() ? "计划" : ""), null));
        table.getColumns().add(col("附件", r -> r.attachmentCount() == 0 ? "" : String.valueOf(r.attachmentCount()), null));
        double[] widths = {190, 220, 190, 80, 80, 80, 80, 150, 70, 50};
        for (int i = 0; i < widths.length && i < table.getColumns().size(); i++) {
            table.getColumns().get(i).setPrefWidth(widths[i]);
        }
        table.getSortOrder().add(dateCol);
        // sorting happens in SQL over the whole filter, not just the loaded rows
        table.setSortPolicy(t -> {
            ActivitySort s = ActivitySort.DATE;
            boolean desc = true;
            if (!t.getSortOrder().isEmpty()) {
                TableColumn<ActivityRow, ?> c = t.getSortOrder().getFirst();
                s = sortOf.getOrDefault(c, ActivitySort.DATE);
                desc = c.getSortType() == TableColumn.SortType.DESCENDING;
            }
            if (s != sort || desc != descending) {
                sort = s;
                descending = desc;
                refresh();
            }
            return true;
        });
        table.setRowFactory(tv -> {
            TableRow<ActivityRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    edit(row.getItem().id());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                deleteSelected();
            }
        });
    }

    private TableColumn<ActivityRow, String> col(String title, Function<ActivityRow, String> f, ActivitySort s) {
        TableColumn<ActivityRow, String> c = column(title, f);
        if (s == null) {
            c.setSortable(false);
        } else {
            sortOf.put(c, s);
        }
        return c;
    }

    private TableColumn<ActivityRow, Integer> numCol(String title, Function<ActivityRow, Integer> f, ActivitySort s) {
        TableColumn<ActivityRow, Integer> c = column(title, f);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        sortOf.put(c, s);
        return c;
    }

    private Node buildForm() {
        formTitle.getStyleClass().add("title-3");
        formTitle.setId("activity-form-title");
        date.setEditable(true);
        endDate.setEditable(true);
        endDate.setPromptText("多日活动才填");
        OrgChoice.decorate(org);
        coOrgs.setPromptText("组织名称，多个用、分隔");
        participants.setPromptText("如 120");
        hours.setPromptText("全部人次合计，如 36.5");
        beneficiaries.setPromptText("如 300");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        form.add(ActivityService.F_DATE, date);
        form.add(ActivityService.F_END, endDate);
        form.add(ActivityService.F_NAME, name);
        form.add(ActivityService.F_ORG, org);
        form.add(ActivityService.F_COORG, coOrgs);
        form.add(ActivityService.F_CATEGORY, category);
        form.add(ActivityService.F_PARTICIPANTS, participants);
        form.add(ActivityService.F_HOURS, hours);
        form.add(ActivityService.F_BENEFICIARIES, beneficiaries);
        form.add(ActivityService.F_PLACE, place);
        form.add(ActivityService.F_DESCRIPTION, description);
        highlight.setId("activity-highlight");
        planned.setId("activity-planned");
        duplicate.setId("activity-duplicate");
        duplicate.getStyleClass().add("field-error");
        duplicate.setWrapText(true);
        save.setId("activity-save");
        save.setOnAction(e -> save(false));
        clear.setId("activity-clear");
        clear.setOnAction(e -> resetForm(true));
        watch(ActivityService.F_DATE, date.getEditor().textProperty());
        watch(ActivityService.F_END, endDate.getEditor().textProperty());
        watch(ActivityService.F_NAME, name.textProperty());
        watch(ActivityService.F_ORG, org.valueProperty());
        watch(ActivityService.F_COORG, coOrgs.textProperty());
        watch(ActivityService.F_CATEGORY, category.valueProperty());
        watch(ActivityService.F_PARTICIPANTS, participants.textProperty());
        watch(ActivityService.F_HOURS, hours.textProperty());
        watch(ActivityService.F_BENEFICIARIES, beneficiaries.textProperty());
        watch(ActivityService.F_PLACE, place.textProperty());
        watch(ActivityService.F_DESCRIPTION, description.textProperty());
        watch(ActivityService.F_DATE, planned.selectedProperty());
        validateDelay.setOnFinished(e -> validateNow());
        Label hint = new Label("Enter 保存并开始下一条；组织、类别、日期会保留。");
        hint.getStyleClass().add("detail-label");
        hint.setWrapText(true);
        VBox box = new VBox(8, formTitle, form.node(), new HBox(12, highlight, planned), duplicate, new HBox(8, save, clear), hint);
        box.setPadding(new Insets(8));
        box.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER) {
                return;
            }
            if (e.getTarget() instanceof TextArea && !e.isShortcutDown()) {
                return;
            }
            if ((org.isShowing()) || category.isShowing()) {
                return;
            }
            e.consume();
            save(false);
        });
        date.setValue(LocalDate.now());
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(340);
        return scroll;
    }

    private void watch(String field, javafx.beans.value.ObservableValue<?> value) {
        value.addListener((o, a, b) -> {
            if (filling) {
                return;
            }
            touched.add(field);
            validateDelay.playFromStart();
        });
    }

    // ------------------------------------------------------------------ loading

    @Override
    public void reload() {
        record Loaded(List<Category> cats, OrgTree tree, int latestYear) {
        }
        ctx.background().run(() -> new Loaded(service.categories(true), new OrgTree(ctx.orgs().listAll()),
                new org.taizhang.stats.StatsService(ctx.db()).latestYearWithRecords()), r -> {
            List<Category> cats = r.cats();
            OrgTree tree = r.tree();
            Category keepFilter = categoryFilter.getValue();
            List<Category> filterItems = new ArrayList<>();
            filterItems.add(ALL_CATEGORIES);
            filterItems.addAll(cats);
            categoryFilter.getItems().setAll(filterItems);
            categoryFilter.setValue(keepFilter == null ? ALL_CATEGORIES
                    : filterItems.stream().filter(c -> c.id() == keepFilter.id()).findFirst().orElse(ALL_CATEGORIES));
            filling = true;
            Category keepForm = category.getValue();
            category.getItems().setAll(cats.stream().filter(Category::active).toList());
            category.setValue(keepForm == null ? null
                    : category.getItems().stream().filter(c -> c.id() == keepForm.id()).findFirst().orElse(null));
            OrgChoice.refill(org, OrgChoice.of(tree, false), false);
            filling = false;
            OrgChoice.refill(orgFilter, OrgChoice.of(tree, true), true);
            period.preferYear(r.latestYear());
            refresh();
        });
    }

    /** The filter the controls show now. */
    public ActivityFilter currentFilter() {
        Category c = categoryFilter.getValue();
        OrgChoice o = orgFilter.getValue();
        return new ActivityFilter(period.from(), period.to(), o == null ? null : o.id(),
                c == null || c.id() < 0 ? null : c.id(), search.getText(), highlightOnly.isSelected());
    }

    /** Reloads the first page and the totals for the current filter. */
    public void refresh() {
        ActivityFilter f = currentFilter();
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            totals.setText("结束日期早于开始日期，请调整时间段");
            table.getItems().clear();
            return;
        }
        int gen = ++generation;
        ActivitySort s = sort;
        boolean d = descending;
        ctx.background().run(() -> service.list(f, s, d, 0, PAGE), page -> {
            if (gen != generation) {
                return;
            }
            table.getItems().setAll(page.rows());
            showTotals(page);
        });
    }

    private void loadMore() {
        ActivityFilter f = currentFilter();
        int gen = generation;
        int offset = table.getItems().size();
        ctx.background().run(() -> service.list(f, sort, descending, offset, PAGE), page -> {
            if (gen != generation) {
                return;
            }
            table.getItems().addAll(page.rows());
            showTotals(page);
        });
    }

    private void showTotals(ActivityPage page) {
        lastTotals = page.totals();
        totals.setText("合计：" + page.totals().text());
        int shown = table.getItems().size();
        more.setVisible(page.totals().count() > shown);
        more.setText("加载更多（已显示 " + shown + " / " + page.totals().count() + "）");
    }

    /** The totals now shown (always of the whole filter). */
    public ActivityTotals shownTotals() {
        return lastTotals;
    }

    // ------------------------------------------------------------------ delete / undo / files

    private void deleteSelected() {
        List<ActivityRow> rows = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < Math.min(5, rows.size()); i++) {
            names.append("\n· ").append(rows.get(i).startDate()).append(" ").append(rows.get(i).name());
        }
        if (rows.size() > 5) {
            names.append("\n……等共 ").append(rows.size()).append(" 场");
        }
        if (!Dialogs.confirm(tab.getTabPane() == null ? null : tab.getTabPane().getScene().getWindow(),
                "删除所选的 " + rows.size() + " 场活动？", "连同它们的附件一起删除：" + names + "\n\n删除后可以点“撤销删除”恢复。")) {
            return;
        }
        List<Integer> ids = rows.stream().map(ActivityRow::id).toList();
        ctx.background().run(() -> service.remove(ids), (DeletedActivities d) -> {
            status.setText("已删除 " + d.count() + " 场活动");
            undo.setDisable(false);
            ctx.dataChanged();
            refresh();
        });
    }

    private void undoDelete() {
        ctx.background().run(service::undoLastDelete, n -> {
            status.setText("已恢复 " + n + " 场活动");
            undo.setDisable(true);
            ctx.dataChanged();
            refresh();
        });
    }

    private void filesOfSelected() {
        ActivityRow r = table.getSelectionModel().getSelectedItem();
        if (r == null) {
            return;
        }
        new AttachmentsDialog(tab.getTabPane().getScene().getWindow(), ctx, AttachmentService.ACTIVITY, r.id(),
                r.startDate() + " " + r.name()).showAndWait();
        refresh();
    }

    // ------------------------------------------------------------------ the quick-entry form

    private ActivityText formText() {
        OrgChoice o = org.getValue();
        Category c = category.getValue();
        return new ActivityText(date.getEditor().getText(), endDate.getEditor().getText(), name.getText(),
                o == null || o.id() == null ? null : "#" + o.id(), coOrgs.getText(), c == null ? null : c.name(),
                participants.getText(), hours.getText(), beneficiaries.getText(), place.getText(), description.getText(),
                highlight.isSelected(), planned.isSelected());
    }

    private record Check(ValidationException error, Integer duplicateOf) {
    }

    /** Validates what is typed (in the background) and shows problems of the fields touched so far. */
    private void validateNow() {
        ActivityText t = formText();
        Integer self = editingId;
        OrgChoice o = org.getValue();
        Integer orgId = o == null ? null : o.id();
        LocalDate day;
        try {
            day = Dates.parse(t.date());
        } catch (UserException e) {
            day = null;
        }
        LocalDate d = day;
        ctx.background().run(() -> {
            ValidationException error = null;
            try {
                service.validate(service.parse(t));
            } catch (ValidationException e) {
                error = e;
            }
            // the duplicate warning does not wait for the other fields to be right
            Integer dup = service.findDuplicate(orgId, d, t.name(), self).orElse(null);
            return new Check(error, dup);
        }, c -> {
            if (c.error() == null) {
                form.clearErrors();
            } else {
                List<FieldError> shown = c.error().errors().stream().filter(e -> attempted || touched.contains(e.field())).toList();
                if (shown.isEmpty()) {
                    form.clearErrors();
                } else {
                    form.show(new ValidationException(shown));
                }
            }
            duplicate.setText(c.duplicateOf() == null ? "" : "注意：同一主办组织在这一天已登记过同名活动（#" + c.duplicateOf() + "），保存时会再确认。");
        });
    }

    /** Saves the form (Enter or the button); on success keeps organisation, category and date and clears the rest. */
    public void save(boolean allowDuplicate) {
        attempted = true;
        validateDelay.stop();
        ActivityText t = formText();
        Integer id = editingId;
        save.setDisable(true);
        ctx.background().run(() -> {
            ActivityInput in = service.parse(t);
            if (id == null) {
                return service.add(in, allowDuplicate);
            }
            service.update(id, in, allowDuplicate);
            return id;
        }, savedId -> {
            save.setDisable(false);
            status.setText((id == null ? "已保存 #" : "已修改 #") + savedId + " " + t.name().strip());
            resetForm(false);
            ctx.dataChanged();
            refresh();
        }, err -> {
            save.setDisable(false);
            if (err instanceof DuplicateActivityException d) {
                if (Dialogs.confirm(tab.getTabPane().getScene().getWindow(), "可能重复登记", d.errors().getFirst().message()
                        .replace("。如确需重复登记，请确认后再保存", "。") + "\n\n仍要保存这一条吗？")) {
                    save(true);
                }
            } else if (err instanceof ValidationException v) {
                form.show(v);
            } else {
                Dialogs.error(tab.getTabPane().getScene().getWindow(), err);
            }
        });
    }

    /** Clears the form for the next entry; {@code all} also forgets organisation, category and date. */
    private void resetForm(boolean all) {
        filling = true;
        editingId = null;
        formTitle.setText("快速录入");
        save.setText("保存（Enter）");
        name.clear();
        endDate.setValue(null);
        endDate.getEditor().clear();
        coOrgs.clear();
        participants.clear();
        hours.clear();
        beneficiaries.clear();
        place.clear();
        description.clear();
        highlight.setSelected(false);
        planned.setSelected(false);
        if (all) {
            org.setValue(null);
            category.setValue(null);
            date.setValue(LocalDate.now());
        }
        filled();
        name.requestFocus();
    }

    /** Ends filling the form: nothing typed yet counts as touched, and no errors or duplicate warning show. */
    private void filled() {
        filling = false;
        touched.clear();
        attempted = false;
        form.clearErrors();
        duplicate.setText("");
    }

    private void editSelected() {
        ActivityRow r = table.getSelectionModel().getSelectedItem();
        if (r != null) {
            edit(r.id());
        }
    }

    /** Loads an activity into the form for editing. */
    private void edit(int id) {
        record Loaded(ActivityInput in, ActivityRow row) {
        }
        ctx.background().run(() -> new Loaded(service.input(id).orElseThrow(() -> new ValidationException(ActivityService.F_NAME,
                "该活动已不存在，可能已被删除")), service.get(id).orElseThrow()), r -> {
                    ActivityInput in = r.in();
                    ActivityRow row = r.row();
                    filling = true;
                    editingId = id;
                    formTitle.setText("编辑活动 #" + id);
                    save.setText("保存修改（Enter）");
                    date.setValue(in.startDate());
                    date.getEditor().setText(Dates.iso(in.startDate()));
                    endDate.setValue(in.endDate());
                    endDate.getEditor().setText(in.endDate() == null ? "" : Dates.iso(in.endDate()));
                    name.setText(in.name());
                    org.setValue(org.getItems().stream().filter(o -> Objects.equals(o.id(), in.orgId())).findFirst().orElse(null));
                    coOrgs.setText(String.join("、", row.coOrgNames()));
                    category.setValue(category.getItems().stream().filter(c -> c.id() == in.categoryId()).findFirst().orElse(null));
                    participants.setText(String.valueOf(in.participants()));
                    hours.setText(Amounts.hours(in.serviceTenths()));
                    beneficiaries.setText(String.valueOf(in.beneficiaries()));
                    place.setText(in.place() == null ? "" : in.place());
                    description.setText(in.description() == null ? "" : in.description());
                    highlight.setSelected(in.highlight());
                    planned.setSelected(in.planned());
                    filled();
                });
    }
}
