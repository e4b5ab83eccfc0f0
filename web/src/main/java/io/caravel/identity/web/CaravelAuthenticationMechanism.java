package io.caravel.identity.web;

import io.caravel.identity.ApiTokens;
import io.caravel.identity.IdentityService;
import io.caravel.identity.NewUser;
import io.caravel.identity.PasswordHasher;
import io.caravel.identity.SignInState;
import io.caravel.platform.ProblemType;
import io.caravel.platform.web.ClientAddress;
import io.caravel.platform.web.DatabaseErrors;
import io.caravel.platform.web.PageAccessFilter;
import io.caravel.platform.web.RequestPaths;
import io.caravel.platform.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;

/**
 * How callers prove who they are. The REST API ({@code /api/...}) is stateless: HTTP Basic or an
 * integrator's bearer token ({@link ApiTokens}); a wrong password or token is a 401 problem, no
 * header means anonymous (the resource decides if that is enough).
 * Web pages use a form login ({@code login.xhtml}) that keeps the caller in the HTTP session;
 * PageAccessFilter sends anonymous visitors of protected pages to it. A password verified lately is
 * not hashed again ({@link VerifiedCredentials}); wrong passwords are throttled ({@link SignInGuard}).
 */
@ApplicationScoped
public class CaravelAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String SESSION_CALLER = "caravel.caller";
    /** Request attribute set when the caller signed in with a bearer token (not a password). */
    static final String BEARER = "caravel.bearer";
    private static final int MAX_NAME = 100;
    static final String SESSION_GROUPS = "caravel.groups";
    /** The account's access epoch when the session signed in (see {@link SignInState}). */
    static final String SESSION_EPOCH = "caravel.access-epoch";

    /** Request attribute with the seconds a throttled form sign-in must wait (for the sign-in page). */
    static final String SIGN_IN_WAIT = "caravel.signin.wait";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    IdentityService identity;

    @Inject
    PasswordHasher passwords;

    @Inject
    SignInGuard guard;

    @Inject
    VerifiedCredentials verified;

    @Inject
    ClientAddress clientAddress;

    @Inject
    ApiTokens tokens;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (isApi(request)) {
            return validateApiRequest(request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return formLogin(request, context, credential);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof String caller) {
            Optional<SignInState> state = currentState(caller);
            if (state.isPresent() && !stillValid(session, state.get())) {
                // disabled, password reset or changed, roles changed since this session signed in
                session.invalidate();
                return context.doNothing();
            }
            if (state.map(SignInState::passwordChangeRequired).orElse(false)) {
                request.setAttribute(PageAccessFilter.PASSWORD_CHANGE_REQUIRED, Boolean.TRUE);
            }
            @SuppressWarnings("unchecked")
            Set<String> groups = (Set<String>) session.getAttribute(SESSION_GROUPS);
            state.ifPresent(known -> CallerProducer.remember(request, caller, groups, known.sellerId()));
            return context.notifyContainerAboutLogin(caller, groups);
        }
        return context.doNothing();
    }

    /** The account's state; empty only when the database cannot say (the page then fails on its own). */
    private Optional<SignInState> currentState(String caller) {
        try {
            return Optional.of(identity.signInState(caller).orElse(new SignInState(false, false, -1, null, null)));
        } catch (RuntimeException e) {
            if (DatabaseErrors.isUnavailable(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean stillValid(HttpSession session, SignInState state) {
        return state.enabled() && session.getAttribute(SESSION_EPOCH) instanceof Integer epoch
                && epoch == state.accessEpoch();
    }

    /** After the user's own password change (which ends the account's other sessions) this session goes on. */
    static void keepSession(HttpSession session, SignInState state) {
        session.setAttribute(SESSION_EPOCH, state.accessEpoch());
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private AuthenticationStatus validateApiRequest(HttpServletRequest request, HttpServletResponse response,
                                                    HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(header.substring(7).trim(), request, response, context);
        }
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return context.doNothing();
        }
        UsernamePasswordCredential credential = decodeBasic(header.substring(6).trim());
        Verdict verdict;
        try {
            verdict = credential == null ? new Verdict(CredentialValidationResult.INVALID_RESULT, null, Optional.empty())
                    : verify(credential, request);
        } catch (RuntimeException e) {
            if (!DatabaseErrors.isUnavailable(e)) {
                throw e;
            }
            return unavailable(request, response);
        }
        if (verdict.result().getStatus() == CredentialValidationResult.Status.VALID) {
            String caller = verdict.result().getCallerPrincipal().getName();
            Optional<SignInState> state = stateAfter(verdict, credential.getCaller());
            if (!mayChangePasswordOnly(request) && state.map(SignInState::passwordChangeRequired).orElse(false)) {
                try {
                    Problems.write(request, response, ProblemType.PASSWORD_CHANGE_REQUIRED, request.getRequestURI(),
                            "error.password-change-required");
                } catch (IOException e) {
                    // the client is gone
                }
                return AuthenticationStatus.SEND_FAILURE;
            }
            state.ifPresent(known -> CallerProducer.remember(request, caller, verdict.result().getCallerGroups(), known.sellerId()));
            return context.notifyContainerAboutLogin(verdict.result());
        }
        try {
            if (verdict.retryAfter() != null) {
                long seconds = Math.max(1, verdict.retryAfter().toSeconds());
                response.setHeader("Retry-After", Long.toString(seconds));
                Problems.write(request, response, ProblemType.TOO_MANY_REQUESTS, request.getRequestURI(),
                        "error.signin-throttled", seconds);
            } else {
                response.setHeader("WWW-Authenticate", "Basic realm=\"caravel\"");
                Problems.write(request, response, ProblemType.UNAUTHENTICATED, request.getRequestURI(),
                        "error.bad-credentials");
            }
        } catch (IOException e) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** An integrator's token ({@link ApiTokens}): the call acts as its user with the user's roles now. */
    private AuthenticationStatus bearer(String token, HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context) {
        Optional<ApiTokens.Bearer> bearer;
        try {
            bearer = tokens.authenticate(token);
        } catch (RuntimeException e) {
            if (!DatabaseErrors.isUnavailable(e)) {
                throw e;
            }
            return unavailable(request, response);
        }
        if (bearer.isPresent()) {
            request.setAttribute(BEARER, Boolean.TRUE);
            return context.notifyContainerAboutLogin(bearer.get().username(), bearer.get().roles());
        }
        try {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"caravel\", error=\"invalid_token\"");
            Problems.write(request, response, ProblemType.UNAUTHENTICATED, request.getRequestURI(), "error.bearer-invalid");
        } catch (IOException e) {
            // the client is gone
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus unavailable(HttpServletRequest request, HttpServletResponse response) {
        try {
            response.setHeader("Retry-After", "10");
            Problems.write(request, response, ProblemType.UNAVAILABLE, request.getRequestURI(), "error.database-unavailable");
        } catch (IOException io) {
            // the client is gone
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential password)) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        Verdict verdict = verify(password, request);
        CredentialValidationResult result = verdict.result();
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            if (verdict.retryAfter() != null) {
                request.setAttribute(SIGN_IN_WAIT, Math.max(1, verdict.retryAfter().toSeconds()));
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession();
        String caller = result.getCallerPrincipal().getName();
        session.setAttribute(SESSION_CALLER, caller);
        session.setAttribute(SESSION_GROUPS, new HashSet<>(result.getCallerGroups()));
        stateAfter(verdict, password.getCaller()).ifPresent(state -> keepSession(session, state));
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * Checks a password unless this account and address must wait (then {@code wait} says how long).
     * An unknown or disabled user costs as much time as a wrong password.
     */
    Verdict verify(UsernamePasswordCredential credential, HttpServletRequest request) {
        String account = credential.getCaller();
        String address = clientAddress.of(request);
        Optional<Duration> wait = guard.waitBefore(account, address);
        if (wait.isPresent()) {
            return new Verdict(CredentialValidationResult.INVALID_RESULT, wait.get(), Optional.empty());
        }
        // only names an account can have: MySQL's PAD SPACE collations would find "admin " as admin
        boolean possibleName = account.length() <= MAX_NAME && account.matches(NewUser.USERNAME_PATTERN);
        Optional<SignInState> state = possibleName ? identity.signInState(account) : Optional.empty();
        boolean enabled = state.map(SignInState::enabled).orElse(false);
        CredentialValidationResult result = possibleName ? validate(credential, state) : CredentialValidationResult.INVALID_RESULT;
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            guard.succeeded(account, address);
        } else {
            if (!enabled) {
                passwords.checkAgainstDecoy(credential.getPasswordAsString());
            }
            guard.failed(account.length() > MAX_NAME ? account.substring(0, MAX_NAME) : account, address);
        }
        return new Verdict(result, null, state);
    }

    /** The identity store's verdict, or the same verdict remembered from a check of this account and password lately. */
    private CredentialValidationResult validate(UsernamePasswordCredential credential, Optional<SignInState> state) {
        String account = credential.getCaller();
        String key = state.map(SignInState::credentialStamp)
                .map(stamp -> verified.key(account, stamp, credential.getPasswordAsString())).orElse(null);
        Optional<Set<String>> groups = key == null ? Optional.empty() : verified.groups(key);
        if (groups.isPresent()) {
            return new CredentialValidationResult(account, groups.get());
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (key != null && result.getStatus() == CredentialValidationResult.Status.VALID
                && result.getCallerPrincipal().getName().equals(account)) {
            verified.remember(key, result.getCallerGroups());
        }
        return result;
    }

    /** The account as the check read it (one read per sign-in), or read again should the store name another caller. */
    private Optional<SignInState> stateAfter(Verdict verdict, String asked) {
        String caller = verdict.result().getCallerPrincipal().getName();
        return caller.equals(asked) ? verdict.state() : identity.signInState(caller);
    }

    /** The check's result, how long to wait before the next (when throttled), and the account as the check read it. */
    record Verdict(CredentialValidationResult result, Duration retryAfter, Optional<SignInState> state) {
    }

    /** What a user whose password was reset may still call: who am I, and the password change. */
    private static boolean mayChangePasswordOnly(HttpServletRequest request) {
        String path = RequestPaths.of(request);
        return ("GET".equals(request.getMethod()) && path.equals("/api/v1/me"))
                || ("POST".equals(request.getMethod()) && path.equals("/api/v1/me/password"));
    }

    /** The API and the metrics endpoint (for scrapers) take HTTP Basic; pages take the form. */
    private static boolean isApi(HttpServletRequest request) {
        String path = RequestPaths.of(request);
        return path.startsWith("/api/") || path.equals("/metrics") || path.startsWith("/metrics/");
    }

    private static UsernamePasswordCredential decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
