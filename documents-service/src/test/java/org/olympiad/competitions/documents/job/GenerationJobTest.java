package org.olympiad.competitions.documents.job;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.Topics;
import org.olympiad.competitions.documents.Feeds;
import org.olympiad.competitions.platform.testing.TestKafka;
import org.olympiad.competitions.platform.testing.TestSql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.olympiad.competitions.documents.Feeds.as;
import static org.olympiad.competitions.documents.Feeds.awaitJob;
import static org.olympiad.competitions.documents.Feeds.documentsOf;

/** A publication's generation job: created by results' events, progress over HTTP, never a second document. */
@QuarkusTest
class GenerationJobTest {

    @Inject
    AgroalDataSource db;

    Feeds feeds;

    @BeforeEach
    void connect() {
        feeds = new Feeds();
    }

    @AfterEach
    void close() {
        feeds.close();
    }

    @Test
    void a_publication_gets_one_document_per_result_that_earns_one() {
        Feeds.Season season = feeds.season("Олимпиада по математике", "Сезон 2026/27");
        UUID first = feeds.participant(season, "Иванова Мария Петровна", UUID.randomUUID());
        UUID mention = feeds.participant(season, "Петров Илья", UUID.randomUUID());
        UUID taking = feeds.participant(season, "Сидоров Олег", UUID.randomUUID());
        UUID none = feeds.participant(season, "Кузнецов Иван", UUID.randomUUID());
        UUID publication = UUID.randomUUID();
        feeds.published(feeds.result(season, first, publication, "diploma_1", "Диплом I степени"));
        feeds.published(feeds.result(season, mention, publication, "honorable_mention_1", null));
        feeds.published(feeds.result(season, taking, publication, "participation_certificate", null));
        feeds.published(feeds.result(season, none, publication, "no_award", null));
        feeds.publicationPublished(season, publication, 4);

        Map<String, Object> job = awaitJob(publication, "succeeded");

        assertThat(job.get("progress")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("done", 3).containsEntry("total", 3).containsEntry("failed", 0)
                .containsEntry("expectedResults", 4).containsEntry("receivedResults", 4);
        assertThat(documentsOf(first)).singleElement().satisfies(d -> {
            assertThat(d.get("type")).isEqualTo("diploma");
            assertThat(d.get("status")).isEqualTo("generated");
            assertThat((String) d.get("verificationCode")).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        });
        assertThat(documentsOf(mention)).extracting(d -> d.get("type")).containsExactly("certificate");
        assertThat(documentsOf(taking)).extracting(d -> d.get("type")).containsExactly("participation");
        assertThat(documentsOf(none)).isEmpty();
        as("organizer").get("/document-generation-jobs/{id}", job.get("id")).then().statusCode(200)
                .body("status", equalTo("succeeded")).body("progress.done", equalTo(3));
    }

    @Test
    void redelivered_events_repeated_results_and_a_rerun_never_make_a_second_document() throws Exception {
        Feeds.Season season = feeds.season("Турнир городов", "Весна 2027");
        UUID holder = feeds.participant(season, "Орлова Анна", UUID.randomUUID());
        UUID publication = UUID.randomUUID();
        Feeds.Result result = feeds.result(season, holder, publication, "diploma_2", null);
        EventEnvelope event = feeds.published(result);
        feeds.send(Topics.RESULTS, event); // the same event redelivered
        feeds.published(result); // the same result published again by a new event
        feeds.publicationPublished(season, publication, 2);
        Map<String, Object> job = awaitJob(publication, "succeeded");
        String code = (String) documentsOf(holder).get(0).get("verificationCode");

        as("organizer").body(Map.of("to", "queued", "reason", "проверка повторного запуска"))
                .post("/document-generation-jobs/{id}/transitions", job.get("id")).then().statusCode(200)
                .body("status", equalTo("queued"));
        awaitJob(publication, "succeeded");

        assertThat(documentsOf(holder)).singleElement()
                .satisfies(d -> assertThat(d.get("verificationCode")).isEqualTo(code));
        assertThat(TestSql.count(db, "select count(*) from competition_award_documents where result_id = ?::uuid",
                result.id().toString())).isEqualTo(1);
    }

    @Test
    void a_job_left_running_by_a_stopped_worker_is_resumed_and_finishes_what_is_left() throws Exception {
        Feeds.Season season = feeds.season("Олимпиада по физике", "Сезон 2026/27");
        UUID done = feeds.participant(season, "Лебедев Артём", UUID.randomUUID());
        UUID left = feeds.participant(season, "Смирнова Дарья", UUID.randomUUID());
        awaitProjection(left);
        UUID job = UUID.randomUUID();
        UUID publication = UUID.randomUUID();
        // the state a crash leaves: running, no progress for ten minutes, one document made and one still pending
        try (Connection c = db.getConnection()) {
            update(c, "insert into competition_document_generation_jobs (id, publication_id, status, payload, updated_at) "
                    + "values (?::uuid, ?::uuid, 'running', jsonb_build_object('kind', 'publication', 'season_id', ?, "
                    + "'expected_results', 2, 'received_results', 2), now() - interval '10 minutes')",
                    job.toString(), publication.toString(), season.id().toString());
            update(c, "insert into competition_award_documents (result_id, type, status, verification_code, document_url, "
                    + "generated_at, recipient_snapshot) values (gen_random_uuid(), 'diploma', 'generated', ?, 'x', now(), "
                    + "jsonb_build_object('participant_id', ?, 'season_id', ?, 'job_id', ?))",
                    "TEST-" + UUID.randomUUID(), done.toString(), season.id().toString(), job.toString());
            update(c, "insert into competition_award_documents (result_id, type, status, recipient_snapshot) "
                    + "values (gen_random_uuid(), 'diploma', 'pending', jsonb_build_object('participant_id', ?, "
                    + "'season_id', ?, 'job_id', ?, 'award_title', 'Диплом III степени'))",
                    left.toString(), season.id().toString(), job.toString());
        }

        Map<String, Object> finished = awaitJob(publication, "succeeded");

        assertThat(finished.get("progress")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("done", 2).containsEntry("total", 2);
        assertThat(documentsOf(left)).singleElement().satisfies(d -> assertThat(d.get("status")).isEqualTo("generated"));
        assertThat(TestSql.column(db, "select payload->>'reason' from outbox_events where aggregate_id = ?::uuid "
                + "and type = 'document_generation_job.started'", job.toString()))
                .singleElement().asString().startsWith("resumed");
    }

    @Test
    void a_job_waits_for_the_rest_of_its_publication_and_then_succeeds() {
        Feeds.Season season = feeds.season("Олимпиада по химии", "Сезон 2026/27");
        UUID a = feeds.participant(season, "Волков Пётр", UUID.randomUUID());
        UUID b = feeds.participant(season, "Зайцева Ольга", UUID.randomUUID());
        UUID publication = UUID.randomUUID();
        feeds.publicationPublished(season, publication, 2);
        feeds.published(feeds.result(season, a, publication, "diploma_3", null));

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                documentsOf(a).stream().anyMatch(d -> "generated".equals(d.get("status"))));
        Map<String, Object> waiting = awaitJob(publication, "queued");
        assertThat(waiting.get("payload")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("waiting", true);

        feeds.published(feeds.result(season, b, publication, "diploma_1", null));
        Map<String, Object> job = awaitJob(publication, "succeeded");
        assertThat(job.get("progress")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("done", 2).containsEntry("receivedResults", 2);
    }

    @Test
    void moving_a_job_against_its_lifecycle_is_a_409_naming_both_states_and_changes_nothing() {
        Feeds.Season season = feeds.season("Олимпиада", "Сезон");
        UUID holder = feeds.participant(season, "Белова Нина", UUID.randomUUID());
        UUID publication = UUID.randomUUID();
        feeds.published(feeds.result(season, holder, publication, "diploma_1", null));
        feeds.publicationPublished(season, publication, 1);
        Map<String, Object> job = awaitJob(publication, "succeeded");

        as("organizer").body(Map.of("to", "cancelled")).post("/document-generation-jobs/{id}/transitions", job.get("id"))
                .then().statusCode(409).contentType("application/problem+json")
                .body("currentState", equalTo("succeeded")).body("requestedState", equalTo("cancelled"));
        as("organizer").body(Map.of("to", "running")).post("/document-generation-jobs/{id}/transitions", job.get("id"))
                .then().statusCode(422).body("field", equalTo("to"));
        as("teacher").get("/document-generation-jobs/{id}", job.get("id")).then().statusCode(403);
        as("organizer").get("/document-generation-jobs/{id}", job.get("id")).then().statusCode(200)
                .body("status", equalTo("succeeded"));
    }

    @Test
    void documents_and_jobs_publish_their_events() {
        Feeds.Season season = feeds.season("Олимпиада по биологии", "Сезон 2026/27");
        UUID holder = feeds.participant(season, "Морозова Вера", UUID.randomUUID());
        UUID publication = UUID.randomUUID();
        Feeds.Result result = feeds.result(season, holder, publication, "diploma_1", null);
        feeds.published(result);
        feeds.publicationPublished(season, publication, 1);
        awaitJob(publication, "succeeded");
        String document = (String) documentsOf(holder).get(0).get("id");

        var records = TestKafka.await(feeds.kafka(), Topics.DOCUMENTS, 2, r -> r.key().equals(document));
        assertThat(records).extracting(r -> org.olympiad.competitions.contracts.EventJson.read(r.value()).type())
                .containsExactly("award_document.created", "award_document.generated");
    }

    private void awaitProjection(UUID participant) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> TestSql.count(db,
                "select count(*) from documents_projection_participants where id = ?::uuid", participant.toString()) == 1);
    }

    private static void update(Connection c, String sql, String... params) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    @SuppressWarnings("unused")
    private static List<String> types(List<Map<String, Object>> documents) {
        return documents.stream().map(d -> (String) d.get("type")).toList();
    }
}
