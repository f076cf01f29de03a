package org.taizhang.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimestampsTest {
    @TempDir
    Path dir;

    @Test
    void sameFormAsTheColumnDefaultAndAlwaysUtc() {
        Clock shanghai = Clock.fixed(Instant.parse("2026-11-28T16:05:09.789Z"), ZoneId.of("Asia/Shanghai"));
        assertThat(Timestamps.now(shanghai)).isEqualTo("2026-11-28 16:05:09");
        try (Database db = Database.open(dir.resolve("t.db"))) {
            String sqlite = db.read(ctx -> ctx.fetchValue(org.jooq.impl.DSL.field("CURRENT_TIMESTAMP", String.class)));
            assertThat(Timestamps.now()).hasSameSizeAs(sqlite).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
            assertThat(sqlite).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        }
    }
}
