package org.olympiad.competitions.venue.seat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.platform.testing.TestSql;
import org.olympiad.competitions.venue.RegistrationFeed;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.olympiad.competitions.venue.Api.as;
import static org.olympiad.competitions.venue.Api.moveVenue;
import static org.olympiad.competitions.venue.Api.openVenue;

/** A participant with the venue delivery mode takes, confirms, moves and gives back a seat; staff mark attendance. */
@QuarkusTest
class SeatTest {

    @Inject
    AgroalDataSource db;

    RegistrationFeed feed;
    RegistrationFeed.Season season;
    UUID applicant;

    @BeforeEach
    void open() {
        feed = new RegistrationFeed(db);
        season = feed.season();
        applicant = UUID.randomUUID();
    }

    @AfterEach
    void close() {
        feed.close();
    }

    @Test
    void a_participant_takes_a_seat_until_the_venue_is_full_then_gets_a_clear_409() throws Exception {
        String venue = openVenue(season, applicant, "Школа № 1", 2, 55.75, 37.62, List.of());
        RegistrationFeed.Admitted first = feed.admitted(season, "venue");
        RegistrationFeed.Admitted second = feed.admitted(season, "venue");
        RegistrationFeed.Admitted third = feed.admitted(season, "venue");

        take(first, venue).statusCode(201).body("status", equalTo("assigned"))
                .body("participantId", equalTo(first.participantId().toString()));
        take(second, venue).statusCode(201);
        take(third, venue).statusCode(409).body("field", equalTo("venueId")).body("rule", equalTo("venue-full"));

        assertThat(count(venue)).isEqualTo(2);
        assertThat(TestSql.count(db, "select count(*) from competition_venue_assignments where venue_id = ?::uuid", venue))
                .isEqualTo(2);
        assertThat(TestSql.column(db, "select payload->'after'->>'venue_current_assignment_count' from outbox_events "
                + "where type = 'venue_assignment.assigned' and payload->'after'->>'venue_id' = ? order by position", venue))
                .containsExactly("1", "2");
    }

    @Test
    void only_a_venue_delivery_participant_may_take_a_seat_once_and_nobody_takes_another_ones() throws Exception {
        String venue = openVenue(season, applicant, "Школа № 2", 5, 55.75, 37.62, List.of());
        RegistrationFeed.Admitted online = feed.admitted(season, "online");
        RegistrationFeed.Admitted child = feed.admitted(season, "venue");

        take(online, venue).statusCode(409).body("field", equalTo("deliveryMode")).body("rule", equalTo("venue-delivery"));
        as("participant").body(Map.of("venueId", venue))
                .post("/tour-participations/{id}/venue-assignments", child.tourParticipationId()).then().statusCode(404);
        take(child, venue).statusCode(201);
        take(child, venue).statusCode(409).body("rule", equalTo("one-seat-per-tour"));
        assertThat(count(venue)).isEqualTo(1);
    }

    @Test
    void a_venue_seats_only_participants_of_the_grade_categories_it_accepts_and_refuses_the_rest_clearly() throws Exception {
        String juniors = openVenue(season, applicant, "Только 5–6 классы", 5, 55.75, 37.62, List.of(season.grades5to6()));
        RegistrationFeed.Admitted seventh = feed.admitted(season, "venue", "7");
        RegistrationFeed.Admitted sixth = feed.admitted(season, "venue", "6");
        RegistrationFeed.Admitted eleventh = feed.admitted(season, "venue", "11");

        take(seventh, juniors).statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("venueId")).body("rule", equalTo("accepted-grade-category"))
                .body("detail", org.hamcrest.Matchers.containsString("grade 7 is in 7-8"));
        take(eleventh, juniors).statusCode(422).body("rule", equalTo("accepted-grade-category"))
                .body("detail", org.hamcrest.Matchers.containsString("none of the season's categories"));
        assertThat(count(juniors)).isZero();
        assertThat(TestSql.count(db, "select count(*) from competition_venue_assignments where venue_id = ?::uuid", juniors))
                .isZero();
        assertThat(TestSql.count(db, "select count(*) from outbox_events where payload->'after'->>'venue_id' = ?", juniors))
                .isZero();

