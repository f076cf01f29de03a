package org.taizhang.ui.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.ui.FxTestSupport.closeExported;
import static org.taizhang.ui.FxTestSupport.fire;
import static org.taizhang.ui.FxTestSupport.onFx;
import static org.taizhang.ui.FxTestSupport.open;
import static org.taizhang.ui.FxTestSupport.settle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.Fixtures;
import org.taizhang.db.Database;
import org.taizhang.ui.MainWindow;
import org.taizhang.ui.WindowTest;
import org.taizhang.ui.UiPrefs;
import org.testfx.api.FxRobot;

/**
 * 工作总结 on a real window: 保留为零的行 (the CLI's --zero-rows) keeps the empty categories in the statistics
 * table and is remembered; 导出 Word… ends with 打开文件 / 打开所在文件夹 for the file written.
 */
@WindowTest
class SummaryTabTest {
    @TempDir
    static Path dir;

    private MainWindow window;

    private static List<String> firstColumn(XWPFTable t) {
        return t.getRows().stream().map(XWPFTableRow::getTableCells).filter(c -> !c.isEmpty()).map(c -> c.getFirst().getText()).toList();
    }

    private SummaryTab summaryTab() {
        return (SummaryTab) window.tabs().stream().filter(t -> t instanceof SummaryTab).findFirst().orElseThrow();
    }

    /** Drafts 2021 with the statistics table and exports it; the first column of the table read back from the .docx. */
    private List<String> draftAndExport(FxRobot robot, Path docx) throws Exception {
        onFx(() -> robot.lookup("#summary-period").queryAs(TextField.class).setText("２０２１年"));
        fire(robot, window, "#summary-generate");
        onFx(() -> summaryTab().exportTo(docx));
        settle(window);
        assertThat(docx).exists();
        closeExported(robot, docx);
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx))) {
            XWPFTable stats = d.getTables().stream().filter(t -> firstColumn(t).contains("合计")).findFirst()
                    .orElseThrow(() -> new AssertionError("no 分类统计表 in " + docx));
            return firstColumn(stats);
        }
    }

    @Test
    void zeroRowsAndTheExportedBox(FxRobot robot) throws Exception {
        Path file = dir.resolve("总结𠮷.db");
        try (Database db = Database.open(file)) {
            int root = Fixtures.org(db, "𠮷祥社区团委🎉", null, 1, LocalDate.of(2010, 1, 1), null);
            Fixtures.activity(db, root, 2, LocalDate.of(2021, 3, 5), 120, 355, 60, false);
        }
        open(window, file);
        SummaryTab tab = summaryTab();
        onFx(() -> tab.tab().getTabPane().getSelectionModel().select(tab.tab()));
        CheckBox withStats = robot.lookup("#summary-with-stats").queryAs(CheckBox.class);
        CheckBox zero = robot.lookup("#summary-zero-rows").queryAs(CheckBox.class);
        assertThat(zero.getText()).isEqualTo("保留为零的行");
        assertThat(zero.isSelected()).isFalse();
        assertThat(zero.isDisabled()).as("only with the statistics table").isTrue();
        onFx(() -> withStats.setSelected(true));
        assertThat(zero.isDisabled()).isFalse();

        List<String> without = draftAndExport(robot, dir.resolve("不含零行.docx"));
        assertThat(without).as("only the category with activities, then the total").hasSize(3).endsWith("合计");

        onFx(() -> zero.setSelected(true));
        assertThat(UiPrefs.get("summary.zeroRows", null)).as("remembered").isEqualTo("true");
        List<String> with = draftAndExport(robot, dir.resolve("含零行.docx"));
        assertThat(with).as("every category, the empty ones too").hasSizeGreaterThan(without.size()).endsWith("合计")
                .containsAll(without);
        assertThat(tab.collect().zeroRows()).isTrue();
    }

    /**
     * The page as the clerk sees it on the demo data, at 1280×720 and 1600×1000: a drafted summary and the
     * 已导出 box, nothing cut to “…”, nothing outside the window; the README picture comes from here.
     */
    @Test
    void draftAndExportedBoxFitBothSizes(FxRobot robot) throws Exception {
        open(window, org.taizhang.ui.FxTestSupport.demoDatabase(dir.resolve("summary-demo.db")));
        SummaryTab tab = summaryTab();
        onFx(() -> {
            tab.tab().getTabPane().getSelectionModel().select(tab.tab());
            robot.lookup("#summary-period").queryAs(TextField.class).setText(LocalDate.now().getYear() + "年上半年");
            robot.lookup("#summary-with-stats").queryAs(CheckBox.class).setSelected(true);
        });
        fire(robot, window, "#summary-generate");
        assertThat(robot.lookup("#summary-title").queryAs(TextField.class).getText()).contains("上半年工作总结");
        List<String> problems = new java.util.ArrayList<>();
        Path docx = dir.resolve("示范区上半年总结.docx");
        org.taizhang.ui.FxTestSupport.beyondTheHeadlessScreen(() -> {
            for (int[] size : new int[][] {{1280, 720}, {1600, 1000}}) {
                onFx(() -> {
                    window.stage().setX(0);
                    window.stage().setY(0);
                    window.stage().setWidth(size[0]);
                    window.stage().setHeight(size[1]);
                });
                settle(window);
                assertThat(window.stage().getScene().getWidth()).isEqualTo(size[0]);
                problems.addAll(org.taizhang.ui.FxTestSupport.screenshot(window.stage().getScene(), size[0] + "x" + size[1] + "/summary-draft"));
                if (size[0] == 1280) {
                    org.taizhang.ui.FxTestSupport.screenshot(window.stage().getScene(), "summary-tab"); // the README picture
                }
            }
            onFx(() -> tab.exportTo(docx));
            settle(window);
            javafx.scene.control.DialogPane box = robot.listWindows().stream().map(javafx.stage.Window::getScene)
                    .filter(s -> s != null && s.getRoot() instanceof javafx.scene.control.DialogPane p && "exported".equals(p.getId()))
                    .map(s -> (javafx.scene.control.DialogPane) s.getRoot()).findFirst().orElseThrow();
            problems.addAll(org.taizhang.ui.FxTestSupport.screenshot(box.getScene(), "exported"));
            closeExported(robot, docx);
            // the 导出 dialog (Excel) with its searchable organisation picker
            onFx(() -> org.taizhang.ui.io.ImportExportActions.exportExcel(window.stage(), window.context()));
            settle(window);
            javafx.scene.Scene export = robot.lookup("#export-ok").query().getScene();
            problems.addAll(org.taizhang.ui.FxTestSupport.screenshot(export, "export-dialog"));
            onFx(() -> export.getWindow().hide());
        });
        assertThat(problems).isEmpty();
    }
}
