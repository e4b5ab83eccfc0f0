package io.caravel.platform.web;

import io.caravel.platform.RequestContext;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Gives every request an id (echoed in {@code X-Request-Id}, written to audit entries and problem
 * responses) and logs one structured line per request: method, path, status, duration, user.
 * With Payara's JSON log formatter the map's entries become JSON fields. Every request also counts
 * in the timer {@code caravel_http_requests} of {@code /metrics}, by area ({@code api}, {@code page},
 * {@code other}) and status class ({@code 2xx} ... {@code 5xx}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestLogFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger("io.caravel.access");

    static final String REQUESTS_METRIC = "caravel_http_requests";

    private static final Metadata TIMER = Metadata.builder().withName(REQUESTS_METRIC)
            .withDescription("HTTP requests answered, by area (api, page, other) and status class")
            .withUnit(MetricUnits.NANOSECONDS).build();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    private MetricRegistry metrics;

    /** The timer of each area and status class, looked up once (a lookup per request built its metadata again). */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

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
            long nanos = System.nanoTime() - start;
            count(request, response, nanos);
            if (LOG.isLoggable(Level.INFO) && !request.getRequestURI().contains("/jakarta.faces.resource/")) {
                log(request, response, requestId, nanos / 1_000_000);
            }
        }
    }

    private void count(HttpServletRequest request, HttpServletResponse response, long nanos) {
        if (metrics == null) {
            return;
        }
        String key = area(RequestPaths.of(request)) + " " + statusClass(response.getStatus());
        timers.computeIfAbsent(key, k -> metrics.timer(TIMER, new Tag("area", k.substring(0, k.indexOf(' '))),
                new Tag("status", k.substring(k.indexOf(' ') + 1)))).update(Duration.ofNanos(nanos));
    }

    static String area(String path) {
        if (path.startsWith("/api/")) {
            return "api";
        }
        if (path.endsWith(".xhtml") || path.equals("/") || path.contains("/jakarta.faces.resource/")) {
            return "page";
        }
        return "other";
    }

    static String statusClass(int status) {
        return status >= 100 && status < 600 ? (status / 100) + "xx" : "other";
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
        // numbers as text: the message format would make a number format for each of them, every request
        record.setParameters(new Object[] {fields.get("method"), fields.get("path"), Integer.toString(response.getStatus()),
                Long.toString(millis), fields});
        LOG.log(record);
    }
}
