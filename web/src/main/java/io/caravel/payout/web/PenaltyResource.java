package io.caravel.payout.web;

import io.caravel.payout.Penalties;
import io.caravel.platform.Access;
import io.caravel.platform.Caller;
import io.caravel.platform.web.Allow;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Penalties for marketplace rule breaches: imposed by a compliance lead or an administrator, deducted by the next payout. */
@Path("penalties")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "payouts")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
public class PenaltyResource {

    @Inject
    private Penalties penalties;

    @Inject
    private Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.COMPLIANCE)
    @APIResponse(responseCode = "201", description = "The penalty", content = @Content(schema = @Schema(ref = "PenaltyView")))
    @Operation(operationId = "imposePenalty", summary = "Fine a seller {sellerId, amount, currency, reason (LATE_SHIPMENT, CANCELLATION, PROHIBITED_LISTING, COUNTERFEIT, PRICE_VIOLATION, POLICY_BREACH), explanation (what the seller reads), riskEventId}: compliance leads and administrators; the seller's next payout deducts it; the seller is notified")
    public Response impose(Penalties.Request request, @Context UriInfo uri) {
        Penalties.View view = penalties.impose(caller, request);
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build();
    }

    @GET
    @Allow(Access.SELLER_RECORDS)
    @Operation(operationId = "listPenalties", summary = "Penalties newest first with status OPEN, WAIVED or DEDUCTED (and the payout): a seller its own; compliance staff and administrators every seller's, or sellerId's")
    public List<Penalties.View> list(@QueryParam("sellerId") String sellerId) {
        return penalties.list(caller, sellerId);
    }

    @POST
    @Path("{id}/waive")
    @Allow(Access.COMPLIANCE)
    @Operation(operationId = "waivePenalty", summary = "Waive a penalty no payout has deducted yet (409 after): compliance leads and administrators")
    public Penalties.View waive(@PathParam("id") String id) {
        return penalties.waive(caller, id);
    }
}
