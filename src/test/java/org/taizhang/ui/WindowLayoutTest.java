package org.taizhang.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.ui.FxTestSupport.onFx;
import static org.taizhang.ui.FxTestSupport.open;
import static org.taizhang.ui.FxTestSupport.settle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.app.DemoDataFactory;
import org.taizhang.db.Database;
import org.taizhang.demo.DemoData;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every tab at 1280×720 and at 1600×1000 on the demo data: each shows its records, no label or
 * button shows its text cut to “…”, no control sticks out of the window, and a screenshot of each is
 * written to target/screenshots/SIZE/TAB.png — at 1280×720 also target/screenshots/NAME.png, the
 * README pictures (one stage for all of it).
 */
@WindowTest
class WindowLayoutTest {
    @TempDir
    static Path dir;
    private MainWindow window;

    @Test
    void everyTabFitsAt1280x720And1600x1000(FxRobot robot) throws Exception {
        Path file = FxTestSupport.demoDatabase(dir.resolve("layout.db"));
        try (Database db = Database.open(file)) {
            planOf(db);
        }
        open(window, file);
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        List<String> problems = new ArrayList<>();
        FxTestSupport.beyondTheHeadlessScreen(() -> {
            checkAllTabs(tabs, problems);
            pickerSearchesAndTheStatisticsFollow(robot, tabs);
        });
        assertThat(problems).isEmpty();
    }

