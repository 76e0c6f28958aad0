package org.olympiad.competitions.registration.group;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.platform.testing.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.olympiad.competitions.registration.CatalogueFixtures.as;
import static org.olympiad.competitions.registration.CatalogueFixtures.createEvent;
import static org.olympiad.competitions.registration.CatalogueFixtures.createSeason;
import static org.olympiad.competitions.registration.CatalogueFixtures.createTour;

/** A teacher's season group: its snapshot, its registration in one request, its helpers, and who sees what. */
@QuarkusTest
class GroupTest {

    /** Teachers register grades 7 to 11 and are approved automatically; students register themselves. */
    static final Map<String, Object> POLICY = Map.of("sources", Map.of(
            "teacher", Map.of("requiredFields", List.of("grade"), "gradeCategories", List.of("grade_7_8", "grade_9_11"),
                    "approval", "automatic"),
            "self", Map.of("requiredFields", List.of("grade"), "approval", "automatic")));

    @Inject
    AgroalDataSource db;

    record OpenSeason(String id, String firstTour) {
    }

    /** A season open for registration under {@link #POLICY}, with two tours, as RegistrationJourneyTest builds one. */
    static OpenSeason openSeason() {
        String season = createSeason(createEvent());
        as("organizer").body(Map.of("key", "grade_7_8", "title", "7–8 классы", "gradeRangeKey", "7-8"))
                .post("/seasons/{id}/grade-categories", season).then().statusCode(201);
        as("organizer").body(Map.of("key", "grade_9_11", "title", "9–11 классы", "gradeRangeKey", "9-11"))
                .post("/seasons/{id}/grade-categories", season).then().statusCode(201);
        createTour(season, 2);
        String first = createTour(season, 1);
        as("organizer").body(Map.of("registrationPolicy", POLICY)).patch("/seasons/{id}", season).then().statusCode(200);
        as("organizer").body(Map.of("to", "registration_open")).post("/seasons/{id}/transitions", season).then().statusCode(200);
        return new OpenSeason(season, first);
    }

    static RequestSpecification user(String role, UUID id) {
        return given().header("Authorization", TestTokens.bearer(role, id)).contentType(ContentType.JSON);
    }

    static Map<String, Object> member(String name, String grade) {
        Map<String, Object> m = new HashMap<>();
        m.put("learningGroupMemberId", UUID.randomUUID().toString());
        m.put("displayName", name);
        m.put("grade", grade);
        m.put("identityUserId", UUID.randomUUID().toString());
        return m;
    }

    static Map<String, Object> groupOf(List<Map<String, Object>> members) {
        return Map.of("learningWorkspaceId", UUID.randomUUID().toString(), "learningGroupId", UUID.randomUUID().toString(),
                "titleSnapshot", "7 «Б» математика", "members", members);
    }

    static String createGroup(String season, UUID teacher, List<Map<String, Object>> members) {
        return user("teacher", teacher).body(groupOf(members)).post("/seasons/{id}/groups", season)
                .then().statusCode(201).extract().path("id");
    }

    static String lgm(Map<String, Object> member) {
        return (String) member.get("learningGroupMemberId");
    }

