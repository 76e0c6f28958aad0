package org.olympiad.competitions.venue.application;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.platform.testing.TestSql;
import org.olympiad.competitions.venue.RegistrationFeed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.olympiad.competitions.venue.Api.application;
import static org.olympiad.competitions.venue.Api.as;

/** An organisation with the open_venue role applies to host a venue; organisers review; approval makes the venue. */
@QuarkusTest
class VenueApplicationTest {

    @Inject
    AgroalDataSource db;

    RegistrationFeed feed;
    RegistrationFeed.Season season;

    @BeforeEach
    void open() {
        feed = new RegistrationFeed(db);
        season = feed.season();
    }

    @AfterEach
    void close() {
        feed.close();
    }

    @Test
    void an_application_goes_through_changes_requested_and_approval_into_a_venue_with_its_fields() throws Exception {
        UUID applicant = UUID.randomUUID();
        String id = as("teacher", applicant)
                .body(application(season.organizationId(), "Школа № 57, корпус 2", 40, 55.7377, 37.6186, List.of(season.grades7to8())))
                .post("/seasons/{id}/venue-applications", season.id()).then().statusCode(201)
                .body("status", equalTo("draft")).body("submittedByUserId", equalTo(applicant.toString())).extract().path("id");

        as("teacher", applicant).body(Map.of("to", "submitted")).post("/venue-applications/{id}/transitions", id)
                .then().statusCode(200).body("status", equalTo("submitted"));
        as("organizer").body(Map.of("to", "needs_changes", "comment", "укажите вход для участников"))
                .post("/venue-applications/{id}/transitions", id).then().statusCode(200)
                .body("status", equalTo("needs_changes")).body("reviewComment", equalTo("укажите вход для участников"));
        as("teacher", applicant).body(Map.of("accessRules", Map.of("entrance", "вход со двора"), "capacityTotal", 30))
                .patch("/venue-applications/{id}", id).then().statusCode(200).body("capacityTotal", equalTo(30));
        as("teacher", applicant).body(Map.of("to", "submitted")).post("/venue-applications/{id}/transitions", id)
                .then().statusCode(200);
        as("organizer").body(Map.of("to", "approved")).post("/venue-applications/{id}/transitions", id)
                .then().statusCode(200).body("status", equalTo("approved"));

        String venue = as("organizer").get("/seasons/{id}/venues", season.id()).then().statusCode(200)
                .extract().path("items.find { it.venueApplicationId == '" + id + "' }.id");
        as("organizer").get("/venues/{id}", venue).then().statusCode(200)
                .body("status", equalTo("approved")).body("capacity", equalTo(30)).body("currentAssignmentCount", equalTo(0))
                .body("title", equalTo("Школа № 57, корпус 2")).body("address.street", equalTo("ул. Большая Полянка"))
                .body("geoPoint.lat", equalTo(55.7377f)).body("accessRules.entrance", equalTo("вход со двора"))
                .body("requiredDocuments[0]", equalTo("паспорт или свидетельство о рождении"))
                .body("publicVisibility", equalTo("hidden"));
        // the applicant is the venue's staff and may read it; a stranger may not know it exists
        as("teacher", applicant).get("/venues/{id}", venue).then().statusCode(200);
        as("teacher").get("/venues/{id}", venue).then().statusCode(404);

        assertThat(TestSql.column(db, "select type from outbox_events where aggregate_id = ?::uuid order by position", id))
                .containsExactly("venue_application.created", "venue_application.submitted",
                        "venue_application.changes_requested", "venue_application.updated", "venue_application.submitted",
                        "venue_application.approved");
        assertThat(TestSql.column(db, "select type from outbox_events where aggregate_id = ?::uuid", venue))
                .containsExactly("venue.created");
    }

    @Test
    void an_organisation_without_the_open_venue_role_cannot_apply_and_nothing_is_stored() throws Exception {
        UUID host = feed.organization(season.id(), "closed_group_host");

        as("teacher").body(application(host, "Гимназия", 20, 55.7, 37.6, List.of()))
                .post("/seasons/{id}/venue-applications", season.id()).then().statusCode(422)
                .body("field", equalTo("competitionOrganizationId")).body("rule", equalTo("open-venue-role"));
        assertThat(TestSql.count(db, "select count(*) from competition_venue_applications where competition_organization_id = ?::uuid",
                host.toString())).isZero();
    }

