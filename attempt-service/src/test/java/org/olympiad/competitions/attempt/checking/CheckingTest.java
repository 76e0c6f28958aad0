package org.olympiad.competitions.attempt.checking;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.attempt.RegistrationFeed;
import org.olympiad.competitions.attempt.World;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.platform.testing.TestSql;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.olympiad.competitions.attempt.Fixtures.as;

/** Blind checking from a queue, double checks and the senior's decision, versioned scores, key corrections, appeals. */
@QuarkusTest
class CheckingTest {

    @Inject
    AgroalDataSource db;

    RegistrationFeed feed;

    @BeforeEach
    void connect() {
        feed = new RegistrationFeed(db);
    }

    @AfterEach
    void close() {
        feed.close();
    }

    @Test
    void a_checker_takes_a_work_blind_from_the_queue_and_its_marks_become_the_scores() throws Exception {
        World world = World.open(feed);
        String submission = submitted(world, "B", 3.14, "решение задачи 3");
        UUID checker = UUID.randomUUID();
        as("checker").get("/tours/{id}/checking/queue", world.tour()).then().statusCode(200).body("waiting", equalTo(1));

        ExtractableResponse<Response> work = as("checker", checker).post("/tours/{id}/checking/take", world.tour())
                .then().statusCode(200).body("workCode", startsWith("W-")).body("tasks", hasSize(1))
                .body("tasks[0].answer", equalTo("решение задачи 3"))
                .body(not(containsString(submission))).extract();
        String body = work.asString();
        assertThat(body).doesNotContain("participant").doesNotContain("tourParticipation");
        String check = work.path("checkId");
        as("checker", checker).post("/tours/{id}/checking/take", world.tour()).then().statusCode(200)
                .body("checkId", equalTo(check));
        as("checker").post("/tours/{id}/checking/take", world.tour()).then().statusCode(204);
        as("checker").get("/checks/{id}", check).then().statusCode(404);

        marks(checker, check, world.activity().item(3), 5.5).then().statusCode(422)
                .body("field", equalTo("marks[0].score")).body("rule", equalTo("at-most-max-score"));
        marks(checker, check, world.activity().item(1), 1).then().statusCode(422).body("field", equalTo("marks[0].taskItemId"));
        marks(UUID.randomUUID(), check, world.activity().item(3), 4).then().statusCode(404);
        marks(checker, check, world.activity().item(3), 4).then().statusCode(200).body("status", equalTo("checked"));
        marks(checker, check, world.activity().item(3), 3).then().statusCode(409);

        assertThat(TestSql.column(db, "select status::text from competition_submissions where id = ?::uuid", submission))
                .containsExactly("checked");
        assertThat(TestSql.column(db, "select sum(score)::text from competition_scores where submission_id = ?::uuid "
                + "and is_current", submission)).containsExactly("9.00");
    }

