package org.olympiad.competitions.registration.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.Topics;
import org.olympiad.competitions.platform.testing.TestKafka;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.olympiad.competitions.registration.CatalogueFixtures.as;
import static org.olympiad.competitions.registration.CatalogueFixtures.createEvent;
import static org.olympiad.competitions.registration.CatalogueFixtures.createSeason;

/** Changes reach Kafka through the outbox: keyed by the entity, with before/after, stamped published. */
@QuarkusTest
class OutboxPublishingTest {

    @Inject
    AgroalDataSource db;

    KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = TestKafka.companion();
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void a_season_transition_is_published_keyed_by_the_season_with_before_and_after() throws Exception {
        String season = createSeason(createEvent());
        as("organizer").header("X-Request-Id", "req-" + season).body(Map.of("to", "registration_open"))
                .post("/seasons/{id}/transitions", season).then().statusCode(200);

        List<EventEnvelope> published = eventsOf(season, 2);
        EventEnvelope created = published.get(0);
        EventEnvelope opened = published.get(1);
        assertThat(created.type()).isEqualTo("season.created");
        assertThat(created.entityType()).isEqualTo("competition_seasons");
        assertThat(created.before()).isNull();
        assertThat(created.after().get("title").asText()).isEqualTo("Сезон 2026/27");
        assertThat(created.after().has("registration_policy")).as("snapshots use column names").isTrue();

        assertThat(opened.type()).isEqualTo("season.registration_opened");
        assertThat(opened.seasonId()).hasToString(season);
        assertThat(opened.requestId()).isEqualTo("req-" + season);
        assertThat(opened.actorUserId()).isNotNull();
        assertThat(opened.before().get("status").asText()).isEqualTo("draft");
        assertThat(opened.after().get("status").asText()).isEqualTo("registration_open");

        await().atMost(Duration.ofSeconds(10)).until(() -> unpublishedOf(season) == 0);
    }

    @Test
    void a_refused_request_writes_no_event() throws Exception {
        String season = createSeason(createEvent());
        as("organizer").body(Map.of("to", "archived")).post("/seasons/{id}/transitions", season).then().statusCode(409);
        as("organizer").body(Map.of("to", "cancelled")).post("/seasons/{id}/transitions", season).then().statusCode(422);
        assertThat(outboxRowsOf(season)).isEqualTo(1); // season.created only
    }

    /** This season's events as consumers see them, in topic order, checking key and headers on the way. */
    private List<EventEnvelope> eventsOf(String season, int expected) {
        return TestKafka.await(kafka, Topics.REGISTRATION, expected, r -> season.equals(r.key())).stream().map(r -> {
            EventEnvelope envelope = EventJson.read(r.value());
            assertThat(header(r, "event-id")).isEqualTo(envelope.eventId().toString());
            assertThat(header(r, "event-type")).isEqualTo(envelope.type());
            return envelope;
        }).toList();
    }

    private long unpublishedOf(String season) throws Exception {
        return count("select count(*) from outbox_events where aggregate_id = ?::uuid and published_at is null", season);
    }

    private long outboxRowsOf(String season) throws Exception {
        return count("select count(*) from outbox_events where aggregate_id = ?::uuid", season);
    }

    private long count(String sql, String id) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
