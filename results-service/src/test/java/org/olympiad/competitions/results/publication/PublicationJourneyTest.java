package org.olympiad.competitions.results.publication;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.platform.testing.TestSql;
import org.olympiad.competitions.platform.testing.TestTokens;
import org.olympiad.competitions.results.Upstream;
import org.olympiad.competitions.results.result.CalculationTest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.olympiad.competitions.results.result.CalculationTest.as;

/** From finalized results to what participants, parents, teachers and the public see; arbitration and appeals on the way. */
@QuarkusTest
class PublicationJourneyTest {

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void consumersReady() {
        Upstream.awaitConsumers(db);
    }

    static RequestSpecification user(String role, UUID id) {
        return RestAssured.given().header("Authorization", TestTokens.bearer(role, id)).contentType(ContentType.JSON);
    }

    private CalculationTest.World finalizedTour(Upstream up) throws Exception {
        CalculationTest.World w = CalculationTest.world(up, "Анна Смирнова:5:10:9", "Борис Котов:6:8:8", "Гоша Лисин:5:5:1");
        CalculationTest.awaitScores(db, w, 6);
        CalculationTest.policy(up.season, CalculationTest.RULES);
        as("organizer").body(Map.of("seasonId", up.season, "tourId", w.tour())).post("/results/calculations").then().statusCode(200);
        return w;
    }

    private void move(Upstream up, CalculationTest.World w, String to) {
        as("organizer").body(Map.of("seasonId", up.season, "tourId", w.tour(), "to", to)).post("/results/transitions")
                .then().statusCode(200);
    }

    private String publication(Upstream up, String type, Map<String, Object> settings) {
        return as("organizer").body(Map.of("type", type, "settings", settings))
                .post("/seasons/{id}/publications", up.season).then().statusCode(201)
                .body("status", equalTo("draft")).extract().path("id");
    }

