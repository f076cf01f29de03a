package org.taizhang.ui.summary;

import javafx.scene.control.Tab;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.AppTab;
import org.taizhang.ui.PlaceholderTab;

/** 工作总结 tab (placeholder until its feature lands). */
public final class SummaryTab implements AppTab {
    private final PlaceholderTab placeholder = new PlaceholderTab("工作总结", "由台账数据生成符合公文格式（GB/T 9704）的工作总结 Word 文档。即将推出。");

    public SummaryTab(AppContext ctx) {
    }

    @Override
    public Tab tab() {
        return placeholder.tab();
    }

    @Override
    public void reload() {
    }
}
