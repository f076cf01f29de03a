package org.taizhang.ui.honor;

import org.taizhang.ui.Controls;

import static org.taizhang.ui.Controls.button;
import static org.taizhang.ui.Controls.column;

import java.util.List;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.taizhang.ui.Icons;
import org.taizhang.ui.UiPrefs;
import org.taizhang.ui.OrgPicker;
import org.taizhang.attachment.AttachmentService;
import org.taizhang.honor.HonorCounts;
import org.taizhang.honor.HonorFilter;
import org.taizhang.honor.HonorRow;
import org.taizhang.honor.HonorService;
import org.taizhang.org.OrgTree;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.AppTab;
import org.taizhang.ui.Dialogs;
import org.taizhang.ui.PeriodFilter;
import org.taizhang.ui.activity.AttachmentsDialog;
import org.taizhang.ui.activity.OrgChoice;

/**
 * 荣誉: the honours list filtered by period, level, kind (集体/个人) and organisation subtree, with
 * the counts by level × kind that a summary quotes ("国家级集体 1 项；省级集体 5 项、个人 6 项").
 */
public final class HonorTab implements AppTab {
    public static final String TITLE = "荣誉";
    static final String ANY = "全部";
    private static final int LIMIT = 2000;

    private final AppContext ctx;
    private final HonorService service;
    private final Tab tab;
    private final PeriodFilter period = new PeriodFilter("honor", this::refresh);
    private final ComboBox<String> level = new ComboBox<>();
    private final ComboBox<String> kind = new ComboBox<>();
    private final ComboBox<OrgChoice> orgFilter = OrgPicker.choices("honor-org");
    private final TextField search = new TextField();
    private final TableView<HonorRow> table = new TableView<>();
    private final GridPane grid = new GridPane();
    private final Label line = new Label();
    private final Label status = new Label();
    private final PauseTransition delay = new PauseTransition(Duration.millis(250));
    private List<OrgChoice> orgChoices = List.of();
    private int generation;
    private Integer justSaved;
    private String justSavedAs;

    public HonorTab(AppContext ctx) {
        this.ctx = ctx;
        this.service = new HonorService(ctx.db());
        tab = new Tab(TITLE, build());
        UiPrefs.rememberColumns(table.getColumns(), "honor");
        tab.setClosable(false);
    }

    @Override
    public Tab tab() {
        return tab;
    }

