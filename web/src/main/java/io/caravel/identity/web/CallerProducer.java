package io.caravel.identity.web;

import io.caravel.identity.IdentityService;
import io.caravel.platform.Caller;
import io.caravel.platform.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
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

    private Caller caller;

    /** Built once per request (records cannot be proxied, so the product itself is dependent). */
    @Produces
    Caller caller() {
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
}
