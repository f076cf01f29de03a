package org.taizhang.ui.honor;

import javafx.scene.control.Tab;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.AppTab;
import org.taizhang.ui.PlaceholderTab;

/** 荣誉 tab (placeholder until its feature lands). */
public final class HonorTab implements AppTab {
    private final PlaceholderTab placeholder = new PlaceholderTab("荣誉", "记录获得的各级荣誉（国家级、省级、市级……集体、个人），按级别统计。即将推出。");

    public HonorTab(AppContext ctx) {
    }

    @Override
    public Tab tab() {
        return placeholder.tab();
    }

    @Override
    public void reload() {
    }
}
