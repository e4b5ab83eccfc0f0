package io.caravel.identity.web;

import io.caravel.identity.IdentityService;
import io.caravel.platform.Caller;
import io.caravel.platform.Roles;
import io.caravel.platform.web.RequestCallers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@link Caller} of the current request, for business services; anonymous callers have no roles. */
@RequestScoped
public class CallerProducer {

    public static final String ANONYMOUS = "anonymous";

    @Inject
    private SecurityContext securityContext;

    @Inject
    private IdentityService identity;

    @Inject
    private Instance<HttpServletRequest> request;

    private Caller caller;

    /** Built once per request (records cannot be proxied, so the product itself is dependent). */
    @Produces
    Caller caller() {
        if (caller == null && request.isResolvable()) {
            caller = established();
        }
        if (caller == null) {
            Principal principal = securityContext.getCallerPrincipal();
            if (principal == null) {
                return new Caller(ANONYMOUS, Set.of(), null);
            }
            Set<String> roles = Roles.ALL.stream().filter(securityContext::isCallerInRole).collect(Collectors.toSet());
            caller = identity.caller(principal.getName(), roles);
        }
        return caller;
    }

    /**
     * Records the caller of a request as the authentication mechanism established it (roles are its
     * groups, one to one, see payara-web.xml; the seller from the account's row it read anyway), so
     * the request's business calls need neither a role check per role nor another account lookup.
     */
    static void remember(HttpServletRequest request, String username, Set<String> groups, String sellerId) {
        if (groups == null) {
            return;
        }
        Set<String> roles = groups.stream().filter(Roles.ALL::contains).collect(Collectors.toUnmodifiableSet());
        RequestCallers.remember(request, new Caller(username, roles, sellerId));
    }

    /** The caller recorded for this request, if it is the one the container knows. */
    private Caller established() {
        try {
            return RequestCallers.of(request.get()).orElse(null);
        } catch (IllegalStateException e) {
            return null; // no HTTP request on this thread (a timer, a message)
        }
    }
}
