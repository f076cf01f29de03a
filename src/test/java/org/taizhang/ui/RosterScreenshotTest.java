package org.taizhang.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.ui.FxTestSupport.open;
import static org.taizhang.ui.FxTestSupport.settle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.db.Database;
import org.taizhang.demo.DemoData;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The roster on demo data: the tree fills, searching by pinyin initials narrows it, the subtree
 * checkbox widens the people list; writes target/screenshots/roster-subtree.png.
 */
@WindowTest
class RosterScreenshotTest {
    @TempDir
    static Path dir;
    private MainWindow window;

    @Test
    void rosterOnDemoData(FxRobot robot) throws Exception {
        Path file = dir.resolve("demo.db");
        try (Database db = Database.open(file)) {
            new DemoData(db, LocalDate.of(2026, 11, 28)).generate(new DemoData.Size(120, 2000, 0, 0), 2021, p -> { });
        }
        open(window, file);
        TreeView<?> tree = robot.lookup("#org-tree").queryAs(TreeView.class);
        assertThat(tree.getRoot().getChildren()).hasSize(1);
        assertThat(robot.lookup("#org-title").queryAs(Label.class).getText()).isEqualTo("示范区群团工作部");
        TableView<?> people = robot.lookup("#people-table").queryAs(TableView.class);
        int direct = people.getItems().size();
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#people-subtree").queryAs(javafx.scene.control.CheckBox.class).setSelected(true)).get();
        settle(window);
        assertThat(people.getItems().size()).isGreaterThan(direct);
        assertThat(robot.lookup("#people-count").queryAs(Label.class).getText()).startsWith("共 ");

        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#org-search").queryAs(TextField.class).setText("yljd")).get();
        // the search waits for typing to pause, then rebuilds the tree
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            settle(window);
            java.util.List<String> now = new java.util.ArrayList<>();
            collect(tree.getRoot(), now);
            return now.stream().noneMatch(n -> n.startsWith("南园"));
        });
        var selected = tree.getSelectionModel().getSelectedItem();
        assertThat(selected).isNotNull();
        // only 园岭街道 units and their ancestors remain
        java.util.List<String> shown = new java.util.ArrayList<>();
        collect(tree.getRoot(), shown);
        assertThat(shown).contains("园岭街道总工会", "园岭街道团工委", "园岭街道妇联").noneMatch(n -> n.startsWith("南园"));

        WritableImage img = WaitForAsyncUtils.asyncFx(() -> window.stage().getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Path out = Path.of("target/screenshots/roster-subtree.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
        assertThat(img.getWidth()).isGreaterThan(600);
        assertThat(Files.size(out)).isGreaterThan(10_000);
    }

    private static void collect(javafx.scene.control.TreeItem<?> item, java.util.List<String> out) {
        for (var c : item.getChildren()) {
            out.add(((org.taizhang.org.Org) c.getValue()).name());
            collect(c, out);
        }
    }
}
