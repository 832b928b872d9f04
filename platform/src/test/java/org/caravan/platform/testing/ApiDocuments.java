package org.caravan.platform.testing;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAPI document in one canonical text, so that a committed snapshot and the served document compare equal
 * exactly when they describe the same API: parsed, object keys sorted at every depth, the top-level {@code servers}
 * (the test's random port) removed, pretty-printed with a final newline.
 */
final class ApiDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Two-space indents, {@code "name": value}, one element per line: as {@code JSON.stringify(document, null, 2)}. */
    private static final ObjectWriter PRETTY = JSON.writer()
            .with(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                            .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator(""))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private ApiDocuments() {}

    /** The document the service under test serves, parsed. */
    static JsonNode served(org.springframework.test.web.reactive.server.WebTestClient api) {
        return api.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    static String normalise(String document) {
        JsonNode tree = JSON.readTree(document);
        if (tree instanceof ObjectNode object) {
            object.remove("servers");
        }
        return PRETTY.writeValueAsString(sorted(tree)) + "\n";
    }

    static boolean updateRequested(String systemProperty, String environment) {
        return "true".equalsIgnoreCase(systemProperty) || "true".equalsIgnoreCase(environment);
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            names.sort(null);
            ObjectNode copy = JSON.createObjectNode();
            for (String name : names) {
                copy.set(name, sorted(object.get(name)));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.createArrayNode();
            for (JsonNode element : array) {
                copy.add(sorted(element));
            }
            return copy;
        }
        return node;
    }
}
