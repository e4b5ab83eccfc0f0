package io.caravel.identity.web;

import io.caravel.platform.Access;
import io.caravel.platform.web.Allow;
import io.caravel.identity.IdentityService;
import io.caravel.identity.UserView;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in user's own account. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "identity")
@SecurityRequirement(name = "basic")
@Allow(Access.SIGNED_IN)
public class MeResource {

    @Inject
    private Caller caller;

    @Inject
    private IdentityService identity;

    @GET
    @Operation(summary = "Who am I: user name, roles and the seller I act for")
    public UserView me() {
        return identity.user(caller.username()).orElseThrow(() -> CaravelException.notFound("user", caller.username()));
    }
}
