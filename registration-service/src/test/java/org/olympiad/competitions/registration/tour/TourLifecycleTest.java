package org.olympiad.competitions.registration.tour;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.olympiad.competitions.registration.CatalogueFixtures.as;
import static org.olympiad.competitions.registration.CatalogueFixtures.createEvent;
import static org.olympiad.competitions.registration.CatalogueFixtures.createSeason;
import static org.olympiad.competitions.registration.CatalogueFixtures.createTour;

@QuarkusTest
class TourLifecycleTest {

    @Test
    void two_tours_cannot_share_a_position_in_a_season() {
        String season = createSeason(createEvent());
        createTour(season, 1);
        as("organizer").body(Map.of("title", "again", "position", 1, "format", "written"))
                .post("/seasons/{id}/tours", season).then().statusCode(409)
                .body("field", equalTo("position")).body("rule", equalTo("unique-in-season"));
        String second = createTour(season, 2);
        as("organizer").body(Map.of("position", 1)).patch("/tours/{id}", second).then().statusCode(409);
        as("participant").get("/seasons/{id}/tours", season).then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].position", equalTo(1));
    }

    @Test
    void a_tour_opens_only_while_its_season_registers_or_runs() {
        String season = createSeason(createEvent());
        String tour = createTour(season, 1);
        as("organizer").body(Map.of("to", "scheduled")).post("/tours/{id}/transitions", tour).then().statusCode(200);
        as("organizer").body(Map.of("to", "open")).post("/tours/{id}/transitions", tour).then().statusCode(409)
                .body("currentState", equalTo("draft"));
        as("organizer").get("/tours/{id}", tour).then().body("status", equalTo("scheduled"));

        as("organizer").body(Map.of("to", "registration_open")).post("/seasons/{id}/transitions", season).then().statusCode(200);
        as("organizer").body(Map.of("to", "open")).post("/tours/{id}/transitions", tour).then().statusCode(200)
                .body("status", equalTo("open"));
        as("organizer").body(Map.of("format", "chess")).patch("/tours/{id}", tour).then().statusCode(409);
        as("organizer").body(Map.of("to", "closed")).post("/tours/{id}/transitions", tour).then().statusCode(200);
        as("organizer").body(Map.of("to", "open")).post("/tours/{id}/transitions", tour).then().statusCode(409)
                .body("currentState", equalTo("closed")).body("requestedState", equalTo("open"));
    }

    @Test
    void an_archived_season_gets_no_new_tours() {
        String season = createSeason(createEvent());
        as("organizer").body(Map.of("to", "cancelled", "reason", "merged into spring")).post("/seasons/{id}/transitions", season)
                .then().statusCode(200);
        as("organizer").body(Map.of("title", "late", "position", 1, "format", "test"))
                .post("/seasons/{id}/tours", season).then().statusCode(409).body("currentState", equalTo("cancelled"));
    }

    @Test
    void an_unknown_format_is_refused_with_the_allowed_values() {
        String season = createSeason(createEvent());
        as("organizer").body(Map.of("title", "x", "position", 1, "format", "oral"))
                .post("/seasons/{id}/tours", season).then().statusCode(400)
                .body("field", equalTo("format")).body("rule", equalTo("one-of"));
    }
}