    @Test
    void an_open_case_withholds_a_result_from_publication_and_only_the_right_people_see_personal_results() throws Exception {
        try (Upstream up = new Upstream()) {
            CalculationTest.World w = finalizedTour(up);
            UUID boris = w.participants().get("Борис Котов");
            String caseId = as("organizer").body(Map.of("participantId", boris, "submissionId", w.submissions().get("Борис Котов"),
                            "suspicionType", "identical_solutions", "evidenceRefs", List.of(Map.of("fileRef", "s3://evidence/1"))))
                    .post("/arbitration-cases").then().statusCode(201).body("status", equalTo("opened")).extract().path("id");
            assertThat(TestSql.column(db, "select withheld_reason from competition_results where participant_id = ?::uuid",
                    boris.toString())).containsExactly("arbitration_case:" + caseId);
            move(up, w, "review");
            move(up, w, "finalized");

            String personal = publication(up, "personal_results", Map.of("tourId", w.tour().toString()));
            String publicOne = publication(up, "public_results", Map.of("tourId", w.tour().toString(), "nameFormat", "surname_initial"));
            as("organizer").body(Map.of("to", "archived")).post("/publications/{id}/transitions", personal).then().statusCode(409)
                    .body("currentState", equalTo("draft")).body("requestedState", equalTo("archived"));
            as("organizer").body(Map.of("to", "published")).post("/publications/{id}/transitions", personal).then().statusCode(200)
                    .body("status", equalTo("published"));
            var published = EventJson.read(TestSql.column(db, "select payload::text from outbox_events where type = 'publication.published' "
                    + "and aggregate_id = ?::uuid", personal).get(0));
            assertThat(published.after().path("published_result_count").asInt()).isEqualTo(2); // Борис is withheld
            var resultPublished = EventJson.read(TestSql.column(db, "select payload::text from outbox_events where type = 'result.published' "
                    + "and payload->'after'->>'participant_id' = ?", w.participants().get("Анна Смирнова").toString()).get(0));
            assertThat(resultPublished.after().path("publication_id").asText()).isEqualTo(personal);
            assertThat(resultPublished.after().path("award_title").asText()).isEqualTo("Диплом II степени");
            assertThat(resultPublished.after().path("grade_category_id").asText()).isEqualTo(w.juniors().toString());

            // personal results: the participant, an approved parent, a linked teacher, a group's teacher; nobody else
            UUID anna = w.participants().get("Анна Смирнова");
            UUID parent = UUID.randomUUID();
            UUID pendingParent = UUID.randomUUID();
            UUID teacher = UUID.randomUUID();
            UUID groupTeacher = UUID.randomUUID();
            up.accessClaim(anna, parent, "approved");
            up.accessClaim(anna, pendingParent, "requested");
            up.externalTeacherLink(anna, teacher, "active");
            up.groupWithMember(groupTeacher, anna);
            up.flush();
            await().atMost(Duration.ofSeconds(120)).until(() -> TestSql.count(db, "select count(*) from results_projection_group_members "
                    + "where participant_id = ?::uuid", anna.toString()) == 1);
            for (var reader : List.of(user("participant", w.users().get("Анна Смирнова")), user("parent", parent),
                    user("teacher", teacher), user("teacher", groupTeacher))) {
                reader.get("/participants/{id}/results", anna).then().statusCode(200).body("", hasSize(1))
                        .body("[0].awardStatusKey", equalTo("diploma_2")).body("[0].rank", equalTo(1))
                        .body("[0].appealsUntil", not(nullValue()));
            }
            for (var stranger : List.of(user("parent", pendingParent), user("participant", w.users().get("Гоша Лисин")),
                    user("teacher", UUID.randomUUID()))) {
                stranger.get("/participants/{id}/results", anna).then().statusCode(404);
            }
            RestAssured.given().get("/participants/{id}/results", anna).then().statusCode(401);
            // Борис's own result is withheld: not published, so he sees nothing yet
            user("participant", w.users().get("Борис Котов")).get("/participants/{id}/results", boris).then().statusCode(200)
                    .body("", empty());

            // public results without a token: nothing until the public publication, then names shortened
            RestAssured.given().get("/public/seasons/{id}/results?tourId=" + w.tour(), up.season).then().statusCode(200).body("", empty());
            as("organizer").body(Map.of("to", "published")).post("/publications/{id}/transitions", publicOne).then().statusCode(200);
            RestAssured.given().get("/public/seasons/{id}/results?tourId=" + w.tour(), up.season).then().statusCode(200)
                    .body("", hasSize(2)).body("[0].name", equalTo("Анна С.")).body("[0].awardTitle", equalTo("Диплом II степени"))
                    .body("name", not(org.hamcrest.Matchers.hasItem(containsString("Борис"))));

            // the case is sanctioned: Борис's result is voided and registration-service hears which participation to disqualify
            as("organizer").body(Map.of("to", "sanctioned", "decisionComment", "x")).post("/arbitration-cases/{id}/transitions", caseId)
                    .then().statusCode(409).body("currentState", equalTo("opened"));
            as("organizer").body(Map.of("to", "in_review")).post("/arbitration-cases/{id}/transitions", caseId).then().statusCode(200);
            as("organizer").body(Map.of("to", "sanctioned")).post("/arbitration-cases/{id}/transitions", caseId).then().statusCode(422)
                    .body("field", equalTo("decisionComment"));
            as("organizer").body(Map.of("to", "sanctioned", "decisionComment", "совпадение решений с другим участником"))
                    .post("/arbitration-cases/{id}/transitions", caseId).then().statusCode(200).body("status", equalTo("sanctioned"));
            EventEnvelope sanction = EventJson.read(TestSql.column(db, "select payload::text from outbox_events "
                    + "where type = 'arbitration_case.sanctioned' and aggregate_id = ?::uuid", caseId).get(0));
            assertThat(sanction.after().path("participant_id").asText()).isEqualTo(boris.toString());
            assertThat(sanction.after().path("tour_participation_id").asText()).isEqualTo(w.tourParticipations().get("Борис Котов").toString());
            assertThat(TestSql.column(db, "select status from competition_results where participant_id = ?::uuid", boris.toString()))
                    .containsExactly("void");

            String csv = as("organizer").get("/seasons/{id}/protocol.csv?tourId=" + w.tour(), up.season).then().statusCode(200)
                    .contentType(containsString("text/csv")).extract().asString();
            assertThat(csv.split("\r\n")).hasSize(3); // header, Анна, Гоша
            assertThat(csv).startsWith("track_key,grade_category_key,rank,participant_id,display_name")
                    .contains("main,g5_6,1," + anna + ",Анна Смирнова,5,19.00,diploma_2,Диплом II степени")
                    .doesNotContain("Борис");
            as("teacher").get("/seasons/{id}/protocol.csv", up.season).then().statusCode(403);
        }
    }

