package org.olympiad.competitions.registration;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.olympiad.competitions.platform.testing.TestTokens;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Builds a catalogue over HTTP, as an organiser's front end would. */
public final class CatalogueFixtures {

    private CatalogueFixtures() {
    }

    public static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    public static String createEvent() {
        return as("organizer")
                .body(Map.of("slug", "olymp-" + UUID.randomUUID().toString().substring(0, 8), "title", "Олимпиада по математике",
                        "type", "olympiad", "subjectKey", "math"))
                .post("/events").then().statusCode(201).extract().path("id");
    }

    public static String createSeason(String eventId) {
        return as("organizer")
                .body(Map.of("eventId", eventId, "title", "Сезон 2026/27",
                        "startsAt", "2026-09-01T00:00:00Z", "endsAt", "2027-05-31T00:00:00Z"))
                .post("/seasons").then().statusCode(201)
                .body("status", equalTo("draft"))
                .body("registrationPolicy", equalTo(Map.of()))
                .extract().path("id");
    }

    public static String createTour(String season, int position) {
        return as("organizer").body(Map.of("title", "Тур " + position, "position", position, "format", "test"))
                .post("/seasons/{id}/tours", season).then().statusCode(201)
                .body("status", equalTo("draft")).body("seasonId", equalTo(season))
                .extract().path("id");
    }

    public static String createGradeCategory(String season, String key) {
        return as("organizer").body(Map.of("key", key, "title", "Категория " + key, "gradeRangeKey", "grades_" + key))
                .post("/seasons/{id}/grade-categories", season).then().statusCode(201)
                .body("seasonId", equalTo(season)).body("key", equalTo(key))
                .extract().path("id");
    }

    /** A season-wide track (no tour). */
    public static String createTrack(String season, String key) {
        return as("organizer").body(Map.of("key", key, "title", "Трек " + key))
                .post("/seasons/{id}/tracks", season).then().statusCode(201)
                .body("seasonId", equalTo(season)).body("key", equalTo(key)).body("tourId", nullValue())
                .extract().path("id");
    }

    /** A track bound to one tour of the season. */
    public static String createTrack(String season, String tour, String key) {
        return as("organizer").body(Map.of("key", key, "title", "Трек " + key, "tourId", tour))
                .post("/seasons/{id}/tracks", season).then().statusCode(201)
                .body("seasonId", equalTo(season)).body("key", equalTo(key)).body("tourId", equalTo(tour))
                .extract().path("id");
    }

    /** An identity organisation (a fresh id) joining the season under the given name; active. */
    public static String createOrganization(String season, String displayName) {
        return as("organizer")
                .body(Map.of("identityOrganizationId", UUID.randomUUID().toString(), "displayNameSnapshot", displayName))
                .post("/seasons/{id}/organizations", season).then().statusCode(201)
                .body("seasonId", equalTo(season)).body("participationStatus", equalTo("active"))
                .extract().path("id");
    }

    public static String createOrganization(String season) {
        return createOrganization(season, "Гимназия № 1");
    }

    /** Grants the organisation a role (organizer, closed_group_host, open_venue); the new role's id. */
    public static String grantOrganizationRole(String organization, String role) {
        return as("organizer").body(Map.of("role", role))
                .post("/organizations/{id}/roles", organization).then().statusCode(201)
                .body("competitionOrganizationId", equalTo(organization)).body("role", equalTo(role))
                .body("status", equalTo("active"))
                .extract().path("id");
    }
}
