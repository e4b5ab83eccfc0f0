package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document as an integrator's tools read it: valid for the standard parser (what
 * openapi-generator runs first), every operation named, tagged, answered, secured or marked public,
 * its errors described as problem+json; and equal to the snapshot {@code docs/openapi.json} that the
 * generated client is built from ({@code -Dopenapi.update=true} rewrites the snapshot).
 */
@SharedServer.Use
class OpenApiIT {

    static final String PROBLEM = "#/components/schemas/Problem";
    private static final Set<String> TOP_LEVEL = Set.of("openapi", "info", "jsonSchemaDialect", "servers", "paths",
            "webhooks", "components", "security", "tags", "externalDocs");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @SharedServer.Base
    private URL base;

    private String served;
    private JsonObject document;

    @BeforeEach
    void download() {
        Api.Response response = new Api(base.toString()).send("GET", "/openapi", null, null, "Accept", "application/json");
        assertThat(response.status()).isEqualTo(200);
        served = response.body();
        document = Json.createReader(new StringReader(served)).readObject();
    }

    @Test
    void theStandardParserFindsNothingWrong() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(served, null, options);
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
    }

    @Test
    void everyOperationIsNamedTaggedAnsweredAndSecured() {
        List<String> problems = new ArrayList<>();
        document.keySet().stream().filter(key -> !TOP_LEVEL.contains(key))
                .forEach(key -> problems.add("top level: '" + key + "' is not an OpenAPI field"));
        Map<String, String> tags = new TreeMap<>();
        for (JsonValue value : document.getJsonArray("tags")) {
            JsonObject tag = value.asJsonObject();
            if (tags.put(tag.getString("name"), tag.getString("description", "")) != null) {
                problems.add("tag '" + tag.getString("name") + "' is declared twice");
            }
            if (tag.getString("description", "").isBlank()) {
                problems.add("tag '" + tag.getString("name") + "' has no description");
            }
        }
        for (JsonValue server : document.getJsonArray("servers")) {
            if (server.asJsonObject().getString("url").contains("localhost")) {
                problems.add("server URL is wired to " + server.asJsonObject().getString("url"));
            }
        }
        Set<String> schemes = document.getJsonObject("components").getJsonObject("securitySchemes").keySet();
        Set<String> operationIds = new HashSet<>();
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.keySet()) {
            for (Map.Entry<String, JsonValue> entry : paths.getJsonObject(path).entrySet()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                String name = entry.getKey().toUpperCase() + " " + path;
                JsonObject operation = entry.getValue().asJsonObject();
                String id = operation.getString("operationId", "");
                if (id.isBlank()) {
                    problems.add(name + ": no operationId");
                } else if (!operationIds.add(id)) {
                    problems.add(name + ": operationId '" + id + "' is used twice");
                }
                JsonArray operationTags = operation.getJsonArray("tags");
                if (operationTags == null || operationTags.isEmpty()) {
                    problems.add(name + ": no tag");
                } else {
                    operationTags.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString)
                            .filter(tag -> !tags.containsKey(tag))
                            .forEach(tag -> problems.add(name + ": tag '" + tag + "' is not declared"));
                }
                problems.addAll(security(name, operation, schemes));
                problems.addAll(responses(name, operation));
                problems.addAll(requestBody(name, operation));
            }
        }
        assertThat(problems).as("what the document does not tell an integrator").isEmpty();
    }

    /** Every operation names its security, or is marked public with an empty requirement ({}). */
    private List<String> security(String name, JsonObject operation, Set<String> schemes) {
        List<String> problems = new ArrayList<>();
        JsonArray security = operation.getJsonArray("security");
        JsonObject responses = operation.getJsonObject("responses");
        boolean marked = security != null && !security.isEmpty();
        boolean isPublic = marked && security.stream().allMatch(requirement -> requirement.asJsonObject().isEmpty());
        if (!marked) {
            problems.add(name + ": neither a security requirement nor marked public (security: [{}])");
        } else if (!isPublic) {
            security.forEach(requirement -> requirement.asJsonObject().keySet().stream().filter(s -> !schemes.contains(s))
                    .forEach(s -> problems.add(name + ": unknown security scheme " + s)));
            if (responses == null || !responses.containsKey("401")) {
                problems.add(name + ": needs sign-in but declares no 401");
            }
        }
        return problems;
    }

    /** A 2xx answer with a schema for its JSON; every 4xx and 5xx a problem+json document. */
    private List<String> responses(String name, JsonObject operation) {
        List<String> problems = new ArrayList<>();
        JsonObject responses = operation.getJsonObject("responses");
        if (responses == null || responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
            problems.add(name + ": no 2xx response");
            return problems;
        }
        for (String code : responses.keySet()) {
            JsonObject response = resolve(responses.getJsonObject(code));
            JsonObject content = response.getJsonObject("content");
            if (code.startsWith("4") || code.startsWith("5")) {
                JsonObject problem = content == null ? null : content.getJsonObject("application/problem+json");
                if (problem == null || !problem.containsKey("schema")
                        || !PROBLEM.equals(problem.getJsonObject("schema").getString("$ref", ""))) {
                    problems.add(name + ": " + code + " is not described as an application/problem+json Problem");
                }
            } else if (content != null) {
                content.forEach((type, media) -> {
                    if (untyped(media.asJsonObject())) {
                        problems.add(name + ": " + code + " " + type + " has no schema, or an empty object");
                    }
                });
            }
        }
        return problems;
    }

    private List<String> requestBody(String name, JsonObject operation) {
        List<String> problems = new ArrayList<>();
        if (operation.containsKey("requestBody")) {
            JsonObject content = resolve(operation.getJsonObject("requestBody")).getJsonObject("content");
            if (content == null || content.isEmpty()) {
                problems.add(name + ": request body without a media type");
            } else {
                content.forEach((type, media) -> {
                    if (untyped(media.asJsonObject())) {
                        problems.add(name + ": request body " + type + " has no schema, or an empty object");
                    }
                });
            }
        }
        return problems;
    }

    /** No schema, or a bare {"type": "object"}: what a generator turns into an untyped Object. */
    private static boolean untyped(JsonObject media) {
        JsonObject schema = media.getJsonObject("schema");
        return schema == null || schema.equals(Json.createObjectBuilder().add("type", "object").build());
    }

    @Test
    void servedDocumentIsTheSnapshotTheClientIsGeneratedFrom() throws Exception {
        Path snapshot = Paths.get(System.getProperty("caravel.openapi.snapshot", "../docs/openapi.json"));
        String canonical = canonical(document);
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(snapshot, canonical, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(snapshot) ? Files.readString(snapshot, StandardCharsets.UTF_8) : "";
        assertThat(committed)
                .as("The served /openapi differs from %s, which the generated client is built from. If the API change is"
                        + " meant, refresh it: mvn -pl web verify -Pit-only -Dit.test=OpenApiIT -Dopenapi.update=true,"
                        + " and commit the file", snapshot.toAbsolutePath().normalize())
                .isEqualTo(canonical);
    }

    /**
     * The document pretty-printed with every object's keys sorted, so the snapshot diffs well and never reorders;
     * but a body's media types stay in the served order, as generators send a body the first way it lists.
     */
    static String canonical(JsonObject document) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.write(sorted(document));
        }
        return out.toString().strip() + "\n";
    }

    private static JsonValue sorted(JsonValue value) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder builder = Json.createObjectBuilder();
            new TreeMap<>(object).forEach((key, inner) -> builder.add(key, "content".equals(key) && inner instanceof JsonObject
                    media ? inServedOrder(media) : sorted(inner)));
            return builder.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder builder = Json.createArrayBuilder();
            array.forEach(inner -> builder.add(sorted(inner)));
            return builder.build();
        }
        return value;
    }

    private static JsonObject inServedOrder(JsonObject content) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        content.forEach((type, media) -> builder.add(type, sorted(media)));
        return builder.build();
    }

    private JsonObject resolve(JsonObject object) {
        while (object.containsKey("$ref")) {
            JsonObject target = document;
            for (String part : object.getString("$ref").substring(2).split("/")) {
                target = target.getJsonObject(part);
            }
            object = target;
        }
        return object;
    }
}
