package org.olympiad.competitions.registration.gradecategory;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.olympiad.competitions.registration.CatalogueFixtures.as;
import static org.olympiad.competitions.registration.CatalogueFixtures.createEvent;
import static org.olympiad.competitions.registration.CatalogueFixtures.createGradeCategory;
import static org.olympiad.competitions.registration.CatalogueFixtures.createSeason;

@QuarkusTest
class GradeCategoryTest {

    @Inject
    AgroalDataSource db;

    @Test
    void an_organizer_adds_grade_categories_that_anyone_signed_in_lists_by_key_and_reads() {
        String season = createSeason(createEvent());
        as("organizer").body(Map.of("key", "grades_7-8", "title", "  7–8 классы ", "gradeRangeKey", "7-8"))
                .post("/seasons/{id}/grade-categories", season).then().statusCode(201)
                .body("id", notNullValue()).body("seasonId", equalTo(season)).body("key", equalTo("grades_7-8"))
                .body("title", equalTo("7–8 классы")).body("gradeRangeKey", equalTo("7-8"))
                .body("createdAt", notNullValue());
        String first = createGradeCategory(season, "grades_5-6");

        as("participant").get("/seasons/{id}/grade-categories", season).then().statusCode(200)
                .body("total", equalTo(2)).body("items.key", contains("grades_5-6", "grades_7-8"));
        as("participant").get("/grade-categories/{id}", first).then().statusCode(200)
                .body("key", equalTo("grades_5-6")).body("seasonId", equalTo(season));
    }

    @Test
    void a_patch_changes_title_and_grade_range_but_never_the_key() {
        String category = createGradeCategory(createSeason(createEvent()), "juniors");
        as("organizer").body(Map.of("title", "Младшие", "gradeRangeKey", "5-6")).patch("/grade-categories/{id}", category)
                .then().statusCode(200).body("title", equalTo("Младшие")).body("gradeRangeKey", equalTo("5-6"))
                .body("key", equalTo("juniors"));
        as("organizer").body(Map.of("key", "seniors")).patch("/grade-categories/{id}", category)
                .then().statusCode(400).body("field", equalTo("key")).body("rule", equalTo("unknown-field"));
        as("organizer").body(Map.of("title", " ")).patch("/grade-categories/{id}", category)
                .then().statusCode(400).body("field", equalTo("title"));
        as("organizer").get("/grade-categories/{id}", category).then().body("key", equalTo("juniors"))
                .body("title", equalTo("Младшие"));
    }

    @Test
    void a_key_is_unique_within_a_season_but_may_repeat_in_another() {
        String season = createSeason(createEvent());
        createGradeCategory(season, "juniors");
        as("organizer").body(Map.of("key", "juniors", "title", "again")).post("/seasons/{id}/grade-categories", season)
                .then().statusCode(409).contentType("application/problem+json")
                .body("field", equalTo("key")).body("rule", equalTo("unique-in-season"));
        createGradeCategory(createSeason(createEvent()), "juniors");
        as("organizer").get("/seasons/{id}/grade-categories", season).then().body("total", equalTo(1));
    }

    @Test
    void a_key_outside_lowercase_letters_digits_dashes_and_underscores_is_a_400_naming_the_key() {
        String season = createSeason(createEvent());
        for (String bad : new String[]{"Juniors", "-juniors", "младшие", "a b", "x".repeat(64)}) {
            as("organizer").body(Map.of("key", bad, "title", "x")).post("/seasons/{id}/grade-categories", season)
                    .then().statusCode(400).body("field", equalTo("key")).body("rule", equalTo("pattern"));
        }
        as("organizer").body(Map.of("title", "x")).post("/seasons/{id}/grade-categories", season)
                .then().statusCode(400).body("field", equalTo("key")).body("rule", equalTo("not-blank"));
        as("organizer").get("/seasons/{id}/grade-categories", season).then().body("total", equalTo(0));
    }

    @Test
    void deleting_a_category_of_a_draft_season_publishes_its_last_state() throws Exception {
        String season = createSeason(createEvent());
        String category = createGradeCategory(season, "juniors");
        as("organizer").delete("/grade-categories/{id}", category).then().statusCode(204);
        as("organizer").get("/grade-categories/{id}", category).then().statusCode(404)
                .contentType("application/problem+json");
        as("organizer").get("/seasons/{id}/grade-categories", season).then().body("total", equalTo(0));

        List<Map<String, String>> events = outboxOf(category);
        assertThat(events).extracting(e -> e.get("type"))
                .containsExactly("grade_category.created", "grade_category.deleted");
        Map<String, String> deleted = events.get(1);
        assertThat(deleted.get("before_key")).isEqualTo("juniors");
        assertThat(deleted.get("after")).isNull();
        assertThat(deleted.get("season_id")).isEqualTo(season);
    }

    @Test
    void deleting_a_category_after_the_season_opened_registration_is_a_409_and_it_stays_listed() throws Exception {
        String season = createSeason(createEvent());
        String category = createGradeCategory(season, "juniors");
        as("organizer").body(Map.of("to", "registration_open")).post("/seasons/{id}/transitions", season)
                .then().statusCode(200);
        as("organizer").delete("/grade-categories/{id}", category).then().statusCode(409)
                .contentType("application/problem+json").body("currentState", equalTo("registration_open"));
        as("organizer").get("/seasons/{id}/grade-categories", season).then()
                .body("total", equalTo(1)).body("items.id", hasItem(category));
        assertThat(outboxOf(category)).extracting(e -> e.get("type")).containsExactly("grade_category.created");
    }

