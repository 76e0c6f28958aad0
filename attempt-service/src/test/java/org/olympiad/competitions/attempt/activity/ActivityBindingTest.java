package org.olympiad.competitions.attempt.activity;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.attempt.RegistrationFeed;
import org.olympiad.competitions.platform.testing.TestSql;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.olympiad.competitions.attempt.Fixtures.as;

/** Bindings in both seed modes, their structure and keys, and the lock that checks they add up and then holds. */
@QuarkusTest
class ActivityBindingTest {

    @Inject
    AgroalDataSource db;

    RegistrationFeed feed;
    UUID tour;

    @BeforeEach
    void tour() {
        feed = new RegistrationFeed(db);
        tour = UUID.randomUUID();
        feed.tour(tour, UUID.randomUUID(), "scheduled");
    }

    @AfterEach
    void close() {
        feed.close();
    }

    @Test
    void a_binding_needs_the_refs_of_its_mode() {
        as("organizer").body(Map.of("mode", "lms_activity")).post("/tours/{id}/activity-bindings", tour)
                .then().statusCode(422).body("field", equalTo("lmsActivityRef"));
        as("organizer").body(Map.of("mode", "temporary_adapter", "adapterRef", Map.of("adapter", "v1")))
                .post("/tours/{id}/activity-bindings", tour)
                .then().statusCode(422).body("field", equalTo("activitySnapshotRef"));
        as("organizer").body(Map.of("mode", "temporary_adapter", "adapterRef", Map.of("adapter", "v1"),
                        "activitySnapshotRef", Map.of("snapshot", "s-2026-1")))
                .post("/tours/{id}/activity-bindings", tour)
                .then().statusCode(201).body("mode", equalTo("temporary_adapter")).body("status", equalTo("draft"));
        as("organizer").body(Map.of("mode", "lms_activity", "lmsActivityRef", Map.of("id", "a")))
                .post("/tours/{id}/activity-bindings", UUID.randomUUID()).then().statusCode(404);
        as("checker").body(Map.of("mode", "lms_activity", "lmsActivityRef", Map.of("id", "a")))
                .post("/tours/{id}/activity-bindings", tour).then().statusCode(403);
    }

    @Test
    void answer_keys_are_validated_before_they_are_stored() {
        String binding = binding();
        item(binding, 1, 5, Map.of("type", "single_choice", "correct", List.of("A"))).then().statusCode(422)
                .body("field", equalTo("scoringSnapshot.correct"));
        item(binding, 1, 5, Map.of("type", "essay")).then().statusCode(422).body("field", equalTo("scoringSnapshot.type"));
        item(binding, 1, 5, Map.of("type", "number", "value", "12")).then().statusCode(422)
                .body("field", equalTo("scoringSnapshot.value"));
        item(binding, 1, 5, Map.of("type", "short_text", "variants", List.of())).then().statusCode(422)
                .body("field", equalTo("scoringSnapshot.variants"));
        item(binding, 1, 5, Map.of("correct", "A")).then().statusCode(422).body("field", equalTo("scoringSnapshot.type"));
        item(binding, 1, 5, Map.of("type", "multiple_choice", "correct", List.of("A", "C"), "partialCredit", "proportional"))
                .then().statusCode(201).body("scoringSnapshot.partialCredit", equalTo("proportional"));
        item(binding, 2, 7, Map.of("rubric", "полное решение — 7 баллов")).then().statusCode(201);
    }

    @Test
    void the_lock_is_refused_until_task_count_and_max_scores_add_up_and_then_nothing_changes() throws Exception {
        String binding = binding();
        String structure = as("organizer").body(Map.of("taskCount", 2, "maxTotalScore", 10))
                .post("/activity-bindings/{id}/task-structures", binding).then().statusCode(201).extract().path("id");
        String first = item(binding, 1, 4, Map.of("type", "single_choice", "correct", "B")).then().statusCode(201)
                .body("taskStructureId", equalTo(structure)).extract().path("id");
        transition(binding, "review").then().statusCode(200).body("status", equalTo("review"));

        transition(binding, "locked").then().statusCode(422)
                .body("field", equalTo("taskStructures[" + structure + "].taskCount"))
                .body("detail", containsString("expects 2 tasks but has 1"));
        item(binding, 2, 5, null).then().statusCode(201);
        transition(binding, "locked").then().statusCode(422)
                .body("field", equalTo("taskStructures[" + structure + "].maxTotalScore"))
                .body("detail", containsString("add up to 9.00"));
        as("organizer").body(Map.of("maxScore", 5)).patch("/task-items/{id}", first).then().statusCode(200)
                .body("maxScore", equalTo(5.0f));

        transition(binding, "locked").then().statusCode(200).body("status", equalTo("locked"))
                .body("lockedAt", notNullValue());
        item(binding, 3, 1, null).then().statusCode(409).body("currentState", equalTo("locked"));
        as("organizer").body(Map.of("maxScore", 1)).patch("/task-items/{id}", first).then().statusCode(409);
        as("organizer").body(Map.of("taskCount", 1, "maxTotalScore", 1))
                .post("/activity-bindings/{id}/task-structures", binding).then().statusCode(409);
        transition(binding, "draft").then().statusCode(409).body("currentState", equalTo("locked"))
                .body("requestedState", equalTo("draft"));
        as("organizer").get("/activity-bindings/{id}", binding).then().statusCode(200)
                .body("taskItems", hasSize(2)).body("taskStructures[0].lockedAt", notNullValue());

        assertThat(TestSql.column(db, "select type from outbox_events where aggregate_id = ?::uuid order by position", binding))
                .containsExactly("activity_binding.created", "activity_binding.sent_to_review", "activity_binding.locked");
        assertThat(TestSql.column(db, "select type from outbox_events where aggregate_id = ?::uuid order by position", structure))
                .containsExactly("task_structure.created", "task_structure.locked");
        transition(binding, "published").then().statusCode(200);
        transition(binding, "archived").then().statusCode(200);
    }

    private String binding() {
        return as("organizer").body(Map.of("mode", "lms_activity", "lmsActivityRef", Map.of("activity_id", "A-1")))
                .post("/tours/{id}/activity-bindings", tour).then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.Response item(String binding, int number, double max, Map<String, Object> key) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("taskNumber", number, "maxScore", max));
        if (key != null) {
            body.put("scoringSnapshot", key);
        }
        return as("organizer").body(body).post("/activity-bindings/{id}/task-items", binding);
    }

    private static io.restassured.response.Response transition(String binding, String to) {
        return as("organizer").body(Map.of("to", to)).post("/activity-bindings/{id}/transitions", binding);
    }
}
