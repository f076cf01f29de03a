package org.taizhang.ui.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.db.jooq.Tables.PLAN_ITEM;
import static org.taizhang.ui.FxTestSupport.dialog;
import static org.taizhang.ui.FxTestSupport.onFx;
import static org.taizhang.ui.FxTestSupport.open;
import static org.taizhang.ui.FxTestSupport.settle;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.Fixtures;
import org.taizhang.db.Database;
import org.taizhang.ui.MainWindow;
import org.taizhang.ui.WindowTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Closing the window with an unsaved plan or summary asks first: 取消 keeps the window, 保存 saves then closes, 不保存 closes. */
@WindowTest
class UnsavedWorkTest {
    @TempDir
    Path dir;

    private MainWindow window;

    private Path planWithAnUnsavedItem(String name) throws Exception {
        Path file = dir.resolve(name);
        try (Database db = Database.open(file)) {
            Fixtures.org(db, "𠮷祥社区团委", null, 1, LocalDate.of(2010, 1, 1), null);
        }
        open(window, file);
        PlanTab tab = (PlanTab) window.tabs().stream().filter(t -> t instanceof PlanTab).findFirst().orElseThrow();
        PlanViewModel vm = tab.viewModel();
        onFx(() -> {
            tab.tab().getTabPane().getSelectionModel().select(tab.tab());
            vm.orgProperty().set(vm.orgs().getFirst());
            vm.newPeriodProperty().set("２０２６年");
            vm.newTitleProperty().set("２０２６年工作计划🎉");
        });
        settle(window);
        onFx(vm::createPlan);
        settle(window);
        onFx(() -> {
            vm.add(PlanViewModel.Where.SECTION);
            vm.leadProperty().set("思想引领𠮷");
        });
        settle(window);
        return file;
    }

    private DialogPane askToClose() throws Exception {
        onFx(() -> window.stage().fireEvent(new WindowEvent(window.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane d = dialog(new FxRobot());
        assertThat(d.getHeaderText()).contains("工作计划“２０２６年工作计划🎉”").contains("没有保存");
        return d;
    }

    /** Rows of {@code table} in {@code file}, read back read-only. */
    private static int rows(Path file, org.jooq.Table<?> table) {
        try (Database db = Database.open(file, true, null)) {
            return db.read(ctx -> ctx.fetchCount(table));
        }
    }

    @Test
    void cancelKeepsTheWindowThenSaveSavesAndCloses() throws Exception {
        Path file = planWithAnUnsavedItem("save.db");
        DialogPane d = askToClose();
        onFx(((Button) d.lookupButton(d.getButtonTypes().get(2)))::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.stage().isShowing()).isTrue();
        assertThat(rows(file, PLAN_ITEM)).isZero();

        d = askToClose();
        assertThat(((Button) d.lookup("#unsaved-save")).getText()).isEqualTo("保存");
        onFx(((Button) d.lookup("#unsaved-save"))::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.stage().isShowing());
        assertThat(rows(file, PLAN_ITEM)).isEqualTo(1);
    }

    @Test
    void aSummaryEditedAfterDraftingIsSavedByCtrlSAndAskedAboutOnClose() throws Exception {
        Path file = dir.resolve("summary.db");
        try (Database db = Database.open(file)) {
            int root = Fixtures.org(db, "𠮷祥社区团委", null, 1, LocalDate.of(2010, 1, 1), null);
            Fixtures.activity(db, root, 2, LocalDate.of(2021, 3, 5), 30, 125, 40, false);
        }
        open(window, file);
        org.taizhang.ui.summary.SummaryTab tab = (org.taizhang.ui.summary.SummaryTab) window.tabs().stream()
                .filter(t -> t instanceof org.taizhang.ui.summary.SummaryTab).findFirst().orElseThrow();
        FxRobot robot = new FxRobot();
        onFx(() -> {
            tab.tab().getTabPane().getSelectionModel().select(tab.tab());
            robot.lookup("#summary-period").queryAs(javafx.scene.control.TextField.class).setText("２０２１年");
        });
        org.taizhang.ui.FxTestSupport.fire(robot, window, "#summary-generate");
        assertThat(tab.unsavedWork()).as("a fresh draft is not the clerk's work yet").isNull();

        javafx.scene.control.TextArea opening = robot.lookup("#summary-part-0").queryAs(javafx.scene.control.TextArea.class);
        onFx(() -> opening.appendText("自己加的一句１２３😀。"));
        assertThat(tab.unsavedWork()).startsWith("工作总结“");
        // Ctrl+S from the text: the window's one Ctrl+S saves the selected tab
        onFx(() -> javafx.event.Event.fireEvent(opening, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                javafx.scene.input.KeyCode.S, false, true, false, false)));
        settle(window);
        assertThat(tab.unsavedWork()).isNull();
        assertThat(rows(file, org.taizhang.db.jooq.Tables.SUMMARY)).isEqualTo(1);

        onFx(() -> opening.appendText("又改了一句。"));
        onFx(() -> window.stage().fireEvent(new WindowEvent(window.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane d = dialog(robot);
        assertThat(d.getHeaderText()).startsWith("工作总结“").contains("没有保存");
        onFx(((Button) d.lookup("#unsaved-discard"))::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.stage().isShowing());
        assertThat(rows(file, org.taizhang.db.jooq.Tables.SUMMARY)).isEqualTo(1);
    }

    @Test
    void dontSaveClosesAndLeavesTheDatabaseAsItWas() throws Exception {
        Path file = planWithAnUnsavedItem("discard.db");
        DialogPane d = askToClose();
        onFx(((Button) d.lookup("#unsaved-discard"))::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.stage().isShowing());
        assertThat(rows(file, PLAN_ITEM)).isZero();
    }
}
