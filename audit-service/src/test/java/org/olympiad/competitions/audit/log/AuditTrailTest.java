package org.olympiad.competitions.audit.log;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.Topics;
import org.olympiad.competitions.platform.testing.TestKafka;
import org.olympiad.competitions.platform.testing.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Events from Kafka become audit rows, once each; what is not an event goes to the dead-letter topic. */
@QuarkusTest
class AuditTrailTest {

    @ConfigProperty(name = "mp.messaging.incoming.competition-changes.topic")
    String subscribedPattern;

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
    void a_change_event_becomes_an_audit_row_with_before_and_after() {
        UUID venue = UUID.randomUUID();
        UUID actor = UUID.randomUUID();
        EventEnvelope event = event("venue.capacity_changed", "competition_venues", venue, actor,
                snapshot("capacity", 30), snapshot("capacity", 25), "fire safety inspection");
        send(Topics.VENUE, event);

        awaitTrail(venue, 1)
                .body("items[0].id", equalTo(event.eventId().toString()))
                .body("items[0].action", equalTo("venue.capacity_changed"))
                .body("items[0].entityType", equalTo("competition_venues"))
                .body("items[0].actorUserId", equalTo(actor.toString()))
                .body("items[0].before.capacity", equalTo(30))
                .body("items[0].after.capacity", equalTo(25))
                .body("items[0].reason", equalTo("fire safety inspection"))
                .body("items[0].requestId", equalTo("req-" + venue))
                .body("items[0].createdAt", equalTo(event.occurredAt().toString()));
    }

    @Test
    void a_redelivered_event_is_recorded_once() {
        UUID submission = UUID.randomUUID();
        EventEnvelope first = event("submission.submitted", "competition_submissions", submission, null, null,
                snapshot("status", "submitted"), null);
        send(Topics.ATTEMPT, first);
        send(Topics.ATTEMPT, first);
        send(Topics.ATTEMPT, first);
        // a later event of the same entity on the same partition: once it is in, the duplicates were handled
        EventEnvelope second = event("submission.locked", "competition_submissions", submission, null,
                snapshot("status", "submitted"), snapshot("status", "locked"), "tour closed");
        send(Topics.ATTEMPT, second);

        awaitTrail(submission, 2);
        trail(submission).body("total", equalTo(2))
                .body("items[0].action", equalTo("submission.locked"))
                .body("items[1].action", equalTo("submission.submitted"))
                .body("items[1].before", nullValue());
    }