    @Test
    void a_teacher_creates_a_group_from_a_snapshot_of_a_learning_group() throws Exception {
        OpenSeason season = openSeason();
        UUID teacher = UUID.randomUUID();
        Map<String, Object> anna = member("Анна  Смирнова ", "7");
        Map<String, Object> body = groupOf(List.of(anna, member("Пётр Иванов", "8")));
        String group = user("teacher", teacher).body(body).post("/seasons/{id}/groups", season.id())
                .then().statusCode(201)
                .body("seasonId", equalTo(season.id()))
                .body("primaryTeacherUserId", equalTo(teacher.toString()))
                .body("status", equalTo("active"))
                .body("titleSnapshot", equalTo("7 «Б» математика"))
                .body("memberCount", equalTo(2))
                .body("memberSnapshot[0].learningGroupMemberId", equalTo(lgm(anna)))
                .body("memberSnapshot[0].displayName", equalTo("Анна Смирнова"))
                .body("memberSnapshot[0].grade", equalTo("7"))
                .body("memberSnapshot[0].identityUserId", equalTo(anna.get("identityUserId")))
                .body("memberSnapshot[0].studentProfileId", nullValue())
                .body("snapshotTakenAt", notNullValue())
                .extract().path("id");

        user("teacher", teacher).body(body).post("/seasons/{id}/groups", season.id())
                .then().statusCode(409).body("field", equalTo("learningGroupId")).body("rule", equalTo("unique-in-season"));
        user("teacher", teacher).get("/groups/{id}", group).then().statusCode(200).body("memberCount", equalTo(2));
        user("teacher", teacher).get("/me/groups").then().statusCode(200)
                .body("items.id", contains(group)).body("items[0].memberSnapshot", nullValue());
        as("organizer").get("/seasons/{id}/groups", season.id()).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].memberCount", equalTo(2));
        user("teacher", teacher).get("/seasons/{id}/groups", season.id()).then().statusCode(403);
        assertThat(query("select payload->'after'->>'member_count' || ':' || (payload->'after'->'member_snapshot' is null) "
                + "from outbox_events where type = 'group.created' and aggregate_id = ?::uuid", group))
                .as("the event carries the row without the member list").containsExactly("2:true");
    }

    @Test
    void registering_the_whole_group_approves_and_admits_every_member_and_running_it_again_registers_nobody_twice()
            throws Exception {
        OpenSeason season = openSeason();
        UUID teacher = UUID.randomUUID();
        String group = createGroup(season.id(), teacher,
                List.of(member("Анна Смирнова", "7"), member("Пётр Иванов", "8"), member("Ирина Котова", "10")));

        user("teacher", teacher).body(Map.of("teacherNameText", "Мария Петровна"))
                .post("/groups/{id}/registrations", group).then().statusCode(200)
                .body("registered", equalTo(3)).body("alreadyRegistered", equalTo(0))
                .body("held", equalTo(0)).body("refused", empty());

        assertThat(query("select status::text || ':' || source || ':' || teacher_name_text from competition_registrations "
                + "where group_id = ?::uuid", group)).hasSize(3).containsOnly("approved:teacher:Мария Петровна");
        assertThat(query("select count(*)::text from competition_registrations r join competition_groups g on g.id = r.group_id "
                + "where g.id = ?::uuid and r.learning_group_id = g.learning_group_id "
                + "and r.learning_workspace_id = g.learning_workspace_id", group)).containsExactly("3");
        assertThat(query("select tp.tour_id::text || ':' || tp.status from competition_tour_participations tp "
                + "join competition_season_participations sp on sp.id = tp.season_participation_id "
                + "join competition_group_members m on m.participant_id = sp.participant_id where m.group_id = ?::uuid", group))
                .hasSize(3).containsOnly(season.firstTour() + ":admitted");
        user("teacher", teacher).get("/groups/{id}/members", group).then().statusCode(200)
                .body("total", equalTo(3)).body("items.status", everyItem(equalTo("active")))
                .body("items.participantId", not(hasItem(nullValue())));

        user("teacher", teacher).body(Map.of()).post("/groups/{id}/registrations", group).then().statusCode(200)
                .body("registered", equalTo(0)).body("alreadyRegistered", equalTo(3))
                .body("held", equalTo(0)).body("refused", empty());
        assertThat(query("select count(*)::text from competition_registrations where group_id = ?::uuid", group)).containsExactly("3");
        assertThat(query("select count(*)::text from competition_participants where season_id = ?::uuid", season.id()))
                .containsExactly("3");
        assertThat(query("select count(*)::text from competition_group_members where group_id = ?::uuid", group))
                .containsExactly("3");
        assertThat(query("select count(*)::text from outbox_events where type = 'group_member.added' "
                + "and payload->'after'->>'group_id' = ?", group)).containsExactly("3");
    }

    @Test
    void a_member_whose_grade_the_policy_does_not_take_is_reported_and_the_others_are_registered() throws Exception {
        OpenSeason season = openSeason();
        UUID teacher = UUID.randomUUID();
        Map<String, Object> tooYoung = member("Лев Орлов", "5");
        String group = createGroup(season.id(), teacher,
                List.of(member("Анна Смирнова", "7"), tooYoung, member("Ирина Котова", "11")));

        user("teacher", teacher).post("/groups/{id}/registrations", group).then().statusCode(200)
                .body("registered", equalTo(2)).body("alreadyRegistered", equalTo(0)).body("held", equalTo(0))
                .body("refused", hasSize(1))
                .body("refused[0].learningGroupMemberId", equalTo(lgm(tooYoung)))
                .body("refused[0].field", equalTo("grade"))
                .body("refused[0].rule", equalTo("grade-category-admitted-by-policy"))
                .body("refused[0].detail", containsString("5"));
        assertThat(query("select count(*)::text from competition_participants where season_id = ?::uuid and identity_user_id = '"
                + tooYoung.get("identityUserId") + "'", season.id())).containsExactly("0");
        assertThat(query("select count(*)::text from competition_registrations where group_id = ?::uuid", group)).containsExactly("2");

        user("teacher", teacher).post("/groups/{id}/registrations", group).then().statusCode(200)
                .body("registered", equalTo(0)).body("alreadyRegistered", equalTo(2))
                .body("refused[0].learningGroupMemberId", equalTo(lgm(tooYoung)));
    }

    @Test
    void a_season_not_open_for_registration_refuses_the_whole_group_and_nothing_is_stored() throws Exception {
        String draft = createSeason(createEvent());
        UUID teacher = UUID.randomUUID();
        String group = createGroup(draft, teacher, List.of(member("Анна Смирнова", "7"), member("Лев Орлов", "5")));
        user("teacher", teacher).post("/groups/{id}/registrations", group).then().statusCode(409)
                .body("currentState", equalTo("draft"));
        assertThat(query("select count(*)::text from competition_participants where season_id = ?::uuid", draft))
                .containsExactly("0");
    }

    @Test
    void a_newer_snapshot_adds_and_removes_members_and_registering_again_registers_only_the_new_one() throws Exception {
        OpenSeason season = openSeason();
        UUID teacher = UUID.randomUUID();
        Map<String, Object> leaving = member("Анна Смирнова", "7");
        Map<String, Object> staying = member("Пётр Иванов", "8");
        Map<String, Object> joining = member("Ирина Котова", "9");
        String group = createGroup(season.id(), teacher, List.of(leaving, staying));
        user("teacher", teacher).post("/groups/{id}/registrations", group).then().statusCode(200).body("registered", equalTo(2));

        user("teacher", teacher).body(Map.of("titleSnapshot", "8 «Б» математика", "members", List.of(staying, joining)))
                .put("/groups/{id}/snapshot", group).then().statusCode(200)
                .body("titleSnapshot", equalTo("8 «Б» математика"))
                .body("memberCount", equalTo(2))
                .body("memberSnapshot.learningGroupMemberId", contains(lgm(staying), lgm(joining)));
        user("teacher", teacher).queryParam("status", "removed").get("/groups/{id}/members", group).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].learningGroupMemberId", equalTo(lgm(leaving)));

        user("teacher", teacher).post("/groups/{id}/registrations", group).then().statusCode(200)
                .body("registered", equalTo(1)).body("alreadyRegistered", equalTo(1)).body("refused", empty());
        user("teacher", teacher).queryParam("status", "active").get("/groups/{id}/members", group).then().statusCode(200)
                .body("total", equalTo(2));
        assertThat(query("select count(*)::text from competition_registrations where group_id = ?::uuid", group))
                .as("the removed member's registration stays").containsExactly("3");
        assertThat(query("select type from outbox_events where aggregate_id = ?::uuid order by position", group))
                .containsExactly("group.created", "group.snapshot_taken");
        assertThat(query("select count(*)::text from outbox_events where type = 'group_member.removed' "
                + "and payload->'after'->>'group_id' = ?", group)).containsExactly("1");

        user("teacher", teacher).body(Map.of("members", List.of(leaving, staying, joining)))
                .put("/groups/{id}/snapshot", group).then().statusCode(200);
        user("teacher", teacher).queryParam("status", "active").get("/groups/{id}/members", group).then()
                .body("total", equalTo(3));
        user("teacher", teacher).post("/groups/{id}/registrations", group).then().statusCode(200)
                .body("registered", equalTo(0)).body("alreadyRegistered", equalTo(3));
    }

    @Test
    void a_child_listed_again_under_a_new_learning_group_member_id_is_not_registered_twice() throws Exception {
        OpenSeason season = openSeason();
        UUID teacher = UUID.randomUUID();
        Map<String, Object> anna = member("Анна Смирнова", "7");
        String group = createGroup(season.id(), teacher, List.of(anna));
        user("teacher", teacher).post("/groups/{id}/registrations", group).then().statusCode(200).body("registered", equalTo(1));

        Map<String, Object> annaAgain = new HashMap<>(anna);
        annaAgain.put("learningGroupMemberId", UUID.randomUUID().toString());
        user("teacher", teacher).body(Map.of("members", List.of(annaAgain))).put("/groups/{id}/snapshot", group)
                .then().statusCode(200);
        user("teacher", teacher).post("/groups/{id}/registrations", group).then().statusCode(200)
                .body("registered", equalTo(0)).body("alreadyRegistered", equalTo(1)).body("held", equalTo(0));
        user("teacher", teacher).get("/groups/{id}/members", group).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].learningGroupMemberId", equalTo(lgm(annaAgain)))
                .body("items[0].status", equalTo("active"));
        assertThat(query("select count(*)::text from competition_registrations where group_id = ?::uuid", group))
                .containsExactly("1");
    }

    @Test
    void a_child_already_taking_part_in_the_season_is_held_as_a_duplicate_and_not_registered_twice() throws Exception {
        OpenSeason season = openSeason();
        UUID student = UUID.randomUUID();
        user("participant", student).body(Map.of("source", "self", "participant", Map.of("displayName", "Анна Смирнова", "grade", "7")))
                .post("/seasons/{id}/registrations", season.id()).then().statusCode(201).body("status", equalTo("approved"));
        UUID teacher = UUID.randomUUID();
        Map<String, Object> anna = member("Анна Смирнова", "7");
        anna.put("identityUserId", student.toString());
        String group = createGroup(season.id(), teacher, List.of(anna, member("Пётр Иванов", "8")));

        user("teacher", teacher).post("/groups/{id}/registrations", group).then().statusCode(200)
                .body("registered", equalTo(1)).body("held", equalTo(1)).body("alreadyRegistered", equalTo(0));
        assertThat(query("select status::text from competition_registrations where group_id = ?::uuid and participant_id = "
                + "(select id from competition_participants where identity_user_id = '" + student + "')", group))
                .containsExactly("duplicate_hold");
        user("teacher", teacher).post("/groups/{id}/registrations", group).then().statusCode(200)
                .body("registered", equalTo(0)).body("held", equalTo(0)).body("alreadyRegistered", equalTo(2));
        assertThat(query("select count(*)::text from competition_participants where season_id = ?::uuid", season.id()))
                .containsExactly("2");
    }

    @Test
    void two_pupils_of_one_group_with_the_same_name_and_grade_are_held_as_likely_twins() throws Exception {
        OpenSeason season = openSeason();
        UUID teacher = UUID.randomUUID();
        String group = createGroup(season.id(), teacher,
                List.of(member("Анна Смирнова", "7"), member("Пётр Иванов", "8"), member("анна  смирнова", "7")));
        user("teacher", teacher).post("/groups/{id}/registrations", group).then().statusCode(200)
                .body("registered", equalTo(2)).body("held", equalTo(1)).body("refused", empty());
        assertThat(query("select p.duplicate_status || ':' || r.status from competition_registrations r "
                + "join competition_participants p on p.id = r.participant_id where r.group_id = ?::uuid "
                + "and lower(p.display_name) = 'анна смирнова' order by r.created_at", group))
                .containsExactly("unique:approved", "suspected:duplicate_hold");
    }

    @Test
    void another_teacher_can_neither_read_nor_change_nor_register_the_group() {
        OpenSeason season = openSeason();
        UUID teacher = UUID.randomUUID();
        String group = createGroup(season.id(), teacher, List.of(member("Анна Смирнова", "7")));
        UUID stranger = UUID.randomUUID();

        user("teacher", stranger).get("/groups/{id}", group).then().statusCode(404);
        user("teacher", stranger).get("/groups/{id}/members", group).then().statusCode(404);
        user("teacher", stranger).post("/groups/{id}/registrations", group).then().statusCode(404);
        user("teacher", stranger).body(Map.of("members", List.of())).put("/groups/{id}/snapshot", group).then().statusCode(404);
        user("teacher", stranger).body(Map.of("helperUserId", stranger.toString(), "role", "roster_view"))
                .post("/groups/{id}/helpers", group).then().statusCode(404);
        user("teacher", stranger).body(Map.of("to", "archived")).post("/groups/{id}/transitions", group).then().statusCode(404);
        user("teacher", stranger).get("/me/groups").then().statusCode(200).body("total", equalTo(0));
        user("participant", teacher).post("/groups/{id}/registrations", group).then().statusCode(403);
        user("teacher", UUID.randomUUID()).body(Map.of("primaryTeacherUserId", teacher.toString(), "learningWorkspaceId",
                        UUID.randomUUID().toString(), "learningGroupId", UUID.randomUUID().toString(),
                        "titleSnapshot", "чужая", "members", List.of()))
                .post("/seasons/{id}/groups", season.id()).then().statusCode(403);

        as("organizer").get("/groups/{id}", group).then().statusCode(200);
        user("teacher", teacher).body(Map.of("to", "archived")).post("/groups/{id}/transitions", group).then().statusCode(200)
                .body("status", equalTo("archived"));
        user("teacher", teacher).post("/groups/{id}/registrations", group).then().statusCode(409)
                .body("currentState", equalTo("archived"));
    }

    @Test
    void a_helper_grant_is_revoked_and_granted_again_on_the_same_row() throws Exception {
        OpenSeason season = openSeason();
        UUID teacher = UUID.randomUUID();
        String group = createGroup(season.id(), teacher, List.of(member("Анна Смирнова", "7")));
        UUID helper = UUID.randomUUID();
        Map<String, Object> grant = Map.of("helperUserId", helper.toString(), "role", "roster_view");

        String grantId = user("teacher", teacher).body(grant).post("/groups/{id}/helpers", group).then().statusCode(201)
                .body("status", equalTo("active")).body("role", equalTo("roster_view"))
                .body("grantedByUserId", equalTo(teacher.toString())).body("revokedAt", nullValue())
                .extract().path("id");
        user("teacher", teacher).body(grant).post("/groups/{id}/helpers", group).then().statusCode(409)
                .body("rule", equalTo("granted-already"));
        user("teacher", teacher).body(Map.of("to", "revoked")).post("/group-helpers/{id}/transitions", grantId)
                .then().statusCode(200).body("status", equalTo("revoked")).body("revokedAt", notNullValue());
        user("teacher", teacher).body(Map.of("to", "revoked")).post("/group-helpers/{id}/transitions", grantId)
                .then().statusCode(409).body("currentState", equalTo("revoked")).body("requestedState", equalTo("revoked"));
        user("teacher", teacher).body(grant).post("/groups/{id}/helpers", group).then().statusCode(201)
                .body("id", equalTo(grantId)).body("status", equalTo("active")).body("revokedAt", nullValue());
        user("teacher", teacher).body(Map.of("helperUserId", helper.toString(), "role", "answers_entry"))
                .post("/groups/{id}/helpers", group).then().statusCode(201);

        user("teacher", teacher).get("/groups/{id}/helpers", group).then().statusCode(200)
                .body("total", equalTo(2)).body("items.role", contains("roster_view", "answers_entry"));
        user("teacher", UUID.randomUUID()).body(Map.of("to", "revoked")).post("/group-helpers/{id}/transitions", grantId)
                .then().statusCode(404);
        assertThat(query("select count(*)::text from competition_group_helpers where group_id = ?::uuid and role = 'roster_view'", group))
                .containsExactly("1");
        assertThat(query("select type from outbox_events where aggregate_id = ?::uuid order by position", grantId))
                .containsExactly("group_helper.granted", "group_helper.revoked", "group_helper.granted");
    }

    @Test
    void a_roster_view_helper_reads_the_members_and_an_answers_entry_helper_does_not() {
        OpenSeason season = openSeason();
        UUID teacher = UUID.randomUUID();
        String group = createGroup(season.id(), teacher, List.of(member("Анна Смирнова", "7"), member("Пётр Иванов", "8")));
        user("teacher", teacher).post("/groups/{id}/registrations", group).then().statusCode(200).body("registered", equalTo(2));
        UUID reader = UUID.randomUUID();
        UUID entering = UUID.randomUUID();
        String readerGrant = user("teacher", teacher).body(Map.of("helperUserId", reader.toString(), "role", "roster_view"))
                .post("/groups/{id}/helpers", group).then().statusCode(201).extract().path("id");
        user("teacher", teacher).body(Map.of("helperUserId", entering.toString(), "role", "answers_entry"))
                .post("/groups/{id}/helpers", group).then().statusCode(201);

        user("teacher", reader).get("/groups/{id}", group).then().statusCode(200).body("memberCount", equalTo(2));
        user("teacher", reader).get("/groups/{id}/members", group).then().statusCode(200).body("total", equalTo(2));
        user("teacher", reader).post("/groups/{id}/registrations", group).then().statusCode(403);
        user("teacher", reader).get("/groups/{id}/helpers", group).then().statusCode(403);

        user("participant", entering).get("/groups/{id}/members", group).then().statusCode(403);
        user("participant", entering).get("/groups/{id}", group).then().statusCode(403);
        user("participant", entering).get("/me/groups").then().statusCode(200)
                .body("items.id", contains(group)).body("items[0].memberSnapshot", nullValue());

        user("teacher", teacher).body(Map.of("to", "revoked")).post("/group-helpers/{id}/transitions", readerGrant)
                .then().statusCode(200);
        user("teacher", reader).get("/groups/{id}/members", group).then().statusCode(404);
        user("teacher", reader).get("/me/groups").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void a_raw_email_in_a_member_snapshot_is_refused_and_nothing_is_stored() throws Exception {
        OpenSeason season = openSeason();
        Map<String, Object> body = new HashMap<>(groupOf(List.of(member("Анна Смирнова", "7"),
                member("Пётр anna.mama@mail.ru", "8"))));
        user("teacher", UUID.randomUUID()).body(body).post("/seasons/{id}/groups", season.id())
                .then().statusCode(422)
                .body("type", containsString("personal-data-refused"))
                .body("field", equalTo("members[1].displayName"))
                .body("rule", equalTo("raw-email"))
                .body(not(containsString("mama@mail.ru")));
        assertThat(query("select count(*)::text from competition_groups where season_id = ?::uuid", season.id()))
                .containsExactly("0");
    }

    @Test
    void a_snapshot_listing_one_learning_group_member_twice_is_refused() {
        OpenSeason season = openSeason();
        Map<String, Object> anna = member("Анна Смирнова", "7");
        Map<String, Object> again = member("Анна Смирнова", "7");
        again.put("learningGroupMemberId", anna.get("learningGroupMemberId"));
        user("teacher", UUID.randomUUID()).body(groupOf(List.of(anna, again))).post("/seasons/{id}/groups", season.id())
                .then().statusCode(422).body("field", equalTo("members[1].learningGroupMemberId"))
                .body("rule", equalTo("unique-in-snapshot"));
        Map<String, Object> twin = member("Анна Смирнова", "7");
        twin.put("identityUserId", anna.get("identityUserId"));
        user("teacher", UUID.randomUUID()).body(groupOf(List.of(anna, twin))).post("/seasons/{id}/groups", season.id())
                .then().statusCode(422).body("field", equalTo("members[1].identityUserId"))
                .body("rule", equalTo("one-child-once"));
    }

    /**
     * Prints how long registering a whole group of {@code -DgroupTest.members} members (1000 unless given) takes in
     * one request. No assertion on the time: the benchmark ({@code benchmarks/run.sh group-registration}) measures it.
     */
    @Test
    void registering_a_large_group_in_one_request_registers_every_member_and_prints_the_time() throws Exception {
        int size = Integer.getInteger("groupTest.members", 1000);
        OpenSeason season = openSeason();
        UUID teacher = UUID.randomUUID();
        List<Map<String, Object>> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(member("Ученик " + i, String.valueOf(7 + i % 5)));
        }
        String group = createGroup(season.id(), teacher, members);

        long started = System.nanoTime();
        patiently(user("teacher", teacher)).post("/groups/{id}/registrations", group).then().statusCode(200)
                .body("registered", equalTo(size)).body("refused", empty());
        long firstRun = System.nanoTime() - started;
        started = System.nanoTime();
        patiently(user("teacher", teacher)).post("/groups/{id}/registrations", group).then().statusCode(200)
                .body("registered", equalTo(0)).body("alreadyRegistered", equalTo(size));
        long secondRun = System.nanoTime() - started;
        System.out.printf("GroupTest: registering a group of %d members in one request took %d ms (%.0f members/s); "
                        + "running it again took %d ms%n", size, firstRun / 1_000_000, size / (firstRun / 1e9),
                secondRun / 1_000_000);

        assertThat(query("select count(*)::text from competition_tour_participations tp "
                + "join competition_season_participations sp on sp.id = tp.season_participation_id "
                + "where sp.season_id = ?::uuid and tp.status = 'admitted'", season.id())).containsExactly(String.valueOf(size));
        assertThat(query("select count(*)::text from competition_group_members where group_id = ?::uuid", group))
                .containsExactly(String.valueOf(size));
    }

    /** Waits up to ten minutes for the answer (the test client's default is 30 s): a busy build machine is slow. */
    private static RequestSpecification patiently(RequestSpecification request) {
        return request.config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 600_000)));
    }

    /** A 10,000-member snapshot is about 2.5 MB: the body limit (8 MB) takes it, and refuses more as a problem. */
    @Test
    void a_body_over_the_limit_is_refused_with_a_413_problem_and_nothing_is_stored() throws Exception {
        OpenSeason season = openSeason();
        String huge = "{\"titleSnapshot\": \"" + "а".repeat(5 * 1024 * 1024) + "\", \"members\": []}"; // 10 MB of UTF-8
        user("teacher", UUID.randomUUID()).body(huge).post("/seasons/{id}/groups", season.id())
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413)).body("detail", containsString("8 MB"));
        assertThat(query("select count(*)::text from competition_groups where season_id = ?::uuid", season.id()))
                .containsExactly("0");
    }

    private List<String> query(String sql, String param) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
                return rows;
            }
        }
    }
}
