package org.taizhang.ui.safety;

import javafx.stage.Window;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.Dialogs;

/** 文件 → 备份到… / 从备份恢复… menu actions (placeholder until the data-safety feature lands). */
public final class BackupActions {
    private BackupActions() {
    }

    public static void backupTo(Window owner, AppContext ctx) {
        Dialogs.info(owner, "备份", "备份功能即将推出。");
    }

    public static void restore(Window owner, AppContext ctx, java.util.function.Consumer<java.nio.file.Path> reopen) {
        Dialogs.info(owner, "恢复", "从备份恢复的功能即将推出。");
    }
}
