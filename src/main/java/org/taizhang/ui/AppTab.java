package org.taizhang.ui;

import javafx.scene.control.Tab;

/** One tab of the main window. */
public interface AppTab {
    Tab tab();

    /** Reloads from the database (called when the tab is shown after data changed elsewhere). */
    void reload();
}
