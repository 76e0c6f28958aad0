package org.olympiad.competitions.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.platform.testing.TestTokens;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input against every operation of every service, generated from the OpenAPI document each service serves,
 * so that a new endpoint is covered without anyone writing a case for it. For each operation the test derives a
 * plausible body from the request schema and then breaks it in every way a careless or hostile client would:
 * malformed JSON, a body of the wrong shape, each field with the wrong type, an unknown enum value, a string far
 * beyond any sensible length, null, a missing required field, an unknown field; a path identifier that is not one;
 * query parameters of the wrong type or outside their enum; and, once per service, a body over the size limit.
 * <p>
 * Every answer must be a 4xx with {@code application/problem+json} (never a 5xx, never a 2xx for broken input), and
 * nothing may be written: each request carries an {@code X-Request-Id} starting with {@code hostile-}, and afterwards
 * no service's outbox and no audit record holds an event with such a request id. Values are drawn from a seeded
 * random source; the seed is printed, and {@code -Dhostile.seed=N} replays a run.
 */
class HostileInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String REQUEST_ID_PREFIX = "hostile-";

    static Suite suite;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final long seed = Long.getLong("hostile.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final AtomicInteger sent = new AtomicInteger();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();

    @BeforeAll
    static void startSuite() throws Exception {
        suite = Suite.start();
    }

    @Test
    void every_operation_refuses_broken_input_with_a_problem_and_writes_nothing() throws Exception {
        Map<String, Integer> operationsPerService = new LinkedHashMap<>();
        for (String service : Suite.SERVICES) {
            JsonNode api = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(suite.url(service) + "/q/openapi?format=json"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            int operations = 0;
            boolean oversizedSent = false;
            for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    Operation operation = new Operation(service, op.getKey().toUpperCase(), path.getKey(), op.getValue(), api);
                    operations++;
                    attack(operation);
                    if (!oversizedSent && operation.body() != null) {
                        // one body over the service's size limit (8 MB is above every limit the services set)
                        send(operation, operation.concretePath(false), operation.query(null, null),
                                "{\"x\":\"" + "a".repeat(9 * 1024 * 1024) + "\"}", "a body over the size limit");
                        oversizedSent = true;
                    }
                }
            }
            operationsPerService.put(service, operations);
        }

        List<String> written = writtenByHostileRequests();
        System.out.printf("hostile input: seed %d, %d operations %s, %d requests sent, answers by status %s, "
                        + "refused wrongly %d, written %d%n", seed, operationsPerService.values().stream().mapToInt(i -> i).sum(),
                operationsPerService, sent.get(), statuses, failures.size(), written.size());
        failures.stream().limit(60).forEach(f -> System.out.println("  wrong answer: " + f));
        assertThat(operationsPerService.values()).allMatch(n -> n > 0);
        assertThat(failures).as("answers that were not a 4xx problem+json (seed " + seed + ")").isEmpty();
        assertThat(written).as("events written by hostile requests").isEmpty();
    }

    /** Every broken variant of one operation. */
    private void attack(Operation op) throws Exception {
        String path = op.concretePath(false);
        String query = op.query(null, null);
        if (op.pathHasIdentifier()) {
            send(op, op.concretePath(true), query, op.bodyText(op.plausibleBody()), "a path identifier that is not a UUID");
        }
        for (JsonNode parameter : op.queryParameters()) {
            String name = parameter.path("name").asText();
            JsonNode schema = op.resolve(parameter.path("schema"));
            String broken = brokenQueryValue(schema);
            if (broken != null) {
                send(op, path, op.query(name, broken), op.bodyText(op.plausibleBody()), "query " + name + "=" + abbreviate(broken));
            }
        }
        if (op.body() == null) {
            return;
        }
        send(op, path, query, "{\"unterminated\": [1, 2", "malformed JSON");
        send(op, path, query, "", "an empty body");
        JsonNode bodySchema = op.resolve(op.body());
        String shape = bodySchema.path("type").asText("object");
        for (String wrong : shape.equals("array") ? List.of("{}", "\"text\"", "17", "true") : List.of("[]", "\"text\"", "17", "true")) {
            send(op, path, query, wrong, "a body of the wrong shape: " + wrong);
        }
        if (!shape.equals("object")) {
            return;
        }
        ObjectNode plausible = (ObjectNode) op.plausibleBody();
        ObjectNode unknown = plausible.deepCopy();
        unknown.put("noSuchField" + random.nextInt(1000), random.nextInt());
        send(op, path, query, unknown.toString(), "an unknown field");
        for (String required : op.required(bodySchema)) {
            ObjectNode missing = plausible.deepCopy();
            missing.remove(required);
            send(op, path, query, missing.toString(), "required field " + required + " missing");
        }
        for (Iterator<Map.Entry<String, JsonNode>> properties = bodySchema.path("properties").fields(); properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode schema = op.resolve(property.getValue());
            for (Map.Entry<String, JsonNode> broken : brokenValues(schema, op).entrySet()) {
                ObjectNode body = plausible.deepCopy();
                body.set(property.getKey(), broken.getValue());
                send(op, path, query, body.toString(), property.getKey() + ": " + broken.getKey());
            }
        }
    }

    /** Values a field of this schema must refuse, each with what it is. */
    private Map<String, JsonNode> brokenValues(JsonNode schema, Operation op) {
        Map<String, JsonNode> broken = new LinkedHashMap<>();
        String type = schema.path("type").asText("");
        boolean nullable = schema.path("nullable").asBoolean(false);
        if (schema.has("enum")) {
            broken.put("an unknown enum value", NODES.textNode("no_such_" + Integer.toHexString(random.nextInt())));
            broken.put("a number for an enum", NODES.numberNode(random.nextInt(100)));
            return broken;
        }
        switch (type) {
            case "string" -> {
                String format = schema.path("format").asText("");
                if (format.equals("uuid")) {
                    broken.put("a UUID that is not one", NODES.textNode("not-a-uuid-" + random.nextInt(1000)));
                } else if (format.equals("date") || format.equals("date-time")) {
                    broken.put("a date that is not one", NODES.textNode("2026-13-" + (32 + random.nextInt(60))));
                } else {
                    // far beyond any name, title or comment a person types; under the 1 MB body limit
                    broken.put("a string of 200,000 characters", NODES.textNode(randomText(200_000)));
                }
                broken.put("an object for a string", NODES.objectNode().put("nested", random.nextInt()));
            }
            case "integer", "number" -> {
                broken.put("text for a number", NODES.textNode("twelve"));
                broken.put("a number beyond 64 bits", NODES.numberNode(new java.math.BigInteger("9".repeat(30 + random.nextInt(20)))));
            }
            case "boolean" -> broken.put("a string for a boolean", NODES.textNode("maybe"));
            case "array" -> {
                broken.put("a string for a list", NODES.textNode("a, b"));
                broken.put("a list of 20,000 broken items", hugeArray());
            }
            case "object" -> broken.put("a list for an object", NODES.arrayNode().add(1).add(2));
            default -> {
                // a schema without a type (free jsonb): its own validation must still refuse a nested shape bomb
                broken.put("a deeply nested value", deeplyNested(200 + random.nextInt(200)));
            }
        }
        return broken;
    }

    private String brokenQueryValue(JsonNode schema) {
        if (schema.has("enum")) {
            return "no_such_" + Integer.toHexString(random.nextInt());
        }
        return switch (schema.path("type").asText("")) {
            case "integer", "number" -> random.nextBoolean() ? "twelve" : "9".repeat(40);
            case "boolean" -> "maybe";
            case "string" -> switch (schema.path("format").asText("")) {
                case "uuid" -> "not-a-uuid";
                case "date", "date-time" -> "2026-13-45";
                default -> null;
            };
            default -> null;
        };
    }

    private void send(Operation op, String path, String query, String body, String what) throws Exception {
        String requestId = REQUEST_ID_PREFIX + UUID.randomUUID();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.url(op.service()) + path + query))
                .timeout(Duration.ofSeconds(30))
                .header("X-Request-Id", requestId)
                .header("Accept", op.accept());
        op.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        if (body == null) {
            request.method(op.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(op.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            // a server may close the connection on a body over its limit before reading it all: a refusal, not a fault
            if (what.startsWith("a body over")) {
                sent.incrementAndGet();
                statuses.merge("closed", 1, Integer::sum);
                return;
            }
            throw e;
        }
        sent.incrementAndGet();
        int status = response.statusCode();
        statuses.merge(String.valueOf(status), 1, Integer::sum);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        boolean refused = status >= 400 && status < 500;
        if (!refused || !contentType.startsWith("application/problem+json")) {
            failures.add(op.service() + " " + op.method() + " " + op.template() + " with " + what + " -> " + status + " "
                    + contentType + " " + abbreviate(response.body()));
        }
    }

    /** Events in any service's outbox, and audit records, that carry a hostile request id. */
    private List<String> writtenByHostileRequests() throws Exception {
        List<String> written = new ArrayList<>();
        for (String service : Suite.SERVICES) {
            try (Connection c = Suite.database(service);
                 Statement s = c.createStatement()) {
                if (!service.equals("audit")) { // audit-service only consumes: it has no outbox
                    try (ResultSet rows = s.executeQuery("select type, payload->>'requestId' from outbox_events "
                            + "where payload->>'requestId' like '" + REQUEST_ID_PREFIX + "%'")) {
                        while (rows.next()) {
                            written.add(service + " outbox: " + rows.getString(1) + " " + rows.getString(2));
                        }
                    }
                }
                if (service.equals("audit")) {
                    try (ResultSet audit = s.executeQuery("select action, request_id from competition_audit_logs "
                            + "where request_id like '" + REQUEST_ID_PREFIX + "%'")) {
                        while (audit.next()) {
                            written.add("audit log: " + audit.getString(1) + " " + audit.getString(2));
                        }
                    }
                }
            }
        }
        return written;
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        String alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяABCXYZ 0123456789";
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private ArrayNode hugeArray() {
        ArrayNode items = NODES.arrayNode();
        for (int i = 0; i < 20_000; i++) {
            items.add(NODES.objectNode().put("broken", i));
        }
        return items;
    }

    private static JsonNode deeplyNested(int depth) {
        JsonNode value = NODES.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            value = NODES.objectNode().set("a", value);
        }
        return value;
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    /** One operation of one service's OpenAPI document. */
    private record Operation(String service, String method, String template, JsonNode spec, JsonNode api) {

        JsonNode body() {
            JsonNode schema = spec.path("requestBody").path("content").path("application/json").path("schema");
            return schema.isMissingNode() ? null : schema;
        }

        JsonNode resolve(JsonNode schema) {
            JsonNode current = schema;
            for (int i = 0; i < 10 && current.has("$ref"); i++) {
                String name = current.get("$ref").asText().replace("#/components/schemas/", "");
                current = api.path("components").path("schemas").path(name);
            }
            if (current.has("allOf") && current.get("allOf").size() == 1) {
                return resolve(current.get("allOf").get(0));
            }
            return current;
        }

        List<String> required(JsonNode schema) {
            List<String> names = new ArrayList<>();
            schema.path("required").forEach(n -> names.add(n.asText()));
            return names;
        }

        List<JsonNode> queryParameters() {
            List<JsonNode> parameters = new ArrayList<>();
            spec.path("parameters").forEach(p -> {
                if (p.path("in").asText().equals("query")) {
                    parameters.add(p);
                }
            });
            return parameters;
        }

        boolean pathHasIdentifier() {
            return template.contains("{");
        }

        /** The path with each parameter filled: a fresh UUID (or, broken, text that is not one). */
        String concretePath(boolean broken) {
            String path = template;
            while (path.contains("{")) {
                int open = path.indexOf('{');
                int close = path.indexOf('}', open);
                String name = path.substring(open + 1, close);
                String value = broken ? "not-a-uuid" : pathValue(name);
                path = path.substring(0, open) + value + path.substring(close + 1);
                broken = false; // break only the first identifier, so the rest of the path is well formed
            }
            return path;
        }

        private String pathValue(String name) {
            for (JsonNode p : spec.path("parameters")) {
                if (p.path("in").asText().equals("path") && p.path("name").asText().equals(name)) {
                    JsonNode schema = resolve(p.path("schema"));
                    if (schema.has("enum")) {
                        return schema.get("enum").get(0).asText();
                    }
                    String type = schema.path("type").asText("");
                    if (type.equals("integer")) {
                        return "1";
                    }
                    if (schema.path("format").asText("").equals("uuid")) {
                        return UUID.randomUUID().toString();
                    }
                    if (schema.path("pattern").isMissingNode()) {
                        return "ABCD-EFGH-JKMN-PQRS"; // free text in a path: a verification code's shape
                    }
                }
            }
            return UUID.randomUUID().toString();
        }

        /** The query string: required parameters filled plausibly, and one parameter set to a given value. */
        String query(String name, String value) {
            StringBuilder query = new StringBuilder();
            for (JsonNode p : queryParameters()) {
                String parameter = p.path("name").asText();
                String v = parameter.equals(name) ? value
                        : p.path("required").asBoolean(false) ? plausible(resolve(p.path("schema")), 0).asText() : null;
                if (v != null) {
                    query.append(query.length() == 0 ? '?' : '&').append(URLEncoder.encode(parameter, StandardCharsets.UTF_8))
                            .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                }
            }
            return query.toString();
        }

        JsonNode plausibleBody() {
            JsonNode schema = body();
            return schema == null ? null : plausible(resolve(schema), 0);
        }

        String bodyText(JsonNode body) {
            return body == null ? null : body.toString();
        }

        /** A value that fits the schema as well as the schema says: right types, formats and enums. */
        JsonNode plausible(JsonNode schema, int depth) {
            JsonNode s = resolve(schema);
            if (s.has("enum")) {
                return s.get("enum").get(0);
            }
            if (s.has("default")) {
                return s.get("default");
            }
            switch (s.path("type").asText(s.has("properties") ? "object" : "")) {
                case "object": {
                    ObjectNode object = NODES.objectNode();
                    if (depth < 4) {
                        s.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), plausible(p.getValue(), depth + 1)));
                    }
                    return object;
                }
                case "array": {
                    ArrayNode array = NODES.arrayNode();
                    if (depth < 4 && s.has("items")) {
                        array.add(plausible(s.get("items"), depth + 1));
                    }
                    return array;
                }
                case "integer":
                    return NODES.numberNode(s.has("minimum") ? s.get("minimum").asLong() : 1);
                case "number":
                    return NODES.numberNode(s.has("minimum") ? s.get("minimum").asDouble() : 1.5);
                case "boolean":
                    return NODES.booleanNode(true);
                case "string": {
                    return switch (s.path("format").asText("")) {
                        case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                        case "date" -> NODES.textNode(LocalDate.now().toString());
                        case "date-time" -> NODES.textNode(Instant.now().toString());
                        default -> NODES.textNode("Проверка");
                    };
                }
                default:
                    return NODES.objectNode();
            }
        }

        /** What a client of this operation accepts: JSON, or whatever it serves (a PDF, a ZIP, CSV, a page). */
        String accept() {
            for (Iterator<Map.Entry<String, JsonNode>> responses = spec.path("responses").fields(); responses.hasNext(); ) {
                Map.Entry<String, JsonNode> response = responses.next();
                if (response.getKey().startsWith("2") && response.getValue().has("content")
                        && !response.getValue().path("content").has("application/json")) {
                    return "*/*";
                }
            }
            return "application/json";
        }

        /** A token of the first role the operation allows; none for a public operation. */
        java.util.Optional<String> token() {
            JsonNode security = spec.path("security");
            if (security.isMissingNode() || security.isEmpty()) {
                return java.util.Optional.empty();
            }
            JsonNode roles = security.get(0).path("SecurityScheme");
            String role = roles.isArray() && !roles.isEmpty() ? roles.get(0).asText() : "organizer";
            return java.util.Optional.of(TestTokens.as(role));
        }
    }
}
