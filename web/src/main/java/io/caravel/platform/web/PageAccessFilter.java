package io.caravel.platform.web;

import io.caravel.platform.Access;
import io.caravel.platform.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The web pages' side of the authorization rules: each area of pages needs the same {@link Access}
 * as the API behind it. Anonymous visitors of a protected page go to the sign-in page (and back
 * after it); signed-in users without the access get the 403 page. The REST API is checked per method
 * by {@link AccessControlFilter}.
 */
public class PageAccessFilter extends HttpFilter {

    static final String LOGIN_PAGE = "/login.xhtml";
    public static final String PASSWORD_PAGE = "/account/password.xhtml";

    /** Request attribute the authentication sets when the signed-in user must choose a new password first. */
    public static final String PASSWORD_CHANGE_REQUIRED = "caravel.password-change-required";

    /** First match wins; a page matching none is public (sign-in, registration, the start page). */
    static final List<Map.Entry<String, Access>> RULES = List.of(
            Map.entry("/seller/", Access.SELLING),
            Map.entry("/inbox/screening.xhtml", Access.SCREENING),
            Map.entry("/inbox/", Access.CASE_WORK),
            Map.entry("/admin/", Access.ADMINISTRATION),
            Map.entry("/risk/", Access.COMPLIANCE),
            Map.entry("/buyer/", Access.BUYING),
            Map.entry("/creator/", Access.CREATING),
            Map.entry("/warehouse/", Access.WAREHOUSE_WORK),
            Map.entry("/account/webhooks.xhtml", Access.WEBHOOKS),
            Map.entry("/account/", Access.SIGNED_IN),
            Map.entry("/metrics", Access.OPERATIONS));

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = RequestPaths.of(request);
        Access access = accessFor(path);
        boolean signedIn = request.getUserPrincipal() != null;
        if (signedIn && request.getAttribute(PASSWORD_CHANGE_REQUIRED) != null && !path.equals(PASSWORD_PAGE)
                && !path.startsWith("/jakarta.faces.resource/") && !path.startsWith("/metrics")) {
            // an administrator reset the password: the user chooses a new one before anything else
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
        } else if (access.allows(signedIn, RequestCallers.roles(request))) {
            chain.doFilter(request, response);
        } else if (path.startsWith("/metrics")) {
            // a machine endpoint: scrapers authenticate with HTTP Basic and read problems, not pages
            if (!signedIn) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"caravel\"");
            }
            Problems.write(request, response, signedIn ? ProblemType.FORBIDDEN : ProblemType.UNAUTHENTICATED, path,
                    signedIn ? "error.forbidden" : "error.unauthenticated");
        } else if (!signedIn) {
            String query = request.getQueryString();
            String next = query == null ? path : path + "?" + query;
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8));
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    static Access accessFor(String path) {
        if (path.startsWith("/api/")) {
            return Access.PUBLIC; // checked per resource method
        }
        for (Map.Entry<String, Access> rule : RULES) {
            if (path.startsWith(rule.getKey())) {
                return rule.getValue();
            }
        }
        return Access.PUBLIC;
    }
}
