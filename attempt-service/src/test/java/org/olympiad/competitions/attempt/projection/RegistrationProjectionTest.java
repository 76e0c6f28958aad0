package org.olympiad.competitions.attempt.projection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.attempt.RegistrationFeed;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.Topics;
import org.olympiad.competitions.platform.testing.TestKafka;
import org.olympiad.competitions.platform.testing.TestSql;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** registration-service's events become attempt-service's projections, once each, and bad records go to the DLQ. */
@QuarkusTest
class RegistrationProjectionTest {

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
    void a_tour_its_window_and_status_follow_the_tour_events() throws Exception {
        UUID tour = UUID.randomUUID();
        UUID season = UUID.randomUUID();
        feed.tour(tour, season, "scheduled");
        feed.tour(tour, season, "open");

        var rows = TestSql.rows(db, "select status, format, starts_at::text, season_id::text from attempt_projection_tours "
                + "where tour_id = ?::uuid", new String[]{"status", "format", "starts", "season"}, tour.toString());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("status", "open").containsEntry("format", "test")
                .containsEntry("season", season.toString());
        assertThat(rows.get(0).get("starts")).startsWith("2026-11-01");
    }

    @Test
    void an_admitted_tour_participation_names_its_participant_and_the_participant_its_identity_user() throws Exception {
        UUID tour = UUID.randomUUID();
        UUID season = UUID.randomUUID();
        UUID participant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID tp = feed.admitted(tour, season, participant, user);

        assertThat(TestSql.column(db, "select p.identity_user_id::text from attempt_projection_tour_participations tp "
                + "join attempt_projection_participants p on p.participant_id = tp.participant_id "
                + "where tp.tour_participation_id = ?::uuid and tp.status = 'admitted'", tp.toString()))
                .containsExactly(user.toString());
    }

    @Test
    void a_tour_participation_without_participant_id_takes_it_from_its_season_participation() throws Exception {
        UUID season = UUID.randomUUID();
        UUID participant = UUID.randomUUID();
        UUID seasonParticipation = UUID.randomUUID();
        feed.send(feed.envelope("season_participation.created", "competition_season_participations", seasonParticipation,
                season, RegistrationFeed.row().put("id", seasonParticipation.toString()).put("season_id", season.toString())
                        .put("participant_id", participant.toString()).put("status", "active")));
        feed.awaitRow("select count(*) from attempt_projection_season_participations where season_participation_id = ?::uuid",
                seasonParticipation);
        UUID tp = UUID.randomUUID();
        feed.tourParticipation(tp, UUID.randomUUID(), season, seasonParticipation, null, "admitted", "tour_participation.admitted");

        assertThat(TestSql.column(db, "select participant_id::text from attempt_projection_tour_participations "
                + "where tour_participation_id = ?::uuid", tp.toString())).containsExactly(participant.toString());
    }

    @Test
    void a_redelivered_withdrawal_is_applied_once_and_a_later_state_wins() throws Exception {
        UUID tour = UUID.randomUUID();
        UUID season = UUID.randomUUID();
        UUID participant = UUID.randomUUID();
        UUID tp = feed.admitted(tour, season, participant, UUID.randomUUID());
        EventEnvelope withdrawn = feed.envelope("tour_participation.withdrawn", "competition_tour_participations", tp, season,
                RegistrationFeed.row().put("id", tp.toString()).put("tour_id", tour.toString())
                        .put("season_participation_id", UUID.randomUUID().toString())
                        .put("participant_id", participant.toString()).put("status", "withdrawn"));
        feed.send(withdrawn);
        feed.send(withdrawn);
        feed.awaitRow("select count(*) from attempt_projection_tour_participations where tour_participation_id = ?::uuid "
                + "and status = 'withdrawn'", tp);

        assertThat(TestSql.count(db, "select count(*) from inbox_processed_events where event_id = ?::uuid",
                withdrawn.eventId().toString())).isEqualTo(1);
    }

    @Test
    void group_members_and_helper_grants_are_kept_with_their_status() throws Exception {
        UUID group = UUID.randomUUID();
        UUID season = UUID.randomUUID();
        UUID participant = UUID.randomUUID();
        UUID helper = UUID.randomUUID();
        feed.groupMember(group, participant, season);
        UUID grant = feed.groupHelper(group, helper, "answers_entry", "active", season);
        feed.helperEvent(grant, group, helper, "answers_entry", "revoked", season);

        assertThat(TestSql.column(db, "select status from attempt_projection_group_helpers where group_helper_id = ?::uuid",
                grant.toString())).containsExactly("revoked");
        assertThat(TestSql.column(db, "select participant_id::text from attempt_projection_group_members where group_id = ?::uuid",
                group.toString())).containsExactly(participant.toString());
    }

    @Test
    void a_tour_event_without_its_season_goes_to_the_dead_letter_topic() {
        UUID tour = UUID.randomUUID();
        EventEnvelope broken = new EventEnvelope(UUID.randomUUID(), "tour.opened", "competition_tours", tour, null, null,
                Instant.now(), null, null, null, EventJson.mapper().createObjectNode().put("id", tour.toString())
                .put("status", "open"), 1);
        feed.send(broken);

        var dead = TestKafka.await(feed.kafka(), Topics.deadLetterTopicOf("attempt"), 1,
                r -> r.value().contains(broken.eventId().toString()));
        assertThat(dead.get(0).headers().lastHeader("dead-letter-reason")).isNotNull();
    }
}
