package org.olympiad.competitions.venue.seat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.venue.RegistrationFeed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olympiad.competitions.venue.Api.as;
import static org.olympiad.competitions.venue.Api.openVenue;

/**
 * Repeated seat requests reuse Hibernate's query plans: the plan cache must not gain an entry per request. Hibernate
 * ORM 7.2 keys a native query's plan by its SQL and result mapping; a mapping with a typed result class
 * ({@code createNativeQuery(sql, Integer.class)}) never equals another, so every execution added a plan under the
 * same hash, and each lookup compared the SQL with all of them (a quarter of venue-service's CPU under load).
 */
@QuarkusTest
class SeatPlanCacheTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Mutiny.SessionFactory sessionFactory;

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
    void seat_requests_after_the_first_add_no_query_plans() throws Exception {
        RegistrationFeed.Season season = feed.season();
        String venue = openVenue(season, UUID.randomUUID(), "Площадка планов", 60, 55.75, 37.62, List.of());
        List<UUID[]> participants = SeatContentionTest.admitted(db, season, 100);

        Map<Integer, Integer> statuses = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            statuses.merge(take(participants.get(i), venue), 1, Integer::sum);
        }
        int plansAfterWarmUp = cachedPlans();
        for (int i = 5; i < participants.size(); i++) {
            statuses.merge(take(participants.get(i), venue), 1, Integer::sum);
        }

        System.out.printf("SeatPlanCacheTest: %d plans after 5 requests, %d after %d%n", plansAfterWarmUp, cachedPlans(),
                participants.size());
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 60, 409, 40));
        // 95 more requests, granted and refused: at most the refusal path's plans are new (a little slack for the
        // outbox relay and consumers running meanwhile), not one or more per request
        assertThat(cachedPlans() - plansAfterWarmUp).isLessThan(10);
    }

    private static int take(UUID[] participant, String venue) {
        return as("participant", participant[1]).body(Map.of("venueId", venue))
                .post("/tour-participations/" + participant[0] + "/venue-assignments").then().extract().statusCode();
    }

    /** The number of plans in Hibernate's query-plan cache (the Mutiny factory wraps the ORM one). */
    private int cachedPlans() throws ReflectiveOperationException {
        Object factory = io.quarkus.arc.ClientProxy.unwrap(sessionFactory);
        var field = factory.getClass().getDeclaredField("delegate");
        field.setAccessible(true);
        var orm = (SessionFactoryImplementor) field.get(factory);
        return orm.getQueryEngine().getInterpretationCache().getNumberOfCachedQueryPlans();
    }
}
