package org.olympiad.competitions.systemtests;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.olympiad.competitions.systemtests.FrontEnd.eventually;

/**
 * One olympiad season, end to end, over HTTP only, against the six services started from their packaged jars with
 * PostgreSQL and a Kafka broker (issue 8). The steps run in order and build on each other; root README.md tells the
 * same story as a walkthrough with curl.
 *
 * <p>The first tour's sitters, sixteen participants of grade category 7–8 on the track "main", answer three tasks: a
 * single choice (2 points, key B), a number (3 points, 3.14 ± 0.01) and a task checked by hand (5 points). Sitter k
 * (0–15) ends with 10 − k/2 points, so ranks and awards are known: under the award policy (more than 3 of 10 points;
 * diploma I to the best 12.5 %, II to 25 %, III to 50 %, everyone else a participation certificate) sitters 0–1 get
 * diploma I, 2–3 diploma II, 4–7 diploma III.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeasonEndToEndIT {

    static final int PARTICIPANTS = 300;
    static final int SELF = 60;
    static final int PARENT = 40;
    static final int GROUP = 150;
    static final int ORGANIZATION = 30;
    static final int ADMIN = 20;

    static final int SITTERS = 16;
    /** Sitters 0–9 submit online themselves, 10–11 leave their attempt open, 12–15 are a group's, entered by a helper. */
    static final int SUBMITTING = 10;
    static final int LEFT_OPEN = 2;
    static final int APPELLANT = 8;
    static final int SANCTIONED = 1;

    final UUID organiser = UUID.randomUUID();
    final UUID teacher = UUID.randomUUID();
    final UUID helper = UUID.randomUUID();
    final UUID venueStaff = UUID.randomUUID();
    final UUID checker = UUID.randomUUID();
    final UUID school = UUID.randomUUID();
    final UUID otherSchool = UUID.randomUUID();

    FrontEnd web;
    String event;
    String season;
    String tour1;
    String tour2;
    String juniors;
    String track;
    String organization;
    String group;
    String venue;
    String conduct;
    String binding;
    String item1;
    String item2;
    String item3;
    String personalPublication;
    String publicPublication;
    String appeal;
    String arbitrationCase;

    /** The self-registered students: identity user → participant. */
    final Map<UUID, String> selfParticipants = new LinkedHashMap<>();
    final List<UUID> selfUsers = new ArrayList<>();
    /** The group's members by learning group member id, in snapshot order. */
    final List<Map<String, Object>> groupMembers = new ArrayList<>();
    final List<Sitter> sitters = new ArrayList<>();

    /** One of the first tour's sitters: who, and what they answer. */
    static final class Sitter {
        final int k;
        final String name;
        final UUID user;
        String participant;
        String tourParticipation;
        String submission;

        Sitter(int k, String name, UUID user) {
            this.k = k;
            this.name = name;
            this.user = user;
        }

        BigDecimal total() {
            return BigDecimal.TEN.subtract(BigDecimal.valueOf(k).multiply(new BigDecimal("0.5")));
        }

        /** Right (2) or wrong (0): wrong only where the total is below what the other two tasks could make up. */
        String choice() {
            return k >= 11 && k <= 14 ? "C" : "B";
        }

        /** Right (3) except for the last sitter. */
        String number() {
            return k == 15 ? "2" : k % 2 == 0 ? "3.14" : "3,14";
        }

        /** Half a point per correct step, as the checker's rubric says; the answer names its steps. */
        BigDecimal handMark() {
            BigDecimal auto = BigDecimal.valueOf(("B".equals(choice()) ? 2 : 0) + (k == 15 ? 0 : 3));
            return total().subtract(auto);
        }

        String solution() {
            int steps = handMark().multiply(BigDecimal.valueOf(2)).intValue();
            return "Решение: верных шагов " + steps + " из 10";
        }
    }

    @BeforeAll
    void startSuite() throws Exception {
        web = new FrontEnd(Suite.start());
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Test
    @Order(1)
    void step1_an_organiser_sets_up_the_event_season_catalogue_and_policies() {
        event = organiser("registration").body(Map.of("slug", "math-" + UUID.randomUUID().toString().substring(0, 8),
                        "title", "Олимпиада по математике", "type", "olympiad", "subjectKey", "math"))
                .post("/events").then().statusCode(201).extract().path("id");
        organiser("registration").body(Map.of("to", "active")).post("/events/{id}/transitions", event)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("active"));
        season = organiser("registration").body(Map.of("eventId", event, "title", "Сезон 2026/27",
                        "startsAt", "2026-09-01T00:00:00Z", "endsAt", "2027-05-31T00:00:00Z"))
                .post("/seasons").then().statusCode(201).extract().path("id");

        juniors = organiser("registration").body(Map.of("key", "grade_7_8", "title", "7–8 классы", "gradeRangeKey", "7-8"))
                .post("/seasons/{id}/grade-categories", season).then().statusCode(201).extract().path("id");
        organiser("registration").body(Map.of("key", "grade_9_11", "title", "9–11 классы", "gradeRangeKey", "9-11"))
                .post("/seasons/{id}/grade-categories", season).then().statusCode(201);
        tour1 = organiser("registration").body(Map.of("title", "Школьный тур", "position", 1, "format", "test"))
                .post("/seasons/{id}/tours", season).then().statusCode(201).extract().path("id");
        tour2 = organiser("registration").body(Map.of("title", "Заключительный тур", "position", 2, "format", "written"))
                .post("/seasons/{id}/tours", season).then().statusCode(201).extract().path("id");
        track = organiser("registration").body(Map.of("key", "main", "title", "Основной трек"))
                .post("/seasons/{id}/tracks", season).then().statusCode(201).extract().path("id");
        organiser("registration").body(Map.of("key", "final_written", "title", "Письменный финал", "tourId", tour2))
                .post("/seasons/{id}/tracks", season).then().statusCode(201);

        organiser("registration").body(Map.of("registrationPolicy", Map.of("sources", Map.of(
                        "self", Map.of("requiredFields", List.of("grade"), "approval", "automatic"),
                        "parent", Map.of("requiredFields", List.of("grade", "parentContact"), "approval", "automatic"),
                        "teacher", Map.of("requiredFields", List.of("grade"), "approval", "automatic"),
                        "organization", Map.of("requiredFields", List.of("grade", "organization"), "approval", "automatic"),
                        "admin", Map.of("requiredFields", List.of("grade"), "approval", "review")))))
                .patch("/seasons/{id}", season).then().statusCode(200);

        // the school that hosts a venue and whose teacher brings a class
        organization = organiser("registration").body(Map.of("identityOrganizationId", school,
                        "displayNameSnapshot", "Школа № 57"))
                .post("/seasons/{id}/organizations", season).then().statusCode(201).extract().path("id");
        organiser("registration").body(Map.of("role", "open_venue")).post("/organizations/{id}/roles", organization)
                .then().statusCode(201);

        // the award policy lives in results-service, which hears of the season over Kafka
        Map<String, Object> rules = Map.of(
                "minimumScore", Map.of("shareOfMax", 0.3, "comparison", "more_than"),
                "awards", List.of(Map.of("status", "diploma_1", "cumulativeShare", 0.125),
                        Map.of("status", "diploma_2", "cumulativeShare", 0.25),
                        Map.of("status", "diploma_3", "cumulativeShare", 0.5)),
                "tieAtQuotaEdge", "all_in", "participationCertificates", "all");
        eventually(201, () -> organiser("results").body(Map.of("rules", rules)).post("/seasons/{id}/award-policies", season))
                .then().body("seasonId", org.hamcrest.Matchers.equalTo(season));

        organiser("registration").body(Map.of("to", "registration_open")).post("/seasons/{id}/transitions", season)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("registration_open"));
        organiser("registration").get("/seasons/{id}/tours", season).then().statusCode(200)
                .body("items.position", org.hamcrest.Matchers.contains(1, 2));
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Test
    @Order(2)
    void step2_three_hundred_participants_register_through_every_source() {
        // self: students register themselves; the first 17 of grades 7–8 on the main track (12 online, 5 at a venue).
        // Many front ends at once: the registrations of each source go in on several connections.
        List<UUID> students = new ArrayList<>();
        for (int i = 0; i < SELF; i++) {
            students.add(UUID.randomUUID());
        }
        List<String> selfRegistered = inParallel(SELF, i -> {
            boolean sitter = i < SUBMITTING + LEFT_OPEN;
            boolean atVenue = i >= SUBMITTING + LEFT_OPEN && i < SUBMITTING + LEFT_OPEN + 5;
            String name = sitter ? sitterName(i) : name("Самостоятельный", i);
            String grade = sitter || atVenue ? String.valueOf(7 + i % 2) : String.valueOf(7 + i % 5);
            return web.as("registration", "participant", students.get(i))
                    .body(Map.of("source", "self", "participant", Map.of("displayName", name, "grade", grade),
                            "deliveryPreferences", Map.of("mode", atVenue ? "venue" : "online", "trackKey", "main")))
                    .post("/seasons/{id}/registrations", season).then().statusCode(201)
                    .body("status", org.hamcrest.Matchers.equalTo("approved"))
                    .body("source", org.hamcrest.Matchers.equalTo("self"))
                    .extract().path("participantId");
        });
        for (int i = 0; i < SELF; i++) {
            selfParticipants.put(students.get(i), selfRegistered.get(i));
            selfUsers.add(students.get(i));
            if (i < SUBMITTING + LEFT_OPEN) {
                Sitter s = new Sitter(i, sitterName(i), students.get(i));
                s.participant = selfRegistered.get(i);
                sitters.add(s);
            }
        }

        // parents register their children; the first is a girl from the school, who comes again below
        String firstAlyona = web.as("registration", "parent", UUID.randomUUID())
                .body(Map.of("source", "parent", "participant", Map.of("displayName", "Алёна Смирнова", "grade", "7",
                                "identityOrganizationId", school.toString()),
                        "parentContactRef", Map.of("identityContactId", UUID.randomUUID().toString())))
                .post("/seasons/{id}/registrations", season).then().statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("approved")).extract().path("participantId");
        inParallel(PARENT - 1, i -> web.as("registration", "parent", UUID.randomUUID())
                .body(Map.of("source", "parent", "participant", Map.of("displayName", name("Ребёнок", i), "grade",
                                String.valueOf(7 + i % 5)),
                        "parentContactRef", Map.of("identityContactId", UUID.randomUUID().toString())))
                .post("/seasons/{id}/registrations", season).then().statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("approved")).extract().path("id"));

        // a teacher registers a whole class of 150 in one request; its first four sit the first tour with the teacher
        for (int i = 0; i < GROUP; i++) {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("learningGroupMemberId", UUID.randomUUID().toString());
            member.put("displayName", i < 4 ? sitterName(12 + i) : name("Ученик", i));
            member.put("grade", i < 4 ? String.valueOf(7 + i % 2) : String.valueOf(7 + i % 5));
            member.put("identityOrganizationId", school.toString());
            groupMembers.add(member);
        }
        group = web.as("registration", "teacher", teacher)
                .body(Map.of("learningWorkspaceId", UUID.randomUUID().toString(), "learningGroupId", UUID.randomUUID().toString(),
                        "competitionOrganizationId", organization, "titleSnapshot", "7–11 «М», школа № 57", "members", groupMembers))
                .post("/seasons/{id}/groups", season).then().statusCode(201)
                .body("primaryTeacherUserId", org.hamcrest.Matchers.equalTo(teacher.toString())).extract().path("id");
        web.as("registration", "teacher", teacher)
                .body(Map.of("deliveryPreferences", Map.of("mode", "teacher_led", "trackKey", "main"),
                        "teacherNameText", "Мария Петровна Иванова"))
                .post("/groups/{id}/registrations", group).then().statusCode(200)
                .body("registered", org.hamcrest.Matchers.equalTo(GROUP))
                .body("held", org.hamcrest.Matchers.equalTo(0))
                .body("refused", org.hamcrest.Matchers.empty());

        // an organisation's organiser registers its students
        inParallel(ORGANIZATION, i -> organiser("registration").body(Map.of("source", "organization", "participant", Map.of(
                        "displayName", name("Лицеист", i), "grade", String.valueOf(7 + i % 5),
                        "identityOrganizationId", otherSchool.toString())))
                .post("/seasons/{id}/registrations", season).then().statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("approved")).extract().path("id"));

        // an admin registers the rest; the policy has an organiser review these
        inParallel(ADMIN, i -> {
            String registration = web.as("registration", "admin", UUID.randomUUID())
                    .body(Map.of("source", "admin", "participant", Map.of("displayName", name("Приглашённый", i),
                            "grade", String.valueOf(7 + i % 5))))
                    .post("/seasons/{id}/registrations", season).then().statusCode(201)
                    .body("status", org.hamcrest.Matchers.equalTo("submitted")).extract().path("id");
            return organiser("registration").body(Map.of("to", "approved")).post("/registrations/{id}/transitions", registration)
                    .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("approved")).extract().path("id");
        });

        // the same girl again, now from the school: a likely twin (name, grade, school) is held, and merged
        var held = organiser("registration").body(Map.of("source", "organization", "participant", Map.of(
                        "displayName", "  алёна   СМИРНОВА ", "grade", "7", "identityOrganizationId", school.toString())))
                .post("/seasons/{id}/registrations", season).then().statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("duplicate_hold")).extract();
        assertThat((String) held.path("participantId")).isNotEqualTo(firstAlyona);
        organiser("registration").body(Map.of("action", "merge", "reason", "та же ученица, запись от школы"))
                .post("/registrations/{id}/duplicate-resolution", (String) held.path("id")).then().statusCode(200)
                .body("participantId", org.hamcrest.Matchers.equalTo(firstAlyona))
                .body("status", org.hamcrest.Matchers.equalTo("approved"));

        // a raw SNILS is refused, and nothing of it is stored
        Response refused = web.as("registration", "participant", UUID.randomUUID())
                .body(Map.of("source", "self", "participant", Map.of("displayName", "Олег Ким", "grade", "9"),
                        "officialDataRef", Map.of("snils", "112-233-445 95")))
                .post("/seasons/{id}/registrations", season);
        refused.then().statusCode(422).contentType(org.hamcrest.Matchers.containsString("application/problem+json"))
                .body("field", org.hamcrest.Matchers.equalTo("officialDataRef.snils"));
        assertThat(refused.asString()).doesNotContain("112-233-445");

        // 301 approved registrations (the merged one included) of exactly 300 participants
        List<Map<String, Object>> registrations = allRegistrations();
        assertThat(registrations).hasSize(PARTICIPANTS + 1);
        assertThat(registrations).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("approved"));
        assertThat(registrations.stream().map(r -> r.get("participantId")).distinct()).hasSize(PARTICIPANTS);
        Map<Object, Long> bySource = new HashMap<>();
        registrations.forEach(r -> bySource.merge(r.get("source"), 1L, Long::sum));
        assertThat(bySource).containsEntry("self", (long) SELF).containsEntry("parent", (long) PARENT)
                .containsEntry("teacher", (long) GROUP).containsEntry("organization", (long) ORGANIZATION + 1)
                .containsEntry("admin", (long) ADMIN);
        assertThat(registrations).noneMatch(r -> String.valueOf(r).contains("112-233-445"));

        // everyone approved is admitted to the first tour, in the way they asked to sit it
        List<Map<String, Object>> admitted = tourParticipations(tour1);
        assertThat(admitted).hasSize(PARTICIPANTS);
        assertThat(admitted.stream().filter(tp -> "teacher_led".equals(tp.get("deliveryMode")))).hasSize(GROUP);
        assertThat(admitted.stream().filter(tp -> "venue".equals(tp.get("deliveryMode")))).hasSize(5);
        Map<String, String> tpByParticipant = new HashMap<>();
        admitted.forEach(tp -> tpByParticipant.put((String) tp.get("participantId"), (String) tp.get("id")));

        // the class's first four members are sitters 12–15
        List<Map<String, Object>> members = web.as("registration", "teacher", teacher).queryParam("size", 200)
                .get("/groups/{id}/members", group).then().statusCode(200).extract().path("items");
        assertThat(members).hasSize(GROUP);
        for (int i = 0; i < 4; i++) {
            Object lgm = groupMembers.get(i).get("learningGroupMemberId");
            Sitter s = new Sitter(12 + i, sitterName(12 + i), null);
            s.participant = (String) members.stream().filter(m -> lgm.equals(m.get("learningGroupMemberId")))
                    .findFirst().orElseThrow().get("participantId");
            sitters.add(s);
        }
        sitters.forEach(s -> s.tourParticipation = tpByParticipant.get(s.participant));
        assertThat(sitters).hasSize(SITTERS).allSatisfy(s -> assertThat(s.tourParticipation).isNotNull());
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Test
    @Order(3)
    void step3_students_choose_a_venue_and_a_teacher_is_approved_to_conduct_the_first_tour_at_school() {
        // the school applies to host a venue (venue-service heard of its open_venue role over Kafka)
        Map<String, Object> application = new HashMap<>(Map.of("competitionOrganizationId", organization,
                "title", "Школа № 57, актовый зал",
                "address", Map.of("city", "Москва", "street", "Малый Знаменский пер.", "building", "7/10"),
                "geoPoint", Map.of("lat", 55.7475, "lon", 37.6040), "capacityTotal", 4,
                "acceptedGradeCategories", List.of(juniors),
                "requiredDocuments", List.of("свидетельство о рождении или паспорт"), "submit", true));
        String applicationId = eventually(201, () -> web.as("venue", "venue_staff", venueStaff).body(application)
                .post("/seasons/{id}/venue-applications", season)).then()
                .body("status", org.hamcrest.Matchers.equalTo("submitted")).extract().path("id");
        organiser("venue").body(Map.of("to", "approved")).post("/venue-applications/{id}/transitions", applicationId)
                .then().statusCode(200);
        venue = organiser("venue").get("/seasons/{id}/venues", season).then().statusCode(200)
                .extract().path("items.find { it.venueApplicationId == '" + applicationId + "' }.id");
        organiser("venue").body(Map.of("publicVisibility", "list_and_map")).patch("/venues/{id}", venue).then().statusCode(200);
        for (String to : List.of("active", "registration_open")) {
            organiser("venue").body(Map.of("to", to)).post("/venues/{id}/transitions", venue).then().statusCode(200);
        }
        web.anyone("venue").queryParam("view", "list").get("/seasons/{id}/public-venues", season).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(venue));

        // five students who asked to sit at a venue find their tour participation and take a seat; four seats
        List<UUID> atVenue = selfUsers.subList(SUBMITTING + LEFT_OPEN, SUBMITTING + LEFT_OPEN + 5);
        int seated = 0;
        for (UUID student : atVenue) {
            String tp = web.as("registration", "participant", student).get("/me/participations").then().statusCode(200)
                    .body("[0].tours[0].deliveryMode", org.hamcrest.Matchers.equalTo("venue"))
                    .extract().path("[0].tours[0].id");
            if (seated < 4) {
                String assignment = eventually(201, () -> web.as("venue", "participant", student)
                        .body(Map.of("venueId", venue)).post("/tour-participations/{id}/venue-assignments", tp))
                        .then().body("status", org.hamcrest.Matchers.equalTo("assigned")).extract().path("id");
                web.as("venue", "participant", student).body(Map.of("to", "confirmed"))
                        .post("/venue-assignments/{id}/transitions", assignment).then().statusCode(200);
                seated++;
            } else {
                eventually(409, () -> web.as("venue", "participant", student).body(Map.of("venueId", venue))
                        .post("/tour-participations/{id}/venue-assignments", tp))
                        .then().body("rule", org.hamcrest.Matchers.equalTo("venue-full"))
                        .body("field", org.hamcrest.Matchers.equalTo("venueId"));
            }
        }
        organiser("venue").get("/venues/{id}", venue).then().statusCode(200)
                .body("currentAssignmentCount", org.hamcrest.Matchers.equalTo(4));

        // the class's teacher applies to conduct the first tour at school; an organiser approves
        Map<String, Object> conductApplication = new HashMap<>(Map.of("identityOrganizationId", school,
                "competitionOrganizationId", organization, "locationText", "школа № 57, кабинет 301",
                "expectedParticipantCount", GROUP, "plannedDateFrom", "2026-12-10", "plannedDateTo", "2026-12-10",
                "gradeCategories", List.of(juniors), "deliveryMode", "teacher_led",
                "contactSnapshot", Map.of("identityUserRef", teacher.toString()), "submit", true));
        conduct = eventually(201, () -> web.as("venue", "teacher", teacher).body(conductApplication)
                .post("/tours/{id}/conduct-applications", tour1)).then()
                .body("status", org.hamcrest.Matchers.equalTo("submitted"))
                .body("photoReportRequired", org.hamcrest.Matchers.equalTo(true)).extract().path("id");
        organiser("venue").body(Map.of("to", "approved")).post("/conduct-applications/{id}/transitions", conduct)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("approved"));
        web.as("venue", "teacher", teacher).body(Map.of("to", "completed")).post("/conduct-applications/{id}/transitions", conduct)
                .then().statusCode(409).body("rule", org.hamcrest.Matchers.equalTo("confirmed-photo-report-required"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Test
    @Order(4)
    void step4_the_first_tour_is_sat_online_and_at_school_and_closing_it_locks_what_was_left_open() {
        // the organiser binds the tour's activity: three tasks, two with keys and one for the checkers
        binding = eventually(201, () -> organiser("attempt").body(Map.of("mode", "lms_activity",
                        "lmsActivityRef", Map.of("activity_id", "math-2026-school-7-8")))
                .post("/tours/{id}/activity-bindings", tour1)).then().extract().path("id");
        organiser("attempt").body(Map.of("taskCount", 3, "maxTotalScore", 10))
                .post("/activity-bindings/{id}/task-structures", binding).then().statusCode(201);
        item1 = item(1, 2, Map.of("type", "single_choice", "correct", "B"));
        item2 = item(2, 3, Map.of("type", "number", "value", 3.14, "tolerance", 0.01));
        item3 = item(3, 5, null);
        for (String to : List.of("review", "locked")) {
            organiser("attempt").body(Map.of("to", to)).post("/activity-bindings/{id}/transitions", binding)
                    .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo(to));
        }

        // the season runs and the tour opens
        organiser("registration").body(Map.of("to", "running")).post("/seasons/{id}/transitions", season).then().statusCode(200);
        for (String to : List.of("scheduled", "open")) {
            organiser("registration").body(Map.of("to", to)).post("/tours/{id}/transitions", tour1).then().statusCode(200);
        }

        // sitters 0–11 start online, answer every task; 0–9 submit, 10–11 leave their attempt open
        for (Sitter s : sitters.subList(0, SUBMITTING + LEFT_OPEN)) {
            s.submission = eventually(201, () -> web.as("attempt", "participant", s.user).body(Map.of())
                    .post("/tours/{id}/attempts", tour1)).then()
                    .body("tourParticipationId", org.hamcrest.Matchers.equalTo(s.tourParticipation))
                    .body("status", org.hamcrest.Matchers.equalTo("started")).extract().path("id");
            answerAll(s, "participant", s.user);
            if (s.k < SUBMITTING) {
                web.as("attempt", "participant", s.user).post("/submissions/{id}/submit", s.submission).then().statusCode(200)
                        .body("status", org.hamcrest.Matchers.equalTo("checking"));
            }
        }
        Sitter early = sitters.get(0);
        web.as("attempt", "participant", early.user).body(Map.of("answer", "C", "baseVersion", 1))
                .put("/submissions/{id}/answers/{item}", early.submission, item1).then().statusCode(409)
                .body("currentState", org.hamcrest.Matchers.equalTo("checking"));

        // at school: the teacher makes a colleague the class's answers_entry helper, who types in four pupils' answers
        web.as("registration", "teacher", teacher).body(Map.of("helperUserId", helper, "role", "answers_entry"))
                .post("/groups/{id}/helpers", group).then().statusCode(201);
        for (Sitter s : sitters.subList(SUBMITTING + LEFT_OPEN, SITTERS)) {
            s.submission = eventually(201, () -> web.as("attempt", "teacher", helper).body(Map.of("participantId", s.participant))
                    .post("/tours/{id}/attempts", tour1)).then().extract().path("id");
            answerAll(s, "teacher", helper);
            web.as("attempt", "teacher", helper).post("/submissions/{id}/submit", s.submission).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("checking"));
        }
        // nobody else may enter a pupil's answers
        web.as("attempt", "teacher", UUID.randomUUID()).body(Map.of("participantId", sitters.get(12).participant))
                .post("/tours/{id}/attempts", tour1).then().statusCode(403);

        // the teacher reports with photos; an organiser confirms; the conduct is complete
        String report = web.as("venue", "teacher", teacher).body(Map.of("fileRefs", List.of(Map.of("storageRef",
                        "photos/" + UUID.randomUUID())), "comment", "тур прошёл в кабинете 301", "competitionGroupId", group))
                .post("/conduct-applications/{id}/photo-reports", conduct).then().statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("submitted")).extract().path("id");
        organiser("venue").body(Map.of("to", "confirmed")).post("/photo-reports/{id}/review", report)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("confirmed"));
        web.as("venue", "teacher", teacher).body(Map.of("to", "completed")).post("/conduct-applications/{id}/transitions", conduct)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("completed"));

        // the tour closes: the two attempts left open are locked with their answers, and checked as far as keys go
        organiser("registration").body(Map.of("to", "closed")).post("/tours/{id}/transitions", tour1).then().statusCode(200);
        for (Sitter s : sitters.subList(SUBMITTING, SUBMITTING + LEFT_OPEN)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                    organiser("attempt").get("/submissions/{id}", s.submission).then().statusCode(200)
                            .body("submission.status", org.hamcrest.Matchers.equalTo("checking"))
                            .body("submission.lockedAt", org.hamcrest.Matchers.notNullValue())
                            .body("answers", org.hamcrest.Matchers.hasSize(3)));
            web.as("attempt", "participant", s.user).post("/submissions/{id}/submit", s.submission).then().statusCode(409);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Test
    @Order(5)
    void step5_checking_scores_results_review_finalisation_and_publication() {
        // every work waits for a checker: its task for checking by hand, blind (a work code, no participant)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> web.as("attempt", "checker", checker)
                .get("/tours/{id}/checking/queue", tour1).then().statusCode(200)
                .body("waiting", org.hamcrest.Matchers.equalTo(SITTERS)));
        Set<String> allIds = new HashSet<>();
        sitters.forEach(s -> {
            allIds.add(s.participant);
            allIds.add(s.tourParticipation);
            allIds.add(s.submission);
        });
        int checked = 0;
        while (true) {
            Response taken = web.as("attempt", "checker", checker).post("/tours/{id}/checking/take", tour1);
            if (taken.statusCode() == 204) {
                break;
            }
            taken.then().statusCode(200).body("workCode", org.hamcrest.Matchers.startsWith("W-"))
                    .body("tasks", org.hamcrest.Matchers.hasSize(1))
                    .body("tasks[0].taskItemId", org.hamcrest.Matchers.equalTo(item3));
            assertThat(taken.jsonPath().getMap("").keySet()).containsExactlyInAnyOrder("checkId", "workCode", "status", "tasks", "files");
            assertThat(allIds).noneMatch(id -> taken.asString().contains(id));
            String solution = taken.path("tasks[0].answer");
            BigDecimal mark = rubric(solution);
            web.as("attempt", "checker", checker)
                    .body(Map.of("marks", List.of(Map.of("taskItemId", item3, "score", mark, "comment", "по критериям"))))
                    .post("/checks/{id}/marks", (String) taken.path("checkId")).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("checked"));
            checked++;
        }
        assertThat(checked).isEqualTo(SITTERS);
        for (Sitter s : sitters) {
            organiser("attempt").get("/submissions/{id}", s.submission).then().statusCode(200)
                    .body("submission.status", org.hamcrest.Matchers.equalTo("checked"))
                    .body("checking.method", org.hamcrest.Matchers.equalTo("hybrid"))
                    .body("checking.complete", org.hamcrest.Matchers.equalTo(true))
                    .body("checking.total", org.hamcrest.Matchers.comparesEqualTo(s.total().floatValue()));
        }
        for (String to : List.of("checking", "results_ready")) {
            organiser("registration").body(Map.of("to", to)).post("/tours/{id}/transitions", tour1).then().statusCode(200);
        }
        for (String to : List.of("checking", "results_review")) {
            organiser("registration").body(Map.of("to", to)).post("/seasons/{id}/transitions", season).then().statusCode(200);
        }

        // results-service has every score once a dry run sees all sixteen; then the policy is applied for real
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                organiser("results").body(Map.of("seasonId", season, "tourId", tour1, "dryRun", true))
                        .post("/results/calculations").then().statusCode(200)
                        .body("participants", org.hamcrest.Matchers.equalTo(SITTERS)));
        organiser("results").body(Map.of("seasonId", season, "tourId", tour1)).post("/results/calculations")
                .then().statusCode(200).body("created", org.hamcrest.Matchers.equalTo(SITTERS));
        Map<String, Map<String, Object>> results = resultsByParticipant();
        for (Sitter s : sitters) {
            Map<String, Object> r = results.get(s.participant);
            assertThat(r).as(s.name).isNotNull();
            assertThat(new BigDecimal(String.valueOf(r.get("score")))).as(s.name).isEqualByComparingTo(s.total());
            assertThat(r.get("rank")).as(s.name).isEqualTo(s.k + 1);
            assertThat(r.get("awardStatusKey")).as(s.name).isEqualTo(expectedAward(s.k + 1));
            assertThat(r.get("status")).isEqualTo("calculated");
        }

        for (String to : List.of("review", "finalized")) {
            organiser("results").body(Map.of("seasonId", season, "tourId", tour1, "to", to)).post("/results/transitions")
                    .then().statusCode(200);
        }
        organiser("results").body(Map.of("seasonId", season, "tourId", tour1, "to", "calculated"))
                .post("/results/transitions").then().statusCode(409);
        assertThat(resultsByParticipant().values()).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("finalized"));

        // published personally: each participant sees their own result, nobody else's; then publicly, names shortened
        personalPublication = organiser("results").body(Map.of("type", "personal_results", "settings", Map.of("tourId", tour1)))
                .post("/seasons/{id}/publications", season).then().statusCode(201).extract().path("id");
        publicPublication = organiser("results").body(Map.of("type", "public_results",
                        "settings", Map.of("tourId", tour1, "nameFormat", "surname_initial", "minorsOnly", false)))
                .post("/seasons/{id}/publications", season).then().statusCode(201).extract().path("id");
        organiser("results").body(Map.of("to", "published")).post("/publications/{id}/transitions", personalPublication)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("published"));
        Sitter first = sitters.get(0);
        web.as("results", "participant", first.user).get("/participants/{id}/results", first.participant).then().statusCode(200)
                .body("", org.hamcrest.Matchers.hasSize(1)).body("[0].rank", org.hamcrest.Matchers.equalTo(1))
                .body("[0].awardTitle", org.hamcrest.Matchers.equalTo("Диплом I степени"))
                .body("[0].publicationStatus", org.hamcrest.Matchers.equalTo("personal"))
                .body("[0].appealsUntil", org.hamcrest.Matchers.notNullValue());
        web.as("results", "participant", sitters.get(1).user).get("/participants/{id}/results", first.participant)
                .then().statusCode(404);
        web.anyone("results").queryParam("tourId", tour1).get("/public/seasons/{id}/results", season).then().statusCode(200)
                .body("", org.hamcrest.Matchers.empty());
        organiser("results").body(Map.of("to", "published")).post("/publications/{id}/transitions", publicPublication)
                .then().statusCode(200);
        List<Map<String, Object>> shown = web.anyone("results").queryParam("tourId", tour1)
                .get("/public/seasons/{id}/results", season).then().statusCode(200).extract().path("");
        assertThat(shown).hasSize(SITTERS);
        assertThat(shown.get(0).get("name")).isEqualTo(shortName(first.name));
        assertThat(shown.get(0).get("awardTitle")).isEqualTo("Диплом I степени");
        assertThat(shown).noneMatch(r -> String.valueOf(r).contains(first.name));
        organiser("registration").body(Map.of("to", "published")).post("/seasons/{id}/transitions", season).then().statusCode(200);
        organiser("registration").body(Map.of("to", "published")).post("/tours/{id}/transitions", tour1).then().statusCode(200);
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Test
    @Order(6)
    void step6_an_accepted_appeal_revises_one_result_and_an_arbitration_case_withholds_then_voids_another() {
        Sitter appellant = sitters.get(APPELLANT);
        // documents for the first publication are made before the appeal changes anything
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(sitters).allSatisfy(s -> assertThat(liveDocuments(s)).as(s.name).singleElement()
                        .satisfies(d -> assertThat(d.get("status")).isEqualTo("generated"))));

        String result = web.as("results", "participant", appellant.user).get("/participants/{id}/results", appellant.participant)
                .then().statusCode(200).body("[0].rank", org.hamcrest.Matchers.equalTo(9))
                .body("[0].awardStatusKey", org.hamcrest.Matchers.equalTo("participation_certificate"))
                .extract().path("[0].resultId");
        appeal = web.as("results", "participant", appellant.user).body(Map.of("reason", "задача 3 решена полностью, шаги 4–8 не учтены"))
                .post("/results/{id}/appeals", result).then().statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("submitted"))
                .body("submissionId", org.hamcrest.Matchers.equalTo(appellant.submission)).extract().path("id");
        organiser("results").body(Map.of("to", "in_review")).post("/appeals/{id}/transitions", appeal).then().statusCode(200);
        organiser("results").body(Map.of("to", "accepted", "decisionComment", "шаги 4–8 верны: 4,25 балла за задачу 3",
                        "requestedScores", List.of(Map.of("tourTaskItemId", item3, "score", 4.25))))
                .post("/appeals/{id}/transitions", appeal).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("accepted"));

        // attempt-service records a new score version; results-service revises the published scope
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                web.as("results", "participant", appellant.user).get("/participants/{id}/results", appellant.participant)
                        .then().statusCode(200).body("[0].score", org.hamcrest.Matchers.equalTo(9.25f))
                        .body("[0].rank", org.hamcrest.Matchers.equalTo(3))
                        .body("[0].awardStatusKey", org.hamcrest.Matchers.equalTo("diploma_2"))
                        .body("[0].awardTitle", org.hamcrest.Matchers.equalTo("Диплом II степени")));
        List<Map<String, Object>> scores = organiser("attempt").get("/submissions/{id}/scores", appellant.submission)
                .then().statusCode(200).extract().path("");
        assertThat(scores.stream().filter(sc -> item3.equals(sc.get("tourTaskItemId"))).map(sc -> sc.get("scoreVersion") + ":"
                + sc.get("isCurrent") + ":" + sc.get("score"))).containsExactlyInAnyOrder("1:false:1.0", "2:true:4.25");
        // the others of the scope move one place down where they were behind; sitter 3 drops to diploma III
        Map<String, Map<String, Object>> results = resultsByParticipant();
        assertThat(results.get(sitters.get(3).participant).get("awardStatusKey")).isEqualTo("diploma_3");
        assertThat(results.get(sitters.get(7).participant).get("awardStatusKey")).isEqualTo("participation_certificate");
        assertThat(results.get(appellant.participant).get("status")).isEqualTo("finalized");

        // a suspicion about sitter 1: the case withholds the published result, then its sanction voids it
        Sitter suspect = sitters.get(SANCTIONED);
        arbitrationCase = organiser("results").body(Map.of("participantId", suspect.participant, "submissionId", suspect.submission,
                        "suspicionType", "identical_solutions", "evidenceRefs", List.of(Map.of("fileRef", "evidence/" + UUID.randomUUID()))))
                .post("/arbitration-cases").then().statusCode(201).body("status", org.hamcrest.Matchers.equalTo("opened"))
                .extract().path("id");
        web.as("results", "participant", suspect.user).get("/participants/{id}/results", suspect.participant).then().statusCode(200)
                .body("[0].withheld", org.hamcrest.Matchers.equalTo(true)).body("[0].score", org.hamcrest.Matchers.nullValue());
        organiser("results").body(Map.of("to", "in_review")).post("/arbitration-cases/{id}/transitions", arbitrationCase)
                .then().statusCode(200);
        organiser("results").body(Map.of("to", "sanctioned", "decisionComment", "решение совпадает с чужим дословно"))
                .post("/arbitration-cases/{id}/transitions", arbitrationCase).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("sanctioned"));
        assertThat(resultsByParticipant().get(suspect.participant).get("status")).isEqualTo("void");
        assertThat(web.anyone("results").queryParam("tourId", tour1).get("/public/seasons/{id}/results", season)
                .then().statusCode(200).extract().jsonPath().getList("name")).doesNotContain(shortName(suspect.name));
        // registration-service disqualifies the participation the sanction names
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(tourParticipations(tour1).stream()
                .filter(tp -> suspect.tourParticipation.equals(tp.get("id"))).findFirst().orElseThrow().get("status"))
                .isEqualTo("disqualified"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Test
    @Order(7)
    void step7_every_diploma_verifies_at_its_public_url_and_the_voided_one_shows_revoked() {
        Sitter appellant = sitters.get(APPELLANT);
        Sitter suspect = sitters.get(SANCTIONED);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(liveDocuments(suspect)).isEmpty();
            assertThat(liveDocuments(appellant)).singleElement().satisfies(d -> {
                assertThat(d.get("type")).isEqualTo("diploma");
                assertThat(d.get("status")).isEqualTo("generated");
            });
            assertThat(sitters).filteredOn(s -> s != suspect)
                    .allSatisfy(s -> assertThat(liveDocuments(s)).as(s.name).singleElement()
                            .satisfies(d -> assertThat(d.get("status")).isEqualTo("generated")));
        });

        // the appeal changed three awards (the appellant's, sitter 3's and sitter 7's): only their documents were
        // replaced; everyone else whose rank or thresholds moved keeps the document they were given
        Set<Integer> awardChanged = Set.of(APPELLANT, 3, 7);
        for (Sitter s : sitters) {
            if (s != suspect) {
                assertThat(documents(s)).as(s.name).extracting(d -> d.get("status"))
                        .containsExactlyInAnyOrderElementsOf(awardChanged.contains(s.k)
                                ? List.of("revoked", "generated") : List.of("generated"));
            }
            for (Map<String, Object> d : documents(s)) {
                String code = (String) d.get("verificationCode");
                JsonPath verified = web.anyone("documents").accept("application/json").get("/verify/{code}", code).then().statusCode(200).extract().jsonPath();
                if ("revoked".equals(d.get("status"))) {
                    assertThat(verified.getString("status")).isEqualTo("revoked");
                    assertThat(verified.getString("revocationReason")).isNotBlank();
                } else {
                    assertThat(verified.getString("status")).as(s.name).isEqualTo("valid");
                    assertThat(verified.getString("event")).isEqualTo("Олимпиада по математике");
                    assertThat(verified.getString("season")).isEqualTo("Сезон 2026/27");
                }
                // the page a scanned QR code opens
                web.anyone("documents").accept("text/html").get("/verify/{code}", code).then().statusCode(200)
                        .contentType(org.hamcrest.Matchers.containsString("text/html"));
            }
        }
        // the voided diploma: revoked, with the reason
        List<Map<String, Object>> voided = documents(suspect);
        assertThat(voided).singleElement().satisfies(d -> assertThat(d.get("status")).isEqualTo("revoked"));
        web.anyone("documents").accept("application/json").get("/verify/{code}", (String) voided.get(0).get("verificationCode")).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("revoked"))
                .body("documentType", org.hamcrest.Matchers.equalTo("diploma"));
        // the appellant's participation certificate was replaced by a diploma of the second degree
        List<Map<String, Object>> appellants = documents(appellant);
        assertThat(appellants).extracting(d -> d.get("type") + ":" + d.get("status"))
                .containsExactlyInAnyOrder("participation:revoked", "diploma:generated");
        String diploma = (String) appellants.stream().filter(d -> "diploma".equals(d.get("type"))).findFirst().orElseThrow()
                .get("verificationCode");
        web.anyone("documents").accept("application/json").get("/verify/{code}", diploma).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("valid"))
                .body("award", org.hamcrest.Matchers.equalTo("Диплом II степени"));
        web.anyone("documents").accept("application/json").get("/verify/{code}", "0000-0000-0000-0000").then().statusCode(404);
        // the holder downloads the PDF
        String pdfPath = (String) appellants.stream().filter(d -> "diploma".equals(d.get("type"))).findFirst().orElseThrow()
                .get("documentUrl");
        byte[] pdf = web.as("documents", "participant", appellant.user).get(pdfPath).then().statusCode(200).extract().asByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Test
    @Order(8)
    void step8_the_audit_trail_shows_the_appellants_submission_checks_scores_result_publication_and_document() {
        Sitter appellant = sitters.get(APPELLANT);
        List<Map<String, Object>> submission = trail(appellant.submission, 4);
        assertThat(actions(submission)).containsSubsequence("submission.started", "submission.submitted",
                "submission.checking_started", "submission.checked");
        assertBeforeAndAfter(submission);
        assertThat(submission).allSatisfy(row -> assertThat(row.get("entityType")).isEqualTo("competition_submissions"));

        List<Map<String, Object>> scores = organiser("attempt").get("/submissions/{id}/scores", appellant.submission)
                .then().statusCode(200).extract().path("");
        Set<String> checks = new HashSet<>();
        for (Map<String, Object> score : scores) {
            List<Map<String, Object>> rows = trail((String) score.get("id"), 1);
            assertThat(actions(rows)).as("score %s", score).isNotEmpty().allMatch(a -> a.startsWith("score."));
            assertBeforeAndAfter(rows);
            checks.add((String) score.get("sourceCheckId"));
        }
        assertThat(scores).hasSize(4);
        // the automatic check, the checker's, and the appeal's
        assertThat(checks).hasSize(3);
        List<String> checkActions = new ArrayList<>();
        for (String check : checks) {
            List<Map<String, Object>> rows = trail(check, 1);
            assertBeforeAndAfter(rows);
            checkActions.addAll(actions(rows));
        }
        assertThat(checkActions).contains("check.taken", "check.completed");

        String resultId = (String) resultsByParticipant().get(appellant.participant).get("id");
        List<Map<String, Object>> result = trail(resultId, 5);
        assertThat(actions(result)).containsSubsequence("result.calculated", "result.review_started", "result.finalized",
                "result.published", "result.revised");
        assertBeforeAndAfter(result);
        Map<String, Object> revised = result.stream().filter(r -> "result.revised".equals(r.get("action"))).findFirst().orElseThrow();
        assertThat(new BigDecimal(String.valueOf(((Map<?, ?>) revised.get("before")).get("score")))).isEqualByComparingTo("6");
        assertThat(new BigDecimal(String.valueOf(((Map<?, ?>) revised.get("after")).get("score")))).isEqualByComparingTo("9.25");

        List<Map<String, Object>> publication = trail(personalPublication, 2);
        assertThat(actions(publication)).containsSubsequence("publication.created", "publication.published");
        assertBeforeAndAfter(publication);

        for (Map<String, Object> document : documents(appellant)) {
            List<Map<String, Object>> rows = trail((String) document.get("id"), 2);
            assertThat(actions(rows)).startsWith("award_document.created").contains("award_document.generated");
            if ("revoked".equals(document.get("status"))) {
                assertThat(actions(rows)).endsWith("award_document.revoked");
            }
            assertBeforeAndAfter(rows);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private io.restassured.specification.RequestSpecification organiser(String service) {
        return web.as(service, "organizer", organiser);
    }

    /** n requests on a few connections at once, as many front ends would send them; answers in order. */
    private static <T> List<T> inParallel(int n, java.util.function.IntFunction<T> request) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> request.apply(index)));
            }
            List<T> answers = new ArrayList<>();
            for (java.util.concurrent.Future<T> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof AssertionError failed) {
                throw failed;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private String item(int number, double maxScore, Map<String, Object> key) {
        Map<String, Object> body = new HashMap<>(Map.of("taskNumber", number, "displayTitle", "Задача " + number, "maxScore", maxScore));
        if (key != null) {
            body.put("scoringSnapshot", key);
        }
        return organiser("attempt").body(body).post("/activity-bindings/{id}/task-items", binding).then().statusCode(201)
                .extract().path("id");
    }

    private void answerAll(Sitter s, String role, UUID user) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put(item1, s.choice());
        answers.put(item2, s.number());
        answers.put(item3, s.solution());
        answers.forEach((item, answer) -> web.as("attempt", role, user).body(Map.of("answer", answer, "baseVersion", 0))
                .put("/submissions/{id}/answers/{item}", s.submission, item).then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(1)));
    }

    /** The checker's rubric: half a point per correct step the solution shows. */
    private static BigDecimal rubric(String solution) {
        int steps = Integer.parseInt(solution.replaceAll(".*верных шагов (\\d+) из 10.*", "$1"));
        return BigDecimal.valueOf(steps).multiply(new BigDecimal("0.5"));
    }

    private static String expectedAward(int rank) {
        return rank <= 2 ? "diploma_1" : rank <= 4 ? "diploma_2" : rank <= 8 ? "diploma_3" : "participation_certificate";
    }

    private static String sitterName(int k) {
        String[] first = {"Анна", "Борис", "Вера", "Глеб", "Дарья", "Егор", "Жанна", "Зоя", "Иван", "Кира", "Лев", "Мила",
                "Нина", "Олег", "Пётр", "Рита"};
        String[] last = {"Смирнова", "Кузнецов", "Попова", "Соколов", "Лебедева", "Козлов", "Новикова", "Морозова", "Петров",
                "Волкова", "Соловьёв", "Васильева", "Зайцева", "Павлов", "Семёнов", "Голубева"};
        return first[k] + " " + last[k];
    }

    private static String name(String who, int i) {
        return who + " " + "Номер" + String.format("%03d", i);
    }

    /** "Анна Смирнова" as the public results show it under {@code surname_initial}. */
    private static String shortName(String name) {
        String[] words = name.split(" ");
        return words[0] + " " + words[1].charAt(0) + ".";
    }

    private List<Map<String, Object>> allRegistrations() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Map<String, Object>> items = organiser("registration").queryParam("size", 200).queryParam("page", page)
                    .get("/seasons/{id}/registrations", season).then().statusCode(200).extract().path("items");
            all.addAll(items);
            if (items.size() < 200) {
                return all;
            }
        }
    }

    private List<Map<String, Object>> tourParticipations(String tour) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Map<String, Object>> items = organiser("registration").queryParam("size", 200).queryParam("page", page)
                    .get("/tours/{id}/participations", tour).then().statusCode(200).extract().path("items");
            all.addAll(items);
            if (items.size() < 200) {
                return all;
            }
        }
    }

    private Map<String, Map<String, Object>> resultsByParticipant() {
        List<Map<String, Object>> items = organiser("results").queryParam("tourId", tour1).queryParam("size", 200)
                .get("/seasons/{id}/results", season).then().statusCode(200).extract().path("items");
        Map<String, Map<String, Object>> by = new HashMap<>();
        items.forEach(r -> by.put((String) r.get("participantId"), r));
        return by;
    }

    private List<Map<String, Object>> documents(Sitter s) {
        return organiser("documents").queryParam("participantId", s.participant).get("/award-documents")
                .then().statusCode(200).extract().path("");
    }

    private List<Map<String, Object>> liveDocuments(Sitter s) {
        return documents(s).stream().filter(d -> !"revoked".equals(d.get("status"))).toList();
    }

    /**
     * Raw personal data that the services must never store (seed rule 10), as PostgreSQL regular expressions: SNILS
     * with dashes, eleven digits in a row (SNILS without dashes, a phone in the 8 form), an e-mail address, a phone in
     * the +7 form, and a date written as a birth date is (dd.mm.yyyy).
     */
    static final String RAW_PERSONAL_DATA = "(\\m\\d{3}-\\d{3}-\\d{3}[ -]\\d{2}\\M)|(\\m\\d{11}\\M)"
            + "|([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\\.[A-Za-z]{2,})|(\\+7[ (-]*\\d{3})"
            + "|(\\m(0[1-9]|[12]\\d|3[01])\\.(0[1-9]|1[0-2])\\.(19|20)\\d{2}\\M)";

    @Test
    @Order(9)
    void step9_no_service_database_holds_raw_personal_data_after_the_season() throws Exception {
        List<String> found = new ArrayList<>();
        int columns = 0;
        long rows = 0;
        for (String service : Suite.SERVICES) {
            try (java.sql.Connection c = Suite.database(service)) {
                // the patterns can fail: each kind is recognised in a planted sample
                for (String sample : List.of("СНИЛС 112-233-445 95", "12345678901", "mama@example.ru",
                        "+7 (912) 000-00-00", "родился 05.03.2012")) {
                    try (var check = c.prepareStatement("select ? ~ ?")) {
                        check.setString(1, sample);
                        check.setString(2, RAW_PERSONAL_DATA);
                        try (var r = check.executeQuery()) {
                            r.next();
                            assertThat(r.getBoolean(1)).as("the scan recognises " + sample).isTrue();
                        }
                    }
                }
                List<String[]> textColumns = new ArrayList<>();
                try (var list = c.createStatement().executeQuery("select c.table_name, c.column_name "
                        + "from information_schema.columns c join information_schema.tables t "
                        + "on t.table_schema = c.table_schema and t.table_name = c.table_name "
                        + "where c.table_schema = 'public' and t.table_type = 'BASE TABLE' "
                        + "and c.data_type in ('text', 'character varying', 'json', 'jsonb') "
                        + "and c.table_name not like 'databasechangelog%'")) {
                    while (list.next()) {
                        textColumns.add(new String[] {list.getString(1), list.getString(2)});
                    }
                }
                for (String[] column : textColumns) {
                    columns++;
                    try (var scan = c.prepareStatement("select count(*), count(*) filter (where \"" + column[1]
                            + "\"::text ~ ?) from \"" + column[0] + "\" where \"" + column[1] + "\" is not null")) {
                        scan.setString(1, RAW_PERSONAL_DATA);
                        try (var r = scan.executeQuery()) {
                            r.next();
                            rows += r.getLong(1);
                            if (r.getLong(2) > 0) {
                                found.add(service + ": " + column[0] + "." + column[1] + " in " + r.getLong(2) + " rows");
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("personal data scan: %d text and json columns, %d values, found %d%n", columns, rows, found.size());
        assertThat(rows).as("the season's data is there to scan").isGreaterThan(1000);
        assertThat(found).as("columns holding raw SNILS, e-mails, phones or birth dates").isEmpty();
    }

    /** The audit trail of one entity, oldest first, once it has at least {@code rows} rows. */
    private List<Map<String, Object>> trail(String entityId, int rows) {
        List<List<Map<String, Object>>> found = new ArrayList<>(List.of(List.of()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            List<Map<String, Object>> items = web.as("audit", "admin", UUID.randomUUID()).queryParam("entityId", entityId)
                    .queryParam("size", 200).get("/audit-logs").then().statusCode(200).extract().path("items");
            found.set(0, items);
            return items.size() >= rows;
        });
        List<Map<String, Object>> oldestFirst = new ArrayList<>(found.get(0));
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private static List<String> actions(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> (String) r.get("action")).toList();
    }

    /** Every row has the entity as it became; every row after the first, as it was before, too. */
    private static void assertBeforeAndAfter(List<Map<String, Object>> rows) {
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            assertThat(row.get("after")).as("after of %s", row.get("action")).isInstanceOf(Map.class);
            if (i > 0) {
                assertThat(row.get("before")).as("before of %s", row.get("action")).isInstanceOf(Map.class);
            }
        }
    }
}
