package org.taizhang.ui.activity;

import static org.taizhang.ui.Controls.column;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
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
import javafx.stage.Window;
import javafx.util.Duration;
import org.taizhang.activity.ActivityFilter;
import org.taizhang.activity.ActivityRow;
import org.taizhang.activity.ActivityService;
import org.taizhang.activity.ActivitySort;
import org.taizhang.activity.ActivityTotals;
import org.taizhang.activity.Category;
import org.taizhang.attachment.AttachmentService;
import org.taizhang.common.Dates;
import org.taizhang.common.Numbers;
import org.taizhang.common.UserException;
import org.taizhang.stats.StatsService;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.AppTab;
import org.taizhang.ui.Controls;
import org.taizhang.ui.Dialogs;
import org.taizhang.ui.Form;
import org.taizhang.ui.Icons;
import org.taizhang.ui.OrgPicker;
import org.taizhang.ui.PeriodFilter;
import org.taizhang.ui.Prompts;
import org.taizhang.ui.UiPrefs;

/**
 * 活动台账, the view: a filtered, sortable table (period presets, organisation subtree, category, text) with a
 * totals line that always covers exactly the filter, multi-select delete with 撤销, and a quick-entry form on
 * the right that keeps the last organisation and category, validates as you type, warns about duplicates and
 * saves on Enter. It builds the controls and binds them to {@link ActivityViewModel}, which holds the state
 * and the logic.
 */
public final class ActivityTab implements AppTab {
    public static final String TITLE = "活动台账";

    private final AppContext ctx;
    private final ActivityViewModel vm;
    private final Tab tab;

    // filters
    private final PeriodFilter period = new PeriodFilter("activity", this::periodChanged);
    private final ComboBox<OrgChoice> orgFilter = OrgPicker.choices("activity-org");
    private final ComboBox<Category> categoryFilter = new ComboBox<>();
    private final TextField search = new TextField();
    private final CheckBox highlightOnly = new CheckBox("只看亮点");
    private final PauseTransition filterDelay = new PauseTransition(Duration.millis(250));

    // table
    private final TableView<ActivityRow> table = new TableView<>();
    private final Map<TableColumn<ActivityRow, ?>, ActivitySort> sortOf = new HashMap<>();

    // quick-entry form
    private final Form form = new Form();
    private final DatePicker date = Form.datePicker();
    private final DatePicker endDate = Form.datePicker();
    private final TextField name = new TextField();
    private final ComboBox<OrgChoice> org = OrgPicker.choices(null);
    private final ComboBox<Category> category = new ComboBox<>();
    private final PauseTransition validateDelay = new PauseTransition(Duration.millis(300));

    public ActivityTab(AppContext ctx) {
        this.ctx = ctx;
        Prompts prompts = Prompts.dialogs(this::window);
        this.vm = new ActivityViewModel(new ActivityService(ctx.db()), ctx.orgs(), new StatsService(ctx.db()), ctx.background()::run,
                prompts, ctx::dataChanged);
        tab = new Tab(TITLE, build());
        tab.setClosable(false);
    }

    @Override
    public Tab tab() {
        return tab;
    }

    /** The state and logic behind this tab. */
    public ActivityViewModel viewModel() {
        return vm;
    }

    /** The service this tab uses (one instance, so that 撤销 knows the last delete). */
    public ActivityService service() {
        return vm.service();
    }

    private Window window() {
        return Prompts.windowOf(tab);
    }

    private void periodChanged() {
        if (vm != null) {
            vm.setPeriod(period.from(), period.to());
        }
    }

    // ------------------------------------------------------------------ layout

