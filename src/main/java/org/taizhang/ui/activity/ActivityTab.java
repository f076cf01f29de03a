package org.taizhang.ui.activity;

import javafx.scene.control.Tab;
import org.taizhang.ui.AppContext;
import org.taizhang.ui.AppTab;
import org.taizhang.ui.PlaceholderTab;

/** 活动台账 tab (placeholder until its feature lands). */
public final class ActivityTab implements AppTab {
    private final PlaceholderTab placeholder = new PlaceholderTab("活动台账", "记录每场活动的日期、主办组织、类别、参与人次、服务时长、惠及人数。即将推出。");

    public ActivityTab(AppContext ctx) {
    }

    @Override
    public Tab tab() {
        return placeholder.tab();
    }

    @Override
    public void reload() {
    }
}
