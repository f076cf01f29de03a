package org.taizhang.ui;

import org.taizhang.app.Workspace;
import org.taizhang.db.Database;
import org.taizhang.org.OrgService;
import org.taizhang.person.PersonService;

/**
 * What every tab gets: the open workspace (database and services), and the background thread to call
 * them on. Tabs never touch the database on the FX thread.
 */
public final class AppContext {
    private final Workspace workspace;
    private final Background background;
    private final Runnable dataChanged;

    public AppContext(Workspace workspace, Background background, Runnable dataChanged) {
        this.workspace = workspace;
        this.background = background;
        this.dataChanged = dataChanged;
    }

    public Workspace workspace() {
        return workspace;
    }

    public Database db() {
        return workspace.db();
    }

    public Background background() {
        return background;
    }

    public OrgService orgs() {
        return workspace.orgs();
    }

    public PersonService people() {
        return workspace.people();
    }

    /** Tells the other tabs that records changed (they reload when shown). */
    public void dataChanged() {
        dataChanged.run();
    }
}
