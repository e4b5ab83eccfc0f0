package io.caravel.privacy.web;

import io.caravel.platform.Access;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.web.Allow;
import io.caravel.platform.web.QueryValues;
import io.caravel.platform.web.Downloads;
import io.caravel.privacy.DataRequestKind;
import io.caravel.privacy.DataRequests;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A signed-in person's requests for a copy or the erasure of their personal data (buyers and sellers alike). */
@Path("me/data-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "privacy")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Allow(Access.SIGNED_IN)
public class DataRequestResource {

    @Inject
    private DataRequests requests;

    @Inject
    private Caller caller;

    /** What is asked: EXPORT or ERASURE, with an optional note for the officer. */
    public record NewRequest(String kind, String note) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The request", content = @Content(schema = @Schema(ref = "DataRequestView")))
    @Operation(operationId = "requestMyData", summary = "Ask for a copy of my personal data (EXPORT, JSON) or its erasure (ERASURE); a compliance officer handles it by dueAt (15 days); one open request of each kind (409 for a second)")
    public Response request(NewRequest body, @Context UriInfo uri) {
        DataRequests.View view = requests.request(caller, QueryValues.oneOf(DataRequestKind.class, "kind", body == null ? null : body.kind()), body == null ? null : body.note());
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build();
    }

    @GET
    @Operation(operationId = "listMyDataRequests", summary = "My data requests, newest first: status (OPEN, FULFILLED, REFUSED), due date, the officer's message, what an erasure kept and why")
    public List<DataRequests.View> mine() {
        return requests.mine(caller);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getMyDataRequest", summary = "One of my data requests")
    public DataRequests.View get(@PathParam("id") String id) {
        DataRequests.View view = requests.get(caller, id);
        if (!view.username().equals(caller.username())) {
            throw CaravelException.notFound("data request", id);
        }
        return view;
    }

    @GET
    @Path("{id}/export")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Everything Caravel keeps about the caller, as a JSON file", content = @Content(schema = @Schema(type = SchemaType.OBJECT, description = "The personal data, by kind")))
    @Operation(operationId = "exportMyData", summary = "The export of a fulfilled EXPORT request, as a JSON file (409 before it is ready); only for the person who asked")
    public Response export(@PathParam("id") String id) {
        return Downloads.attachment(requests.export(caller, id), "application/json", "personal-data-" + caller.username() + ".json");
    }
}