    @Test
    void a_scheduled_publication_goes_out_by_itself_and_an_accepted_appeal_revises_the_published_result() throws Exception {
        try (Upstream up = new Upstream()) {
            CalculationTest.World w = finalizedTour(up);
            UUID gosha = w.participants().get("Гоша Лисин");
            String goshaResult = TestSql.column(db, "select id::text from competition_results where participant_id = ?::uuid",
                    gosha.toString()).get(0);
            // not published yet: no appeal
            user("participant", w.users().get("Гоша Лисин")).body(Map.of("reason", "задача 2 проверена неверно"))
                    .post("/results/{id}/appeals", goshaResult).then().statusCode(422).body("field", equalTo("resultId"));
            move(up, w, "review");
            move(up, w, "finalized");

            String personal = publication(up, "personal_results", Map.of("tourId", w.tour().toString(),
                    "scheduledAt", Instant.now().minusSeconds(5).toString()));
            as("organizer").body(Map.of("to", "scheduled")).post("/publications/{id}/transitions", personal).then().statusCode(422)
                    .body("field", equalTo("settings.scheduledAt"));
            as("organizer").body(Map.of("settings", Map.of("tourId", w.tour().toString(), "scheduledAt",
                    Instant.now().plusSeconds(3).toString(), "appealWindowHours", 48))).patch("/publications/{id}", personal)
                    .then().statusCode(200);
            as("organizer").body(Map.of("settings", Map.of("color", "red"))).patch("/publications/{id}", personal)
                    .then().statusCode(422).body("field", equalTo("settings.color"));
            as("organizer").body(Map.of("to", "scheduled")).post("/publications/{id}/transitions", personal).then().statusCode(200);
            await().atMost(Duration.ofSeconds(120)).until(() -> "published".equals(as("organizer")
                    .get("/publications/{id}", personal).then().extract().path("status")));
            assertThat(TestSql.column(db, "select publication_status::text from competition_results where participant_id = ?::uuid",
                    gosha.toString())).containsExactly("personal");

            // the participant appeals; a stranger cannot; the organiser reviews and accepts with the new score
            user("participant", UUID.randomUUID()).body(Map.of("reason", "x")).post("/results/{id}/appeals", goshaResult)
                    .then().statusCode(404);
            String appeal = user("participant", w.users().get("Гоша Лисин")).body(Map.of("reason", "задача 2 проверена неверно"))
                    .post("/results/{id}/appeals", goshaResult).then().statusCode(201).body("status", equalTo("submitted"))
                    .body("submissionId", equalTo(w.submissions().get("Гоша Лисин").toString())).extract().path("id");
            user("participant", w.users().get("Гоша Лисин")).body(Map.of("reason", "ещё раз"))
                    .post("/results/{id}/appeals", goshaResult).then().statusCode(409);
            user("participant", w.users().get("Гоша Лисин")).body(Map.of("to", "accepted", "decisionComment", "сам себе"))
                    .post("/appeals/{id}/transitions", appeal).then().statusCode(403);
            as("organizer").body(Map.of("to", "in_review")).post("/appeals/{id}/transitions", appeal).then().statusCode(200);
            as("organizer").body(Map.of("to", "accepted", "decisionComment", "решение задачи 2 верное",
                            "requestedScores", List.of(Map.of("tourTaskItemId", w.item2().toString(), "score", 10))))
                    .post("/appeals/{id}/transitions", appeal).then().statusCode(200).body("status", equalTo("accepted"));
            EventEnvelope accepted = EventJson.read(TestSql.column(db, "select payload::text from outbox_events "
                    + "where type = 'appeal.accepted' and aggregate_id = ?::uuid", appeal).get(0));
            assertThat(accepted.after().path("submission_id").asText()).isEqualTo(w.submissions().get("Гоша Лисин").toString());
            assertThat(accepted.after().path("requested_scores").get(0).path("score").decimalValue()).isEqualByComparingTo("10");

            // attempt-service records the new score version: the finalized, published result is revised
            up.score(w.submissions().get("Гоша Лисин"), w.item2(), 2, "10", "10").flush();
            await().atMost(Duration.ofSeconds(120)).until(() -> TestSql.column(db, "select score::text from competition_results "
                    + "where participant_id = ?::uuid", gosha.toString()).equals(List.of("15.00")));
            assertThat(TestSql.column(db, "select status || '|' || publication_status from competition_results where participant_id = ?::uuid",
                    gosha.toString())).containsExactly("finalized|personal");
            EventEnvelope revised = EventJson.read(TestSql.column(db, "select payload::text from outbox_events where type = 'result.revised' "
                    + "and aggregate_id = ?::uuid", goshaResult).get(0));
            assertThat(revised.before().path("score").decimalValue()).isEqualByComparingTo("6");
            assertThat(revised.after().path("publication_id").asText()).isEqualTo(personal);
            assertThat(revised.reason()).isEqualTo("appeal accepted: new score version");
        }
    }

