package org.olympiad.competitions.registration.registration;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.platform.testing.TestSql;
import org.olympiad.competitions.platform.testing.TestTokens;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.olympiad.competitions.registration.CatalogueFixtures.as;
import static org.olympiad.competitions.registration.CatalogueFixtures.createEvent;
import static org.olympiad.competitions.registration.CatalogueFixtures.createSeason;
import static org.olympiad.competitions.registration.CatalogueFixtures.createTour;

/** From a season open for registration to an admitted participant, by each source, under the season's policy. */
@QuarkusTest
public class RegistrationJourneyTest {

    static final Map<String, Object> POLICY = Map.of("sources", Map.of(
            "self", Map.of("requiredFields", List.of("grade", "parentContact"), "gradeCategories", List.of("grade_7_8"),
                    "approval", "review"),
            "teacher", Map.of("requiredFields", List.of("grade"), "approval", "automatic"),
            "parent", Map.of("window", Map.of("closesAt", "2020-01-01T00:00:00Z")),
            "admin", Map.of("officialDataPackage", Map.of("required", true, "approvalWaitsForIt", true),
                    "approval", "review")));

    @Inject
    AgroalDataSource db;

    /** A season open for registration under {@link #POLICY}, with grade categories 7-8 and 9-11 and two tours. */
    public record OpenSeason(String id, String firstTour, String secondTour) {
    }

    public static OpenSeason openSeason() {
        String season = createSeason(createEvent());
        as("organizer").body(Map.of("key", "grade_7_8", "title", "7–8 классы", "gradeRangeKey", "7-8"))
                .post("/seasons/{id}/grade-categories", season).then().statusCode(201);
        as("organizer").body(Map.of("key", "grade_9_11", "title", "9–11 классы", "gradeRangeKey", "9-11"))
                .post("/seasons/{id}/grade-categories", season).then().statusCode(201);
        String second = createTour(season, 2);
        String first = createTour(season, 1);
        as("organizer").body(Map.of("registrationPolicy", POLICY)).patch("/seasons/{id}", season).then().statusCode(200);
        as("organizer").body(Map.of("to", "registration_open")).post("/seasons/{id}/transitions", season).then().statusCode(200);
        return new OpenSeason(season, first, second);
    }

    public static RequestSpecification user(String role, UUID id) {
        return given().header("Authorization", TestTokens.bearer(role, id)).contentType(ContentType.JSON);
    }

    public static Map<String, Object> selfRegistration(String grade, boolean withParentContact) {
        Map<String, Object> body = new HashMap<>();
        body.put("source", "self");
        body.put("participant", Map.of("displayName", "Анна  Смирнова", "grade", grade));
        body.put("deliveryPreferences", Map.of("mode", "online"));
        if (withParentContact) {
            body.put("parentContactRef", Map.of("identityContactId", UUID.randomUUID().toString()));
        }
        return body;
    }

    @Test
    void a_student_registers_themself_and_an_approval_admits_them_to_the_first_tour() throws Exception {
        OpenSeason season = openSeason();
        UUID student = UUID.randomUUID();
        String registration = user("participant", student).body(selfRegistration("7", true))
                .post("/seasons/{id}/registrations", season.id()).then().statusCode(201)
                .body("status", equalTo("submitted"))
                .body("stage", equalTo("ready_for_review"))
                .body("source", equalTo("self"))
                .body("requiredFieldsStatus.complete", equalTo(true))
                .body("requiredFieldsStatus.missing", equalTo(List.of()))
                .body("participantId", notNullValue())
                .extract().path("id");

        as("organizer").body(Map.of("to", "pending_review")).post("/registrations/{id}/transitions", registration)
                .then().statusCode(200).body("status", equalTo("pending_review"));
        String participant = as("organizer").body(Map.of("to", "approved")).post("/registrations/{id}/transitions", registration)
                .then().statusCode(200).body("status", equalTo("approved")).body("stage", equalTo("complete"))
                .extract().path("participantId");

        user("participant", student).get("/me/registrations").then().statusCode(200)
                .body("items.id", hasItem(registration));
        assertThat(query("select status::text from competition_season_participations where participant_id = ?::uuid", participant))
                .containsExactly("active");
        assertThat(query("select tp.tour_id::text || ':' || tp.status || ':' || tp.delivery_mode from competition_tour_participations tp "
                + "join competition_season_participations sp on sp.id = tp.season_participation_id "
                + "where sp.participant_id = ?::uuid", participant))
                .containsExactly(season.firstTour() + ":admitted:online");
        assertThat(query("select display_name from competition_participants where id = ?::uuid", participant))
                .as("the name is kept with single spaces").containsExactly("Анна Смирнова");
        assertThat(query("select type from outbox_events where payload->'after'->>'participant_id' = ? order by position", participant))
                .contains("registration.created", "registration.approved", "season_participation.created",
                        "tour_participation.admitted");
    }

