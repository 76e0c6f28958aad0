package org.olympiad.competitions.results.projection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.contracts.Topics;
import org.olympiad.competitions.platform.testing.TestSql;
import org.olympiad.competitions.results.Upstream;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Other services' events become the local data a calculation reads, once each. */
@QuarkusTest
class ProjectionTest {

    @Inject
    AgroalDataSource db;

    @org.junit.jupiter.api.BeforeEach
    void consumersReady() {
        Upstream.awaitConsumers(db);
    }

    @Test
    void participants_land_in_the_grade_category_that_holds_their_grade_and_move_when_a_range_changes() throws Exception {
        try (Upstream up = new Upstream()) {
            UUID junior = up.gradeCategory("g5_6", "5,6");
            UUID senior = up.gradeCategory("g7_8", "7-8");
            UUID vera = up.participant("Вера Орлова", "8", null, true);
            UUID ivan = up.participant("Иван Петров", "6", null, true);
            UUID nobody = up.participant("Пётр Сидоров", "11", null, false);
            up.flush();
            // categories and participants travel on different partitions: whichever arrives last places them
            await().atMost(Duration.ofSeconds(120)).until(() -> count(up.season) == 3
                    && senior.toString().equals(category(vera)) && junior.toString().equals(category(ivan)));
            assertThat(category(nobody)).isNull();

            // the senior category now reaches grade 11: Пётр is placed without an event of his own
            up.send(Topics.REGISTRATION, up.event("grade_category.updated", "competition_grade_categories", senior,
                    Upstream.row().put("id", senior.toString()).put("season_id", up.season.toString()).put("key", "g7_8")
                            .put("title", "7–11").put("grade_range_key", "7-11"))).flush();
            await().atMost(Duration.ofSeconds(120)).until(() -> senior.toString().equals(category(nobody)));
        }
    }

    @Test
    void the_current_score_is_the_highest_version_even_when_an_older_one_arrives_late_and_a_redelivery_changes_nothing()
            throws Exception {
        try (Upstream up = new Upstream()) {
            UUID tour = up.tour(1, "checking");
            UUID participant = up.participant("Анна Белова", "9", null, false);
            UUID tp = up.tourParticipation(tour, participant, null, null, "active");
            UUID submission = up.submission(tp, "checked");
            UUID item = UUID.randomUUID();
            var second = up.scoreEvent("score.recalculated", submission, item, 2, "7.50", "10");
            up.send(Topics.ATTEMPT, second).send(Topics.ATTEMPT, second); // a redelivery
            var first = up.scoreEvent("score.recorded", submission, item, 1, "5", "10"); // the first version, late
            up.send(Topics.ATTEMPT, first);
            up.score(submission, UUID.randomUUID(), 1, "3", "5");
            up.flush();
            // score events are keyed by score id, so they may arrive in any order: wait until the late first
            // version has been processed, then it must not have overwritten the second
            await().atMost(Duration.ofSeconds(120)).until(() -> TestSql.count(db,
                    "select count(*) from inbox_processed_events where event_id = ?::uuid", first.eventId().toString()) == 1
                    && scores(submission).size() == 2);
            assertThat(scores(submission)).containsExactlyInAnyOrder("3.00", "7.50");
            await().atMost(Duration.ofSeconds(120)).until(() -> TestSql.column(db, "select participant_id::text "
                    + "from results_projection_tour_participations where id = ?::uuid", tp.toString()).equals(List.of(participant.toString())));
            assertThat(TestSql.count(db, "select count(*) from inbox_processed_events where event_id = ?::uuid",
                    second.eventId().toString())).isEqualTo(1);

            up.send(Topics.ATTEMPT, up.event("score.voided", "competition_scores", second.entityId(),
                    (com.fasterxml.jackson.databind.node.ObjectNode) second.after().deepCopy())).flush();
            await().atMost(Duration.ofSeconds(120)).until(() -> scores(submission).equals(List.of("3.00")));
        }
    }

    private List<String> scores(UUID submission) throws Exception {
        return TestSql.column(db, "select score::text from results_projection_scores where submission_id = ?::uuid",
                submission.toString());
    }

    private String category(UUID participant) throws Exception {
        List<String> c = TestSql.column(db, "select grade_category_id::text from results_projection_participants "
                + "where id = ?::uuid", participant.toString());
        return c.isEmpty() ? null : c.get(0);
    }

    private long count(UUID season) throws Exception {
        return TestSql.count(db, "select count(*) from results_projection_participants where season_id = ?::uuid",
                season.toString());
    }
}