    /** A plan of the top organisation with due dates, owners and a target, so 工作计划 shows a real outline. */
    private static void planOf(Database db) {
        var plans = new org.taizhang.plan.PlanService(db);
        var top = new org.taizhang.org.OrgService(db).listAll().stream().filter(o -> o.parentId() == null).findFirst().orElseThrow();
        int id = plans.create(new org.taizhang.plan.PlanInput(top.id(), top.name() + "2026年工作计划", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), "2026年"));
        var o = plans.load(id);
        var part = o.addSection(org.taizhang.plan.ItemFields.heading("深化思想政治引领"));
        o.addChild(part.key(), new org.taizhang.plan.ItemFields("开展主题教育。", "组织团员青年学习🎉，覆盖１２３个基层组织", top.id(),
                LocalDate.of(2026, 12, 31), org.taizhang.common.PlanStatus.IN_PROGRESS, org.taizhang.plan.TargetMetric.ACTIVITIES, null, 800,
                false));
        o.addChild(part.key(), new org.taizhang.plan.ItemFields("加强网络宣传。", "办好𠮷祥公众号", top.id(), LocalDate.of(2026, 6, 30),
                org.taizhang.common.PlanStatus.DONE, null, null, null, false));
        plans.save(id, o);
    }

    /** The organisation picker of 统计分析: type pinyin initials, Enter — the statistics follow at once. */
    private void pickerSearchesAndTheStatisticsFollow(FxRobot robot, TabPane tabs) throws Exception {
        onFx(() -> tabs.getSelectionModel().select(3));
        settle(window);
        @SuppressWarnings("unchecked")
        OrgPicker<org.taizhang.org.Org> picker = robot.lookup("#stats-org").queryAs(OrgPicker.class);
        onFx(picker::show);
        assertThat(picker.searching()).isTrue();
        onFx(() -> picker.searchField().setText("sfqzgh"));
        assertThat(picker.shownLines()).extracting(l -> l.item().name()).contains("示范区总工会");
        assertThat(picker.shownLines().getFirst().path()).isEqualTo("示范区群团工作部");
        onFx(() -> javafx.event.Event.fireEvent(picker.searchField(), new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", javafx.scene.input.KeyCode.ENTER, false, false, false, false)));
        settle(window);
        settle(window);
        assertThat(picker.searching()).isFalse();
        assertThat(picker.getValue().name()).isEqualTo("示范区总工会");
        assertThat(robot.lookup("#stats-heading").queryAs(javafx.scene.control.Label.class).getText())
                .startsWith("示范区群团工作部 / 示范区总工会");
    }

    private void checkAllTabs(TabPane tabs, List<String> problems) throws Exception {
        for (int[] size : new int[][] {{1280, 720}, {1600, 1000}}) {
            onFx(() -> {
                window.stage().setX(0);
                window.stage().setY(0);
                window.stage().setWidth(size[0]);
                window.stage().setHeight(size[1]);
            });
            for (int i = 0; i < tabs.getTabs().size(); i++) {
                int index = i;
                onFx(() -> tabs.getSelectionModel().select(index));
                settle(window);
                settle(window);
                String name = tabs.getTabs().get(index).getText();
                Scene scene = window.stage().getScene();
                WritableImage img = WaitForAsyncUtils.asyncFx(() -> {
                    // a few passes, as the window's pulses would: a column that grows to fit its values does so in one
                    scene.getRoot().applyCss();
                    for (int pass = 0; pass < 3; pass++) {
                        scene.getRoot().layout();
                    }
                    problems.addAll(problems(scene, size[0] + "×" + size[1] + " " + name));
                    problems.addAll(formatProblems(scene.getRoot(), size[0] + "×" + size[1] + " " + name));
                    return scene.snapshot(null);
                }).get(10, TimeUnit.SECONDS);
                assertThat(scene.getWidth()).isEqualTo(size[0]);
                Path out = Path.of("target/screenshots/" + size[0] + "x" + size[1] + "/" + index + "-" + name + ".png");
                Files.createDirectories(out.getParent());
                ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
                if (size[0] == 1280) {
                    // every tab shows the demo records, not a placeholder; the README pictures (1280×720) come from here
                    var content = tabs.getTabs().get(index).getContent();
                    switch (index) {
                        case 1 -> {
                            assertThat(((javafx.scene.control.TableView<?>) content.lookup("#activity-table")).getItems()).isNotEmpty();
                            assertThat(((javafx.scene.control.Label) content.lookup("#activity-totals")).getText()).contains("场");
                        }
                        case 2 -> assertThat(((javafx.scene.control.TableView<?>) content.lookup("#honor-table")).getItems()).isNotEmpty();
                        case 3 -> assertThat(((javafx.scene.control.Label) content.lookup("#stats-heading")).getText()).contains("示范区群团工作部");
                        case 4 -> assertThat(((javafx.scene.control.TreeTableView<?>) content.lookup("#plan-outline")).getRoot().getChildren())
                                .as("the newest plan opens by itself").isNotEmpty();
                        default -> { }
                    }
                    String readme = List.of("roster", "activity", "honor", "stats", "plan", "summary").get(index);
                    ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", Path.of("target/screenshots/" + readme + ".png").toFile());
                }
            }
        }
    }

    /** Labels and buttons whose text is cut to “…”, and controls outside the window, among what is shown. */
    static List<String> problems(Scene scene, String where) {
        List<String> out = new ArrayList<>();
        walk(scene.getRoot(), scene, where, out, false);
        return out;
    }

    private static final java.util.regex.Pattern SLASH_DATE = java.util.regex.Pattern.compile("\\b\\d{4}/\\d{1,2}/\\d{1,2}\\b");
    /** A count of ten thousand or more written without separators (57612 next to 18,213); longer runs are IDs and phones. */
    /** Hours are written 12 or 12.5 everywhere, never 12.0 (file sizes keep their one decimal). */
    private static final java.util.regex.Pattern POINT_ZERO = java.util.regex.Pattern.compile("(?<![\\d.])\\d[\\d,]*\\.0(?![\\d])(?!\\s*[KMG]B)");
    private static final java.util.regex.Pattern UNGROUPED = java.util.regex.Pattern.compile("(?<![\\d,.*#/:-])\\d{5,10}(?![\\d,.*/:-])");

    /**
     * Mixed formats among what is shown, cells included: a date not written 2021-06-30 (a date picker
     * that would show 2021/6/30), a number of five or more digits without thousands separators.
     */
    static List<String> formatProblems(Node root, String where) {
        List<String> out = new ArrayList<>();
        formats(root, where, out);
        return out;
    }

    private static void formats(Node n, String where, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof javafx.scene.control.DatePicker p && p.getConverter() != null) {
            String shown = p.getConverter().toString(LocalDate.of(2021, 6, 30));
            if (!"2021-06-30".equals(shown)) {
                out.add(where + "：日期框 " + describe(n) + " 把 2021-06-30 显示为 " + shown);
            }
        }
        if (n instanceof javafx.scene.control.TextInputControl) {
            return; // what the clerk typed (a summary's prose writes 7335) is not a format of the program
        }
        // labels, buttons and cells; plain texts are the chart axes (a label's own text node is its label's)
        String text = n instanceof Labeled l ? l.getText()
                : n.getClass() == javafx.scene.text.Text.class ? ((javafx.scene.text.Text) n).getText() : null;
        if (text != null) {
            if (SLASH_DATE.matcher(text).find()) {
                out.add(where + "：日期不是 2021-06-30 的写法：“" + text + "”（" + describe(n) + "）");
            }
            if (POINT_ZERO.matcher(text).find()) {
                out.add(where + "：数字写成了“.0”结尾：“" + text + "”（" + describe(n) + "）");
            }
            var m = UNGROUPED.matcher(text);
            if (m.find()) {
                out.add(where + "：数字 " + m.group() + " 没有千位分隔（“" + text + "”，" + describe(n) + "）");
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                formats(c, where, out);
            }
        }
    }

    private static void walk(Node n, Scene scene, String where, List<String> out, boolean scrolled) {
        if (!n.isVisible() || n.getOpacity() == 0) {
            return;
        }
        if (n instanceof IndexedCell<?>) {
            return; // a table or list cell may cut a long value: the column can be widened, and the tooltip/edit shows it
        }
        if (n instanceof Labeled l && l.isTextTruncated() && l.getText() != null && !l.getText().isEmpty()) {
            out.add(where + "：“" + l.getText() + "”被截断为省略号（" + describe(n) + "）");
        }
        if (n instanceof javafx.scene.control.ToolBar bar) {
            Node overflow = bar.lookup(".tool-bar-overflow-button");
            if (overflow != null && overflow.isVisible()) {
                out.add(where + "：工具栏" + describe(n) + "的按钮藏在 » 后面");
            }
        }
        if (n instanceof Control && !scrolled) {
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (b.getWidth() > 0 && (b.getMaxX() > scene.getWidth() + 1 || b.getMaxY() > scene.getHeight() + 1)) {
                out.add(where + "：" + describe(n) + " 超出窗口（右/下边 " + Math.round(b.getMaxX()) + "×" + Math.round(b.getMaxY()) + "）");
            }
        }
        if (n instanceof Parent p) {
            // what scrolls (a scroll pane, the rows and column headers of a table or list) may lie beyond the window
            boolean inside = scrolled || n instanceof ScrollPane || n instanceof javafx.scene.control.TableView<?>
                    || n instanceof javafx.scene.control.TreeTableView<?> || n instanceof javafx.scene.control.ListView<?>
                    || n instanceof javafx.scene.control.TreeView<?>;
            if (n instanceof javafx.scene.control.TableView<?> || n instanceof javafx.scene.control.TreeTableView<?>) {
                cutCells((Control) n, where, out);
                return;
            }
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, scene, where, out, inside);
            }
        }
    }

    /**
     * Column titles, and the dates, date ranges and figures in the rows shown, that are cut to “…”: such a
     * value is no use cut, its column must fit it. (A long name or place may be cut: the column can be widened.)
     */
    private static void cutCells(Control table, String where, List<String> out) {
        for (Node h : table.lookupAll(".column-header .label")) {
            if (h.isVisible() && h instanceof Labeled l && l.isTextTruncated() && l.getText() != null && !l.getText().isEmpty()) {
                out.add(where + "：表格" + describe(table) + "的列标题“" + l.getText() + "”被截断");
            }
        }
        for (Node c : table.lookupAll(".indexed-cell")) {
            if (!(c instanceof javafx.scene.control.TableCell<?, ?> || c instanceof javafx.scene.control.TreeTableCell<?, ?>)) {
                continue;
            }
            IndexedCell<?> cell = (IndexedCell<?>) c;
            if (!cell.isVisible() || cell.getParent() == null || !cell.getParent().isVisible() || cell.isEmpty()) {
                continue;
            }
            String text = cell.getText();
            if (text != null && cell.isTextTruncated() && VALUE.matcher(text).matches()) {
                out.add(where + "：表格" + describe(table) + "的单元格“" + text + "”被截断为省略号");
            }
        }
    }

    /** Text that is a date, a date range, a number or an amount (with at most a short word around it). */
    private static final java.util.regex.Pattern VALUE = java.util.regex.Pattern.compile(
            "[\\p{IsHan}★·（）]{0,4}[-+]?[0-9０-９][0-9０-９,.:/\\-—～ 至年月日%]*[\\p{IsHan}（）·]{0,4}");

    private static String describe(Node n) {
        String text = n instanceof Labeled l ? "“" + l.getText() + "”" : "";
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : " #" + n.getId()) + text;
    }
}
