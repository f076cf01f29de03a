package org.taizhang.ui.plan;

import javafx.scene.control.Tab;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.AppTab;
import org.taizhang.ui.PlaceholderTab;

/** 工作计划 tab (placeholder until its feature lands). */
public final class PlanTab implements AppTab {
    private final PlaceholderTab placeholder = new PlaceholderTab("工作计划", "编写“一是、二是……”工作计划，跟踪目标完成情况。即将推出。");

    public PlanTab(AppContext ctx) {
    }

    @Override
    public Tab tab() {
        return placeholder.tab();
    }

    @Override
    public void reload() {
    }
}
