package io.caravel.listing;

import io.caravel.platform.NodeLocks;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Every hour, the price-system scan; on two nodes one at a time (the second finds the findings recorded already). */
@Singleton
public class PriceMonitorSchedule {

    private static final Logger LOG = Logger.getLogger(PriceMonitorSchedule.class.getName());

    @Inject
    private PriceMonitor monitor;

    @Inject
    private NodeLocks locks;

    @Schedule(hour = "*", minute = "23", persistent = false)
    void hourly() {
        PriceMonitor.ScanResult result = locks.exclusively(NodeLocks.PRICE_SCAN, monitor::scan);
        LOG.info(() -> "price scan: " + result);
    }
}
