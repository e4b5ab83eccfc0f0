package io.caravel.sellerhealth.web;

import io.caravel.sellerhealth.PriceMonitor;
import io.caravel.platform.Access;
import io.caravel.platform.NodeLocks;
import io.caravel.platform.web.Allow;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The price-system scan on demand (it also runs every hour). */
@Path("admin/price-scan")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Allow(Access.ADMINISTRATION)
public class PriceScanResource {

    @Inject
    private PriceMonitor monitor;

    @Inject
    private NodeLocks locks;

    @POST
    @Operation(operationId = "scanPrices", summary = "Scan every live dropship listing against its supplier's minimum advertised price and the same item across resellers now: each new violation a risk event (MAP_VIOLATION, platform rules; PRICE_DISPERSION, market) the brand owner and the reseller are told about; 3 violations of a reseller in 30 days start a review of its account. Answers scanned, violations, dispersed, reviewsStarted")
    public PriceMonitor.ScanResult scan() {
        return locks.exclusively(NodeLocks.PRICE_SCAN, monitor::scan);
    }
}
