package org.taizhang.ui.stats;

import static org.taizhang.ui.Controls.button;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.Chart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.taizhang.ui.UiPrefs;
import org.taizhang.ui.OrgPicker;
import org.taizhang.common.AtomicFile;
import org.taizhang.common.Dates;
import org.taizhang.common.Numbers;
import org.taizhang.ui.Icons;
import org.taizhang.common.UserException;
import org.taizhang.org.Org;
import org.taizhang.org.OrgTree;
import org.taizhang.stats.Change;
import org.taizhang.stats.Figure;
import org.taizhang.stats.HonorTable;
import org.taizhang.stats.OrgWork;
import org.taizhang.stats.Period;
import org.taizhang.stats.Reminders;
import org.taizhang.stats.Report;
import org.taizhang.stats.Row;
import org.taizhang.stats.StatsExcel;
import org.taizhang.stats.StatsService;
import org.taizhang.stats.Totals;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.AppTab;
import org.taizhang.ui.Controls;
import org.taizhang.ui.Dialogs;
import org.taizhang.ui.Form;
import org.taizhang.ui.PeriodFilter;

/**
 * 统计分析: pick an organisation (its whole subtree) and a period; figure cards with 同比, each
 * clickable to list the records behind it; honours by level × kind; tables and charts by category,
 * month and child organisation (double-click a child to drill down); export to Excel, save a
 * chart as PNG. A 待办/提醒 panel at the top lists overdue/upcoming 换届 and 团员 turning 28.
 */
public final class StatsTab implements AppTab {
    public static final String TITLE = "统计分析";
    private static final String ALL = "全部组织";
    /** Ten figure cards: two full rows of five at every window width. */
    private static final int CARDS_PER_ROW = 5;
    /** The "every organisation" choice of the picker. */
    private static final Org ALL_ORGS = new Org(-1, null, ALL, 0, "", null, null, 0, null, null, null, null, 0);

    private final AppContext ctx;
    private final StatsService stats;
    private final StatsViewModel vm;
    private final Tab tab;
    private final ComboBox<Org> orgBox = OrgPicker.orgs("stats-org");
    /** The window's one 时间 filter, with 季度 and 月份 of the chosen year; remembered like the other tabs'. */
    private final PeriodFilter period = PeriodFilter.withParts("stats", this::scheduleRun);
    private final Label heading = new Label("请选择组织和时段");
    private final GridPane cards = new GridPane();
    private final GridPane honorGrid = new GridPane();
    private final VBox orgWorkBox = new VBox(4);
    private final ComboBox<Totals.Metric> metricBox = new ComboBox<>(FXCollections.observableArrayList(Totals.Metric.values()));
    private final TabPane breakdowns = new TabPane();
    private final TableView<Row> categoryTable = rowTable("类别", "stats-by-category");
    private final TableView<Row> monthTable = rowTable("月份", "stats-by-month");
    private final TableView<Row> childTable = rowTable("下级组织", "stats-by-child");
    private final PieChart categoryChart = new PieChart();
    private final BarChart<String, Number> monthChart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    /** Horizontal bars: organisation names read across on the left. */
    private final BarChart<Number, String> childChart = new BarChart<>(new NumberAxis(), new CategoryAxis());
    private final VBox remindersBox = new VBox(4);
    private final TitledPane remindersPane = new TitledPane("待办提醒", remindersBox);
    private final Label status = new Label();
    private OrgTree tree = new OrgTree(List.of());
    private final Map<Integer, Integer> depths = new java.util.HashMap<>();
    private Report report;
    private Reminders reminders;
    private Runnable startupReminder;
    private boolean runQueued;
    /** True while {@link #show} or {@link #reload} set several pickers: one run at the end, not one per picker. */
    private boolean settingPickers;

