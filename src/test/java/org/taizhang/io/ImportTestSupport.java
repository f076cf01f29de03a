package org.taizhang.io;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.taizhang.Fixtures;
import org.taizhang.db.Database;
import org.taizhang.org.OrgService;
import org.taizhang.person.IdNumber;

/**
 * Helpers for import tests: valid ID numbers, the two-community organisation tree, the reasons of rejected rows and a
 * full dump of the tables an import writes.
 */
final class ImportTestSupport {
    private ImportTestSupport() {
    }

    /** A valid 18-digit ID number from 17 digits (area + birth date + sequence). */
    static String id(String first17) {
        return first17 + IdNumber.checkChar(first17);
    }

    /** The ids of {@link #communities}. */
    record Communities(int top, int yl, int ny) {
    }

    /** 示范区团区委 with 园岭社区团委 and 南园社区团委 under it, added in that order. */
    static Communities communities(Database db) {
        OrgService orgs = new OrgService(db);
        int top = orgs.add(Fixtures.orgInput("示范区团区委", 3, null));
        int yl = orgs.add(Fixtures.orgInput("园岭社区团委", 3, top));
        int ny = orgs.add(Fixtures.orgInput("南园社区团委", 3, top));
        return new Communities(top, yl, ny);
    }

    /** The reasons of the rejected rows, by sheet row number. */
    static Map<Integer, String> reasons(ImportPreview p) {
        Map<Integer, String> m = new HashMap<>();
        p.rejected().forEach(r -> m.put(r.row(), r.reasons()));
        return m;
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
