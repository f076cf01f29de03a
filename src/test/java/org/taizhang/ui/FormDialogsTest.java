package org.taizhang.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.ui.FxTestSupport.onFx;
import static org.taizhang.ui.FxTestSupport.open;
import static org.taizhang.ui.FxTestSupport.settle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.org.OrgType;
import org.taizhang.ui.safety.BackupActions;
import org.taizhang.ui.safety.ChangesDialog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dialogs of the roster and honour tabs, 最近的修改 and 从备份恢复 over a 1280×720 window on the demo data: no
 * label or button cut to “…”, every button inside the dialog and in Chinese, the dialog no taller than the screen; a
 * form shows all its errors in one pass (a date it cannot read together with the service's errors), an error goes when
 * its field is edited, and an irreversible delete defaults to 取消. Pictures in target/screenshots/dialogs/.
 */
@ExtendWith(ApplicationExtension.class)
class FormDialogsTest {
    @TempDir
    static Path dir;
    private MainWindow window;
    private final List<String> problems = new ArrayList<>();

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, false);
        stage.show();
    }

    @Test
    void dialogsFitAt1280x720AndFormsShowEveryErrorAtOnce(FxRobot robot) throws Exception {
        open(window, FxTestSupport.demoDatabase(dir.resolve("dialogs.db")));
        onFx(() -> {
            window.stage().setX(0);
            window.stage().setY(0);
            window.stage().setWidth(1280);
            window.stage().setHeight(720);
        });
        settle(window);
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        onFx(() -> tabs.getSelectionModel().select(0));
        settle(window);

        // 新增组织 under the top organisation: the type follows the name; four problems at once, one goes when edited
        DialogPane org = show(robot, "#org-add-child");
        check(org, "新增组织");
        onFx(() -> field(org, "组织名称", TextField.class).setText("葵涌/南澳社区团委"));
        assertThat(field(org, "组织类型", ComboBox.class).getValue()).extracting(t -> ((OrgType) t).name()).isEqualTo("团委");
        onFx(() -> {
            field(org, "成立日期", DatePicker.class).getEditor().setText("2021-13-01");
            field(org, "每届任期", TextField.class).setText("三年半");
            field(org, "上次换届", DatePicker.class).getEditor().setText("2099-01-01");
        });
        press(org, "#org-save");
        assertThat(errors(org)).containsKeys("组织名称", "成立日期", "每届任期", "上次换届");
        assertThat(errors(org).get("成立日期")).contains("2021-13-01");
        check(org, "新增组织-出错");
        onFx(() -> field(org, "组织名称", TextField.class).setText("葵涌社区团委"));
        assertThat(errors(org)).doesNotContainKey("组织名称").containsKeys("成立日期", "每届任期", "上次换届");
        cancel(org);

        // 新增人员: an empty name and a date that does not exist, both at once
        DialogPane person = show(robot, "#person-add");
        check(person, "新增人员");
        onFx(() -> field(person, "加入日期", DatePicker.class).getEditor().setText("2026-02-30"));
        press(person, "#person-save");
        assertThat(errors(person)).containsKeys("姓名", "加入日期");
        check(person, "新增人员-出错");
        cancel(person);

        // 移动到…: Chinese buttons, no record numbers
        DialogPane move = show(robot, "#org-move");
        check(move, "移动组织");
        assertThat(move.lookupAll(".combo-box").stream().flatMap(n -> ((ComboBox<?>) n).getItems().stream())
                .map(Object::toString)).noneMatch(s -> s.contains("#"));
        cancel(move);

        // deleting an organisation with members says why it cannot, before asking anything
        DialogPane refused = show(robot, "#org-delete");
        assertThat(refused.getHeaderText()).startsWith("不能删除");
        assertThat(refused.getContentText()).contains("个下级组织").doesNotContain("组织名称：");
        check(refused, "不能删除组织");
        press(refused, refused.lookupButton(Dialogs.OK));

        // 荣誉: a date that cannot be read and three empty fields show together
        onFx(() -> tabs.getSelectionModel().select(2));
        settle(window);
        DialogPane honor = show(robot, "#honor-add");
        check(honor, "新增荣誉");
        assertThat(honor.getHeaderText()).doesNotContain("#");
        onFx(() -> field(honor, "日期", DatePicker.class).getEditor().setText("2026/13/01"));
        press(honor, "#honor-save");
        assertThat(errors(honor)).containsKeys("日期", "荣誉名称", "级别", "获奖组织");
        check(honor, "新增荣誉-出错");
        cancel(honor);

        // an irreversible delete: Enter keeps everything
        TableView<?> honors = robot.lookup("#honor-table").queryAs(TableView.class);
        onFx(() -> honors.getSelectionModel().select(0));
        DialogPane delete = show(robot, "#honor-delete");
        Button cancelButton = (Button) delete.lookupButton(Dialogs.CANCEL);
        assertThat(cancelButton.isDefaultButton()).isTrue();
        ButtonType go = delete.getButtonTypes().stream().filter(t -> t.getButtonData() == ButtonBar.ButtonData.OK_DONE).findFirst().orElseThrow();
        assertThat(go.getText()).isEqualTo("删除");
        assertThat(((Button) delete.lookupButton(go)).isDefaultButton()).isFalse();
        check(delete, "删除荣誉");
        cancel(delete);

        // 最近的修改 and 从备份恢复
        DialogPane changes = show(robot, () -> ChangesDialog.show(window.stage(), window.context()));
        check(changes, "最近的修改");
        TableView<?> table = (TableView<?>) changes.lookup("#changes-table");
        TableColumn<?, ?> content = table.getColumns().getLast();
        assertThat(content.getText()).isEqualTo("内容");
        double used = table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertThat(used).as("the columns fill the table, 内容 in sight").isBetween(table.getWidth() - 40, table.getWidth() + 1);
        cancel(changes);
        DialogPane restore = show(robot, () -> BackupActions.restore(window.stage(), window.context(), p -> { }));
        check(restore, "从备份恢复");
        cancel(restore);

        assertThat(problems).isEmpty();
    }

    private DialogPane show(FxRobot robot, String button) {
        Button b = robot.lookup(button).queryButton();
        return show(robot, b::fire);
    }

    private DialogPane show(FxRobot robot, Runnable action) {
        Platform.runLater(action);
        settle(window);
        settle(window);
        return FxTestSupport.dialog(robot);
    }

    private void press(DialogPane pane, String id) {
        press(pane, pane.lookup(id));
    }

    private void press(DialogPane pane, Node button) {
        Platform.runLater(((Button) button)::fire);
        settle(window);
        settle(window);
    }

    private void cancel(DialogPane pane) {
        ButtonType c = pane.getButtonTypes().stream().filter(t -> t.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE)
                .findFirst().orElseThrow();
        press(pane, pane.lookupButton(c));
        assertThat(pane.getScene() == null || !pane.getScene().getWindow().isShowing()).isTrue();
    }

    private static <T> T field(DialogPane pane, String label, Class<T> type) {
        return type.cast(pane.lookup("#" + Form.idFor(label)));
    }

    /** The errors shown under the fields, by field. */
    private static java.util.Map<String, String> errors(DialogPane pane) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
            for (Node n : pane.lookupAll(".field-error")) {
                if (n instanceof Label l && l.isVisible() && !l.getText().isEmpty() && l.getParent() != null) {
                    Node input = l.getParent().getChildrenUnmodifiable().getFirst();
                    out.put(input.getId() == null ? "?" : input.getId().replace("field-", ""), l.getText());
                }
            }
            return out;
        }).get(10, TimeUnit.SECONDS);
    }

    /** Truncation, buttons inside the dialog and in Chinese, the dialog within a 720-px screen; writes a picture. */
    private void check(DialogPane pane, String name) throws Exception {
        Scene scene = pane.getScene();
        Window w = scene.getWindow();
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> {
            pane.applyCss();
            pane.layout();
            problems.addAll(WindowLayoutTest.problems(scene, name));
            for (ButtonType t : pane.getButtonTypes()) {
                Node b = pane.lookupButton(t);
                Bounds bb = b.localToScene(b.getLayoutBounds());
                if (bb.getMinX() < 0 || bb.getMinY() < 0 || bb.getMaxX() > scene.getWidth() + 1 || bb.getMaxY() > scene.getHeight() + 1) {
                    problems.add(name + "：按钮“" + t.getText() + "”不在对话框内");
                }
                if (t.getText().matches("[A-Za-z ]+")) {
                    problems.add(name + "：按钮“" + t.getText() + "”是英文");
                }
            }
            if (w.getHeight() > 720) {
                problems.add(name + "：对话框高 " + Math.round(w.getHeight()) + " px，720 的屏幕放不下");
            }
            return scene.snapshot(null);
        }).get(10, TimeUnit.SECONDS);
        Path out = Path.of("target/screenshots/dialogs/" + name + ".png");
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
    }
}
