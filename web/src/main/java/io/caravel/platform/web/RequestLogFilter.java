package io.caravel.platform.web;

import io.caravel.platform.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Gives every request an id (echoed in {@code X-Request-Id}, written to audit entries and problem
 * responses) and logs one structured line per request: method, path, status, duration, user.
 * With Payara's JSON log formatter the map's entries become JSON fields.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestLogFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger("io.caravel.access");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String requestId = RequestIds.of(request);
        response.setHeader(RequestIds.HEADER, requestId);
        RequestContext.begin(requestId);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            RequestContext.end();
            if (LOG.isLoggable(Level.INFO) && !request.getRequestURI().contains("/jakarta.faces.resource/")) {
                log(request, response, requestId, (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    private static void log(HttpServletRequest request, HttpServletResponse response, String requestId, long millis) {
        Principal user = request.getUserPrincipal();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", requestId);
        fields.put("method", request.getMethod());
        fields.put("path", request.getRequestURI());
        fields.put("status", response.getStatus());
        fields.put("durationMs", millis);
        fields.put("user", user == null ? "-" : user.getName());
        LogRecord record = new LogRecord(Level.INFO, "{0} {1} {2} {3}ms " + requestId);
        record.setLoggerName(LOG.getName());
        record.setParameters(new Object[] {fields.get("method"), fields.get("path"), fields.get("status"), millis, fields});
        LOG.log(record);
    }
}
