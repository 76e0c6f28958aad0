package org.olympiad.competitions.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventHeaders;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.Topics;
import org.olympiad.competitions.platform.PlatformConfig;
import org.olympiad.competitions.platform.sql.NativeSql;
import org.olympiad.competitions.platform.tracing.EventTracing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@link EventConsumer} for a channel consumed in batches ({@code mp.messaging.incoming.<channel>.batch=true}):
 * the effects of all the events of one poll and their inbox marks commit in one transaction, which is what lets a
 * consumer keep up with thousands of events a second. It is as idempotent as {@link EventConsumer}: an event
 * already marked for this consumer (redelivered, or twice in one batch) is left out of the effect.
 * <p>
 * A record that cannot be processed must not take the good records of its batch with it, so this consumer
 * dead-letters such records itself, one by one, to the service's dead-letter topic (with the
 * {@code dead-letter-reason} header, as the channel's strategy would) and commits the rest: a record that is not an
 * event at once; an effect that fails for a batch makes the batch be applied again one event per transaction, and
 * the events that still fail are dead-lettered. A database that is briefly away is retried, not dead-lettered.
 */
@ApplicationScoped
public class EventBatchConsumer {

    private static final Logger LOG = Logger.getLogger(EventBatchConsumer.class);

    private final MeterRegistry meters;
    private final EventTracing tracing;
    private final String bootstrapServers;
    private final String deadLetterTopic;
    private final String serviceName;
    private volatile KafkaProducer<String, String> producer;

    public EventBatchConsumer(MeterRegistry meters, EventTracing tracing, PlatformConfig config,
                              @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.meters = meters;
        this.tracing = tracing;
        this.bootstrapServers = bootstrapServers;
        this.serviceName = config.serviceName();
        this.deadLetterTopic = Topics.deadLetterTopicOf(config.serviceName());
    }

    /** Applies {@code effect} to the batch's events this consumer has not applied before, in one transaction. */
    public Uni<Void> consume(String consumer, List<ConsumerRecord<String, String>> records,
                             Function<List<EventEnvelope>, Uni<Void>> effect) {
        // one span for the batch, linked to the trace of each event's request
        return tracing.processingBatch(consumer, records, () -> consumeTraced(consumer, records, effect));
    }

    private Uni<Void> consumeTraced(String consumer, List<ConsumerRecord<String, String>> records,
                                    Function<List<EventEnvelope>, Uni<Void>> effect) {
        Map<UUID, Parsed> events = new LinkedHashMap<>();
        List<Uni<Void>> deadLetters = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                EventEnvelope envelope = EventJson.read(record.value());
                events.putIfAbsent(envelope.eventId(), new Parsed(record, envelope));
            } catch (EventJson.MalformedEventException e) {
                deadLetters.add(deadLetter(consumer, record, e));
            }
        }
        Uni<Void> applied = events.isEmpty() ? Uni.createFrom().voidItem()
                : retryingTransient(applyTogether(consumer, List.copyOf(events.values()), effect))
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("%s applies a batch of %d events one by one after: %s", consumer, events.size(), e.toString());
                    return Multi.createFrom().iterable(List.copyOf(events.values()))
                            .onItem().transformToUniAndConcatenate(one -> retryingTransient(applyTogether(consumer, List.of(one), effect))
                                    .onFailure().recoverWithUni(failure -> deadLetter(consumer, one.record(), failure)))
                            .collect().last().replaceWithVoid();
                });
        return applied.chain(() -> deadLetters.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(deadLetters).andFailFast().replaceWithVoid());
    }

    private Uni<Void> applyTogether(String consumer, List<Parsed> events, Function<List<EventEnvelope>, Uni<Void>> effect) {
        return Panache.withTransaction(() -> firstDeliveries(consumer, events.stream().map(p -> p.envelope().eventId()).toList())
                .chain(first -> {
                    List<EventEnvelope> fresh = events.stream().map(Parsed::envelope)
                            .filter(e -> first.contains(e.eventId())).toList();
                    return fresh.isEmpty() ? Uni.createFrom().voidItem() : effect.apply(fresh);
                }));
    }

    /** Marks the events processed for this consumer in one statement; answers the ids it had not seen before. */
    private static Uni<Set<UUID>> firstDeliveries(String consumer, List<UUID> eventIds) {
        StringBuilder sql = new StringBuilder("insert into inbox_processed_events (consumer, event_id) values ");
        for (int i = 0; i < eventIds.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?1, ?").append(i + 2).append(')');
        }
        sql.append(" on conflict do nothing returning event_id");
        Object[] parameters = new Object[eventIds.size() + 1];
        parameters[0] = consumer;
        for (int i = 0; i < eventIds.size(); i++) {
            parameters[i + 1] = eventIds.get(i);
        }
        return Panache.getSession().chain(session -> NativeSql.bind(session.createNativeQuery(sql.toString(), UUID.class), parameters)
                .getResultList()).map(HashSet::new);
    }

    private static Uni<Void> retryingTransient(Uni<Void> work) {
        // a database that is briefly away should not send good events to the dead-letter topic
        return work.onFailure(EventConsumer::transientFailure).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(8);
    }

    private Uni<Void> deadLetter(String consumer, ConsumerRecord<String, String> record, Throwable reason) {
        Counter.builder("competitions.events.dead.lettered")
                .description("records a consumer could not process, sent to its dead-letter topic")
                .tag("consumer", consumer).tag("topic", record.topic() == null ? "unknown" : record.topic())
                .register(meters).increment();
        LOG.warnf("%s sends a record of %s to its dead-letter topic: %s", consumer, record.topic(), reason.toString());
        ProducerRecord<String, String> dead = new ProducerRecord<>(deadLetterTopic, record.key(), record.value());
        dead.headers().add("dead-letter-reason", bytes(String.valueOf(reason.getMessage())));
        dead.headers().add("dead-letter-cause", bytes(reason.getClass().getName()));
        dead.headers().add("dead-letter-topic", bytes(String.valueOf(record.topic())));
        dead.headers().add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        dead.headers().add("dead-letter-offset", bytes(Long.toString(record.offset())));
        var traceparent = record.headers().lastHeader(EventHeaders.TRACEPARENT);
        if (traceparent != null) {
            // a replay of the dead letter continues the trace of the request that made the change
            dead.headers().add(EventHeaders.TRACEPARENT, traceparent.value());
        }
        return Uni.createFrom().<Void>emitter(emitter -> producer().send(dead, (metadata, failure) -> {
            if (failure != null) {
                emitter.fail(failure); // not acknowledged: the batch is polled again
            } else {
                emitter.complete(null);
            }
        }));
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-dead-letters");
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
                    producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    void stop(@Observes ShutdownEvent ignored) {
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private record Parsed(ConsumerRecord<String, String> record, EventEnvelope envelope) {
    }
}
