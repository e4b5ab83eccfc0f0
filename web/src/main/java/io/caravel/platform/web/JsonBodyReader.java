package io.caravel.platform.web;

import io.caravel.platform.CaravelException;
import io.caravel.platform.CaravelException.FieldError;
import io.caravel.platform.JsonP;
import io.caravel.platform.ProblemType;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.BufferedInputStream;
import java.io.IOException;
import jakarta.annotation.Priority;
import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads every JSON request body: JSON-P parses it (a body that is not JSON, or nests too deep, is a
 * 400), a body read as raw JSON ({@code JsonObject}) is handed over as it is; one that binds to a Java
 * type is checked against it by {@link JsonShape} (field by field, naming what is allowed), and only
 * then JSON-B binds it. Bodies read as text or bytes are left to the built-in readers.
 * <p>
 * Its priority puts it ahead of Jersey's own JSON-B reader, which accepts the same media types and
 * types: without it the choice between the two depended on the order the server found them in, and
 * some starts answered a wrong field with a bare "malformed request" instead of naming the field.
 */
@Provider
@Priority(1000)
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonBodyReader implements MessageBodyReader<Object> {

    private static final Logger LOG = Logger.getLogger(JsonBodyReader.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return !(type == String.class || type == byte[].class
                || InputStream.class.isAssignableFrom(type) || Reader.class.isAssignableFrom(type));
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        InputStream body = entity.markSupported() ? entity : new BufferedInputStream(entity);
        body.mark(1);
        if (body.read() < 0) {
            return null; // no body: the resource decides whether it needs one
        }
        body.reset();
        JsonValue json;
        try (JsonReader reader = JsonP.PROVIDER.createReader(new java.io.InputStreamReader(body, StandardCharsets.UTF_8))) {
            json = reader.readValue();
        } catch (JsonParsingException e) {
            throw new CaravelException(ProblemType.MALFORMED_REQUEST, "error.malformed-json", location(e));
        } catch (RuntimeException e) {
            // not JSON at all, or nested deeper than the parser allows (Parsson throws a bare RuntimeException)
            throw new CaravelException(ProblemType.MALFORMED_REQUEST, "error.malformed-request");
        }
        if (JsonValue.class.isAssignableFrom(type)) {
            if (!type.isInstance(json)) {
                throw new CaravelException(ProblemType.VALIDATION, List.of(new FieldError("body", "error.json.object")),
                        "error.validation");
            }
            return json;
        }
        List<FieldError> errors = JsonShape.check(json, genericType);
        if (!errors.isEmpty()) {
            throw new CaravelException(ProblemType.VALIDATION, errors, "error.validation");
        }
        try {
            return JSONB.fromJson(json.toString(), genericType);
        } catch (JsonbException e) {
            // the shape check passed, so this is a case it does not know yet: say so without internals
            LOG.log(Level.WARNING, "JSON-B could not bind a checked body to " + genericType, e);
            throw new CaravelException(ProblemType.VALIDATION, List.of(new FieldError("body", "error.json.unbindable")),
                    "error.validation");
        }
    }

    private static String location(JsonParsingException e) {
        return e.getLocation() == null ? "?" : "line " + e.getLocation().getLineNumber() + ", column "
                + e.getLocation().getColumnNumber();
    }
}
