package org.taizhang.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.taizhang.app.Errors;
import org.taizhang.common.ValidationException;
import org.taizhang.db.DatabaseException;

/** Message boxes in plain Chinese. A programming error shows a reference to the log, never a stack trace. */
public final class Dialogs {
    public static final FileChooser.ExtensionFilter WORD = new FileChooser.ExtensionFilter("Word 文档 (*.docx)", "*.docx");
    public static final FileChooser.ExtensionFilter EXCEL = new FileChooser.ExtensionFilter("Excel 工作簿 (*.xlsx)", "*.xlsx");

    /** 确定 — the program's own OK button (JavaFX's {@link ButtonType#OK} reads "OK" under an English or C locale). */
    public static final ButtonType OK = new ButtonType("确定", ButtonBar.ButtonData.OK_DONE);
    /** 取消 — the program's own Cancel button. */
    public static final ButtonType CANCEL = new ButtonType("取消", ButtonBar.ButtonData.CANCEL_CLOSE);
    /** 关闭 — the program's own Close button. */
    public static final ButtonType CLOSE = new ButtonType("关闭", ButtonBar.ButtonData.CANCEL_CLOSE);

    private Dialogs() {
    }

    static {
        // AtlantaFX's theme caps every dialog at 600 px wide (.dialog-pane { -fx-max-width: 600px; }), so a dialog
        // that asks for more — a table of backups, of changes — is squeezed and its parts drawn over each other.
        // Every dialog the program shows gets the window's style sheet and no such cap, whoever built it.
        Window.getWindows().addListener((javafx.collections.ListChangeListener<Window>) c -> {
            while (c.next()) {
                for (Window w : c.getAddedSubList()) {
                    if (w.getScene() != null && w.getScene().getRoot() instanceof DialogPane pane) {
                        uncap(pane);
                        if (w instanceof javafx.stage.Stage stage && pane.getPrefWidth() > w.getWidth() + 1) {
                            stage.sizeToScene();
                        }
                        // a window manager may give a dialog less height than its content asks for (a table of
                        // backups, a list of categories squeezed to one row): grow it once it is shown
                        if (w instanceof javafx.stage.Stage stage) {
                            javafx.application.Platform.runLater(() -> growToContent(stage, pane));
                        }
                    }
                }
            }
        });
    }

    /** Lifts the theme's 600-px cap of {@code pane} and gives it the window's style sheet. */
    private static void uncap(DialogPane pane) {
        var css = Dialogs.class.getResource("taizhang.css");
        if (css != null && !pane.getStylesheets().contains(css.toExternalForm())) {
            pane.getStylesheets().add(css.toExternalForm());
        }
        pane.setMaxWidth(Double.MAX_VALUE);
    }

    /**
     * Puts the Chinese buttons in place of JavaFX's own OK/Cancel/Close/Yes/No/Apply/Finish in {@code d}
     * (a {@link javafx.scene.control.ChoiceDialog} or {@link javafx.scene.control.TextInputDialog} brings English
     * ones under an English or C locale); their order and meaning stay. Call before looking buttons up.
     */
    public static <D extends Dialog<?>> D chinese(D d) {
        var types = d.getDialogPane().getButtonTypes();
        for (int i = 0; i < types.size(); i++) {
            ButtonType t = types.get(i);
            ButtonType zh = t == ButtonType.OK ? OK : t == ButtonType.CANCEL ? CANCEL : t == ButtonType.CLOSE ? CLOSE
                    : t == ButtonType.YES ? new ButtonType("是", ButtonBar.ButtonData.YES)
                    : t == ButtonType.NO ? new ButtonType("否", ButtonBar.ButtonData.NO)
                    : t == ButtonType.APPLY ? new ButtonType("应用", ButtonBar.ButtonData.APPLY)
                    : t == ButtonType.FINISH ? new ButtonType("完成", ButtonBar.ButtonData.FINISH)
                    : t == ButtonType.NEXT ? new ButtonType("下一步", ButtonBar.ButtonData.NEXT_FORWARD)
                    : t == ButtonType.PREVIOUS ? new ButtonType("上一步", ButtonBar.ButtonData.BACK_PREVIOUS) : t;
            if (zh != t) {
                types.set(i, zh);
            }
        }
        return d;
    }