    /**
     * The consumer takes events in batches (one transaction per poll): a burst sent at once, with redeliveries and a
     * record that is not an event among them, still gives one row per event, and the bad record alone is
     * dead-lettered.
     */
    @Test
    void a_burst_with_redeliveries_and_a_bad_record_among_it_gives_one_row_per_event() {
        UUID actor = UUID.randomUUID();
        String poison = "not an event " + UUID.randomUUID();
        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        List<UUID> entities = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            UUID entity = UUID.randomUUID();
            entities.add(entity);
            EventEnvelope e = event("score.recorded", "competition_scores", entity, actor, null, snapshot("score", i), null);
            burst.add(new ProducerRecord<>(Topics.RESULTS, entity.toString(), EventJson.write(e)));
            if (i % 50 == 0) { // redelivered, in the same burst
                burst.add(new ProducerRecord<>(Topics.RESULTS, entity.toString(), EventJson.write(e)));
            }
            if (i == 150) {
                burst.add(new ProducerRecord<>(Topics.RESULTS, "poison", poison));
            }
        }
        kafka.produce(String.class, String.class).fromRecords(burst).awaitCompletion(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                given().header("Authorization", TestTokens.bearer("organizer")).queryParam("actorUserId", actor)
                        .queryParam("size", 1).get("/audit-logs").then().statusCode(200).extract().<Integer>path("total") >= 300);
        given().header("Authorization", TestTokens.bearer("organizer")).queryParam("actorUserId", actor)
                .get("/audit-logs").then().statusCode(200).body("total", equalTo(300));
        trail(entities.get(0)).body("total", equalTo(1)).body("items[0].after.score", equalTo(0));
        trail(entities.get(299)).body("total", equalTo(1)).body("items[0].after.score", equalTo(299));
        var dead = TestKafka.await(kafka, Topics.deadLetterTopicOf("audit"), 1, r -> poison.equals(r.value()));
        assertThat(dead.get(0).headers().lastHeader("dead-letter-reason")).as("the dead letter says why").isNotNull();
    }

    @Test
    void a_record_that_is_not_an_event_goes_to_the_dead_letter_topic_and_the_consumer_goes_on() {
        String poison = "{\"this is\": \"not an event " + UUID.randomUUID() + "\"}";
        double before = deadLettered();
        kafka.produce(String.class, String.class)
                .fromRecords(new ProducerRecord<>(Topics.RESULTS, "poison", poison))
                .awaitCompletion(Duration.ofSeconds(10));
        UUID result = UUID.randomUUID();
        send(Topics.RESULTS, event("result.calculated", "competition_results", result, null, null,
                snapshot("score", 42), null));

        awaitTrail(result, 1);
        var dead = TestKafka.await(kafka, Topics.deadLetterTopicOf("audit"), 1, r -> poison.equals(r.value()));
        assertThat(dead.get(0).headers().lastHeader("dead-letter-reason")).as("the dead letter says why").isNotNull();
        assertThat(deadLettered()).isGreaterThan(before);
    }

    @Test
    void the_trail_filters_by_actor_and_time_range_newest_first() {
        UUID season = UUID.randomUUID();
        UUID actor = UUID.randomUUID();
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        send(Topics.REGISTRATION, at(event("season.created", "competition_seasons", season, actor, null, snapshot("status", "draft"), null), t0));
        send(Topics.REGISTRATION, at(event("season.registration_opened", "competition_seasons", season, actor,
                snapshot("status", "draft"), snapshot("status", "registration_open"), null), t0.plus(1, ChronoUnit.DAYS)));
        send(Topics.REGISTRATION, at(event("season.started", "competition_seasons", season, UUID.randomUUID(),
                snapshot("status", "registration_open"), snapshot("status", "running"), null), t0.plus(2, ChronoUnit.DAYS)));
        awaitTrail(season, 3).body("items.action", org.hamcrest.Matchers.contains(
                "season.started", "season.registration_opened", "season.created"));

        given().header("Authorization", TestTokens.bearer("admin"))
                .queryParam("entityId", season).queryParam("actorUserId", actor).get("/audit-logs")
                .then().statusCode(200).body("total", equalTo(2));
        given().header("Authorization", TestTokens.bearer("admin"))
                .queryParam("entityId", season)
                .queryParam("from", t0.plus(1, ChronoUnit.DAYS).toString())
                .queryParam("to", t0.plus(2, ChronoUnit.DAYS).toString())
                .get("/audit-logs").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].action", equalTo("season.registration_opened"));
        given().header("Authorization", TestTokens.bearer("admin"))
                .queryParam("entityId", season).queryParam("size", 1).queryParam("page", 2).get("/audit-logs")
                .then().statusCode(200).body("items[0].action", equalTo("season.created")).body("total", equalTo(3));
        given().header("Authorization", TestTokens.bearer("admin"))
                .queryParam("from", "2026-03-02T00:00:00Z").queryParam("to", "2026-03-01T00:00:00Z").get("/audit-logs")
                .then().statusCode(422).body("field", equalTo("to"));
    }

    @Test
    void only_admins_and_organizers_read_the_trail() {
        given().get("/audit-logs").then().statusCode(401).contentType("application/problem+json");
        for (String role : new String[]{"participant", "parent", "teacher", "checker", "venue_staff"}) {
            given().header("Authorization", TestTokens.bearer(role)).get("/audit-logs").then().statusCode(403);
        }
        given().header("Authorization", TestTokens.bearer("organizer")).get("/audit-logs").then().statusCode(200);
    }

    @Test
    void the_subscription_is_the_contract_pattern_of_change_topics() {
        assertThat(subscribedPattern).isEqualTo(Topics.CHANGE_TOPIC_PATTERN);
        for (String topic : Topics.ALL_CHANGE_TOPICS) {
            assertThat(topic).matches(subscribedPattern);
        }
        assertThat(Topics.deadLetterTopicOf("audit")).doesNotMatch(subscribedPattern);
    }

    private static ValidatableResponse trail(UUID entity) {
        return given().header("Authorization", TestTokens.bearer("organizer"))
                .queryParam("entityId", entity).get("/audit-logs").then().statusCode(200);
    }

    private static ValidatableResponse awaitTrail(UUID entity, int rows) {
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250)).until(() ->
                trail(entity).extract().<Integer>path("total") >= rows);
        return trail(entity);
    }

    private void send(String topic, EventEnvelope event) {
        kafka.produce(String.class, String.class)
                .fromRecords(new ProducerRecord<>(topic, event.entityId().toString(), EventJson.write(event)))
                .awaitCompletion(Duration.ofSeconds(10));
    }

    private static double deadLettered() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("competitions_events_dead_lettered_total") && l.contains("consumer=\"audit-service\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static EventEnvelope event(String type, String entityType, UUID entity, UUID actor,
                                       ObjectNode before, ObjectNode after, String reason) {
        return new EventEnvelope(UUID.randomUUID(), type, entityType, entity, null, actor,
                Instant.now().truncatedTo(ChronoUnit.MICROS), "req-" + entity, reason, before, after, 1);
    }

    private static EventEnvelope at(EventEnvelope e, Instant when) {
        return new EventEnvelope(e.eventId(), e.type(), e.entityType(), e.entityId(), e.seasonId(), e.actorUserId(),
                when, e.requestId(), e.reason(), e.before(), e.after(), e.schemaVersion());
    }

    private static ObjectNode snapshot(String field, Object value) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (value instanceof Integer i) {
            node.put(field, i);
        } else {
            node.put(field, String.valueOf(value));
        }
        return node;
    }
}
