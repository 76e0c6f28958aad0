package org.olympiad.competitions.venue.venue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.venue.RegistrationFeed;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.olympiad.competitions.venue.Api.anonymous;
import static org.olympiad.competitions.venue.Api.as;
import static org.olympiad.competitions.venue.Api.openVenue;

/** Anyone, without a token, finds the season's visible venues by grade category, free seats and distance. */
@QuarkusTest
class PublicVenueListingTest {

    @Inject
    AgroalDataSource db;

    RegistrationFeed feed;
    RegistrationFeed.Season season;
    String centre;      // Moscow centre, 7-8 only, 2 seats
    String north;       // 10 km north, every grade, 30 seats
    String petersburg;  // ~630 km away, 5-6 only, 25 seats

    @BeforeEach
    void open() {
        feed = new RegistrationFeed(db);
        season = feed.season();
        UUID applicant = UUID.randomUUID();
        centre = openVenue(season, applicant, "Центр", 2, 55.7539, 37.6208, List.of(season.grades7to8()));
        north = openVenue(season, applicant, "Север", 30, 55.8438, 37.6208, List.of());
        petersburg = openVenue(season, applicant, "Петербург", 25, 59.9386, 30.3141, List.of(season.grades5to6()));
        as("organizer").body(Map.of("adminInternalComment", "директор просит не звонить после 18:00"))
                .patch("/venues/{id}", centre).then().statusCode(200);
    }

    @AfterEach
    void close() {
        feed.close();
    }

    @Test
    void the_listing_needs_no_token_and_never_shows_internal_fields() {
        anonymous().get("/seasons/{id}/public-venues", season.id()).then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.title", containsInAnyOrder("Центр", "Север", "Петербург"))
                .body("items[0]", not(hasKey("adminInternalComment")))
                .body("items[0]", not(hasKey("contacts")))
                .body("items[0]", not(hasKey("competitionOrganizationId")));
    }

    @Test
    void nearest_first_within_a_radius_with_distances() {
        anonymous().queryParam("lat", 55.7539).queryParam("lon", 37.6208).queryParam("withinKm", 50)
                .get("/seasons/{id}/public-venues", season.id()).then().statusCode(200)
                .body("items.title", contains("Центр", "Север"))
                .body("items[0].distanceKm", equalTo(0.0f))
                .body("items[1].distanceKm", both(greaterThan(9.9f)).and(lessThan(10.1f)));
        anonymous().queryParam("lat", 55.7539).queryParam("lon", 37.6208)
                .get("/seasons/{id}/public-venues", season.id()).then().statusCode(200)
                .body("items.title", contains("Центр", "Север", "Петербург"));
    }

    @Test
    void filtered_by_grade_category_and_free_seats() {
        anonymous().queryParam("gradeCategoryId", season.grades7to8().toString())
                .get("/seasons/{id}/public-venues", season.id()).then().statusCode(200)
                .body("items.title", containsInAnyOrder("Центр", "Север"));
        anonymous().queryParam("minFreeSeats", 3).get("/seasons/{id}/public-venues", season.id()).then().statusCode(200)
                .body("items.title", containsInAnyOrder("Север", "Петербург"));
    }

    @Test
    void hidden_venues_are_not_listed_and_list_only_venues_are_not_on_the_map() {
        as("organizer").body(Map.of("publicVisibility", "hidden")).patch("/venues/{id}", petersburg).then().statusCode(200);
        as("organizer").body(Map.of("publicVisibility", "list")).patch("/venues/{id}", north).then().statusCode(200);

        anonymous().get("/seasons/{id}/public-venues", season.id()).then().statusCode(200)
                .body("items.title", containsInAnyOrder("Центр", "Север"))
                .body("items.find { it.title == 'Север' }.geoPoint", nullValue());
        anonymous().queryParam("view", "map").get("/seasons/{id}/public-venues", season.id()).then().statusCode(200)
                .body("items.title", contains("Центр"));
    }

    @Test
    void a_point_needs_both_coordinates() {
        anonymous().queryParam("lat", 55.75).get("/seasons/{id}/public-venues", season.id()).then().statusCode(422)
                .body("field", equalTo("lon"));
        anonymous().queryParam("lat", 155.75).queryParam("lon", 37.6).get("/seasons/{id}/public-venues", season.id())
                .then().statusCode(400);
    }
}
