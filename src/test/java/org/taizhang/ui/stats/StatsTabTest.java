package org.taizhang.ui.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.ui.FxTestSupport.open;
import static org.taizhang.ui.FxTestSupport.settle;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.db.Database;
import org.taizhang.org.OrgService;
import org.taizhang.stats.Period;
import org.taizhang.stats.Row;
import org.taizhang.stats.StatsFixtureAccess;
import org.taizhang.ui.MainWindow;
import org.taizhang.ui.WindowTest;
import org.taizhang.ui.PeriodFilter;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on the golden fixture: the 统计分析 tab shows the hand-computed figures, lists records, drills down, saves a chart. */
@WindowTest(startupPrompts = true) // the 待办提醒 window opens on start-up
class StatsTabTest {
    @TempDir
    static Path dir;

    private MainWindow window;

    private static void click(Node n, int count) {
        Event.fireEvent(n, new MouseEvent(MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0, MouseButton.PRIMARY, count, false, false, false, false,
                true, false, false, false, false, false, null));
    }

    @Test
    void showsTheGoldenFiguresAndTheRecordsBehindThem(FxRobot robot) throws Exception {
        Path file = dir.resolve("stats-ui.db");
        try (Database db = Database.open(file)) {
            StatsFixtureAccess.load(db);
            new OrgService(db).move(StatsFixtureAccess.VOLUNTEERS, StatsFixtureAccess.LEAGUE);
        }
        open(window, file);
        // the fixture has 共青团员 older than 28 today: the 待办提醒 window opens on start-up
        assertThat(robot.lookup("#startup-reminders").tryQuery()).isPresent();

        StatsTab tab = (StatsTab) window.tabs().stream().filter(t -> t instanceof StatsTab).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> {
            tab.tab().getTabPane().getSelectionModel().select(tab.tab());
            tab.show(StatsFixtureAccess.ROOT, Period.firstHalf(2021));
        }).get();
        settle(window);
        assertThat(text(robot, "#card-activities-value")).isEqualTo("5");
        assertThat(text(robot, "#card-participants-value")).isEqualTo("71");
        assertThat(text(robot, "#card-hours-value")).isEqualTo("9.2");
        assertThat(text(robot, "#card-beneficiaries-value")).isEqualTo("162");
        assertThat(text(robot, "#card-activities-change")).isEqualTo("同比 +2，+66.7%");
        assertThat(text(robot, "#card-honors-value")).isEqualTo("3");
        assertThat(text(robot, "#card-elections-held-value")).isEqualTo("1");
        assertThat(text(robot, "#card-age-outs-value")).isEqualTo("2");
        assertThat(text(robot, "#stats-heading")).contains("区群团工作部").contains("2021年上半年");
        // the shared time filter shows the period asked for: 上半年 of 2021, the dates under it
        PeriodFilter filter = tab.periodFilter();
        assertThat(filter.periodBox().getValue()).isEqualTo(org.taizhang.activity.Period.FIRST_HALF);
        assertThat(filter.yearBox().getValue()).isEqualTo(2021);
        assertThat(filter.from()).isEqualTo(LocalDate.of(2021, 1, 1));
        assertThat(filter.to()).isEqualTo(LocalDate.of(2021, 6, 30));
        assertThat(filter.partBox().isVisible()).isFalse();
        @SuppressWarnings("unchecked")
        TableView<Row> child = robot.lookup("#stats-by-child").queryAs(TableView.class);
        assertThat(child.getItems()).extracting(Row::label).containsExactly("区群团工作部", "区总工会", "区团委", "区妇联");
        // 按类别: only the categories with activities; ticking 显示无活动的类别 lists every category again
        @SuppressWarnings("unchecked")
        TableView<Row> byCategory = robot.lookup("#stats-by-category").queryAs(TableView.class);
        assertThat(byCategory.getItems()).hasSize(4);
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#stats-all-categories").queryAs(javafx.scene.control.CheckBox.class).setSelected(true)).get();
        settle(window);
        assertThat(byCategory.getItems()).hasSize(11);
        assertThat(text(robot, "#card-activities-value")).isEqualTo("5");

        // click the 场次 card: the five activities behind it
        WaitForAsyncUtils.asyncFx(() -> click(robot.lookup("#card-activities").query(), 1)).get();
        settle(window);
        @SuppressWarnings("unchecked")
        TableView<org.taizhang.stats.RecordRow> records = robot.lookup("#records-table").queryAs(TableView.class);
        assertThat(records.getItems()).extracting(org.taizhang.stats.RecordRow::id).containsExactly(1, 9, 5, 6, 2);

