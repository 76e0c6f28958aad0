package org.olympiad.competitions.platform.testing;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.serialization.Serdes;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/** The real broker the service under test uses, through the Kafka companion. Close what {@link #companion} opens. */
public final class TestKafka {

    private TestKafka() {
    }

    /** A companion on the service's own {@code kafka.bootstrap.servers}, with String keys and values. */
    public static KafkaCompanion companion() {
        KafkaCompanion kafka = new KafkaCompanion(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        kafka.registerSerde(String.class, Serdes.String());
        return kafka;
    }

    /** Waits for {@code expected} records of a topic, read from its start, that match; returns them in order. */
    public static List<ConsumerRecord<String, String>> await(KafkaCompanion kafka, String topic, int expected,
                                                            Predicate<ConsumerRecord<String, String>> matching) {
        var task = kafka.consume(String.class, String.class)
                .withGroupId("test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(topic, records -> records.filter(matching::test));
        try {
            task.awaitRecords(expected, Duration.ofSeconds(30));
            return List.copyOf(task.getRecords());
        } finally {
            task.close();
        }
    }
}
