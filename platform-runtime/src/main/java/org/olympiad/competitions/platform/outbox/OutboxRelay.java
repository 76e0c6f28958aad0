package org.olympiad.competitions.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.olympiad.competitions.contracts.EventHeaders;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.Topics;
import org.olympiad.competitions.platform.PlatformConfig;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes committed outbox rows to the service's topic, oldest first, and stamps them published.
 * <p>
 * One relay works at a time per database (a transaction-scoped advisory lock), so one entity's events reach
 * Kafka in the order they were committed, even with several replicas. The rows of a batch are stamped only
 * after Kafka acknowledged all of them (acks=all, idempotent producer); if Kafka is down the transaction rolls
 * back and the batch is tried again. A batch that was partly delivered before a failure is sent again, so
 * consumers deduplicate by event id. It runs on a worker thread with JDBC: it is background work, not a request.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * Any constant shared by all replicas of one service; each service has its own database. Whoever holds this
     * advisory lock pauses publishing (the relay skips its run), which is how a test makes a backlog.
     */
    public static final long RELAY_LOCK = 0x0B7B0C5L;

    private final AgroalDataSource dataSource;
    private final PlatformConfig config;
    private final String bootstrapServers;
    private final String topic;
    private final Counter published;
    private final Counter failures;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingAgeSeconds = new AtomicLong();
    private volatile KafkaProducer<String, String> producer;
    private volatile boolean topicReady;
    private volatile Instant lastCleanup = Instant.EPOCH;
    private ScheduledExecutorService runner;

    public OutboxRelay(AgroalDataSource dataSource, PlatformConfig config, MeterRegistry meters,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.topic = Topics.changeTopicOf(config.serviceName());
        this.published = Counter.builder("competitions.outbox.published").description("outbox events published to Kafka")
                .tag("topic", topic).register(meters);
        this.failures = Counter.builder("competitions.outbox.publish.failures")
                .description("relay runs that failed and will be retried").tag("topic", topic).register(meters);
        meters.gauge("competitions.outbox.pending", List.of(io.micrometer.core.instrument.Tag.of("topic", topic)), pending);
        meters.gauge("competitions.outbox.oldest.pending.age.seconds",
                List.of(io.micrometer.core.instrument.Tag.of("topic", topic)), oldestPendingAgeSeconds);
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.outbox().relay().enabled()) {
            return;
        }
        LOG.infof("outbox relay publishes to %s at %s every %s", topic, bootstrapServers, config.outbox().relay().interval());
        // a thread of its own rather than the scheduler: the scheduler's finest interval is a second, and an event
        // should reach its consumers within a fraction of one
        runner = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        long every = config.outbox().relay().interval().toMillis();
        runner.scheduleWithFixedDelay(this::tick, 1000, every, TimeUnit.MILLISECONDS);
        // measured apart from publishing: while Kafka is away a publishing run waits for its acks, and the
        // backlog gauge is what an operator watches then
        runner.scheduleWithFixedDelay(this::measureBacklogQuietly, 1000, 1000, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (runner != null) {
            runner.shutdown();
            try {
                runner.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(java.time.Duration.ofSeconds(5));
        }
    }

    void tick() {
        try {
            // drain: keep going while full batches come back, so a backlog empties at Kafka's speed
            int sent;
            do {
                sent = publishBatch();
            } while (sent >= config.outbox().relay().batchSize() && !Thread.currentThread().isInterrupted());
            cleanupPublished();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failures.increment();
            LOG.warnf("outbox relay for %s will retry: %s", topic, e.toString());
        }
    }

    /** Publishes one batch; returns how many rows it published. */
    public int publishBatch() throws SQLException, InterruptedException, ExecutionException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int sent = publishBatch(connection);
                connection.commit();
                return sent;
            } catch (SQLException | InterruptedException | ExecutionException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private int publishBatch(Connection connection) throws SQLException, InterruptedException, ExecutionException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return 0; // another replica is relaying
                }
            }
        }
        List<UUID> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, aggregate_id, aggregate_type, type, payload::text, traceparent from outbox_events "
                        + "where published_at is null order by position limit ?")) {
            select.setInt(1, config.outbox().relay().batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (ids.isEmpty()) {
                        ensureTopic();
                    }
                    UUID id = rs.getObject(1, UUID.class);
                    UUID aggregateId = rs.getObject(2, UUID.class);
                    ProducerRecord<String, String> record = new ProducerRecord<>(topic,
                            aggregateId == null ? id.toString() : aggregateId.toString(), rs.getString(5));
                    record.headers().add(EventHeaders.EVENT_ID, bytes(id.toString()));
                    record.headers().add(EventHeaders.EVENT_TYPE, bytes(rs.getString(4)));
                    record.headers().add(EventHeaders.ENTITY_TYPE, bytes(rs.getString(3)));
                    record.headers().add(EventHeaders.SCHEMA_VERSION,
                            bytes(Integer.toString(EventEnvelope.CURRENT_SCHEMA_VERSION)));
                    String traceparent = rs.getString(6);
                    if (traceparent != null) {
                        // the request's trace, not the relay's: consumers continue the trace that made the change
                        record.headers().add(EventHeaders.TRACEPARENT, bytes(traceparent));
                    }
                    acks.add(producer().send(record));
                    ids.add(id);
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        producer().flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
        try (PreparedStatement mark = connection.prepareStatement(
                "update outbox_events set published_at = now() where id = any(?)")) {
            mark.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            mark.executeUpdate();
        }
        published.increment(ids.size());
        return ids.size();
    }

    private void measureBacklog() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "select count(*), coalesce(extract(epoch from now() - min(occurred_at)), 0) "
                             + "from outbox_events where published_at is null");
             ResultSet rs = count.executeQuery()) {
            rs.next();
            pending.set(rs.getLong(1));
            oldestPendingAgeSeconds.set(rs.getLong(2));
        }
    }

    private void measureBacklogQuietly() {
        try {
            measureBacklog();
        } catch (SQLException e) {
            LOG.debug("backlog not measured", e);
        }
    }

    private void cleanupPublished() throws SQLException {
        Instant now = Instant.now();
        if (lastCleanup.plusSeconds(600).isAfter(now)) {
            return;
        }
        lastCleanup = now;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "delete from outbox_events where published_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(now.minus(config.outbox().retention())));
            delete.executeUpdate();
        }
    }

    /** Unpublished events right now; also exported as the {@code competitions.outbox.pending} gauge. */
    public long pendingCount() throws SQLException {
        measureBacklog();
        return pending.get();
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-outbox-relay");
                    // fail a batch fast when Kafka is away; the rows stay in the outbox and the next tick retries
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
                    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
                    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
                    producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    /** Creates the topic with its configured partitions the first time; Kafka's auto-creation would give it one. */
    private void ensureTopic() {
        if (topicReady) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
            admin.createTopics(List.of(new NewTopic(topic, config.outbox().topicPartitions(),
                    config.outbox().topicReplicationFactor()))).all().get(5, TimeUnit.SECONDS);
            topicReady = true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                topicReady = true;
            } else {
                LOG.debugf("topic %s not created yet: %s", topic, e.getCause());
            }
        } catch (Exception e) {
            LOG.debugf("topic %s not created yet: %s", topic, e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