        // save the by-category chart as PNG and export the figures to Excel, as after the file chooser: each ends with
        // the 打开文件 offer, never an error window (the status line is bound to the view-model)
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#records-table").queryAs(TableView.class).getScene().getWindow().hide()).get();
        Path png = dir.resolve("图表𠮷.png");
        WaitForAsyncUtils.asyncFx(() -> tab.saveChartTo(png)).get();
        settle(window);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isGreaterThan(50);
        closeExportedOffer(robot);
        Path xlsx = dir.resolve("统计１２３😀.xlsx");
        WaitForAsyncUtils.asyncFx(() -> tab.exportExcelTo(xlsx)).get();
        settle(window);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(xlsx.toFile())) {
            assertThat(wb.getNumberOfSheets()).isPositive();
        }
        closeExportedOffer(robot);

        // drill down: double-click 区团委 in the by-child table
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#stats-breakdowns").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().select(2)).get();
        settle(window);
        WaitForAsyncUtils.asyncFx(() -> {
            for (Node n : robot.lookup("#stats-by-child .table-row-cell").queryAll()) {
                @SuppressWarnings("unchecked")
                TableRow<Row> r = (TableRow<Row>) n;
                if (r.getItem() != null && r.getItem().label().equals("区团委")) {
                    click(r, 2);
                }
            }
        }).get();
        settle(window);
        assertThat(tab.report().rootOrgId()).isEqualTo(StatsFixtureAccess.LEAGUE);
        assertThat(text(robot, "#card-activities-value")).isEqualTo("2");
        assertThat(child.getItems()).extracting(Row::label).containsExactly("区团委", "社区团支部", "青年志愿队");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }

        // 季度 of the chosen year: the part drop-down picks 第几季度, the statistics follow at once
        WaitForAsyncUtils.asyncFx(() -> filter.periodBox().setValue(org.taizhang.activity.Period.THIS_QUARTER)).get();
        WaitForAsyncUtils.asyncFx(() -> filter.partBox().setValue(1)).get();
        settle(window);
        assertThat(filter.partBox().isVisible()).isTrue();
        assertThat(filter.periodBox().getButtonCell().getText()).isEqualTo("季度");
        assertThat(filter.partBox().getButtonCell().getText()).isEqualTo("第一季度");
        assertThat(tab.report().period()).isEqualTo(Period.quarter(2021, 1));
        assertThat(text(robot, "#stats-heading")).contains("2021年第一季度");
        // 月份, and the year changed: 2020年3月
        WaitForAsyncUtils.asyncFx(() -> {
            filter.periodBox().setValue(org.taizhang.activity.Period.THIS_MONTH);
            filter.partBox().setValue(3);
            filter.yearBox().getValueFactory().setValue(2020);
        }).get();
        settle(window);
        assertThat(tab.report().period()).isEqualTo(Period.month(2020, 3));
        assertThat(filter.partBox().getButtonCell().getText()).isEqualTo("3月");
        // a half-filled 自定义 clears the figures and says why; completing it runs the statistics
        WaitForAsyncUtils.asyncFx(() -> filter.fromPicker().setValue(null)).get();
        settle(window);
        assertThat(filter.periodBox().getValue()).isEqualTo(org.taizhang.activity.Period.CUSTOM);
        assertThat(tab.report()).isNull();
        assertThat(text(robot, "#stats-status")).isEqualTo("自定义时段请选好开始日期和结束日期");
        WaitForAsyncUtils.asyncFx(() -> filter.fromPicker().setValue(LocalDate.of(2020, 2, 15))).get();
        settle(window);
        assertThat(tab.report().period()).isEqualTo(Period.custom(LocalDate.of(2020, 2, 15), LocalDate.of(2020, 3, 31)));

        // remembered like the other tabs' filters: a new window opens on the same 自定义 range
        WaitForAsyncUtils.asyncFx(() -> {
            PeriodFilter again = PeriodFilter.withParts("stats", () -> { });
            assertThat(again.periodBox().getValue()).isEqualTo(org.taizhang.activity.Period.CUSTOM);
            assertThat(again.from()).isEqualTo(LocalDate.of(2020, 2, 15));
            assertThat(again.to()).isEqualTo(LocalDate.of(2020, 3, 31));
            assertThat(again.periodBox().getItems()).doesNotContain(org.taizhang.activity.Period.ALL);
            // and a list's filter the same way: 上半年 of 2020 comes back as 上半年 of 2020
            PeriodFilter list = new PeriodFilter("stats-test-list", () -> { });
            list.periodBox().setValue(org.taizhang.activity.Period.FIRST_HALF);
            list.yearBox().getValueFactory().setValue(2020);
            PeriodFilter listAgain = new PeriodFilter("stats-test-list", () -> { });
            assertThat(listAgain.periodBox().getValue()).isEqualTo(org.taizhang.activity.Period.FIRST_HALF);
            assertThat(listAgain.to()).isEqualTo(LocalDate.of(2020, 6, 30));
        }).get();
    }

    /** The 已导出 window is up (no 出错了 window), and is closed again. */
    private void closeExportedOffer(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#exported-open").tryQuery()).isPresent();
        assertThat(javafx.stage.Window.getWindows()).noneMatch(w -> w instanceof Stage s && "出错了".equals(s.getTitle()));
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#exported-open").query().getScene().getWindow().hide()).get();
        settle(window);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
