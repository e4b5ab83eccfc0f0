package io.caravel.platform.web;

import io.caravel.platform.Access;
import io.caravel.platform.ProblemType;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Deny by default: a REST method answers only if it (or its class) names the {@link Access} it needs
 * with {@link Allow}. Anonymous callers of a protected method get 401, others without the access 403.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AccessControlFilter implements ContainerRequestFilter {

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        Method method = resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo.getResourceClass();
        if (method == null || type == null) {
            return;
        }
        if (crossSiteForm(context)) {
            context.abortWith(problem(ProblemType.FORBIDDEN, "error.cross-site"));
            return;
        }
        Access access = access(method, type);
        boolean signedIn = context.getSecurityContext().getUserPrincipal() != null;
        if (access != null && access.allows(signedIn, RequestCallers.roles(request))) {
            return;
        }
        if (!signedIn && (access == null || access.needsSignIn())) {
            context.abortWith(Response.fromResponse(problem(ProblemType.UNAUTHENTICATED, "error.unauthenticated"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"caravel\"").build());
            return;
        }
        context.abortWith(problem(ProblemType.FORBIDDEN, "error.forbidden"));
    }

    /**
     * A change sent by a browser from another site without a JSON body: what a hostile page's form
     * can send with credentials the browser remembers (cross-site request forgery). A JSON request
     * from another site needs the server's CORS consent, which Caravel does not give; clients other
     * than browsers send no {@code Sec-Fetch-Site}.
     */
    static boolean crossSiteForm(ContainerRequestContext context) {
        boolean change = !List.of("GET", "HEAD", "OPTIONS").contains(context.getMethod());
        boolean json = context.getMediaType() != null && context.getMediaType().isCompatible(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE);
        return change && !json && "cross-site".equals(context.getHeaderString("Sec-Fetch-Site"));
    }

    /** The access a resource method needs, or null when neither it nor its class says. */
    static Access access(Method method, Class<?> type) {
        Allow allow = method.isAnnotationPresent(Allow.class) ? method.getAnnotation(Allow.class) : type.getAnnotation(Allow.class);
        return allow == null ? null : allow.value();
    }

    private Response problem(ProblemType type, String detailKey) {
        return Problems.response(request, type, List.of(), detailKey);
    }

}
