package io.caravel.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Requests a hostile tester would send, generated from the served OpenAPI document: every operation
 * with hostile path and query values, and with bodies built from its schema where each field in turn
 * gets a wrong type, null, a null inside a list, a number beyond range, an absurd exponent, an
 * unknown enum value, a huge or strange text, plus bodies that are not JSON at all. Payloads never
 * contain the internal names the answers are checked for, so an echo cannot pass for a leak.
 */
final class HostileInput {

    /** What an answer must never contain: Java packages and classes, stack frames, SQL state. */
    static final Pattern INTERNALS = Pattern.compile(
            "io\\.caravel\\.|java\\.[a-z]|jakarta\\.[a-z]|javax\\.|org\\.(eclipse|camunda|h2|mariadb|glassfish|apache|jboss)"
                    + "|Exception|\\tat |\\bSQL(State)?\\b|ORA-|Hibernate|EclipseLink|Yasson|Payara");

    static final List<String> TEXTS = List.of("", " ", "0", "-1", "99999999999999999999", "1e999", "../../etc/passwd",
            "%00", "' OR '1'='1", "\" ; drop table caravel_user; --", "<script>alert(1)</script>", "𠮷😀\u0000\u202e",
            "null", "true", "+999999999-12-31T23:59:59Z", "2026-13-45", "x".repeat(5000), "${jndi:ldap://127.0.0.1/a}",
            "#{7*7}", "\\u0000");

    static final List<JsonValue> VALUES = List.of(JsonValue.NULL, JsonValue.TRUE, JsonValue.EMPTY_JSON_OBJECT,
            JsonValue.EMPTY_JSON_ARRAY, Json.createArrayBuilder().addNull().build(), Json.createValue(-4294967286L),
            Json.createValue(4294968296L), Json.createValue(new java.math.BigDecimal("1e2147483647")),
            Json.createValue(new java.math.BigDecimal("-1e-2147483647")), Json.createValue(1.5),
            Json.createValue("NOT_A_VALUE"), Json.createValue("x".repeat(20_000)), Json.createValue("𠮷😀<b>"),
            Json.createValue(""), Json.createValue(-1), Json.createValue(0));

    static final List<String> RAW_BODIES = List.of("", "{", "[]", "null", "\"text\"", "42", "{\"a\":}",
            "[".repeat(3000) + "]".repeat(3000), "{\"a\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2001), "\u0000\u0001",
            "<xml/>");

    /**
     * One request: method, path with query, body and content type (both may be null), and the
     * operation of the document it calls ({@code operation} is its entry under the path).
     * {@code inContract}: a client that follows the document could send it — every path value is
     * there (an empty one reaches another path) and free of what the HTTP server refuses before the
     * application sees it (a backslash or NUL: a bare 400), and there is a body only where the
     * operation takes one (the HTTP server refuses a GET with a body the same way).
     */
    record Probe(String method, String path, String contentType, String body, String template, JsonObject operation,
                 boolean inContract) {
    }

    private final JsonObject document;
    private final Random random = new Random(20261126L);

    HostileInput(JsonObject openApi) {
        this.document = openApi;
    }

    /** Every operation of the document with hostile values, {@code rounds} times over. */
    List<Probe> probes(Map<String, String> realIds, int rounds) {
        List<Probe> probes = new ArrayList<>();
        JsonObject paths = document.getJsonObject("paths");
        for (int round = 0; round < rounds; round++) {
            for (String template : paths.keySet()) {
                JsonObject item = paths.getJsonObject(template);
                for (String method : item.keySet()) {
                    if (!List.of("get", "post", "put", "delete", "patch").contains(method)) {
                        continue;
                    }
                    JsonObject operation = item.getJsonObject(method);
                    String verb = method.toUpperCase();
                    String path = fillPath(template, realIds, round);
                    boolean routable = routable(template, path);
                    boolean takesBody = operation.containsKey("requestBody");
                    String query = query(operation);
                    JsonObject schema = bodySchema(operation);
                    if (schema == null) {
                        probes.add(new Probe(verb, path + query, null, null, template, operation, routable));
                        probes.add(new Probe(verb, path, "application/json", RAW_BODIES.get(random.nextInt(RAW_BODIES.size())),
                                template, operation, routable && takesBody));
                        continue;
                    }
                    JsonValue valid = example(schema, 0);
                    probes.add(new Probe(verb, path + query, "application/json", valid.toString(), template, operation, routable));
                    for (String raw : RAW_BODIES) {
                        probes.add(new Probe(verb, path, "application/json", raw, template, operation, routable));
                    }
                    probes.add(new Probe(verb, path, "text/plain", valid.toString(), template, operation, routable));
                    probes.add(new Probe(verb, path, "application/xml", "<a/>", template, operation, routable));
                    if (valid instanceof JsonObject object) {
                        for (String field : object.keySet()) {
                            for (JsonValue hostile : VALUES) {
                                probes.add(new Probe(verb, path, "application/json", with(object, field, hostile).toString(), template, operation, routable));
                            }
                        }
                        probes.addAll(nested(verb, path, object, template, operation, routable));
                    }
                }
            }
        }
        return probes;
    }

