package org.olympiad.competitions.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.platform.testing.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorisation matrix ({@code src/test/resources/authorization-matrix.tsv}) walked against the running suite:
 * every operation × no token, five kinds of bad token, and every role it does not admit; an operation on an object
 * the caller must own is also called by every role but staff on an object that is not theirs. A refusal is a 401, 403 or 404 problem+json —
 * never a 2xx, never a 5xx. The matrix must name every operation the services serve, so a new endpoint without a
 * rule fails this test, and its roles must be the ones the service enforces.
 */
class AuthorizationMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROLES =
            List.of("admin", "organizer", "checker", "teacher", "participant", "parent", "venue_staff");

    private static final Set<String> STAFF = Set.of("admin", "organizer");

    static Suite suite;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int sent;

    @BeforeAll
    static void startSuite() throws Exception {
        suite = Suite.start();
    }

    record Rule(String service, String method, String path, String access, JsonNode operation) {
        String consumes() {
            Iterator<String> types = operation == null ? null : operation.path("requestBody").path("content").fieldNames();
            return types != null && types.hasNext() ? types.next() : "application/json";
        }

        String key() {
            return service + " " + method + " " + path;
        }

        Set<String> roles() {
            return access.startsWith("roles:") ? new TreeSet<>(List.of(access.substring(6).split(","))) : Set.of();
        }
    }

    @Test
    void every_operation_refuses_callers_the_matrix_does_not_admit() throws Exception {
        Map<String, JsonNode> served = servedOperations();
        List<Rule> matrix = matrix().stream().map(r -> new Rule(r.service(), r.method(), r.path(), r.access(),
                served.get(r.key()))).toList();

        Set<String> unruled = new TreeSet<>(served.keySet());
        matrix.forEach(rule -> unruled.remove(rule.key()));
        Set<String> stale = new TreeSet<>();
        List<String> disagreeing = new ArrayList<>();
        for (Rule rule : matrix) {
            JsonNode operation = served.get(rule.key());
            if (operation == null) {
                stale.add(rule.key());
                continue;
            }
            String enforced = enforcedAccess(operation);
            boolean agrees = switch (rule.access()) {
                case "public" -> enforced.equals("public");
                case "signed-in", "owner" -> enforced.equals("signed-in");
                default -> enforced.equals("roles:" + String.join(",", rule.roles()));
            };
            if (!agrees) {
                disagreeing.add(rule.key() + ": matrix says " + rule.access() + ", the service enforces " + enforced);
            }
        }
        assertThat(unruled).as("operations served without a rule in authorization-matrix.tsv").isEmpty();
        assertThat(stale).as("rules for operations no service serves").isEmpty();
        assertThat(disagreeing).as("rules that differ from what the service enforces").isEmpty();

        Map<String, String> badTokens = new LinkedHashMap<>();
        badTokens.put("an expired token", TestTokens.expired("admin"));
        badTokens.put("a token of another issuer", TestTokens.withIssuer("https://evil.example", "admin"));
        badTokens.put("a token for another audience", TestTokens.withAudience("https://lms.olympiad.local", "admin"));
        badTokens.put("a token signed with a foreign key", TestTokens.withForeignSignature("admin"));
        badTokens.put("a token that is not a JWT", "not.a.token");

        for (Rule rule : matrix) {
            if (rule.access().equals("public")) {
                continue;
            }
            expect(rule, null, "no token", Set.of(401));
            for (Map.Entry<String, String> bad : badTokens.entrySet()) {
                expect(rule, bad.getValue(), bad.getKey(), Set.of(401));
            }
            for (String role : ROLES) {
                boolean admitted = !rule.access().startsWith("roles:") || rule.roles().contains(role);
                if (!admitted) {
                    expect(rule, TestTokens.as(role), "the role " + role, Set.of(403, 404));
                } else if (rule.access().equals("owner") && !STAFF.contains(role)) {
                    // admitted by role, but the object is not this caller's (nobody's: a fresh id): its existence
                    // is not revealed and nothing is done; staff (admin, organiser) see every object
                    // (the test's body is an empty object: a 400/422 for it, or a 415 for an upload, also does
                    // nothing and says nothing about the object)
                    expect(rule, TestTokens.as(role), "the role " + role + " on an object that is not theirs",
                            Set.of(400, 403, 404, 415, 422));
                }
            }
        }
        System.out.printf("authorization matrix: %d rules, %d requests, answers by status %s, wrong answers %d%n",
                matrix.size(), sent, statuses, failures.size());
        failures.stream().limit(200).forEach(f -> System.out.println("  wrong answer: " + f));
        assertThat(failures).as("callers that were not refused as the matrix says").isEmpty();
    }

    /**
     * Calls the operation with a fresh id in every path parameter and an empty JSON object as the body: whoever is
     * refused must be refused before the body or the object matters.
     */
    private void expect(Rule rule, String token, String who, Set<Integer> refusals) throws Exception {
        String path = rule.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.url(rule.service()) + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "*/*")
                .header("X-Request-Id", "authz-" + UUID.randomUUID());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (rule.method().equals("GET") || rule.method().equals("DELETE")) {
            request.method(rule.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            // the media type the operation consumes (JSON, or CSV for an import), so that the caller is what is judged
            String mediaType = rule.consumes();
            request.header("Content-Type", mediaType).method(rule.method(), HttpRequest.BodyPublishers.ofString(
                    mediaType.equals("application/json") ? "{}" : "", StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        sent++;
        statuses.merge(String.valueOf(response.statusCode()), 1, Integer::sum);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!refusals.contains(response.statusCode()) || !contentType.startsWith("application/problem+json")) {
            String body = response.body().replaceAll("\\s+", " ");
            failures.add(rule.key() + " with " + who + " -> " + response.statusCode() + " " + contentType + " "
                    + (body.length() > 200 ? body.substring(0, 200) + "…" : body));
        }
    }

    private static List<Rule> matrix() throws Exception {
        List<Rule> rules = new ArrayList<>();
        Path file = Path.of(AuthorizationMatrixIT.class.getResource("/authorization-matrix.tsv").toURI());
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            assertThat(cells).as("a rule has four cells: " + line).hasSize(4);
            assertThat(cells[3]).as("access of " + line).matches("public|signed-in|owner|roles:[a-z_]+(,[a-z_]+)*");
            rules.add(new Rule(cells[0], cells[1], cells[2], cells[3], null));
        }
        return rules;
    }

    /** "service METHOD /path" → the operation, from each service's served OpenAPI document. */
    private Map<String, JsonNode> servedOperations() throws Exception {
        Map<String, JsonNode> operations = new TreeMap<>();
        for (String service : Suite.SERVICES) {
            JsonNode api = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(suite.url(service) + "/q/openapi?format=json"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                path.getValue().fields().forEachRemaining(op ->
                        operations.put(service + " " + op.getKey().toUpperCase() + " " + path.getKey(), op.getValue()));
            }
        }
        return operations;
    }

    private static String enforcedAccess(JsonNode operation) {
        JsonNode security = operation.path("security");
        if (security.isMissingNode() || security.isEmpty()) {
            return "public";
        }
        JsonNode roles = security.get(0).path("SecurityScheme");
        if (!roles.isArray() || roles.isEmpty()) {
            return "signed-in";
        }
        Set<String> names = new TreeSet<>();
        roles.forEach(r -> names.add(r.asText()));
        return "roles:" + String.join(",", names);
    }
}