    @Test
    void what_the_policy_requires_and_is_missing_is_listed_and_completing_it_sends_the_registration_on() {
        OpenSeason season = openSeason();
        UUID student = UUID.randomUUID();
        String registration = user("participant", student).body(selfRegistration("8", false))
                .post("/seasons/{id}/registrations", season.id()).then().statusCode(201)
                .body("status", equalTo("needs_completion"))
                .body("stage", equalTo("details_required"))
                .body("requiredFieldsStatus.required", contains("grade", "parentContact"))
                .body("requiredFieldsStatus.missing", contains("parentContact"))
                .extract().path("id");

        user("participant", student).body(Map.of("parentContactRef", Map.of("identityContactId", UUID.randomUUID().toString())))
                .patch("/registrations/{id}", registration).then().statusCode(200)
                .body("status", equalTo("submitted"))
                .body("requiredFieldsStatus.complete", equalTo(true));
    }

    @Test
    void a_teacher_registration_is_approved_automatically_when_the_policy_says_so() throws Exception {
        OpenSeason season = openSeason();
        String participant = user("teacher", UUID.randomUUID())
                .body(Map.of("source", "teacher", "participant", Map.of("displayName", "Пётр Иванов", "grade", "10"),
                        "teacherNameText", "Мария Петровна"))
                .post("/seasons/{id}/registrations", season.id()).then().statusCode(201)
                .body("status", equalTo("approved")).extract().path("participantId");
        assertThat(query("select tp.status::text from competition_tour_participations tp join competition_season_participations sp "
                + "on sp.id = tp.season_participation_id where sp.participant_id = ?::uuid", participant)).containsExactly("admitted");
    }

    @Test
    void a_registration_outside_what_the_season_takes_is_refused_and_nothing_is_stored() throws Exception {
        OpenSeason season = openSeason();
        UUID student = UUID.randomUUID();
        user("participant", student).body(selfRegistration("10", true)).post("/seasons/{id}/registrations", season.id())
                .then().statusCode(422).body("field", equalTo("participant.grade"));
        user("parent", UUID.randomUUID()).body(Map.of("source", "parent", "participant", Map.of("displayName", "Лев")))
                .post("/seasons/{id}/registrations", season.id())
                .then().statusCode(409).body("rule", equalTo("inside-registration-window"));
        user("organizer", UUID.randomUUID()).body(Map.of("source", "organization", "participant", Map.of("displayName", "Лев")))
                .post("/seasons/{id}/registrations", season.id())
                .then().statusCode(422).body("field", equalTo("source")).body("rule", equalTo("allowed-by-policy"));
        user("participant", student).body(Map.of("source", "teacher", "participant", Map.of("displayName", "Лев", "grade", "7")))
                .post("/seasons/{id}/registrations", season.id()).then().statusCode(403);
        assertThat(query("select count(*)::text from competition_registrations where season_id = ?::uuid", season.id()))
                .containsExactly("0");

        String draftSeason = createSeason(createEvent());
        user("participant", student).body(selfRegistration("7", true)).post("/seasons/{id}/registrations", draftSeason)
                .then().statusCode(409).body("currentState", equalTo("draft"));
    }

    @Test
    void a_raw_snils_in_the_official_data_ref_is_refused_and_nothing_is_stored() throws Exception {
        OpenSeason season = openSeason();
        Map<String, Object> body = selfRegistration("7", true);
        body.put("officialDataRef", Map.of("snils", "112-233-445 95"));
        user("participant", UUID.randomUUID()).body(body).post("/seasons/{id}/registrations", season.id())
                .then().statusCode(422).body("type", containsString("personal-data-refused"))
                .body("field", equalTo("officialDataRef.snils"))
                .body(not(containsString("112-233-445")));
        assertThat(query("select count(*)::text from competition_participants where season_id = ?::uuid", season.id()))
                .containsExactly("0");
    }

