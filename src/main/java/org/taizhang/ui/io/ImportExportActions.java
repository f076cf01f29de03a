package org.taizhang.ui.io;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.input.TransferMode;
import javafx.stage.Window;
import org.taizhang.io.ExportService;
import org.taizhang.io.ImportKind;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.Dialogs;

/** 文件 → 导入… / 导出… / 导出导入模板…, and dropping an .xlsx on the window. */
public final class ImportExportActions {
    private ImportExportActions() {
    }

    public static ImportDialog importExcel(Window owner, AppContext ctx) {
        ImportDialog d = new ImportDialog(owner, ctx);
        d.show();
        return d;
    }

    /** Opens the import dialog on a file (drag-and-drop). */
    public static ImportDialog importFile(Window owner, AppContext ctx, Path file) {
        ImportDialog d = new ImportDialog(owner, ctx);
        d.show();
        d.open(file, guessKind(file));
        return d;
    }

    /** A first guess from the file name (人员名册.xlsx → 人员); the user can change it. */
    static ImportKind guessKind(Path file) {
        String n = file.getFileName().toString();
        if (n.contains("活动") || n.contains("台账")) {
            return ImportKind.ACTIVITIES;
        }
        if (n.contains("荣誉") || n.contains("表彰")) {
            return ImportKind.HONORS;
        }
        if (n.contains("组织") || n.contains("单位")) {
            return ImportKind.ORGS;
        }
        return ImportKind.PEOPLE;
    }

    public static void exportExcel(Window owner, AppContext ctx) {
        ctx.background().run(() -> ctx.orgs().listAll(), orgs -> new ExportDialog(owner, ctx, orgs).show());
    }

    public static void exportTemplates(Window owner, AppContext ctx) {
        ChoiceDialog<ImportKind> choose = Dialogs.chinese(new ChoiceDialog<>(ImportKind.PEOPLE, List.of(ImportKind.values())));
        choose.initOwner(owner);
        choose.setTitle("导出导入模板");
        choose.setHeaderText("模板包含可识别的全部列名，以及一页“填写说明”");
        choose.setContentText("模板类型");
        choose.showAndWait().ifPresent(k -> {
            var f = Dialogs.saveAs(owner, "保存导入模板", k.label() + "导入模板.xlsx", Dialogs.EXCEL);
            if (f == null) {
                return;
            }
            Path out = f.toPath();
            ctx.background().run(() -> {
                ExportService.template(k, out);
                return out;
            }, p -> Dialogs.exported(owner, "已导出" + k.label() + "导入模板", p, "填好后用“文件 → 导入…”导入。"));
        });
    }

    /** Lets an .xlsx/.csv be dropped on the window to import it. */
    public static void installDrop(Scene scene, Window owner, Supplier<AppContext> context) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(f -> ImportDialog.importable(f.toPath()))) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            var files = e.getDragboard().getFiles().stream().map(java.io.File::toPath).filter(ImportDialog::importable).toList();
            AppContext ctx = context.get();
            boolean ok = !files.isEmpty() && ctx != null;
            if (ok) {
                importFile(owner, ctx, files.getFirst());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }
}
