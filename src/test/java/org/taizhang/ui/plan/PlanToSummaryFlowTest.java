package org.taizhang.ui.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.db.jooq.Tables.PLAN_ITEM;
import static org.taizhang.ui.FxTestSupport.fire;
import static org.taizhang.ui.FxTestSupport.onFx;
import static org.taizhang.ui.FxTestSupport.open;
import static org.taizhang.ui.FxTestSupport.settle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.Fixtures;
import org.taizhang.db.Database;
import org.taizhang.plan.PlanNode;
import org.taizhang.report.SummaryTemplate;
import org.taizhang.ui.MainWindow;
import org.taizhang.ui.WindowTest;
import org.taizhang.ui.summary.SummaryTab;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Create a plan with two sections and three items in the window, generate a summary, export it, read the .docx back. */
@WindowTest
class PlanToSummaryFlowTest {
    @TempDir
    static Path dir;

    private MainWindow window;

    private void fx(Runnable r) throws Exception {
        onFx(r);
        settle(window);
    }

    private void typeItem(FxRobot robot, String lead, String body) throws Exception {
        fx(() -> {
            robot.lookup("#plan-item-lead").queryAs(TextField.class).setText(lead);
            robot.lookup("#plan-item-body").queryAs(TextArea.class).setText(body);
        });
        fire(robot, window, "#plan-item-apply");
    }