    private Node build() {
        level.setId("honor-level");
        level.getItems().add(ANY);
        level.getItems().addAll(HonorService.LEVELS);
        level.setValue(ANY);
        level.valueProperty().addListener((o, a, b) -> refresh());
        kind.setId("honor-kind");
        kind.getItems().setAll(ANY, HonorService.COLLECTIVE, HonorService.INDIVIDUAL);
        kind.setValue(ANY);
        kind.valueProperty().addListener((o, a, b) -> refresh());
        OrgChoice.setUpFilter(orgFilter, "honor-org", this::refresh);
        search.setId("honor-search");
        search.setPromptText("搜索荣誉名称、授予单位、获奖人");
        delay.setOnFinished(e -> refresh());
        search.textProperty().addListener((o, a, b) -> delay.playFromStart());
        search.setPrefWidth(260);
        FlowPane filters = new FlowPane(12, 6,
                Controls.labeled("时间", period.periodBox(), period.yearBox(), period.fromPicker(), new Label("至"), period.toPicker()),
                Controls.labeled("级别", level), Controls.labeled("类型", kind), Controls.labeled("组织", orgFilter), search);
        filters.setAlignment(Pos.CENTER_LEFT);

        grid.setId("honor-counts");
        grid.setHgap(18);
        grid.setVgap(4);
        line.setId("honor-line");
        line.setWrapText(true);
        line.setStyle("-fx-font-weight: bold;");

        table.setId("honor-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("没有符合条件的荣誉。点“新增荣誉”登记。"));
        // widths by what the columns hold: short 级别/类型/附件, room for the name and the recipient; 授予单位 takes the rest
        table.getColumns().add(column("日期", 100, r -> r.date().toString()));
        table.getColumns().add(column("荣誉名称", 250, HonorRow::title));
        table.getColumns().add(column("级别", 90, HonorRow::level));
        table.getColumns().add(column("类型", 56, HonorRow::kind));
        table.getColumns().add(column("获奖对象", 300, HonorRow::recipient));
        table.getColumns().add(column("证书附件", 76, r -> r.attachmentCount() == 0 ? "" : String.valueOf(r.attachmentCount())));
        table.getColumns().add(column("授予单位", 160, r -> r.issuer() == null ? "" : r.issuer()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Button add = Icons.button("新增荣誉", "honor-add", Icons.ADD, this::add);
        Button edit = Icons.button("编辑", "honor-edit", Icons.EDIT, this::edit);
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button delete = Icons.button("删除所选", "honor-delete", Icons.DELETE, this::deleteSelected);
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button files = Icons.button("证书附件…", "honor-files", Icons.ATTACH, this::files);
        files.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        status.setId("honor-status");
        status.setWrapText(true);
        HBox actions = new HBox(8, add, edit, delete, files, status);
        table.setRowFactory(tv -> {
            javafx.scene.control.TableRow<HonorRow> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    edit();
                }
            });
            return row;
        });
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(8, filters, line, grid, actions, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    @Override
    public void reload() {
        record Loaded(OrgTree tree, int latestYear) {
        }
        ctx.background().run(() -> new Loaded(new OrgTree(ctx.orgs().listAll()), new org.taizhang.stats.StatsService(ctx.db()).latestYearWithRecords()),
                r -> {
                    OrgTree tree = r.tree();
                    orgChoices = OrgChoice.of(tree, false);
                    OrgChoice.refill(orgFilter, OrgChoice.of(tree, true), true);
                    period.preferYear(r.latestYear());
                    refresh();
                });
    }

    /** The filter the controls show now. */
    public HonorFilter currentFilter() {
        OrgChoice o = orgFilter.getValue();
        return new HonorFilter(period.from(), period.to(), o == null ? null : o.id(),
                ANY.equals(level.getValue()) ? null : level.getValue(), ANY.equals(kind.getValue()) ? null : kind.getValue(),
                null, search.getText());
    }

    public void refresh() {
        HonorFilter f = currentFilter();
        int gen = ++generation;
        record Loaded(List<HonorRow> rows, HonorCounts counts) {
        }
        ctx.background().run(() -> new Loaded(service.list(f, 0, LIMIT), service.counts(f)), r -> {
            if (gen != generation) {
                return;
            }
            table.getItems().setAll(r.rows());
            showCounts(r.counts());
            Integer just = justSaved;
            justSaved = null;
            if (just != null) {
                HonorRow saved = r.rows().stream().filter(h -> h.id() == just).findFirst().orElse(null);
                if (saved != null) {
                    table.getSelectionModel().clearSelection();
                    table.getSelectionModel().select(saved);
                    table.scrollTo(Math.max(0, table.getItems().indexOf(saved) - 3));
                    status.setText(justSavedAs + "：" + saved.title() + "（" + saved.recipient() + "）");
                } else {
                    status.setText(justSavedAs + "（不在当前筛选的范围内，放宽时间或条件可看到）");
                }
            }
        });
    }

    private void showCounts(HonorCounts c) {
        line.setText("共 " + c.total() + " 项（集体 " + c.collective() + "、个人 " + c.individual() + "）：" + c.line());
        grid.getChildren().clear();
        grid.add(new Label("级别"), 0, 0);
        grid.add(new Label(HonorService.COLLECTIVE), 0, 1);
        grid.add(new Label(HonorService.INDIVIDUAL), 0, 2);
        int col = 1;
        for (String l : HonorService.LEVELS) {
            Label head = new Label(l);
            head.getStyleClass().add("detail-label");
            grid.add(head, col, 0);
            for (int k = 0; k < 2; k++) {
                String kindName = HonorService.KINDS.get(k);
                Label n = new Label(org.taizhang.common.Numbers.grouped(c.get(l, kindName)));
                n.setId("honor-count-" + l.replace("/", "") + "-" + kindName);
                grid.add(n, col, k + 1);
            }
            col++;
        }
    }

    private void add() {
        new HonorDialog(tab.getTabPane().getScene().getWindow(), ctx, service, orgChoices, null).showAndWait().ifPresent(id -> {
            showAfterSave(id, "已新增");
        });
    }

    private void edit() {
        HonorRow r = table.getSelectionModel().getSelectedItem();
        if (r == null) {
            return;
        }
        new HonorDialog(tab.getTabPane().getScene().getWindow(), ctx, service, orgChoices, r).showAndWait().ifPresent(id -> {
            showAfterSave(id, "已保存");
        });
    }

    /** After a save: the list is read again, and the honour is selected, scrolled to and named in the status line. */
    private void showAfterSave(int id, String done) {
        ctx.dataChanged();
        justSaved = id;
        justSavedAs = done;
        refresh();
    }

    private void deleteSelected() {
        List<HonorRow> rows = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < Math.min(5, rows.size()); i++) {
            names.append("\n· ").append(rows.get(i).date()).append(" ").append(rows.get(i).title()).append("（")
                    .append(rows.get(i).recipient()).append("）");
        }
        if (rows.size() > 5) {
            names.append("\n……共 ").append(rows.size()).append(" 项");
        }
        int files = rows.stream().mapToInt(HonorRow::attachmentCount).sum();
        String how = files == 0 ? "删除后如需找回，可用“文件 → 最近的修改”撤销：" : "其中 " + files + " 个证书附件会一起删除，附件删除后不能恢复：";
        if (!Dialogs.confirmDelete(tab.getTabPane().getScene().getWindow(), "删除所选的 " + rows.size() + " 项荣誉？",
                how + names, "删除", "honor-delete-ok")) {
            return;
        }
        List<Integer> ids = rows.stream().map(HonorRow::id).toList();
        ctx.background().run(() -> service.remove(ids), n -> {
            status.setText("已删除 " + n + " 项荣誉");
            ctx.dataChanged();
            refresh();
        });
    }

    private void files() {
        HonorRow r = table.getSelectionModel().getSelectedItem();
        if (r == null) {
            return;
        }
        new AttachmentsDialog(tab.getTabPane().getScene().getWindow(), ctx, AttachmentService.HONOR, r.id(),
                r.date() + " " + r.title() + "（" + r.recipient() + "）").showAndWait();
        refresh();
    }
}
