package org.taizhang.ui.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.Fixtures.orgInput;
import static org.taizhang.ui.FxTestSupport.dialog;
import static org.taizhang.ui.FxTestSupport.fire;
import static org.taizhang.ui.FxTestSupport.onFx;
import static org.taizhang.ui.FxTestSupport.open;
import static org.taizhang.ui.FxTestSupport.settle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.activity.ActivityInput;
import org.taizhang.activity.ActivityService;
import org.taizhang.db.Database;
import org.taizhang.exchange.ExchangeService;
import org.taizhang.honor.HonorInput;
import org.taizhang.honor.HonorService;
import org.taizhang.org.OrgService;
import org.taizhang.stats.Period;
import org.taizhang.ui.MainWindow;
import org.taizhang.ui.WindowTest;
import org.taizhang.ui.FxTestSupport;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** 文件 → 导入数据包… (preview, import in the background), 上报情况… and 数据上报… on a real stage and real files. */
@WindowTest
class ExchangeDialogsTest {
    @TempDir
    static Path dir;

    private MainWindow window;

    @Test
    void previewImportStatusAndExport(FxRobot robot) throws Exception {
        Path pkg = dir.resolve("园岭社区团委-2026上半年.tzpkg");
        try (Database community = Database.open(dir.resolve("community.db"))) {
            int c = new OrgService(community).add(orgInput("园岭社区团委", 3, null));
            ActivityService acts = new ActivityService(community);
            acts.add(ActivityInput.of(LocalDate.of(2026, 3, 5), "学雷锋志愿服务（第１次）😀", c, 2, 40, 120, 300));
            acts.add(ActivityInput.of(LocalDate.of(2026, 4, 12), "𠮷祥敬老院慰问", c, 4, 18, 72, 60));
            new HonorService(community).add(HonorInput.collective(LocalDate.of(2026, 5, 4), "区五四红旗团支部", "区/县级", c, "团区委"));
            new ExchangeService(community).export(c, Period.firstHalf(2026), false, pkg);
        }
        open(window, dir.resolve("street.db"));
        int street = window.context().orgs().add(orgInput("园岭街道团工委", 4, null));
        window.context().orgs().add(orgInput("园岭社区团委", 3, street));
        window.context().orgs().add(orgInput("百花社区团委", 3, street));

        onFx(() -> ExchangeActions.importPackage(window.stage(), window.context()));
        settle(window);
        onFx(() -> robot.lookup("#package-file").queryAs(TextField.class).setText(pkg.toString()));
        fire(robot, window, "#package-preview");
        String summary = robot.lookup("#package-summary").queryAs(Label.class).getText();
        assertThat(summary).contains("园岭社区团委 → 本单位的 园岭街道团工委 / 园岭社区团委").contains("新增 3");
        assertThat(robot.lookup("#package-items").queryAs(TableView.class).getItems()).hasSize(4); // 2 activities, 1 honour, the 社区's data
        assertThat(robot.lookup("#package-import").queryButton().isDisabled()).isFalse();
        snapshot(robot, "exchange-import");
        fire(robot, window, "#package-import");
        assertThat(robot.lookup("#package-summary").queryAs(Label.class).getText()).contains("已导入：新增 3");
        assertThat(window.context().db().<Integer>read(ctx -> ctx.fetchCount(org.taizhang.db.jooq.Tables.ACTIVITY))).isEqualTo(2);
        // previewing again: nothing to do, the import button stays off
        fire(robot, window, "#package-preview");
        assertThat(robot.lookup("#package-summary").queryAs(Label.class).getText()).contains("已经导入过");
        assertThat(robot.lookup("#package-import").queryButton().isDisabled()).isTrue();
        closeDialog(robot);

        onFx(() -> ExchangeActions.reportStatus(window.stage(), window.context()));
        settle(window);
        @SuppressWarnings("unchecked")
        ComboBox<Object> period = robot.lookup("#status-period").queryAs(ComboBox.class);
        onFx(() -> period.setValue(org.taizhang.activity.Period.CUSTOM));
        onFx(() -> {
            robot.lookup("#status-from").queryAs(javafx.scene.control.DatePicker.class).setValue(LocalDate.of(2026, 1, 1));
            robot.lookup("#status-to").queryAs(javafx.scene.control.DatePicker.class).setValue(LocalDate.of(2026, 6, 30));
        });
        settle(window);
        assertThat(robot.lookup("#status-summary").queryAs(Label.class).getText())
                .contains("已报送 1 个，未报送 1 个").contains("百花社区团委");
        assertThat(robot.lookup("#status-table").queryAs(TableView.class).getItems()).hasSize(2);
        snapshot(robot, "exchange-status");
        closeDialog(robot);

        onFx(() -> ExchangeActions.exportPackage(window.stage(), window.context()));
        settle(window);
        Path out = dir.resolve("园岭街道团工委-上报");
        onFx(() -> robot.lookup("#package-target").queryAs(TextField.class).setText(out.toString()));
        fire(robot, window, "#package-ok");
        assertThat(robot.lookup("#package-status").queryAs(Label.class).getText()).contains("已导出数据包").contains("活动 2 条");
        assertThat(dir.resolve("园岭街道团工委-上报.tzpkg")).exists();
        FxTestSupport.closeExported(robot, dir.resolve("园岭街道团工委-上报.tzpkg"));
        closeDialog(robot);
    }

    private static void closeDialog(FxRobot robot) throws Exception {
        DialogPane d = dialog(robot);
        onFx(() -> d.getScene().getWindow().hide());
    }

    private static void snapshot(FxRobot robot, String name) throws Exception {
        DialogPane d = dialog(robot);
        onFx(() -> {
            javafx.stage.Window w = d.getScene().getWindow();
            w.setWidth(Math.max(w.getWidth(), d.getPrefWidth()));
            w.setHeight(Math.max(w.getHeight(), d.getPrefHeight()));
        });
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> d.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Path png = Path.of("target/screenshots/" + name + ".png");
        Files.createDirectories(png.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", png.toFile());
        assertThat(Files.size(png)).isGreaterThan(5_000);
    }

}