        take(sixth, juniors).statusCode(201).body("status", equalTo("assigned"));
        assertThat(count(juniors)).isEqualTo(1);
    }

    @Test
    void a_transfer_to_a_venue_that_does_not_accept_the_grade_category_changes_nothing() throws Exception {
        String everyone = openVenue(season, applicant, "Для всех", 5, 55.75, 37.62, List.of());
        String juniors = openVenue(season, applicant, "Только 5–6 классы", 5, 55.76, 37.63, List.of(season.grades5to6()));
        RegistrationFeed.Admitted seventh = feed.admitted(season, "venue", "7");
        String seat = take(seventh, everyone).statusCode(201).extract().path("id");

        transfer(seventh, seat, juniors).statusCode(422).body("field", equalTo("venueId"))
                .body("rule", equalTo("accepted-grade-category"));
        assertThat(count(everyone)).isEqualTo(1);
        assertThat(count(juniors)).isZero();
        as("participant", seventh.userId()).get("/venue-assignments/{id}", seat).then().statusCode(200)
                .body("status", equalTo("assigned")).body("venueId", equalTo(everyone));
        assertThat(TestSql.count(db, "select count(*) from outbox_events where type = 'venue_assignment.transferred' "
                + "and payload->'after'->>'id' = ?", seat)).isZero();
    }

    @Test
    void a_venue_not_open_for_selection_takes_no_seats() throws Exception {
        String venue = openVenue(season, applicant, "Школа № 3", 5, 55.75, 37.62, List.of());
        moveVenue(venue, "closed_for_selection");
        RegistrationFeed.Admitted child = feed.admitted(season, "venue");

        take(child, venue).statusCode(409).body("currentState", equalTo("closed_for_selection"));
        assertThat(count(venue)).isZero();
    }

    @Test
    void cancelling_frees_the_seat_for_someone_else() throws Exception {
        String venue = openVenue(season, applicant, "Школа № 4", 1, 55.75, 37.62, List.of());
        RegistrationFeed.Admitted first = feed.admitted(season, "venue");
        RegistrationFeed.Admitted second = feed.admitted(season, "venue");
        String seat = take(first, venue).statusCode(201).extract().path("id");
        take(second, venue).statusCode(409);

        move(first, seat, "confirmed").statusCode(200).body("status", equalTo("confirmed"));
        move(first, seat, "cancelled").statusCode(200).body("status", equalTo("cancelled"));
        assertThat(count(venue)).isZero();
        take(second, venue).statusCode(201);
        move(first, seat, "confirmed").statusCode(409).body("currentState", equalTo("cancelled"));
    }

    @Test
    void a_transfer_takes_the_new_seat_before_freeing_the_old_one_or_changes_nothing() throws Exception {
        String from = openVenue(season, applicant, "Откуда", 3, 55.75, 37.62, List.of());
        String to = openVenue(season, applicant, "Куда", 1, 55.76, 37.63, List.of());
        RegistrationFeed.Admitted mover = feed.admitted(season, "venue");
        RegistrationFeed.Admitted other = feed.admitted(season, "venue");
        String seat = take(mover, from).statusCode(201).extract().path("id");
        String blocker = take(other, to).statusCode(201).extract().path("id");

        transfer(mover, seat, to).statusCode(409).body("rule", equalTo("venue-full"));
        assertThat(count(from)).isEqualTo(1);
        assertThat(count(to)).isEqualTo(1);
        as("participant", mover.userId()).get("/venue-assignments/{id}", seat).then().statusCode(200)
                .body("status", equalTo("assigned"));

        move(other, blocker, "cancelled").statusCode(200);
        String moved = transfer(mover, seat, to).statusCode(200).body("venueId", equalTo(to))
                .body("status", equalTo("assigned")).extract().path("id");
        assertThat(moved).isNotEqualTo(seat);
        assertThat(count(from)).isZero();
        assertThat(count(to)).isEqualTo(1);
        as("participant", mover.userId()).get("/venue-assignments/{id}", seat).then().statusCode(200)
                .body("status", equalTo("transferred"));
        as("participant", mover.userId()).get("/tour-participations/{id}/venue-assignments", mover.tourParticipationId())
                .then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void venue_staff_mark_attendance_once_the_venue_runs_and_participants_cannot() throws Exception {
        String venue = openVenue(season, applicant, "Школа № 5", 5, 55.75, 37.62, List.of());
        UUID staff = feed.helper(season.id(), season.organizationId(), UUID.randomUUID(), "venue_staff");
        UUID roster = feed.helper(season.id(), season.organizationId(), UUID.randomUUID(), "roster_view");
        RegistrationFeed.Admitted came = feed.admitted(season, "venue");
        RegistrationFeed.Admitted absent = feed.admitted(season, "venue");
        String seatCame = take(came, venue).statusCode(201).extract().path("id");
        String seatAbsent = take(absent, venue).statusCode(201).extract().path("id");

        as("venue_staff", staff).body(Map.of("to", "attended")).post("/venue-assignments/{id}/transitions", seatCame)
                .then().statusCode(409).body("currentState", equalTo("registration_open"));
        moveVenue(venue, "closed_for_selection");
        moveVenue(venue, "running");

        as("venue_staff", staff).get("/venues/{id}/assignments", venue).then().statusCode(200).body("total", equalTo(2));
        as("teacher", roster).get("/venues/{id}/assignments", venue).then().statusCode(404);
        move(came, seatCame, "attended").statusCode(403);
        as("venue_staff", staff).body(Map.of("to", "attended")).post("/venue-assignments/{id}/transitions", seatCame)
                .then().statusCode(200).body("status", equalTo("attended"));
        as("venue_staff", staff).body(Map.of("to", "no_show")).post("/venue-assignments/{id}/transitions", seatAbsent)
                .then().statusCode(200).body("status", equalTo("no_show"));
        as("venue_staff", roster).body(Map.of("to", "no_show")).post("/venue-assignments/{id}/transitions", seatCame)
                .then().statusCode(404);
        assertThat(count(venue)).isEqualTo(2);
    }

    @Test
    void a_capacity_below_the_assigned_seats_requires_the_admin_process_and_the_capacity_stays() throws Exception {
        String venue = openVenue(season, applicant, "Школа № 6", 5, 55.75, 37.62, List.of());
        for (int i = 0; i < 3; i++) {
            take(feed.admitted(season, "venue"), venue).statusCode(201);
        }

        as("organizer").body(Map.of("capacity", 2, "reason", "закрыли один класс")).post("/venues/{id}/capacity-changes", venue)
                .then().statusCode(201).body("status", equalTo("requires_admin_process"))
                .body("oldCapacity", equalTo(5)).body("newCapacity", equalTo(2)).body("currentAssignmentCount", equalTo(3));
        as("organizer").get("/venues/{id}", venue).then().body("capacity", equalTo(5));

        as("organizer").body(Map.of("capacity", 3)).post("/venues/{id}/capacity-changes", venue)
                .then().statusCode(201).body("status", equalTo("applied"));
        as("organizer").get("/venues/{id}", venue).then().body("capacity", equalTo(3)).body("currentAssignmentCount", equalTo(3));
        take(feed.admitted(season, "venue"), venue).statusCode(409).body("rule", equalTo("venue-full"));
        as("organizer").get("/venues/{id}/capacity-changes", venue).then().statusCode(200).body("total", equalTo(2));
        as("teacher", applicant).body(Map.of("capacity", 100)).post("/venues/{id}/capacity-changes", venue).then().statusCode(403);
    }

    @Test
    void an_organiser_rejects_a_capacity_change_that_requires_the_admin_process_or_applies_it_once_participants_moved()
            throws Exception {
        String venue = openVenue(season, applicant, "Школа № 8", 4, 55.75, 37.62, List.of());
        RegistrationFeed.Admitted leaving = feed.admitted(season, "venue");
        String leavingSeat = take(leaving, venue).statusCode(201).extract().path("id");
        take(feed.admitted(season, "venue"), venue).statusCode(201);
        take(feed.admitted(season, "venue"), venue).statusCode(201);
        String toOne = as("organizer").body(Map.of("capacity", 1, "reason", "закрыли два класса"))
                .post("/venues/{id}/capacity-changes", venue).then().statusCode(201)
                .body("status", equalTo("requires_admin_process")).extract().path("id");
        String toTwo = as("organizer").body(Map.of("capacity", 2, "reason", "закрыли один класс"))
                .post("/venues/{id}/capacity-changes", venue).then().statusCode(201)
                .body("status", equalTo("requires_admin_process")).extract().path("id");

        // refused decisions change nothing
        decide(venue, toOne, "rejected", null).statusCode(422).body("field", equalTo("reason"))
                .body("rule", equalTo("required-to-reject"));
        decide(venue, toTwo, "applied", null).statusCode(409).body("field", equalTo("newCapacity"))
                .body("rule", equalTo("holds-current-assignments"));
        as("teacher", applicant).body(Map.of("to", "rejected", "reason", "нет")).post(
                "/venues/{id}/capacity-changes/{change}/transitions", venue, toOne).then().statusCode(403);
        String elsewhere = openVenue(season, applicant, "Школа № 9", 4, 55.76, 37.63, List.of());
        decide(elsewhere, toOne, "rejected", "не та площадка").statusCode(404);
        as("organizer").get("/venues/{id}", venue).then().body("capacity", equalTo(4)).body("currentAssignmentCount", equalTo(3));
        assertThat(TestSql.column(db, "select status from competition_venue_capacity_changes where venue_id = ?::uuid "
                + "order by new_capacity", venue)).containsExactly("requires_admin_process", "requires_admin_process");

        // rejected with a reason: the capacity stays, and a rejected change is final
        decide(venue, toOne, "rejected", "класс остаётся открытым").statusCode(200).body("status", equalTo("rejected"))
                .body("reason", equalTo("класс остаётся открытым")).body("newCapacity", equalTo(1))
                .body("currentAssignmentCount", equalTo(3));
        as("organizer").get("/venues/{id}", venue).then().body("capacity", equalTo(4));
        decide(venue, toOne, "applied", null).statusCode(409).body("currentState", equalTo("rejected"))
                .body("requestedState", equalTo("applied"));

        // once a participant has moved out the new capacity holds the rest: applied, and the venue is full at 2
        move(leaving, leavingSeat, "cancelled").statusCode(200);
        decide(venue, toTwo, "applied", null).statusCode(200).body("status", equalTo("applied"))
                .body("oldCapacity", equalTo(4)).body("newCapacity", equalTo(2)).body("currentAssignmentCount", equalTo(2))
                .body("reason", equalTo("закрыли один класс"));
        as("organizer").get("/venues/{id}", venue).then().body("capacity", equalTo(2)).body("currentAssignmentCount", equalTo(2));
        take(feed.admitted(season, "venue"), venue).statusCode(409).body("rule", equalTo("venue-full"));
        decide(venue, toTwo, "rejected", "поздно").statusCode(409).body("currentState", equalTo("applied"))
                .body("requestedState", equalTo("rejected"));
        decide(venue, toTwo, "requires_admin_process", null).statusCode(409);

        // every decision went out through the outbox
        assertThat(TestSql.column(db, "select type from outbox_events where aggregate_id = ?::uuid order by position", toOne))
                .containsExactly("venue_capacity_change.requires_admin_process", "venue_capacity_change.rejected");
        assertThat(TestSql.column(db, "select type from outbox_events where aggregate_id = ?::uuid order by position", toTwo))
                .containsExactly("venue_capacity_change.requires_admin_process", "venue_capacity_change.applied");
        assertThat(TestSql.column(db, "select payload->>'reason' from outbox_events where aggregate_id = ?::uuid "
                + "and type = 'venue_capacity_change.rejected'", toOne)).containsExactly("класс остаётся открытым");
        assertThat(TestSql.column(db, "select payload->'after'->>'capacity' from outbox_events where aggregate_id = ?::uuid "
                + "and type = 'venue.capacity_changed' order by position", venue)).containsExactly("2");
    }

    @Test
    void a_withdrawn_tour_participation_gives_its_seat_back() throws Exception {
        String venue = openVenue(season, applicant, "Школа № 7", 1, 55.75, 37.62, List.of());
        RegistrationFeed.Admitted leaving = feed.admitted(season, "venue");
        String seat = take(leaving, venue).statusCode(201).extract().path("id");

        feed.ended(season, leaving, "withdrawn");

        await().atMost(Duration.ofSeconds(60)).until(() -> count(venue) == 0);
        as("organizer").get("/venue-assignments/{id}", seat).then().statusCode(200).body("status", equalTo("cancelled"));
        take(leaving, venue).statusCode(409).body("currentState", equalTo("withdrawn"));
    }

    private io.restassured.response.ValidatableResponse take(RegistrationFeed.Admitted who, String venue) {
        return as("participant", who.userId()).body(Map.of("venueId", venue))
                .post("/tour-participations/{id}/venue-assignments", who.tourParticipationId()).then();
    }

    private io.restassured.response.ValidatableResponse decide(String venue, String change, String to, String reason) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("to", to);
        if (reason != null) {
            body.put("reason", reason);
        }
        return as("organizer").body(body).post("/venues/{id}/capacity-changes/{change}/transitions", venue, change).then();
    }

    private io.restassured.response.ValidatableResponse move(RegistrationFeed.Admitted who, String seat, String to) {
        return as("participant", who.userId()).body(Map.of("to", to)).post("/venue-assignments/{id}/transitions", seat).then();
    }

    private io.restassured.response.ValidatableResponse transfer(RegistrationFeed.Admitted who, String seat, String venue) {
        return as("participant", who.userId()).body(Map.of("venueId", venue)).post("/venue-assignments/{id}/transfer", seat).then();
    }

    private int count(String venue) throws Exception {
        return Integer.parseInt(TestSql.column(db, "select current_assignment_count from competition_venues where id = ?::uuid",
                venue).get(0));
    }
}