    public StatsTab(AppContext ctx) {
        this.ctx = ctx;
        this.stats = new StatsService(ctx.db());
        this.vm = new StatsViewModel(stats, ctx.background()::run);
        orgBox.setId("stats-org");
        orgBox.setPrefWidth(280);
        orgBox.setButtonCell(new OrgCell(false));
        orgBox.setCellFactory(lv -> new OrgCell(true));
        metricBox.setId("stats-metric");
        metricBox.getSelectionModel().select(Totals.Metric.ACTIVITIES);
        metricBox.setCellFactory(lv -> metricCell());
        metricBox.setButtonCell(metricCell());
        metricBox.valueProperty().addListener((o, a, b) -> fillCharts());

        // every change of organisation or period runs the statistics again: no stale report, no button to find
        orgBox.valueProperty().addListener((o, a, b) -> scheduleRun());
        Button run = Icons.button("刷新", "stats-run", Icons.REFRESH, this::runChecked);
        run.setTooltip(new javafx.scene.control.Tooltip("重新统计（换组织或时段时会自动统计）"));
        Button up = Icons.button("上一级", "stats-up", Icons.UP, this::up);
        Button export = Icons.button("导出 Excel…", "stats-export", Icons.EXCEL, this::exportExcel);
        Button png = Icons.button("保存图表…", "stats-save-chart", Icons.IMAGE, this::saveChart);
        ToolBar bar = new ToolBar(new Label("组织"), orgBox, up, new Separator(Orientation.VERTICAL), new Label("时段"), period.periodBox(),
                period.yearBox(), period.partBox(), period.fromPicker(), new Label("至"), period.toPicker(), run);

        heading.getStyleClass().add("title-3");
        heading.setId("stats-heading");
        cards.setId("stats-cards");
        cards.setHgap(10);
        cards.setVgap(10);
        for (int i = 0; i < CARDS_PER_ROW; i++) {
            javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
            cc.setPercentWidth(100.0 / CARDS_PER_ROW);
            cc.setFillWidth(true);
            cards.getColumnConstraints().add(cc);
        }
        honorGrid.setId("stats-honors");
        honorGrid.setHgap(16);
        honorGrid.setVgap(4);
        TitledPane honorPane = new TitledPane("荣誉（按级别 × 集体/个人，点数字看名单）", honorGrid);
        TitledPane orgPane = new TitledPane("组织工作", orgWorkBox);
        orgWorkBox.setId("stats-org-work");
        honorPane.setCollapsible(false);
        orgPane.setCollapsible(false);
        HBox middle = new HBox(10, honorPane, orgPane);
        HBox.setHgrow(honorPane, Priority.ALWAYS);
        HBox.setHgrow(orgPane, Priority.ALWAYS);

        categoryChart.setId("stats-chart-category");
        // the legend names each slice (with its value); labels drawn on the slices overlapped on small ones
        categoryChart.setLegendVisible(true);
        categoryChart.setLegendSide(javafx.geometry.Side.RIGHT);
        categoryChart.setLabelsVisible(false);
        categoryChart.setAnimated(false);
        monthChart.setAnimated(false);
        childChart.setAnimated(false);
        childChart.setCategoryGap(6);
        monthChart.setId("stats-chart-month");
        childChart.setId("stats-chart-child");
        childTable.setRowFactory(tv -> {
            TableRow<Row> r = new TableRow<>();
            r.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && r.getItem() != null) {
                    drillDown(r.getItem());
                }
            });
            return r;
        });
        categoryTable.setRowFactory(tv -> clickRow(row -> new Figure.Activities(row.id(), null, null, false)));
        monthTable.setRowFactory(tv -> clickRow(row -> new Figure.Activities(null, java.time.YearMonth.parse(row.key()), null, false)));
        breakdowns.getTabs().addAll(
                breakdownTab("按类别", categoryTable, categoryChart, "双击一行查看该类别的活动"),
                breakdownTab("按月份", monthTable, monthChart, "双击一行查看该月的活动"),
                breakdownTab("按下级组织", childTable, childChart, "双击一行（或点击柱子）进入该下级组织；“本级”一行是所选组织自己的活动，双击查看记录"));
        breakdowns.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        breakdowns.setId("stats-breakdowns");
        breakdowns.setPrefHeight(420);
        CheckBox allCategories = new CheckBox("显示无活动的类别");
        allCategories.setId("stats-all-categories");
        allCategories.setTooltip(new javafx.scene.control.Tooltip("按类别统计默认只列本时段或同比时段有活动的类别；勾选后列出全部在用类别"));
        allCategories.selectedProperty().bindBidirectional(vm.allCategoriesProperty());
        allCategories.selectedProperty().addListener((o, a, b) -> scheduleRun());
        HBox chartBar = new HBox(8, new Label("图表指标"), metricBox, new Separator(Orientation.VERTICAL), allCategories);
        chartBar.setAlignment(Pos.CENTER_LEFT);

        remindersPane.setId("stats-reminders");
        remindersPane.setExpanded(false);
        status.setId("stats-status");
        status.getStyleClass().add("detail-label");

        // export and save sit with what they write, not at the end of a tool bar that overflows at 1280 px
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        heading.setMinWidth(0);
        HBox headingLine = new HBox(8, heading, gap, export, png);
        headingLine.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(10, remindersPane, headingLine, cards, middle, chartBar, breakdowns, status);
        content.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox root = new VBox(bar, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getStylesheets().add(StatsTab.class.getResource("stats.css").toExternalForm());
        bindViewModel();
        tab = new Tab(TITLE, root);
        tab.setClosable(false);
    }

    @Override
    public Tab tab() {
        return tab;
    }

    /** The report on screen (null before the first load). */
    public Report report() {
        return report;
    }

    public Reminders reminders() {
        return reminders;
    }

    @Override
    public void reload() {
        Integer keep = selectedOrgId();
        record Loaded(List<Org> orgs, int latestYear) {
        }
        ctx.background().run(() -> new Loaded(ctx.orgs().listAll(), stats.latestYearWithRecords()), loaded -> {
            List<Org> orgs = loaded.orgs();
            tree = new OrgTree(orgs);
            settingPickers = true;
            period.preferYear(loaded.latestYear()); // opens on the latest year with records unless a year was chosen
            settingPickers = false;
            List<Org> items = new ArrayList<>();
            items.add(ALL_ORGS);
            depths.clear();
            tree.lines(null, o -> true).forEach(l -> {
                items.add(l.org());
                depths.put(l.org().id(), l.depth());
            });
            settingPickers = true;
            try {
                orgBox.setItems(FXCollections.observableArrayList(items));
                Org sel = keep != null && tree.get(keep) != null ? tree.get(keep)
                        : tree.roots().size() == 1 ? tree.roots().getFirst() : ALL_ORGS;
                orgBox.getSelectionModel().select(sel);
            } finally {
                settingPickers = false;
            }
            run(false);
        });
        loadReminders();
    }

    /**
     * Shows the 待办提醒 window after the first reminders load, when there is anything to do — but not
     * at every start: not again on a day it already showed these same reminders, and not at all for
     * the rest of the day after 今天不再提醒.
     */
    public void remindOnStartup(Window owner, Runnable openTab) {
        startupReminder = () -> {
            if (reminders == null || reminders.isEmpty()) {
                return;
            }
            LocalDate today = LocalDate.now();
            String fingerprint = reminderFingerprint(reminders);
            if (!org.taizhang.ui.UiPrefs.remindersDue(fingerprint, today)) {
                return;
            }
            org.taizhang.ui.UiPrefs.remindersShown(fingerprint, today);
            Dialog<ButtonType> d = new Dialog<>();
            d.initOwner(owner);
            d.initModality(Modality.NONE);
            d.setTitle("待办提醒");
            d.setHeaderText("截至 " + Dates.chinese(reminders.at()) + " 的待办事项（点一行查看名单）");
            VBox lines = new VBox(6);
            reminderLines(lines);
            lines.setPadding(new Insets(8));
            lines.setId("startup-reminders");
            lines.setPrefWidth(680);
            d.getDialogPane().setContent(lines);
            ButtonType open = new ButtonType("打开统计分析", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
            ButtonType snooze = new ButtonType("今天不再提醒", javafx.scene.control.ButtonBar.ButtonData.OTHER);
            d.getDialogPane().getButtonTypes().addAll(open, snooze, new ButtonType("关闭", javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
            d.getDialogPane().lookupButton(snooze).setId("reminders-snooze");
            d.setResultConverter(b -> b);
            Dialogs.fit(d);
            d.setOnHidden(e -> {
                if (d.getResult() == open) {
                    openTab.run();
                } else if (d.getResult() == snooze) {
                    org.taizhang.ui.UiPrefs.snoozeReminders(today);
                }
            });
            d.show();
        };
    }

    /** The counts of the reminders: the same counts on the same day do not open the window again. */
    static String reminderFingerprint(Reminders r) {
        return r.electionsOverdueCount() + "/" + r.electionsDueSoonCount() + "/" + r.turning28Count() + "/" + r.over28Count() + "/"
                + r.withoutOrgCount() + "/" + r.planItemsOverdueCount();
    }

    private void loadReminders() {
        LocalDate today = LocalDate.now();
        ctx.background().run(() -> stats.reminders(null, today, StatsService.DEFAULT_MONTHS, 50), r -> {
            reminders = r;
            remindersBox.getChildren().clear();
            reminderLines(remindersBox);
            remindersPane.setText(r.isEmpty() ? "待办提醒：暂无" : "待办提醒：换届逾期 " + r.electionsOverdueCount() + " 个，"
                    + r.months() + " 个月内应换届 " + r.electionsDueSoonCount() + " 个，" + r.months() + " 个月内年满28周岁团员 "
                    + r.turning28Count() + " 人，已超龄团员 " + r.over28Count() + " 人，无组织关系 " + r.withoutOrgCount() + " 人，过期计划事项 "
                    + r.planItemsOverdueCount() + " 项");
            remindersPane.setExpanded(!r.isEmpty());
            if (startupReminder != null) {
                Runnable s = startupReminder;
                startupReminder = null;
                s.run();
            }
        });
    }

    private void reminderLines(VBox box) {
        Reminders r = reminders;
        LocalDate at = r.at();
        Period soon = Period.custom(at, at.plusMonths(r.months()));
        box.getChildren().add(reminderLink("换届已逾期：" + r.electionsOverdueCount() + " 个" + names(r.electionsOverdue().stream()
                .map(e -> e.orgName() + "（应于 " + Dates.iso(e.due()) + "）").toList()), r.electionsOverdueCount(),
                "全部组织", soon, new Figure.ElectionsDue(at, r.months(), true)));
        box.getChildren().add(reminderLink(r.months() + " 个月内应换届：" + r.electionsDueSoonCount() + " 个" + names(r.electionsDueSoon().stream()
                .map(e -> e.orgName() + "（" + Dates.iso(e.due()) + "）").toList()), r.electionsDueSoonCount(),
                "全部组织", soon, new Figure.ElectionsDue(at, r.months(), false)));
        box.getChildren().add(reminderLink(r.months() + " 个月内年满28周岁的共青团员（超龄离团）：" + r.turning28Count() + " 人"
                        + names(r.turning28().stream().map(a -> a.name() + "（" + Dates.iso(a.turns28()) + "）").toList()),
                r.turning28Count(), "全部人员", soon, new Figure.AgeOuts()));
        box.getChildren().add(reminderLink("已满28周岁仍为共青团员：" + r.over28Count() + " 人", r.over28Count(), "全部人员",
                Period.custom(LocalDate.of(1900, 1, 1), at.minusDays(1)), new Figure.AgeOuts()));
        box.getChildren().add(reminderLink("没有有效组织关系的人员：" + r.withoutOrgCount() + " 人", r.withoutOrgCount(), "全部人员",
                Period.custom(at, at), new Figure.WithoutOrg()));
        Label plans = new Label("工作计划中已过期未完成的事项：" + r.planItemsOverdueCount() + " 项" + names(r.planItemsOverdue().stream()
                .map(pi -> pi.text() + "（" + pi.orgName() + "，应于 " + Dates.iso(pi.due()) + "）").toList()));
        plans.setWrapText(true);
        plans.getStyleClass().add(r.planItemsOverdueCount() == 0 ? "detail-label" : "overdue");
        box.getChildren().add(plans);
    }

    private static String names(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        List<String> first = names.subList(0, Math.min(5, names.size()));
        return "：" + String.join("、", first) + (names.size() > first.size() ? "等" : "");
    }

    private Node reminderLink(String text, long count, String scope, Period p, Figure f) {
        if (count == 0) {
            Label l = new Label(text);
            l.getStyleClass().add("detail-label");
            return l;
        }
        Hyperlink h = new Hyperlink(text);
        h.getStyleClass().add("overdue");
        h.setWrapText(true);
        String title = text.contains("：") ? text.substring(0, text.indexOf('：')) : text;
        h.setOnAction(e -> showBehind(null, scope, p, f, title));
        return h;
    }

    // ---------------------------------------------------------------- period and organisation pickers

    private static ListCell<Totals.Metric> metricCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Totals.Metric item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label + "（" + item.unit + "）");
            }
        };
    }

    /** The period chosen in the time filter; a Chinese reason when it is incomplete or reversed. */
    public Period chosenPeriod() {
        return StatsViewModel.period(period.from(), period.to());
    }

    /** The time filter (tests and screenshots). */
    public PeriodFilter periodFilter() {
        return period;
    }

    /** Sets the pickers to {@code orgId} (null: every organisation) and {@code p}, then runs the statistics. */
    public void show(Integer orgId, Period p) {
        settingPickers = true;
        try {
            setPickers(orgId, p);
        } finally {
            settingPickers = false;
        }
        run(false);
    }

    private void setPickers(Integer orgId, Period p) {
        orgBox.getSelectionModel().select(orgId == null || tree.get(orgId) == null ? ALL_ORGS : tree.get(orgId));
        period.show(p.from(), p.to());
    }

    private Integer selectedOrgId() {
        Org o = orgBox.getValue();
        return o == null || o == ALL_ORGS ? null : o.id();
    }

    private String scopeName() {
        Integer id = selectedOrgId();
        return id == null ? ALL : tree.path(id);
    }

    private void up() {
        Integer id = selectedOrgId();
        if (id == null) {
            return;
        }
        Org o = tree.get(id);
        orgBox.getSelectionModel().select(o == null || o.parentId() == null ? ALL_ORGS : tree.get(o.parentId()));
    }

    private void drillDown(Row row) {
        if ("本级".equals(row.note())) {
            showBehind(report.rootOrgId(), scopeName(), report.period(), new Figure.Activities(null, null, null, true), null);
            return;
        }
        orgBox.getSelectionModel().select(tree.get(row.id()));
    }

    // ---------------------------------------------------------------- loading

    /** Runs the statistics once after the current event (several pickers changing together give one run). */
    private void scheduleRun() {
        if (settingPickers || runQueued) {
            return;
        }
        runQueued = true;
        javafx.application.Platform.runLater(() -> {
            runQueued = false;
            run(false);
        });
    }

    /** The 刷新 button: like a change of picker, but an incomplete period is explained in a message box. */
    private void runChecked() {
        run(true);
    }

    private void run(boolean explain) {
        Period p;
        try {
            p = chosenPeriod();
        } catch (UserException e) {
            vm.clear(e.getMessage());
            if (explain) {
                Dialogs.info(window(), "时段不完整", e.getMessage());
            }
            return;
        }
        vm.load(selectedOrgId(), scopeName(), p);
    }

    /** Shows what the view-model holds: the headline cards first, then the whole report. */
    private void bindViewModel() {
        heading.textProperty().bind(vm.headingProperty());
        status.textProperty().bind(vm.statusProperty());
        vm.headlineProperty().addListener((o, a, h) -> {
            if (h == null) {
                cards.getChildren().clear();
            } else if (vm.report() == null) {
                fillCards(h.now(), h.before(), null);
            }
        });
        vm.reportProperty().addListener((o, a, r) -> {
            report = r;
            if (r == null) {
                return;
            }
            fillCards(r.totals(), r.previousTotals(), r);
            fillHonors(r);
            fillOrgWork(r);
            categoryTable.setItems(FXCollections.observableArrayList(r.byCategory()));
            monthTable.setItems(FXCollections.observableArrayList(r.byMonth()));
            childTable.setItems(FXCollections.observableArrayList(r.byChildOrg()));
            fillCharts();
        });
        vm.failureProperty().addListener((o, a, e) -> {
            if (e != null) {
                Dialogs.error(window(), e);
            }
        });
    }

    private Window window() {
        return org.taizhang.ui.Prompts.windowOf(tab);
    }

    // ---------------------------------------------------------------- figure cards

    private void fillCards(Totals now, Totals before, Report r) {
        cards.getChildren().clear();
        cardCount = 0;
        Period p = r != null ? r.period() : null;
        for (Totals.Metric m : Totals.Metric.values()) {
            Change c = new Change(now.get(m), before.get(m));
            String id = switch (m) {
                case ACTIVITIES -> "activities";
                case PARTICIPANTS -> "participants";
                case SERVICE_TENTHS -> "hours";
                case BENEFICIARIES -> "beneficiaries";
            };
            addCard(card(id, m.label, m.format(c.current()), m.unit,
                    "同比 " + (m == Totals.Metric.SERVICE_TENTHS ? (c.delta() >= 0 ? "+" : "") + m.format(c.delta()) : c.deltaText()) + "，"
                            + c.percentText(), p == null ? null : Figure.Activities.all()));
        }
        if (r == null) {
            return;
        }
        Change h = r.honorChange(null, null);
        addCard(card("honors", "荣誉", Numbers.grouped(h.current()), "项", "同比 " + h.deltaText() + "，" + h.percentText(),
                new Figure.Honors(null, null)));
        OrgWork w = r.orgWork();
        addCard(card("elections-held", "完成换届", Numbers.grouped(w.electionsHeld().current()), "个",
                "同比 " + w.electionsHeld().deltaText(), new Figure.ElectionsHeld()));
        addCard(card("elections-overdue", "换届逾期", Numbers.grouped(w.electionsOverdue()), "个",
                "截至 " + Dates.iso(w.asOf()), new Figure.ElectionsDue(w.asOf(), w.monthsAhead(), true)));
        addCard(card("founded", "新成立组织", Numbers.grouped(w.founded().current()), "个",
                "同比 " + w.founded().deltaText(), new Figure.Founded()));
        addCard(card("members", "期末成员", Numbers.grouped(w.membersAtEnd()), "人",
                "期初 " + Numbers.grouped(w.membersAtStart()) + "，" + (w.memberChange() > 0 ? "+" : "") + Numbers.grouped(w.memberChange()), new Figure.Members(false)));
        addCard(card("age-outs", "年满28周岁团员", Numbers.grouped(w.ageOuts()), "人", "超龄离团提醒", new Figure.AgeOuts()));
    }

    private int cardCount;

    private void addCard(Node card) {
        GridPane.setFillWidth(card, true);
        ((javafx.scene.layout.Region) card).setMaxWidth(Double.MAX_VALUE);
        cards.add(card, cardCount % CARDS_PER_ROW, cardCount / CARDS_PER_ROW);
        cardCount++;
    }

    private Node card(String id, String label, String value, String unit, String sub, Figure figure) {
        Label v = new Label(value);
        v.getStyleClass().add("card-value");
        v.setId("card-" + id + "-value");
        Label u = new Label(unit);
        u.getStyleClass().add("detail-label");
        HBox valueLine = new HBox(4, v, u);
        valueLine.setAlignment(Pos.BASELINE_LEFT);
        Label name = new Label(label);
        name.getStyleClass().add("card-label");
        Label s = new Label(sub);
        s.getStyleClass().add("detail-label");
        s.setId("card-" + id + "-change");
        VBox box = new VBox(2, name, valueLine, s);
        box.getStyleClass().add("stat-card");
        box.setId("card-" + id);
        if (figure != null) {
            box.getStyleClass().add("clickable");
            box.setOnMouseClicked(e -> showCurrentBehind(figure));
            javafx.scene.control.Tooltip.install(box, new javafx.scene.control.Tooltip("点击查看背后的记录"));
        }
        return box;
    }

    private void showCurrentBehind(Figure f) {
        if (report == null) {
            return;
        }
        showBehind(report.rootOrgId(), scopeName() + " · " + report.period().label(), report.period(), f, null);
    }

    /** The records behind a figure; {@code title} (the words that were clicked) names the window, or the figure's own title when null. */
    private void showBehind(Integer root, String scope, Period p, Figure f, String title) {
        ctx.background().run(() -> stats.behind(root, p, f, StatsService.BEHIND_LIMIT),
                b -> RecordsDialog.show(window(), scope, b, title));
    }

    private void fillHonors(Report r) {
        honorGrid.getChildren().clear();
        honorGrid.add(new Label("级别"), 0, 0);
        for (int k = 0; k < HonorTable.KINDS.size(); k++) {
            honorGrid.add(new Label(HonorTable.KINDS.get(k)), k + 1, 0);
        }
        honorGrid.add(new Label("合计"), 3, 0);
        honorGrid.add(new Label("同期"), 4, 0);
        int row = 1;
        List<String> levels = new ArrayList<>(HonorTable.LEVELS);
        levels.add(null);
        for (String level : levels) {
            honorGrid.add(new Label(level == null ? "合计" : level), 0, row);
            for (int k = 0; k < HonorTable.KINDS.size(); k++) {
                String kind = HonorTable.KINDS.get(k);
                honorGrid.add(number(r.honors().count(level, kind), "honor-" + (level == null ? "all" : level) + "-" + kind,
                        new Figure.Honors(level, kind)), k + 1, row);
            }
            honorGrid.add(number(r.honors().count(level, null), "honor-" + (level == null ? "all" : level), new Figure.Honors(level, null)), 3, row);
            Label prev = new Label(Numbers.grouped(r.previousHonors().count(level, null)));
            prev.getStyleClass().add("detail-label");
            honorGrid.add(prev, 4, row);
            row++;
        }
    }

    private Node number(long n, String id, Figure f) {
        if (n == 0) {
            Label l = new Label("0");
            l.setId(id);
            l.getStyleClass().add("detail-label");
            return l;
        }
        Hyperlink h = new Hyperlink(Numbers.grouped(n));
        h.setId(id);
        h.setOnAction(e -> showCurrentBehind(f));
        return h;
    }

    private void fillOrgWork(Report r) {
        OrgWork w = r.orgWork();
        orgWorkBox.getChildren().setAll(
                workLine("本期完成换届", w.electionsHeld().current() + " 个（同期 " + w.electionsHeld().previous() + "）", new Figure.ElectionsHeld()),
                workLine("新成立组织", w.founded().current() + " 个（同期 " + w.founded().previous() + "）", new Figure.Founded()),
                workLine("换届已逾期（截至 " + Dates.iso(w.asOf()) + "）", w.electionsOverdue() + " 个",
                        new Figure.ElectionsDue(w.asOf(), w.monthsAhead(), true)),
                workLine(w.monthsAhead() + " 个月内应换届", w.electionsDueSoon() + " 个", new Figure.ElectionsDue(w.asOf(), w.monthsAhead(), false)),
                workLine("期初成员", Numbers.grouped(w.membersAtStart()) + " 人", new Figure.Members(true)),
                workLine("期末成员", Numbers.grouped(w.membersAtEnd()) + " 人（" + (w.memberChange() > 0 ? "+" : "")
                        + Numbers.grouped(w.memberChange()) + "）", new Figure.Members(false)),
                workLine("本期加入", Numbers.grouped(w.joined()) + " 人次", new Figure.MemberChanges(true)),
                workLine("本期离开", Numbers.grouped(w.left()) + " 人次", new Figure.MemberChanges(false)),
                workLine("年满28周岁的共青团员", Numbers.grouped(w.ageOuts()) + " 人", new Figure.AgeOuts()),
                workLine("没有有效组织关系的人员（全部人员中）", Numbers.grouped(w.withoutOrg()) + " 人", new Figure.WithoutOrg()));
    }

    private Node workLine(String label, String value, Figure f) {
        Label l = new Label(label + "：");
        Hyperlink h = new Hyperlink(value);
        h.setOnAction(e -> showCurrentBehind(f));
        HBox box = new HBox(4, l, h);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    // ---------------------------------------------------------------- tables and charts

    private static TableView<Row> rowTable(String first, String id) {
        TableView<Row> t = new TableView<>();
        t.setId(id);
        TableColumn<Row, String> name = new TableColumn<>(first);
        name.setPrefWidth(200);
        name.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().label()
                + (cd.getValue().note() == null ? "" : "（" + cd.getValue().note() + "）")));
        t.getColumns().add(name);
        for (Totals.Metric m : Totals.Metric.values()) {
            TableColumn<Row, String> c = new TableColumn<>(m.label);
            c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(m.format(cd.getValue().totals().get(m))));
            c.setStyle("-fx-alignment: CENTER-RIGHT;");
            t.getColumns().add(Controls.fitToContent(c)); // a figure is never cut to “…”
        }
        TableColumn<Row, String> prev = new TableColumn<>("同期场次");
        prev.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(Numbers.grouped(cd.getValue().previous().activities())));
        prev.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<Row, String> yoy = new TableColumn<>("场次同比");
        yoy.setCellValueFactory(cd -> {
            Change c = cd.getValue().change(Totals.Metric.ACTIVITIES);
            return new ReadOnlyObjectWrapper<>(c.deltaText() + "（" + c.percentText() + "）");
        });
        yoy.setStyle("-fx-alignment: CENTER-RIGHT;");
        yoy.setMinWidth(120);
        t.getColumns().addAll(Controls.fitToContent(prev), Controls.fitToContent(yoy));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("没有数据"));
        return t;
    }

    private TableRow<Row> clickRow(Function<Row, Figure> figure) {
        TableRow<Row> r = new TableRow<>();
        r.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && r.getItem() != null) {
                showCurrentBehind(figure.apply(r.getItem()));
            }
        });
        return r;
    }

    private static Tab breakdownTab(String title, TableView<Row> table, Chart chart, String hint) {
        Label h = new Label(hint);
        h.getStyleClass().add("detail-label");
        VBox left = new VBox(4, table, h);
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane split = new SplitPane(left, chart);
        split.setDividerPositions(0.55);
        UiPrefs.rememberDividers(split, "stats-" + table.getId());
        UiPrefs.rememberColumns(table.getColumns(), table.getId());
        Tab t = new Tab(title, split);
        t.setClosable(false);
        return t;
    }

    private void fillCharts() {
        Report r = report;
        if (r == null) {
            return;
        }
        Totals.Metric m = metricBox.getValue() == null ? Totals.Metric.ACTIVITIES : metricBox.getValue();
        double scale = m == Totals.Metric.SERVICE_TENTHS ? 10.0 : 1.0;
        // JavaFX has eight slice colours: the seven largest categories, the rest together as one slice
        List<Row> positive = new ArrayList<>(r.byCategory().stream().filter(row -> row.totals().get(m) > 0).toList());
        positive.sort(java.util.Comparator.comparingLong((Row row) -> row.totals().get(m)).reversed());
        List<PieChart.Data> pie = new ArrayList<>();
        long rest = 0;
        for (int i = 0; i < positive.size(); i++) {
            Row row = positive.get(i);
            long v = row.totals().get(m);
            if (positive.size() > 8 && i >= 7) {
                rest += v;
            } else {
                pie.add(new PieChart.Data(row.label() + " " + m.format(v), v / scale));
            }
        }
        if (rest > 0) {
            pie.add(new PieChart.Data("其余 " + (positive.size() - 7) + " 类 " + m.format(rest), rest / scale));
        }
        categoryChart.setData(FXCollections.observableArrayList(pie));
        categoryChart.setTitle(r.period().label() + " 按类别 · " + m.label);
        fillMonthChart(r, m, scale);
        fillChildChart(r, m, scale);
        monthChart.setTitle(r.period().label() + " 按月份 · " + m.label + "（" + m.unit + "）");
        childChart.setTitle(r.period().label() + " 按下级组织 · " + m.label + "（" + m.unit + "）");
    }

    private void fillMonthChart(Report r, Totals.Metric m, double scale) {
        XYChart.Series<String, Number> now = new XYChart.Series<>();
        now.setName(r.period().label());
        XYChart.Series<String, Number> before = new XYChart.Series<>();
        before.setName(r.previousPeriod().label() + "（同期）");
        long max = 0;
        for (Row row : r.byMonth()) {
            String label = Integer.parseInt(row.key().substring(5, 7)) + "月";
            now.getData().add(new XYChart.Data<>(label, row.totals().get(m) / scale));
            before.getData().add(new XYChart.Data<>(label, row.previous().get(m) / scale));
            max = Math.max(max, Math.max(row.totals().get(m), row.previous().get(m)));
        }
        monthChart.setData(FXCollections.observableArrayList(List.of(now, before)));
        valueAxis((NumberAxis) monthChart.getYAxis(), max / scale, m != Totals.Metric.SERVICE_TENTHS);
    }

    /** Organisations down the left (names read across), bars to the right; a click on a bar drills down. */
    private void fillChildChart(Report r, Totals.Metric m, double scale) {
        XYChart.Series<Number, String> now = new XYChart.Series<>();
        now.setName(r.period().label());
        XYChart.Series<Number, String> before = new XYChart.Series<>();
        before.setName(r.previousPeriod().label() + "（同期）");
        Map<XYChart.Data<Number, String>, Row> back = new java.util.HashMap<>();
        long max = 0;
        // the category axis runs bottom-up: add in reverse so the first organisation is on top, as in the table
        List<Row> rows = new ArrayList<>(r.byChildOrg());
        java.util.Collections.reverse(rows);
        for (Row row : rows) {
            String label = row.label() + ("本级".equals(row.note()) ? "（本级）" : "");
            XYChart.Data<Number, String> d = new XYChart.Data<>(row.totals().get(m) / scale, label);
            back.put(d, row);
            now.getData().add(d);
            before.getData().add(new XYChart.Data<>(row.previous().get(m) / scale, label));
            max = Math.max(max, Math.max(row.totals().get(m), row.previous().get(m)));
        }
        childChart.setData(FXCollections.observableArrayList(List.of(now, before)));
        childChart.setMinHeight(Math.max(300, 44.0 * rows.size() + 120));
        valueAxis((NumberAxis) childChart.getXAxis(), max / scale, m != Totals.Metric.SERVICE_TENTHS);
        for (XYChart.Data<Number, String> d : now.getData()) {
            if (d.getNode() != null) {
                d.getNode().setOnMouseClicked(e -> drillDown(back.get(d)));
                d.getNode().setStyle("-fx-cursor: hand;");
            }
        }
    }

    /**
     * A value axis from 0 with whole-number steps for counts (no 2.5 activities), about five ticks,
     * labels with thousands separators.
     */
    static void valueAxis(NumberAxis axis, double max, boolean whole) {
        double step = niceStep(Math.max(max, 1) / 5, whole);
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setUpperBound(Math.max(step, Math.ceil(max / step) * step));
        axis.setTickUnit(step);
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                return Numbers.groupedTenths(Math.round(v * 10));
            }

            @Override
            public Number fromString(String s) {
                return Double.valueOf(s.replace(",", ""));
            }
        });
    }

    /** 1, 2, 5, 10, 20, 50 … at least {@code raw}; at least 1 for whole numbers. */
    static double niceStep(double raw, boolean whole) {
        if (raw <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = 10 * magnitude;
        for (double f : new double[] {1, 2, 5, 10}) {
            if (f * magnitude >= raw) {
                step = f * magnitude;
                break;
            }
        }
        return whole ? Math.max(1, Math.ceil(step)) : step;
    }

    // ---------------------------------------------------------------- export

    private void exportExcel() {
        Report r = report;
        if (r == null) {
            Dialogs.info(window(), "还没有统计结果", "请先选择组织和时段。");
            return;
        }
        var f = Dialogs.saveAs(window(), "导出统计到 Excel", r.rootName() + r.period().label() + "统计.xlsx", Dialogs.EXCEL);
        if (f == null) {
            return;
        }
        exportExcelTo(Dialogs.withExtension(f, ".xlsx"));
    }

    /** Writes the report shown now to {@code target} in the background, then offers to open it (the status line is the view-model's). */
    public void exportExcelTo(Path target) {
        Report r = report;
        ctx.background().run(() -> {
            StatsExcel.write(r, target);
            return target;
        }, t -> Dialogs.exported(window(), "统计已导出为 Excel", t));
    }

    /** The chart of the breakdown shown now. */
    public Chart visibleChart() {
        int i = breakdowns.getSelectionModel().getSelectedIndex();
        return i == 1 ? monthChart : i == 2 ? childChart : categoryChart;
    }

    private void saveChart() {
        if (report == null) {
            Dialogs.info(window(), "还没有统计结果", "请先选择组织和时段。");
            return;
        }
        var f = Dialogs.saveAs(window(), "保存图表为图片",
                report.rootName() + report.period().label() + breakdowns.getSelectionModel().getSelectedItem().getText() + ".png",
                new FileChooser.ExtensionFilter("PNG 图片 (*.png)", "*.png"));
        if (f == null) {
            return;
        }
        saveChartTo(Dialogs.withExtension(f, ".png"));
    }

    /** Saves the chart shown now to {@code target}, then offers to open it. */
    public void saveChartTo(Path target) {
        try {
            saveChartPng(visibleChart(), target);
            Dialogs.exported(window(), "图表已保存为图片", target);
        } catch (UserException e) {
            Dialogs.info(window(), "图表没有保存", e.getMessage());
        }
    }

    /** Snapshots {@code chart} (on the FX thread) and writes it as PNG through {@link AtomicFile}. */
    public static void saveChartPng(Chart chart, Path target) {
        SnapshotParameters sp = new SnapshotParameters();
        sp.setFill(javafx.scene.paint.Color.WHITE);
        WritableImage img = chart.snapshot(sp, null);
        java.awt.image.BufferedImage image = SwingFXUtils.fromFXImage(img, null);
        AtomicFile.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("无法生成 PNG 图片");
            }
        });
    }

    /** Organisation picker cell: indented by depth in the list, the plain name on the button. */
    private final class OrgCell extends ListCell<Org> {
        private final boolean indent;

        OrgCell(boolean indent) {
            this.indent = indent;
        }

        @Override
        protected void updateItem(Org item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(indent ? null : ALL);
                return;
            }
            setText(indent ? "  ".repeat(depths.getOrDefault(item.id(), 0)) + item.name() : item.name());
        }
    }
}
