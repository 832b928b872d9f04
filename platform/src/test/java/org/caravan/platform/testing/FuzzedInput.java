package org.caravan.platform.testing;

import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import org.caravan.platform.testing.AuthorizationMatrix.Operation;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every request body, path, query and header parameter of a service's OpenAPI document, fuzzed: each field left
 * out, null, of the wrong type, past its bounds, text carrying U+0000, impossible dates, unknown enum values, and
 * values drawn by jqwik around each field's bounds; and bodies that are not JSON objects at all. Whatever is sent,
 * the answer is never 5xx; every refusal is problem+json, a 400 lists the fields it refuses, and names the fuzzed
 * one when it broke the document's rules; a refusal changes nothing in the database; a value the document allows
 * (an optional field left out) is not refused for that field. Each request is sent with a role the operation
 * admits, so validation is reached; the seed ({@code -Dcaravan.fuzz.seed}) is in every failure.
 */
final class FuzzedInput {

    /** What an answer to one fuzzed request must be. */
    enum Expect {
        /** The document's rules are broken: a 4xx, and a 400 names the field. */
        REFUSED,
        /** The document allows it: whatever the answer, it is not a refusal of this field. */
        ALLOWED,
        /** The document does not say (a coercible scalar, a text of any kind): only no 5xx and the problem rules. */
        EITHER
    }

    record Attempt(
            Operation operation, String what, String field, Expect expect, String uri, String ifMatch, String body) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String LOCAL_TIME = "2027-03-10T09:30:00";
    private static final String OFFSET_TIME = "2027-03-10T01:30:00Z";
    private static final int GENERATION_SIZE = 1000;
    /** Values jqwik draws per field, beside the fixed mutations. */
    private static final int DRAWN_PER_FIELD = 4;

    private final WebTestClient api;
    private final String baseUrl;
    private final DatabaseClient database;
    private final Function<Operation, Optional<List<String>>> rolesOf;
    private final Set<String> withoutToken;
    private final long seed;
    private final List<String> failures = new ArrayList<>();
    private JsonNode document;
    private String digestQuery;
    private int sent;

    FuzzedInput(
            String baseUrl,
            DatabaseClient database,
            Function<Operation, Optional<List<String>>> rolesOf,
            Set<String> withoutToken,
            long seed) {
        this.baseUrl = baseUrl;
        this.api = WebTestClient.bindToServer()
                .baseUrl(baseUrl)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        this.database = database;
        this.rolesOf = rolesOf;
        this.withoutToken = withoutToken;
        this.seed = seed;
    }

    /** The failures found, at most one per operation and field, each with what was sent. */
    List<String> check() {
        document = ApiDocuments.served(api);
        digestQuery = digestQuery();
        waitUntilQuiet();
        // jqwik's generators draw only inside a session; ours is seeded, so a failing run can be repeated.
        JqwikSession.start(Long.toString(seed));
        try {
            document.path("paths").properties().forEach(path -> path.getValue()
                    .properties()
                    .forEach(method -> fuzz(
                            new Operation(HttpMethod.valueOf(method.getKey().toUpperCase(Locale.ROOT)), path.getKey()),
                            method.getValue())));
        } finally {
            JqwikSession.finish();
        }
        if (sent == 0) {
            failures.add("nothing was fuzzed: the OpenAPI document lists no parameters or bodies");
        }
        return failures;
    }

    int sent() {
        return sent;
    }

    // ---- building the requests -------------------------------------------------------------------------

