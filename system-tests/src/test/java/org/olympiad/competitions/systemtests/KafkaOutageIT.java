package org.olympiad.competitions.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the Kafka broker down, changes are still accepted (they wait in the outbox); when it is back, every change
 * reaches the audit trail exactly once.
 */
class KafkaOutageIT {

    static Suite suite;
    static SystemTestSupport frontEnd;

    @BeforeAll
    static void startSuite() throws Exception {
        suite = Suite.start();
        frontEnd = new SystemTestSupport(suite);
    }

    @Test
    void changes_made_while_kafka_is_down_reach_the_audit_trail_exactly_once_when_it_is_back() {
        String event = frontEnd.createEvent();
        frontEnd.awaitTrail(event, 1, Duration.ofSeconds(30)); // the pipeline works before the outage

        suite.kafka.stop();
        List<String> seasons = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            String season = frontEnd.createSeason(event, "outage-" + i);
            frontEnd.moveSeason(season, "registration_open");
            frontEnd.moveSeason(season, "running");
            seasons.add(season);
        }
        long acceptedMillis = (System.nanoTime() - started) / 1_000_000;
        // the backlog is visible to operators while Kafka is away
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxPending() >= 30);
        System.out.printf("kafka down: 30 changes accepted in %d ms, outbox pending %.0f%n", acceptedMillis, outboxPending());
        assertThat(frontEnd.trail(seasons.get(0))).as("nothing can reach audit while Kafka is down").isEmpty();

        suite.kafka.start();
        long restarted = System.nanoTime();
        Set<Object> eventIds = new HashSet<>();
        for (String season : seasons) {
            List<Map<String, Object>> trail = frontEnd.awaitTrail(season, 3, Duration.ofSeconds(90));
            assertThat(trail).extracting(row -> row.get("action"))
                    .containsExactly("season.started", "season.registration_opened", "season.created");
            trail.forEach(row -> eventIds.add(row.get("id")));
        }
        System.out.printf("kafka back: all 30 changes audited %d ms after the restart%n",
                (System.nanoTime() - restarted) / 1_000_000);
        assertThat(eventIds).as("each change audited once").hasSize(30);
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxPending() == 0);
        // and a second look later still finds no duplicate
        ServiceProcess.sleep(2000);
        for (String season : seasons) {
            assertThat(frontEnd.trail(season)).hasSize(3);
        }
    }

    private static double outboxPending() {
        String metrics = given().baseUri(suite.url("registration")).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        return metrics.lines().filter(l -> l.startsWith("competitions_outbox_pending"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