    private static void key(Node target, KeyCode code, boolean shift, boolean ctrl, boolean alt) {
        Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, ctrl, alt, false));
    }

    @Test
    void planThenSummaryToWord(FxRobot robot) throws Exception {
        Path file = dir.resolve("flow.db");
        try (Database db = Database.open(file)) {
            int root = Fixtures.org(db, "示范区群团工作部", null, 1, LocalDate.of(2010, 1, 1), null);
            Fixtures.activity(db, root, 2, LocalDate.of(2021, 3, 5), 120, 355, 60, false);
        }
        open(window, file);
        PlanTab planTab = (PlanTab) window.tabs().stream().filter(t -> t instanceof PlanTab).findFirst().orElseThrow();
        fx(() -> planTab.tab().getTabPane().getSelectionModel().select(planTab.tab()));

        // a bad period is refused with a message, nothing is created
        fx(() -> robot.lookup("#plan-new-period").queryAs(TextField.class).setText("2021H3"));
        fire(robot, window, "#plan-create");
        assertThat(robot.lookup("#plan-message").queryAs(Label.class).getText()).contains("不是统计时段");
        assertThat(robot.lookup("#plan-list").queryAs(ListView.class).getItems()).isEmpty();

        fx(() -> {
            robot.lookup("#plan-new-period").queryAs(TextField.class).setText("２０２１H2");
            robot.lookup("#plan-new-title").queryAs(TextField.class).setText("下半年工作计划");
        });
        fire(robot, window, "#plan-create");
        settle(window);
        assertThat(robot.lookup("#plan-list").queryAs(ListView.class).getItems()).hasSize(1);
        assertThat(planTab.currentPlan()).isNotNull();
        assertThat(planTab.currentPlan().periodLabel()).isEqualTo("2021年下半年");

        fire(robot, window, "#plan-add-section");
        typeItem(robot, "思想引领", "");
        fire(robot, window, "#plan-add-child");
        typeItem(robot, "深化思想政治引领。", "组织团员青年学习🎉");
        fire(robot, window, "#plan-add-after");
        typeItem(robot, "加强网络宣传。", "办好公众号");
        fire(robot, window, "#plan-add-section");
        typeItem(robot, "组织建设", "");
        fire(robot, window, "#plan-add-child");
        typeItem(robot, "完成换届。", "指导𠮷祥社区完成换届");

        @SuppressWarnings("unchecked")
        TreeTableView<PlanNode> outline = robot.lookup("#plan-outline").queryAs(TreeTableView.class);
        assertThat(planTab.currentOutline().lines()).extracting(l -> l.number() + l.node().fields().lead())
                .containsExactly("一、思想引领", "一是深化思想政治引领。", "二是加强网络宣传。", "二、组织建设", "一是完成换届。");

        // keyboard: Alt+↑ moves the selected item up, Ctrl+Z undoes it, Tab cannot indent a first item
        fx(() -> outline.getSelectionModel().select(outline.getRoot().getChildren().getFirst().getChildren().get(1)));
        fx(() -> key(outline, KeyCode.UP, false, false, true));
        assertThat(planTab.currentOutline().items().getFirst().node().fields().lead()).isEqualTo("加强网络宣传。");
        fx(() -> key(outline, KeyCode.Z, false, true, false));
        assertThat(planTab.currentOutline().items().getFirst().node().fields().lead()).isEqualTo("深化思想政治引领。");
        // Tab under the previous item makes that one a （一） subsection; Shift+Tab brings it back
        fx(() -> outline.getSelectionModel().select(outline.getRoot().getChildren().getFirst().getChildren().get(1)));
        fx(() -> key(outline, KeyCode.TAB, false, false, false));
        assertThat(planTab.currentOutline().lines()).extracting(l -> l.number() + l.node().fields().lead())
                .startsWith("一、思想引领", "（一）深化思想政治引领。", "一是加强网络宣传。");
        fx(() -> key(outline, KeyCode.TAB, true, false, false));
        assertThat(planTab.currentOutline().lines()).extracting(l -> l.number() + l.node().fields().lead())
                .startsWith("一、思想引领", "一是深化思想政治引领。", "二是加强网络宣传。");
        // a measurable target on the last item: progress shows after saving
        fx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<org.taizhang.plan.TargetMetric> m = robot.lookup("#plan-item-metric").queryAs(ComboBox.class);
            outline.getSelectionModel().select(outline.getRoot().getChildren().get(1).getChildren().getFirst());
            m.setValue(org.taizhang.plan.TargetMetric.ELECTIONS);
            robot.lookup("#plan-item-target").queryAs(TextField.class).setText("２５");
        });
        fire(robot, window, "#plan-item-apply");
        fire(robot, window, "#plan-save");
        assertThat(planTab.currentOutline().items().getLast().node().fields().targetValue()).isEqualTo(25);
        assertThat(robot.lookup("#plan-message").queryAs(Label.class).getText()).isEqualTo("已保存");
        assertThat(window.context().db().<Integer>read(ctx -> ctx.fetchCount(PLAN_ITEM))).isEqualTo(5);

        if (System.getProperty("taizhang.screenshots") != null) {
            snapshot(planTab.tab().getContent(), Path.of(System.getProperty("taizhang.screenshots"), "plan-tab.png"));
        }

        // the summary: 总结+计划 for the first half year picks the plan for the second half
        SummaryTab summaryTab = (SummaryTab) window.tabs().stream().filter(t -> t instanceof SummaryTab).findFirst().orElseThrow();
        fx(() -> summaryTab.tab().getTabPane().getSelectionModel().select(summaryTab.tab()));
        fx(() -> {
            robot.lookup("#summary-period").queryAs(TextField.class).setText("2021H1");
            @SuppressWarnings("unchecked")
            ComboBox<SummaryTemplate> t = robot.lookup("#summary-template").queryAs(ComboBox.class);
            t.setValue(SummaryTemplate.BOTH);
        });
        fire(robot, window, "#summary-generate");
        assertThat(robot.lookup("#summary-title").queryAs(TextField.class).getText())
                .isEqualTo("示范区群团工作部2021年上半年工作总结及下一步工作计划");
        // every drafted part is "not looked at" until the clerk clicks into it: export warns about those
        assertThat(summaryTab.unseenParts()).containsExactly("总述", "一、工作开展情况", "二、存在问题", "三、下一步工作计划");
        String plan = robot.lookup("#summary-part-3").queryAs(TextArea.class).getText();
        // items run on in one paragraph, each a sentence; one item alone is not numbered
        assertThat(plan).contains("一是深化思想政治引领。组织团员青年学习🎉。二是加强网络宣传。办好公众号。").contains("\n完成换届。指导𠮷祥社区完成换届");
        assertThat(robot.lookup("#summary-part-1").queryAs(TextArea.class).getText())
                .contains("共开展志愿服务活动1场，参与120人次，服务时长35.5小时，惠及群众60人");
        // a record added after drafting: 刷新数字 puts it into the text
        Fixtures.activity(window.context().db(), 1, 2, LocalDate.of(2021, 4, 5), 30, 5, 0, false);
        fire(robot, window, "#summary-refresh");
        assertThat(robot.lookup("#summary-part-0").queryAs(TextArea.class).getText()).contains("共开展各类活动2场");
        assertThat(robot.lookup("#summary-part-1").queryAs(TextArea.class).getText())
                .contains("共开展志愿服务活动2场，参与150人次，服务时长36小时，惠及群众60人");
        fx(() -> robot.lookup("#summary-part-2").queryAs(TextArea.class).setText("一是基层活力不足。\n二是经费紧张。"));
        fire(robot, window, "#summary-save");
        assertThat(robot.lookup("#summary-message").queryAs(Label.class).getText()).startsWith("已保存");
        if (System.getProperty("taizhang.screenshots") != null) {
            snapshot(summaryTab.tab().getContent(), Path.of(System.getProperty("taizhang.screenshots"), "summary-tab.png"));
        }

        Path docx = dir.resolve("上半年总结.docx");
        fx(() -> summaryTab.exportTo(docx));
        settle(window);
        assertThat(docx).exists();
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx))) {
            List<String> texts = d.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).contains("一、工作开展情况", "二、存在问题", "三、下一步工作计划", "（一）思想引领", "（二）组织建设",
                    "（一）深化志愿服务，用心用情服务群众",
                    "一是深化思想政治引领。组织团员青年学习🎉。二是加强网络宣传。办好公众号。", "完成换届。指导𠮷祥社区完成换届",
                    // typed on lines of their own, laid out run on like every other 一是…二是… of the document
                    "一是基层活力不足。二是经费紧张。");
        }
    }

    @Test
    void unsavedEditsAreSavedWhenAnotherPlanOpensAndHeadersCanBeChanged(FxRobot robot) throws Exception {
        Path file = dir.resolve("switch.db");
        try (Database db = Database.open(file)) {
            Fixtures.org(db, "示范区群团工作部", null, 1, LocalDate.of(2010, 1, 1), null);
        }
        open(window, file);
        PlanTab planTab = (PlanTab) window.tabs().stream().filter(t -> t instanceof PlanTab).findFirst().orElseThrow();
        fx(() -> planTab.tab().getTabPane().getSelectionModel().select(planTab.tab()));
        fx(() -> robot.lookup("#plan-new-period").queryAs(TextField.class).setText("2021"));
        fire(robot, window, "#plan-create");
        fire(robot, window, "#plan-add-section");
        // typed but not applied: still kept
        fx(() -> robot.lookup("#plan-item-lead").queryAs(TextField.class).setText("未应用的部分"));
        assertThat(planTab.currentOutline().dirty()).isTrue();
        // creating (and so opening) another plan first saves this one
        fx(() -> robot.lookup("#plan-new-period").queryAs(TextField.class).setText("2022"));
        fire(robot, window, "#plan-create");
        settle(window);
        assertThat(planTab.currentPlan().periodLabel()).isEqualTo("2022年");
        assertThat(window.context().db().<Integer>read(ctx -> ctx.fetchCount(PLAN_ITEM))).isEqualTo(1);
        assertThat(window.context().db().<String>read(ctx -> ctx.select(PLAN_ITEM.LEAD).from(PLAN_ITEM).fetchOne(PLAN_ITEM.LEAD)))
                .isEqualTo("未应用的部分");
        // the open plan's title and period change from the same fields
        fx(() -> {
            robot.lookup("#plan-new-period").queryAs(TextField.class).setText("2022H2");
            robot.lookup("#plan-new-title").queryAs(TextField.class).setText("下半年计划𠮷");
        });
        fire(robot, window, "#plan-edit-header");
        assertThat(planTab.currentPlan().title()).isEqualTo("下半年计划𠮷");
        assertThat(planTab.currentPlan().periodLabel()).isEqualTo("2022年下半年");
        // the year filter
        fx(() -> robot.lookup("#plan-year").queryAs(TextField.class).setText("2021"));
        assertThat(robot.lookup("#plan-list").queryAs(ListView.class).getItems()).hasSize(1);
        fx(() -> robot.lookup("#plan-year").queryAs(TextField.class).setText(""));
        assertThat(robot.lookup("#plan-list").queryAs(ListView.class).getItems()).hasSize(2);
    }

    private static void snapshot(Node node, Path png) throws Exception {
        Files.createDirectories(png.getParent());
        var image = WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png.toFile());
    }
}
