package org.olympiad.competitions.venue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.Topics;
import org.olympiad.competitions.platform.testing.TestKafka;
import org.olympiad.competitions.platform.testing.TestSql;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * registration-service as venue-service hears it: events shaped as registration-service publishes them (the full
 * row in {@code after}, snake_case), sent to {@code competitions.registration.v1} on the real broker. Tests wait
 * until the projection holds what they sent.
 */
public final class RegistrationFeed implements AutoCloseable {

    private final KafkaCompanion kafka = TestKafka.companion();
    private final DataSource db;
    private final List<ProducerRecord<String, String>> pending = new ArrayList<>();

    private static volatile boolean listening;

    public RegistrationFeed(DataSource db) {
        this.db = db;
        awaitListening();
    }

    /**
     * The test profile's consumer starts at the end of the topic, so an event sent before it has its partitions is
     * never seen: probe seasons are sent until one reaches the projection.
     */
    private void awaitListening() {
        if (listening) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!listening) {
            UUID probe = UUID.randomUUID();
            event("season.created", EntityTypes.SEASON, probe, probe, row(probe).put("status", "draft"));
            flush();
            try {
                await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).until(() ->
                        TestSql.count(db, "select count(*) from venue_projection_seasons where id = ?::uuid", probe.toString()) > 0);
                listening = true;
            } catch (org.awaitility.core.ConditionTimeoutException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
        }
    }

    /** A season with one open tour, two grade categories and an organisation holding the open_venue role. */
    public record Season(UUID id, UUID tourId, UUID grades5to6, UUID grades7to8, UUID organizationId) {
    }

    /** A participant admitted to the season's tour; {@code userId} is the identity user their token names. */
    public record Admitted(UUID participantId, UUID userId, UUID tourParticipationId) {
    }

    public Season season() {
        UUID season = UUID.randomUUID();
        UUID tour = UUID.randomUUID();
        UUID g56 = UUID.randomUUID();
        UUID g78 = UUID.randomUUID();
        UUID org = UUID.randomUUID();
        event("season.registration_opened", EntityTypes.SEASON, season, season, row(season).put("status", "registration_open")
                .put("title", "Сезон 2026/27"));
        event("tour.opened", EntityTypes.TOUR, tour, season, row(tour).put("season_id", season.toString()).put("status", "open")
                .put("position", 1).put("format", "test"));
        event("grade_category.created", EntityTypes.GRADE_CATEGORY, g56, season, row(g56).put("season_id", season.toString())
                .put("key", "5-6").put("title", "5–6 классы"));
        event("grade_category.created", EntityTypes.GRADE_CATEGORY, g78, season, row(g78).put("season_id", season.toString())
                .put("key", "7-8").put("title", "7–8 классы"));
        event("organization.joined", EntityTypes.ORGANIZATION, org, season, row(org).put("season_id", season.toString())
                .put("identity_organization_id", UUID.randomUUID().toString()).put("display_name_snapshot", "Школа № 57")
                .put("participation_status", "active"));
        grantRole(org, season, "open_venue");
        flush();
        awaitRow("venue_projection_organization_roles where competition_organization_id = ?::uuid", org);
        awaitRow("venue_projection_grade_categories where id = ?::uuid", g78);
        awaitRow("venue_projection_tours where id = ?::uuid", tour);
        awaitRow("venue_projection_seasons where id = ?::uuid", season);
        return new Season(season, tour, g56, g78, org);
    }

    public UUID organization(UUID season, String role) {
        UUID org = UUID.randomUUID();
        event("organization.joined", EntityTypes.ORGANIZATION, org, season, row(org).put("season_id", season.toString())
                .put("identity_organization_id", UUID.randomUUID().toString()).put("display_name_snapshot", "Гимназия № 1")
                .put("participation_status", "active"));
        if (role != null) {
            grantRole(org, season, role);
        }
        flush();
        awaitRow("venue_projection_organizations where id = ?::uuid", org);
        return org;
    }

    private void grantRole(UUID org, UUID season, String role) {
        UUID id = UUID.randomUUID();
        event("organization_role.granted", EntityTypes.ORGANIZATION_ROLE, id, season, row(id)
                .put("competition_organization_id", org.toString()).put("role", role).put("status", "active"));
    }

    /** A participant in grade 7 admitted to the tour with the given delivery mode. */
    public Admitted admitted(Season season, String deliveryMode) {
        return admitted(season, deliveryMode, "7");
    }

    /** A participant in the given grade admitted to the tour with the given delivery mode. */
    public Admitted admitted(Season season, String deliveryMode, String grade) {
        Admitted a = admit(season, deliveryMode, grade);
        flush();
        awaitRow("venue_projection_tour_participations where id = ?::uuid", a.tourParticipationId());
        awaitRow("venue_projection_participants where id = ?::uuid", a.participantId());
        return a;
    }

    /** Queues the events of one admitted participant; {@link #flush()} sends them. */
    public Admitted admit(Season season, String deliveryMode) {
        return admit(season, deliveryMode, "7");
    }

    public Admitted admit(Season season, String deliveryMode, String grade) {
        UUID participant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID sp = UUID.randomUUID();
        UUID tp = UUID.randomUUID();
        event("participant.created", EntityTypes.PARTICIPANT, participant, season.id(), row(participant)
                .put("season_id", season.id().toString()).put("identity_user_id", user.toString())
                .put("display_name", "Участник").put("grade", grade).put("duplicate_status", "not_checked"));
        event("season_participation.created", EntityTypes.SEASON_PARTICIPATION, sp, season.id(), row(sp)
                .put("season_id", season.id().toString()).put("participant_id", participant.toString()).put("status", "active"));
        event("tour_participation.admitted", EntityTypes.TOUR_PARTICIPATION, tp, season.id(), tourParticipation(tp, season,
                sp, participant, deliveryMode, "admitted"));
        return new Admitted(participant, user, tp);
    }

    /** registration-service withdrew or disqualified the tour participation. */
    public void ended(Season season, Admitted a, String status) {
        event("tour_participation." + status, EntityTypes.TOUR_PARTICIPATION, a.tourParticipationId(), season.id(),
                tourParticipation(a.tourParticipationId(), season, UUID.randomUUID(), a.participantId(), "venue", status));
        flush();
    }

    /** A group of the organisation with a helper holding the given role; returns the helper's user id. */
    public UUID helper(UUID season, UUID organization, UUID teacher, String role) {
        UUID group = UUID.randomUUID();
        UUID helperRow = UUID.randomUUID();
        UUID helper = UUID.randomUUID();
        event("group.created", EntityTypes.GROUP, group, season, row(group).put("season_id", season.toString())
                .put("competition_organization_id", organization.toString()).put("primary_teacher_user_id", teacher.toString())
                .put("status", "active").put("title_snapshot", "7Б"));
        event("group_helper.granted", EntityTypes.GROUP_HELPER, helperRow, season, row(helperRow).put("group_id", group.toString())
                .put("helper_user_id", helper.toString()).put("role", role).put("status", "active"));
        flush();
        awaitRow("venue_projection_group_helpers where id = ?::uuid", helperRow);
        awaitRow("venue_projection_groups where id = ?::uuid", group);
        return helper;
    }

    /** A group of a teacher (for photo reports); returns the group id. */
    public UUID group(UUID season, UUID organization, UUID teacher) {
        UUID group = UUID.randomUUID();
        event("group.created", EntityTypes.GROUP, group, season, row(group).put("season_id", season.toString())
                .put("competition_organization_id", organization == null ? null : organization.toString())
                .put("primary_teacher_user_id", teacher.toString()).put("status", "active").put("title_snapshot", "8А"));
        flush();
        awaitRow("venue_projection_groups where id = ?::uuid", group);
        return group;
    }

    private ObjectNode tourParticipation(UUID tp, Season season, UUID sp, UUID participant, String mode, String status) {
        return row(tp).put("tour_id", season.tourId().toString()).put("season_participation_id", sp.toString())
                .put("participant_id", participant.toString()).put("delivery_mode", mode).putNull("track_id")
                .putNull("venue_id").put("status", status).put("admitted_at", Instant.now().toString());
    }

    public EventEnvelope event(String type, String entityType, UUID id, UUID season, ObjectNode after) {
        EventEnvelope e = new EventEnvelope(UUID.randomUUID(), type, entityType, id, season, null, Instant.now(), "feed",
                null, null, after, 1);
        send(e);
        return e;
    }

    public void send(EventEnvelope e) {
        pending.add(new ProducerRecord<>(Topics.REGISTRATION, e.entityId() == null ? null : e.entityId().toString(),
                EventJson.write(e)));
    }

    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<ProducerRecord<String, String>> records = List.copyOf(pending);
        pending.clear();
        kafka.produce(String.class, String.class).fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
    }

    public void awaitRow(String fromWhere, UUID id) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> TestSql.count(db, "select count(*) from " + fromWhere, id.toString()) > 0);
    }

    private static ObjectNode row(UUID id) {
        return EventJson.mapper().createObjectNode().put("id", id.toString());
    }

    @Override
    public void close() {
        kafka.close();
    }
}
