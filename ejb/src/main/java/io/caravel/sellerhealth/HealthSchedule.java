package io.caravel.sellerhealth;

import io.caravel.platform.NodeLocks;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** The seller-health checks: account health daily at 03:07 UTC, the price system every hour; one node at a time. */
@Singleton
public class HealthSchedule {

    private static final Logger LOG = Logger.getLogger(HealthSchedule.class.getName());

    @Inject
    private PriceMonitor prices;

    @Inject
    private AccountHealth health;

    @Inject
    private NodeLocks locks;

    @Schedule(hour = "*", minute = "23", timezone = "UTC", persistent = false)
    void hourly() {
        PriceMonitor.ScanResult result = locks.exclusively(NodeLocks.PRICE_SCAN, prices::scan);
        LOG.info(() -> "price scan: " + result);
    }

    @Schedule(hour = "3", minute = "7", timezone = "UTC", persistent = false)
    void daily() {
        AccountHealth.ScanResult result = locks.exclusively(NodeLocks.HEALTH_SCAN, health::scan);
        LOG.info(() -> "account health scan: " + result);
    }
}
