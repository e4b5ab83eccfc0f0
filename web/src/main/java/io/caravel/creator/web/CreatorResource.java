package io.caravel.creator.web;

import io.caravel.creator.CreatorRegistration;
import io.caravel.creator.CreatorStatus;
import io.caravel.creator.Creators;
import io.caravel.creator.LinkRequest;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Creators (social and content selling): registration with sanctions screening, referral links per
 * product with the sponsored-content disclosure, and the compliance view of every creator.
 */
@Path("creators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "creators")
public class CreatorResource {

    @Inject
    private Creators creators;

    @Inject
    private Caller caller;

    @POST
    @Path("registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.PUBLIC)
    @SecurityRequirementsSet
    @APIResponse(responseCode = "201", description = "The creator", content = @Content(schema = @Schema(ref = "CreatorView")))
    @Operation(operationId = "registerCreator", summary = "Register as a creator (no sign-in needed): the account and the legal name, screened against the sanctions lists; ACTIVE at once, or SCREENING while a compliance officer reviews a possible match")
    public Response register(@Valid CreatorRegistration registration, @Context UriInfo uri) {
        if (registration == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        Creators.View view = creators.register(registration);
        return Response.created(uri.getBaseUriBuilder().path("creators").path(view.id()).build()).entity(view).build();
    }

    @GET
    @Path("me")
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "bearer")
    @Allow(Access.CREATING)
    @Operation(operationId = "getMyCreatorAccount", summary = "The signed-in creator: status (SCREENING, ACTIVE, REJECTED, SUSPENDED)")
    public Creators.View me() {
        return creators.me(caller);
    }

    @GET
    @Path("me/links")
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "bearer")
    @Allow(Access.CREATING)
    @Operation(operationId = "listMyReferralLinks", summary = "My referral links, newest first, with the product, the commission rate and whether a sponsored post's disclosure is missing")
    public List<Creators.LinkView> links() {
        return creators.links(caller);
    }

    @POST
    @Path("me/links")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "bearer")
    @Allow(Access.CREATING)
    @Operation(operationId = "createReferralLink", summary = "My referral link for a published product (made once, updated after: the same code): say whether the content is sponsored and carries the disclosure; sponsored without it is recorded as a platform-rules risk. 409 until the creator is ACTIVE")
    public Creators.LinkView link(@Valid LinkRequest request) {
        if (request == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        return creators.link(caller, request);
    }

    /** One page of the list: what the document names {@code CreatorPage}; the JSON of {@link Page}. */
    public record CreatorPage(List<Creators.View> items, String nextCursor) {
        static CreatorPage of(Page<Creators.View> page) {
            return new CreatorPage(page.items(), page.nextCursor());
        }
    }

    @GET
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "bearer")
    @Allow(Access.COMPLIANCE)
    @Operation(operationId = "listCreators", summary = "Creators newest first with their screening, optionally of one status; compliance staff and administrators; cursor paging")
    public CreatorPage list(@QueryParam("status") String status, @QueryParam("limit") Integer limit,
                                    @QueryParam("cursor") String cursor) {
        return CreatorPage.of(creators.list(caller, QueryValues.oneOf(CreatorStatus.class, "status", status), PageRequest.of(limit, cursor)));
    }

    @GET
    @Path("{id}")
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "bearer")
    @Allow(Access.SIGNED_IN)
    @Operation(operationId = "getCreator", summary = "One creator: themself, or compliance staff and administrators (with the screening's hits)")
    public Creators.View get(@PathParam("id") String id) {
        return creators.get(caller, id);
    }
}