    private void fuzz(Operation operation, JsonNode spec) {
        List<JsonNode> parameters = new ArrayList<>();
        spec.path("parameters").forEach(parameters::add);
        JsonNode bodySchema = spec.path("requestBody")
                .path("content")
                .path(MediaType.APPLICATION_JSON_VALUE)
                .path("schema");
        documented = new java.util.HashSet<>(spec.path("responses").propertyNames());
        requiredAt.clear();
        siblingsAt.clear();
        String token = tokenFor(operation);
        boolean stream = spec.path("responses").toString().contains(MediaType.TEXT_EVENT_STREAM_VALUE);
        if (parameters.isEmpty() && bodySchema.isMissingNode() && stream) {
            return;
        }
        if (parameters.isEmpty() && bodySchema.isMissingNode()) {
            // Nothing to vary, but its answer must still be one the document lists.
            attempt(new Attempt(operation, "as it is", null, Expect.EITHER, operation.path(), null, null), token);
            return;
        }
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (JsonNode parameter : parameters) {
            if ("path".equals(parameter.path("in").asString())) {
                JsonNode schema = resolve(parameter.path("schema"));
                pathValues.put(
                        parameter.path("name").asString(),
                        "uuid".equals(schema.path("format").asString())
                                ? UUID.randomUUID().toString()
                                : "fuzz");
            }
        }
        String ifMatch = parameters.stream().anyMatch(p -> "If-Match"
                        .equalsIgnoreCase(p.path("name").asString()))
                ? "\"1\""
                : null;
        Requests requests = new Requests(operation, token, pathValues, ifMatch);
        for (JsonNode parameter : parameters) {
            if ("query".equals(parameter.path("in").asString())
                    && parameter.path("required").asBoolean()) {
                requests.query.put(
                        parameter.path("name").asString(),
                        baseline(resolve(parameter.path("schema")), 0, new ArrayList<>())
                                .asString());
            }
        }
        JsonNode baseline = bodySchema.isMissingNode()
                ? null
                : calibrated(requests, baseline(resolve(bodySchema), 0, new ArrayList<>()));
        requests.body = baseline;
        for (JsonNode parameter : parameters) {
            fuzzParameter(requests, parameter);
        }
        if (baseline != null) {
            fuzzBody(requests, resolve(bodySchema), baseline, new ArrayList<>());
            boolean bodyRequired = spec.path("requestBody").path("required").asBoolean(false);
            for (String nothing : List.of("", "null")) {
                requests.raw(
                        "the whole body as " + (nothing.isEmpty() ? "nothing" : nothing),
                        "body",
                        bodyRequired ? Expect.REFUSED : Expect.EITHER,
                        nothing);
            }
            for (String notAnObject : List.of("{", "[]", "\"text\"", "12", "[".repeat(3000))) {
                requests.raw("the whole body as " + abbreviate(notAnObject), "body", Expect.REFUSED, notAnObject);
            }
            if (baseline instanceof ObjectNode object) {
                ObjectNode extra = object.deepCopy();
                extra.put("notAFieldOfThisRequest", "fuzz");
                requests.send("an unknown field", "notAFieldOfThisRequest", Expect.EITHER, extra);
            }
        }
    }

    private String tokenFor(Operation operation) {
        if (withoutToken.contains(operation.toString())) {
            return null;
        }
        List<String> roles = rolesOf.apply(operation).orElse(List.of("coordinator"));
        String role = roles.contains("coordinator") ? "coordinator" : roles.get(0);
        return TestInfrastructure.tokens().mint("fuzz-" + role, role);
    }

    /** The requests of one operation: a baseline of valid-looking parts, each part varied in turn. */
    private final class Requests {
        final Operation operation;
        final String token;
        final Map<String, String> pathValues;
        final Map<String, String> query = new LinkedHashMap<>();
        String ifMatch;
        JsonNode body;

        Requests(Operation operation, String token, Map<String, String> pathValues, String ifMatch) {
            this.operation = operation;
            this.token = token;
            this.pathValues = pathValues;
            this.ifMatch = ifMatch;
        }

        String uri(Map<String, String> path, Map<String, String> query) {
            String uri = operation.path();
            for (Map.Entry<String, String> value : path.entrySet()) {
                uri = uri.replace(
                        "{" + value.getKey() + "}",
                        UriUtils.encodePathSegment(value.getValue(), StandardCharsets.UTF_8));
            }
            StringBuilder withQuery = new StringBuilder(uri);
            query.forEach((name, value) -> withQuery
                    .append(withQuery.indexOf("?") < 0 ? '?' : '&')
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return withQuery.toString();
        }

        EntityExchangeResult<byte[]> send(String what, String field, Expect expect, JsonNode body) {
            return raw(what, field, expect, body == null ? null : JSON.writeValueAsString(body));
        }

        EntityExchangeResult<byte[]> raw(String what, String field, Expect expect, String body) {
            return attempt(new Attempt(operation, what, field, expect, uri(pathValues, query), ifMatch, body), token);
        }

        void withPath(String name, String value, String what, Expect expect) {
            Map<String, String> path = new LinkedHashMap<>(pathValues);
            path.put(name, value);
            attempt(
                    new Attempt(
                            operation,
                            what,
                            name + "|path",
                            expect,
                            uri(path, query),
                            ifMatch,
                            body == null ? null : JSON.writeValueAsString(body)),
                    token);
        }

        /** The query with the parameter set to the value, or without it when the value is {@code null}. */
        void withQuery(String name, String value, String what, Expect expect) {
            Map<String, String> varied = new LinkedHashMap<>(query);
            if (value == null) {
                varied.remove(name);
            } else {
                varied.put(name, value);
            }
            attempt(
                    new Attempt(
                            operation,
                            what,
                            name,
                            expect,
                            uri(pathValues, varied),
                            ifMatch,
                            body == null ? null : JSON.writeValueAsString(body)),
                    token);
        }
    }

