package org.taizhang.ui.honor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.Fixtures.orgInput;
import static org.taizhang.ui.FxTestSupport.onFx;
import static org.taizhang.ui.FxTestSupport.open;
import static org.taizhang.ui.FxTestSupport.settle;

import java.nio.file.Path;
import java.time.LocalDate;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.activity.Period;
import org.taizhang.db.Database;
import org.taizhang.honor.HonorInput;
import org.taizhang.honor.HonorRow;
import org.taizhang.honor.HonorService;
import org.taizhang.org.OrgService;
import org.taizhang.ui.MainWindow;
import org.taizhang.ui.WindowTest;
import org.taizhang.ui.activity.OrgChoice;
import org.testfx.api.FxRobot;

/** The honours tab: counts by level × kind follow the filters; adding through the dialog updates them. */
@WindowTest
class HonorTabTest {
    @TempDir
    static Path dir;

    private MainWindow window;
    private javafx.scene.Node content;

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(FxRobot robot, String id) {
        return (ComboBox<T>) (dialog != null ? robot.from(dialog) : robot.from(content)).lookup(id).query();
    }

    private javafx.scene.Node dialog;

    /** The open honour dialog's content (dialogs are separate windows). */
    private javafx.scene.Node findDialog(FxRobot robot) {
        return robot.lookup("#honor-save").queryButton().getScene().getRoot();
    }

    private String count(FxRobot robot, String level, String kind) {
        return robot.from(content).lookup("#honor-count-" + level.replace("/", "") + "-" + kind).queryAs(Label.class).getText();
    }

    @Test
    void countsFollowFiltersAndTheAddDialog(FxRobot robot) throws Exception {
        Path file = dir.resolve("honors.db");
        LocalDate day = LocalDate.now().minusDays(1);
        try (Database db = Database.open(file)) {
            OrgService orgs = new OrgService(db);
            int root = orgs.add(orgInput("示范区群团工作部", 1, null));
            int league = orgs.add(orgInput("共青团示范区委员会", 3, root));
            int women = orgs.add(orgInput("示范区妇女联合会", 6, root));
            HonorService h = new HonorService(db);
            h.add(HonorInput.collective(day, "全国五四红旗团支部", "国家级", league, "共青团中央"));
            h.add(HonorInput.collective(day, "省三八红旗集体", "省级", women, "省妇联"));
        }
        open(window, file);
        onFx(() -> {
            TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
            var tab = tabs.getTabs().stream().filter(t -> t.getText().equals("荣誉")).findFirst().orElseThrow();
            tabs.getSelectionModel().select(tab);
            content = tab.getContent();
            combo(robot, "#honor-period").setValue(Period.ALL);
        });
        settle(window);
        assertThat(robot.from(content).lookup("#honor-table").queryAs(TableView.class).getItems()).hasSize(2);
        assertThat(count(robot, "国家级", "集体")).isEqualTo("1");
        assertThat(count(robot, "省级", "集体")).isEqualTo("1");
        assertThat(robot.from(content).lookup("#honor-line").queryAs(Label.class).getText()).isEqualTo("共 2 项（集体 2、个人 0）：国家级集体 1 项；省级集体 1 项");

        onFx(() -> {
            ComboBox<OrgChoice> o = combo(robot, "#honor-org");
            o.setValue(o.getItems().stream().filter(c -> "共青团示范区委员会".equals(c.name())).findFirst().orElseThrow());
        });
        settle(window);
        assertThat(count(robot, "省级", "集体")).isEqualTo("0");
        assertThat(robot.from(content).lookup("#honor-line").queryAs(Label.class).getText()).contains("共 1 项");

        // add through the dialog: first with an empty title (refused, dialog stays), then properly
        Button add = robot.from(content).lookup("#honor-add").queryButton();
        Platform.runLater(add::fire);
        settle(window);
        dialog = findDialog(robot);
        onFx(() -> {
            robot.from(dialog).lookup("#field-日期").queryAs(DatePicker.class).getEditor().setText(day.toString());
            ComboBox<String> level = combo(robot, "#field-级别");
            level.setValue("市级");
            ComboBox<OrgChoice> o = combo(robot, "#field-获奖组织");
            o.setValue(o.getItems().stream().filter(c -> "共青团示范区委员会".equals(c.name())).findFirst().orElseThrow());
        });
        Button save = robot.lookup("#honor-save").queryButton();
        Platform.runLater(save::fire);
        settle(window);
        assertThat(robot.from(dialog).lookup(".field-error").queryAllAs(Label.class))
                .anySatisfy(l -> assertThat(l.getText()).contains("不能为空"));
        onFx(() -> robot.from(dialog).lookup("#field-荣誉名称").queryAs(TextField.class).setText("市级青年文明号𠮷"));
        Platform.runLater(save::fire);
        settle(window);
        dialog = null;
        assertThat(count(robot, "市级", "集体")).isEqualTo("1");
        assertThat(robot.from(content).lookup("#honor-line").queryAs(Label.class).getText()).isEqualTo("共 2 项（集体 2、个人 0）：国家级集体 1 项；市级集体 1 项");

        // edit the new honour: the dialog opens filled in; raising it to 省级 moves the count
        @SuppressWarnings("unchecked")
        TableView<HonorRow> table = robot.from(content).lookup("#honor-table").queryAs(TableView.class);
        onFx(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(r -> r.title().equals("市级青年文明号𠮷")).findFirst().orElseThrow()));
        Button edit = robot.from(content).lookup("#honor-edit").queryButton();
        Platform.runLater(edit::fire);
        settle(window);
        dialog = findDialog(robot);
        assertThat(robot.from(dialog).lookup("#field-荣誉名称").queryAs(TextField.class).getText()).isEqualTo("市级青年文明号𠮷");
        assertThat(this.<OrgChoice>combo(robot, "#field-获奖组织").getValue().name()).isEqualTo("共青团示范区委员会");
        onFx(() -> this.<String>combo(robot, "#field-级别").setValue("省级"));
        Button saveEdit = robot.lookup("#honor-save").queryButton();
        Platform.runLater(saveEdit::fire);
        settle(window);
        dialog = null;
        assertThat(count(robot, "市级", "集体")).isEqualTo("0");
        assertThat(count(robot, "省级", "集体")).isEqualTo("1");
        assertThat(table.getItems()).hasSize(2);
    }
}
