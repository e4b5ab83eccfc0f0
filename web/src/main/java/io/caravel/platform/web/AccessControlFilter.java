package io.caravel.platform.web;

import io.caravel.platform.ProblemType;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Deny by default: a REST method answers only if it (or its class) says who may call it —
 * {@link PermitAll} (public storefront reads), {@link Authenticated} (any signed-in user) or
 * {@link RolesAllowed}. Anonymous callers of a protected method get 401, others without the role 403.
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
        AnnotatedElement rule = hasRule(method) ? method : type;
        if (rule.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        boolean signedIn = context.getSecurityContext().getUserPrincipal() != null;
        if (!signedIn && (rule.isAnnotationPresent(Authenticated.class) || rule.isAnnotationPresent(RolesAllowed.class))) {
            context.abortWith(Response.fromResponse(problem(ProblemType.UNAUTHENTICATED, "error.unauthenticated"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"caravel\"").build());
            return;
        }
        if (rule.isAnnotationPresent(Authenticated.class)) {
            return;
        }
        RolesAllowed roles = rule.getAnnotation(RolesAllowed.class);
        if (roles != null) {
            for (String role : roles.value()) {
                if (context.getSecurityContext().isUserInRole(role)) {
                    return;
                }
            }
        }
        context.abortWith(problem(ProblemType.FORBIDDEN, "error.forbidden"));
    }

    private static boolean hasRule(AnnotatedElement element) {
        return element.isAnnotationPresent(PermitAll.class) || element.isAnnotationPresent(Authenticated.class)
                || element.isAnnotationPresent(RolesAllowed.class);
    }

    private Response problem(ProblemType type, String detailKey) {
        return Problems.response(request, type, List.of(), detailKey);
    }
}