    private void fuzzParameter(Requests requests, JsonNode parameter) {
        String name = parameter.path("name").asString();
        String in = parameter.path("in").asString();
        JsonNode schema = resolve(parameter.path("schema"));
        Random random = random(requests.operation, name);
        if ("header".equals(in)) {
            if ("If-Match".equalsIgnoreCase(name)) {
                if (parameter.path("required").asBoolean()) {
                    String before = requests.ifMatch;
                    requests.ifMatch = null;
                    requests.send("If-Match left out", name, Expect.REFUSED, requests.body);
                    requests.ifMatch = before;
                }
                for (String tag : List.of("garbage", "\"-1\"", "\"", "W/\"1\"", "\"99999999999999999999\"", "*")) {
                    String before = requests.ifMatch;
                    requests.ifMatch = tag;
                    requests.send("If-Match " + tag, name, Expect.EITHER, requests.body);
                    requests.ifMatch = before;
                }
            }
            return;
        }
        if ("query".equals(in)) {
            boolean required = parameter.path("required").asBoolean();
            requests.withQuery(name, null, name + " left out", required ? Expect.REFUSED : Expect.ALLOWED);
        }
        List<Variant> variants = new ArrayList<>(scalarVariants(schema, random));
        variants.add(new Variant("text with U+0000", "a\u0000b", Expect.REFUSED));
        // Long, yet within the server's 4 KiB request line: past it, the HTTP server itself answers 414.
        variants.add(new Variant("2,000 characters", "x".repeat(2_000), Expect.EITHER));
        for (Variant variant : variants) {
            String text = variant.value instanceof JsonNode node ? node.asString() : String.valueOf(variant.value);
            if ("path".equals(in)) {
                // U+0000 in a path is refused before any handler is chosen, as "path".
                requests.withPath(name, text, name + " = " + abbreviate(text), variant.expect);
            } else if ("query".equals(in)) {
                requests.withQuery(name, text, name + " = " + abbreviate(text), variant.expect);
            }
        }
    }

    private void fuzzBody(Requests requests, JsonNode schema, JsonNode baseline, List<Object> at) {
        if (at.size() > 4) {
            return;
        }
        String field = display(at);
        Random random = random(requests.operation, field);
        if (!at.isEmpty() && !(at.get(at.size() - 1) instanceof Integer)) {
            boolean required = requiredAt.getOrDefault(field, false);
            requests.send(
                    field + " left out",
                    field,
                    required ? Expect.REFUSED : Expect.ALLOWED,
                    with(requests.body, at, null));
            requests.send(
                    field + " = null",
                    field,
                    required ? Expect.REFUSED : Expect.ALLOWED,
                    with(requests.body, at, NODES.nullNode()));
        }
        String type = schema.path("type").asString();
        if ("object".equals(type) || schema.has("properties")) {
            if (!at.isEmpty()) {
                requests.send(
                        field + " = \"text\"",
                        field,
                        Expect.REFUSED,
                        with(requests.body, at, NODES.stringNode("text")));
                requests.send(field + " = []", field, Expect.REFUSED, with(requests.body, at, NODES.arrayNode()));
            }
            schema.path("properties").properties().forEach(property -> {
                List<Object> inner = new ArrayList<>(at);
                inner.add(property.getKey());
                JsonNode value = baseline.path(property.getKey());
                if (!value.isMissingNode()) {
                    fuzzBody(requests, resolve(property.getValue()), value, inner);
                }
            });
            return;
        }
        if (at.isEmpty()) {
            return;
        }
        if ("array".equals(type)) {
            JsonNode items = resolve(schema.path("items"));
            requests.send(field + " = {}", field, Expect.REFUSED, with(requests.body, at, NODES.objectNode()));
            requests.send(
                    field + " = \"text\"", field, Expect.REFUSED, with(requests.body, at, NODES.stringNode("text")));
            ArrayNode withNull = NODES.arrayNode().add(NODES.nullNode());
            requests.send(field + " = [null]", field + "[0]", Expect.REFUSED, with(requests.body, at, withNull));
            if (schema.has("maxItems")) {
                ArrayNode tooMany = NODES.arrayNode();
                List<Object> first = new ArrayList<>(at);
                first.add(0);
                JsonNode item = baseline.size() > 0 ? baseline.get(0) : baseline(items, at.size(), first);
                for (int i = 0; i <= schema.path("maxItems").asInt(); i++) {
                    tooMany.add(item.deepCopy());
                }
                requests.send(
                        field + " with " + tooMany.size() + " items",
                        field,
                        Expect.REFUSED,
                        with(requests.body, at, tooMany));
            }
            if (baseline.size() > 0) {
                List<Object> first = new ArrayList<>(at);
                first.add(0);
                fuzzBody(requests, items, baseline.get(0), first);
            }
            return;
        }
        for (Variant variant : scalarVariants(schema, random)) {
            JsonNode value =
                    variant.value instanceof JsonNode node ? node : NODES.stringNode(String.valueOf(variant.value));
            requests.send(
                    field + " = " + abbreviate(JSON.writeValueAsString(value)),
                    field,
                    variant.expect,
                    with(requests.body, at, value));
        }
        if (!"string".equals(type)) {
            requests.send(field + " = {}", field, Expect.REFUSED, with(requests.body, at, NODES.objectNode()));
            requests.send(field + " = []", field, Expect.REFUSED, with(requests.body, at, NODES.arrayNode()));
        } else {
            requests.send(field + " = {}", field, Expect.REFUSED, with(requests.body, at, NODES.objectNode()));
        }
    }

