package io.caravel.order.web;

import io.caravel.order.OrderRequest;
import io.caravel.order.OrderService;
import io.caravel.order.OrderStatus;
import io.caravel.order.OrderView;
import io.caravel.platform.Access;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.ProblemType;
import io.caravel.platform.web.Allow;
import io.caravel.platform.web.QueryValues;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

/** Orders: placed by buyers from a quote (Idempotency-Key), read by their buyer, seller and staff, shipped by the seller. */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "orders")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Allow(Access.ORDERS)
public class OrderResource {

    @Inject
    private OrderService orders;

    @Inject
    private Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.BUYING)
    @APIResponse(responseCode = "201", description = "The order, waiting for payment", content = @Content(schema = @Schema(ref = "OrderView")))
    @APIResponse(responseCode = "200", description = "The order this Idempotency-Key placed before (Idempotent-Replayed: true)", content = @Content(schema = @Schema(ref = "OrderView")))
    @APIResponse(responseCode = "409", description = "Fewer units in stock than ordered (out-of-stock), or a concurrent change: quote again")
    @APIResponse(responseCode = "422", description = "The quote expired (quote-expired: ask for a new quote), or the Idempotency-Key came before with another body (idempotency-key-reused)")
    @Operation(operationId = "placeOrder", summary = "Order a quote (header Idempotency-Key: the same key and body answer the same order, another body 422); stock is taken and the payment opened: pay at payment.payUrl")
    public Response place(@HeaderParam("Idempotency-Key") String key, @Valid OrderRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        OrderService.Placed placed = orders.place(caller, key, request);
        Response.ResponseBuilder response = placed.replayed() ? Response.ok() : Response.status(Response.Status.CREATED);
        return response.location(uri.getAbsolutePathBuilder().path(placed.order().id()).build())
                .header("Idempotent-Replayed", placed.replayed()).entity(placed.order()).build();
    }

    /** One page of the list: what the document names {@code OrderPage}; the JSON of {@link Page}. */
    public record OrderPage(List<OrderView> items, String nextCursor) {
        static OrderPage of(Page<OrderView> page) {
            return new OrderPage(page.items(), page.nextCursor());
        }
    }

    @GET
    @Operation(operationId = "listOrders", summary = "Orders newest first: a buyer's own, a seller's sold or fulfilled (dropship) ones, every order for staff; optional status, cursor paging")
    public OrderPage list(@QueryParam("status") String status, @QueryParam("limit") Integer limit,
                                @QueryParam("cursor") String cursor) {
        return OrderPage.of(orders.list(caller, QueryValues.oneOf(OrderStatus.class, "status", status), PageRequest.of(limit, cursor)));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getOrder", summary = "One order with its pricing as placed, payment, shipment and customs status")
    public OrderView get(@PathParam("id") String id) {
        return orders.get(caller, id);
    }

    @POST
    @Path("{id}/shipment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.SHIPPING)
    @Operation(operationId = "shipOrder", summary = "Hand a paid order to the carrier (the seller, the supplier of dropship lines, or the staff of the overseas warehouse every line ships from): answers the waybill")
    public OrderView ship(@PathParam("id") String id, OrderService.ShipRequest request) {
        return orders.ship(caller, id, request);
    }

    @POST
    @Path("{id}/receipt")
    @Allow(Access.BUYING)
    @Operation(operationId = "confirmOrderReceipt", summary = "The buyer confirms a shipped order arrived (a dispute's claim window counts from then)")
    public OrderView confirmReceipt(@PathParam("id") String id) {
        return orders.confirmReceipt(caller, id);
    }
}
