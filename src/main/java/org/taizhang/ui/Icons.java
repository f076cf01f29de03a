package org.taizhang.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import org.kordamp.ikonli.javafx.FontIcon;

/** The icons of the main actions (Material Design icons through Ikonli), one name per action. */
public final class Icons {
    public static final String ADD = "mdi2p-plus";
    public static final String EDIT = "mdi2p-pencil";
    public static final String DELETE = "mdi2d-delete";
    public static final String SAVE = "mdi2c-content-save";
    public static final String REFRESH = "mdi2r-refresh";
    public static final String UP = "mdi2a-arrow-up";
    public static final String DOWN = "mdi2a-arrow-down";
    public static final String MOVE_UP = "mdi2a-arrow-up-bold";
    public static final String MOVE_DOWN = "mdi2a-arrow-down-bold";
    public static final String INDENT = "mdi2f-format-indent-increase";
    public static final String OUTDENT = "mdi2f-format-indent-decrease";
    public static final String UNDO = "mdi2u-undo";
    public static final String REDO = "mdi2r-redo";
    public static final String EXCEL = "mdi2f-file-excel";
    public static final String WORD = "mdi2f-file-word";
    public static final String IMAGE = "mdi2i-image";
    public static final String COPY = "mdi2c-content-copy";
    public static final String IMPORT = "mdi2f-file-import";
    public static final String EXPORT = "mdi2f-file-export";
    public static final String FOLDER = "mdi2f-folder-open";
    public static final String ATTACH = "mdi2p-paperclip";
    public static final String HELP = "mdi2h-help-circle-outline";
    public static final String KEYS = "mdi2k-keyboard";
    public static final String GUIDE = "mdi2b-book-open-variant";
    public static final String CATEGORIES = "mdi2t-tag-multiple";
    public static final String MOVE = "mdi2s-swap-horizontal";
    public static final String SEARCH = "mdi2m-magnify";
    public static final String NEW_DATABASE = "mdi2d-database-plus";
    public static final String TEMPLATE = "mdi2f-file-table-outline";
    public static final String SEND = "mdi2u-upload";
    public static final String RECEIVE = "mdi2d-download";
    public static final String REPORT_STATUS = "mdi2c-clipboard-check-outline";
    public static final String BACKUP = "mdi2c-content-save-all";
    public static final String RESTORE = "mdi2b-backup-restore";
    public static final String HISTORY = "mdi2h-history";
    public static final String EXIT = "mdi2e-exit-to-app";
    public static final String ABOUT = "mdi2i-information-outline";

    private Icons() {
    }

    /** A 16 px icon. */
    public static FontIcon icon(String name) {
        FontIcon i = new FontIcon(name);
        i.setIconSize(16);
        i.getStyleClass().add("action-icon");
        return i;
    }

    /** {@link Controls#button} with an icon before the text. */
    public static Button button(String text, String id, String icon, Runnable action) {
        Button b = Controls.button(text, id, action);
        b.setGraphic(icon(icon));
        return b;
    }

    /** Puts {@code icon} before the text of {@code labeled} (a button made elsewhere) and returns it. */
    public static <T extends Labeled> T on(T labeled, String icon) {
        labeled.setGraphic(icon(icon));
        return labeled;
    }

    /** Puts {@code icon} on a menu item and returns it. */
    public static MenuItem on(MenuItem item, String icon) {
        item.setGraphic(icon(icon));
        return item;
    }
}