    @Test
    void a_grade_category_of_another_season_is_refused_naming_it() {
        as("teacher").body(application(season.organizationId(), "Гимназия", 20, 55.7, 37.6,
                        List.of(season.grades5to6(), UUID.randomUUID())))
                .post("/seasons/{id}/venue-applications", season.id()).then().statusCode(422)
                .body("field", equalTo("acceptedGradeCategories[1]")).body("rule", equalTo("grade-category-of-season"));
    }

    @Test
    void a_raw_phone_or_email_in_the_contacts_is_refused_naming_the_field() throws Exception {
        Map<String, Object> body = new HashMap<>(application(season.organizationId(), "Лицей № 2", 20, 55.7, 37.6, List.of()));
        body.put("contacts", List.of(Map.of("role", "завуч", "phone", "+7 (912) 345-67-89")));
        as("teacher").body(body).post("/seasons/{id}/venue-applications", season.id()).then().statusCode(422)
                .body("field", equalTo("contacts[0].phone")).body("rule", equalTo("raw-phone"));
        body.put("contacts", List.of(Map.of("role", "завуч", "email", "zavuch@school57.ru")));
        as("teacher").body(body).post("/seasons/{id}/venue-applications", season.id()).then().statusCode(422)
                .body("rule", equalTo("raw-email"));
        assertThat(TestSql.count(db, "select count(*) from competition_venue_applications where title = ?", "Лицей № 2")).isZero();
    }

    @Test
    void illegal_moves_name_both_states_and_only_organisers_review() {
        UUID applicant = UUID.randomUUID();
        String id = as("teacher", applicant)
                .body(application(season.organizationId(), "Школа № 1", 10, 55.7, 37.6, List.of()))
                .post("/seasons/{id}/venue-applications", season.id()).then().statusCode(201).extract().path("id");

        as("organizer").body(Map.of("to", "approved")).post("/venue-applications/{id}/transitions", id).then().statusCode(409)
                .body("currentState", equalTo("draft")).body("requestedState", equalTo("approved"));
        as("teacher", applicant).body(Map.of("to", "submitted")).post("/venue-applications/{id}/transitions", id)
                .then().statusCode(200);
        as("teacher", applicant).body(Map.of("to", "approved")).post("/venue-applications/{id}/transitions", id)
                .then().statusCode(403);
        as("organizer").body(Map.of("to", "rejected")).post("/venue-applications/{id}/transitions", id).then().statusCode(422)
                .body("field", equalTo("comment")).body("rule", equalTo("required-to-reject"));
        as("organizer").body(Map.of("to", "rejected", "comment", "здание на ремонте"))
                .post("/venue-applications/{id}/transitions", id).then().statusCode(200);
        as("teacher", applicant).body(Map.of("to", "cancelled")).post("/venue-applications/{id}/transitions", id)
                .then().statusCode(409).body("currentState", equalTo("rejected")).body("requestedState", equalTo("cancelled"));
        as("teacher", applicant).body(Map.of("title", "Новая")).patch("/venue-applications/{id}", id).then().statusCode(409);
        // somebody else's application does not exist for them
        as("teacher").get("/venue-applications/{id}", id).then().statusCode(404);
    }

    @Test
    void an_application_without_capacity_cannot_be_submitted_and_the_internal_comment_is_for_organisers() {
        UUID applicant = UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(application(season.organizationId(), "Школа № 3", 10, 55.7, 37.6, List.of()));
        body.remove("capacityTotal");
        String id = as("teacher", applicant).body(body).post("/seasons/{id}/venue-applications", season.id())
                .then().statusCode(201).extract().path("id");
        as("teacher", applicant).body(Map.of("to", "submitted")).post("/venue-applications/{id}/transitions", id)
                .then().statusCode(422).body("field", equalTo("capacityTotal")).body("rule", equalTo("required-to-submit"));
        as("teacher", applicant).body(Map.of("adminInternalComment", "x")).patch("/venue-applications/{id}", id)
                .then().statusCode(422).body("rule", equalTo("organisers-only"));
        as("organizer").body(Map.of("adminInternalComment", "проверить пожарный сертификат")).patch("/venue-applications/{id}", id)
                .then().statusCode(200).body("adminInternalComment", equalTo("проверить пожарный сертификат"));
        as("teacher", applicant).get("/venue-applications/{id}", id).then().statusCode(200)
                .body("adminInternalComment", nullValue());
        as("teacher", applicant).get("/me/venue-applications").then().statusCode(200)
                .body("items[0].id", equalTo(id));
    }
}
