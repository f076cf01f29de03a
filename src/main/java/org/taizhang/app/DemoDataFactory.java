package org.taizhang.app;

import java.time.LocalDate;
import org.taizhang.activity.ActivityDemo;
import org.taizhang.db.Database;
import org.taizhang.demo.DemoData;

/** The demo generator with every feature's extension plugged in; the UI and the CLI both use this. */
public final class DemoDataFactory {
    private DemoDataFactory() {
    }

    public static DemoData create(Database db, LocalDate today) {
        return new DemoData(db, today).with(new ActivityDemo());
    }
}
