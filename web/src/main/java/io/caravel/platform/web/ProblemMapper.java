package io.caravel.platform.web;

import io.caravel.platform.CaravelException;
import io.caravel.platform.CaravelException.FieldError;
import io.caravel.platform.ProblemType;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ParamException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception that leaves a REST resource into an RFC 9457 problem response: business
 * errors keep their type, HTTP errors map by status, malformed JSON is a 400, anything unexpected is
 * a 500 that is logged with the request id and never shows a stack trace.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpHeaders headers;

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable error = unwrap(thrown);
        if (error instanceof CaravelException e) {
            return problem(e.type(), e.fieldErrors(), e.messageKey(), e.arguments());
        }
        if (error instanceof ConstraintViolationException e) {
            return problem(ProblemType.VALIDATION, fieldErrors(e.getConstraintViolations()), "error.validation");
        }
        if (isMalformedJson(error)) {
            return problem(ProblemType.MALFORMED_REQUEST, List.of(), "error.malformed-request");
        }
        if (error instanceof WebApplicationException e) {
            return fromHttpError(e);
        }
        if (DatabaseErrors.isConcurrentChange(error)) {
            return problem(ProblemType.CONFLICT, List.of(), "error.concurrent-change");
        }
        if (DatabaseErrors.isDuplicate(error)) {
            return problem(ProblemType.CONFLICT, List.of(), "error.duplicate");
        }
        if (DatabaseErrors.isUnavailable(error)) {
            LOG.warning(() -> "Database unavailable in request " + RequestIds.of(request) + " " + path() + ": " + error);
            return Response.fromResponse(problem(ProblemType.UNAVAILABLE, List.of(), "error.database-unavailable"))
                    .header("Retry-After", "10").build();
        }
        LOG.log(Level.SEVERE, "Unexpected error in request " + RequestIds.of(request) + " " + path(), error);
        return problem(ProblemType.INTERNAL, List.of(), "error.internal");
    }

    private Response fromHttpError(WebApplicationException e) {
        if (e instanceof ParamException wrongType) {
            // JAX-RS answers 404 for a query or path value it cannot convert (limit=abc): it is the caller's input
            String name = wrongType.getParameterName();
            String value = wrongType instanceof ParamException.PathParamException ? null
                    : uriInfo.getQueryParameters().getFirst(name);
            String key = causedBy(wrongType, NumberFormatException.class) ? "error.parameter.whole-number" : "error.parameter.type";
            String shown = value == null ? "" : value.length() > 60 ? value.substring(0, 60) + "…" : value;
            return problem(ProblemType.VALIDATION, List.of(new FieldError(name, key, shown)),
                    "error.validation");
        }
        int status = e.getResponse().getStatus();
        if (e instanceof NotAllowedException) {
            Set<String> allowed = e.getResponse().getAllowedMethods();
            Response response = problem(ProblemType.METHOD_NOT_ALLOWED, List.of(), "error.method-not-allowed",
                    request.getMethod(), String.join(", ", allowed));
            return Response.fromResponse(response).allow(allowed).build();
        }
        if (e instanceof NotAuthorizedException || status == 401) {
            return Response.fromResponse(problem(ProblemType.UNAUTHENTICATED, List.of(), "error.unauthenticated"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"caravel\"").build();
        }
        if (e instanceof NotSupportedException) {
            return problem(ProblemType.UNSUPPORTED_MEDIA_TYPE, List.of(), "error.unsupported-media-type",
                    String.valueOf(headers.getMediaType()));
        }
        return switch (status) {
            case 404 -> problem(ProblemType.NOT_FOUND, List.of(), "error.route-not-found", path());
            case 403 -> problem(ProblemType.FORBIDDEN, List.of(), "error.forbidden");
            case 406 -> problem(ProblemType.NOT_ACCEPTABLE, List.of(), "error.not-acceptable");
            case 400 -> problem(ProblemType.MALFORMED_REQUEST, List.of(), "error.malformed-request");
            default -> {
                if (status >= 500) {
                    LOG.log(Level.SEVERE, "HTTP " + status + " in request " + RequestIds.of(request) + " " + path(), e);
                    yield problem(ProblemType.INTERNAL, List.of(), "error.internal");
                }
                yield problem(ProblemType.forStatus(status), List.of(), "error.malformed-request");
            }
        };
    }

    private Response problem(ProblemType type, List<FieldError> fieldErrors, String detailKey, Object... arguments) {
        return Problems.response(request, type, fieldErrors, detailKey, arguments);
    }

    private String path() {
        return request.getRequestURI();
    }

    private static List<FieldError> fieldErrors(Set<ConstraintViolation<?>> violations) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            String template = violation.getMessageTemplate();
            String key = template.startsWith("{caravel.") && template.endsWith("}")
                    ? template.substring(1, template.length() - 1) : violation.getMessage();
            errors.add(new FieldError(field(violation.getPropertyPath()), key));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return errors;
    }

    /** The property path without the method and parameter nodes Bean Validation puts in front. */
    private static String field(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                names.add(node.getName());
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static boolean isMalformedJson(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonParsingException
                    || t instanceof jakarta.json.JsonException) {
                return true;
            }
        }
        return error instanceof ProcessingException;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> cause) {
        for (Throwable t = error.getCause(); t != null; t = t.getCause()) {
            if (cause.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable error = thrown;
        while (error instanceof EJBException && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }
}
