package org.taizhang.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.ui.FxTestSupport.fire;
import static org.taizhang.ui.FxTestSupport.open;
import static org.taizhang.ui.FxTestSupport.settle;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.db.Database;
import org.taizhang.org.Org;
import org.taizhang.person.PersonService;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real window under the headless glass platform: add an organisation and a person, reopen, see them. */
@WindowTest
class MainWindowTest {
    @TempDir
    static Path dir;

    private MainWindow window;
    private Stage stage;

    @Test
    void everyMenuItemHasAnIconAndEveryMenuKeyIsInTheShortcutList(FxRobot robot) {
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        java.util.List<String> listed = HelpWindows.SHORTCUTS.stream().map(r -> r[0]).toList();
        int items = 0;
        for (javafx.scene.control.Menu m : bar.getMenus()) {
            for (javafx.scene.control.MenuItem i : m.getItems()) {
                if (i instanceof javafx.scene.control.SeparatorMenuItem) {
                    continue;
                }
                items++;
                assertThat(i.getGraphic()).as("icon of " + i.getText()).isNotNull();
                if (i.getAccelerator() != null) {
                    String key = i.getAccelerator().getName().replace("Shortcut", "Ctrl").replace("Ctrl+Ctrl", "Ctrl");
                    assertThat(listed).as("快捷键 lists " + key + " (" + i.getText() + ")").anyMatch(l -> l.contains(key));
                }
            }
        }
        assertThat(items).isGreaterThanOrEqualTo(15);
    }

    @Test
    void addOrganisationAndPersonThenReopen(FxRobot robot) throws Exception {
        Path file = dir.resolve("ui.db");
        open(window, file);
        assertThat(robot.lookup("#org-tree").queryAs(TreeView.class).getRoot().getChildren()).isEmpty();

        fire(robot, window, "#org-add-top");
        robot.lookup("#field-组织名称").queryAs(TextField.class);
        WaitForAsyncUtils.asyncFx(() -> {
            robot.lookup("#field-组织名称").queryAs(TextField.class).setText("𠮷祥社区团委🎉");
            @SuppressWarnings("unchecked")
            var type = (javafx.scene.control.ComboBox<org.taizhang.org.OrgType>) robot.lookup("#field-组织类型").query();
            type.getSelectionModel().select(type.getItems().stream().filter(t -> t.name().equals("团委")).findFirst().orElseThrow());
        }).get();
        fire(robot, window, "#org-save");

        @SuppressWarnings("unchecked")
        TreeView<Org> tree = robot.lookup("#org-tree").queryAs(TreeView.class);
        assertThat(tree.getRoot().getChildren()).extracting(i -> i.getValue().name()).containsExactly("𠮷祥社区团委🎉");
        assertThat(robot.lookup("#org-title").queryAs(Label.class).getText()).isEqualTo("𠮷祥社区团委🎉");

        // a bad ID number is refused with the reason next to the field, and the dialog stays open
        fire(robot, window, "#person-add");
        WaitForAsyncUtils.asyncFx(() -> {
            robot.lookup("#field-姓名").queryAs(TextField.class).setText("张𠮷");
            robot.lookup("#field-身份证号").queryAs(TextField.class).setText("110101199003071234");
        }).get();
        fire(robot, window, "#person-save");
        assertThat(robot.lookup(".field-error").queryAllAs(Label.class))
                .anySatisfy(l -> assertThat(l.getText()).contains("校验位"));
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#field-身份证号").queryAs(TextField.class).setText("１１０１０１ １９９００３０７ １２５ｘ")).get();
        fire(robot, window, "#person-save");

        TableView<?> people = robot.lookup("#people-table").queryAs(TableView.class);
        assertThat(people.getItems()).hasSize(1);

        // close and reopen the database: both records are still there
        open(window, dir.resolve("other.db"));
        open(window, file);
        tree = robot.lookup("#org-tree").queryAs(TreeView.class);
        assertThat(tree.getRoot().getChildren()).extracting(i -> i.getValue().name()).containsExactly("𠮷祥社区团委🎉");
        settle(window);
        people = robot.lookup("#people-table").queryAs(TableView.class);
        assertThat(people.getItems()).hasSize(1);
        var row = (org.taizhang.person.PersonRow) people.getItems().getFirst();
        assertThat(row.name()).isEqualTo("张𠮷");
        assertThat(row.gender()).isEqualTo("男");
        assertThat(row.birthDate()).hasToString("1990-03-07");
        assertThat(window.context().db().file()).isEqualTo(file.toAbsolutePath().normalize());
        assertThat(robot.lookup((Button b) -> "person-add".equals(b.getId())).tryQuery()).isPresent();
        assertThat(PersonService.F_ID).isEqualTo("身份证号");
    }

    @Test
    void theRosterIsTheFirstScreenReadAheadAndTheOtherTabsFollow(FxRobot robot) throws Exception {
        Path file = FxTestSupport.demoDatabase(dir.resolve("ahead.db"));
        // as at program start: the file is opened and the roster read while the window is being made
        FirstScreen.startAhead(file);
        FxTestSupport.onFx(() -> window.open(file));
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> {
            var t = robot.lookup("#org-tree").tryQueryAs(TreeView.class);
            return t.isPresent() && t.get().getRoot() != null && !t.get().getRoot().getChildren().isEmpty();
        });
        // every tab's title is there from the first screen on; one not built yet is built when chosen
        FxTestSupport.onFx(() -> {
            var pane = window.stage().getScene().lookup(".tab-pane");
            var tabPane = (javafx.scene.control.TabPane) pane;
            assertThat(tabPane.getTabs()).extracting(javafx.scene.control.Tab::getText)
                    .containsExactly("组织名册", "活动台账", "荣誉", "统计分析", "工作计划", "工作总结");
            tabPane.getSelectionModel().select(5);
        });
        settle(window);
        assertThat(window.allTabsBuilt()).isTrue();
        assertThat(window.tabs()).extracting(t -> t.getClass().getSimpleName()).containsExactlyInAnyOrder(
                "RosterTab", "ActivityTab", "HonorTab", "StatsTab", "PlanTab", "SummaryTab");
        AppTab summary = window.tabs().stream().filter(t -> t instanceof org.taizhang.ui.summary.SummaryTab).findFirst().orElseThrow();
        assertThat(summary.tab().isSelected()).isTrue();
        assertThat(summary.tab().getTabPane()).isNotNull();
        // the activity tab loaded its rows once built
        TableView<?> activities = robot.lookup("#activity-table").queryAs(TableView.class);
        assertThat(activities.getItems()).isNotEmpty();
        assertThat(window.context().db().file()).isEqualTo(file.toAbsolutePath().normalize());
    }
}