    private void publicationTo(String id, String to) {
        as("organizer").body(Map.of("to", to)).post("/publications/{id}/transitions", id).then().statusCode(200)
                .body("status", equalTo(to));
    }

    private List<String> publicNames(Upstream up, CalculationTest.World w) {
        return RestAssured.given().get("/public/seasons/{id}/results?tourId=" + w.tour(), up.season).then().statusCode(200)
                .extract().jsonPath().getList("name");
    }

    @Test
    void hiding_the_personal_results_leaves_the_public_ones_and_archiving_keeps_them_for_the_participant_only() throws Exception {
        try (Upstream up = new Upstream()) {
            CalculationTest.World w = finalizedTour(up);
            move(up, w, "review");
            move(up, w, "finalized");
            UUID anna = w.participants().get("Анна Смирнова");
            UUID annaUser = w.users().get("Анна Смирнова");
            String personal = publication(up, "personal_results", Map.of("tourId", w.tour().toString()));
            String publicOne = publication(up, "public_results", Map.of("tourId", w.tour().toString(), "nameFormat", "surname_initial"));
            publicationTo(personal, "published");
            publicationTo(publicOne, "published");
            assertThat(publicNames(up, w)).containsExactly("Анна С.", "Борис К.", "Гоша Л.");

            // the personal results are taken down: the public results of the same scope stay public
            publicationTo(personal, "hidden");
            assertThat(publicNames(up, w)).containsExactly("Анна С.", "Борис К.", "Гоша Л.");
            user("participant", annaUser).get("/participants/{id}/results", anna).then().statusCode(200).body("", hasSize(1))
                    .body("[0].publicationStatus", equalTo("public")).body("[0].rank", equalTo(1));
            assertThat(TestSql.count(db, "select count(*) from outbox_events where type = 'result.unpublished' "
                    + "and payload->'after'->>'publication_id' = ?", personal)).isZero();

            // then the public ones too: nobody but the organisers sees anything
            publicationTo(publicOne, "hidden");
            assertThat(publicNames(up, w)).isEmpty();
            user("participant", annaUser).get("/participants/{id}/results", anna).then().statusCode(200).body("", empty());
            assertThat(TestSql.column(db, "select distinct publication_status::text from competition_results r "
                    + "join results_projection_tour_participations tp on tp.participant_id = r.participant_id where tp.tour_id = ?::uuid",
                    w.tour().toString())).containsExactly("hidden");

            // personal results shown again, then public ones hidden again: each participant still sees their own
            publicationTo(personal, "published");
            publicationTo(publicOne, "published");
            publicationTo(publicOne, "hidden");
            assertThat(publicNames(up, w)).isEmpty();
            user("participant", annaUser).get("/participants/{id}/results", anna).then().statusCode(200).body("", hasSize(1))
                    .body("[0].publicationStatus", equalTo("personal")).body("[0].score", equalTo(19.0f));

            // archived: the participant keeps their result as history, the public sees nothing, and it is final
            publicationTo(personal, "archived");
            user("participant", annaUser).get("/participants/{id}/results", anna).then().statusCode(200).body("", hasSize(1))
                    .body("[0].publicationStatus", equalTo("archived")).body("[0].awardStatusKey", equalTo("diploma_2"));
            user("participant", UUID.randomUUID()).get("/participants/{id}/results", anna).then().statusCode(404);
            assertThat(publicNames(up, w)).isEmpty();
            as("organizer").body(Map.of("to", "published")).post("/publications/{id}/transitions", personal).then().statusCode(409)
                    .body("currentState", equalTo("archived")).body("requestedState", equalTo("published"));
            // a hidden publication archived shows nothing again
            publicationTo(publicOne, "archived");
            assertThat(publicNames(up, w)).isEmpty();
        }
    }