    @Test
    void a_cancelled_season_gets_no_new_categories_and_no_changes() {
        String season = createSeason(createEvent());
        String category = createGradeCategory(season, "juniors");
        as("organizer").body(Map.of("to", "cancelled", "reason", "merged into spring"))
                .post("/seasons/{id}/transitions", season).then().statusCode(200);
        as("organizer").body(Map.of("key", "seniors", "title", "Старшие")).post("/seasons/{id}/grade-categories", season)
                .then().statusCode(409).body("currentState", equalTo("cancelled"));
        as("organizer").body(Map.of("title", "renamed")).patch("/grade-categories/{id}", category)
                .then().statusCode(409).body("currentState", equalTo("cancelled"));
        as("organizer").delete("/grade-categories/{id}", category).then().statusCode(409);
        as("organizer").get("/grade-categories/{id}", category).then().body("title", equalTo("Категория juniors"));
    }

    @Test
    void a_participant_may_read_categories_but_not_create_change_or_delete_them() {
        String season = createSeason(createEvent());
        String category = createGradeCategory(season, "juniors");
        as("participant").body(Map.of("key", "seniors", "title", "Старшие")).post("/seasons/{id}/grade-categories", season)
                .then().statusCode(403).contentType("application/problem+json");
        as("participant").body(Map.of("title", "mine")).patch("/grade-categories/{id}", category).then().statusCode(403);
        as("participant").delete("/grade-categories/{id}", category).then().statusCode(403);
        as("participant").get("/grade-categories/{id}", category).then().statusCode(200).body("title", equalTo("Категория juniors"));
    }

    @Test
    void without_a_token_every_endpoint_is_a_401() {
        String season = createSeason(createEvent());
        String category = createGradeCategory(season, "juniors");
        given().get("/seasons/{id}/grade-categories", season).then().statusCode(401);
        given().get("/grade-categories/{id}", category).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("key", "seniors", "title", "x"))
                .post("/seasons/{id}/grade-categories", season).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("title", "x")).patch("/grade-categories/{id}", category)
                .then().statusCode(401);
        given().delete("/grade-categories/{id}", category).then().statusCode(401);
    }

    @Test
    void an_unknown_season_or_category_is_a_404() {
        String nobody = UUID.randomUUID().toString();
        as("organizer").body(Map.of("key", "juniors", "title", "x")).post("/seasons/{id}/grade-categories", nobody)
                .then().statusCode(404);
        as("organizer").get("/seasons/{id}/grade-categories", nobody).then().statusCode(404);
        as("organizer").get("/grade-categories/{id}", nobody).then().statusCode(404);
        as("organizer").body(Map.of("title", "x")).patch("/grade-categories/{id}", nobody).then().statusCode(404);
        as("organizer").delete("/grade-categories/{id}", nobody).then().statusCode(404);
    }

    @Test
    void each_change_writes_one_outbox_row_with_before_and_after_and_a_refused_request_writes_none() throws Exception {
        String season = createSeason(createEvent());
        String category = createGradeCategory(season, "juniors");
        as("organizer").body(Map.of("title", "Младшие")).patch("/grade-categories/{id}", category).then().statusCode(200);
        as("organizer").body(Map.of("title", "Младшие")).patch("/grade-categories/{id}", category).then().statusCode(200);

        List<Map<String, String>> events = outboxOf(category);
        assertThat(events).extracting(e -> e.get("type")).containsExactly("grade_category.created", "grade_category.updated");
        assertThat(events.get(0).get("before")).isNull();
        assertThat(events.get(0).get("after_title")).isEqualTo("Категория juniors");
        assertThat(events.get(0).get("after_grade_range_key")).isEqualTo("grades_juniors");
        assertThat(events.get(1).get("before_title")).isEqualTo("Категория juniors");
        assertThat(events.get(1).get("after_title")).isEqualTo("Младшие");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("season_id")).isEqualTo(season);
            assertThat(e.get("aggregate_type")).isEqualTo("competition_grade_categories");
        });

        as("organizer").body(Map.of("key", "juniors", "title", "again")).post("/seasons/{id}/grade-categories", season)
                .then().statusCode(409);
        as("organizer").body(Map.of("key", "Bad Key", "title", "x")).post("/seasons/{id}/grade-categories", season)
                .then().statusCode(400);
        as("participant").body(Map.of("key", "seniors", "title", "x")).post("/seasons/{id}/grade-categories", season)
                .then().statusCode(403);
        as("organizer").body(Map.of("gradeRangeKey", "")).patch("/grade-categories/{id}", category).then().statusCode(400);
        assertThat(outboxOf(category)).hasSize(2);
        assertThat(categoryEventsOfSeason(season)).isEqualTo(2);
    }

    /** The outbox rows of one category, oldest first, with the parts of the envelope the tests look at. */
    private List<Map<String, String>> outboxOf(String category) throws Exception {
        String sql = """
                select type, aggregate_type, payload->>'seasonId', payload->>'before', payload->>'after',
                       payload->'before'->>'key', payload->'before'->>'title',
                       payload->'after'->>'title', payload->'after'->>'grade_range_key'
                from outbox_events where aggregate_id = ?::uuid order by occurred_at, id""";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, category);
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, String>> rows = new ArrayList<>();
                String[] names = {"type", "aggregate_type", "season_id", "before", "after", "before_key", "before_title",
                        "after_title", "after_grade_range_key"};
                while (rs.next()) {
                    Map<String, String> row = new java.util.HashMap<>();
                    for (int i = 0; i < names.length; i++) {
                        row.put(names[i], rs.getString(i + 1));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    private long categoryEventsOfSeason(String season) throws Exception {
        String sql = "select count(*) from outbox_events where aggregate_type = 'competition_grade_categories'"
                + " and payload->>'seasonId' = ?";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, season);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
