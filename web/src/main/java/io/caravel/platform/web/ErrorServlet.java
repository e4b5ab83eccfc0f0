package io.caravel.platform.web;

import io.caravel.platform.Messages;
import io.caravel.platform.ProblemType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error page for everything web.xml routes here: a problem document for API paths,
 * a plain translated page for the web UI. Never a stack trace or a server page.
 */
@WebServlet(urlPatterns = "/error-handler")
public class ErrorServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (error != null || status >= 500) {
            LOG.log(Level.SEVERE, "Error " + status + " in request " + RequestIds.of(request) + " " + uri, error);
        }
        ProblemType type = error != null && DatabaseErrors.isUnavailable(error) ? ProblemType.UNAVAILABLE
                : ProblemType.forStatus(status);
        if (uri != null && uri.startsWith(request.getContextPath() + "/api/")) {
            String detail = switch (type) {
                case NOT_FOUND -> "error.route-not-found";
                case UNAUTHENTICATED -> "error.unauthenticated";
                case FORBIDDEN -> "error.forbidden";
                case INTERNAL -> "error.internal";
                case UNAVAILABLE -> "error.database-unavailable";
                default -> "error.malformed-request";
            };
            Problems.write(request, response, type, uri, detail, uri);
            return;
        }
        response.setStatus(type.status());
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String title = Messages.text(request.getLocale(), type.titleKey());
        String detail = switch (type) {
            case FORBIDDEN -> "error.page-forbidden";
            case NOT_FOUND -> "error.page-not-found";
            case UNAVAILABLE -> "error.database-unavailable";
            default -> "error.internal";
        };
        response.getWriter().write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title
                + "</title><link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/resources/caravel.css\"></head>"
                + "<body class=\"error-page\"><main><h1>" + type.status() + " — " + title + "</h1><p>"
                + Messages.text(request.getLocale(), detail) + "</p><p>"
                + Messages.text(request.getLocale(), "error.request-id") + " <code>" + RequestIds.of(request)
                + "</code></p><p><a href=\"" + request.getContextPath() + "/\">"
                + Messages.text(request.getLocale(), "error.page-home") + "</a></p></main></body></html>");
    }
}
