package org.olympiad.competitions.attempt.submission;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.attempt.RegistrationFeed;
import org.olympiad.competitions.attempt.World;
import org.olympiad.competitions.platform.testing.TestSql;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.olympiad.competitions.attempt.Fixtures.as;

/** Attempts: who may start one and when, answers saved item by item, submission, the close, helpers, voiding. */
@QuarkusTest
class AttemptTest {

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
    void an_admitted_participant_starts_once_saves_answers_and_on_submit_the_keyed_tasks_are_scored() throws Exception {
        World world = World.open(feed);
        World.Sitter p = world.admit();

        String submission = as("participant", p.user()).post("/tours/{id}/attempts", world.tour()).then().statusCode(201)
                .body("status", equalTo("started")).body("tourParticipationId", equalTo(p.tourParticipation().toString()))
                .extract().path("id");
        as("participant", p.user()).post("/tours/{id}/attempts", world.tour()).then().statusCode(200)
                .body("id", equalTo(submission));

        save(p.user(), submission, world.activity().item(1), "B", 0).then().statusCode(200).body("version", equalTo(1));
        save(p.user(), submission, world.activity().item(1), "C", 1).then().statusCode(200).body("version", equalTo(2));
        save(p.user(), submission, world.activity().item(1), "B", 1).then().statusCode(409)
                .body("field", equalTo("baseVersion")).body("rule", equalTo("current-version"));
        save(p.user(), submission, world.activity().item(2), "3,141", 0).then().statusCode(200);
        save(UUID.randomUUID(), submission, world.activity().item(2), "7", 1).then().statusCode(403);

        as("participant", p.user()).get("/tours/{id}/attempts/mine", world.tour()).then().statusCode(200)
                .body("answers", hasSize(2))
                .body("answers.find { it.taskItemId == '" + world.activity().item(1) + "' }.answer", equalTo("C"))
                .body("tasks", hasSize(3)).body("tasks[0].scoringSnapshot", org.hamcrest.Matchers.nullValue());

        as("participant", p.user()).post("/submissions/{id}/submit", submission).then().statusCode(200)
                .body("status", equalTo("checking")).body("submittedAt", notNullValue());
        save(p.user(), submission, world.activity().item(1), "B", 2).then().statusCode(409)
                .body("currentState", equalTo("checking"));
        as("participant", p.user()).post("/submissions/{id}/submit", submission).then().statusCode(409);

        as("organizer").get("/submissions/{id}/scores", submission).then().statusCode(200).body("", hasSize(2))
                .body("find { it.tourTaskItemId == '" + world.activity().item(1) + "' }.score", equalTo(0.0f))
                .body("find { it.tourTaskItemId == '" + world.activity().item(2) + "' }.score", equalTo(3.0f))
                .body("every { it.isCurrent && it.scoreVersion == 1 }", equalTo(true));
        assertThat(TestSql.column(db, "select type from outbox_events where aggregate_id = ?::uuid order by position", submission))
                .containsExactly("submission.started", "submission.submitted", "submission.checking_started");
        assertThat(TestSql.count(db, "select count(*) from outbox_events e join competition_scores s on s.id = e.aggregate_id "
                + "where s.submission_id = ?::uuid and e.type = 'score.recorded' "
                + "and (e.payload -> 'after' ->> 'score')::numeric = s.score", submission)).isEqualTo(2);
        assertThat(TestSql.column(db, "select method || ':' || status || ':' || score from competition_checks "
                + "where submission_id = ?::uuid", submission)).containsExactly("auto:checked:3.00");
    }

    @Test
    void starting_is_refused_outside_an_open_tour_to_strangers_and_to_withdrawn_participants() throws Exception {
        World world = World.open(feed);
        World.Sitter p = world.admit();
        as("participant", UUID.randomUUID()).post("/tours/{id}/attempts", world.tour()).then().statusCode(403);

        World.Sitter withdrawn = world.admit();
        feed.tourParticipation(withdrawn.tourParticipation(), world.tour(), world.season(), UUID.randomUUID(),
                withdrawn.participant(), "withdrawn", "tour_participation.withdrawn");
        as("participant", withdrawn.user()).post("/tours/{id}/attempts", world.tour()).then().statusCode(409)
                .body("currentState", equalTo("withdrawn"));

        feed.tour(world.tour(), world.season(), "scheduled");
        as("participant", p.user()).post("/tours/{id}/attempts", world.tour()).then().statusCode(409)
                .body("currentState", equalTo("scheduled"));
        assertThat(count("select count(*) from competition_submissions where tour_participation_id = ?::uuid",
                p.tourParticipation())).isZero();
    }

    @Test
    void when_the_tour_closes_every_started_attempt_is_locked_with_its_answers_and_checked() throws Exception {
        World world = World.open(feed);
        World.Sitter a = world.admit();
        World.Sitter b = world.admit();
        String first = start(a.user(), world);
        String second = start(b.user(), world);
        save(a.user(), first, world.activity().item(1), "B", 0).then().statusCode(200);
        save(a.user(), first, world.activity().item(2), 3.14, 0).then().statusCode(200);

        world.close();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                TestSql.column(db, "select status::text from competition_submissions where id = ?::uuid", second)
                        .equals(List.of("checking")));

