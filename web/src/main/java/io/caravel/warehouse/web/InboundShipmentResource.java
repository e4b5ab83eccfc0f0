package io.caravel.warehouse.web;

import io.caravel.platform.Access;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.ProblemType;
import io.caravel.platform.web.Allow;
import io.caravel.platform.web.QueryValues;
import io.caravel.warehouse.InboundShipments;
import io.caravel.warehouse.InboundStatus;
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

/** Inbound shipments (头程): sellers send goods to an overseas warehouse, its staff count them in. */
@Path("inbound-shipments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "warehouses")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
public class InboundShipmentResource {

    @Inject
    private InboundShipments shipments;

    @Inject
    private Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.SELLING)
    @APIResponse(responseCode = "201", description = "The inbound shipment", content = @Content(schema = @Schema(ref = "InboundShipmentView")))
    @Operation(operationId = "createInboundShipment", summary = "Send goods to an overseas warehouse {warehouseId (an active one), carrier, trackingNumber, lines: [{productId (your published product, not a dropship listing), quantity 1-100000}] (1-50, each product once)}: 201, IN_TRANSIT; the units become stock only when the warehouse counts them")
    public Response create(InboundShipments.Request request, @Context UriInfo uri) {
        if (request == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        InboundShipments.View view = shipments.create(caller, request);
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build();
    }

    /** One page of the list: what the document names {@code InboundShipmentPage}; the JSON of {@link Page}. */
    public record InboundShipmentPage(List<InboundShipments.View> items, String nextCursor) {
        static InboundShipmentPage of(Page<InboundShipments.View> page) {
            return new InboundShipmentPage(page.items(), page.nextCursor());
        }
    }

    @GET
    @Allow(Access.WAREHOUSES)
    @Operation(operationId = "listInboundShipments", summary = "Inbound shipments newest first, optionally of one status (IN_TRANSIT, RECEIVED, RECEIVED_WITH_DISCREPANCY, CANCELLED) or warehouseId: a seller its own, warehouse staff those to their warehouses, compliance staff and administrators all; cursor paging")
    public InboundShipmentPage list(@QueryParam("status") String status, @QueryParam("warehouseId") String warehouseId,
                                            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return InboundShipmentPage.of(shipments.list(caller, QueryValues.oneOf(InboundStatus.class, "status", status), warehouseId, PageRequest.of(limit, cursor)));
    }

    @GET
    @Path("{id}")
    @Allow(Access.WAREHOUSES)
    @Operation(operationId = "getInboundShipment", summary = "One inbound shipment with its lines (declared, received, difference); another seller's is 404")
    public InboundShipments.View get(@PathParam("id") String id) {
        return shipments.get(caller, id);
    }

    @POST
    @Path("{id}/receipt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.WAREHOUSE_WORK)
    @Operation(operationId = "receiveInboundShipment", summary = "Count a shipment in {lines: [{lineNo, received}] (every line, 0 to 10 times declared), note (the seller reads it)}: the warehouse's staff or an administrator, once (409 after); the counted units become stock there; fewer than declared is a logistics risk event (INBOUND_SHORT_RECEIPT) and the seller is told")
    public InboundShipments.View receive(@PathParam("id") String id, InboundShipments.Receipt receipt) {
        if (receipt == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        return shipments.receive(caller, id, receipt);
    }

    @POST
    @Path("{id}/cancellation")
    @Allow(Access.SELLING)
    @Operation(operationId = "cancelInboundShipment", summary = "Withdraw a shipment not yet counted in (409 after)")
    public InboundShipments.View cancel(@PathParam("id") String id) {
        return shipments.cancel(caller, id);
    }
}
