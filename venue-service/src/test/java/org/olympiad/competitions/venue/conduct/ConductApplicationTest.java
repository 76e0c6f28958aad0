package org.olympiad.competitions.venue.conduct;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.Topics;
import org.olympiad.competitions.platform.testing.TestKafka;
import org.olympiad.competitions.platform.testing.TestSql;
import org.olympiad.competitions.venue.RegistrationFeed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.olympiad.competitions.venue.Api.as;
import static org.olympiad.competitions.venue.Api.moveVenue;
import static org.olympiad.competitions.venue.Api.openVenue;

/** A teacher conducts a tour at school: application, review, photo report, and completion only with a confirmed report. */
@QuarkusTest
class ConductApplicationTest {

    @Inject
    AgroalDataSource db;

    RegistrationFeed feed;
    RegistrationFeed.Season season;
    UUID teacher;

    @BeforeEach
    void open() {
        feed = new RegistrationFeed(db);
        season = feed.season();
        teacher = UUID.randomUUID();
    }

    @AfterEach
    void close() {
        feed.close();
    }

    private Map<String, Object> application() {
        Map<String, Object> body = new HashMap<>();
        body.put("identityOrganizationId", UUID.randomUUID());
        body.put("competitionOrganizationId", season.organizationId());
        body.put("locationText", "школа № 57, кабинет 301");
        body.put("expectedParticipantCount", 24);
        body.put("plannedDateFrom", "2026-12-10");
        body.put("plannedDateTo", "2026-12-11");
        body.put("gradeCategories", List.of(season.grades7to8()));
        body.put("deliveryMode", "teacher_led");
        body.put("contactSnapshot", Map.of("identityUserRef", teacher.toString()));
        return body;
    }

    private String approvedApplication() {
        String id = as("teacher", teacher).body(new HashMap<>(application()) {{ put("submit", true); }})
                .post("/tours/{id}/conduct-applications", season.tourId()).then().statusCode(201)
                .body("status", equalTo("submitted")).body("photoReportRequired", equalTo(true)).extract().path("id");
        as("organizer").body(Map.of("to", "approved")).post("/conduct-applications/{id}/transitions", id)
                .then().statusCode(200).body("status", equalTo("approved"));
        return id;
    }

    @Test
    void an_application_is_reviewed_and_completed_only_after_its_photo_report_is_confirmed() throws Exception {
        UUID group = feed.group(season.id(), season.organizationId(), teacher);
        String id = approvedApplication();

        as("teacher", teacher).body(Map.of("to", "completed")).post("/conduct-applications/{id}/transitions", id)
                .then().statusCode(409).body("rule", equalTo("confirmed-photo-report-required"));

        String report = as("teacher", teacher).body(Map.of("fileRefs", List.of(Map.of("storageRef", "photos/" + UUID.randomUUID())),
                        "comment", "тур прошёл по плану", "competitionGroupId", group))
                .post("/conduct-applications/{id}/photo-reports", id).then().statusCode(201)
                .body("status", equalTo("submitted")).body("tourId", equalTo(season.tourId().toString()))
                .body("competitionGroupId", equalTo(group.toString())).extract().path("id");
        as("organizer").body(Map.of("to", "unconfirmed", "comment", "на фото нет участников"))
                .post("/photo-reports/{id}/review", report).then().statusCode(200).body("status", equalTo("unconfirmed"));
        as("teacher", teacher).body(Map.of("to", "completed")).post("/conduct-applications/{id}/transitions", id)
                .then().statusCode(409);
        as("organizer").body(Map.of("to", "confirmed")).post("/photo-reports/{id}/review", report)
                .then().statusCode(200).body("status", equalTo("confirmed"));
        as("teacher", teacher).body(Map.of("to", "completed")).post("/conduct-applications/{id}/transitions", id)
                .then().statusCode(200).body("status", equalTo("completed"));

        assertThat(TestSql.column(db, "select type from outbox_events where aggregate_id = ?::uuid order by position", report))
                .containsExactly("photo_report.submitted", "photo_report.unconfirmed", "photo_report.confirmed");
        assertThat(TestSql.column(db, "select type from outbox_events where aggregate_id = ?::uuid order by position", id))
                .containsExactly("teacher_conduct_application.created", "teacher_conduct_application.submitted",
                        "teacher_conduct_application.approved", "teacher_conduct_application.completed");
    }

