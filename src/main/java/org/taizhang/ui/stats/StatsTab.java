package org.taizhang.ui.stats;

import javafx.scene.control.Tab;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.AppTab;
import org.taizhang.ui.PlaceholderTab;

/** 统计分析 tab (placeholder until its feature lands). */
public final class StatsTab implements AppTab {
    private final PlaceholderTab placeholder = new PlaceholderTab("统计分析", "按组织和时段统计活动、人次、时长、荣誉、换届与超龄提醒，并可导出。即将推出。");

    public StatsTab(AppContext ctx) {
    }

    @Override
    public Tab tab() {
        return placeholder.tab();
    }

    @Override
    public void reload() {
    }
}
