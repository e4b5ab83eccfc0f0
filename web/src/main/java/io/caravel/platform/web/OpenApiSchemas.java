package io.caravel.platform.web;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * What OpenApiFilter does to the document's schemas: the maps Payara's scanner writes as bare
 * objects get their value type (a generated client then reads {@code Map<String, Long>}, not
 * {@code Object}; annotating the fields instead makes Payara write every attribute's default, among
 * them {@code maxProperties: 0}), and schemas no operation reaches (internal types the scanner met)
 * and shared answers no operation refers to leave the document.
 */
final class OpenApiSchemas {

    private static final Logger LOG = Logger.getLogger(OpenApiSchemas.class.getName());
    static final String SCHEMAS = "#/components/schemas/";

    private OpenApiSchemas() {
    }

    static void typeMaps(Components components) {
        components.addSchema("FacetCount", OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("How many matching products have this value")
                .addProperty("value", text("A category, brand key, country, or a price band such as 10-25 (from 10 to under 25)"))
                .addProperty("count", count("Matching products"))
                .required(List.of("value", "count")));
        map(components, "SearchPage", "facets", OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(SCHEMAS + "FacetCount")),
                "Facet counts by dimension (category, brand, origin, shipsFrom, price), most first");
        map(components, "RiskSummary", "byCategory", count(null),
                "Events per risk category (MARKET, COMPLIANCE, LOGISTICS, PAYMENT, IP, DATA, PLATFORM_RULES)");
        map(components, "RiskSummary", "bySeverity", count(null), "Events per severity (BLOCK, REVIEW, INFO)");
        map(components, "Week", "byCategory", count(null), "That week's events per risk category");
        map(components, "Finding", "values", text(null),
                "Each source's value of the field, by source: order, payment, waybill, inventory or rule");
        map(components, "TransferReport", "byRoute", count(null), "Transfers per route, from->to (e.g. DE->CN)");
    }

    private static void map(Components components, String schema, String property, Schema values, String description) {
        Schema owner = components.getSchemas().get(schema);
        Schema map = owner == null || owner.getProperties() == null ? null : owner.getProperties().get(property);
        if (map == null) {
            LOG.warning(() -> "OpenAPI: no property " + schema + "." + property + " to give its value type (renamed?)");
            return;
        }
        map.type(Schema.SchemaType.OBJECT).additionalPropertiesSchema(values).description(description);
    }

    /** Removes the component schemas no path, parameter, body, answer or reached schema refers to, and unused answers. */
    static void withoutUnused(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<String> reached = new HashSet<>();
        Deque<Schema> pending = new ArrayDeque<>();
        Consumer<Schema> reach = schema -> {
            if (schema != null) {
                pending.push(schema);
            }
        };
        Consumer<Content> reachContent = content -> {
            if (content != null && content.getMediaTypes() != null) {
                content.getMediaTypes().values().forEach(media -> reach.accept(media.getSchema()));
            }
        };
        if (api.getComponents().getResponses() != null) {
            api.getComponents().getResponses().values().forEach(response -> reachContent.accept(response.getContent()));
        }
        api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> reach.accept(parameter.getSchema()));
            }
            if (operation.getRequestBody() != null) {
                reachContent.accept(operation.getRequestBody().getContent());
            }
            if (operation.getResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(response -> reachContent.accept(response.getContent()));
            }
        }));
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            String ref = schema.getRef();
            if (ref != null && ref.startsWith(SCHEMAS) && reached.add(ref.substring(SCHEMAS.length()))) {
                reach.accept(schemas.get(ref.substring(SCHEMAS.length())));
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(reach);
            }
            reach.accept(schema.getItems());
            reach.accept(schema.getAdditionalPropertiesSchema());
            reach.accept(schema.getNot());
            for (List<Schema> group : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (group != null) {
                    group.forEach(reach);
                }
            }
        }
        for (String name : Set.copyOf(schemas.keySet())) {
            if (!reached.contains(name)) {
                api.getComponents().removeSchema(name);
            }
        }
        // a shared problem answer every operation words for itself (422) is no longer referred to
        Set<String> answers = new HashSet<>();
        api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation ->
                operation.getResponses().getAPIResponses().values().forEach(response -> {
                    if (response.getRef() != null) {
                        answers.add(response.getRef().substring(response.getRef().lastIndexOf('/') + 1));
                    }
                })));
        Set.copyOf(api.getComponents().getResponses().keySet()).stream().filter(name -> !answers.contains(name))
                .forEach(api.getComponents()::removeResponse);
    }

    static Schema text(String description) {
        return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
    }

    private static Schema count(String description) {
        return OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int64").description(description);
    }
}
