package org.taizhang.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.activity.Period;
import org.taizhang.db.Database;
import org.taizhang.stats.StatsService;

/** The shared time filter without a stage: the year is a choice of its own, and lists open on the latest year with records. */
class PeriodFilterTest {
    @TempDir
    Path dir;

    @Test
    void yearPresetsUseTheChosenYear() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        assertThat(PeriodFilter.range(Period.THIS_YEAR, 2021, today)).containsExactly(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31));
        assertThat(PeriodFilter.range(Period.FIRST_HALF, 2021, today)).containsExactly(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 6, 30));
        assertThat(PeriodFilter.range(Period.SECOND_HALF, 2020, today)).containsExactly(LocalDate.of(2020, 7, 1), LocalDate.of(2020, 12, 31));
        assertThat(PeriodFilter.range(Period.THIS_MONTH, 2021, today)).containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));
        assertThat(PeriodFilter.range(Period.ALL, 2021, today)).containsExactly(null, null);
        assertThat(PeriodFilter.PRESETS).doesNotContain(Period.LAST_YEAR).startsWith(Period.THIS_YEAR);
        // the statistics' 季度/月份 are of the chosen year, not today's
        assertThat(PeriodFilter.range(Period.THIS_QUARTER, 2021, 3, today)).containsExactly(LocalDate.of(2021, 7, 1), LocalDate.of(2021, 9, 30));
        assertThat(PeriodFilter.range(Period.THIS_MONTH, 2020, 2, today)).containsExactly(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 2, 29));
        assertThat(PeriodFilter.range(Period.FIRST_HALF, 2020, 2, today)).containsExactly(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 6, 30));
        assertThat(PeriodFilter.PART_PRESETS).doesNotContain(Period.ALL, Period.LAST_YEAR).startsWith(Period.THIS_YEAR).endsWith(Period.CUSTOM);
    }

    @Test
    void theLatestYearWithRecordsIsWhereTheListsOpen() {
        Clock june2026 = Clock.fixed(LocalDate.of(2026, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        try (Database db = Database.open(dir.resolve("latest𠮷.db"))) {
            StatsService stats = new StatsService(db, june2026);
            assertThat(stats.latestYearWithRecords()).as("an empty database opens on this year").isEqualTo(2026);
            db.txRun(ctx -> {
                ctx.execute("INSERT INTO org (id, name, type_id) VALUES (1, '𠮷祥社区团委🎉', 3)");
                ctx.execute("INSERT INTO activity (start_date, name, org_id, category_id) VALUES ('2021-06-20', '学雷锋', 1, 2)");
                ctx.execute("INSERT INTO honor (honor_date, title, level, kind, org_id) VALUES ('2022-03-08', '先进集体', '市级', '集体', 1)");
                // a planned activity next year does not count: it has not happened
                ctx.execute("INSERT INTO activity (start_date, name, org_id, category_id, planned) VALUES ('2027-01-05', '计划', 1, 2, 1)");
            });
            assertThat(stats.latestYearWithRecords()).as("last records in 2022").isEqualTo(2022);
            db.txRun(ctx -> ctx.execute("INSERT INTO activity (start_date, name, org_id, category_id) VALUES ('2026-03-01', '今年', 1, 2)"));
            assertThat(stats.latestYearWithRecords()).isEqualTo(2026);
        }
    }

    @Test
    void aRememberedYearAfterTheLastRecordsGivesWayButAYearChosenNowStays() throws Exception {
        try {
            javafx.application.Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // the toolkit of the window tests
        }
        int[] years = new int[4];
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            // another database's choice: 2025 is remembered
            PeriodFilter other = new PeriodFilter("pf-remember-𠮷", () -> { });
            other.yearBox().getValueFactory().setValue(2025);
            // this database's last records are in 2021: the remembered 2025 would be a page of zeros
            PeriodFilter here = new PeriodFilter("pf-remember-𠮷", () -> { });
            years[0] = here.yearBox().getValue();
            here.preferYear(2021);
            years[1] = here.yearBox().getValue();
            // the clerk now picks 2027 (planned work): a reload keeps it
            here.yearBox().getValueFactory().setValue(2027);
            here.preferYear(2021);
            years[2] = here.yearBox().getValue();
            // a remembered year before the last records stays: it may well have records
            here.yearBox().getValueFactory().setValue(2019);
            PeriodFilter again = new PeriodFilter("pf-remember-𠮷", () -> { });
            again.preferYear(2021);
            years[3] = again.yearBox().getValue();
        }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(years).containsExactly(2025, 2021, 2027, 2019);
    }
}
