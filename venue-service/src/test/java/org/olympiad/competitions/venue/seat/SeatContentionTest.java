package org.olympiad.competitions.venue.seat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.platform.testing.TestSql;
import org.olympiad.competitions.platform.testing.TestTokens;
import org.olympiad.competitions.venue.RegistrationFeed;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olympiad.competitions.venue.Api.openVenue;

/**
 * 2,000 participants ask for a seat at once, over HTTP, at four venues with 45 seats between them: exactly 45 are
 * seated, each venue's count equals its capacity and its rows, and every other request is a 409 venue-full.
 *
 * <p>The 2,000 admitted participants are written straight into the projection (the Kafka path is proven by
 * RegistrationProjectionTest and SeatTest); what this test measures is the seat path alone.
 */
@QuarkusTest
class SeatContentionTest {

    private static final int REQUESTS = 2000;
    private static final int CLIENTS = 64;

    @Inject
    AgroalDataSource db;

    @TestHTTPResource("/")
    URL base;

    RegistrationFeed feed;

    @BeforeEach
    void open() {
        feed = new RegistrationFeed(db);
    }

    @AfterEach
    void close() {
        feed.close();
    }

    @Test
    void thousands_of_concurrent_seat_requests_never_overbook_a_venue() throws Exception {
        RegistrationFeed.Season season = feed.season();
        UUID applicant = UUID.randomUUID();
        int[] capacities = {3, 7, 15, 20};
        List<String> venues = new ArrayList<>();
        for (int i = 0; i < capacities.length; i++) {
            venues.add(openVenue(season, applicant, "Площадка " + i, capacities[i], 55.75, 37.62, List.of()));
        }
        List<UUID[]> participants = admitted(db, season, REQUESTS); // {tour participation, identity user}

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> refusalsNotVenueFull = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            UUID[] p = participants.get(i);
            String venue = venues.get(i % venues.size());
            done.add(pool.submit(() -> {
                go.await();
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "tour-participations/" + p[0] + "/venue-assignments"))
                        .header("Authorization", "Bearer " + TestTokens.as("participant", p[1]))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(120))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"venueId\":\"" + venue + "\"}")).build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                if (response.statusCode() == 409) {
                    var problem = EventJson.mapper().readTree(response.body());
                    if (!"venue-full".equals(problem.path("rule").asText()) || !"venueId".equals(problem.path("field").asText())) {
                        refusalsNotVenueFull.add(response.body());
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        int capacity = java.util.Arrays.stream(capacities).sum();
        assertThat(statuses.keySet()).containsExactlyInAnyOrder(201, 409);
        assertThat(statuses.get(201).get()).isEqualTo(capacity);
        assertThat(statuses.get(409).get()).isEqualTo(REQUESTS - capacity);
        assertThat(refusalsNotVenueFull).isEmpty();
        for (int i = 0; i < venues.size(); i++) {
            String venue = venues.get(i);
            assertThat(TestSql.column(db, "select current_assignment_count from competition_venues where id = ?::uuid", venue))
                    .containsExactly(String.valueOf(capacities[i]));
            assertThat(TestSql.count(db, "select count(*) from competition_venue_assignments where venue_id = ?::uuid "
                    + "and status = 'assigned'", venue)).isEqualTo(capacities[i]);
            assertThat(TestSql.count(db, "select count(*) from outbox_events where type = 'venue_assignment.assigned' "
                    + "and payload->'after'->>'venue_id' = ?", venue)).isEqualTo(capacities[i]);
        }
    }

    /** Writes {@code n} participants admitted with the venue delivery mode into the projection. */
    static List<UUID[]> admitted(AgroalDataSource db, RegistrationFeed.Season season, int n) throws Exception {
        List<UUID[]> rows = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement participant = c.prepareStatement(
                     "insert into venue_projection_participants (id, season_id, identity_user_id) values (?, ?, ?)");
             PreparedStatement tp = c.prepareStatement("insert into venue_projection_tour_participations "
                     + "(id, tour_id, season_participation_id, participant_id, delivery_mode, status) values (?, ?, ?, ?, 'venue', 'admitted')")) {
            for (int i = 0; i < n; i++) {
                UUID p = UUID.randomUUID();
                UUID user = UUID.randomUUID();
                UUID tpId = UUID.randomUUID();
                participant.setObject(1, p);
                participant.setObject(2, season.id());
                participant.setObject(3, user);
                participant.addBatch();
                tp.setObject(1, tpId);
                tp.setObject(2, season.tourId());
                tp.setObject(3, UUID.randomUUID());
                tp.setObject(4, p);
                tp.addBatch();
                rows.add(new UUID[]{tpId, user});
            }
            participant.executeBatch();
            tp.executeBatch();
        }
        return rows;
    }
}
