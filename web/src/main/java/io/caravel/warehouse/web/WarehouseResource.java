package io.caravel.warehouse.web;

import io.caravel.platform.Access;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.ProblemType;
import io.caravel.platform.web.Allow;
import io.caravel.platform.web.Versions;
import io.caravel.warehouse.Warehouses;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** Overseas warehouses (海外仓) and the stock kept at each. */
@Path("warehouses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "warehouses")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
public class WarehouseResource {

    @Inject
    private Warehouses warehouses;

    @Inject
    private Caller caller;

    @GET
    @Allow(Access.WAREHOUSES)
    @Operation(operationId = "listWarehouses", summary = "Overseas warehouses by country: the active ones (sellers send goods there); administrators every one with its staff")
    public List<Warehouses.View> list() {
        return warehouses.list(caller);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.ADMINISTRATION)
    @APIResponse(responseCode = "201", description = "The warehouse", content = @Content(schema = @Schema(ref = "WarehouseView")))
    @Operation(operationId = "createWarehouse", summary = "Set up a warehouse {code (2-20 of A-Z, 0-9, -; unique), name, country (a destination with landed-cost rules; a warehouse in CN is bonded), address, staff (usernames with the warehouse role)}; it serves orders to its country or customs area")
    public Response create(Warehouses.Request request, @Context UriInfo uri) {
        Warehouses.View view = warehouses.create(caller, body(request));
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build();
    }

    @GET
    @Path("{id}")
    @Allow(Access.WAREHOUSES)
    @APIResponse(responseCode = "200", description = "The warehouse; ETag is its version", content = @Content(schema = @Schema(ref = "WarehouseView")))
    @Operation(operationId = "getWarehouse", summary = "One warehouse; ETag is its version")
    public Response get(@PathParam("id") String id) {
        Warehouses.View view = warehouses.get(caller, id);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.ADMINISTRATION)
    @Operation(operationId = "updateWarehouse", summary = "Change a warehouse's name, country, address, staff (left out: kept) or active (false: its units stop being sold); If-Match guards against lost updates (412)")
    public Warehouses.View update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, Warehouses.Request request) {
        return warehouses.update(caller, id, Versions.ifMatch(ifMatch), body(request));
    }

    @GET
    @Path("stock")
    @Allow(Access.WAREHOUSES)
    @Operation(operationId = "listWarehouseStock", summary = "Units on hand per warehouse and product: a seller its own products; warehouse staff those at their warehouses; compliance staff and administrators all; optionally of one warehouseId or productId")
    public List<Warehouses.StockView> stock(@QueryParam("warehouseId") String warehouseId, @QueryParam("productId") String productId) {
        return warehouses.stock(caller, warehouseId, productId);
    }

    private static Warehouses.Request body(Warehouses.Request request) {
        if (request == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        return request;
    }
}
