package io.caravel.platform.web;

import static io.caravel.platform.web.OpenApiSchemas.text;

import io.caravel.channel.Channels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * What every operation of the OpenAPI document shares, said once (mp.openapi.filter): the server URL
 * from {@code caravel.api.public-url} (default {@code /}, so the document works behind any host); the
 * public operations (those naming no security scheme) marked with an empty requirement; the success
 * status instead of Payara's "default"; bytes for files; the {@code Problem} schema; and the problem
 * answers an operation can give by its shape: 401/403/429 when it needs sign-in, 400 with parameters
 * or a body, 404 with an id in the path or a query parameter, 409 for a write, 412 with If-Match, 413/415 with a body, 422
 * with Idempotency-Key, 500/503 always. An operation declares the others itself, or its own wording of
 * these ({@code @APIResponse} without content gets the Problem schema here). Maps get their value
 * types and unreachable schemas go ({@link OpenApiSchemas}).
 */
public class OpenApiFilter implements OASFilter {

    static final String PUBLIC_URL = "caravel.api.public-url";
    private static final String PROBLEM_JSON = Problems.MEDIA_TYPE;
    private static final String SCHEMAS = OpenApiSchemas.SCHEMAS;

    /** The shared problem answers: status → component name and what it means. */
    private static final Map<String, String[]> PROBLEMS = new LinkedHashMap<>();