    @Test
    void a_hybrid_work_is_scored_automatically_on_submit_and_its_total_is_complete_only_when_a_checker_marked_the_rest()
            throws Exception {
        World world = World.open(feed); // task 1 single choice (2), task 2 number (3): keyed; task 3 (5): by hand
        World.Sitter p = world.admit();
        String submission = as("participant", p.user()).post("/tours/{id}/attempts", world.tour()).then().statusCode(201)
                .extract().path("id");
        Object[] answers = {"B", "3,14", "x = 7, потому что 3x = 21"};
        for (int i = 0; i < 3; i++) {
            as("participant", p.user()).body(Map.of("answer", answers[i], "baseVersion", 0))
                    .put("/submissions/{id}/answers/{item}", submission, world.activity().item(i + 1)).then().statusCode(200);
        }
        as("participant", p.user()).post("/submissions/{id}/submit", submission).then().statusCode(200)
                .body("status", equalTo("checking"));

        // the participant sees that the automatic part is in and the rest waits for a checker, and no score
        as("participant", p.user()).get("/submissions/{id}", submission).then().statusCode(200)
                .body("checking.method", equalTo("hybrid")).body("checking.automaticPart", equalTo("checked"))
                .body("checking.manualPart", equalTo("waiting")).body("checking.complete", equalTo(false))
                .body("checking.automaticScore", nullValue()).body("checking.total", nullValue());
        // an organiser sees the automatic part's score, and no total yet
        as("organizer").get("/submissions/{id}", submission).then().statusCode(200)
                .body("checking.automaticScore", equalTo(5.0f)).body("checking.manualScore", nullValue())
                .body("checking.total", nullValue()).body("checking.complete", equalTo(false));
        assertThat(TestSql.column(db, "select method || ':' || status || ':' || score from competition_checks "
                + "where submission_id = ?::uuid", submission)).containsExactly("auto:checked:5.00");
        assertThat(TestSql.count(db, "select count(*) from outbox_events where aggregate_id = ?::uuid "
                + "and type = 'submission.checked'", submission)).isZero();

        // the checker gets only the task that needs a hand: not the keyed tasks, their answers or scores, nor who wrote it
        UUID checker = UUID.randomUUID();
        ExtractableResponse<Response> work = as("checker", checker).post("/tours/{id}/checking/take", world.tour())
                .then().statusCode(200).body("tasks", hasSize(1))
                .body("tasks[0].taskItemId", equalTo(world.activity().item(3)))
                .body("tasks[0].answer", equalTo("x = 7, потому что 3x = 21")).extract();
        assertThat(work.asString()).doesNotContain(world.activity().item(1)).doesNotContain(world.activity().item(2))
                .doesNotContain("3,14").doesNotContain("\"score\"").doesNotContain("automaticScore").doesNotContain(submission)
                .doesNotContain(p.participant().toString()).doesNotContain(p.tourParticipation().toString());
        as("participant", p.user()).get("/submissions/{id}", submission).then().statusCode(200)
                .body("checking.manualPart", equalTo("in_progress")).body("checking.complete", equalTo(false));

        marks(checker, work.path("checkId"), world.activity().item(3), 4).then().statusCode(200);

        as("participant", p.user()).get("/submissions/{id}", submission).then().statusCode(200)
                .body("submission.status", equalTo("checked")).body("checking.manualPart", equalTo("checked"))
                .body("checking.complete", equalTo(true)).body("checking.total", nullValue());
        as("organizer").get("/submissions/{id}", submission).then().statusCode(200)
                .body("checking.automaticScore", equalTo(5.0f)).body("checking.manualScore", equalTo(4.0f))
                .body("checking.total", equalTo(9.0f)).body("checking.complete", equalTo(true));
        assertThat(TestSql.column(db, "select method || ':' || status || ':' || score from competition_checks "
                + "where submission_id = ?::uuid order by created_at", submission))
                .containsExactly("auto:checked:5.00", "manual:checked:4.00", "hybrid:checked:9.00");
        assertThat(TestSql.column(db, "select (e.payload -> 'after' ->> 'score')::numeric(8,2)::text from outbox_events e "
                + "join competition_checks c "
                + "on c.id = e.aggregate_id where c.submission_id = ?::uuid and c.method = 'hybrid' "
                + "and e.type = 'check.completed'", submission)).containsExactly("9.00");
        assertThat(TestSql.count(db, "select count(*) from outbox_events where aggregate_id = ?::uuid "
                + "and type = 'submission.checked'", submission)).isEqualTo(1);
    }

