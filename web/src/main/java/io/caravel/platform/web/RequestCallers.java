package io.caravel.platform.web;

import io.caravel.platform.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The caller the authentication mechanism established for a request, kept on the request: its
 * roles are its groups (one to one, payara-web.xml), so authorization reads them from there instead
 * of asking the container role by role (each such question went through the security policy and
 * cost a signed-in API call more than its own work did).
 */
public final class RequestCallers {

    private static final String ATTRIBUTE = "caravel.caller";

    private RequestCallers() {
    }

    /** Records the caller of this request, as authentication found it. */
    public static void remember(HttpServletRequest request, Caller caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }

    /** The caller recorded for this request, if it is the one the container signed in. */
    public static Optional<Caller> of(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal != null && request.getAttribute(ATTRIBUTE) instanceof Caller known
                && known.username().equals(principal.getName()) ? Optional.of(known) : Optional.empty();
    }

    /** Whether the request's caller has a role: from the recorded caller, else asked of the container. */
    public static Predicate<String> roles(HttpServletRequest request) {
        Set<String> roles = of(request).map(Caller::roles).orElse(null);
        return roles != null ? roles::contains : request::isUserInRole;
    }
}
