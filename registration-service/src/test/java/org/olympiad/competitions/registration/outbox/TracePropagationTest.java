package org.olympiad.competitions.registration.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventHeaders;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.Topics;
import org.olympiad.competitions.platform.inbox.EventConsumer;
import org.olympiad.competitions.platform.testing.TestKafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.olympiad.competitions.registration.CatalogueFixtures.as;

/**
 * One trace from the HTTP request that changes data, through the outbox and Kafka, into the consumer: the request
 * comes with a W3C traceparent (as from a gateway), and the trace it names is the one on the Kafka record and the one
 * the consumer's processing span continues.
 */
@QuarkusTest
@TestProfile(TracePropagationTest.Traced.class)
class TracePropagationTest {

    /** Tracing on, spans kept in memory (no collector here). */
    public static class Traced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.enabled", "false",
                    "quarkus.otel.bsp.schedule.delay", "0.05s");
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Inject
    EventConsumer events;

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
    void the_trace_of_a_request_that_creates_an_event_reaches_the_kafka_record_and_the_consumer() throws Throwable {
        String traceId = randomHex(16);
        String callerSpanId = randomHex(8);
        String event = as("organizer").header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .body(Map.of("slug", "traced-" + UUID.randomUUID().toString().substring(0, 8), "title", "Олимпиада по физике",
                        "type", "olympiad", "subjectKey", "physics"))
                .post("/events").then().statusCode(201).extract().path("id");

        // the record the relay published carries the request's trace, from a span inside the request
        ConsumerRecord<String, String> record = TestKafka.await(kafka, Topics.REGISTRATION, 1, r -> event.equals(r.key())).get(0);
        String traceparent = header(record, EventHeaders.TRACEPARENT);
        assertThat(traceparent).as("traceparent header").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(traceparent.substring(3, 35)).isEqualTo(traceId);
        String recordingSpanId = traceparent.substring(36, 52);
        assertThat(recordingSpanId).isNotEqualTo(callerSpanId);
        SpanData server = await().atMost(Duration.ofSeconds(10)).until(
                () -> spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.SERVER
                        && s.getTraceId().equals(traceId)).findFirst().orElse(null), s -> s != null);
        assertThat(server.getParentSpanId()).isEqualTo(callerSpanId);
        assertThat(spansOf(traceId)).extracting(SpanData::getSpanId).contains(recordingSpanId);

        // a consumer of that record works in a span that is the child of the span that recorded the event
        AtomicReference<SpanContext> seenByEffect = new AtomicReference<>();
        VertxContextSupport.subscribeAndAwait(() -> events.consume("trace-test-" + UUID.randomUUID(), record, envelope -> {
            assertThat(envelope.entityId()).hasToString(event);
            seenByEffect.set(Span.current().getSpanContext());
            return Uni.createFrom().voidItem();
        }));
        assertThat(seenByEffect.get().getTraceId()).isEqualTo(traceId);
        SpanData processing = await().atMost(Duration.ofSeconds(10)).until(
                () -> spansOf(traceId).stream().filter(s -> s.getKind() == SpanKind.CONSUMER
                        && s.getSpanId().equals(seenByEffect.get().getSpanId())).findFirst().orElse(null), s -> s != null);
        assertThat(processing.getParentSpanId()).isEqualTo(recordingSpanId);
        assertThat(processing.getName()).isEqualTo(Topics.REGISTRATION + " process");
    }

    @Test
    void a_record_from_another_service_is_processed_by_this_services_consumer_inside_the_trace_it_carries() {
        // registration-service's consumer of the results topic, fed a record as results-service's relay sends it
        String traceId = randomHex(16);
        String recordingSpanId = randomHex(8);
        UUID entity = UUID.randomUUID();
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "result.calculated", "competition_results", entity,
                null, null, Instant.now(), "req-traced", null, null, EventJson.mapper().createObjectNode().put("id", entity.toString()),
                EventEnvelope.CURRENT_SCHEMA_VERSION);
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_ID, envelope.eventId().toString().getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.TRACEPARENT, ("00-" + traceId + "-" + recordingSpanId + "-01").getBytes(StandardCharsets.UTF_8));
        kafka.produce(String.class, String.class).fromRecords(
                new ProducerRecord<>(Topics.RESULTS, null, entity.toString(), EventJson.write(envelope), headers))
                .awaitCompletion(Duration.ofSeconds(10));

        SpanData processing = await().atMost(Duration.ofSeconds(30)).until(
                () -> spansOf(traceId).stream().filter(s -> s.getKind() == SpanKind.CONSUMER
                        && s.getName().endsWith(" process")
                        && recordingSpanId.equals(s.getParentSpanId())).findFirst().orElse(null), s -> s != null);
        assertThat(processing.getName()).isEqualTo(Topics.RESULTS + " process");
    }

    private List<SpanData> spansOf(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros: an all-zero id is invalid
        return HexFormat.of().formatHex(b);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