    /** Whether each body field ("needs[0].role") is required by the schema that holds it. */
    private final Map<String, Boolean> requiredAt = new TreeMap<>();
    /** The success answers the operation being fuzzed documents. */
    private Set<String> documented = Set.of();

    private final Map<String, Set<String>> siblingsAt = new TreeMap<>();

    record Variant(String what, Object value, Expect expect) {}

    /** The values a scalar field (or parameter) is tried with: fixed edge cases and jqwik's draws. */
    private List<Variant> scalarVariants(JsonNode schema, Random random) {
        List<Variant> variants = new ArrayList<>();
        String type = schema.path("type").asString();
        String format = schema.path("format").asString();
        switch (type) {
            case "integer", "number" -> {
                boolean integer = "integer".equals(type);
                BigInteger min = schema.has("minimum") ? schema.path("minimum").bigIntegerValue() : null;
                BigInteger max = schema.has("maximum") ? schema.path("maximum").bigIntegerValue() : null;
                BigInteger limit = "int32".equals(format)
                        ? BigInteger.valueOf(Integer.MAX_VALUE)
                        : BigInteger.valueOf(Long.MAX_VALUE);
                if (max != null) {
                    variants.add(new Variant(
                            "above its maximum", NODES.numberNode(max.add(BigInteger.ONE)), Expect.REFUSED));
                }
                if (min != null) {
                    variants.add(new Variant(
                            "below its minimum", NODES.numberNode(min.subtract(BigInteger.ONE)), Expect.REFUSED));
                }
                if (integer) {
                    variants.add(
                            new Variant("past its type", NODES.numberNode(limit.add(BigInteger.ONE)), Expect.REFUSED));
                    variants.add(new Variant(
                            "far past its type", NODES.numberNode(limit.negate().multiply(limit)), Expect.REFUSED));
                    variants.add(new Variant("a fraction", NODES.numberNode(1.5), Expect.EITHER));
                }
                variants.add(new Variant(
                        "1e309",
                        NODES.numberNode(new java.math.BigDecimal("1e309")),
                        integer || max != null ? Expect.REFUSED : Expect.EITHER));
                variants.add(new Variant("a word", NODES.stringNode("many"), Expect.REFUSED));
                variants.add(new Variant("true", NODES.booleanNode(true), Expect.EITHER));
                BigInteger low = (min == null ? limit.negate() : min).subtract(BigInteger.TEN);
                BigInteger high = (max == null ? limit : max).add(BigInteger.TEN);
                Arbitrary<BigInteger> around = Arbitraries.bigIntegers()
                        .between(low, high)
                        .withDistribution(net.jqwik.api.RandomDistribution.biased());
                for (int i = 0; i < DRAWN_PER_FIELD; i++) {
                    BigInteger drawn = draw(around, random);
                    boolean inside = (min == null || drawn.compareTo(min) >= 0)
                            && (max == null || drawn.compareTo(max) <= 0)
                            && drawn.compareTo(limit) <= 0
                            && drawn.compareTo(limit.negate().subtract(BigInteger.ONE)) >= 0;
                    variants.add(new Variant(
                            "drawn " + drawn, NODES.numberNode(drawn), inside ? Expect.ALLOWED : Expect.REFUSED));
                }
            }
            case "boolean" -> {
                variants.add(new Variant("a word", NODES.stringNode("perhaps"), Expect.REFUSED));
                variants.add(new Variant("a number", NODES.numberNode(7), Expect.EITHER));
            }
            case "string" -> {
                if (schema.has("enum")) {
                    variants.add(new Variant("an unknown value", NODES.stringNode("NOT_ONE_OF_THEM"), Expect.REFUSED));
                    variants.add(new Variant(
                            "lower case",
                            NODES.stringNode(
                                    schema.path("enum").get(0).asString().toLowerCase(Locale.ROOT)),
                            Expect.EITHER));
                } else if ("uuid".equals(format)) {
                    variants.add(new Variant("not a UUID", NODES.stringNode("not-a-uuid"), Expect.REFUSED));
                    variants.add(new Variant(
                            "an unknown UUID",
                            NODES.stringNode(UUID.randomUUID().toString()),
                            Expect.EITHER));
                } else if ("date-time".equals(format) || "date".equals(format)) {
                    String suffix = "date".equals(format) ? "" : "T09:30:00";
                    variants.add(new Variant(
                            "year +999999999", NODES.stringNode("+999999999-01-01" + suffix), Expect.REFUSED));
                    variants.add(new Variant(
                            "year -999999999", NODES.stringNode("-999999999-01-01" + suffix), Expect.REFUSED));
                    variants.add(new Variant("30 February", NODES.stringNode("2027-02-30" + suffix), Expect.REFUSED));
                    variants.add(new Variant("not a date", NODES.stringNode("next tuesday"), Expect.REFUSED));
                    Arbitrary<Integer> years = Arbitraries.integers()
                            .between(-99_999, 99_999)
                            .withDistribution(net.jqwik.api.RandomDistribution.biased());
                    for (int i = 0; i < DRAWN_PER_FIELD; i++) {
                        int year = draw(years, random);
                        variants.add(new Variant(
                                "drawn year " + year,
                                NODES.stringNode(String.format(
                                        Locale.ROOT,
                                        year > 9999 ? "+%d-03-10%s" : year < 0 ? "%05d-03-10%s" : "%04d-03-10%s",
                                        year,
                                        suffix)),
                                Expect.EITHER));
                    }
                } else {
                    int maxLength = schema.path("maxLength").asInt(0);
                    if ("email".equals(format)) {
                        variants.add(new Variant("not an e-mail address", NODES.stringNode("fuzz"), Expect.REFUSED));
                    }
                    if (schema.has("pattern")) {
                        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(
                                schema.path("pattern").asString());
                        for (String unlike : List.of("fuzz", "25:61", "")) {
                            if (!pattern.matcher(unlike).matches()) {
                                variants.add(new Variant(
                                        "not of its pattern: \"" + unlike + "\"",
                                        NODES.stringNode(unlike),
                                        Expect.REFUSED));
                            }
                        }
                    }
                    if (maxLength > 0) {
                        variants.add(new Variant(
                                "one character too long", NODES.stringNode("x".repeat(maxLength + 1)), Expect.REFUSED));
                    }
                    if (schema.path("minLength").asInt(0) > 0) {
                        variants.add(new Variant("empty", NODES.stringNode(""), Expect.REFUSED));
                    }
                    variants.add(new Variant("blank", NODES.stringNode("   "), Expect.EITHER));
                    variants.add(new Variant(
                            "emoji and right-to-left text", NODES.stringNode("志愿 🎻 \u202Eعربي"), Expect.EITHER));
                    Arbitrary<String> texts = Arbitraries.strings()
                            .withCharRange('\u0000', '\uD7FF')
                            .ofMaxLength(maxLength > 0 ? maxLength + 5 : 300);
                    for (int i = 0; i < DRAWN_PER_FIELD; i++) {
                        String drawn = draw(texts, random);
                        boolean nul = drawn.indexOf('\u0000') >= 0;
                        boolean tooLong = maxLength > 0 && drawn.length() > maxLength;
                        variants.add(new Variant(
                                "drawn text",
                                NODES.stringNode(drawn),
                                nul || tooLong ? Expect.REFUSED : Expect.EITHER));
                    }
                }
                variants.add(new Variant("a number", NODES.numberNode(42), Expect.EITHER));
            }
            default -> {}
        }
        return variants;
    }

