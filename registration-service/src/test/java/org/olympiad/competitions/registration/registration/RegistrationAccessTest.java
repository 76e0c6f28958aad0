package org.olympiad.competitions.registration.registration;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.olympiad.competitions.registration.CatalogueFixtures.as;
import static org.olympiad.competitions.registration.registration.RegistrationJourneyTest.openSeason;
import static org.olympiad.competitions.registration.registration.RegistrationJourneyTest.selfRegistration;
import static org.olympiad.competitions.registration.registration.RegistrationJourneyTest.user;

/** Reading is by object, not only by role: each kind of user sees their own children's records and nobody else's. */
@QuarkusTest
class RegistrationAccessTest {

    record Registered(String registration, String participant) {
    }

    static Registered selfRegistered(String season, UUID student) {
        var r = user("participant", student).body(selfRegistration("7", true))
                .post("/seasons/{id}/registrations", season).then().statusCode(201).extract();
        return new Registered(r.path("id"), r.path("participantId"));
    }

    @Test
    void a_parent_sees_a_childs_registrations_only_with_an_approved_claim() {
        String season = openSeason().id();
        Registered child = selfRegistered(season, UUID.randomUUID());
        UUID parent = UUID.randomUUID();

        user("parent", parent).get("/registrations/{id}", child.registration()).then().statusCode(404);
        user("parent", parent).get("/participants/{id}/registrations", child.participant()).then().statusCode(404);

        String claim = user("parent", parent).body(Map.of("claimType", "parent",
                        "evidence", Map.of("identityFamilyLinkId", UUID.randomUUID().toString())))
                .post("/participants/{id}/access-claims", child.participant()).then().statusCode(201).extract().path("id");
        user("parent", parent).get("/registrations/{id}", child.registration()).then().statusCode(404);

        as("organizer").body(Map.of("to", "approved")).post("/access-claims/{id}/transitions", claim).then().statusCode(200);
        user("parent", parent).get("/registrations/{id}", child.registration()).then().statusCode(200)
                .body("participantId", equalTo(child.participant()));
        user("parent", parent).get("/participants/{id}/registrations", child.participant()).then().statusCode(200)
                .body("items.id", hasItem(child.registration()));
        user("parent", parent).get("/me/registrations").then().statusCode(200).body("items.id", hasItem(child.registration()));
        as("organizer").body(Map.of("to", "approved")).post("/registrations/{id}/transitions", child.registration()).then().statusCode(200);
        user("parent", parent).get("/me/participations").then().statusCode(200)
                .body("[0].season.participantId", equalTo(child.participant()))
                .body("[0].season.status", equalTo("active"))
                .body("[0].tours[0].status", equalTo("admitted"));
        user("parent", UUID.randomUUID()).get("/me/participations").then().statusCode(200).body("size()", equalTo(0));
        user("parent", UUID.randomUUID()).get("/registrations/{id}", child.registration()).then().statusCode(404);
        user("parent", UUID.randomUUID()).get("/me/registrations").then().statusCode(200)
                .body("items.id", not(hasItem(child.registration())));
    }

    @Test
    void a_teacher_sees_a_students_registrations_only_through_an_active_link_from_a_verified_profile() {
        String season = openSeason().id();
        UUID student = UUID.randomUUID();
        Registered child = selfRegistered(season, student);
        UUID teacher = UUID.randomUUID();

        String profile = user("teacher", teacher).body(Map.of("displayNameSnapshot", "Мария Петровна",
                        "organizationName", "Школа № 57", "allowedSeasonRefs", List.of()))
                .post("/external-teachers").then().statusCode(201).extract().path("id");
        user("admin", UUID.randomUUID()).body(Map.of("to", "verified")).post("/external-teachers/{id}/transitions", profile)
                .then().statusCode(200);
        String link = user("teacher", teacher).body(Map.of("participantId", child.participant(), "evidence", Map.of()))
                .post("/external-teachers/{id}/students", profile).then().statusCode(201).extract().path("id");
        user("teacher", teacher).get("/registrations/{id}", child.registration()).then().statusCode(404);

        user("participant", student).body(Map.of("to", "active")).post("/external-teacher-links/{id}/transitions", link)
                .then().statusCode(200);
        user("teacher", teacher).get("/registrations/{id}", child.registration()).then().statusCode(200);
        user("teacher", teacher).body(Map.of("to", "cancelled", "reason", "not mine to cancel"))
                .post("/registrations/{id}/transitions", child.registration()).then().statusCode(404);
        user("teacher", UUID.randomUUID()).get("/registrations/{id}", child.registration()).then().statusCode(404);
    }

    @Test
    void a_group_teacher_and_a_roster_view_helper_see_members_registrations_and_others_do_not() {
        String season = openSeason().id();
        UUID teacher = UUID.randomUUID();
        String group = user("teacher", teacher).body(Map.of("learningWorkspaceId", UUID.randomUUID().toString(),
                        "learningGroupId", UUID.randomUUID().toString(), "titleSnapshot", "9 «Б»",
                        "members", List.of(Map.of("learningGroupMemberId", UUID.randomUUID().toString(),
                                "displayName", "Семён Лебедев", "grade", "9"))))
                .post("/seasons/{id}/groups", season).then().statusCode(201).extract().path("id");
        user("teacher", teacher).body(Map.of()).post("/groups/{id}/registrations", group).then().statusCode(200)
                .body("registered", equalTo(1));
        String participant = user("teacher", teacher).get("/groups/{id}/members", group).then().statusCode(200)
                .extract().path("items[0].participantId");

        user("teacher", teacher).get("/participants/{id}/registrations", participant).then().statusCode(200)
                .body("total", equalTo(1));
        UUID rosterHelper = UUID.randomUUID();
        UUID answersHelper = UUID.randomUUID();
        user("teacher", teacher).body(Map.of("helperUserId", rosterHelper.toString(), "role", "roster_view"))
                .post("/groups/{id}/helpers", group).then().statusCode(201);
        user("teacher", teacher).body(Map.of("helperUserId", answersHelper.toString(), "role", "answers_entry"))
                .post("/groups/{id}/helpers", group).then().statusCode(201);
        user("teacher", rosterHelper).get("/participants/{id}/registrations", participant).then().statusCode(200);
        user("teacher", answersHelper).get("/participants/{id}/registrations", participant).then().statusCode(404);
        user("teacher", UUID.randomUUID()).get("/participants/{id}/registrations", participant).then().statusCode(404);
    }

    @Test
    void an_organizer_exports_the_seasons_registrations_as_csv() {
        String season = openSeason().id();
        user("teacher", UUID.randomUUID()).body(Map.of("source", "teacher",
                        "participant", Map.of("displayName", "=HYPERLINK(\"x\")", "grade", "9")))
                .post("/seasons/{id}/registrations", season).then().statusCode(201);
        Registered child = selfRegistered(season, UUID.randomUUID());

        String csv = as("organizer").get("/seasons/{id}/registrations/export", season).then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("registrations-" + season + ".csv"))
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(csv.split("\r\n")).hasSize(3);
        org.assertj.core.api.Assertions.assertThat(csv).startsWith("registration_id,status,stage,source,participant_id,display_name")
                .contains(child.registration() + ",submitted,ready_for_review,self," + child.participant() + ",Анна Смирнова,7")
                .contains("\"'=HYPERLINK(\"\"x\"\")\"");
        user("participant", UUID.randomUUID()).get("/seasons/{id}/registrations/export", season).then().statusCode(403);
    }
}
