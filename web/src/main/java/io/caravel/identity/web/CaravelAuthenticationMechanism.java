package io.caravel.identity.web;

import io.caravel.platform.ProblemType;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * How callers prove who they are. The REST API ({@code /api/...}) is stateless HTTP Basic: a wrong
 * password is a 401 problem, no header means anonymous (the resource decides if that is enough).
 * Web pages use a form login ({@code login.xhtml}) that keeps the caller in the HTTP session;
 * protected pages redirect anonymous visitors to it.
 */
@ApplicationScoped
public class CaravelAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String SESSION_CALLER = "caravel.caller";
    static final String SESSION_GROUPS = "caravel.groups";
    static final String LOGIN_PAGE = "/login.xhtml";

    @Inject
    private IdentityStoreHandler identityStores;

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
            @SuppressWarnings("unchecked")
            Set<String> groups = (Set<String>) session.getAttribute(SESSION_GROUPS);
            return context.notifyContainerAboutLogin(caller, groups);
        }
        if (context.isProtected()) {
            String target = request.getRequestURI().substring(request.getContextPath().length());
            return context.redirect(request.getContextPath() + LOGIN_PAGE + "?next="
                    + URLEncoder.encode(target, StandardCharsets.UTF_8));
        }
        return context.doNothing();
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
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return context.doNothing();
        }
        UsernamePasswordCredential credential = decodeBasic(header.substring(6).trim());
        CredentialValidationResult result = credential == null ? CredentialValidationResult.INVALID_RESULT
                : identityStores.validate(credential);
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            return context.notifyContainerAboutLogin(result);
        }
        try {
            response.setHeader("WWW-Authenticate", "Basic realm=\"caravel\"");
            Problems.write(request, response, ProblemType.UNAUTHENTICATED, request.getRequestURI(),
                    "error.bad-credentials");
        } catch (IOException e) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.setAttribute(SESSION_CALLER, result.getCallerPrincipal().getName());
        session.setAttribute(SESSION_GROUPS, new HashSet<>(result.getCallerGroups()));
        return context.notifyContainerAboutLogin(result);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
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
