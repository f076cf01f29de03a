package org.taizhang.ui.io;

import javafx.stage.Window;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.Dialogs;

/** 文件 → 导入 / 导出 menu actions (placeholder until the Excel feature lands). */
public final class ImportExportActions {
    private ImportExportActions() {
    }

    public static void importExcel(Window owner, AppContext ctx) {
        Dialogs.info(owner, "导入", "从 Excel 导入名册和台账的功能即将推出。");
    }

    public static void exportExcel(Window owner, AppContext ctx) {
        Dialogs.info(owner, "导出", "导出为 Excel 的功能即将推出。");
    }

    public static void exportTemplates(Window owner, AppContext ctx) {
        Dialogs.info(owner, "导入模板", "导入模板即将推出。");
    }
}