    private <T> T draw(Arbitrary<T> arbitrary, Random random) {
        return arbitrary.generator(GENERATION_SIZE, true).next(random).value();
    }

    private Random random(Operation operation, String field) {
        return new Random(seed ^ (operation + " " + field).hashCode());
    }

    // ---- a baseline body from the schema -----------------------------------------------------------------

    private JsonNode baseline(JsonNode schema, int depth, List<Object> at) {
        String type = schema.path("type").asString();
        if ("object".equals(type) || schema.has("properties")) {
            ObjectNode object = NODES.objectNode();
            Set<String> required = new java.util.HashSet<>();
            schema.path("required").forEach(name -> required.add(name.asString()));
            if (depth < 5) {
                schema.path("properties").properties().forEach(property -> {
                    List<Object> inner = new ArrayList<>(at);
                    inner.add(property.getKey());
                    requiredAt.put(display(inner), required.contains(property.getKey()));
                    siblingsAt.put(
                            display(inner),
                            new java.util.LinkedHashSet<>(
                                    schema.path("properties").propertyNames()));
                    object.set(property.getKey(), baseline(resolve(property.getValue()), depth + 1, inner));
                });
            }
            return object;
        }
        if ("array".equals(type)) {
            ArrayNode array = NODES.arrayNode();
            List<Object> first = new ArrayList<>(at);
            first.add(0);
            requiredAt.put(display(first), true);
            if (schema.path("maxItems").asInt(1) > 0) {
                array.add(baseline(resolve(schema.path("items")), depth + 1, first));
            }
            return array;
        }
        String format = schema.path("format").asString();
        return switch (type) {
            case "integer", "number" -> {
                long value = 1;
                if (schema.has("minimum") && schema.path("minimum").asLong() > value) {
                    value = schema.path("minimum").asLong();
                }
                if (schema.has("maximum") && schema.path("maximum").asLong() < value) {
                    value = schema.path("maximum").asLong();
                }
                yield NODES.numberNode(value);
            }
            case "boolean" -> NODES.booleanNode(true);
            default -> {
                if (schema.has("enum")) {
                    yield NODES.stringNode(schema.path("enum").get(0).asString());
                }
                if (schema.has("example") && schema.path("example").isString()) {
                    String example = schema.path("example").asString();
                    String last = at.isEmpty() ? "" : String.valueOf(at.get(at.size() - 1));
                    boolean closing = last.equals("to") || last.startsWith("end") || last.equals("until");
                    if (closing && example.matches("\\d\\d:\\d\\d")) {
                        // A window's end after its start: an hour on from the example.
                        example = String.format(
                                Locale.ROOT,
                                "%02d%s",
                                (Integer.parseInt(example.substring(0, 2)) + 1) % 24,
                                example.substring(2));
                    }
                    yield NODES.stringNode(example);
                }
                if ("uuid".equals(format)) {
                    yield NODES.stringNode(UUID.randomUUID().toString());
                }
                if ("date-time".equals(format)) {
                    String last = at.isEmpty()
                            ? ""
                            : String.valueOf(at.get(at.size() - 1)).toLowerCase(Locale.ROOT);
                    yield NODES.stringNode(last.contains("end") ? LOCAL_TIME.replace("09:30", "11:30") : LOCAL_TIME);
                }
                if ("date".equals(format)) {
                    yield NODES.stringNode("2027-03-10");
                }
                if ("email".equals(format)) {
                    yield NODES.stringNode("fuzz@example.org");
                }
                if (schema.has("pattern")) {
                    yield NODES.stringNode(matching(schema.path("pattern").asString()));
                }
                int minLength = schema.path("minLength").asInt(0);
                yield NODES.stringNode(minLength > 4 ? "f".repeat(minLength) : "fuzz");
            }
        };
    }

