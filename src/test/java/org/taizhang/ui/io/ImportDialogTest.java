package org.taizhang.ui.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.Fixtures.orgInput;
import static org.taizhang.ui.FxTestSupport.fire;
import static org.taizhang.ui.FxTestSupport.open;
import static org.taizhang.ui.FxTestSupport.settle;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.person.IdNumber;
import org.taizhang.ui.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The import dialog on a real window: preview, change a column mapping, import the good rows, export the rejects. */
@ExtendWith(ApplicationExtension.class)
class ImportDialogTest {
    @TempDir
    static Path dir;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, false);
        stage.show();
    }

    private static String id(String first17) {
        return first17 + IdNumber.checkChar(first17);
    }

    @Test
    void previewMapImportAndExportRejects(FxRobot robot) throws Exception {
        open(window, dir.resolve("ui.db"));
        window.context().orgs().add(orgInput("园岭社区团委", 3, null));
        Path f = dir.resolve("人员名册.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            var s = wb.createSheet("名单");
            String[][] rows = {
                    {"团员名单"},
                    {"姓名", "证件", "所属组织"},
                    {"张三", id("11010119900307123"), "园岭社区团委"},
                    {"李四", "123", "园岭社区团委"},
                    {"王五", id("44030420000101004"), "园岭社区团委"}};
            for (int r = 0; r < rows.length; r++) {
                var row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
        }
        WaitForAsyncUtils.asyncFx(() -> ImportExportActions.importFile(window.stage(), window.context(), f)).get(10, TimeUnit.SECONDS);
        settle(window);
        Label summary = robot.lookup("#import-summary").queryAs(Label.class);
        assertThat(summary.getText()).contains("可导入 3 行").contains("有错误 0 行");
        // "证件" was not recognised: map it to 身份证号, check again
        @SuppressWarnings("unchecked")
        ComboBox<String> idBox = robot.lookup("#map-身份证号").queryAs(ComboBox.class);
        assertThat(idBox.getValue()).isEqualTo("（无）");
        WaitForAsyncUtils.asyncFx(() -> idBox.setValue("B 证件")).get();
        fire(robot, window, "#import-check");
        assertThat(summary.getText()).contains("可导入 2 行").contains("有错误 1 行");
        TableView<?> rejects = robot.lookup("#import-rejects").queryAs(TableView.class);
        assertThat(rejects.getItems()).hasSize(1);
        assertThat(rejects.getItems().getFirst().toString()).contains("第 4 行").contains("B 列");
        if (System.getProperty("snap") != null) {
            WaitForAsyncUtils.asyncFx(() -> {
                var img = robot.lookup("#import-run").queryButton().getScene().snapshot(null);
                try {
                    javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png", new java.io.File(System.getProperty("snap")));
                } catch (java.io.IOException e) {
                    throw new RuntimeException(e);
                }
            }).get();
        }
        Button run = robot.lookup("#import-run").queryButton();
        assertThat(run.isDisabled()).isTrue();
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#import-skip-bad").queryAs(CheckBox.class).setSelected(true)).get();
        assertThat(run.isDisabled()).isFalse();
        Path rejectsFile = dir.resolve("待修正.xlsx");
        ImportDialog dialog = (ImportDialog) robot.lookup("#import-run").queryButton().getScene().getWindow().getUserData();
        assertThat(dialog).isNotNull();
        WaitForAsyncUtils.asyncFx(() -> dialog.saveRejects(rejectsFile)).get();
        settle(window);
        assertThat(rejectsFile).exists();
        fire(robot, window, "#import-run");
        assertThat(summary.getText()).contains("已导入人员 2 人");
        int people = window.context().db().read(ctx -> ctx.fetchCount(org.taizhang.db.jooq.Tables.PERSON));
        assertThat(people).isEqualTo(2);
        assertThat(window.context().people().findByIdNumber(id("11010119900307123"))).isPresent();
    }
}
