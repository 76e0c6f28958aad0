package org.olympiad.competitions.registration.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.platform.outbox.OutboxRelay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.olympiad.competitions.registration.CatalogueFixtures.createEvent;
import static org.olympiad.competitions.registration.CatalogueFixtures.createSeason;

/** What an operator reads on {@code /q/metrics}: outbox lag while Kafka publishing stalls, request rates, consumer lag. */
@QuarkusTest
class OperationsMetricsTest {

    private static final String TOPIC = "topic=\"competitions.registration.v1\"";

    @Inject
    AgroalDataSource db;

    @Test
    void outbox_lag_shows_unpublished_events_and_the_age_of_the_oldest_until_the_relay_catches_up() throws Exception {
        await().atMost(Duration.ofSeconds(15)).until(() -> metric("competitions_outbox_pending", TOPIC).orElse(-1.0) == 0.0);

        // holding the relay's lock stalls publishing, as a Kafka outage would: the changes wait in the outbox
        try (Connection stall = db.getConnection()) {
            stall.setAutoCommit(false);
            try (PreparedStatement lock = stall.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, OutboxRelay.RELAY_LOCK);
                lock.execute();
            }
            createSeason(createEvent()); // event.created, season.created
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(metric("competitions_outbox_pending", TOPIC)).hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(2.0));
                assertThat(metric("competitions_outbox_oldest_pending_age_seconds", TOPIC))
                        .hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(2.0));
            });
            stall.rollback(); // releases the lock
        }

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(metric("competitions_outbox_pending", TOPIC)).contains(0.0);
            assertThat(metric("competitions_outbox_oldest_pending_age_seconds", TOPIC)).contains(0.0);
        });
        assertThat(metric("competitions_outbox_published_total", TOPIC)).hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(2.0));
    }

    @Test
    void request_rates_and_consumer_lag_are_exported() {
        createEvent();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String metrics = metrics();
            // request rate: a counter per method, route template and status
            assertThat(metrics).containsPattern("(?m)^http_server_requests_seconds_count\\{.*method=\"POST\".*status=\"201\".*uri=\"/events\".*} [0-9.E]+$");
            // consumer lag: the Kafka consumer's own figure (records behind the partition's end, the largest of its
            // partitions), for each consumed channel: here results-events
            assertThat(metrics).containsPattern(
                    "(?m)^kafka_consumer_fetch_manager_records_lag_max\\{client_id=\"kafka-consumer-results-events\".*} [0-9.E]+$");
        });
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one series, by its name and one label it has. */
    private static Optional<Double> metric(String name, String label) {
        return metrics().lines().filter(l -> l.startsWith(name + "{") && l.contains(label))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst();
    }
}