    @Test
    void a_work_whose_every_task_has_a_key_is_complete_on_submit_and_never_reaches_a_checker() throws Exception {
        UUID season = UUID.randomUUID();
        UUID tour = UUID.randomUUID();
        feed.tour(tour, season, "open");
        var activity = org.olympiad.competitions.attempt.Fixtures.lockedActivity(tour, List.of(
                new org.olympiad.competitions.attempt.Fixtures.Task(1, 2, org.olympiad.competitions.attempt.Fixtures.single("B")),
                new org.olympiad.competitions.attempt.Fixtures.Task(2, 3, org.olympiad.competitions.attempt.Fixtures.number(2.5, 0))));
        World world = new World(feed, season, tour, activity);
        World.Sitter p = world.admit();
        String submission = as("participant", p.user()).post("/tours/{id}/attempts", tour).then().statusCode(201)
                .extract().path("id");
        as("participant", p.user()).body(Map.of("answer", "B", "baseVersion", 0))
                .put("/submissions/{id}/answers/{item}", submission, activity.item(1)).then().statusCode(200);
        as("participant", p.user()).post("/submissions/{id}/submit", submission).then().statusCode(200)
                .body("status", equalTo("checked"));

        as("participant", p.user()).get("/submissions/{id}", submission).then().statusCode(200)
                .body("checking.method", equalTo("auto")).body("checking.automaticPart", equalTo("checked"))
                .body("checking.manualPart", equalTo("none")).body("checking.complete", equalTo(true));
        as("organizer").get("/submissions/{id}", submission).then().statusCode(200).body("checking.total", equalTo(2.0f));
        as("checker").get("/tours/{id}/checking/queue", tour).then().statusCode(200).body("waiting", equalTo(0));
        as("checker").post("/tours/{id}/checking/take", tour).then().statusCode(204);
        assertThat(TestSql.column(db, "select method || ':' || status || ':' || score from competition_checks "
                + "where submission_id = ?::uuid", submission)).containsExactly("auto:checked:2.00");
    }

    @Test
    void two_checks_that_disagree_beyond_the_tolerance_go_to_review_and_the_senior_decision_overrides() throws Exception {
        World world = World.open(feed, Map.of("checking", Map.of("checksPerWork", 2, "tolerance", 1)));
        String agreeing = submitted(world, "B", 1, "решение А");
        String disputed = submitted(world, "A", 1, "решение Б");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        Map<String, String> byWork = new java.util.HashMap<>();
        for (UUID checker : List.of(first, second)) {
            for (int i = 0; i < 2; i++) {
                var work = as("checker", checker).post("/tours/{id}/checking/take", world.tour()).then().statusCode(200).extract();
                String answer = work.path("tasks[0].answer");
                double mark = answer.equals("решение А") ? (checker == first ? 4 : 3.5) : (checker == first ? 5 : 2);
                marks(checker, work.path("checkId"), world.activity().item(3), mark).then().statusCode(200);
            }
        }
        as("checker", first).post("/tours/{id}/checking/take", world.tour()).then().statusCode(204);

        assertThat(TestSql.column(db, "select score::text from competition_scores where submission_id = ?::uuid "
                + "and tour_task_item_id = '" + world.activity().item(3) + "'", agreeing)).containsExactly("3.75");
        assertThat(TestSql.column(db, "select status from competition_checks where submission_id = ?::uuid "
                + "and method = 'manual'", disputed)).containsExactly("needs_review", "needs_review");
        assertThat(TestSql.column(db, "select status::text from competition_submissions where id = ?::uuid", disputed))
                .containsExactly("checking");

        as("checker").body(Map.of("marks", List.of(Map.of("taskItemId", world.activity().item(3), "score", 4)),
                "reason", "x")).post("/submissions/{id}/decisions", disputed).then().statusCode(403);
        as("organizer").body(Map.of("marks", List.of(Map.of("taskItemId", world.activity().item(3), "score", 4)),
                        "reason", "старший проверяющий: решение верное, недочёт в оформлении"))
                .post("/submissions/{id}/decisions", disputed).then().statusCode(200).body("status", equalTo("checked"));
        assertThat(TestSql.column(db, "select status from competition_checks where submission_id = ?::uuid "
                + "and method = 'manual' order by created_at", disputed)).containsExactly("overridden", "overridden", "checked");
        assertThat(TestSql.column(db, "select status::text from competition_submissions where id = ?::uuid", disputed))
                .containsExactly("checked");

        // a recheck of the agreed work: a new version, the old one kept as not current
        as("organizer").body(Map.of("marks", List.of(Map.of("taskItemId", world.activity().item(3), "score", 5)),
                "reason", "перепроверка")).post("/submissions/{id}/decisions", agreeing).then().statusCode(200);
        as("organizer").get("/submissions/{id}/scores", agreeing).then().statusCode(200)
                .body("findAll { it.tourTaskItemId == '" + world.activity().item(3) + "' }.collect { it.scoreVersion + ':' + it.isCurrent + ':' + it.score }",
                        equalTo(List.of("1:false:3.75", "2:true:5.0")))
                .body("find { it.scoreVersion == 2 }.recalculationReason", equalTo("перепроверка"));
        assertThat(TestSql.column(db, "select e.payload -> 'before' ->> 'score' from outbox_events e join competition_scores s "
                + "on s.id = e.aggregate_id where s.submission_id = ?::uuid and e.type = 'score.recalculated'", agreeing))
                .containsExactly("3.75");
    }

