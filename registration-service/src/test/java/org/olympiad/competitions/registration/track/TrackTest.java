package org.olympiad.competitions.registration.track;

import org.olympiad.competitions.platform.testing.TestSql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.olympiad.competitions.registration.CatalogueFixtures.as;
import static org.olympiad.competitions.registration.CatalogueFixtures.createEvent;
import static org.olympiad.competitions.registration.CatalogueFixtures.createSeason;
import static org.olympiad.competitions.registration.CatalogueFixtures.createTour;
import static org.olympiad.competitions.registration.CatalogueFixtures.createTrack;

@QuarkusTest
class TrackTest {

    @Inject
    AgroalDataSource db;

    @Test
    void an_organizer_adds_season_wide_and_tour_tracks_that_anyone_signed_in_lists_by_key_and_reads() {
        String season = createSeason(createEvent());
        String tour = createTour(season, 1);
        String online = as("organizer").body(Map.of("key", "online", "title", " Онлайн ", "tourId", tour,
                        "settings", Map.of("proctoring", true)))
                .post("/seasons/{id}/tracks", season).then().statusCode(201)
                .body("id", notNullValue()).body("seasonId", equalTo(season)).body("tourId", equalTo(tour))
                .body("key", equalTo("online")).body("title", equalTo("Онлайн"))
                .body("settings.proctoring", equalTo(true))
                .extract().path("id");
        String main = createTrack(season, "main");
        as("organizer").get("/tracks/{id}", main).then().body("settings", equalTo(Map.of()));

        as("participant").get("/seasons/{id}/tracks", season).then().statusCode(200)
                .body("total", equalTo(2)).body("items.key", contains("main", "online"));
        as("participant").get("/tracks/{id}", online).then().statusCode(200)
                .body("tourId", equalTo(tour)).body("settings.proctoring", equalTo(true));
        as("participant").get("/tracks/{id}", main).then().statusCode(200).body("tourId", nullValue());
    }

    @Test
    void a_patch_changes_title_and_settings_but_never_the_key_or_the_tour() {
        String season = createSeason(createEvent());
        String track = createTrack(season, "main");
        as("organizer").body(Map.of("title", "Основной", "settings", Map.of("maxTeamSize", 3)))
                .patch("/tracks/{id}", track).then().statusCode(200)
                .body("title", equalTo("Основной")).body("settings.maxTeamSize", equalTo(3)).body("key", equalTo("main"));
        as("organizer").body(Map.of("key", "other")).patch("/tracks/{id}", track)
                .then().statusCode(400).body("field", equalTo("key")).body("rule", equalTo("unknown-field"));
        as("organizer").body(Map.of("tourId", createTour(season, 1))).patch("/tracks/{id}", track)
                .then().statusCode(400).body("field", equalTo("tourId")).body("rule", equalTo("unknown-field"));
        as("organizer").body(Map.of("settings", "strict")).patch("/tracks/{id}", track)
                .then().statusCode(422).body("field", equalTo("settings")).body("rule", equalTo("json-object"));
        as("organizer").get("/tracks/{id}", track).then().body("key", equalTo("main")).body("tourId", nullValue())
                .body("settings.maxTeamSize", equalTo(3));
    }

    @Test
    void a_key_is_unique_within_a_season_and_tour_including_season_wide_tracks() {
        String season = createSeason(createEvent());
        String first = createTour(season, 1);
        String second = createTour(season, 2);
        createTrack(season, "main");
        createTrack(season, first, "main");
        createTrack(season, second, "main");

        as("organizer").body(Map.of("key", "main", "title", "again")).post("/seasons/{id}/tracks", season)
                .then().statusCode(409).contentType("application/problem+json")
                .body("field", equalTo("key")).body("rule", equalTo("unique-in-season"));
        as("organizer").body(Map.of("key", "main", "title", "again", "tourId", first)).post("/seasons/{id}/tracks", season)
                .then().statusCode(409).body("field", equalTo("key")).body("rule", equalTo("unique-in-season"));
        createTrack(createSeason(createEvent()), "main");
        as("organizer").get("/seasons/{id}/tracks", season).then().body("total", equalTo(3));
    }

