package org.taizhang.ui;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.taizhang.common.ValidationException;
import org.taizhang.db.DatabaseException;

/** Message boxes in plain Chinese. A programming error shows its details folded away, never a bare stack trace. */
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

    public static void error(Window owner, Throwable e) {
        Throwable cause = e;
        while ((cause instanceof RuntimeException) && cause.getCause() != null
                && !(cause instanceof org.taizhang.common.UserException) && !(cause instanceof DatabaseException)) {
            cause = cause.getCause();
        }
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner);
        a.setTitle("出错了");
        if (cause instanceof ValidationException v) {
            a.setHeaderText("填写的内容有问题");
            a.setContentText(String.join("\n", v.errors().stream().map(Object::toString).toList()));
        } else if (cause instanceof DatabaseException d) {
            a.setHeaderText("数据库问题");
            a.setContentText(d.getMessage());
        } else if (cause instanceof IllegalArgumentException || cause instanceof org.taizhang.common.UserException) {
            a.setHeaderText("操作未完成");
            a.setContentText(cause.getMessage());
        } else {
            a.setHeaderText("操作未完成，数据没有改动");
            a.setContentText("程序遇到意外问题：" + cause + "\n如反复出现，请把下面的详细信息发给维护人员。");
            StringWriter sw = new StringWriter();
            e.printStackTrace(new PrintWriter(sw));
            TextArea details = new TextArea(sw.toString());
            details.setEditable(false);
            a.getDialogPane().setExpandableContent(details);
        }
        a.showAndWait();
    }

    /**
     * The one-line text a tab shows in its message bar for a failed operation: the validation errors
     * joined by "；", the message of an {@link IllegalArgumentException}, otherwise "操作未完成：" and the cause.
     */
    public static String inlineText(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && !(c instanceof org.taizhang.common.UserException) && !(c instanceof IllegalArgumentException)) {
            c = c.getCause();
        }
        if (c instanceof ValidationException v) {
            return String.join("；", v.errors().stream().map(Object::toString).toList());
        } else if (c instanceof IllegalArgumentException || c instanceof org.taizhang.common.UserException) {
            return c.getMessage();
        } else {
            return "操作未完成：" + c;
        }
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