    /** A value of the pattern: its first alternative when it lists words, else the first common form it takes. */
    static String matching(String regex) {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
        List<String> candidates = new ArrayList<>();
        String bare = regex.replaceAll("^\\^|\\$$", "");
        if (bare.startsWith("(") && bare.endsWith(")")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        candidates.add(bare.split("\\|")[0]);
        candidates.addAll(List.of("CNY", "fuzz", "FUZZ", "09:30", "+8613800138000", "a@example.org", "1"));
        return candidates.stream()
                .filter(candidate -> pattern.matcher(candidate).matches())
                .findFirst()
                .orElse("fuzz");
    }

    /**
     * The baseline with each date and time in the form its field reads: a local one where the service takes
     * site-local times, one with an offset where it takes an instant, as the refusal of the first form says.
     */
    private JsonNode calibrated(Requests requests, JsonNode baseline) {
        JsonNode body = baseline;
        for (int round = 0; round < 6; round++) {
            requests.body = body;
            EntityExchangeResult<byte[]> answer = requests.send("the baseline", null, Expect.EITHER, body);
            if (answer == null || answer.getStatus().value() != 400) {
                return body;
            }
            JsonNode problem = json(answer.getResponseBodyContent());
            boolean changed = false;
            for (JsonNode error : problem.path("errors")) {
                String field = error.path("field").asString();
                if (error.path("message").asString().contains("with its offset")) {
                    JsonNode current = at(body, parse(field));
                    if (current != null && !current.asString().endsWith("Z")) {
                        body = with(
                                body,
                                parse(field),
                                NODES.stringNode(
                                        current.asString().equals(LOCAL_TIME)
                                                ? OFFSET_TIME
                                                : OFFSET_TIME.replace("01:30", "03:30")));
                        changed = true;
                    }
                } else if (!requiredAt.getOrDefault(display(parse(field)), true) && at(body, parse(field)) != null) {
                    // An optional field whose rules the schema cannot say (a reachable webhook URL): left out.
                    body = with(body, parse(field), null);
                    changed = true;
                }
            }
            if (!changed) {
                return body;
            }
        }
        return body;
    }

    // ---- sending and judging ------------------------------------------------------------------------------

    private EntityExchangeResult<byte[]> attempt(Attempt attempt, String token) {
        Map<String, String> before = digest();
        EntityExchangeResult<byte[]> answer = send(attempt, token);
        int status = answer.getStatus().value();
        if (status >= 400 && status < 500 && !before.equals(digest())) {
            // Another context's consumer or sweep may have written meanwhile: a refusal that stores must do it again.
            waitUntilQuiet();
            before = digest();
            answer = send(attempt, token);
            Map<String, String> after = digest();
            if (answer.getStatus().is4xxClientError() && !before.equals(after)) {
                fail(attempt, answer, "was refused but changed " + changed(before, after));
            }
        }
        judge(attempt, answer);
        if (answer.getStatus().is2xxSuccessful()) {
            waitUntilQuiet();
        }
        return answer;
    }

    private EntityExchangeResult<byte[]> send(Attempt attempt, String token) {
        sent++;
        WebTestClient.RequestBodySpec request = api.method(attempt.operation().method())
                .uri(URI.create(baseUrl + attempt.uri()))
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                    if (attempt.ifMatch() != null) {
                        h.set("If-Match", attempt.ifMatch());
                    }
                });
        WebTestClient.RequestHeadersSpec<?> ready = attempt.body() == null
                ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(attempt.body());
        return ready.exchange().expectBody(byte[].class).returnResult();
    }

