package io.caravel.identity.web;

import io.caravel.platform.Access;
import io.caravel.platform.web.Allow;
import io.caravel.audit.AuditTrail;
import io.caravel.audit.HistoryEntry;
import io.caravel.identity.IdentityService;
import io.caravel.identity.NewUser;
import io.caravel.identity.RoleChange;
import io.caravel.identity.TemporaryPassword;
import io.caravel.identity.UserView;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.ProblemType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** User accounts, for administrators. */
@Path("admin/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Allow(Access.ADMINISTRATION)
public class UserResource {

    @Inject
    private IdentityService identity;

    @Inject
    private Caller caller;

    @Inject
    private AuditTrail audit;

    /** One page of the list: what the document names {@code UserPage}; the JSON of {@link Page}. */
    public record UserPage(List<UserView> items, String nextCursor) {
        static UserPage of(Page<UserView> page) {
            return new UserPage(page.items(), page.nextCursor());
        }
    }

    @GET
    @Operation(operationId = "listUsers", summary = "List users by user name (cursor paging)")
    public UserPage list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return UserPage.of(identity.list(PageRequest.of(limit, cursor)));
    }

    @GET
    @Path("{username}")
    @Operation(operationId = "getUser", summary = "One user")
    public UserView get(@PathParam("username") String username) {
        return identity.user(username).orElseThrow(() -> CaravelException.notFound("user", username));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The user", content = @Content(schema = @Schema(ref = "UserView")))
    @Operation(operationId = "createUser", summary = "Create a user with roles (a seller user names its seller)")
    public Response create(@Valid NewUser user, @Context UriInfo uriInfo) {
        if (user == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        UserView created = identity.create(user, caller);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.username()).build()).entity(created).build();
    }

    @GET
    @Path("{username}/history")
    @Operation(operationId = "getUserHistory", summary = "What was done to a user account, oldest first (audit trail: created, disabled, roles, resets)")
    public List<HistoryEntry> history(@PathParam("username") String username) {
        identity.user(username).orElseThrow(() -> CaravelException.notFound("user", username));
        return audit.history(caller, "user", username);
    }

    @POST
    @Path("{username}/disable")
    @Operation(operationId = "disableUser", summary = "Disable a user: no more sign-ins, open sessions end (not yourself, not the last administrator)")
    public UserView disable(@PathParam("username") String username) {
        return identity.disable(username, caller);
    }

    @POST
    @Path("{username}/enable")
    @Operation(operationId = "enableUser", summary = "Enable a disabled user again")
    public UserView enable(@PathParam("username") String username) {
        return identity.enable(username, caller);
    }

    @POST
    @Path("{username}/password-reset")
    @Operation(operationId = "resetUserPassword", summary = "Reset a user's password: answers a one-time password the user must replace at the next sign-in")
    public TemporaryPassword resetPassword(@PathParam("username") String username) {
        return identity.resetPassword(username, caller);
    }

    @PUT
    @Path("{username}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeUserRoles", summary = "Replace a user's roles (a seller user names its seller); open sessions end")
    public UserView changeRoles(@PathParam("username") String username, @Valid RoleChange change) {
        if (change == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        return identity.changeRoles(username, change.getRoles(), change.getSellerId(), caller);
    }
}