    private Node build() {
        OrgChoice.setUpFilter(orgFilter, "activity-org", () -> { });
        Bindings.bindContent(orgFilter.getItems(), vm.filterOrgs());
        orgFilter.valueProperty().bindBidirectional(vm.orgFilterProperty());
        categoryFilter.setId("activity-category");
        Bindings.bindContent(categoryFilter.getItems(), vm.filterCategories());
        categoryFilter.valueProperty().bindBidirectional(vm.categoryFilterProperty());
        search.setId("activity-search");
        search.setPromptText("搜索名称、地点、简介");
        search.setPrefWidth(180);
        filterDelay.setOnFinished(e -> vm.searchProperty().set(search.getText()));
        search.textProperty().addListener((o, a, b) -> filterDelay.playFromStart());
        highlightOnly.setId("activity-highlight-only");
        highlightOnly.selectedProperty().bindBidirectional(vm.highlightOnlyProperty());
        vm.setPeriod(period.from(), period.to());
        vm.latestYearProperty().addListener((o, a, y) -> {
            if (y != null) {
                period.preferYear(y);
            }
        });
        FlowPane filters = new FlowPane(12, 6,
                Controls.labeled("时间", period.periodBox(), period.yearBox(), period.fromPicker(), new Label("至"), period.toPicker()),
                Controls.labeled("组织", orgFilter), Controls.labeled("类别", categoryFilter), search, highlightOnly);
        filters.setAlignment(Pos.CENTER_LEFT);

        setupTable();
        Label totals = new Label();
        totals.setId("activity-totals");
        totals.setWrapText(true);
        totals.getStyleClass().add("title-4");
        totals.setStyle("-fx-font-weight: bold;");
        totals.textProperty().bind(vm.totalsTextProperty());
        Label status = new Label();
        status.setId("activity-status");
        status.textProperty().bind(vm.statusProperty());
        Button more = new Button();
        more.setId("activity-more");
        more.setOnAction(e -> vm.loadMore());
        more.visibleProperty().bind(vm.moreAvailableProperty());
        more.textProperty().bind(vm.moreTextProperty());
        Button delete = Icons.button("删除所选", "activity-delete", Icons.DELETE, this::deleteSelected);
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button undo = new Button("撤销删除");
        undo.setId("activity-undo");
        undo.setOnAction(e -> vm.undoDelete());
        undo.disableProperty().bind(vm.undoAvailableProperty().not());
        Button edit = Icons.button("编辑", "activity-edit", Icons.EDIT, this::editSelected);
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button files = Icons.button("附件…", "activity-files", Icons.ATTACH, this::filesOfSelected);
        files.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button categories = Icons.button("类别…", "activity-categories", Icons.CATEGORIES, () -> {
            new CategoriesDialog(window(), ctx, vm.service()).showAndWait();
            vm.reload();
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
        table.setItems(vm.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("没有符合条件的活动。可以在右侧“快速录入”中登记。"));
        // dates, ranges (2026-12-08—12-10) and figures are never cut: their columns grow to fit them
        TableColumn<ActivityRow, String> dateCol = Controls.fitToContent(col("日期", ActivityRow::dateText, ActivitySort.DATE));
        dateCol.setSortType(TableColumn.SortType.DESCENDING);
        table.getColumns().add(dateCol);
        table.getColumns().add(col("活动名称", ActivityRow::name, ActivitySort.NAME));
        table.getColumns().add(col("主办组织", r -> r.orgName() + (r.coOrgNames().isEmpty() ? "" : "（协办：" + String.join("、", r.coOrgNames()) + "）"),
                ActivitySort.ORG));
        table.getColumns().add(col("类别", ActivityRow::categoryName, ActivitySort.CATEGORY));
        table.getColumns().add(numCol("参与人次", ActivityRow::participants, ActivitySort.PARTICIPANTS));
        TableColumn<ActivityRow, String> h = Controls.fitToContent(col("服务时长", r -> Numbers.groupedTenths(r.serviceTenths()), ActivitySort.HOURS));
        h.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(h);
        table.getColumns().add(numCol("惠及人数", ActivityRow::beneficiaries, ActivitySort.BENEFICIARIES));
        table.getColumns().add(col("地点", r -> r.place() == null ? "" : r.place(), null));
        table.getColumns().add(col("标记", r -> (r.highlight() ? "★亮点 " : "") + (r.planned() ? "计划" : ""), null));
        table.getColumns().add(Controls.fitToContent(col("附件", r -> r.attachmentCount() == 0 ? "" : String.valueOf(r.attachmentCount()), null)));
        double[] widths = {150, 240, 200, 80, 80, 80, 80, 150, 70, 50};
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
            vm.sortBy(s, desc);
            return true;
        });
        table.setRowFactory(tv -> {
            TableRow<ActivityRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.edit(row.getItem().id());
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

    /** A figure column: right-aligned, thousands separated like every table (Numbers.grouped), sorted in SQL, never cut. */
    private TableColumn<ActivityRow, String> numCol(String title, Function<ActivityRow, Integer> f, ActivitySort s) {
        TableColumn<ActivityRow, String> c = Controls.fitToContent(column(title, r -> Numbers.grouped(f.apply(r))));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        sortOf.put(c, s);
        return c;
    }

    private Node buildForm() {
        Label formTitle = new Label();
        formTitle.getStyleClass().add("title-3");
        formTitle.setId("activity-form-title");
        formTitle.textProperty().bind(vm.formTitleProperty());
        date.setEditable(true);
        endDate.setEditable(true);
        endDate.setPromptText("多日活动才填");
        OrgChoice.decorate(org);
        TextField coOrgs = new TextField();
        coOrgs.setPromptText("组织名称，多个用、分隔");
        TextField participants = new TextField();
        participants.setPromptText("如 120");
        TextField hours = new TextField();
        hours.setPromptText("全部人次合计，如 36.5");
        TextField beneficiaries = new TextField();
        beneficiaries.setPromptText("如 300");
        TextField place = new TextField();
        TextArea description = new TextArea();
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
        bindDate(date, vm.dateProperty());
        bindDate(endDate, vm.endDateProperty());
        name.textProperty().bindBidirectional(vm.nameProperty());
        Bindings.bindContent(org.getItems(), vm.formOrgs());
        org.valueProperty().bindBidirectional(vm.orgProperty());
        coOrgs.textProperty().bindBidirectional(vm.coOrgsProperty());
        Bindings.bindContent(category.getItems(), vm.formCategories());
        category.valueProperty().bindBidirectional(vm.categoryProperty());
        participants.textProperty().bindBidirectional(vm.participantsProperty());
        hours.textProperty().bindBidirectional(vm.hoursProperty());
        beneficiaries.textProperty().bindBidirectional(vm.beneficiariesProperty());
        place.textProperty().bindBidirectional(vm.placeProperty());
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        CheckBox highlight = new CheckBox("亮点");
        highlight.setId("activity-highlight");
        highlight.selectedProperty().bindBidirectional(vm.highlightProperty());
        CheckBox planned = new CheckBox("计划（尚未举行）");
        planned.setId("activity-planned");
        planned.selectedProperty().bindBidirectional(vm.plannedProperty());
        Label duplicate = new Label();
        duplicate.setId("activity-duplicate");
        duplicate.getStyleClass().add("field-error");
        duplicate.setWrapText(true);
        duplicate.textProperty().bind(vm.duplicateWarningProperty());
        vm.errorsProperty().addListener((o, a, e) -> {
            if (e == null) {
                form.clearErrors();
            } else {
                form.show(e);
            }
        });
        Button save = new Button();
        save.setId("activity-save");
        save.textProperty().bind(vm.saveTextProperty());
        save.disableProperty().bind(vm.savingProperty());
        save.setOnAction(e -> save());
        Button clear = new Button("清空");
        clear.setId("activity-clear");
        clear.setOnAction(e -> vm.resetForm(true));
        validateDelay.setOnFinished(e -> vm.validate());
        vm.setValidateLater(validateDelay::playFromStart);
        vm.setOnFormReset(name::requestFocus);
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
            if (org.isShowing() || category.isShowing()) {
                return;
            }
            e.consume();
            save();
        });
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(340);
        return scroll;
    }

    /**
     * The picker's text is the view-model's; a date the view-model puts there (a new entry, an activity
     * to edit) also becomes the picker's value, so its calendar opens on it. What the clerk is typing is
     * left as typed.
     */
    private static void bindDate(DatePicker picker, StringProperty text) {
        picker.getEditor().textProperty().bindBidirectional(text);
        Runnable follow = () -> {
            LocalDate d;
            try {
                d = Dates.parse(text.get());
            } catch (UserException e) {
                return;
            }
            if (!Objects.equals(d, picker.getValue())) {
                picker.setValue(d);
            }
        };
        text.addListener((o, a, b) -> {
            if (!picker.getEditor().isFocused()) {
                follow.run();
            }
        });
        follow.run();
    }

    private void save() {
        validateDelay.stop();
        vm.save(false);
    }

    // ------------------------------------------------------------------ loading

    @Override
    public void reload() {
        vm.reload();
    }

    /** The filter the controls show now. */
    public ActivityFilter currentFilter() {
        return vm.currentFilter();
    }

    /** Reloads the first page and the totals for the current filter. */
    public void refresh() {
        vm.refresh();
    }

    /** The totals now shown (always of the whole filter). */
    public ActivityTotals shownTotals() {
        return vm.shownTotals();
    }

    // ------------------------------------------------------------------ selection

    private void deleteSelected() {
        vm.delete(List.copyOf(table.getSelectionModel().getSelectedItems()));
    }

    private void filesOfSelected() {
        ActivityRow r = table.getSelectionModel().getSelectedItem();
        if (r == null) {
            return;
        }
        new AttachmentsDialog(window(), ctx, AttachmentService.ACTIVITY, r.id(), Dates.iso(r.startDate()) + " " + r.name()).showAndWait();
        vm.refresh();
    }

    private void editSelected() {
        ActivityRow r = table.getSelectionModel().getSelectedItem();
        if (r != null) {
            vm.edit(r.id());
        }
    }
}
