package org.taizhang.stats;

import org.taizhang.db.Database;

/** Lets tests in other packages (the UI test) load {@link StatsFixture}. */
public final class StatsFixtureAccess {
    public static final int ROOT = StatsFixture.ROOT;
    public static final int LEAGUE = StatsFixture.LEAGUE;
    public static final int VOLUNTEERS = StatsFixture.VOLUNTEERS;

    private StatsFixtureAccess() {
    }

    public static void load(Database db) {
        StatsFixture.load(db);
    }
}