    private void judge(Attempt attempt, EntityExchangeResult<byte[]> answer) {
        int status = answer.getStatus().value();
        if (status >= 500) {
            fail(attempt, answer, "answered " + status);
            return;
        }
        if (status >= 400) {
            MediaType type = answer.getResponseHeaders().getContentType();
            if (type == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type)) {
                fail(attempt, answer, "answered " + status + " as " + type + ", not problem+json");
                return;
            }
        }
        if (status < 300
                && !documented.contains(String.valueOf(status))
                && !documented.contains("default")
                && reported.add(attempt.operation() + " answered " + status)) {
            fail(attempt, answer, "answered " + status + ", which the API document does not list (" + documented + ")");
        }
        List<String> refused = new ArrayList<>();
        if (status == 400) {
            JsonNode problem = json(answer.getResponseBodyContent());
            for (JsonNode error : problem.path("errors")) {
                String field = error.path("field").asString("");
                if (field.isBlank() || error.path("message").asString("").isBlank()) {
                    fail(attempt, answer, "refused a field without naming it or saying why");
                    return;
                }
                refused.add(field);
            }
            if (refused.isEmpty()) {
                fail(attempt, answer, "answered 400 without errors[] naming a field");
                return;
            }
        }
        switch (attempt.expect()) {
            case REFUSED -> {
                if (status < 400) {
                    fail(attempt, answer, "accepted it (" + status + ")");
                } else if (status == 400 && attempt.field() != null && !names(refused, attempt.field())) {
                    fail(attempt, answer, "refused it naming " + refused + ", not " + attempt.field());
                }
            }
            case ALLOWED -> {
                if (status == 400
                        && attempt.field() != null
                        && names(refused, attempt.field())
                        && !oneOfSeveral(attempt, answer)) {
                    fail(attempt, answer, "refused " + attempt.field() + ", which the API document allows");
                }
            }
            case EITHER -> {}
        }
    }

    /**
     * A field left out (or null) that the document cannot call required, because one of it and a sibling is (a pledge for
     * a visit or for a site): allowed when the refusal names that sibling, as the caller then knows what to send.
     */
    private boolean oneOfSeveral(Attempt attempt, EntityExchangeResult<byte[]> answer) {
        if (!(attempt.what().endsWith(" left out") || attempt.what().endsWith(" = null")) || attempt.body() == null) {
            return false;
        }
        List<Object> at = parse(attempt.field());
        String left = String.valueOf(at.get(at.size() - 1));
        for (JsonNode error : json(answer.getResponseBodyContent()).path("errors")) {
            String message = error.path("message").asString("");
            for (String sibling : siblingsAt.getOrDefault(display(at), Set.of())) {
                if (!sibling.equals(left)
                        && message.matches("(?s).*\\b" + java.util.regex.Pattern.quote(sibling) + "\\b.*")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A refusal names the field if it gives its path, or the path of what holds it or is held by it. */
    static boolean names(List<String> refused, String field) {
        if (field.contains("|")) {
            return java.util.Arrays.stream(field.split("\\|")).anyMatch(one -> names(refused, one));
        }
        String plain = field.replaceAll("\\[\\d+]", "");
        for (String named : refused) {
            String namedPlain = named.replaceAll("\\[\\d+]", "");
            if (named.equals(field)
                    || namedPlain.equals(plain)
                    || namedPlain.startsWith(plain + ".")
                    || plain.startsWith(namedPlain + ".")
                    || plain.endsWith("." + namedPlain)
                    || ("body".equals(named) && "body".equals(field))) {
                return true;
            }
        }
        return false;
    }

    private final Set<String> reported = new java.util.HashSet<>();

    private void fail(Attempt attempt, EntityExchangeResult<byte[]> answer, String why) {
        if (!reported.add(attempt.operation() + " " + attempt.field() + " " + why.replaceAll("\\d+", "#"))) {
            return;
        }
        byte[] body = answer.getResponseBodyContent();
        failures.add(attempt.operation() + " with " + attempt.what() + " " + why + " (seed " + seed + ")"
                + "\n    sent " + attempt.operation().method() + " " + abbreviate(attempt.uri())
                + (attempt.body() == null ? "" : " " + abbreviate(attempt.body()))
                + "\n    got " + answer.getStatus().value() + " "
                + abbreviate(body == null ? "" : new String(body, StandardCharsets.UTF_8)));
    }

    // ---- the database, before and after ---------------------------------------------------------------------

    private String digestQuery() {
        List<String> tables = database.sql(
                        "select table_name from information_schema.tables where table_schema = current_schema()"
                                + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'"
                                + " order by table_name")
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .block();
        List<String> parts = new ArrayList<>();
        for (String table : Objects.requireNonNull(tables)) {
            String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
            // The relay marks outbox rows published in the background: what a refusal must not do is add one.
            parts.add(
                    "outbox_event".equals(table)
                            ? "select '" + table + "', count(*)::text from " + quoted
                            : "select '" + table
                                    + "', md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from " + quoted
                                    + " t");
        }
        return String.join(" union all ", parts);
    }

    private Map<String, String> digest() {
        Map<String, String> digest = new TreeMap<>();
        database.sql(digestQuery)
                .map(row -> Map.entry(row.get(0, String.class), String.valueOf(row.get(1, String.class))))
                .all()
                .doOnNext(entry -> digest.put(entry.getKey(), entry.getValue()))
                .blockLast(Duration.ofSeconds(30));
        return digest;
    }

    private static List<String> changed(Map<String, String> before, Map<String, String> after) {
        return before.keySet().stream()
                .filter(table -> !Objects.equals(before.get(table), after.get(table)))
                .toList();
    }

    /** Until the database holds still for a moment: what other contexts, relays and consumers do settles. */
    private void waitUntilQuiet() {
        java.util.concurrent.atomic.AtomicReference<Map<String, String>> last =
                new java.util.concurrent.atomic.AtomicReference<>(digest());
        try {
            org.awaitility.Awaitility.await()
                    .pollDelay(Duration.ofMillis(250))
                    .pollInterval(Duration.ofMillis(250))
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> {
                        Map<String, String> now = digest();
                        return now.equals(last.getAndSet(now));
                    });
        } catch (org.awaitility.core.ConditionTimeoutException stillBusy) {
            // A context that never settles is judged as it is: a refusal that stores is then tried again.
        }
    }

    // ---- JSON paths --------------------------------------------------------------------------------------------

    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asString().replace("#/components/schemas/", "");
            return resolve(document.path("components").path("schemas").path(name));
        }
        if (schema.has("allOf") && schema.path("allOf").size() == 1) {
            return resolve(schema.path("allOf").get(0));
        }
        return schema;
    }

    static String display(List<Object> at) {
        StringBuilder path = new StringBuilder();
        for (Object segment : at) {
            if (segment instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(segment);
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    static List<Object> parse(String field) {
        List<Object> at = new ArrayList<>();
        for (String part : field.split("\\.")) {
            java.util.regex.Matcher indexed =
                    java.util.regex.Pattern.compile("([^\\[]*)((?:\\[\\d+])*)").matcher(part);
            if (indexed.matches()) {
                if (!indexed.group(1).isEmpty()) {
                    at.add(indexed.group(1));
                }
                java.util.regex.Matcher index =
                        java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(indexed.group(2));
                while (index.find()) {
                    at.add(Integer.parseInt(index.group(1)));
                }
            }
        }
        return at;
    }

    private static JsonNode at(JsonNode body, List<Object> at) {
        JsonNode node = body;
        for (Object segment : at) {
            node = segment instanceof Integer index ? node.path(index) : node.path((String) segment);
        }
        return node.isMissingNode() ? null : node;
    }

    /** A copy of the body with the value at the path replaced, or removed when the value is {@code null}. */
    static JsonNode with(JsonNode body, List<Object> at, JsonNode value) {
        JsonNode copy = body.deepCopy();
        if (at.isEmpty()) {
            return value;
        }
        JsonNode parent = copy;
        for (Object segment : at.subList(0, at.size() - 1)) {
            parent = segment instanceof Integer index ? parent.path(index) : parent.path((String) segment);
        }
        Object last = at.get(at.size() - 1);
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove((String) last);
            } else {
                object.set((String) last, value);
            }
        } else if (parent instanceof ArrayNode array && last instanceof Integer index && index < array.size()) {
            if (value == null) {
                array.remove(index.intValue());
            } else {
                array.set(index, value);
            }
        }
        return copy;
    }

    private static JsonNode json(byte[] body) {
        try {
            return body == null ? NODES.objectNode() : JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return NODES.objectNode();
        }
    }

    private static String abbreviate(String text) {
        String visible = text.replace("\u0000", "\\u0000");
        return visible.length() > 300
                ? visible.substring(0, 300) + "... (" + visible.length() + " characters)"
                : visible;
    }
}
