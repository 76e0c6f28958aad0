package org.olympiad.competitions.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** The {@code competitions.*} settings every service shares. */
@ConfigMapping(prefix = "competitions")
public interface PlatformConfig {

    /** The service's short name; its change topic is {@code competitions.<name>.v1}. */
    @WithName("service-name")
    String serviceName();

    /** The service's own database name (one database per service). */
    String database();

    Outbox outbox();

    interface Outbox {
        Relay relay();

        /** How long published rows are kept for inspection before the relay deletes them. */
        @WithDefault("P7D")
        Duration retention();

        @WithName("topic-partitions")
        @WithDefault("3")
        int topicPartitions();

        @WithName("topic-replication-factor")
        @WithDefault("1")
        short topicReplicationFactor();
    }

    interface Relay {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("0.2s")
        Duration interval();

        @WithName("batch-size")
        @WithDefault("500")
        int batchSize();
    }
}
