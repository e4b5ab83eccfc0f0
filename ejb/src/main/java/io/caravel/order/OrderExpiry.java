package io.caravel.order;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every minute, orders not paid within {@code caravel.checkout.payment-window} (default 30 minutes)
 * expire and give their stock back, so an unpaid order never holds units for good. Each order
 * expires in its own transaction; on two nodes the second to try finds it expired already or loses
 * the optimistic lock, and nothing happens twice.
 */
@Singleton
public class OrderExpiry {

    private static final Logger LOG = Logger.getLogger(OrderExpiry.class.getName());
    private static final int BATCH = 200;

    @Inject
    private OrderService orders;

    @Inject
    @ConfigProperty(name = "caravel.checkout.payment-window", defaultValue = "PT30M")
    private Duration paymentWindow;

    private final Clock clock = Clock.systemUTC();

    @Schedule(hour = "*", minute = "*", persistent = false)
    void expireUnpaid() {
        for (String id : orders.unpaidSince(clock.instant().minus(paymentWindow), BATCH)) {
            try {
                orders.expire(id);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "order " + id + " changed meanwhile; it is left as it is", e);
            }
        }
    }
}
