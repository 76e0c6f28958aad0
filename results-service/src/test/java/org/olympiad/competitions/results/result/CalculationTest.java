package org.olympiad.competitions.results.result;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.platform.testing.TestSql;
import org.olympiad.competitions.platform.testing.TestTokens;
import org.olympiad.competitions.results.Upstream;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/** A tour's and a season's results from projected scores, by award policy, with dry runs and the lifecycle. */
@QuarkusTest
public class CalculationTest {

    @Inject
    AgroalDataSource db;

    @org.junit.jupiter.api.BeforeEach
    void consumersReady() {
        Upstream.awaitConsumers(db);
    }

    public static RequestSpecification as(String role) {
        return RestAssured.given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    /** A season with one tour, one track, two grade categories, and participants with the given scores. */
    public record World(Upstream up, UUID tour, UUID track, UUID juniors, UUID seniors, Map<String, UUID> participants,
                        Map<String, UUID> submissions, Map<String, UUID> tourParticipations, UUID item1, UUID item2,
                        Map<String, UUID> users) {
    }

    /** names: "Имя:grade:score1:score2"; every score out of 10 per item, two items. */
    public static World world(Upstream up, String... names) throws Exception {
        up.seasonStatus("checking");
        UUID tour = up.tour(1, "checking");
        UUID track = up.track("main");
        UUID juniors = up.gradeCategory("g5_6", "5-6");
        UUID seniors = up.gradeCategory("g7_8", "7-8");
        UUID item1 = UUID.randomUUID();
        UUID item2 = UUID.randomUUID();
        Map<String, UUID> participants = new LinkedHashMap<>();
        Map<String, UUID> submissions = new LinkedHashMap<>();
        Map<String, UUID> tps = new LinkedHashMap<>();
        Map<String, UUID> users = new LinkedHashMap<>();
        for (String spec : names) {
            String[] f = spec.split(":");
            UUID user = UUID.randomUUID();
            users.put(f[0], user);
            UUID p = up.participant(f[0], f[1], user, true);
            UUID tp = up.tourParticipation(tour, p, track, null, "completed");
            UUID sub = up.submission(tp, "checked");
            up.score(sub, item1, 1, f[2], "10").score(sub, item2, 1, f[3], "10");
            participants.put(f[0], p);
            submissions.put(f[0], sub);
            tps.put(f[0], tp);
        }
        up.flush();
        return new World(up, tour, track, juniors, seniors, participants, submissions, tps, item1, item2, users);
    }

    public static void awaitScores(AgroalDataSource db, World w, int expected) {
        await().atMost(Duration.ofSeconds(120)).until(() -> TestSql.count(db,
                "select count(*) from results_projection_scores s join results_projection_submissions sub on sub.id = s.submission_id "
                        + "join results_projection_tour_participations tp on tp.id = sub.tour_participation_id "
                        + "join results_projection_participants p on p.id = tp.participant_id and p.grade_category_id is not null "
                        + "where tp.season_id = ?::uuid", w.up().season.toString()) == expected);
    }

    public static String policy(UUID season, String rules) {
        return as("organizer").body("{\"rules\":" + rules.replace('\'', '"') + "}")
                .post("/seasons/{id}/award-policies", season).then().statusCode(201).extract().path("id");
    }

    public static final String RULES = "{'minimumScore':{'shareOfMax':0.5,'comparison':'more_than'},"
            + "'awards':[{'status':'diploma_1','cumulativeShare':0.2},{'status':'diploma_2','cumulativeShare':0.5}],"
            + "'tieAtQuotaEdge':'all_in','participationCertificates':'all'}";

    @Test
    void a_tour_is_ranked_and_awarded_per_grade_category_with_the_thresholds_stored_on_every_result() throws Exception {
        try (Upstream up = new Upstream()) {
            World w = world(up, "Аня:5:10:9", "Борис:6:8:8", "Вера:6:8:8", "Гоша:5:5:1", "Дима:5:3:2",
                    "Елена:7:9:9", "Жора:8:4:4");
            awaitScores(db, w, 14);
            // nothing to apply yet
            as("organizer").body(Map.of("seasonId", up.season, "tourId", w.tour())).post("/results/calculations")
                    .then().statusCode(422).body("field", equalTo("awardPolicy"));
            policy(up.season, RULES);

            var dry = as("organizer").body(Map.of("seasonId", up.season, "tourId", w.tour(), "dryRun", true))
                    .post("/results/calculations").then().statusCode(200)
                    .body("dryRun", equalTo(true)).body("created", equalTo(7)).body("participants", equalTo(7))
                    .extract().jsonPath();
            assertThat(dry.getList("changes.after.rank")).hasSize(7);
            assertThat(results(up.season)).isEmpty();

            as("organizer").body(Map.of("seasonId", up.season, "tourId", w.tour())).post("/results/calculations")
                    .then().statusCode(200).body("created", equalTo(7)).body("changed", equalTo(0));
            Map<String, String> byName = standings(w);
            // juniors: Аня 19 (rank 1), Борис & Вера 16 (rank 2, tied), Гоша 6, Дима 5: 20% of 5 = 1 winner; 50% of 5
            // = 2.5 → 2 with the tie at the edge all in → 3 (Аня, Борис, Вера); min "more than 10 of 20" keeps Гоша out
            assertThat(byName).containsEntry("Аня", "1|19.00|diploma_1").containsEntry("Борис", "2|16.00|diploma_2")
                    .containsEntry("Вера", "2|16.00|diploma_2").containsEntry("Гоша", "4|6.00|participation_certificate")
                    .containsEntry("Дима", "5|5.00|participation_certificate");
            // seniors are their own group: 20% of 2 = 0 winners, 50% = 1
            assertThat(byName).containsEntry("Елена", "1|18.00|diploma_2").containsEntry("Жора", "2|8.00|participation_certificate");

            String snapshot = TestSql.column(db, "select threshold_policy_snapshot::text from competition_results "
                    + "where participant_id = ?::uuid", w.participants().get("Вера").toString()).get(0);
            var s = EventJson.mapper().readTree(snapshot);
            assertThat(s.path("maxScore").decimalValue()).isEqualByComparingTo("20");
            assertThat(s.path("participants").asInt()).isEqualTo(5);
            assertThat(s.path("thresholds").get(1).path("quota").asInt()).isEqualTo(2);
            assertThat(s.path("thresholds").get(1).path("cutoff").asInt()).isEqualTo(3);
            assertThat(s.path("rules").path("tieAtQuotaEdge").asText()).isEqualTo("all_in");
            // the result.calculated event carries the stored row, column for column
            String vera = w.participants().get("Вера").toString();
            assertThat(EventJson.mapper().readTree(TestSql.column(db, "select payload->>'after' from outbox_events "
                    + "where type = 'result.calculated' and payload->'after'->>'participant_id' = ?", vera).get(0)))
                    .isEqualTo(EventJson.mapper().readTree(TestSql.column(db, "select to_jsonb(r)::text from competition_results r "
                            + "where participant_id = ?::uuid", vera).get(0)));

            // every result has its event; the ranking is stored per track over both categories
            assertThat(TestSql.count(db, "select count(*) from outbox_events where type = 'result.calculated' "
                    + "and payload->>'seasonId' = ?", up.season.toString())).isEqualTo(7);
            as("organizer").get("/seasons/{id}/rankings?tourId=" + w.tour(), up.season).then().statusCode(200)
                    .body("total", equalTo(7)).body("items[0].displayName", equalTo("Аня")).body("items[0].rank", equalTo(1))
                    .body("items[1].rank", equalTo(2)).body("items[1].displayName", equalTo("Елена"));
        }
    }

    @Test
    void a_recalculation_before_finalization_changes_only_what_moved_and_a_finalized_scope_is_refused() throws Exception {
        try (Upstream up = new Upstream()) {
            World w = world(up, "Аня:5:10:9", "Борис:6:8:8", "Гоша:5:5:1");
            awaitScores(db, w, 6);
            policy(up.season, RULES);
            Map<String, Object> tour = Map.of("seasonId", up.season, "tourId", w.tour());
            as("organizer").body(tour).post("/results/calculations").then().statusCode(200).body("created", equalTo(3));
            as("organizer").body(tour).post("/results/calculations").then().statusCode(200)
                    .body("created", equalTo(0)).body("unchanged", equalTo(3)).body("changed", equalTo(0));

            // Гоша's work is re-checked (5 → 10, 1 → 10): he overtakes both, and the one diploma moves to him
            up.score(w.submissions().get("Гоша"), w.item1(), 2, "10", "10").score(w.submissions().get("Гоша"), w.item2(), 2, "10", "10").flush();
            await().atMost(Duration.ofSeconds(120)).until(() -> TestSql.count(db, "select count(*) from results_projection_scores "
                    + "where submission_id = ?::uuid and score_version = 2", w.submissions().get("Гоша").toString()) == 2);
            var dry = as("organizer").body(Map.of("seasonId", up.season, "tourId", w.tour(), "dryRun", true))
                    .post("/results/calculations").then().statusCode(200).body("changed", equalTo(3)).extract().jsonPath();
            assertThat(dry.getList("changes.participantId")).containsExactlyInAnyOrder(w.participants().get("Гоша").toString(),
                    w.participants().get("Аня").toString(), w.participants().get("Борис").toString());
            assertThat(standings(w)).containsEntry("Гоша", "3|6.00|participation_certificate"); // dry: nothing stored

            as("organizer").body(tour).post("/results/calculations").then().statusCode(200).body("changed", equalTo(3));
            assertThat(standings(w)).containsEntry("Гоша", "1|20.00|diploma_2")
                    .containsEntry("Аня", "2|19.00|participation_certificate")
                    .containsEntry("Борис", "3|16.00|participation_certificate");
            String recalculated = TestSql.column(db, "select payload::text from outbox_events where type = 'result.recalculated' "
                    + "and payload->'after'->>'participant_id' = ?", w.participants().get("Гоша").toString()).get(0);
            var event = EventJson.read(recalculated);
            assertThat(event.before().path("score").decimalValue()).isEqualByComparingTo("6");
            assertThat(event.after().path("score").decimalValue()).isEqualByComparingTo("20");

            // review, then finalized; a second finalize moves nothing; a recalculation is refused now
            Map<String, Object> move = new LinkedHashMap<>(tour);
            move.put("to", "finalized");
            as("organizer").body(move).post("/results/transitions").then().statusCode(409)
                    .body("currentState", equalTo("calculated")).body("requestedState", equalTo("finalized"));
            move.put("to", "review");
            as("organizer").body(move).post("/results/transitions").then().statusCode(200).body("moved", equalTo(3));
            move.put("to", "finalized");
            as("organizer").body(move).post("/results/transitions").then().statusCode(200).body("moved", equalTo(3));
            as("organizer").body(tour).post("/results/calculations").then().statusCode(409)
                    .body("currentState", equalTo("finalized"));
            assertThat(TestSql.column(db, "select distinct status from competition_results where season_id = ?::uuid",
                    up.season.toString())).containsExactly("finalized");
            // a finalized result can be voided with a reason, never deleted
            String id = results(up.season).get(0);
            as("organizer").body(Map.of()).post("/results/{id}/void", id).then().statusCode(400);
            as("organizer").body(Map.of("reason", "двойная регистрация")).post("/results/{id}/void", id)
                    .then().statusCode(200).body("status", equalTo("void"));
            as("organizer").body(Map.of("reason", "ещё раз")).post("/results/{id}/void", id)
                    .then().statusCode(409).body("currentState", equalTo("void"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
                try (var c = db.getConnection(); var st = c.createStatement()) {
                    st.executeUpdate("delete from competition_results where id = '" + id + "'");
                }
            }).hasMessageContaining("never deleted");
        }
    }

    @Test
    void a_season_counts_the_best_of_its_tours_and_only_organisers_calculate() throws Exception {
        try (Upstream up = new Upstream()) {
            World w = world(up, "Аня:5:10:10", "Борис:5:2:2");
            UUID second = up.tour(2, "checking");
            UUID item = UUID.randomUUID();
            for (String name : List.of("Аня", "Борис")) {
                UUID tp = up.tourParticipation(second, w.participants().get(name), w.track(), null, "completed");
                UUID sub = up.submission(tp, "checked");
                up.score(sub, item, 1, name.equals("Аня") ? "1" : "30", "30");
            }
            up.flush();
            awaitScores(db, w, 6);
            policy(up.season, "{'countedTours':{'mode':'best_of','count':1},'awards':[{'status':'diploma_1','cumulativeShare':0.5}]}");
            as("teacher").body(Map.of("seasonId", up.season)).post("/results/calculations").then().statusCode(403);
            as("organizer").body(Map.of("seasonId", up.season)).post("/results/calculations").then().statusCode(200)
                    .body("created", equalTo(2)).body("tourId", nullValue());
            assertThat(TestSql.column(db, "select score::text || '|' || award_status_key from competition_results "
                    + "where season_id = ?::uuid and tour_id is null order by rank", up.season.toString()))
                    .containsExactly("30.00|diploma_1", "20.00|no_award");
            as("organizer").get("/seasons/{id}/results", up.season).then().statusCode(200)
                    .body("items.score", hasItems(30.0f, 20.0f));
        }
    }

    private List<String> results(UUID season) throws Exception {
        return TestSql.column(db, "select id::text from competition_results where season_id = ?::uuid", season.toString());
    }

    private Map<String, String> standings(World w) throws Exception {
        Map<String, String> byName = new LinkedHashMap<>();
        for (var e : w.participants().entrySet()) {
            List<String> r = TestSql.column(db, "select rank || '|' || score || '|' || award_status_key from competition_results "
                    + "where participant_id = ?::uuid and status <> 'void' and tour_id is not null", e.getValue().toString());
            if (!r.isEmpty()) {
                byName.put(e.getKey(), r.get(0));
            }
        }
        return byName;
    }
}