    @Test
    void a_binding_whose_second_structure_asks_for_two_checks_gets_two_checks_per_work() throws Exception {
        UUID season = UUID.randomUUID();
        UUID tour = UUID.randomUUID();
        feed.tour(tour, season, "open");
        String binding = as("organizer").body(Map.of("mode", "lms_activity", "lmsActivityRef", Map.of("activity_id", "act-2")))
                .post("/tours/{id}/activity-bindings", tour).then().statusCode(201).extract().path("id");
        List<String> items = new java.util.ArrayList<>();
        Map<String, Object> single = Map.of();
        Map<String, Object> twice = Map.of("checking", Map.of("checksPerWork", 2, "tolerance", 1));
        int number = 1;
        for (Map<String, Object> policy : List.of(single, twice)) {
            String structure = as("organizer").body(Map.of("gradeCategoryId", UUID.randomUUID(), "taskCount", 1,
                            "maxTotalScore", 5, "structureSnapshot", policy))
                    .post("/activity-bindings/{id}/task-structures", binding).then().statusCode(201).extract().path("id");
            items.add(as("organizer").body(Map.of("taskStructureId", structure, "taskNumber", number++, "maxScore", 5))
                    .post("/activity-bindings/{id}/task-items", binding).then().statusCode(201).extract().path("id"));
        }
        as("organizer").body(Map.of("to", "review")).post("/activity-bindings/{id}/transitions", binding).then().statusCode(200);
        as("organizer").body(Map.of("to", "locked")).post("/activity-bindings/{id}/transitions", binding).then().statusCode(200);
        World world = new World(feed, season, tour, new org.olympiad.competitions.attempt.Fixtures.Activity(binding, null, items));
        World.Sitter p = world.admit();
        String submission = as("participant", p.user()).post("/tours/{id}/attempts", tour).then().statusCode(201)
                .extract().path("id");
        as("participant", p.user()).post("/submissions/{id}/submit", submission).then().statusCode(200);

        UUID first = UUID.randomUUID();
        var work = as("checker", first).post("/tours/{id}/checking/take", tour).then().statusCode(200).extract();
        as("checker", first).body(Map.of("marks", List.of(Map.of("taskItemId", items.get(0), "score", 3),
                Map.of("taskItemId", items.get(1), "score", 4)))).post("/checks/{id}/marks", (String) work.path("checkId"))
                .then().statusCode(200);
        // one check is not enough for this binding: the work waits for a second checker, unscored
        as("checker").get("/tours/{id}/checking/queue", tour).then().statusCode(200).body("waiting", equalTo(1));
        assertThat(TestSql.column(db, "select status::text from competition_submissions where id = ?::uuid", submission))
                .containsExactly("checking");
        assertThat(TestSql.count(db, "select count(*) from competition_scores where submission_id = ?::uuid", submission))
                .isZero();
    }

