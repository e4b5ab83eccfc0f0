package io.caravel.payout;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * On the first day of each month at 02:00 UTC, a payout run settles every seller up to the start of
 * the month (UTC). On two nodes both may start it: the seller row lock and the unique payout period
 * make the second find each seller settled already.
 */
@Singleton
public class PayoutSchedule {

    @Inject
    private PayoutService payouts;

    private final Clock clock = Clock.systemUTC();

    @Schedule(dayOfMonth = "1", hour = "2", minute = "0", timezone = "UTC", persistent = false)
    void monthly() {
        ZonedDateTime monthStart = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC).withDayOfMonth(1)
                .truncatedTo(ChronoUnit.DAYS);
        payouts.runAt(monthStart.toInstant(), "system");
    }
}