    @Test
    void a_cleared_case_shows_the_withheld_result_in_the_publications_already_published() throws Exception {
        try (Upstream up = new Upstream()) {
            CalculationTest.World w = finalizedTour(up);
            UUID boris = w.participants().get("Борис Котов");
            String caseId = as("organizer").body(Map.of("participantId", boris, "submissionId", w.submissions().get("Борис Котов"),
                            "suspicionType", "identical_solutions", "evidenceRefs", List.of(Map.of("fileRef", "s3://evidence/2"))))
                    .post("/arbitration-cases").then().statusCode(201).extract().path("id");
            move(up, w, "review");
            move(up, w, "finalized");
            String personal = publication(up, "personal_results", Map.of("tourId", w.tour().toString()));
            String publicOne = publication(up, "public_results", Map.of("tourId", w.tour().toString(), "nameFormat", "surname_initial"));
            publicationTo(personal, "published");
            publicationTo(publicOne, "published");
            UUID borisUser = w.users().get("Борис Котов");
            user("participant", borisUser).get("/participants/{id}/results", boris).then().statusCode(200).body("", empty());
            assertThat(publicNames(up, w)).containsExactly("Анна С.", "Гоша Л.");

            as("organizer").body(Map.of("to", "in_review")).post("/arbitration-cases/{id}/transitions", caseId).then().statusCode(200);
            as("organizer").body(Map.of("to", "cleared", "decisionComment", "совпадение случайное"))
                    .post("/arbitration-cases/{id}/transitions", caseId).then().statusCode(200).body("status", equalTo("cleared"));

            // released into the publications that went out without it, without publishing them again
            user("participant", borisUser).get("/participants/{id}/results", boris).then().statusCode(200).body("", hasSize(1))
                    .body("[0].withheld", equalTo(false)).body("[0].score", equalTo(16.0f)).body("[0].rank", equalTo(2));
            assertThat(publicNames(up, w)).containsExactly("Анна С.", "Борис К.", "Гоша Л.");
            EventEnvelope shown = EventJson.read(TestSql.column(db, "select payload::text from outbox_events where type = 'result.published' "
                    + "and payload->'after'->>'participant_id' = ?", boris.toString()).get(0));
            assertThat(shown.after().path("publication_id").asText()).isEqualTo(publicOne);
            assertThat(shown.after().path("publication_status").asText()).isEqualTo("public");
            assertThat(shown.after().path("grade_category_id").asText()).isEqualTo(w.juniors().toString());
            assertThat(shown.before().path("publication_status").asText()).isEqualTo("hidden");
            assertThat(TestSql.count(db, "select count(*) from outbox_events where type = 'publication.published' "
                    + "and aggregate_id::text = any(string_to_array(?, ','))", personal + "," + publicOne)).isEqualTo(2);
        }
    }
}
