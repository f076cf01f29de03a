package org.taizhang.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DatesTest {
    @Test
    void aSpanOfDaysIsWrittenShortForTableColumns() {
        LocalDate d = LocalDate.of(2026, 12, 8);
        assertThat(Dates.isoRange(d, d)).isEqualTo("2026-12-08");
        assertThat(Dates.isoRange(d, LocalDate.of(2026, 12, 10))).isEqualTo("2026-12-08—12-10");
        assertThat(Dates.isoRange(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 2))).isEqualTo("2026-12-30—2027-01-02");
        assertThat(Dates.isoRange(d, null)).isEqualTo("2026-12-08—");
        assertThat(Dates.isoRange(null, d)).isEqualTo("—2026-12-08");
        assertThat(Dates.isoRange(null, null)).isEmpty();
        // the same text whatever way the dates were typed (full-width digits, 年月日)
        assertThat(Dates.isoRange(Dates.parse("２０２６年１２月８日"), Dates.parse("2026/12/10"))).isEqualTo("2026-12-08—12-10");
    }
}