        assertThat(TestSql.column(db, "select status::text || ':' || (locked_at is not null) from competition_submissions "
                + "where id = ?::uuid", first)).containsExactly("checking:true");
        assertThat(TestSql.column(db, "select sum(score)::text from competition_scores where submission_id = ?::uuid "
                + "and is_current", first)).containsExactly("5.00");
        assertThat(TestSql.column(db, "select type from outbox_events where aggregate_id = ?::uuid order by position", second))
                .containsExactly("submission.started", "submission.locked", "submission.checking_started");
        save(a.user(), first, world.activity().item(1), "C", 1).then().statusCode(409);
        as("participant", b.user()).post("/submissions/{id}/submit", second).then().statusCode(409);
        as("participant", a.user()).get("/submissions/{id}", first).then().statusCode(200).body("answers", hasSize(2));
    }

    @Test
    void helpers_enter_answers_and_upload_scans_only_for_their_own_group_and_role() throws Exception {
        World world = World.open(feed);
        World.Sitter p = world.admit();
        UUID group = UUID.randomUUID();
        UUID enterer = UUID.randomUUID();
        UUID uploader = UUID.randomUUID();
        UUID otherGroupHelper = UUID.randomUUID();
        feed.groupMember(group, p.participant(), world.season());
        feed.groupHelper(group, enterer, "answers_entry", "active", world.season());
        feed.groupHelper(group, uploader, "file_upload", "active", world.season());
        feed.groupHelper(UUID.randomUUID(), otherGroupHelper, "answers_entry", "active", world.season());

        as("teacher", otherGroupHelper).body(Map.of("participantId", p.participant().toString()))
                .post("/tours/{id}/attempts", world.tour()).then().statusCode(403);
        as("teacher", uploader).body(Map.of("participantId", p.participant().toString()))
                .post("/tours/{id}/attempts", world.tour()).then().statusCode(403);
        String submission = as("teacher", enterer).body(Map.of("participantId", p.participant().toString()))
                .post("/tours/{id}/attempts", world.tour()).then().statusCode(201).extract().path("id");
        save(enterer, submission, world.activity().item(1), "B", 0).then().statusCode(200);
        save(otherGroupHelper, submission, world.activity().item(1), "A", 1).then().statusCode(403);
        save(uploader, submission, world.activity().item(1), "A", 1).then().statusCode(403);

        upload(enterer, submission, null).then().statusCode(403);
        upload(uploader, submission, null).then().statusCode(201).body("isLate", equalTo(false))
                .body("uploadedByUserId", equalTo(uploader.toString()))
                .body("uploadedForParticipantId", equalTo(p.participant().toString()));

        world.close();
        upload(uploader, submission, null).then().statusCode(422).body("field", equalTo("lateReason"));
        upload(uploader, submission, "школа сканировала бланки после тура").then().statusCode(201)
                .body("isLate", equalTo(true)).body("lateReason", equalTo("школа сканировала бланки после тура"));
        assertThat(count("select count(*) from competition_submission_files where submission_id = ?::uuid",
                UUID.fromString(submission))).isEqualTo(2);
        assertThat(TestSql.column(db, "select item_result_snapshot ->> 'saved_by_user_id' from competition_answer_items "
                + "where submission_id = ?::uuid", submission)).containsExactly(enterer.toString());
    }

    @Test
    void an_organiser_voids_a_submission_with_a_reason_and_its_scores_stay_marked_void() throws Exception {
        World world = World.open(feed);
        World.Sitter p = world.admit();
        String submission = start(p.user(), world);
        save(p.user(), submission, world.activity().item(1), "B", 0).then().statusCode(200);
        as("participant", p.user()).post("/submissions/{id}/submit", submission).then().statusCode(200);

        as("organizer").body(Map.of()).post("/submissions/{id}/void", submission).then().statusCode(400);
        as("checker").body(Map.of("reason", "x")).post("/submissions/{id}/void", submission).then().statusCode(403);
        as("organizer").body(Map.of("reason", "списывание")).post("/submissions/{id}/void", submission).then()
                .statusCode(200).body("status", equalTo("void"));
        as("organizer").body(Map.of("reason", "again")).post("/submissions/{id}/void", submission).then().statusCode(409);

        assertThat(TestSql.column(db, "select (voided_at is not null)::text from competition_scores where submission_id = ?::uuid",
                submission)).containsOnly("true").hasSize(2);
        assertThat(TestSql.column(db, "select payload ->> 'reason' from outbox_events where aggregate_id = ?::uuid "
                + "and type = 'submission.voided'", submission)).containsExactly("списывание");
        assertThat(TestSql.count(db, "select count(*) from outbox_events e join competition_scores s on s.id = e.aggregate_id "
                + "where s.submission_id = ?::uuid and e.type = 'score.voided'", submission)).isEqualTo(2);
    }

    static String start(UUID user, World world) {
        return as("participant", user).post("/tours/{id}/attempts", world.tour()).then().statusCode(201).extract().path("id");
    }

    static io.restassured.response.Response save(UUID user, String submission, String item, Object answer, int base) {
        return as("participant", user).body(Map.of("answer", answer, "baseVersion", base))
                .put("/submissions/{id}/answers/{item}", submission, item);
    }

    private static io.restassured.response.Response upload(UUID user, String submission, String lateReason) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("type", "scan", "url", "s3://scans/" + UUID.randomUUID() + ".pdf"));
        if (lateReason != null) {
            body.put("lateReason", lateReason);
        }
        return as("teacher", user).body(body).post("/submissions/{id}/files", submission);
    }

    private long count(String sql, UUID param) throws Exception {
        return TestSql.count(db, sql, param.toString());
    }
}
