package io.caravel.identity.web;

import io.caravel.identity.ApiTokens;
import io.caravel.platform.Access;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.ProblemType;
import io.caravel.platform.web.Allow;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bearer tokens for integrators, managed by their user with the password (a token cannot make or
 * revoke tokens: one that leaked cannot make itself a longer-lived successor).
 */
@Path("api-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "identity")
@SecurityRequirement(name = "basic")
@Allow(Access.SIGNED_IN)
public class ApiTokenResource {

    @Inject
    private Caller caller;

    @Inject
    private ApiTokens tokens;

    @Context
    private HttpServletRequest request;

    /** What a new token is for and how long it stays valid. */
    public static class NewToken {
        private String name;
        private Integer days;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Integer getDays() {
            return days;
        }

        public void setDays(Integer days) {
            this.days = days;
        }
    }

    @GET
    @Operation(operationId = "listApiTokens", summary = "My API tokens (an admin: username= any user's), newest first, without the tokens themselves")
    public List<ApiTokens.TokenView> list(@QueryParam("username") String username) {
        return tokens.list(caller, username);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The token and its secret, shown this once", content = @Content(schema = @Schema(ref = "IssuedApiToken")))
    @Operation(operationId = "issueApiToken", summary = "Issue a bearer token acting as me: name (what will use it), days valid (1-365, default 90)."
            + " The answer's secret is shown this once; send it as 'Authorization: Bearer <secret>'. Needs the password, not a token")
    public Response issue(NewToken body) {
        requirePassword();
        if (body == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        return Response.status(Response.Status.CREATED).entity(tokens.issue(caller, body.getName(), body.getDays())).build();
    }

    @POST
    @Path("{id}/revoke")
    @Operation(operationId = "revokeApiToken", summary = "Revoke a token (mine; an admin: anyone's): it stops working at once on every node. Needs the password, not a token")
    public ApiTokens.TokenView revoke(@PathParam("id") String id) {
        requirePassword();
        return tokens.revoke(caller, id);
    }

    private void requirePassword() {
        if (request.getAttribute(CaravelAuthenticationMechanism.BEARER) != null) {
            throw CaravelException.forbidden();
        }
    }
}
