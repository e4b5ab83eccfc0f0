package io.caravel.channel.web;

import io.caravel.channel.ChannelRequest;
import io.caravel.channel.Channels;
import io.caravel.platform.Access;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.ProblemType;
import io.caravel.platform.web.Allow;
import io.caravel.platform.web.Versions;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Storefront channels: administrators set them up and hand out their tokens; a storefront reads its
 * own channel's settings with its token.
 */
@Path("channels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "channels")
public class ChannelResource {

    @Inject
    private Channels channels;

    @Inject
    private Caller caller;

    /** The settings a storefront renders its selectors from. */
    public record Current(String name, List<String> currencies, List<String> destinations, List<String> languages) {
    }

    @GET
    @Path("current")
    @Allow(Access.PUBLIC)
    @SecurityRequirementsSet
    @Operation(operationId = "getCurrentChannel", summary = "The calling storefront's channel (by its X-Channel-Token): name, currencies, destinations served and languages; 401 without a valid token")
    public Current current(@HeaderParam(Channels.HEADER) String token) {
        Channels.Scope scope = channels.resolve(token);
        if (scope == null) {
            throw new CaravelException(ProblemType.UNAUTHENTICATED, "error.channel.token");
        }
        return new Current(scope.name(), scope.currencies(), scope.destinations(), scope.languages());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "bearer")
    @Allow(Access.ADMINISTRATION)
    @APIResponse(responseCode = "201", description = "The channel and its token, shown this once", content = @Content(schema = @Schema(ref = "IssuedChannel")))
    @Operation(operationId = "createChannel", summary = "Set up a storefront channel {name, sellerId (empty: the whole marketplace), currencies, destinations, languages}; 201 with its token, shown this once")
    public Response create(@Valid ChannelRequest request, @Context UriInfo uri) {
        Channels.Issued issued = channels.create(caller, body(request));
        return Response.created(uri.getAbsolutePathBuilder().path(issued.channel().id()).build()).entity(issued).build();
    }

    @GET
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "bearer")
    @Allow(Access.ADMINISTRATION)
    @Operation(operationId = "listChannels", summary = "Every storefront channel, newest first (never a secret)")
    public List<Channels.View> list() {
        return channels.list(caller);
    }

    @GET
    @Path("{id}")
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "bearer")
    @Allow(Access.ADMINISTRATION)
    @APIResponse(responseCode = "200", description = "The channel; ETag is its version", content = @Content(schema = @Schema(ref = "ChannelView")))
    @Operation(operationId = "getChannel", summary = "One storefront channel; ETag is its version")
    public Response get(@PathParam("id") String id) {
        Channels.View view = channels.get(caller, id);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "bearer")
    @Allow(Access.ADMINISTRATION)
    @Operation(operationId = "updateChannel", summary = "Change a channel's name, store, currencies, destinations and languages; If-Match guards against lost updates (412)")
    public Channels.View update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid ChannelRequest request) {
        return channels.update(caller, id, Versions.ifMatch(ifMatch), body(request));
    }

    @POST
    @Path("{id}/token")
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "bearer")
    @Allow(Access.ADMINISTRATION)
    @Operation(operationId = "rotateChannelToken", summary = "A new token for the channel, shown this once; the previous token stops working at once")
    public Channels.Issued rotate(@PathParam("id") String id) {
        return channels.rotate(caller, id);
    }

    @POST
    @Path("{id}/deactivate")
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "bearer")
    @Allow(Access.ADMINISTRATION)
    @Operation(operationId = "deactivateChannel", summary = "Deactivate the channel: its token stops working; past orders keep the channel")
    public Channels.View deactivate(@PathParam("id") String id) {
        return channels.deactivate(caller, id);
    }

    private static ChannelRequest body(ChannelRequest request) {
        if (request == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        return request;
    }
}
