package org.taizhang.ui;

import org.taizhang.db.Database;
import org.taizhang.org.OrgService;
import org.taizhang.person.PersonService;

/**
 * What every tab gets: the open database, the services over it, and the background thread to call
 * them on. Tabs never touch the database on the FX thread.
 */
public final class AppContext {
    private final Database db;
    private final Background background;
    private final OrgService orgs;
    private final PersonService people;
    private final Runnable dataChanged;

    public AppContext(Database db, Background background, Runnable dataChanged) {
        this.db = db;
        this.background = background;
        this.orgs = new OrgService(db);
        this.people = new PersonService(db);
        this.dataChanged = dataChanged;
    }

    public Database db() {
        return db;
    }

    public Background background() {
        return background;
    }

    public OrgService orgs() {
        return orgs;
    }

    public PersonService people() {
        return people;
    }

    /** Tells the other tabs that records changed (they reload when shown). */
    public void dataChanged() {
        dataChanged.run();
    }
}
