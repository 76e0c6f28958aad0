package org.olympiad.competitions.documents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.Topics;
import org.olympiad.competitions.platform.testing.TestKafka;
import org.olympiad.competitions.platform.testing.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The events documents-service consumes, produced the way registration-service and results-service publish them
 * (envelopes with full snake_case row snapshots, keyed by entity id), on the real broker.
 */
public final class Feeds implements AutoCloseable {

    private final KafkaCompanion kafka = TestKafka.companion();
    private static volatile String consumingGroup;

    public Feeds() {
        ensureConsuming();
    }

    /**
     * The service's consumers start at the end of the topics (a test run reads only its own events), so a test must
     * not send before they have their partitions: once per application start, probes go to both topics until both
     * consumers have applied one.
     */
    private void ensureConsuming() {
        String group = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("mp.messaging.incoming.results-events.group.id", String.class);
        if (group.equals(consumingGroup)) {
            return;
        }
        String url = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            EventEnvelope registrationProbe = envelope("event.created", "competition_events", UUID.randomUUID(), null,
                    row(UUID.randomUUID()).put("title", "probe"));
            EventEnvelope resultsProbe = envelope("result.calculated", "competition_results", UUID.randomUUID(), null,
                    row(UUID.randomUUID()));
            send(Topics.REGISTRATION, registrationProbe);
            send(Topics.RESULTS, resultsProbe);
            Thread.sleep(1500);
            try (var c = java.sql.DriverManager.getConnection(url, "postgres", "postgres");
                 var s = c.prepareStatement("select count(*) from inbox_processed_events where event_id in (?, ?)")) {
                s.setObject(1, registrationProbe.eventId());
                s.setObject(2, resultsProbe.eventId());
                try (var rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) == 2;
                }
            }
        });
        consumingGroup = group;
    }

    public record Season(UUID eventId, UUID id) {
    }

    public record Result(UUID id, UUID seasonId, UUID participantId, UUID publicationId, String awardStatusKey,
                         String awardTitle) {
    }

    // ---- registration-service ------------------------------------------------------------------------------------

    public Season season(String eventTitle, String seasonTitle) {
        UUID event = UUID.randomUUID();
        UUID season = UUID.randomUUID();
        send(Topics.REGISTRATION, envelope("event.created", "competition_events", event, null,
                row(event).put("slug", "e-" + event).put("title", eventTitle).put("type", "olympiad")));
        send(Topics.REGISTRATION, envelope("season.created", "competition_seasons", season, season,
                row(season).put("event_id", event.toString()).put("title", seasonTitle).put("status", "draft")));
        return new Season(event, season);
    }

    public UUID participant(Season season, String name, UUID identityUser) {
        UUID participant = UUID.randomUUID();
        ObjectNode row = row(participant).put("season_id", season.id().toString()).put("display_name", name)
                .put("grade", "9");
        row.put("identity_user_id", identityUser == null ? null : identityUser.toString());
        send(Topics.REGISTRATION, envelope("participant.created", "competition_participants", participant, season.id(), row));
        return participant;
    }

    public void accessClaim(UUID participant, UUID requester, String status) {
        UUID claim = UUID.randomUUID();
        send(Topics.REGISTRATION, envelope("access_claim." + status, "competition_access_claims", claim, null,
                row(claim).put("participant_id", participant.toString()).put("requester_user_id", requester.toString())
                        .put("claim_type", "parent").put("status", status)));
    }

    /** An external teacher (verified) with an active link to the participant. */
    public void linkedTeacher(UUID participant, UUID teacherUser) {
        UUID profile = UUID.randomUUID();
        UUID link = UUID.randomUUID();
        send(Topics.REGISTRATION, envelope("external_teacher.verified", "external_teacher_profiles", profile, null,
                row(profile).put("identity_user_id", teacherUser.toString()).put("display_name_snapshot", "Учитель")
                        .put("verification_status", "verified")));
        send(Topics.REGISTRATION, envelope("external_teacher_link.activated", "external_teacher_student_links", link, null,
                row(link).put("external_teacher_profile_id", profile.toString()).put("participant_id", participant.toString())
                        .put("relation_status", "active")));
    }

    public UUID group(Season season, UUID teacherUser, String title) {
        UUID group = UUID.randomUUID();
        send(Topics.REGISTRATION, envelope("group.created", "competition_groups", group, season.id(),
                row(group).put("season_id", season.id().toString()).put("primary_teacher_user_id", teacherUser.toString())
                        .put("title_snapshot", title).put("member_count", 0).put("status", "active")));
        return group;
    }

    public void groupMember(UUID group, UUID participant, String status) {
        UUID member = UUID.randomUUID();
        send(Topics.REGISTRATION, envelope("group_member.added", "competition_group_members", member, null,
                row(member).put("group_id", group.toString()).put("participant_id", participant.toString())
                        .put("status", status)));
    }

    // ---- results-service -----------------------------------------------------------------------------------------

    public Result result(Season season, UUID participant, UUID publication, String awardKey, String awardTitle) {
        return new Result(UUID.randomUUID(), season.id(), participant, publication, awardKey, awardTitle);
    }

    public EventEnvelope published(Result result) {
        EventEnvelope event = envelope("result.published", "competition_results", result.id(), result.seasonId(),
                resultRow(result, "finalized"));
        send(Topics.RESULTS, event);
        return event;
    }

    public void publicationPublished(Season season, UUID publication, int resultCount) {
        send(Topics.RESULTS, envelope("publication.published", "competition_publications", publication, season.id(),
                row(publication).put("season_id", season.id().toString()).put("type", "personal_results")
                        .put("status", "published").put("published_result_count", resultCount)));
    }

    public void voided(Result result, String reason) {
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(), "result.voided", "competition_results", result.id(),
                result.seasonId(), UUID.randomUUID(), Instant.now(), "req-" + UUID.randomUUID(), reason,
                resultRow(result, "finalized"), resultRow(result, "void"), 1);
        send(Topics.RESULTS, event);
    }

    public void revised(Result result, String reason) {
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(), "result.revised", "competition_results", result.id(),
                result.seasonId(), UUID.randomUUID(), Instant.now(), "req-" + UUID.randomUUID(), reason,
                null, resultRow(result, "finalized"), 1);
        send(Topics.RESULTS, event);
    }

    private static ObjectNode resultRow(Result result, String status) {
        return row(result.id()).put("season_id", result.seasonId().toString())
                .put("participant_id", result.participantId().toString()).put("score", 87.5).put("rank", 1)
                .put("award_status_key", result.awardStatusKey()).put("status", status)
                .put("publication_status", "personal").put("is_withheld", false)
                .put("publication_id", result.publicationId().toString())
                .put("award_title", result.awardTitle());
    }

    // ---- plumbing ------------------------------------------------------------------------------------------------

    public void send(String topic, EventEnvelope event) {
        sendAll(topic, List.of(event));
    }

    public void sendAll(String topic, List<EventEnvelope> events) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (EventEnvelope event : events) {
            records.add(new ProducerRecord<>(topic, event.entityId().toString(), EventJson.write(event)));
        }
        kafka.produce(String.class, String.class).fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
    }

    public static EventEnvelope envelope(String type, String entityType, UUID id, UUID season, ObjectNode after) {
        return new EventEnvelope(UUID.randomUUID(), type, entityType, id, season, UUID.randomUUID(), Instant.now(),
                "req-" + UUID.randomUUID(), null, null, after, 1);
    }

    private static ObjectNode row(UUID id) {
        return EventJson.mapper().createObjectNode().put("id", id.toString());
    }

    public KafkaCompanion kafka() {
        return kafka;
    }

    @Override
    public void close() {
        kafka.close();
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------------

    public static RequestSpecification as(String role) {
        return as(role, UUID.randomUUID());
    }

    public static RequestSpecification as(String role, UUID user) {
        return RestAssured.given().header("Authorization", TestTokens.bearer(role, user)).contentType(ContentType.JSON);
    }

    /** Waits until the publication's job reaches the status; returns the job as JSON. */
    public static Map<String, Object> awaitJob(UUID publication, String status) {
        Map<String, Object>[] job = new Map[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            List<Map<String, Object>> items = as("organizer").queryParam("publicationId", publication.toString())
                    .get("/document-generation-jobs").then().statusCode(200).extract().path("items");
            if (items.isEmpty()) {
                return false;
            }
            job[0] = items.get(0);
            return status.equals(items.get(0).get("status"));
        });
        return job[0];
    }

    /** The participant's documents as an organiser reads them. */
    public static List<Map<String, Object>> documentsOf(UUID participant) {
        return as("organizer").queryParam("participantId", participant.toString()).get("/award-documents")
                .then().statusCode(200).extract().path("$");
    }
}