    @Test
    void a_key_outside_lowercase_letters_digits_dashes_and_underscores_is_a_400_naming_the_key() {
        String season = createSeason(createEvent());
        for (String bad : new String[]{"Main", "_main", "основной", "a/b", "x".repeat(64)}) {
            as("organizer").body(Map.of("key", bad, "title", "x")).post("/seasons/{id}/tracks", season)
                    .then().statusCode(400).body("field", equalTo("key")).body("rule", equalTo("pattern"));
        }
        as("organizer").body(Map.of("title", "x")).post("/seasons/{id}/tracks", season)
                .then().statusCode(400).body("field", equalTo("key")).body("rule", equalTo("not-blank"));
        as("organizer").get("/seasons/{id}/tracks", season).then().body("total", equalTo(0));
    }

    @Test
    void a_track_bound_to_another_seasons_tour_is_a_422_naming_tourId() throws Exception {
        String season = createSeason(createEvent());
        String foreignTour = createTour(createSeason(createEvent()), 1);
        as("organizer").body(Map.of("key", "online", "title", "x", "tourId", foreignTour))
                .post("/seasons/{id}/tracks", season).then().statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("tourId")).body("rule", equalTo("tour-of-season"));
        as("organizer").body(Map.of("key", "online", "title", "x", "tourId", UUID.randomUUID().toString()))
                .post("/seasons/{id}/tracks", season).then().statusCode(422).body("field", equalTo("tourId"));
        as("organizer").get("/seasons/{id}/tracks", season).then().body("total", equalTo(0));
        assertThat(trackEventsOfSeason(season)).isZero();
    }

    @Test
    void a_track_with_settings_that_are_not_an_object_is_a_422_naming_settings() {
        String season = createSeason(createEvent());
        as("organizer").body(Map.of("key", "main", "title", "x", "settings", List.of(1, 2)))
                .post("/seasons/{id}/tracks", season).then().statusCode(422)
                .body("field", equalTo("settings")).body("rule", equalTo("json-object"));
    }

    @Test
    void deleting_a_track_of_a_draft_season_publishes_its_last_state() throws Exception {
        String season = createSeason(createEvent());
        String track = createTrack(season, createTour(season, 1), "online");
        as("organizer").delete("/tracks/{id}", track).then().statusCode(204);
        as("organizer").get("/tracks/{id}", track).then().statusCode(404).contentType("application/problem+json");
        as("organizer").get("/seasons/{id}/tracks", season).then().body("total", equalTo(0));

        List<Map<String, String>> events = outboxOf(track);
        assertThat(events).extracting(e -> e.get("type")).containsExactly("track.created", "track.deleted");
        assertThat(events.get(1).get("before_key")).isEqualTo("online");
        assertThat(events.get(1).get("after")).isNull();
        assertThat(events.get(1).get("season_id")).isEqualTo(season);
    }

    @Test
    void deleting_a_track_after_the_season_opened_registration_is_a_409_and_it_stays_listed() throws Exception {
        String season = createSeason(createEvent());
        String track = createTrack(season, "main");
        as("organizer").body(Map.of("to", "registration_open")).post("/seasons/{id}/transitions", season)
                .then().statusCode(200);
        as("organizer").delete("/tracks/{id}", track).then().statusCode(409)
                .contentType("application/problem+json").body("currentState", equalTo("registration_open"));
        as("organizer").get("/seasons/{id}/tracks", season).then()
                .body("total", equalTo(1)).body("items.id", hasItem(track));
        assertThat(outboxOf(track)).extracting(e -> e.get("type")).containsExactly("track.created");
    }

    @Test
    void an_archived_season_gets_no_new_tracks_and_no_changes() {
        String season = createSeason(createEvent());
        String track = createTrack(season, "main");
        for (String next : new String[]{"registration_open", "running", "checking", "results_review", "published", "archived"}) {
            as("admin").body(Map.of("to", next)).post("/seasons/{id}/transitions", season).then().statusCode(200);
        }
        as("organizer").body(Map.of("key", "late", "title", "x")).post("/seasons/{id}/tracks", season)
                .then().statusCode(409).body("currentState", equalTo("archived"));
        as("organizer").body(Map.of("title", "renamed")).patch("/tracks/{id}", track)
                .then().statusCode(409).body("currentState", equalTo("archived"));
        as("organizer").get("/tracks/{id}", track).then().body("title", equalTo("Трек main"));
    }

    @Test
    void a_participant_may_read_tracks_but_not_create_change_or_delete_them() {
        String season = createSeason(createEvent());
        String track = createTrack(season, "main");
        as("participant").body(Map.of("key", "mine", "title", "x")).post("/seasons/{id}/tracks", season)
                .then().statusCode(403).contentType("application/problem+json");
        as("participant").body(Map.of("title", "mine")).patch("/tracks/{id}", track).then().statusCode(403);
        as("participant").delete("/tracks/{id}", track).then().statusCode(403);
        as("participant").get("/seasons/{id}/tracks", season).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void without_a_token_every_endpoint_is_a_401() {
        String season = createSeason(createEvent());
        String track = createTrack(season, "main");
        given().get("/seasons/{id}/tracks", season).then().statusCode(401);
        given().get("/tracks/{id}", track).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("key", "other", "title", "x"))
                .post("/seasons/{id}/tracks", season).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("title", "x")).patch("/tracks/{id}", track).then().statusCode(401);
        given().delete("/tracks/{id}", track).then().statusCode(401);
    }

    @Test
    void an_unknown_season_or_track_is_a_404() {
        String nobody = UUID.randomUUID().toString();
        as("organizer").body(Map.of("key", "main", "title", "x")).post("/seasons/{id}/tracks", nobody).then().statusCode(404);
        as("organizer").get("/seasons/{id}/tracks", nobody).then().statusCode(404);
        as("organizer").get("/tracks/{id}", nobody).then().statusCode(404);
        as("organizer").body(Map.of("title", "x")).patch("/tracks/{id}", nobody).then().statusCode(404);
        as("organizer").delete("/tracks/{id}", nobody).then().statusCode(404);
    }

    @Test
    void each_change_writes_one_outbox_row_with_before_and_after_and_a_refused_request_writes_none() throws Exception {
        String season = createSeason(createEvent());
        String track = createTrack(season, "main");
        as("organizer").body(Map.of("settings", Map.of("maxTeamSize", 3))).patch("/tracks/{id}", track).then().statusCode(200);
        as("organizer").body(Map.of("settings", Map.of("maxTeamSize", 3))).patch("/tracks/{id}", track).then().statusCode(200);

        List<Map<String, String>> events = outboxOf(track);
        assertThat(events).extracting(e -> e.get("type")).containsExactly("track.created", "track.updated");
        assertThat(events.get(0).get("before")).isNull();
        assertThat(events.get(0).get("after_title")).isEqualTo("Трек main");
        assertThat(events.get(0).get("after_has_tour_id")).as("snapshots use column names").isEqualTo("true");
        assertThat(events.get(1).get("before_settings")).isEqualTo("{}");
        assertThat(events.get(1).get("after_settings")).isEqualTo("{\"maxTeamSize\": 3}");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("season_id")).isEqualTo(season);
            assertThat(e.get("aggregate_type")).isEqualTo("competition_tracks");
        });

        as("organizer").body(Map.of("key", "main", "title", "again")).post("/seasons/{id}/tracks", season).then().statusCode(409);
        as("participant").body(Map.of("key", "other", "title", "x")).post("/seasons/{id}/tracks", season).then().statusCode(403);
        as("organizer").body(Map.of("settings", 5)).patch("/tracks/{id}", track).then().statusCode(422);
        assertThat(outboxOf(track)).hasSize(2);
        assertThat(trackEventsOfSeason(season)).isEqualTo(2);
    }

    /** The outbox rows of one track, oldest first, with the parts of the envelope the tests look at. */
    private List<Map<String, String>> outboxOf(String track) throws Exception {
        String sql = """
                select type, aggregate_type, payload->>'seasonId', payload->>'before', payload->>'after',
                       payload->'before'->>'key', payload->'after'->>'title', jsonb_exists(payload->'after', 'tour_id')::text,
                       payload->'before'->>'settings', payload->'after'->>'settings'
                from outbox_events where aggregate_id = ?::uuid order by occurred_at, id""";
        String[] names = {"type", "aggregate_type", "season_id", "before", "after", "before_key", "after_title",
                "after_has_tour_id", "before_settings", "after_settings"};
        return TestSql.rows(db, sql, names, track);
    }

    private long trackEventsOfSeason(String season) throws Exception {
        String sql = "select count(*) from outbox_events where aggregate_type = 'competition_tracks'"
                + " and payload->>'seasonId' = ?";
        return TestSql.count(db, sql, season);
    }
}
