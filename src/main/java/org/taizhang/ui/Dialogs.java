package org.taizhang.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.taizhang.app.Errors;
import org.taizhang.common.ValidationException;
import org.taizhang.db.DatabaseException;

/** Message boxes in plain Chinese. A programming error shows a reference to the log, never a stack trace. */
public final class Dialogs {
    public static final FileChooser.ExtensionFilter WORD = new FileChooser.ExtensionFilter("Word 文档 (*.docx)", "*.docx");
    public static final FileChooser.ExtensionFilter EXCEL = new FileChooser.ExtensionFilter("Excel 工作簿 (*.xlsx)", "*.xlsx");

    private Dialogs() {
    }

    /** Asks where to save a file: {@code title} on the chooser, {@code fileName} suggested, {@code type} files listed; null when cancelled. */
    public static File saveAs(Window owner, String title, String fileName, FileChooser.ExtensionFilter type) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(type);
        fc.setInitialFileName(fileName);
        return fc.showSaveDialog(owner);
    }

    /** The chosen file as a path, with {@code extension} (".xlsx") added when its name does not end with it in any case. */
    public static Path withExtension(File chosen, String extension) {
        Path path = chosen.toPath();
        return path.getFileName().toString().toLowerCase().endsWith(extension) ? path : path.resolveSibling(chosen.getName() + extension);
    }

    /**
     * Shows a failed operation: a user error (any {@link org.taizhang.common.UserException}) with its own message,
     * a bug with the reference and log file from {@link Errors} — never a stack trace.
     */
    public static void error(Window owner, Throwable e) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner);
        a.setTitle("出错了");
        var user = Errors.userError(e);
        if (user.isPresent() && user.get() instanceof ValidationException v) {
            a.setHeaderText("填写的内容有问题");
            a.setContentText(String.join("\n", v.errors().stream().map(Object::toString).toList()));
        } else if (user.isPresent() && user.get() instanceof DatabaseException d) {
            a.setHeaderText("数据库问题");
            a.setContentText(d.getMessage());
        } else if (user.isPresent()) {
            a.setHeaderText("操作未完成");
            a.setContentText(user.get().getMessage());
        } else {
            a.setHeaderText("操作未完成");
            a.setContentText(Errors.reportBug(e));
        }
        a.showAndWait();
    }

    /**
     * The one-line text a tab shows in its message bar for a failed operation: the validation errors joined by
     * "；", the message of any other user error, or for a bug the reference message from {@link Errors}.
     */
    public static String inlineText(Throwable e) {
        var user = Errors.userError(e);
        if (user.isPresent() && user.get() instanceof ValidationException v) {
            return String.join("；", v.errors().stream().map(Object::toString).toList());
        }
        return Errors.message(e);
    }

    public static void info(Window owner, String header, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle("提示");
        a.setHeaderText(header);
        a.showAndWait();
    }

    public static boolean confirm(Window owner, String header, String text) {
        return confirm(owner, header, text, null);
    }

    /** {@link #confirm(Window, String, String)} with node id {@code okId} on the OK button, for tests. */
    public static boolean confirm(Window owner, String header, String text, String okId) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle("请确认");
        a.setHeaderText(header);
        if (okId != null) {
            a.getDialogPane().lookupButton(ButtonType.OK).setId(okId);
        }
        Optional<ButtonType> r = a.showAndWait();
        return r.isPresent() && r.get() == ButtonType.OK;
    }
}
