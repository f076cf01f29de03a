package org.taizhang.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.ui.FxTestSupport.onFx;
import static org.taizhang.ui.FxTestSupport.open;
import static org.taizhang.ui.FxTestSupport.settle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.app.DemoDataFactory;
import org.taizhang.db.Database;
import org.taizhang.demo.DemoData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every tab on the default demo data shows records (not a placeholder), and each is written to
 * target/screenshots/TAB.png — the pictures in the README come from here.
 */
@ExtendWith(ApplicationExtension.class)
class TabScreenshotsTest {
    @TempDir
    static Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, false);
        stage.show();
    }

    @Test
    void everyTabShowsDemoData(FxRobot robot) throws Exception {
        Path file = FxTestSupport.demoDatabase(dir.resolve("demo.db"));
        open(window, file);
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(t -> t.getText())
                .containsExactly("组织名册", "活动台账", "荣誉", "统计分析", "工作计划", "工作总结");
        for (String name : new String[] {"activity", "honor", "stats"}) {
            int index = switch (name) {
                case "activity" -> 1;
                case "honor" -> 2;
                default -> 3;
            };
            onFx(() -> tabs.getSelectionModel().select(index));
            settle(window);
            settle(window);
            var content = tabs.getTabs().get(index).getContent();
            switch (name) {
                case "activity" -> {
                    assertThat(robot.from(content).lookup("#activity-table").queryAs(TableView.class).getItems()).isNotEmpty();
                    assertThat(robot.from(content).lookup("#activity-totals").queryAs(Label.class).getText()).contains("场");
                }
                case "honor" -> assertThat(robot.from(content).lookup("#honor-table").queryAs(TableView.class).getItems()).isNotEmpty();
                default -> assertThat(robot.from(content).lookup("#stats-heading").queryAs(Label.class).getText()).isNotBlank();
            }
            WritableImage img = WaitForAsyncUtils.asyncFx(() -> window.stage().getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
            Path out = Path.of("target/screenshots/" + name + ".png");
            Files.createDirectories(out.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
            assertThat(Files.size(out)).isGreaterThan(10_000);
        }
    }
}
