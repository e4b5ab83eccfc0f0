package io.caravel.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAmount;

/** ISO-8601 durations as the workflows are configured with them (P2D, PT1H, P1Y). */
public final class Durations {

    private Durations() {
    }

    /** {@code now} plus the duration, counted in UTC (P1Y is a calendar year, PT1H an hour). */
    public static Instant after(Instant now, String iso) {
        TemporalAmount amount = iso.contains("T") ? Duration.parse(iso) : Period.parse(iso);
        return now.atZone(ZoneOffset.UTC).plus(amount).toInstant();
    }
}
