package org.olympiad.competitions.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.platform.tracing.EventTracing;

import java.time.Duration;
import java.util.function.Function;

/**
 * The one way a service applies an event from Kafka: parse the envelope, then apply its effect and mark the
 * event processed in one transaction. A redelivered event changes nothing. A record that cannot be processed
 * (not an envelope, or an effect that keeps failing) fails the returned Uni: the channel's dead-letter strategy
 * moves it to the consumer's dead-letter topic with the reason, the {@code competitions.events.dead.lettered}
 * counter goes up, and the consumer goes on with the next record. A record caught by the service's shutdown (its
 * connection pool closed) is no such record: it is left unacknowledged and delivered again after the restart.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final Inbox inbox;
    private final MeterRegistry meters;
    private final EventTracing tracing;

    public EventConsumer(Inbox inbox, MeterRegistry meters, EventTracing tracing) {
        this.inbox = inbox;
        this.meters = meters;
        this.tracing = tracing;
    }

    /**
     * Applies the record's event as {@link #consume(String, String, String, Function)} does, in a span that continues
     * the trace of the request that recorded the event (the record's {@code traceparent} header).
     */
    public Uni<Void> consume(String consumer, ConsumerRecord<String, String> record, Function<EventEnvelope, Uni<Void>> effect) {
        return tracing.processing(consumer, record, () -> consume(consumer, record.topic(), record.value(), effect));
    }

    public Uni<Void> consume(String consumer, String topic, String record, Function<EventEnvelope, Uni<Void>> effect) {
        EventEnvelope envelope;
        try {
            envelope = EventJson.read(record);
        } catch (EventJson.MalformedEventException e) {
            return deadLetter(consumer, topic, e);
        }
        return guarded(consumer, topic, Panache.withTransaction(() -> inbox.firstDelivery(consumer, envelope.eventId())
                .chain(first -> first ? effect.apply(envelope) : Uni.createFrom().voidItem())));
    }

    /** What becomes of a failed attempt to apply a record: retried, left for redelivery, or dead-lettered. */
    Uni<Void> guarded(String consumer, String topic, Uni<Void> attempt) {
        return attempt
                // the service is shutting down and its connection pool closed under a record in flight: the record is
                // fine. It is left unacknowledged, so its offset is not committed and the consumer group delivers it
                // again after the restart (the inbox makes that delivery safe); retrying on a closed pool is pointless
                .onFailure(EventConsumer::poolClosed).recoverWithUni(e -> leftForRedelivery(consumer, topic, e))
                // a database that is briefly away should not send good events to the dead-letter topic
                .onFailure(EventConsumer::transientFailure).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(8)
                .onFailure().recoverWithUni(e -> deadLetter(consumer, topic, e));
    }

    private static Uni<Void> leftForRedelivery(String consumer, String topic, Throwable reason) {
        LOG.infof("%s leaves a record of %s unacknowledged, to be delivered again after the restart: %s", consumer, topic,
                reason.toString());
        return Uni.createFrom().nothing();
    }

    private Uni<Void> deadLetter(String consumer, String topic, Throwable reason) {
        Counter.builder("competitions.events.dead.lettered")
                .description("records a consumer could not process, sent to its dead-letter topic")
                .tag("consumer", consumer).tag("topic", topic == null ? "unknown" : topic)
                .register(meters).increment();
        LOG.warnf("%s sends a record of %s to its dead-letter topic: %s", consumer, topic, reason.toString());
        return Uni.createFrom().failure(reason);
    }

    /** Vert.x's connection pool answers every request after its close with "Pool closed" (a NoStackTraceThrowable). */
    static boolean poolClosed(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if ("Pool closed".equals(c.getMessage())) {
                return true;
            }
        }
        return false;
    }

    static boolean transientFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.net.ConnectException || c instanceof io.vertx.core.VertxException
                    && String.valueOf(c.getMessage()).contains("closed")) {
                return true;
            }
            if (c instanceof io.vertx.pgclient.PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P")
                    || pg.getSqlState().equals("40001") || pg.getSqlState().equals("40P01"))) {
                return true;
            }
        }
        return false;
    }
}
