package org.taizhang.ui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.ui.FxTestSupport.onFx;
import static org.taizhang.ui.FxTestSupport.open;
import static org.taizhang.ui.FxTestSupport.settle;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.Fixtures;
import org.taizhang.activity.ActivityFilter;
import org.taizhang.activity.ActivityService;
import org.taizhang.activity.Category;
import org.taizhang.activity.Period;
import org.taizhang.db.Database;
import org.taizhang.org.OrgService;
import org.taizhang.ui.MainWindow;
import org.taizhang.ui.WindowTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Three activities typed into the quick-entry form, then filtered by category: the totals line shows their sums. */
@WindowTest
class ActivityTabTest {
    @TempDir
    static Path dir;

    private MainWindow window;
    private javafx.scene.Node content;

    /** Lookups only inside the activity tab, so that other tabs' fields with the same labels do not interfere. */
    private org.testfx.service.query.NodeQuery in(FxRobot robot, String query) {
        return robot.from(content).lookup(query);
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(FxRobot robot, String id) {
        return (ComboBox<T>) in(robot, id).query();
    }

    private TextField field(FxRobot robot, String label) {
        return in(robot, "#field-" + label).queryAs(TextField.class);
    }

    /** Fills the quick form (organisation and category only when given) and presses Enter in the name field. */
    private void enter(FxRobot robot, String org, String category, String name, String people, String hours, String benefit)
            throws Exception {
        onFx(() -> {
            if (org != null) {
                ComboBox<OrgChoice> o = combo(robot, "#field-主办组织");
                o.setValue(o.getItems().stream().filter(c -> c.name().equals(org)).findFirst().orElseThrow());
            }
            if (category != null) {
                ComboBox<Category> c = combo(robot, "#field-类别");
                c.setValue(c.getItems().stream().filter(x -> x.name().equals(category)).findFirst().orElseThrow());
            }
            in(robot, "#field-日期").queryAs(DatePicker.class).getEditor().setText(LocalDate.now().minusDays(1).toString());
            field(robot, "活动名称").setText(name);
            field(robot, "参与人次").setText(people);
            field(robot, "服务时长").setText(hours);
            field(robot, "惠及人数").setText(benefit);
            TextField n = field(robot, "活动名称");
            n.fireEvent(new KeyEvent(n, n, KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
        });
        settle(window);
    }

    @Test
    void quickEntryThenFilterByCategoryShowsMatchingTotals(FxRobot robot) throws Exception {
        Path file = dir.resolve("activities.db");
        try (Database db = Database.open(file)) {
            Fixtures.districtOrgs(new OrgService(db));
        }
        open(window, file);
        onFx(() -> {
            TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
            var tab = tabs.getTabs().stream().filter(t -> t.getText().equals("活动台账")).findFirst().orElseThrow();
            tabs.getSelectionModel().select(tab);
            content = tab.getContent();
            combo(robot, "#activity-period").setValue(Period.ALL);
        });
        settle(window);

        enter(robot, "𠮷祥社区团委", "志愿服务", "学雷锋志愿服务🎉", "１２", "36.5", "200");
        // organisation and category are kept for the next entry, the rest is cleared
        assertThat(this.<OrgChoice>combo(robot, "#field-主办组织").getValue().name()).isEqualTo("𠮷祥社区团委");
        assertThat(this.<Category>combo(robot, "#field-类别").getValue().name()).isEqualTo("志愿服务");
        assertThat(field(robot, "活动名称").getText()).isEmpty();
        enter(robot, null, "学习教育", "团课", "30", "", "");
        enter(robot, "示范区妇女联合会", "志愿服务", "巾帼志愿服务", "5", "10", "40");

        // a bad number is refused with the reason under the field, and nothing is added
        enter(robot, null, null, "错误的一条", "-3", "", "");
        assertThat(in(robot, ".field-error").queryAllAs(Label.class))
                .anySatisfy(l -> assertThat(l.getText()).contains("负数"));
        TableView<?> table = in(robot, "#activity-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(3);
        Label totals = in(robot, "#activity-totals").queryAs(Label.class);
        assertThat(totals.getText()).isEqualTo("合计：共 3 场，参与 47 人次，服务 46.5 小时，惠及 240 人");

        onFx(() -> {
            ComboBox<Category> c = combo(robot, "#activity-category");
            c.setValue(c.getItems().stream().filter(x -> x.name().equals("志愿服务")).findFirst().orElseThrow());
        });
        settle(window);
        assertThat(table.getItems()).hasSize(2);
        assertThat(totals.getText()).isEqualTo("合计：共 2 场，参与 17 人次，服务 46.5 小时，惠及 240 人");

        // the subtree of the 团委 together with the category
        onFx(() -> {
            ComboBox<OrgChoice> o = combo(robot, "#activity-org");
            o.setValue(o.getItems().stream().filter(c -> "共青团示范区委员会".equals(c.name())).findFirst().orElseThrow());
        });
        settle(window);
        assertThat(totals.getText()).isEqualTo("合计：共 1 场，参与 12 人次，服务 36.5 小时，惠及 200 人");

        // the totals line agrees with the service for the same filter
        ActivityTab tab = (ActivityTab) window.tabs().stream().filter(t -> t instanceof ActivityTab).findFirst().orElseThrow();
        ActivityFilter f = tab.currentFilter();
        assertThat(tab.shownTotals()).isEqualTo(new ActivityService(window.context().db()).totals(f));

        // multi-select delete asks first, and 撤销删除 brings the rows back
        onFx(() -> {
            combo(robot, "#activity-org").setValue(OrgChoice.ALL);
            ComboBox<Category> c = combo(robot, "#activity-category");
            c.setValue(c.getItems().getFirst());
        });
        settle(window);
        assertThat(table.getItems()).hasSize(3);
        onFx(() -> table.getSelectionModel().selectRange(0, 2));
        javafx.application.Platform.runLater(in(robot, "#activity-delete").queryButton()::fire);
        settle(window);
        javafx.scene.control.DialogPane confirm = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(confirm.getHeaderText()).contains("删除所选的 2 场活动");
        javafx.application.Platform.runLater(((javafx.scene.control.Button) confirm.lookupButton(org.taizhang.ui.Dialogs.OK))::fire);
        settle(window);
        assertThat(table.getItems()).hasSize(1);
        assertThat(totals.getText()).startsWith("合计：共 1 场");
        javafx.application.Platform.runLater(in(robot, "#activity-undo").queryButton()::fire);
        settle(window);
        assertThat(table.getItems()).hasSize(3);
        assertThat(totals.getText()).isEqualTo("合计：共 3 场，参与 47 人次，服务 46.5 小时，惠及 240 人");

        // the duplicate of an existing activity asks before saving; the live warning appears first
        onFx(() -> {
            ComboBox<OrgChoice> o = combo(robot, "#field-主办组织");
            o.setValue(o.getItems().stream().filter(c -> c.name().equals("示范区妇女联合会")).findFirst().orElseThrow());
            ComboBox<Category> c = combo(robot, "#field-类别");
            c.setValue(c.getItems().stream().filter(x -> x.name().equals("志愿服务")).findFirst().orElseThrow());
            in(robot, "#field-日期").queryAs(DatePicker.class).getEditor().setText(LocalDate.now().minusDays(1).toString());
            field(robot, "活动名称").setText("巾帼志愿服务");
        });
        // the check waits for typing to pause, then asks the database
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            settle(window);
            return in(robot, "#activity-duplicate").queryAs(Label.class).getText().contains("已登记过同名活动");
        });
        Button save = in(robot, "#activity-save").queryButton();
        assertThat(save.isDisabled()).isFalse();
    }
}
