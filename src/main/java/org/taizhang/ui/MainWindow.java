package org.taizhang.ui;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.taizhang.app.Logs;
import org.taizhang.app.Workspace;
import org.taizhang.db.Database;
import org.taizhang.db.DatabaseDamagedException;
import org.taizhang.demo.DemoData;
import org.taizhang.ui.activity.ActivityTab;
import org.taizhang.ui.honor.HonorTab;
import org.taizhang.ui.io.ImportExportActions;
import org.taizhang.ui.plan.PlanTab;
import org.taizhang.ui.roster.RosterTab;
import org.taizhang.ui.safety.BackupActions;
import org.taizhang.ui.stats.StatsTab;
import org.taizhang.ui.summary.SummaryTab;

/**
 * The main window: menu, tabs (组织名册 · 活动台账 · 统计分析 · 工作计划) and a status bar that shows the
 * database file in use. Switching the database rebuilds the tabs on the new file.
 */
public final class MainWindow {
    public static final String TITLE = "群团工作台账";

    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Label dbLabel = new Label();
    private final Label message = new Label();
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Background background;
    private final List<AppTab> appTabs = new ArrayList<>();
    private final javafx.animation.PauseTransition passing = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(15));
    /** Tabs shown by title only until built (in the order they appear). */
    private final java.util.Map<Tab, LaterTab> pendingTabs = new java.util.LinkedHashMap<>();
    private volatile boolean tabsBuilt;
    /** Start-up prompts: offer demo data for an empty database, show due reminders. Off in most tests. */
    private final boolean interactiveStart;
    private AppContext context;
    /** The database file last asked for, kept when it could not be opened so that a backup can be restored over it. */
    private Path lastFile;
    private MenuBar menu;

    public MainWindow(Stage stage, boolean interactiveStart) {
        this.stage = stage;
        StartupProbe.step("window");
        this.interactiveStart = interactiveStart;
        this.background = new Background(e -> Dialogs.error(stage, e));
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        root.setTop(menu = menuBar());
        root.setCenter(tabs);
        root.setBottom(statusBar());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && pendingTabs.containsKey(b)) {
                Platform.runLater(() -> build(b)); // not inside the selection change itself
            }
            if (b != null && context != null) {
                UiPrefs.put("tab.last", b.getText());
            }
        });
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(MainWindow.class.getResource("taizhang.css").toExternalForm());
        stage.setScene(scene);
        // one Ctrl+S for the window, from any field: the selected tab saves what it has (工作计划, 工作总结)
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+S"),
                () -> appTabs.stream().filter(t -> t.tab().isSelected()).findFirst().ifPresent(t -> t.save(() -> { })));
        UiPrefs.newWindow();
        UiPrefs.rememberWindow(stage, 1280, 800);
        ImportExportActions.installDrop(scene, stage, () -> context);
        stage.setTitle(TITLE);
        for (String size : List.of("16", "32", "48", "64", "128", "256")) {
            var icon = MainWindow.class.getResourceAsStream("/icons/taizhang-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        }
        stage.setOnHidden(e -> shutdown());
        passing.setOnFinished(e -> message.setText("就绪"));
        stage.setOnCloseRequest(e -> {
            if (appTabs.stream().anyMatch(t -> t.unsavedWork() != null)) {
                e.consume();
                leaveSafely("关闭窗口", stage::close);
            }
        });
        StartupProbe.whenFilled(scene, "org-tree");
    }

    public Stage stage() {
        return stage;
    }

    public Background background() {
        return background;
    }

    public AppContext context() {
        return context;
    }

    public List<AppTab> tabs() {
        return appTabs;
    }

    /**
     * Opens {@code file} in the background and shows it; offers demo data if it is empty. The check after an
     * unclean exit and the daily backup run after the first screen is filled ({@link #startChores}).
     */
    public void open(Path file) {
        lastFile = file.toAbsolutePath().normalize();
        Path target = lastFile;
        Workspace previous = context == null ? null : context.workspace();
        context = null;
        appTabs.clear();
        pendingTabs.clear();
        tabsBuilt = false;
        tabs.getTabs().clear();
        setMessage("正在打开数据库…");
        background.run(() -> {
            if (previous != null) {
                previous.close();
            }
            return FirstScreen.take(target);
        }, first -> {
            show(first);
            if (first.empty() && interactiveStart) {
                offerDemoData();
            }
        }, e -> {
            setMessage("未能打开数据库。如有备份，可用“文件 → 从备份恢复…”恢复");
            dbLabel.setText("未打开数据库");
            if (!BackupActions.offerRecovery(stage, background, e, this::open)) {
                Dialogs.error(stage, e);
            }
        });
    }

    /**
     * The start-up chores on a thread of their own (the check reads through its own connection, so the tabs
     * keep loading), with their progress in the status bar; damage found by the check ends in the recovery offer.
     */
    private void startChores(Workspace ws) {
        Thread chores = new Thread(() -> {
            try {
                ws.startChores(status -> Platform.runLater(() -> {
                    if (context != null && context.workspace() == ws) {
                        setMessage(status.isEmpty() ? "就绪" : status);
                    }
                }));
                Platform.runLater(() -> {
                    if (context != null && context.workspace() == ws) {
                        showBanner(ws.db());
                    }
                });
            } catch (DatabaseDamagedException e) {
                Platform.runLater(() -> {
                    if (context == null || context.workspace() != ws) {
                        return;
                    }
                    context = null;
                    appTabs.clear();
                    pendingTabs.clear();
                    tabs.getTabs().clear();
                    setMessage("数据库检查未通过");
                    dbLabel.setText("未打开数据库");
                    if (!BackupActions.offerRecovery(stage, background, e, this::open)) {
                        Dialogs.error(stage, e);
                    }
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> Dialogs.error(stage, e));
            }
        }, "taizhang-start-chores");
        chores.setDaemon(true);
        chores.start();
    }

    private void showBanner(Database db) {
        javafx.scene.Node banner = BackupActions.banner(db);
        root.setTop(banner == null ? menu : new javafx.scene.layout.VBox(menu, banner));
    }

    /**
     * The first screen: the roster with the data read together with opening; the other tabs are built when first
     * selected or, one per frame, once the first screen has been drawn ({@link #buildLaterTabs}).
     */
    private void show(FirstScreen first) {
        String last = UiPrefs.get("tab.last", null);
        Workspace ws = first.workspace();
        Database db = ws.db();
        context = new AppContext(ws, background, this::markAllStale);
        dbLabel.setText("数据库：" + db.file() + (db.readOnly() ? "（只读）" : ""));
        showBanner(db);
        StartupProbe.step("window-shows-data");
        RosterTab roster = new RosterTab(context);
        roster.show(first.roster());
        install(roster);
        tabs.getTabs().add(roster.tab());
        AppContext ctx = context;
        for (LaterTab later : List.<LaterTab>of(
                new LaterTab(ActivityTab.TITLE, () -> new ActivityTab(ctx)),
                new LaterTab(HonorTab.TITLE, () -> new HonorTab(ctx)),
                new LaterTab(StatsTab.TITLE, () -> new StatsTab(ctx)),
                new LaterTab(PlanTab.TITLE, () -> new PlanTab(ctx)),
                new LaterTab(SummaryTab.TITLE, () -> new SummaryTab(ctx)))) {
            Tab placeholder = new Tab(later.title(), new Label("正在加载…"));
            placeholder.setClosable(false);
            pendingTabs.put(placeholder, later);
            tabs.getTabs().add(placeholder);
        }
        tabs.getTabs().stream().filter(t -> t.getText().equals(last)).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        if (pendingTabs.containsKey(selected)) {
            build(selected);
        }
        setMessage("就绪");
        tabsBuilt = pendingTabs.isEmpty();
        afterFirstScreen(ctx);
    }

    /** A tab built after the first screen: its title (shown at once) and how to make it. */
    private record LaterTab(String title, java.util.function.Supplier<AppTab> make) {
    }

    /** Hooks a built tab into the window: reload when shown after data changed elsewhere, start-up reminders. */
    private void install(AppTab t) {
        appTabs.add(t);
        t.tab().setOnSelectionChanged(e -> {
            if (t.tab().isSelected() && Boolean.TRUE.equals(t.tab().getProperties().remove("stale"))) {
                t.reload();
            }
        });
        if (interactiveStart && t instanceof StatsTab s) {
            s.remindOnStartup(stage, () -> tabs.getSelectionModel().select(s.tab()));
        }
    }

    /** Replaces a placeholder by its tab, built now, and starts its first load (FX thread). */
    private void build(Tab placeholder) {
        LaterTab later = pendingTabs.remove(placeholder);
        int at = tabs.getTabs().indexOf(placeholder);
        if (later == null || at < 0) {
            return;
        }
        boolean wasSelected = placeholder.isSelected();
        AppTab t = later.make().get();
        install(t);
        tabs.getTabs().set(at, t.tab());
        if (wasSelected) {
            tabs.getSelectionModel().select(t.tab());
        }
        t.reload();
        tabsBuilt = pendingTabs.isEmpty();
    }

    /**
     * Once the first screen has been drawn (a few frames later): the start-up chores begin (the check after an
     * unclean exit, the daily backup: they would compete with the first screen for the processor), and the
     * remaining tabs are built one per frame, so the window stays responsive; a tab chosen before that is built at once.
     */
    private void afterFirstScreen(AppContext ctx) {
        new javafx.animation.AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (context != ctx) {
                    stop();
                    return;
                }
                if (++frames == 3) {
                    startChores(ctx.workspace());
                } else if (frames > 3) {
                    if (pendingTabs.isEmpty()) {
                        stop();
                    } else {
                        build(pendingTabs.keySet().iterator().next());
                    }
                }
            }
        }.start();
    }

    /** True once every tab of the open database has been built (tests wait for it; any thread). */
    public boolean allTabsBuilt() {
        return tabsBuilt;
    }

    private void markAllStale() {
        for (AppTab t : appTabs) {
            if (t.tab().isSelected()) {
                continue;
            }
            t.tab().getProperties().put("stale", Boolean.TRUE);
        }
    }

    private void offerDemoData() {
        if (!Dialogs.confirm(stage, "这是一个空的数据库", "要装入一套示例数据（示范区群团工作部的组织树、人员、活动和荣誉）先熟悉软件吗？\n"
                + "示例数据可以随时新建一个数据库来摆脱。")) {
            return;
        }
        AppContext ctx = context;
        setMessage("正在生成示例数据…");
        background.run(() -> ctx.workspace().demo(LocalDate.now()).generate(DemoData.Size.DEFAULT, 2021, p -> { }),
                r -> {
                    setPassingMessage("已装入示例数据：组织 " + r.orgs() + " 个，人员 " + r.people() + " 人，活动 " + r.activities() + " 场");
                    appTabs.forEach(AppTab::reload);
                });
    }

    public void setMessage(String text) {
        passing.stop();
        message.setText(text);
    }

    /** A message about something just done: back to 就绪 after 15 seconds, so it never reads as the current state. */
    public void setPassingMessage(String text) {
        setMessage(text);
        passing.playFromStart();
    }

    private MenuBar menuBar() {
        Menu file = new Menu("文件");
        MenuItem newDb = Icons.on(new MenuItem("新建数据库…"), Icons.NEW_DATABASE);
        newDb.setOnAction(e -> chooseDatabase(true));
        MenuItem openDb = Icons.on(new MenuItem("打开数据库…"), Icons.FOLDER);
        openDb.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        openDb.setOnAction(e -> chooseDatabase(false));
        MenuItem importItem = Icons.on(new MenuItem("导入…"), Icons.IMPORT);
        importItem.setAccelerator(KeyCombination.keyCombination("Shortcut+I"));
        importItem.setOnAction(e -> withContext(c -> ImportExportActions.importExcel(stage, c)));
        MenuItem exportItem = Icons.on(new MenuItem("导出…"), Icons.EXPORT);
        exportItem.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        exportItem.setOnAction(e -> withContext(c -> ImportExportActions.exportExcel(stage, c)));
        MenuItem templates = Icons.on(new MenuItem("导出导入模板…"), Icons.TEMPLATE);
        templates.setOnAction(e -> withContext(c -> ImportExportActions.exportTemplates(stage, c)));
        MenuItem sendPackage = Icons.on(new MenuItem("数据上报…"), Icons.SEND);
        sendPackage.setOnAction(e -> withContext(c -> org.taizhang.ui.exchange.ExchangeActions.exportPackage(stage, c)));
        MenuItem receivePackage = Icons.on(new MenuItem("导入数据包…"), Icons.RECEIVE);
        receivePackage.setOnAction(e -> withContext(c -> org.taizhang.ui.exchange.ExchangeActions.importPackage(stage, c)));
        MenuItem reportStatus = Icons.on(new MenuItem("上报情况…"), Icons.REPORT_STATUS);
        reportStatus.setOnAction(e -> withContext(c -> org.taizhang.ui.exchange.ExchangeActions.reportStatus(stage, c)));
        MenuItem backup = Icons.on(new MenuItem("备份到…"), Icons.BACKUP);
        backup.setOnAction(e -> withContext(c -> BackupActions.backupTo(stage, c)));
        MenuItem restore = Icons.on(new MenuItem("从备份恢复…"), Icons.RESTORE);
        restore.setOnAction(e -> restoreFromBackup());
        MenuItem changes = Icons.on(new MenuItem("最近的修改…"), Icons.HISTORY);
        changes.setOnAction(e -> withContext(c -> org.taizhang.ui.safety.ChangesDialog.show(stage, c)));
        MenuItem exit = Icons.on(new MenuItem("退出"), Icons.EXIT);
        exit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        exit.setOnAction(e -> leaveSafely("退出", stage::close));
        file.getItems().addAll(newDb, openDb, new SeparatorMenuItem(), importItem, exportItem, templates,
                new SeparatorMenuItem(), sendPackage, receivePackage, reportStatus, new SeparatorMenuItem(), backup, restore, changes, new SeparatorMenuItem(), exit);
        Menu help = new Menu("帮助");
        MenuItem guide = Icons.on(new MenuItem("使用说明"), Icons.GUIDE);
        guide.setAccelerator(KeyCombination.keyCombination("F1"));
        guide.setOnAction(e -> HelpWindows.guide(stage));
        MenuItem keys = Icons.on(new MenuItem("快捷键"), Icons.KEYS);
        keys.setOnAction(e -> HelpWindows.shortcuts(stage));
        MenuItem about = Icons.on(new MenuItem("关于"), Icons.ABOUT);
        about.setOnAction(e -> Dialogs.info(stage, "群团工作台账 0.1.0",
                "为机关工会、团委、妇联、青联、义工联等群团组织记录台账、统计数字、生成工作总结。\n\n"
                        + "全部数据只保存在本机的数据库文件中，不会上传到任何地方：\n"
                        + (context == null ? "（未打开数据库）" : context.db().file().toString())
                        + "\n\n出现“程序内部错误”时，请把日志文件发给维护人员：\n" + Logs.file()));
        help.getItems().addAll(guide, keys, new SeparatorMenuItem(), about);
        return new MenuBar(file, help);
    }

    /** 文件 → 从备份恢复…, also when the file could not be opened (damaged, foreign, not a database). */
    public void restoreFromBackup() {
        if (context == null && lastFile != null) {
            BackupActions.restoreWithoutOpenDatabase(stage, background, lastFile, this::open);
        } else {
            leaveSafely("恢复备份", () -> withContext(c -> BackupActions.restore(stage, c, this::open)));
        }
    }

    /**
     * Runs {@code proceed} ("关闭窗口", "打开另一个数据库" …) once nothing written in a tab would be lost: unsaved work is
     * named and the clerk chooses 保存 (each saved first; {@code proceed} only when every save went through), 不保存,
     * or 取消 (nothing happens).
     */
    public void leaveSafely(String doing, Runnable proceed) {
        List<AppTab> unsaved = appTabs.stream().filter(t -> t.unsavedWork() != null).toList();
        if (unsaved.isEmpty()) {
            proceed.run();
            return;
        }
        String names = String.join("、", unsaved.stream().map(AppTab::unsavedWork).toList());
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION);
        a.initOwner(stage);
        a.setTitle("还有修改没有保存");
        a.setHeaderText(names + "有修改还没有保存。");
        a.setContentText(doing + "之前要先保存吗？选“不保存”，这些修改就会丢失。");
        javafx.scene.control.ButtonType save = new javafx.scene.control.ButtonType("保存", javafx.scene.control.ButtonBar.ButtonData.YES);
        javafx.scene.control.ButtonType discard = new javafx.scene.control.ButtonType("不保存", javafx.scene.control.ButtonBar.ButtonData.NO);
        javafx.scene.control.ButtonType cancel = new javafx.scene.control.ButtonType("取消", javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        a.getButtonTypes().setAll(save, discard, cancel);
        a.getDialogPane().lookupButton(save).setId("unsaved-save");
        a.getDialogPane().lookupButton(discard).setId("unsaved-discard");
        a.getDialogPane().lookupButton(cancel).setId("unsaved-cancel");
        Dialogs.fit(a);
        a.setOnHidden(e -> {
            if (a.getResult() == save) {
                saveEach(unsaved, 0, proceed);
            } else if (a.getResult() == discard) {
                proceed.run();
            }
        });
        a.show();
    }

    private static void saveEach(List<AppTab> tabs, int i, Runnable then) {
        if (i == tabs.size()) {
            then.run();
        } else {
            tabs.get(i).save(() -> saveEach(tabs, i + 1, then));
        }
    }

    private void withContext(java.util.function.Consumer<AppContext> action) {
        if (context == null) {
            Dialogs.info(stage, "没有打开数据库", "请先用“文件 → 打开数据库”打开或新建一个数据库。");
            return;
        }
        action.accept(context);
    }

    private void chooseDatabase(boolean create) {
        FileChooser fc = new FileChooser();
        fc.setTitle(create ? "新建数据库" : "打开数据库");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("台账数据库 (*.db)", "*.db"));
        if (context != null && context.db().file().getParent() != null) {
            fc.setInitialDirectory(context.db().file().getParent().toFile());
        }
        var chosen = create ? fc.showSaveDialog(stage) : fc.showOpenDialog(stage);
        if (chosen == null) {
            return;
        }
        Path path = chosen.toPath();
        if (create && !path.getFileName().toString().toLowerCase().endsWith(".db")) {
            path = path.resolveSibling(path.getFileName() + ".db");
        }
        if (create && java.nio.file.Files.exists(path)) {
            Dialogs.info(stage, "文件已存在", "“" + path.getFileName() + "”已经存在。新建数据库不会覆盖已有文件，请换一个名字，或用“打开数据库”。");
            return;
        }
        Path chosenPath = path;
        leaveSafely(create ? "新建数据库" : "打开另一个数据库", () -> open(chosenPath));
    }

    private HBox statusBar() {
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(background.busyProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(12, dbLabel, grow, message, spinner);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void shutdown() {
        AppContext ctx = context;
        background.run(() -> {
            if (ctx != null) {
                ctx.workspace().close();
            }
            return null;
        }, r -> { }, e -> { });
        background.close();
    }

    /** Runs {@code r} on the FX thread (used by tests). */
    public static void fx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
