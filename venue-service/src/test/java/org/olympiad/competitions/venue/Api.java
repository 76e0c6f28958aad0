package org.olympiad.competitions.venue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.olympiad.competitions.platform.testing.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** REST Assured requests as a role or a given user, and the venue every seat test needs. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String role) {
        return as(role, UUID.randomUUID());
    }

    public static RequestSpecification as(String role, UUID user) {
        return given().header("Authorization", TestTokens.bearer(role, user)).contentType(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    /** A complete venue application body for the organisation. */
    public static Map<String, Object> application(UUID organization, String title, int capacity, double lat, double lon,
                                                  List<UUID> gradeCategories) {
        return Map.of("competitionOrganizationId", organization, "title", title,
                "address", Map.of("city", "Москва", "street", "ул. Большая Полянка", "building", "10"),
                "geoPoint", Map.of("lat", lat, "lon", lon), "capacityTotal", capacity,
                "acceptedGradeCategories", gradeCategories,
                "contacts", List.of(Map.of("role", "дежурный администратор", "contactRef", UUID.randomUUID().toString())),
                "accessRules", Map.of("arrivalMinutesBefore", 30), "requiredDocuments", List.of("паспорт или свидетельство о рождении"),
                "facilityRules", Map.of("phones", "сдаются на входе"));
    }

    /**
     * A venue open for seat selection: applied for by {@code applicant}, submitted, approved by an organiser, made
     * active and registration_open, shown on the list and the map. Returns its id.
     */
    public static String openVenue(RegistrationFeed.Season season, UUID applicant, String title, int capacity,
                                   double lat, double lon, List<UUID> gradeCategories) {
        String application = as("teacher", applicant).body(new java.util.HashMap<>(application(season.organizationId(),
                        title, capacity, lat, lon, gradeCategories)) {{ put("submit", true); }})
                .post("/seasons/{id}/venue-applications", season.id()).then().statusCode(201).extract().path("id");
        as("organizer").body(Map.of("to", "approved")).post("/venue-applications/{id}/transitions", application)
                .then().statusCode(200);
        String venue = as("organizer").queryParam("status", "approved").get("/seasons/{id}/venues", season.id()).then()
                .statusCode(200).extract().path("items.find { it.venueApplicationId == '" + application + "' }.id");
        as("organizer").body(Map.of("publicVisibility", "list_and_map")).patch("/venues/{id}", venue).then().statusCode(200);
        moveVenue(venue, "active");
        moveVenue(venue, "registration_open");
        return venue;
    }

    public static void moveVenue(String venue, String to) {
        as("organizer").body(Map.of("to", to)).post("/venues/{id}/transitions", venue).then().statusCode(200);
    }
}
