package org.taizhang.ui.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.Fixtures.orgInput;
import static org.taizhang.ui.FxTestSupport.closeExported;
import static org.taizhang.ui.FxTestSupport.fire;
import static org.taizhang.ui.FxTestSupport.open;
import static org.taizhang.ui.FxTestSupport.settle;

import java.nio.file.Path;
import javafx.event.Event;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.io.ImportKind;
import org.taizhang.io.ImportPreview;
import org.taizhang.io.ImportProgress;
import org.taizhang.io.ImportRequest;
import org.taizhang.io.ImportService;
import org.taizhang.person.IdNumber;
import org.taizhang.person.MembershipInput;
import org.taizhang.person.PersonInput;
import org.taizhang.ui.MainWindow;
import org.taizhang.ui.WindowTest;
import org.taizhang.ui.OrgPicker;
import org.taizhang.ui.activity.OrgChoice;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** 文件 → 导出…: the dialog writes a masked people table in the background. */
@WindowTest
class ExportDialogTest {
    @TempDir
    static Path dir;

    private MainWindow window;

    @Test
    void exportsPeopleMasked(FxRobot robot) throws Exception {
        open(window, dir.resolve("ui.db"));
        int org = window.context().orgs().add(orgInput("园岭社区团委", 3, null));
        String id = "11010119900307123" + IdNumber.checkChar("11010119900307123");
        window.context().people().add(new PersonInput("张三", id, null, null, "13800138000", null, null),
                new MembershipInput(org, "书记", null));
        int other = window.context().orgs().add(orgInput("示范区妇联🎉", 3, null));
        window.context().people().add(new PersonInput("李四", null, null, null, null, null, null), new MembershipInput(other, "委员", null));
        WaitForAsyncUtils.asyncFx(() -> ImportExportActions.exportExcel(window.stage(), window.context())).get();
        settle(window);
        // the organisation is chosen with the one searchable picker: pinyin initials find it
        @SuppressWarnings("unchecked")
        OrgPicker<OrgChoice> picker = robot.lookup("#export-org").queryAs(OrgPicker.class);
        assertThat(picker.getItems()).extracting(OrgChoice::name).containsExactly("全部组织", "园岭社区团委", "示范区妇联🎉");
        WaitForAsyncUtils.asyncFx(() -> {
            picker.show();
            picker.searchField().setText("ylsq");
        }).get();
        assertThat(picker.shownLines()).extracting(l -> l.item().name()).containsExactly("园岭社区团委");
        WaitForAsyncUtils.asyncFx(() -> Event.fireEvent(picker.searchField(),
                new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false))).get();
        assertThat(picker.getValue().id()).isEqualTo(org);
        Path out = dir.resolve("人员");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#export-target").queryAs(TextField.class).setText(out.toString())).get();
        fire(robot, window, "#export-ok");
        assertThat(robot.lookup("#export-status").queryAs(Label.class).getText()).contains("已导出人员 1 行");
        Path written = dir.resolve("人员.xlsx");
        assertThat(written).exists();
        closeExported(robot, written);
        ImportPreview p = new ImportService(window.context().db()).preview(ImportRequest.of(ImportKind.PEOPLE, written),
                ImportProgress.NONE);
        assertThat(p.problems()).singleElement().satisfies(pr -> assertThat(pr.reason()).contains("已打码"));
        assertThat(p.problems().getFirst().value()).isEqualTo("110101********1234".substring(0, 6) + "********" + id.substring(14));
    }
}
