package org.taizhang.ui;

import javafx.scene.control.Tab;

/** One tab of the main window. */
public interface AppTab {
    Tab tab();

    /** Reloads from the database (called when the tab is shown after data changed elsewhere). */
    void reload();

    /**
     * What the clerk wrote here and has not saved, named for a question ("工作计划“2027年工作计划”"), or null.
     * Asked before the window closes or another database is opened.
     */
    default String unsavedWork() {
        return null;
    }

    /** Saves what {@link #unsavedWork} named, then runs {@code then} on the FX thread; not when the save is refused. */
    default void save(Runnable then) {
        then.run();
    }
}