    /** Lists of objects get a null element and a hostile field inside an element. */
    private List<Probe> nested(String verb, String path, JsonObject object, String template, JsonObject operation,
                               boolean routable) {
        List<Probe> probes = new ArrayList<>();
        for (Map.Entry<String, JsonValue> field : object.entrySet()) {
            if (field.getValue() instanceof jakarta.json.JsonArray array && !array.isEmpty()
                    && array.get(0) instanceof JsonObject element) {
                for (String inner : element.keySet()) {
                    JsonValue hostile = VALUES.get(random.nextInt(VALUES.size()));
                    JsonArrayBuilder list = Json.createArrayBuilder().add(with(element, inner, hostile)).addNull();
                    probes.add(new Probe(verb, path, "application/json", with(object, field.getKey(), list.build()).toString(), template, operation, routable));
                }
            }
        }
        return probes;
    }

    /** Whether every path value in {@code path} is non-empty and holds no backslash or NUL. */
    private static boolean routable(String template, String path) {
        String pattern = java.util.regex.Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E([^/]+)\\\\Q");
        java.util.regex.Matcher values = java.util.regex.Pattern.compile(pattern).matcher(path);
        if (!values.matches()) {
            return false;
        }
        for (int i = 1; i <= values.groupCount(); i++) {
            String value = values.group(i).toUpperCase(java.util.Locale.ROOT);
            if (value.contains("%5C") || value.contains("%00")) {
                return false;
            }
        }
        return true;
    }

    private String fillPath(String template, Map<String, String> realIds, int round) {
        String path = template;
        while (path.contains("{")) {
            int open = path.indexOf('{');
            int close = path.indexOf('}', open);
            String name = path.substring(open + 1, close);
            String value = round % 3 == 0 && realIds.containsKey(name) ? realIds.get(name)
                    : TEXTS.get(random.nextInt(TEXTS.size()));
            path = path.substring(0, open) + encode(value) + path.substring(close + 1);
        }
        return path;
    }

    private String query(JsonObject operation) {
        if (!operation.containsKey("parameters")) {
            return "";
        }
        StringBuilder query = new StringBuilder();
        for (JsonValue p : operation.getJsonArray("parameters")) {
            JsonObject parameter = resolve(p.asJsonObject());
            if (!"query".equals(parameter.getString("in", ""))) {
                continue;
            }
            query.append(query.length() == 0 ? "?" : "&").append(encode(parameter.getString("name"))).append('=')
                    .append(encode(TEXTS.get(random.nextInt(TEXTS.size()))));
        }
        return query.toString();
    }

    private JsonObject bodySchema(JsonObject operation) {
        if (!operation.containsKey("requestBody")) {
            return null;
        }
        JsonObject content = resolve(operation.getJsonObject("requestBody")).getJsonObject("content");
        if (content == null || !content.containsKey("application/json")) {
            return null;
        }
        JsonObject media = content.getJsonObject("application/json");
        return media.containsKey("schema") ? resolve(media.getJsonObject("schema")) : null;
    }

    /** A plausible value for a schema: enums take their first value, strings a word, numbers a small one. */
    private JsonValue example(JsonObject schema, int depth) {
        schema = resolve(schema);
        if (depth > 6) {
            return JsonValue.NULL;
        }
        if (schema.containsKey("enum")) {
            return schema.getJsonArray("enum").get(0);
        }
        String type = schema.getString("type", schema.containsKey("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                JsonObjectBuilder object = Json.createObjectBuilder();
                if (schema.containsKey("properties")) {
                    for (Map.Entry<String, JsonValue> property : schema.getJsonObject("properties").entrySet()) {
                        object.add(property.getKey(), example(property.getValue().asJsonObject(), depth + 1));
                    }
                }
                return object.build();
            }
            case "array" -> {
                JsonArrayBuilder array = Json.createArrayBuilder();
                if (schema.containsKey("items")) {
                    array.add(example(schema.getJsonObject("items"), depth + 1));
                }
                return array.build();
            }
            case "integer" -> {
                return Json.createValue(1);
            }
            case "number" -> {
                return Json.createValue(new java.math.BigDecimal("9.99"));
            }
            case "boolean" -> {
                return JsonValue.FALSE;
            }
            default -> {
                String format = schema.getString("format", "");
                return Json.createValue(switch (format) {
                    case "date" -> "2026-12-01";
                    case "date-time" -> "2026-12-01T10:00:00Z";
                    default -> "probe " + random.nextInt(1_000_000);
                });
            }
        }
    }

    private JsonObject resolve(JsonObject schema) {
        int guard = 0;
        while (schema.containsKey("$ref") && guard++ < 10) {
            String[] parts = schema.getString("$ref").substring(2).split("/");
            JsonObject target = document;
            for (String part : parts) {
                target = target.getJsonObject(part);
            }
            schema = target;
        }
        return schema;
    }

    private static JsonObject with(JsonObject object, String field, JsonValue value) {
        return Json.createObjectBuilder(object).add(field, value).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
