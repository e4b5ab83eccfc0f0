package io.caravel.sellerhealth.web;

import io.caravel.platform.Access;
import io.caravel.platform.Caller;
import io.caravel.platform.NodeLocks;
import io.caravel.platform.web.Allow;
import io.caravel.sellerhealth.AccountHealth;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A seller account's health: its own for a seller, any seller's for compliance staff; the scan on demand for administrators. */
@Path("account-health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sellers")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Allow(Access.SELLER_RECORDS)
public class AccountHealthResource {

    @Inject
    private AccountHealth health;

    @Inject
    private NodeLocks locks;

    @Inject
    private Caller caller;

    @GET
    @Operation(operationId = "getAccountHealth", summary = "The account's health over the last 90 days: paid orders and each measure (LATE_SHIPMENT_RATE_HIGH, CANCELLATION_RATE_HIGH, TAKE_DOWNS_MANY, DISPUTE_RATE_HIGH) with its value, threshold, count and whether it is breached; a seller its own, staff any (sellerId)")
    public AccountHealth.Health get(@QueryParam("sellerId") String sellerId) {
        return health.of(caller, sellerId);
    }

    @POST
    @Path("scan")
    @Allow(Access.ADMINISTRATION)
    @Operation(operationId = "scanAccountHealth", summary = "Measure every active seller now (it also runs daily at 03:07 UTC): a breached measure (late shipments, cancellations, take-downs; the dispute rate starts its own review when a dispute closes) is a platform-rules risk event, at most once a day, and starts a review of the account unless one is open")
    public AccountHealth.ScanResult scan() {
        return locks.exclusively(NodeLocks.HEALTH_SCAN, health::scan);
    }
}
