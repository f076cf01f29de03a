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
}
