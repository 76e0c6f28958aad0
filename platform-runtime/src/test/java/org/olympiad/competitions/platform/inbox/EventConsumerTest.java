package org.olympiad.competitions.platform.inbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What a consumer does with a record whose effect failed, against a real PostgreSQL connection pool. */
class EventConsumerTest {

    private Vertx vertx;
    private Pool pool;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EventConsumer consumer = new EventConsumer(null, meters,
            new org.olympiad.competitions.platform.tracing.EventTracing(io.opentelemetry.api.OpenTelemetry.noop()));
    private final AtomicInteger attempts = new AtomicInteger();

    @BeforeEach
    void pool() throws Exception {
        vertx = Vertx.vertx();
        pool = PgBuilder.pool().connectingTo(new PgConnectOptions().setHost("127.0.0.1").setPort(5432).setUser("postgres")
                .setPassword("postgres").setDatabase("postgres")).using(vertx).build();
        pool.query("select 1").execute().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** One attempt to apply a record: a statement on the pool, counted. */
    private Uni<Void> attempt(String sql) {
        return Uni.createFrom().deferred(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().completionStage(pool.query(sql).execute().toCompletionStage()).replaceWithVoid();
        });
    }

    private double deadLettered() {
        var counter = meters.find("competitions.events.dead.lettered").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void a_record_in_flight_when_the_pool_closes_at_shutdown_is_left_unacknowledged_not_dead_lettered() throws Exception {
        pool.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        UniAssertSubscriber<Void> outcome = consumer.guarded("test-consumer", "competitions.test.v1", attempt("select 1"))
                .subscribe().withSubscriber(UniAssertSubscriber.create());

        // neither acknowledged (its offset stays uncommitted, so it is delivered again after the restart) nor failed
        // (a failure is what sends a record to the dead-letter topic); and no retries against a pool that stays closed
        Thread.sleep(Duration.ofSeconds(1).toMillis());
        outcome.assertNotTerminated();
        assertThat(deadLettered()).isZero();
        assertThat(attempts).hasValue(1);
    }

    @Test
    void a_record_whose_effect_fails_for_its_own_sake_is_dead_lettered_at_once() {
        UniAssertSubscriber<Void> outcome = consumer.guarded("test-consumer", "competitions.test.v1", attempt("select 1 / 0"))
                .subscribe().withSubscriber(UniAssertSubscriber.create());

        outcome.awaitFailure(Duration.ofSeconds(10));
        assertThat(outcome.getFailure()).hasMessageContaining("division by zero");
        assertThat(deadLettered()).isEqualTo(1);
        assertThat(attempts).hasValue(1);
    }
}