    @Test
    void correcting_an_answer_key_rechecks_every_affected_submission_into_a_new_score_version() throws Exception {
        World world = World.open(feed);
        String right = submitted(world, "B", 3.14, "x");
        String nowRight = submitted(world, "C", 3.14, "x");
        String blank = submitted(world, null, 3.14, "x");
        String item = world.activity().item(1);

        as("organizer").body(Map.of("scoringSnapshot", Map.of("type", "single_choice", "correct", "C"), "reason", ""))
                .post("/task-items/{id}/key-corrections", item).then().statusCode(400);
        as("organizer").body(Map.of("scoringSnapshot", Map.of("type", "multiple_choice", "correct", List.of("B", "C")),
                        "partialCredit", "x", "reason", "опечатка в ключе"))
                .post("/task-items/{id}/key-corrections", item).then().statusCode(400);
        as("organizer").body(Map.of("scoringSnapshot", Map.of("type", "single_choice", "correct", "C"),
                        "reason", "опечатка в ключе: верен C"))
                .post("/task-items/{id}/key-corrections", item).then().statusCode(200).body("rechecked", equalTo(2));

        assertThat(scoresOf(right, item)).containsExactly("1:false:2.00", "2:true:0.00");
        assertThat(scoresOf(nowRight, item)).containsExactly("1:false:0.00", "2:true:2.00");
        assertThat(scoresOf(blank, item)).containsExactly("1:true:0.00");
        assertThat(TestSql.column(db, "select recalculation_reason from competition_scores where submission_id = ?::uuid "
                + "and score_version = 2", right)).containsExactly("answer key corrected: опечатка в ключе: верен C");
    }

    @Test
    void an_accepted_appeal_from_results_writes_a_new_score_version_once() throws Exception {
        World world = World.open(feed);
        String submission = submitted(world, "A", 3.14, "x");
        String item = world.activity().item(1);
        UUID decider = UUID.randomUUID();
        var after = RegistrationFeed.row().put("id", UUID.randomUUID().toString()).put("submission_id", submission)
                .put("decision_comment", "ответ засчитан");
        after.putArray("requested_scores").addObject().put("tour_task_item_id", item).put("score", 2);
        EventEnvelope appeal = new EventEnvelope(UUID.randomUUID(), "appeal.accepted", "competition_appeals",
                UUID.fromString(after.get("id").asText()), world.season(), decider, Instant.now(), "req-appeal", null, null,
                after, 1);
        feed.sendTo(RegistrationFeed.RESULTS_TOPIC, appeal);
        feed.sendTo(RegistrationFeed.RESULTS_TOPIC, appeal);

        await().atMost(Duration.ofSeconds(30)).until(() -> scoresOf(submission, item).size() == 2);
        Thread.sleep(500);
        assertThat(scoresOf(submission, item)).containsExactly("1:false:0.00", "2:true:2.00");
        assertThat(TestSql.column(db, "select checked_by_user_id::text || ':' || reason from competition_checks c "
                + "join competition_scores s on s.source_check_id = c.id where s.submission_id = ?::uuid and s.score_version = 2",
                submission)).containsExactly(decider + ":appeal accepted: ответ засчитан");
    }

    private List<String> scoresOf(String submission, String item) throws Exception {
        return TestSql.column(db, "select score_version || ':' || is_current || ':' || score from competition_scores "
                + "where submission_id = ?::uuid and tour_task_item_id = '" + item + "' order by score_version", submission);
    }

    /** A new participant's attempt with these answers (null: not answered), submitted. */
    private String submitted(World world, String choice, Object number, String text) {
        World.Sitter p = world.admit();
        String submission = as("participant", p.user()).post("/tours/{id}/attempts", world.tour()).then().statusCode(201)
                .extract().path("id");
        Object[] answers = {choice, number, text};
        for (int i = 0; i < 3; i++) {
            if (answers[i] != null) {
                as("participant", p.user()).body(Map.of("answer", answers[i], "baseVersion", 0))
                        .put("/submissions/{id}/answers/{item}", submission, world.activity().item(i + 1)).then().statusCode(200);
            }
        }
        as("participant", p.user()).post("/submissions/{id}/submit", submission).then().statusCode(200);
        return submission;
    }

    private static Response marks(UUID checker, String check, String item, double score) {
        return as("checker", checker).body(Map.of("marks", List.of(Map.of("taskItemId", item, "score", score))))
                .post("/checks/{id}/marks", check);
    }
}