    /** Asks where to save a file: {@code title} on the chooser, {@code fileName} suggested, {@code type} files listed (any file when null); null when cancelled. */
    public static File saveAs(Window owner, String title, String fileName, FileChooser.ExtensionFilter type) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        if (type != null) {
            fc.getExtensionFilters().add(type);
        }
        fc.setInitialFileName(fileName);
        if (UiPrefs.exportFolder() != null) {
            fc.setInitialDirectory(UiPrefs.exportFolder());
        }
        File chosen = fc.showSaveDialog(owner);
        if (chosen != null) {
            UiPrefs.exportedTo(chosen.toPath());
        }
        return chosen;
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
        Alert a = new Alert(Alert.AlertType.ERROR, "", OK);
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
        fit(a);
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
        Alert a = new Alert(Alert.AlertType.INFORMATION, text, OK);
        a.initOwner(owner);
        a.setTitle("提示");
        a.setHeaderText(header);
        fit(a);
        a.showAndWait();
    }

    /**
     * Makes a dialog readable: the window's style sheet (dense tables with grid lines), resizable,
     * at least 520 px wide with the text wrapped and never cut, and placed over the middle of its owner.
     */
    public static void fit(Dialog<?> d) {
        DialogPane pane = d.getDialogPane();
        uncap(pane);
        d.setResizable(true);
        pane.setMinHeight(Region.USE_PREF_SIZE);
        pane.setMinWidth(Math.max(520, pane.getMinWidth()));
        if (pane.getPrefWidth() < 520) {
            pane.setPrefWidth(560);
        }
        Node content = pane.lookup(".content.label");
        if (content instanceof Label l) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        d.setOnShown(e -> centerOnOwner(d));
    }

    /**
     * Makes a shown dialog as tall as its content needs — after errors appeared under the fields, say — but never
     * taller than the screen (a form then scrolls inside, its buttons stay in sight), and keeps it on the screen.
     */
    public static void fitHeight(Dialog<?> d) {
        DialogPane pane = d.getDialogPane();
        if (pane.getScene() == null || !(pane.getScene().getWindow() instanceof javafx.stage.Stage w) || Double.isNaN(w.getHeight())) {
            return;
        }
        pane.applyCss();
        pane.layout();
        for (Node n : pane.lookupAll(".form-scroll")) {
            if (n instanceof javafx.scene.control.ScrollPane sp && sp.getContent() instanceof Region r) {
                double width = sp.getViewportBounds().getWidth() > 0 ? sp.getViewportBounds().getWidth() : -1;
                sp.setPrefViewportHeight(r.prefHeight(width));
            }
        }
        growToContent(w, pane);
    }

    /** Makes a shown dialog window as tall as its pane asks for, within the screen, and keeps it on the screen. */
    private static void growToContent(javafx.stage.Stage w, DialogPane pane) {
        if (!w.isShowing() || pane.getScene() == null || Double.isNaN(w.getHeight())) {
            return;
        }
        pane.applyCss();
        pane.layout();
        double decorations = Math.max(0, w.getHeight() - pane.getScene().getHeight());
        double need = pane.prefHeight(pane.getWidth()) + decorations;
        var screens = javafx.stage.Screen.getScreensForRectangle(w.getX(), w.getY(), Math.max(1, w.getWidth()), Math.max(1, w.getHeight()));
        javafx.geometry.Rectangle2D screen = (screens.isEmpty() ? javafx.stage.Screen.getPrimary() : screens.getFirst()).getVisualBounds();
        double room = screen.getHeight();
        double target = Math.min(Math.ceil(need), room);
        if (Math.abs(target - w.getHeight()) > 1 && (target > w.getHeight() || w.getHeight() > room)) {
            w.setHeight(target);
        }
        if (w.getY() + w.getHeight() > screen.getMaxY()) {
            w.setY(Math.max(screen.getMinY(), screen.getMaxY() - w.getHeight()));
        }
        if (w.getOwner() != null && w.getY() < screen.getMinY()) {
            w.setY(screen.getMinY());
        }
    }

    /** Puts {@code d} over the middle of its owner window (and inside the screen). */
    public static void centerOnOwner(Dialog<?> d) {
        Window owner = d.getOwner();
        if (owner == null || Double.isNaN(d.getWidth()) || d.getWidth() <= 0) {
            return;
        }
        double x = owner.getX() + (owner.getWidth() - d.getWidth()) / 2;
        double y = owner.getY() + Math.max(0, (owner.getHeight() - d.getHeight()) / 3);
        d.setX(Math.max(owner.getX(), x));
        d.setY(Math.max(owner.getY(), y));
    }

    /**
     * Tells that {@code file} was written, with 打开文件 and 打开所在文件夹 buttons (the system's own
     * program opens it; where the computer has none, the path is shown to copy). Every file the clerk
     * asked for ends here.
     */
    public static Alert exported(Window owner, String header, Path file) {
        return exported(owner, header, file, null);
    }

    /** {@link #exported(Window, String, Path)} with a {@code note} under the path (what to do next, what is in it). */
    public static Alert exported(Window owner, String header, Path file, String note) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle("已导出");
        a.setHeaderText(header);
        a.setContentText("已保存到：" + file.toAbsolutePath() + (note == null || note.isBlank() ? "" : "\n\n" + note));
        ButtonType open = new ButtonType("打开文件", ButtonBar.ButtonData.OK_DONE);
        ButtonType folder = new ButtonType("打开所在文件夹", ButtonBar.ButtonData.OTHER);
        ButtonType close = new ButtonType("关闭", ButtonBar.ButtonData.CANCEL_CLOSE);
        a.getButtonTypes().setAll(open, folder, close);
        a.getDialogPane().setId("exported");
        a.getDialogPane().setUserData(file.toAbsolutePath());
        a.getDialogPane().lookupButton(open).setId("exported-open");
        a.getDialogPane().lookupButton(folder).setId("exported-folder");
        a.getDialogPane().lookupButton(close).setId("exported-close");
        fit(a);
        a.setOnHidden(e -> {
            if (a.getResult() == open) {
                openWithSystem(owner, file);
            } else if (a.getResult() == folder) {
                openWithSystem(owner, file.toAbsolutePath().getParent());
            }
        });
        a.show();
        return a;
    }

    /** Opens a file or folder with the program the system uses for it, off the FX thread. */
    public static void openWithSystem(Window owner, Path target) {
        Thread t = new Thread(() -> {
            try {
                if (java.awt.Desktop.isDesktopSupported() && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                    java.awt.Desktop.getDesktop().open(target.toFile());
                } else {
                    new ProcessBuilder(System.getProperty("os.name", "").toLowerCase().contains("win") ? List.of("explorer", target.toString())
                            : System.getProperty("os.name", "").toLowerCase().contains("mac") ? List.of("open", target.toString())
                            : List.of("xdg-open", target.toString())).start();
                }
            } catch (Exception ex) {
                javafx.application.Platform.runLater(() -> info(owner, "没有能打开它的程序", "请自己打开：" + target.toAbsolutePath()));
            }
        }, "taizhang-open");
        t.setDaemon(true);
        t.start();
    }

    public static boolean confirm(Window owner, String header, String text) {
        return confirm(owner, header, text, null);
    }

    /** {@link #confirm(Window, String, String)} with node id {@code okId} on the OK button, for tests. */
    public static boolean confirm(Window owner, String header, String text, String okId) {
        return ask(owner, header, text, "确定", okId);
    }

    /**
     * Asks before doing something: {@code okText} (a verb: 装入示例数据, 仍要导出) on the button that goes ahead,
     * 取消 beside it; Enter goes ahead. True when the clerk went ahead.
     */
    public static boolean ask(Window owner, String header, String text, String okText, String okId) {
        return confirmDialog(owner, header, text, okText, okId, false);
    }

    /**
     * Asks before a delete that cannot be undone: {@code deleteText} (删除, 删除 3 项) on the delete button, and
     * 取消 is the default button — Enter or Esc keep everything. True when the clerk chose to delete.
     */
    public static boolean confirmDelete(Window owner, String header, String text, String deleteText, String okId) {
        return confirmDialog(owner, header, text, deleteText, okId, true);
    }

    private static boolean confirmDialog(Window owner, String header, String text, String okText, String okId, boolean cancelDefault) {
        ButtonType go = "确定".equals(okText) ? OK : new ButtonType(okText, ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(cancelDefault ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION, text, go, CANCEL);
        a.initOwner(owner);
        a.setTitle("请确认");
        a.setHeaderText(header);
        javafx.scene.control.Button goButton = (javafx.scene.control.Button) a.getDialogPane().lookupButton(go);
        if (okId != null) {
            goButton.setId(okId);
        }
        if (cancelDefault) {
            javafx.scene.control.Button cancel = (javafx.scene.control.Button) a.getDialogPane().lookupButton(CANCEL);
            goButton.setDefaultButton(false);
            cancel.setDefaultButton(true);
        }
        fit(a);
        if (cancelDefault) {
            javafx.scene.control.Button cancel = (javafx.scene.control.Button) a.getDialogPane().lookupButton(CANCEL);
            a.setOnShown(e -> {
                centerOnOwner(a);
                cancel.requestFocus();
            });
        }
        Optional<ButtonType> r = a.showAndWait();
        return r.isPresent() && r.get() == go;
    }
}
