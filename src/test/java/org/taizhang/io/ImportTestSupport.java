package org.taizhang.io;

import java.util.List;
import org.taizhang.db.Database;
import org.taizhang.person.IdNumber;

/** Helpers for import tests: valid ID numbers and a full dump of the tables an import writes. */
final class ImportTestSupport {
    private ImportTestSupport() {
    }

    /** A valid 18-digit ID number from 17 digits (area + birth date + sequence). */
    static String id(String first17) {
        return first17 + IdNumber.checkChar(first17);
    }

    /** Every row of every table an import may touch, as text: equal dumps mean an unchanged database. */
    static String dump(Database db) {
        StringBuilder b = new StringBuilder();
        for (String t : List.of("org", "person", "membership", "activity", "activity_coorg", "honor", "change_log")) {
            String csv = db.read(ctx -> ctx.fetch("SELECT * FROM " + t + " ORDER BY 1").formatCSV());
            b.append(t).append('\n').append(csv);
        }
        return b.toString();
    }

    static int count(Database db, String table) {
        return db.read(ctx -> ctx.fetchOne("SELECT count(*) FROM " + table).get(0, Integer.class));
    }
}
