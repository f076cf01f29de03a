package org.taizhang.ui.exchange;

import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.taizhang.ui.AppContext;

/** 文件 → 数据上报… / 导入数据包… / 上报情况…: each opens its dialog once the organisation list is loaded. */
public final class ExchangeActions {
    static final FileChooser.ExtensionFilter PACKAGE = new FileChooser.ExtensionFilter("台账数据包 (*.tzpkg)", "*.tzpkg");

    private ExchangeActions() {
    }

    public static void exportPackage(Window owner, AppContext ctx) {
        ctx.background().run(() -> ctx.orgs().listAll(), orgs -> new ExportPackageDialog(owner, ctx, orgs).show());
    }

    public static void importPackage(Window owner, AppContext ctx) {
        ctx.background().run(() -> ctx.orgs().listAll(), orgs -> new ImportPackageDialog(owner, ctx, orgs).show());
    }

    public static void reportStatus(Window owner, AppContext ctx) {
        ctx.background().run(() -> ctx.orgs().listAll(), orgs -> new ReportStatusDialog(owner, ctx, orgs).show());
    }
}