    static {
        PROBLEMS.put("400", new String[]{"BadRequest", "The body is not valid JSON (malformed-request) or fields or parameters are"
                + " invalid (validation: errors names them)"});
        PROBLEMS.put("401", new String[]{"Unauthenticated", "No credentials, or wrong ones (an unknown, expired or revoked token)"});
        PROBLEMS.put("403", new String[]{"Forbidden", "Signed in without the role or ownership this needs, a token where the password is"
                + " needed, or a password that must be changed first (password-change-required)"});
        PROBLEMS.put("404", new String[]{"NotFound", "No such resource, or not one the caller may see"});
        PROBLEMS.put("409", new String[]{"Conflict", "Conflicts with the current state (a duplicate, a step already taken), or lost"
                + " a race with a concurrent change: read again and retry"});
        PROBLEMS.put("412", new String[]{"PreconditionFailed", "If-Match names an older version: read again and retry"});
        PROBLEMS.put("413", new String[]{"PayloadTooLarge", "The body is over its size limit"});
        PROBLEMS.put("415", new String[]{"UnsupportedMediaType", "The body's media type is not accepted"});
        PROBLEMS.put("422", new String[]{"IdempotencyKeyReused", "The Idempotency-Key came before with a different body"});
        PROBLEMS.put("429", new String[]{"TooManyRequests", "Too many wrong passwords for this account from this address;"
                + " Retry-After says when to try again"});
        PROBLEMS.put("500", new String[]{"InternalError", "A fault on Caravel's side, logged with the request id"});
        PROBLEMS.put("503", new String[]{"ServiceUnavailable", "Not ready, or the database cannot be reached just now; nothing was"
                + " done (Retry-After)"});
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        String url = ConfigProvider.getConfig(getClass().getClassLoader()).getOptionalValue(PUBLIC_URL, String.class).orElse("/");
        api.setServers(List.of(OASFactory.createServer().url(url).description("Caravel (" + PUBLIC_URL + ")")));
        withoutPayaraEndpoints(api);
        // each resource class repeats its tag; the application declares them once, with descriptions
        Map<String, Tag> tags = new TreeMap<>();
        api.getTags().forEach(tag -> tags.merge(tag.getName(), tag, (a, b) -> a.getDescription() != null ? a : b));
        api.setTags(new ArrayList<>(tags.values()));
        api.getComponents().addSchema("FieldError", object("An invalid field: its path and what is wrong, in the caller's language")
                .addProperty("field", text("The field's path, e.g. parties[0].role"))
                .addProperty("message", text("What is wrong with it")).required(List.of("field", "message")));
        api.getComponents().addSchema("Problem", object("An RFC 9457 problem: every error Caravel answers (application/problem+json)")
                .addProperty("type", text("Stable problem type, https://caravel.io/problems/<slug>").format("uri"))
                .addProperty("title", text("Short summary of the type, in the caller's language"))
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status"))
                .addProperty("detail", text("What happened in this case, in the caller's language"))
                .addProperty("instance", text("The request's path"))
                .addProperty("requestId", text("The request's id, as in the X-Request-Id header and the server log"))
                .addProperty("errors", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).description("The invalid fields (validation)")
                        .items(OASFactory.createSchema().ref(SCHEMAS + "FieldError")))
                .required(List.of("type", "title", "status")));
        PROBLEMS.forEach((status, problem) -> api.getComponents().addResponse(problem[0], OASFactory.createAPIResponse()
                .description(problem[1]).content(problemContent())));
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                complete(path, method, operation)));
        OpenApiSchemas.typeMaps(api.getComponents());
        OpenApiSchemas.withoutUnused(api);
    }

    private void complete(String path, HttpMethod method, Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            // public (@SecurityRequirementsSet without requirements): one empty requirement, "no credentials needed"
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
        }
        summarised(operation);
        success(operation.getResponses());
        binary(operation);
        boolean signIn = operation.getSecurity().stream().anyMatch(r -> !r.getSchemes().isEmpty());
        boolean basic = operation.getSecurity().stream().anyMatch(r -> r.hasScheme("basic"));
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        Map<String, MediaType> body = operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                ? Map.of() : operation.getRequestBody().getContent().getMediaTypes();
        APIResponses responses = operation.getResponses();
        boolean write = method != HttpMethod.GET;

        add(responses, "400", !body.isEmpty() || has(parameters, p -> p.getIn() == Parameter.In.QUERY));
        add(responses, "401", signIn || has(parameters, p -> Channels.HEADER.equalsIgnoreCase(p.getName())));
        add(responses, "403", signIn);
        // an id in the path, or one a query parameter names (account-health?sellerId=…)
        add(responses, "404", path.contains("{") || has(parameters, p -> p.getIn() == Parameter.In.QUERY && p.getName().endsWith("Id")));
        add(responses, "409", write);
        add(responses, "412", has(parameters, p -> "If-Match".equalsIgnoreCase(p.getName())));
        add(responses, "413", body.keySet().stream().anyMatch(type -> !type.contains("json")));
        add(responses, "415", !body.isEmpty());
        add(responses, "422", has(parameters, p -> "Idempotency-Key".equalsIgnoreCase(p.getName())));
        add(responses, "429", basic);
        add(responses, "500", true);
        add(responses, "503", true);
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.matches("[45]\\d\\d") && response.getRef() == null
                    && (response.getContent() == null || !response.getContent().hasMediaType(PROBLEM_JSON))) {
                response.setContent(problemContent());
            }
        });
    }

    /**
     * Each resource's {@code @Operation} summary says all in one sentence; the document shows its first
     * clause as the summary (what a client lists) and the whole sentence as the description.
     */
    private static void summarised(Operation operation) {
        String text = operation.getSummary();
        if (text == null || operation.getDescription() != null) {
            return;
        }
        int cut = text.length();
        for (String separator : List.of(": ", "; ", " (", ", ", " — ")) {
            int at = text.indexOf(separator);
            if (at > 0 && at < cut) {
                cut = at;
            }
        }
        operation.setSummary(text.substring(0, cut));
        operation.setDescription(text);
    }

    /**
     * Payara answers an operation that declares no response with a "default" one; the document says what
     * the operation answers on success: 200 (204 when JAX-RS returns nothing).
     */
    private static void success(APIResponses responses) {
        APIResponse fallback = responses.getDefaultValue();
        if (fallback == null) {
            return;
        }
        responses.removeAPIResponse(APIResponses.DEFAULT);
        if (responses.getAPIResponses().keySet().stream().noneMatch(status -> status.startsWith("2"))) {
            boolean empty = fallback.getContent() == null || fallback.getContent().getMediaTypes().isEmpty();
            responses.addAPIResponse(empty ? "204" : "200", fallback.description(empty ? "Done; no content" : "OK"));
        }
    }

    /**
     * Files up and down: a body or answer in a media type other than JSON is bytes, unless the operation
     * describes it. A download names JSON only for its problem answers, so JSON leaves its success response.
     */
    private static void binary(Operation operation) {
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            Content body = operation.getRequestBody().getContent();
            if (body.getMediaTypes().size() > 1) {
                body.removeMediaType(jakarta.ws.rs.core.MediaType.WILDCARD); // @Consumes("*/*") beside the types the operation names
            }
            body.getMediaTypes().forEach((type, media) -> {
                if (type.equals(jakarta.ws.rs.core.MediaType.MULTIPART_FORM_DATA) && undescribed(media.getSchema())) {
                    media.setSchema(OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                            .addProperty(Upload.PART, bytes().description("The file")).required(List.of(Upload.PART)));
                } else if (!type.contains("json") && undescribed(media.getSchema())) {
                    media.setSchema(bytes());
                }
            });
            // generators send a body the first way its content lists: an upload as a form, which every client can send
            MediaType form = body.getMediaType(jakarta.ws.rs.core.MediaType.MULTIPART_FORM_DATA);
            if (form != null && body.getMediaTypes().size() > 1) {
                Map<String, MediaType> formFirst = new java.util.LinkedHashMap<>();
                formFirst.put(jakarta.ws.rs.core.MediaType.MULTIPART_FORM_DATA, form);
                formFirst.putAll(body.getMediaTypes());
                body.setMediaTypes(formFirst);
            }
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            Content content = response.getContent();
            if (content != null) {
                // Payara lends a text schema the properties of an unrelated type; text has none
                content.getMediaTypes().values().stream().map(MediaType::getSchema).filter(schema -> schema != null
                        && schema.getType() == Schema.SchemaType.STRING).forEach(schema -> schema.setProperties(null));
            }
            if (status.startsWith("2") && content != null
                    && content.getMediaTypes().values().stream().allMatch(media -> undescribed(media.getSchema()))
                    && content.getMediaTypes().keySet().stream().anyMatch(type -> !type.contains("json"))) {
                content.removeMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
                content.getMediaTypes().values().forEach(media -> media.setSchema(bytes()));
            }
        });
    }

    /** What Payara writes for a {@code Response} or stream: an object without anything in it. */
    private static boolean undescribed(Schema schema) {
        return schema == null || schema.getRef() == null && (schema.getProperties() == null || schema.getProperties().isEmpty())
                && schema.getDescription() == null && schema.getAdditionalPropertiesSchema() == null
                && (schema.getType() == null || schema.getType() == Schema.SchemaType.OBJECT);
    }

    private static Schema bytes() {
        return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("binary");
    }

    private static void add(APIResponses responses, String status, boolean applies) {
        if (applies && !responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref("#/components/responses/" + PROBLEMS.get(status)[0]));
        }
    }

    private static boolean has(List<Parameter> parameters, Predicate<Parameter> test) {
        return parameters.stream().anyMatch(test);
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(PROBLEM_JSON, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(SCHEMAS + "Problem")));
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT).description(description);
    }

    /**
     * Payara adds an {@code endpoints} map at the top of the document, which is no OpenAPI field (generators
     * refuse it) and no setting turns off; its model keeps it behind a public setter, so empty it there.
     */
    private static void withoutPayaraEndpoints(OpenAPI api) {
        try {
            api.getClass().getMethod("setEndpoints", Map.class).invoke(api, new TreeMap<>()); // empty: not written
        } catch (ReflectiveOperationException | RuntimeException notPayara) {
            // another implementation: nothing to remove
        }
    }
}
