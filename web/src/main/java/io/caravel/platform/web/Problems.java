package io.caravel.platform.web;

import io.caravel.platform.CaravelException.FieldError;
import io.caravel.platform.JsonP;
import io.caravel.platform.Messages;
import io.caravel.platform.ProblemType;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Builds RFC 9457 problem documents: the one shape of every error the API returns, whether it
 * comes from a resource, the security layer or the container's error handling.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /** A problem document with a translated title and detail. */
    public static JsonObject json(ProblemType type, Locale locale, String instance, String requestId,
                                  List<FieldError> fieldErrors, String detailKey, Object... arguments) {
        JsonObjectBuilder body = JsonP.PROVIDER.createObjectBuilder()
                .add("type", type.uri().toString())
                .add("title", Messages.text(locale, type.titleKey()))
                .add("status", type.status())
                .add("detail", Messages.text(locale, detailKey, arguments));
        if (instance != null) {
            body.add("instance", instance);
        }
        if (requestId != null) {
            body.add("requestId", requestId);
        }
        if (!fieldErrors.isEmpty()) {
            JsonArrayBuilder errors = JsonP.PROVIDER.createArrayBuilder();
            for (FieldError error : fieldErrors) {
                errors.add(JsonP.PROVIDER.createObjectBuilder()
                        .add("field", error.field())
                        .add("message", Messages.text(locale, error.messageKey(), error.arguments())));
            }
            body.add("errors", errors);
        }
        return body.build();
    }

    /** A JAX-RS response carrying a problem for the current request. */
    public static Response response(HttpServletRequest request, ProblemType type, List<FieldError> fieldErrors,
                                    String detailKey, Object... arguments) {
        String requestId = RequestIds.of(request);
        return Response.status(type.status())
                .type(MEDIA_TYPE)
                .header(RequestIds.HEADER, requestId)
                .entity(json(type, request.getLocale(), request.getRequestURI(), requestId, fieldErrors, detailKey,
                        arguments).toString())
                .build();
    }

    /** Writes a problem straight to a servlet response (security layer, container error pages). */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemType type,
                             String instance, String detailKey, Object... arguments) throws IOException {
        JsonObject body = json(type, request.getLocale(), instance, RequestIds.of(request), List.of(), detailKey,
                arguments);
        response.setStatus(type.status());
        response.setHeader(RequestIds.HEADER, RequestIds.of(request));
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body.toString());
    }
}
