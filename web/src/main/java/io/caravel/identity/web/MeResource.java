package io.caravel.identity.web;

import io.caravel.platform.Access;
import io.caravel.platform.web.Allow;
import io.caravel.identity.IdentityService;
import io.caravel.identity.PasswordChange;
import io.caravel.identity.UserView;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.ProblemType;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in user's own account. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "identity")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Allow(Access.SIGNED_IN)
public class MeResource {

    @Inject
    private Caller caller;

    @Inject
    private IdentityService identity;

    @GET
    @Operation(operationId = "getMe", summary = "Who am I: user name, roles and the seller I act for")
    public UserView me() {
        return identity.user(caller.username()).orElseThrow(() -> CaravelException.notFound("user", caller.username()));
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "204", description = "Changed; the account's other sessions end")
    @Operation(operationId = "changeMyPassword", summary = "Change my password (the current one, or the one-time password of a reset, and a new one)")
    public Response changePassword(@Valid PasswordChange change) {
        if (change == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        identity.changeOwnPassword(caller.username(), change.getCurrentPassword(), change.getNewPassword());
        return Response.noContent().build();
    }
}