    @Test
    void the_unconfirmed_report_reaches_results_service_as_an_event_naming_tour_and_group() throws Exception {
        UUID group = feed.group(season.id(), season.organizationId(), teacher);
        String id = approvedApplication();
        String report = as("teacher", teacher).body(Map.of("fileRefs", List.of("photos/" + UUID.randomUUID()),
                        "competitionGroupId", group))
                .post("/conduct-applications/{id}/photo-reports", id).then().statusCode(201).extract().path("id");
        as("organizer").body(Map.of("to", "unconfirmed", "comment", "фото размыты")).post("/photo-reports/{id}/review", report)
                .then().statusCode(200);

        try (KafkaCompanion kafka = TestKafka.companion()) {
            var records = TestKafka.await(kafka, Topics.VENUE, 1,
                    r -> r.key().equals(report) && r.value().contains("photo_report.unconfirmed"));
            var event = EventJson.read(records.get(0).value());
            assertThat(event.after().get("tour_id").asText()).isEqualTo(season.tourId().toString());
            assertThat(event.after().get("competition_group_id").asText()).isEqualTo(group.toString());
            assertThat(event.after().get("teacher_conduct_application_id").asText()).isEqualTo(id);
            assertThat(event.seasonId()).isEqualTo(season.id());
            assertThat(event.reason()).isEqualTo("фото размыты");
        }
    }

    @Test
    void an_organiser_may_waive_the_photo_report_and_only_organisers_review() {
        String id = approvedApplication();
        as("teacher", teacher).body(Map.of("photoReportRequired", false)).patch("/conduct-applications/{id}", id)
                .then().statusCode(422).body("rule", equalTo("organisers-only"));
        as("teacher", teacher).body(Map.of("to", "rejected", "comment", "x")).post("/conduct-applications/{id}/transitions", id)
                .then().statusCode(403);
        as("organizer").body(Map.of("photoReportRequired", false)).patch("/conduct-applications/{id}", id)
                .then().statusCode(200).body("photoReportRequired", equalTo(false));
        as("teacher", teacher).body(Map.of("to", "completed")).post("/conduct-applications/{id}/transitions", id)
                .then().statusCode(200);
        as("teacher").get("/conduct-applications/{id}", id).then().statusCode(404);
    }

    @Test
    void bad_dates_raw_contacts_and_illegal_moves_are_refused_clearly() {
        Map<String, Object> body = application();
        body.put("plannedDateTo", "2026-12-01");
        as("teacher", teacher).body(body).post("/tours/{id}/conduct-applications", season.tourId()).then().statusCode(422)
                .body("field", equalTo("plannedDateTo"));
        body = application();
        body.put("contactSnapshot", Map.of("phone", "89123456789"));
        as("teacher", teacher).body(body).post("/tours/{id}/conduct-applications", season.tourId()).then().statusCode(422)
                .body("field", equalTo("contactSnapshot.phone")).body("rule", equalTo("raw-phone"));
        body = application();
        body.put("deliveryMode", "by_post");
        as("teacher", teacher).body(body).post("/tours/{id}/conduct-applications", season.tourId()).then().statusCode(400);

        String draft = as("teacher", teacher).body(application()).post("/tours/{id}/conduct-applications", season.tourId())
                .then().statusCode(201).body("status", equalTo("draft")).extract().path("id");
        as("organizer").body(Map.of("to", "approved")).post("/conduct-applications/{id}/transitions", draft)
                .then().statusCode(409).body("currentState", equalTo("draft")).body("requestedState", equalTo("approved"));
        as("teacher", teacher).body(Map.of("fileRefs", List.of("photos/1"))).post("/conduct-applications/{id}/photo-reports", draft)
                .then().statusCode(409);
        as("teacher", teacher).body(Map.of("to", "cancelled")).post("/conduct-applications/{id}/transitions", draft)
                .then().statusCode(200);
        as("teacher", teacher).get("/me/conduct-applications").then().statusCode(200).body("items[0].id", equalTo(draft));
    }

    @Test
    void venue_staff_report_a_tour_conducted_at_their_venue() throws Exception {
        UUID applicant = UUID.randomUUID();
        String venue = openVenue(season, applicant, "Школа № 9", 10, 55.75, 37.62, List.of());
        Map<String, Object> report = Map.of("tourId", season.tourId(), "fileRefs", List.of("photos/venue-1"));

        as("venue_staff", applicant).body(report).post("/venues/{id}/photo-reports", venue).then().statusCode(409);
        moveVenue(venue, "closed_for_selection");
        moveVenue(venue, "running");
        as("venue_staff").body(report).post("/venues/{id}/photo-reports", venue).then().statusCode(404);
        as("venue_staff", applicant).body(report).post("/venues/{id}/photo-reports", venue).then().statusCode(201)
                .body("venueId", equalTo(venue)).body("status", equalTo("submitted"));
    }
}
