package org.taizhang.ui.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.Fixtures.orgInput;
import static org.taizhang.ui.FxTestSupport.fire;
import static org.taizhang.ui.FxTestSupport.open;
import static org.taizhang.ui.FxTestSupport.settle;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.person.IdNumber;
import org.taizhang.ui.MainWindow;
import org.taizhang.ui.WindowTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The import dialog on a real window: preview, change a column mapping, import the good rows, export the rejects. */
@WindowTest
class ImportDialogTest {
    @TempDir
    static Path dir;

    private MainWindow window;

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
        // the sheet's first rows are shown as a grid, the header row found under the title
        TableView<?> grid = robot.lookup("#import-grid").queryAs(TableView.class);
        assertThat(grid.getItems()).hasSize(5);
        assertThat(grid.getColumns()).hasSize(4); // row numbers + A, B, C
        // "证件" was not recognised: say in the grid that column B holds 身份证号; it is checked again at once
        @SuppressWarnings("unchecked")
        ComboBox<String> idBox = robot.lookup("#map-col-B").queryAs(ComboBox.class);
        assertThat(idBox.getValue()).isEqualTo(ImportDialog.NONE);
        @SuppressWarnings("unchecked")
        ComboBox<String> nameBox = robot.lookup("#map-col-A").queryAs(ComboBox.class);
        assertThat(nameBox.getValue()).isEqualTo("姓名");
        WaitForAsyncUtils.asyncFx(() -> idBox.setValue("身份证号")).get();
        settle(window);
        assertThat(summary.getText()).contains("可导入 2 行").contains("有错误 1 行");
        @SuppressWarnings("unchecked")
        ComboBox<String> idAgain = robot.lookup("#map-col-B").queryAs(ComboBox.class);
        assertThat(idAgain.getValue()).isEqualTo("身份证号");
        TableView<?> rejects = robot.lookup("#import-rejects").queryAs(TableView.class);
        assertThat(rejects.getItems()).hasSize(1);
        ImportDialog.Item item = (ImportDialog.Item) rejects.getItems().getFirst();
        assertThat(item.what()).isEqualTo("有错误");
        assertThat(item.row()).isEqualTo("4");
        assertThat(item.column()).isEqualTo("B 证件");
        assertThat(item.reason()).contains("身份证号");
        // no command-line syntax anywhere the clerk reads
        assertThat(summary.getText()).doesNotContain("--");
        assertThat(robot.lookup("#import-create-missing").queryAs(CheckBox.class).getText()).doesNotContain("--");
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
        // one click saves the problem rows beside the sheet
        Path rejectsFile = dir.resolve("人员名册-待修正.xlsx");
        fire(robot, window, "#import-export-rejects");
        settle(window);
        assertThat(rejectsFile).exists();
        List<org.taizhang.io.SheetRow> saved = new java.util.ArrayList<>();
        org.taizhang.io.SheetReader.read(rejectsFile, null, saved::add);
        assertThat(saved).hasSize(2);
        assertThat(saved.get(1).display(0)).isEqualTo("李四");
        fire(robot, window, "#import-run");
        assertThat(summary.getText()).contains("已导入人员 2 人");
        int people = window.context().db().read(ctx -> ctx.fetchCount(org.taizhang.db.jooq.Tables.PERSON));
        assertThat(people).isEqualTo(2);
        assertThat(window.context().people().findByIdNumber(id("11010119900307123"))).isPresent();
    }

    /**
     * An office's own 组织名册 (title row, its own type names, 年月 dates): first refused with the reasons, then with
     * 新建缺少的类型和类别 ticked the list says what will be created; writes target/screenshots/import-dialog.png.
     */
    @Test
    void officeRosterWithItsOwnTypes(FxRobot robot) throws Exception {
        open(window, dir.resolve("office.db"));
        Path f = dir.resolve("组织名册.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            var s = wb.createSheet("组织名册");
            String[][] rows = {
                    {"示范区群团组织名册（2024年）"},
                    {"序号", "组织名称", "组织类型", "上级组织", "成立时间", "本届换届时间", "届期（年）"},
                    {"1", "示范区总工会", "总工会", "", "1995年5月", "2021.06", "5"},
                    {"2", "园岭街道总工会", "街道总工会", "示范区总工会", "2003.09", "２０２２年３月", "5"},
                    {"3", "示范区团区委", "团委", "", "1990-05", "2023-05", "3"},
                    {"4", "园岭中学团总支", "团总支", "示范区团区委", "2012年9月", "", ""},
                    {"5", "园岭街道妇女委员会", "妇女委员会", "示范区团区委", "2016.3", "", ""},
                    {"6", "园岭社区妇女委员会", "妇女委员会", "示范区团区委", "2018.3", "2023年13月", ""}};
            for (int r = 0; r < rows.length; r++) {
                var row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (!rows[r][c].isEmpty()) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            wb.write(out);
        }
        WaitForAsyncUtils.asyncFx(() -> ImportExportActions.importFile(window.stage(), window.context(), f)).get(10, TimeUnit.SECONDS);
        settle(window);
        ImportDialog dialog = (ImportDialog) robot.lookup("#import-run").queryButton().getScene().getWindow().getUserData();
        WaitForAsyncUtils.asyncFx(() -> dialog.open(f, org.taizhang.io.ImportKind.ORGS)).get();
        settle(window);
        Label summary = robot.lookup("#import-summary").queryAs(Label.class);
        assertThat(summary.getText()).contains("表头在第 2 行").contains("有错误 4 行");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#import-create-missing").queryAs(CheckBox.class).setSelected(true)).get();
        settle(window);
        assertThat(summary.getText()).contains("可导入 5 行").contains("有错误 1 行");
        TableView<?> list = robot.lookup("#import-rejects").queryAs(TableView.class);
        List<String> whats = list.getItems().stream().map(i -> ((ImportDialog.Item) i).what()).toList();
        assertThat(whats).containsSequence("将新建", "将新建", "将新建").contains("按已有名称", "有错误");
        assertThat(list.getItems().stream().map(i -> ((ImportDialog.Item) i).reason()).toList())
                .contains("将新建组织类型：总工会（任期 5 年，之后可以修改）", "将新建组织类型：团总支（任期 2 年，之后可以修改）");
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> dialog.stage().getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Path out = Path.of("target/screenshots/import-dialog.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
        assertThat(Files.size(out)).isGreaterThan(10_000);
    }
}
