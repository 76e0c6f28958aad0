package org.olympiad.competitions.registration.season;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.olympiad.competitions.registration.CatalogueFixtures.as;
import static org.olympiad.competitions.registration.CatalogueFixtures.createEvent;
import static org.olympiad.competitions.registration.CatalogueFixtures.createSeason;

/** A season's registration and fee policies are validated jsonb: what cannot be read is refused and not stored. */
@QuarkusTest
class SeasonPolicyTest {

    static final Map<String, Object> SELF_BY_REVIEW = Map.of("sources", Map.of(
            "self", Map.of("requiredFields", List.of("grade", "parentContact"),
                    "window", Map.of("opensAt", "2026-09-01T00:00:00Z", "closesAt", "2026-10-01T00:00:00Z"),
                    "approval", "review"),
            "teacher", Map.of("approval", "automatic")));

    @Test
    void an_organizer_sets_the_policies_and_reads_them_back() {
        String season = createSeason(createEvent());
        as("organizer").body(Map.of("registrationPolicy", SELF_BY_REVIEW,
                        "feePolicy", Map.of("required", true, "amount", 500, "currency", "RUB")))
                .patch("/seasons/{id}", season).then().statusCode(200)
                .body("registrationPolicy.sources.self.approval", equalTo("review"))
                .body("registrationPolicy.sources.teacher.approval", equalTo("automatic"))
                .body("feePolicy.amount", equalTo(500));
    }

    @Test
    void an_unknown_key_or_a_wrong_type_in_a_policy_is_a_422_and_changes_nothing() {
        String season = createSeason(createEvent());
        as("organizer").body(Map.of("registrationPolicy", Map.of("sources", Map.of("self", Map.of("approval", "maybe")))))
                .patch("/seasons/{id}", season).then().statusCode(422)
                .contentType("application/problem+json")
                .body("field", equalTo("registrationPolicy.sources.self.approval"))
                .body("rule", equalTo("one-of"));
        as("organizer").body(Map.of("feePolicy", Map.of("amount", "five hundred")))
                .patch("/seasons/{id}", season).then().statusCode(422)
                .body("field", equalTo("feePolicy.amount")).body("rule", equalTo("type"));
        as("organizer").body(Map.of("registrationPolicy", Map.of("deadline", "tomorrow")))
                .patch("/seasons/{id}", season).then().statusCode(422)
                .body("field", equalTo("registrationPolicy.deadline")).body("rule", equalTo("unknown-field"));
        as("organizer").get("/seasons/{id}", season).then()
                .body("registrationPolicy", equalTo(Map.of())).body("feePolicy", equalTo(Map.of()));
    }

    @Test
    void a_season_is_created_with_its_policy_only_when_the_policy_reads() {
        String event = createEvent();
        as("organizer").body(Map.of("eventId", event, "title", "x",
                        "registrationPolicy", Map.of("sources", Map.of("robot", Map.of()))))
                .post("/seasons").then().statusCode(422).body("field", equalTo("registrationPolicy.sources"));
        as("organizer").queryParam("eventId", event).get("/seasons").then().body("total", equalTo(0));
        as("organizer").body(Map.of("eventId", event, "title", "x", "registrationPolicy", SELF_BY_REVIEW))
                .post("/seasons").then().statusCode(201)
                .body("registrationPolicy.sources.self.requiredFields[1]", equalTo("parentContact"));
    }
}
