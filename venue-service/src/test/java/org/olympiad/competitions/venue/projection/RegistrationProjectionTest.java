package org.olympiad.competitions.venue.projection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.platform.testing.TestSql;
import org.olympiad.competitions.venue.RegistrationFeed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** registration-service's events reach venue-service's projection once, in order, whatever is redelivered. */
@QuarkusTest
class RegistrationProjectionTest {

    @Inject
    AgroalDataSource db;

    RegistrationFeed feed;

    @BeforeEach
    void open() {
        feed = new RegistrationFeed(db);
    }

    @AfterEach
    void close() {
        feed.close();
    }

    @Test
    void a_season_its_tour_categories_organisation_and_open_venue_role_are_projected() throws Exception {
        RegistrationFeed.Season season = feed.season();

        assertThat(column("select status from venue_projection_seasons where id = ?::uuid", season.id()))
                .containsExactly("registration_open");
        assertThat(column("select season_id::text || ' ' || status from venue_projection_tours where id = ?::uuid", season.tourId()))
                .containsExactly(season.id() + " open");
        assertThat(column("select key from venue_projection_grade_categories where season_id = ?::uuid order by key", season.id()))
                .containsExactly("5-6", "7-8");
        assertThat(column("select role || ' ' || status from venue_projection_organization_roles "
                + "where competition_organization_id = ?::uuid", season.organizationId())).containsExactly("open_venue active");
    }

    @Test
    void an_admitted_participant_maps_their_identity_user_to_the_tour_participation_with_its_delivery_mode() throws Exception {
        RegistrationFeed.Season season = feed.season();
        RegistrationFeed.Admitted admitted = feed.admitted(season, "venue");

        assertThat(column("select p.identity_user_id::text || ' ' || tp.delivery_mode || ' ' || tp.status "
                        + "from venue_projection_tour_participations tp join venue_projection_participants p on p.id = tp.participant_id "
                        + "where tp.id = ?::uuid", admitted.tourParticipationId()))
                .containsExactly(admitted.userId() + " venue admitted");
    }

    @Test
    void a_redelivered_event_is_applied_once_and_a_later_event_of_the_entity_replaces_the_row() throws Exception {
        UUID season = UUID.randomUUID();
        EventEnvelope opened = envelope("season.registration_opened", season, "registration_open");
        feed.send(opened);
        feed.send(opened); // redelivered
        feed.flush();
        feed.awaitRow("venue_projection_seasons where id = ?::uuid", season);
        feed.send(envelope("season.started", season, "running"));
        feed.flush();

        await().atMost(Duration.ofSeconds(60)).until(() -> column("select status from venue_projection_seasons where id = ?::uuid",
                season).equals(List.of("running")));
        assertThat(column("select count(*) from inbox_processed_events where event_id = ?::uuid", opened.eventId()))
                .containsExactly("1");
    }

    @Test
    void a_deleted_grade_category_is_no_longer_accepted() throws Exception {
        RegistrationFeed.Season season = feed.season();
        feed.send(new EventEnvelope(UUID.randomUUID(), "grade_category.deleted", EntityTypes.GRADE_CATEGORY,
                season.grades5to6(), season.id(), null, Instant.now(), null, null,
                EventJson.mapper().createObjectNode().put("id", season.grades5to6().toString()), null, 1));
        feed.flush();

        await().atMost(Duration.ofSeconds(60)).until(() -> column(
                "select deleted::text from venue_projection_grade_categories where id = ?::uuid", season.grades5to6())
                .equals(List.of("true")));
    }

    private static EventEnvelope envelope(String type, UUID season, String status) {
        return new EventEnvelope(UUID.randomUUID(), type, EntityTypes.SEASON, season, season, null, Instant.now(), null, null,
                null, EventJson.mapper().createObjectNode().put("id", season.toString()).put("status", status), 1);
    }

    private List<String> column(String sql, UUID id) throws Exception {
        return TestSql.column(db, sql, id.toString());
    }
}
