package org.taizhang.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.ui.FxTestSupport.dialog;
import static org.taizhang.ui.FxTestSupport.open;
import static org.taizhang.ui.FxTestSupport.settle;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TreeView;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.demo.DemoData;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** First start on an empty database offers demo data; a foreign file is refused with a message, untouched. */
@WindowTest(startupPrompts = true)
class FirstStartTest {
    @TempDir
    static Path dir;
    private MainWindow window;

    @Test
    void emptyDatabaseOffersDemoDataAndLoadsIt(FxRobot robot) throws Exception {
        Path file = dir.resolve("first.db");
        open(window, file);
        DialogPane offer = dialog(robot);
        assertThat(offer.getHeaderText()).contains("空的数据库");
        Button ok = (Button) offer.lookupButton(Dialogs.OK);
        Platform.runLater(ok::fire);
        settle(window);
        settle(window);
        TreeView<?> tree = robot.lookup("#org-tree").queryAs(TreeView.class);
        assertThat(tree.getRoot().getChildren()).hasSize(1);
        int[] counts = WaitForAsyncUtils.asyncFx(() -> window.context()).get().db().read(ctx -> new int[] {
                ctx.fetchCount(org.taizhang.db.jooq.Tables.ORG), ctx.fetchCount(org.taizhang.db.jooq.Tables.PERSON)});
        assertThat(counts[0]).isEqualTo(DemoData.Size.DEFAULT.orgs());
        assertThat(counts[1]).isEqualTo(DemoData.Size.DEFAULT.people());
    }

    @Test
    void foreignFileIsRefusedWithAMessage(FxRobot robot) throws Exception {
        Path file = dir.resolve("报表.db");
        Files.writeString(file, "这不是数据库");
        open(window, file);
        DialogPane error = dialog(robot);
        assertThat(error.getContentText()).contains("不是台账数据库文件");
        Platform.runLater(() -> ((Button) error.lookupButton(Dialogs.OK)).fire());
        settle(window);
        assertThat(Files.readString(file)).isEqualTo("这不是数据库");
        assertThat(window.context()).isNull();
        assertThat(robot.lookup((Label l) -> l.getText() != null && l.getText().equals("未打开数据库")).tryQuery()).isPresent();
    }
}
