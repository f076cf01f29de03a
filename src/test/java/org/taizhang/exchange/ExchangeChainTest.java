package org.taizhang.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.taizhang.db.jooq.Tables.PERSON;
import static org.taizhang.db.jooq.Tables.PLAN;
import static org.taizhang.db.jooq.Tables.PLAN_ITEM;
import static org.taizhang.exchange.Office.COMMUNITY_A1;
import static org.taizhang.exchange.Office.COMMUNITY_A2;
import static org.taizhang.exchange.Office.COMMUNITY_B1;
import static org.taizhang.exchange.Office.DISTRICT;
import static org.taizhang.exchange.Office.H1;
import static org.taizhang.exchange.Office.STREET_A;
import static org.taizhang.exchange.Office.STREET_B;
import static org.taizhang.exchange.Office.TEAM_A1;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.Fixtures;
import org.taizhang.stats.Report;
import org.taizhang.stats.StatsService;

/**
 * Three levels of offices, each with its own SQLite file: 社区 offices send packages to their 街道, each
 * 街道 merges them and sends one package to the district. The district's statistics then equal those of
 * one database that holds every record — nothing lost, nothing counted twice.
 */
class ExchangeChainTest {

    @Test
    void districtFiguresEqualOneDatabaseHoldingEverything(@TempDir Path dir) {
        String expected;
        try (Office all = new Office(dir.resolve("all.db"))) {
            all.addOrg(DISTRICT, null);
            all.addOrg(STREET_A, DISTRICT);
            all.addOrg(COMMUNITY_A1, STREET_A);
            all.addOrg(TEAM_A1, COMMUNITY_A1);
            all.addOrg(COMMUNITY_A2, STREET_A);
            all.addOrg(STREET_B, DISTRICT);
            all.addOrg(COMMUNITY_B1, STREET_B);
            for (String o : List.of(DISTRICT, STREET_A, COMMUNITY_A1, TEAM_A1, COMMUNITY_A2, STREET_B, COMMUNITY_B1)) {
                all.ownRecords(o);
            }
            expected = figures(all);
        }

        // 社区 offices: each keeps only its own organisation (and what is under it)
        Path a1Pkg = dir.resolve("𠮷祥社区团委-2026H1.tzpkg");
        try (Office a1 = new Office(dir.resolve("a1.db"))) {
            a1.addOrg(COMMUNITY_A1, null);
            a1.addOrg(TEAM_A1, COMMUNITY_A1);
            a1.ownRecords(COMMUNITY_A1);
            a1.ownRecords(TEAM_A1);
            Manifest m = a1.export(COMMUNITY_A1, a1Pkg);
            assertEquals(2, m.count(Kind.ORG));
            assertEquals(3, m.count(Kind.ACTIVITY));
        }
        Path a2Pkg = dir.resolve("a2.tzpkg");
        try (Office a2 = new Office(dir.resolve("a2.db"))) {
            a2.addOrg(COMMUNITY_A2, null);
            a2.ownRecords(COMMUNITY_A2);
            a2.export(COMMUNITY_A2, a2Pkg);
        }
        Path b1Pkg = dir.resolve("b1.tzpkg");
        try (Office b1 = new Office(dir.resolve("b1.db"))) {
            b1.addOrg(COMMUNITY_B1, null);
            b1.ownRecords(COMMUNITY_B1);
            b1.export(COMMUNITY_B1, b1Pkg);
        }

        // 街道 offices: their own tree with the 社区 typed in by hand, then the 社区 packages merged
        Path aPkg = dir.resolve("streetA.tzpkg");
        try (Office a = new Office(dir.resolve("streetA.db"))) {
            a.addOrg(STREET_A, null);
            a.org.put(COMMUNITY_A1, a.orgs.add(Fixtures.orgInput(COMMUNITY_A1, 3, a.org.get(STREET_A))));
            a.org.put(COMMUNITY_A2, a.orgs.add(Fixtures.orgInput(COMMUNITY_A2, 3, a.org.get(STREET_A))));
            a.ownRecords(STREET_A);
            ImportResult r1 = a.importPackage(a1Pkg);
            assertEquals(1, r1.preview().count(Kind.ORG, ImportPreview.Op.ADD), "the volunteer team is new upstream");
            assertEquals(1 + 4 + 4 + 3 + 2, r1.added(), "the team, 4 people, 4 memberships, 3 activities, 2 honours");
            assertEquals(1, r1.changed(), "the 社区 typed in by hand takes the package's 换届 data");
            a.importPackage(a2Pkg);
            a.export(STREET_A, aPkg);
        }
        Path bPkg = dir.resolve("streetB.tzpkg");
        try (Office b = new Office(dir.resolve("streetB.db"))) {
            b.addOrg(STREET_B, null);
            b.org.put(COMMUNITY_B1, b.orgs.add(Fixtures.orgInput(COMMUNITY_B1, 6, b.org.get(STREET_B))));
            b.ownRecords(STREET_B);
            b.importPackage(b1Pkg);
            b.export(STREET_B, bPkg);
        }

        // the district: its own tree typed in by hand (names only), its own records, then the two 街道 packages
        try (Office d = new Office(dir.resolve("district.db"))) {
            d.addOrg(DISTRICT, null);
            d.org.put(STREET_A, d.orgs.add(Fixtures.orgInput(STREET_A, 4, d.org.get(DISTRICT))));
            d.org.put(STREET_B, d.orgs.add(Fixtures.orgInput(STREET_B, 6, d.org.get(DISTRICT))));
            d.ownRecords(DISTRICT);
            ReportStatus before = d.exchange.status(d.org.get(DISTRICT), H1);
            assertEquals(2, before.missing().size());
            d.importPackage(aPkg);
            d.importPackage(bPkg);
            assertEquals(expected, figures(d));

            ReportStatus after = d.exchange.status(d.org.get(DISTRICT), H1);
            assertEquals(0, after.missing().size());
            ReportStatus.Line a = after.lines().getFirst();
            assertEquals(STREET_A, a.orgName());
            assertEquals(6L, a.totals().get("activities"), "the street's 2, 𠮷祥社区 2, its team 1, 荔湾社区 1 (not the second half's)");
            // the same packages again change nothing
            assertFalse(d.importPackage(aPkg).changedAnything());
            assertEquals(expected, figures(d));
        }
    }

    /** The district's figures for 2026H1 without database ids: totals, breakdowns, honours, organisation work, counts. */
    static String figures(Office o) {
        int root = o.org.get(DISTRICT);
        Report r = new StatsService(o.db).report(root, H1);
        StringBuilder b = new StringBuilder();
        b.append(r.totals()).append('\n');
        r.byCategory().forEach(x -> b.append(x.label()).append(x.totals()).append('\n'));
        r.byMonth().forEach(x -> b.append(x.label()).append(x.totals()).append('\n'));
        r.byChildOrg().forEach(x -> b.append(x.label()).append(x.totals()).append('\n'));
        b.append(r.honors()).append('\n').append(r.orgWork()).append('\n');
        b.append(o.db.<String>read(ctx -> "people=" + ctx.fetchCount(PERSON) + " plans=" + ctx.fetchCount(PLAN) + " items=" + ctx.fetchCount(PLAN_ITEM)));
        return b.toString();
    }
}