    @Test
    void a_second_registration_of_the_same_child_is_held_as_a_duplicate_not_a_second_participant() throws Exception {
        OpenSeason season = openSeason();
        UUID student = UUID.randomUUID();
        String first = user("participant", student).body(selfRegistration("7", true))
                .post("/seasons/{id}/registrations", season.id()).then().statusCode(201).extract().path("participantId");
        user("participant", student).body(selfRegistration("7", true))
                .post("/seasons/{id}/registrations", season.id()).then().statusCode(201)
                .body("status", equalTo("duplicate_hold"))
                .body("participantId", equalTo(first));
        assertThat(query("select count(*)::text from competition_participants where season_id = ?::uuid and identity_user_id = '"
                + student + "'", season.id())).containsExactly("1");
    }

    @Test
    void rejecting_and_cancelling_keep_a_reason_and_strangers_see_nothing() {
        OpenSeason season = openSeason();
        UUID student = UUID.randomUUID();
        String registration = user("participant", student).body(selfRegistration("7", true))
                .post("/seasons/{id}/registrations", season.id()).then().statusCode(201).extract().path("id");

        user("participant", UUID.randomUUID()).get("/registrations/{id}", registration).then().statusCode(404);
        user("participant", UUID.randomUUID()).body(Map.of("to", "cancelled", "reason", "mine now"))
                .post("/registrations/{id}/transitions", registration).then().statusCode(404);
        user("participant", student).body(Map.of("to", "approved")).post("/registrations/{id}/transitions", registration)
                .then().statusCode(403);

        as("organizer").body(Map.of("to", "rejected")).post("/registrations/{id}/transitions", registration)
                .then().statusCode(422).body("field", equalTo("reason"));
        as("organizer").body(Map.of("to", "rejected", "reason", "не тот предмет")).post("/registrations/{id}/transitions", registration)
                .then().statusCode(200).body("status", equalTo("rejected"));
        as("organizer").body(Map.of("to", "approved")).post("/registrations/{id}/transitions", registration)
                .then().statusCode(409).body("currentState", equalTo("rejected")).body("requestedState", equalTo("approved"));

        String other = user("participant", UUID.randomUUID()).body(selfRegistration("8", true))
                .post("/seasons/{id}/registrations", season.id()).then().statusCode(201).extract().path("id");
        as("organizer").get("/registrations/{id}", other).then().statusCode(200);
        as("organizer").queryParam("status", "rejected").get("/seasons/{id}/registrations", season.id())
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(registration));
    }

    @Test
    void approval_waits_for_a_confirmed_official_data_package_when_the_policy_says_so() {
        OpenSeason season = openSeason();
        String registration = user("admin", UUID.randomUUID())
                .body(Map.of("source", "admin", "participant", Map.of("displayName", "Ирина Котова", "grade", "9"),
                        "officialDataRef", Map.of("identityProtectedAttributeId", UUID.randomUUID().toString())))
                .post("/seasons/{id}/registrations", season.id()).then().statusCode(201)
                .body("status", equalTo("submitted"))
                .body("officialDataPackageRequired", equalTo(true))
                .body("officialDataPackageStatus", equalTo("needs_verification"))
                .extract().path("id");
        as("organizer").body(Map.of("to", "approved")).post("/registrations/{id}/transitions", registration)
                .then().statusCode(409).body("field", equalTo("officialDataPackageStatus"));
        as("organizer").get("/registrations/{id}", registration).then().body("status", equalTo("submitted"));

        as("organizer").body(Map.of("to", "confirmed")).post("/registrations/{id}/official-data-package", registration)
                .then().statusCode(200).body("officialDataPackageStatus", equalTo("confirmed"));
        as("organizer").body(Map.of("to", "approved")).post("/registrations/{id}/transitions", registration)
                .then().statusCode(200).body("status", equalTo("approved"));
    }

    @Test
    void the_official_data_package_is_collected_verified_and_refs_only() throws Exception {
        OpenSeason season = openSeason();
        UUID admin = UUID.randomUUID();
        String registration = user("admin", admin)
                .body(Map.of("source", "admin", "participant", Map.of("displayName", "Олег Ким", "grade", "11")))
                .post("/seasons/{id}/registrations", season.id()).then().statusCode(201)
                .body("officialDataPackageStatus", equalTo("not_filled"))
                .body("requiredFieldsStatus.officialDataPackage", equalTo("not_filled")).extract().path("id");

        user("admin", admin).body(Map.of("to", "needs_verification")).post("/registrations/{id}/official-data-package", registration)
                .then().statusCode(422).body("field", equalTo("officialDataRef"));
        user("admin", admin).body(Map.of("to", "needs_verification", "officialDataRef", Map.of("birthDate", "2011-04-12")))
                .post("/registrations/{id}/official-data-package", registration)
                .then().statusCode(422).body("rule", equalTo("raw-birth-date"));
        user("admin", admin).body(Map.of("to", "needs_verification",
                        "officialDataRef", Map.of("identityProtectedAttributeId", UUID.randomUUID().toString())))
                .post("/registrations/{id}/official-data-package", registration)
                .then().statusCode(200).body("officialDataPackageStatus", equalTo("needs_verification"));
        as("organizer").body(Map.of("to", "rejected")).post("/registrations/{id}/official-data-package", registration)
                .then().statusCode(422).body("field", equalTo("reason"));
        as("organizer").body(Map.of("to", "rejected", "reason", "нет согласия на обработку"))
                .post("/registrations/{id}/official-data-package", registration).then().statusCode(200);
        as("organizer").body(Map.of("to", "confirmed")).post("/registrations/{id}/official-data-package", registration)
                .then().statusCode(409).body("currentState", equalTo("rejected")).body("requestedState", equalTo("confirmed"));
        user("admin", admin).body(Map.of("to", "needs_verification")).post("/registrations/{id}/official-data-package", registration)
                .then().statusCode(200);
        as("organizer").body(Map.of("to", "confirmed")).post("/registrations/{id}/official-data-package", registration)
                .then().statusCode(200).body("requiredFieldsStatus.officialDataPackage", equalTo("confirmed"));
        assertThat(query("select (official_data_collected_by_user_id is not null and official_data_verified_at is not null)::text "
                + "from competition_registrations where id = ?::uuid", registration)).containsExactly("true");
    }

    @Test
    void a_likely_twin_by_name_grade_and_school_is_held_and_merging_moves_it_to_the_first_participant() throws Exception {
        OpenSeason season = openSeason();
        UUID school = UUID.randomUUID();
        String first = user("teacher", UUID.randomUUID())
                .body(Map.of("source", "teacher", "participant", Map.of("displayName", "Алёна Смирнова", "grade", "9",
                        "identityOrganizationId", school.toString())))
                .post("/seasons/{id}/registrations", season.id()).then().statusCode(201)
                .body("status", equalTo("approved")).extract().path("participantId");
        var held = user("teacher", UUID.randomUUID())
                .body(Map.of("source", "teacher", "participant", Map.of("displayName", "  алена   СМИРНОВА ", "grade", "9",
                        "identityOrganizationId", school.toString())))
                .post("/seasons/{id}/registrations", season.id()).then().statusCode(201)
                .body("status", equalTo("duplicate_hold")).body("participantId", not(equalTo(first))).extract();
        String registration = held.path("id");
        String twin = held.path("participantId");
        assertThat(query("select duplicate_status from competition_participants where id = ?::uuid", twin)).containsExactly("suspected");

        as("organizer").body(Map.of("action", "merge", "reason", "одна и та же ученица"))
                .post("/registrations/{id}/duplicate-resolution", registration).then().statusCode(200)
                .body("participantId", equalTo(first))
                .body("status", equalTo("approved"));
        assertThat(query("select duplicate_status from competition_participants where id = ?::uuid", twin)).containsExactly("merged");
        assertThat(query("select count(*)::text from competition_season_participations where participant_id = ?::uuid", first))
                .as("still one season participation").containsExactly("1");
        as("organizer").body(Map.of("action", "merge")).post("/registrations/{id}/duplicate-resolution", registration)
                .then().statusCode(409).body("currentState", equalTo("approved"));
    }

    @Test
    void a_held_likely_twin_released_as_a_different_child_goes_on_as_its_own_participant() throws Exception {
        OpenSeason season = openSeason();
        user("teacher", UUID.randomUUID()).body(Map.of("source", "teacher", "participant", Map.of("displayName", "Иван Петров", "grade", "10")))
                .post("/seasons/{id}/registrations", season.id()).then().statusCode(201);
        var held = user("teacher", UUID.randomUUID()).body(Map.of("source", "teacher", "participant", Map.of("displayName", "Иван Петров", "grade", "10")))
                .post("/seasons/{id}/registrations", season.id()).then().statusCode(201)
                .body("status", equalTo("duplicate_hold")).extract();
        as("organizer").body(Map.of("action", "release", "reason", "тёзки из разных городов"))
                .post("/registrations/{id}/duplicate-resolution", held.path("id").toString()).then().statusCode(200)
                .body("status", equalTo("approved"));
        assertThat(query("select duplicate_status from competition_participants where id = ?::uuid", held.path("participantId")))
                .containsExactly("unique");
    }

    @Test
    void a_hold_for_the_same_identity_cannot_be_released_as_a_different_child() {
        OpenSeason season = openSeason();
        UUID student = UUID.randomUUID();
        user("participant", student).body(selfRegistration("7", true)).post("/seasons/{id}/registrations", season.id())
                .then().statusCode(201);
        String held = user("participant", student).body(selfRegistration("7", true))
                .post("/seasons/{id}/registrations", season.id()).then().statusCode(201)
                .body("status", equalTo("duplicate_hold")).extract().path("id");
        as("organizer").body(Map.of("action", "release")).post("/registrations/{id}/duplicate-resolution", held)
                .then().statusCode(409).body("rule", equalTo("different-identity-refs"));
        user("participant", student).body(Map.of("action", "merge")).post("/registrations/{id}/duplicate-resolution", held)
                .then().statusCode(403);
        as("organizer").body(Map.of("action", "merge")).post("/registrations/{id}/duplicate-resolution", held)
                .then().statusCode(200).body("status", equalTo("submitted"));
    }

    @Test
    void merging_a_held_group_member_moves_its_group_row_to_the_surviving_participant() throws Exception {
        OpenSeason season = openSeason();
        String first = user("teacher", UUID.randomUUID())
                .body(Map.of("source", "teacher", "participant", Map.of("displayName", "Ксения Волкова", "grade", "9")))
                .post("/seasons/{id}/registrations", season.id()).then().statusCode(201).extract().path("participantId");
        UUID teacher = UUID.randomUUID();
        String group = user("teacher", teacher).body(Map.of("learningWorkspaceId", UUID.randomUUID().toString(),
                        "learningGroupId", UUID.randomUUID().toString(), "titleSnapshot", "9 «А»",
                        "members", List.of(Map.of("learningGroupMemberId", UUID.randomUUID().toString(),
                                "displayName", "Ксения Волкова", "grade", "9"))))
                .post("/seasons/{id}/groups", season.id()).then().statusCode(201).extract().path("id");
        user("teacher", teacher).body(Map.of()).post("/groups/{id}/registrations", group).then().statusCode(200)
                .body("held", equalTo(1));
        String held = as("organizer").queryParam("status", "duplicate_hold").get("/seasons/{id}/registrations", season.id())
                .then().statusCode(200).body("total", equalTo(1)).extract().path("items[0].id");

        as("organizer").body(Map.of("action", "merge", "reason", "та же ученица"))
                .post("/registrations/{id}/duplicate-resolution", held).then().statusCode(200)
                .body("participantId", equalTo(first));
        user("teacher", teacher).get("/groups/{id}/members", group).then().statusCode(200)
                .body("items[0].participantId", equalTo(first));
        assertThat(query("select count(*)::text from outbox_events where type = 'group_member.reassigned' "
                + "and payload->'after'->>'participant_id' = ?", first)).containsExactly("1");
    }

    private List<String> query(String sql, String param) throws Exception {
        return TestSql.column(db, sql, param);
    }
}
