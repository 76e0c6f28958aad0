package org.olympiad.competitions.registration.season;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.platform.testing.TestTokens;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.olympiad.competitions.registration.CatalogueFixtures.as;
import static org.olympiad.competitions.registration.CatalogueFixtures.createEvent;
import static org.olympiad.competitions.registration.CatalogueFixtures.createSeason;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class SeasonLifecycleTest {

    @Test
    void an_organizer_walks_a_season_from_draft_to_archived() {
        String season = createSeason(createEvent());
        for (String next : new String[]{"registration_open", "running", "checking", "results_review", "published", "archived"}) {
            as("organizer").body(Map.of("to", next)).post("/seasons/{id}/transitions", season)
                    .then().statusCode(200).body("status", equalTo(next));
        }
        as("participant").get("/seasons/{id}", season).then().statusCode(200).body("status", equalTo("archived"));
    }

    @Test
    void an_illegal_transition_is_a_409_naming_both_states_and_changes_nothing() {
        String season = createSeason(createEvent());
        as("organizer").body(Map.of("to", "published")).post("/seasons/{id}/transitions", season)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("currentState", equalTo("draft"))
                .body("requestedState", equalTo("published"))
                .body("detail", containsString("draft"));
        as("organizer").get("/seasons/{id}", season).then().body("status", equalTo("draft"));
    }

    @Test
    void a_published_season_cannot_be_cancelled() {
        String season = createSeason(createEvent());
        for (String next : new String[]{"registration_open", "running", "checking", "results_review", "published"}) {
            as("admin").body(Map.of("to", next)).post("/seasons/{id}/transitions", season).then().statusCode(200);
        }
        as("admin").body(Map.of("to", "cancelled", "reason", "oops")).post("/seasons/{id}/transitions", season)
                .then().statusCode(409).body("currentState", equalTo("published")).body("requestedState", equalTo("cancelled"));
    }

    @Test
    void cancelling_needs_a_reason_and_keeps_it() {
        String season = createSeason(createEvent());
        as("organizer").body(Map.of("to", "cancelled")).post("/seasons/{id}/transitions", season)
                .then().statusCode(422).body("field", equalTo("reason"));
        as("organizer").body(Map.of("to", "cancelled", "reason", "the venue burned down"))
                .post("/seasons/{id}/transitions", season).then().statusCode(200).body("status", equalTo("cancelled"));
        as("organizer").body(Map.of("title", "renamed")).patch("/seasons/{id}", season)
                .then().statusCode(409).body("currentState", equalTo("cancelled"));
    }

    @Test
    void bad_input_names_the_field_and_the_rule() {
        String event = createEvent();
        as("organizer").body(Map.of("eventId", event)).post("/seasons")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("title")).body("rule", equalTo("not-blank"));
        as("organizer").body(Map.of("eventId", event, "title", "x", "colour", "red")).post("/seasons")
                .then().statusCode(400).body("field", equalTo("colour")).body("rule", equalTo("unknown-field"));
        as("organizer").body(Map.of("eventId", "not-a-uuid", "title", "x")).post("/seasons")
                .then().statusCode(400).body("field", equalTo("eventId")).body("rule", equalTo("type"));
        as("organizer").body(Map.of("eventId", event, "title", "x", "startsAt", "2027-01-01T00:00:00Z",
                "endsAt", "2026-01-01T00:00:00Z")).post("/seasons")
                .then().statusCode(422).body("field", equalTo("endsAt"));
        as("organizer").body(Map.of("eventId", event, "title", "x", "registrationPolicy", "open")).post("/seasons")
                .then().statusCode(422).body("field", equalTo("registrationPolicy")).body("rule", equalTo("json-object"));
        as("organizer").body(Map.of("eventId", UUID.randomUUID().toString(), "title", "x")).post("/seasons")
                .then().statusCode(422).body("field", equalTo("eventId"));
        as("organizer").body(Map.of("to", "flying")).post("/seasons/{id}/transitions", createSeason(event))
                .then().statusCode(400).body("field", equalTo("to")).body("rule", equalTo("one-of"))
                .body("detail", containsString("registration_open"));
        as("organizer").body("{\"title\": ").post("/seasons")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void an_update_changes_only_the_given_fields() {
        String season = createSeason(createEvent());
        as("organizer").body(Map.of("title", "Сезон 2026/27 (весна)", "feePolicy", Map.of("currency", "RUB")))
                .patch("/seasons/{id}", season).then().statusCode(200)
                .body("title", equalTo("Сезон 2026/27 (весна)"))
                .body("feePolicy.currency", equalTo("RUB"))
                .body("startsAt", equalTo("2026-09-01T00:00:00Z"));
    }

    @Test
    void without_a_token_it_is_401_and_with_the_wrong_role_403() {
        String event = createEvent();
        given().contentType(ContentType.JSON).body(Map.of("eventId", event, "title", "x")).post("/seasons")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().get("/seasons").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.expired("organizer")).get("/seasons").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.withIssuer("https://evil.example", "admin"))
                .get("/seasons").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.withAudience("https://lms.olympiad.local", "admin"))
                .get("/seasons").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.withForeignSignature("admin"))
                .get("/seasons").then().statusCode(401).contentType("application/problem+json");
        as("participant").body(Map.of("eventId", event, "title", "x")).post("/seasons")
                .then().statusCode(403).contentType("application/problem+json");
        as("teacher").body(Map.of("to", "archived")).post("/events/{id}/transitions", event).then().statusCode(403);
    }

    @Test
    void an_unknown_season_is_a_404_problem() {
        as("organizer").get("/seasons/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("requestId", notNullValue());
    }

    @Test
    void listing_filters_by_event_and_status_newest_first() {
        String event = createEvent();
        String first = createSeason(event);
        String second = createSeason(event);
        as("organizer").body(Map.of("to", "registration_open")).post("/seasons/{id}/transitions", second).then().statusCode(200);
        as("participant").queryParam("eventId", event).get("/seasons").then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].id", equalTo(second)).body("items[1].id", equalTo(first));
        as("participant").queryParam("eventId", event).queryParam("status", "draft").get("/seasons").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(first));
        as("participant").queryParam("size", 500).get("/seasons").then().statusCode(400).body("field", equalTo("size"));
    }

    @Test
    void the_request_id_of_the_gateway_is_echoed() {
        as("organizer").header("X-Request-Id", "gw-12345").get("/seasons/{id}", UUID.randomUUID())
                .then().header("X-Request-Id", equalTo("gw-12345")).body("requestId", equalTo("gw-12345"))
                .body("field", nullValue());
    }
}
