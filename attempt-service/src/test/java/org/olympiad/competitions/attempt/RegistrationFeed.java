package org.olympiad.competitions.attempt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.platform.testing.TestKafka;
import org.olympiad.competitions.platform.testing.TestSql;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * registration-service's events as it publishes them (the snake_case rows of its views), sent to the topic the test
 * profile consumes; each method waits until attempt-service's projection shows the change.
 */
public final class RegistrationFeed implements AutoCloseable {

    public static final String TOPIC = "attempt-test.registration.v1";
    public static final String RESULTS_TOPIC = "attempt-test.results.v1";

    private final KafkaCompanion kafka = TestKafka.companion();
    private final DataSource db;

    public RegistrationFeed(DataSource db) {
        this.db = db;
    }

    public KafkaCompanion kafka() {
        return kafka;
    }

    public void tour(UUID tourId, UUID seasonId, String status) {
        ObjectNode row = row().put("id", tourId.toString()).put("season_id", seasonId.toString()).put("title", "Тур 1")
                .put("position", 1).put("format", "test").put("status", status)
                .put("starts_at", "2026-11-01T09:00:00Z").put("ends_at", "2026-11-30T18:00:00Z");
        row.set("settings", EventJson.mapper().createObjectNode());
        send(envelope("tour." + verbOf(status), "competition_tours", tourId, seasonId, row));
        awaitRow("select count(*) from attempt_projection_tours where tour_id = ?::uuid and status = '" + status + "'", tourId);
    }

    /** A participant with its identity user, admitted to the tour; answers the tour participation id. */
    public UUID admitted(UUID tourId, UUID seasonId, UUID participantId, UUID identityUserId) {
        send(envelope("participant.created", "competition_participants", participantId, seasonId, row()
                .put("id", participantId.toString()).put("season_id", seasonId.toString())
                .put("identity_user_id", identityUserId == null ? null : identityUserId.toString())
                .put("display_name", "Участник").put("grade", "9").put("duplicate_status", "not_checked")));
        UUID seasonParticipation = UUID.randomUUID();
        send(envelope("season_participation.created", "competition_season_participations", seasonParticipation, seasonId,
                row().put("id", seasonParticipation.toString()).put("season_id", seasonId.toString())
                        .put("participant_id", participantId.toString()).put("status", "active")));
        UUID tp = UUID.randomUUID();
        tourParticipation(tp, tourId, seasonId, seasonParticipation, participantId, "admitted", "tour_participation.admitted");
        awaitRow("select count(*) from attempt_projection_participants where participant_id = ?::uuid", participantId);
        return tp;
    }

    public void tourParticipation(UUID id, UUID tourId, UUID seasonId, UUID seasonParticipation, UUID participantId,
                                  String status, String type) {
        send(envelope(type, "competition_tour_participations", id, seasonId, row().put("id", id.toString())
                .put("tour_id", tourId.toString()).put("season_participation_id", seasonParticipation.toString())
                .put("participant_id", participantId == null ? null : participantId.toString())
                .put("delivery_mode", "online").put("status", status).put("admitted_at", Instant.now().toString())));
        awaitRow("select count(*) from attempt_projection_tour_participations where tour_participation_id = ?::uuid "
                + "and status = '" + status + "'", id);
    }

    public void groupMember(UUID groupId, UUID participantId, UUID seasonId) {
        UUID id = UUID.randomUUID();
        send(envelope("group_member.added", "competition_group_members", id, seasonId, row().put("id", id.toString())
                .put("group_id", groupId.toString()).put("participant_id", participantId.toString()).put("status", "active")));
        awaitRow("select count(*) from attempt_projection_group_members where group_member_id = ?::uuid", id);
    }

    /** A helper grant; answers its id. */
    public UUID groupHelper(UUID groupId, UUID helperUser, String role, String status, UUID seasonId) {
        UUID id = UUID.randomUUID();
        helperEvent(id, groupId, helperUser, role, status, seasonId);
        return id;
    }

    public void helperEvent(UUID id, UUID groupId, UUID helperUser, String role, String status, UUID seasonId) {
        send(envelope("group_helper." + ("active".equals(status) ? "granted" : "revoked"), "competition_group_helpers", id,
                seasonId, row().put("id", id.toString()).put("group_id", groupId.toString())
                        .put("helper_user_id", helperUser.toString()).put("role", role).put("status", status)));
        awaitRow("select count(*) from attempt_projection_group_helpers where group_helper_id = ?::uuid and status = '"
                + status + "'", id);
    }

    public EventEnvelope envelope(String type, String entityType, UUID entityId, UUID seasonId, ObjectNode after) {
        return new EventEnvelope(UUID.randomUUID(), type, entityType, entityId, seasonId, UUID.randomUUID(), Instant.now(),
                "req-" + type, null, null, after, 1);
    }

    public void send(EventEnvelope event) {
        sendTo(TOPIC, event);
    }

    public void sendTo(String topic, EventEnvelope event) {
        kafka.produce(String.class, String.class)
                .fromRecords(new ProducerRecord<>(topic, event.entityId().toString(), EventJson.write(event)))
                .awaitCompletion(Duration.ofSeconds(10));
    }

    public void awaitRow(String countSql, UUID param) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> TestSql.count(db, countSql, param.toString()) > 0);
    }

    public static ObjectNode row() {
        return EventJson.mapper().createObjectNode();
    }

    private static String verbOf(String status) {
        return switch (status) {
            case "open" -> "opened";
            case "closed" -> "closed";
            case "scheduled" -> "scheduled";
            case "draft" -> "created";
            default -> "updated";
        };
    }

    @Override
    public void close() {
        kafka.close();
    }
}
