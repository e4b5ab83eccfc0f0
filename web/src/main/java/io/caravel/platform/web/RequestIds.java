package io.caravel.platform.web;

import io.caravel.platform.Ids;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * The request id of an HTTP request: the caller's {@code X-Request-Id} when it is a sane token,
 * otherwise a new one. Kept as a request attribute so the authentication mechanism, filters and
 * error handlers all report the same id.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    public static String of(HttpServletRequest request) {
        Object known = request.getAttribute(ATTRIBUTE);
        if (known instanceof String id) {
            return id;
        }
        String given = request.getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : Ids.newId();
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }
}
