package org.olympiad.competitions.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.Topics;
import org.olympiad.competitions.platform.testing.TestKafka;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Other services as results-service sees them: their events, produced onto their topics with the Kafka companion
 * exactly as registration-, attempt- and venue-service publish them (envelope, snake_case row snapshots).
 * Each {@code Upstream} is one season of its own, so tests need no clean database.
 */
public final class Upstream implements AutoCloseable {

    public final UUID season = UUID.randomUUID();
    private final KafkaCompanion kafka = TestKafka.companion();
    private final List<ProducerRecord<String, String>> pending = new ArrayList<>();

    private static volatile boolean consumersReady;

    /**
     * Waits, once per test run, until the service's consumers read all three topics: the test consumer group starts
     * at the end of each topic, so an event sent before its partitions are assigned would never be seen. A marker
     * event per topic is sent again every few seconds until its row shows up.
     */
    public static void awaitConsumers(javax.sql.DataSource db) {
        if (consumersReady) {
            return;
        }
        try (Upstream up = new Upstream()) {
            UUID tp = UUID.randomUUID();
            UUID report = UUID.randomUUID();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(3)).until(() -> {
                up.seasonStatus("draft");
                up.submission(tp, "started");
                up.photoReport(report, UUID.randomUUID(), null, null, "submitted");
                up.flush();
                Thread.sleep(1500);
                return org.olympiad.competitions.platform.testing.TestSql.count(db,
                        "select (select count(*) from results_projection_seasons where id = ?::uuid) "
                                + "+ (select count(*) from results_projection_submissions where tour_participation_id = '" + tp + "') "
                                + "+ (select count(*) from results_projection_photo_reports where id = '" + report + "')",
                        up.season.toString()) == 3;
            });
        }
        consumersReady = true;
    }

    public static ObjectNode row() {
        return EventJson.mapper().createObjectNode();
    }

    public EventEnvelope event(String type, String entityType, UUID id, ObjectNode after) {
        return new EventEnvelope(UUID.randomUUID(), type, entityType, id, season, null, Instant.now(), "req-" + type,
                null, null, after, 1);
    }

    /** Queues an event for its topic; {@link #flush} sends what is queued. */
    public Upstream send(String topic, EventEnvelope event) {
        pending.add(new ProducerRecord<>(topic, event.entityId().toString(), EventJson.write(event)));
        return this;
    }

    public Upstream flush() {
        if (!pending.isEmpty()) {
            kafka.produce(String.class, String.class).fromRecords(List.copyOf(pending)).awaitCompletion(Duration.ofSeconds(30));
            pending.clear();
        }
        return this;
    }

    // ---- registration-service ------------------------------------------------------------------------------------

    public Upstream seasonStatus(String status) {
        return send(Topics.REGISTRATION, event("season.updated", "competition_seasons", season,
                row().put("id", season.toString()).put("status", status)));
    }

    public UUID tour(int position, String status) {
        UUID id = UUID.randomUUID();
        send(Topics.REGISTRATION, event("tour.created", "competition_tours", id, row().put("id", id.toString())
                .put("season_id", season.toString()).put("title", "Тур " + position).put("position", position)
                .put("status", status)));
        return id;
    }

    public UUID track(String key) {
        UUID id = UUID.randomUUID();
        send(Topics.REGISTRATION, event("track.created", "competition_tracks", id, row().put("id", id.toString())
                .put("season_id", season.toString()).put("key", key).put("title", "Трек " + key)));
        return id;
    }

    public UUID gradeCategory(String key, String range) {
        UUID id = UUID.randomUUID();
        send(Topics.REGISTRATION, event("grade_category.created", "competition_grade_categories", id,
                row().put("id", id.toString()).put("season_id", season.toString()).put("key", key)
                        .put("title", "Классы " + range).put("grade_range_key", range)));
        return id;
    }

    public UUID participant(String name, String grade, UUID identityUser, boolean child) {
        UUID id = UUID.randomUUID();
        send(Topics.REGISTRATION, event("participant.created", "competition_participants", id,
                row().put("id", id.toString()).put("season_id", season.toString())
                        .put("identity_user_id", identityUser == null ? null : identityUser.toString())
                        .put("display_name", name).put("grade", grade).put("child_mode_required", child)
                        .put("duplicate_status", "not_checked")));
        return id;
    }

    public UUID tourParticipation(UUID tour, UUID participant, UUID track, UUID venue, String status) {
        UUID id = UUID.randomUUID();
        send(Topics.REGISTRATION, event("tour_participation.admitted", "competition_tour_participations", id,
                row().put("id", id.toString()).put("tour_id", tour.toString())
                        .put("season_participation_id", UUID.randomUUID().toString())
                        .put("participant_id", participant.toString()).put("delivery_mode", "online")
                        .put("track_id", track == null ? null : track.toString())
                        .put("venue_id", venue == null ? null : venue.toString()).put("status", status)));
        return id;
    }

    public UUID accessClaim(UUID participant, UUID requester, String status) {
        UUID id = UUID.randomUUID();
        send(Topics.REGISTRATION, event("access_claim." + status, "competition_access_claims", id,
                row().put("id", id.toString()).put("participant_id", participant.toString())
                        .put("requester_user_id", requester.toString()).put("claim_type", "parent").put("status", status)));
        return id;
    }

    public UUID externalTeacherLink(UUID participant, UUID teacherUser, String relationStatus) {
        UUID profile = UUID.randomUUID();
        send(Topics.REGISTRATION, event("external_teacher.verified", "external_teacher_profiles", profile,
                row().put("id", profile.toString()).put("identity_user_id", teacherUser.toString())
                        .put("verification_status", "verified")));
        UUID link = UUID.randomUUID();
        send(Topics.REGISTRATION, event("external_teacher_link.activated", "external_teacher_student_links", link,
                row().put("id", link.toString()).put("external_teacher_profile_id", profile.toString())
                        .put("participant_id", participant.toString()).put("relation_status", relationStatus)));
        return link;
    }

    public UUID groupWithMember(UUID teacherUser, UUID participant) {
        UUID group = UUID.randomUUID();
        send(Topics.REGISTRATION, event("group.created", "competition_groups", group, row().put("id", group.toString())
                .put("season_id", season.toString()).put("primary_teacher_user_id", teacherUser.toString())
                .put("status", "active")));
        UUID member = UUID.randomUUID();
        send(Topics.REGISTRATION, event("group_member.added", "competition_group_members", member,
                row().put("id", member.toString()).put("group_id", group.toString())
                        .put("participant_id", participant.toString()).put("status", "active")));
        return group;
    }

    // ---- attempt-service -----------------------------------------------------------------------------------------

    public UUID submission(UUID tourParticipation, String status) {
        UUID id = UUID.randomUUID();
        send(Topics.ATTEMPT, event("submission." + status, "competition_submissions", id, row().put("id", id.toString())
                .put("tour_participation_id", tourParticipation.toString()).put("status", status)));
        return id;
    }

    public EventEnvelope scoreEvent(String type, UUID submission, UUID item, int version, String score, String max) {
        UUID id = UUID.randomUUID();
        return event(type, "competition_scores", id, row().put("id", id.toString())
                .put("submission_id", submission.toString()).put("tour_task_item_id", item.toString())
                .put("score_version", version).put("is_current", true).put("score", new BigDecimal(score))
                .put("max_score", new BigDecimal(max)));
    }

    public Upstream score(UUID submission, UUID item, int version, String score, String max) {
        return send(Topics.ATTEMPT, scoreEvent(version == 1 ? "score.recorded" : "score.recalculated", submission,
                item, version, score, max));
    }

    // ---- venue-service -------------------------------------------------------------------------------------------

    public Upstream photoReport(UUID id, UUID tour, UUID venue, UUID group, String status) {
        return send(Topics.VENUE, event("photo_report." + status, "competition_photo_reports", id,
                row().put("id", id.toString()).put("tour_id", tour.toString())
                        .put("venue_id", venue == null ? null : venue.toString())
                        .put("competition_group_id", group == null ? null : group.toString())
                        .put("submitted_by_user_id", UUID.randomUUID().toString()).put("status", status)));
    }

    @Override
    public void close() {
        kafka.close();
    }
}
