package org.taizhang.db;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The *_at columns: UTC text "2026-11-28 13:24:28", the same form as their CURRENT_TIMESTAMP default. */
public final class Timestamps {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Timestamps() {
    }

    public static String now() {
        return now(Clock.systemUTC());
    }

    public static String now(Clock clock) {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).format(FORMAT);
    }
}
