package org.olympiad.competitions.documents.material;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.documents.Feeds;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.olympiad.competitions.documents.Feeds.as;
import static org.olympiad.competitions.documents.Feeds.awaitJob;

/** Teacher materials: CRUD with visibility and availability window, and materials generated from templates. */
@QuarkusTest
class TeacherMaterialTest {

    Feeds feeds;

    @BeforeEach
    void connect() {
        feeds = new Feeds();
    }

    @AfterEach
    void close() {
        feeds.close();
    }

    private static Map<String, Object> material(String type, String visibility) {
        Map<String, Object> body = new HashMap<>();
        body.put("materialType", type);
        body.put("title", "Афиша тура");
        body.put("textContent", "Приходите на олимпиаду!");
        body.put("visibility", visibility);
        return body;
    }

    @Test
    void a_material_is_seen_by_its_audience_once_published_and_within_its_window() {
        UUID season = UUID.randomUUID();
        String forTeachers = as("organizer").body(material("poster", "teacher")).post("/seasons/{id}/teacher-materials", season)
                .then().statusCode(201).body("status", equalTo("draft")).body("visibility", equalTo("teacher"))
                .extract().path("id");
        Map<String, Object> later = material("announcement_text", "public");
        later.put("availableFrom", Instant.now().plus(Duration.ofDays(3)).toString());
        String notYet = as("organizer").body(later).post("/seasons/{id}/teacher-materials", season).then().statusCode(201)
                .extract().path("id");

        as("teacher").get("/teacher-materials/{id}", forTeachers).then().statusCode(404); // a draft
        as("organizer").body(Map.of("to", "published")).post("/teacher-materials/{id}/transitions", forTeachers)
                .then().statusCode(200).body("status", equalTo("published"));
        as("organizer").body(Map.of("to", "published")).post("/teacher-materials/{id}/transitions", notYet)
                .then().statusCode(200);

        as("teacher").get("/teacher-materials/{id}", forTeachers).then().statusCode(200).body("title", equalTo("Афиша тура"));
        as("participant").get("/teacher-materials/{id}", forTeachers).then().statusCode(404);
        List<String> teacherSees = as("teacher").get("/seasons/{id}/teacher-materials", season).then().statusCode(200)
                .extract().path("id");
        assertThat(teacherSees).containsExactly(forTeachers); // the other one opens in three days
        List<String> organiserSees = as("organizer").get("/seasons/{id}/teacher-materials", season).then().statusCode(200)
                .extract().path("id");
        assertThat(organiserSees).containsExactlyInAnyOrder(forTeachers, notYet);
    }

    @Test
    void bad_input_and_illegal_moves_are_refused_and_change_nothing() {
        UUID season = UUID.randomUUID();
        as("organizer").body(material("flyer", "teacher")).post("/seasons/{id}/teacher-materials", season)
                .then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> backwards = material("banner", "public");
        backwards.put("availableFrom", "2027-03-01T00:00:00Z");
        backwards.put("availableUntil", "2027-02-01T00:00:00Z");
        as("organizer").body(backwards).post("/seasons/{id}/teacher-materials", season).then().statusCode(422)
                .body("field", equalTo("availableUntil"));
        as("teacher").body(material("banner", "public")).post("/seasons/{id}/teacher-materials", season)
                .then().statusCode(403);
        Map<String, Object> listAsFile = material("banner", "public");
        listAsFile.put("fileRef", List.of(1, 2)); // once stored, a list made the material unreadable (a 500)
        as("organizer").body(listAsFile).post("/seasons/{id}/teacher-materials", season).then().statusCode(422)
                .contentType("application/problem+json").body("field", equalTo("fileRef"));
        Map<String, Object> numberedType = material("banner", "public");
        numberedType.put("materialType", 3); // Jackson alone would take the fourth constant
        as("organizer").body(numberedType).post("/seasons/{id}/teacher-materials", season).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("materialType"));
        assertThat(as("organizer").get("/seasons/{id}/teacher-materials", season).then().statusCode(200)
                .extract().<List<String>>path("id")).isEmpty();

        String id = as("organizer").body(material("banner", "public")).post("/seasons/{id}/teacher-materials", season)
                .then().statusCode(201).extract().path("id");
        as("organizer").body(Map.of("to", "published")).post("/teacher-materials/{id}/transitions", id).then().statusCode(200);
        as("organizer").body(Map.of("to", "draft")).post("/teacher-materials/{id}/transitions", id).then().statusCode(409)
                .body("currentState", equalTo("published")).body("requestedState", equalTo("draft"));
        as("organizer").delete("/teacher-materials/{id}", id).then().statusCode(409);
        as("organizer").body(Map.of("title", "Новый баннер")).patch("/teacher-materials/{id}", id).then().statusCode(200)
                .body("title", equalTo("Новый баннер"));
        as("organizer").body(Map.of("to", "archived")).post("/teacher-materials/{id}/transitions", id).then().statusCode(200);
        as("organizer").body(Map.of("title", "Ещё")).patch("/teacher-materials/{id}", id).then().statusCode(409);
        as("organizer").get("/teacher-materials/{id}", id).then().body("title", equalTo("Новый баннер"));

        String draft = as("organizer").body(material("poster", "admin")).post("/seasons/{id}/teacher-materials", season)
                .then().statusCode(201).extract().path("id");
        as("organizer").delete("/teacher-materials/{id}", draft).then().statusCode(204);
        as("organizer").get("/teacher-materials/{id}", draft).then().statusCode(404);
    }

    @Test
    void a_teacher_generates_the_participant_list_of_their_group_from_the_seasons_data() {
        Feeds.Season season = feeds.season("Олимпиада по математике", "Сезон 2026/27");
        UUID teacher = UUID.randomUUID();
        UUID group = feeds.group(season, teacher, "7 «А»");
        feeds.groupMember(group, feeds.participant(season, "Яковлева Яна", UUID.randomUUID()), "active");
        feeds.groupMember(group, feeds.participant(season, "Андреев Андрей", UUID.randomUUID()), "active");
        feeds.groupMember(group, feeds.participant(season, "Ушедший Ученик", UUID.randomUUID()), "removed");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("teacher", teacher)
                .body(Map.of("materialType", "participant_list", "groupId", group.toString()))
                .post("/seasons/{id}/teacher-materials/generated", season.id()).then().statusCode(201)
                .body("generated", equalTo(true)).body("visibility", equalTo("teacher"))
                .body("title", equalTo("Список участников — 7 «А»"))
                .body("textContent", containsString("1. Андреев Андрей"))
                .body("textContent", containsString("2. Яковлева Яна"))
                .body("textContent", containsString("Всего участников: 2"))
                .body("textContent", containsString("Олимпиада по математике"))
                .body("sourceRef.template", equalTo("materials/participant_list.txt")));

        as("teacher").body(Map.of("materialType", "participant_list", "groupId", group.toString()))
                .post("/seasons/{id}/teacher-materials/generated", season.id()).then().statusCode(403);
        as("teacher", teacher).body(Map.of("materialType", "results_news"))
                .post("/seasons/{id}/teacher-materials/generated", season.id()).then().statusCode(403);
        as("organizer").body(Map.of("materialType", "poster"))
                .post("/seasons/{id}/teacher-materials/generated", season.id()).then().statusCode(422)
                .body("field", equalTo("materialType"));
    }

    @Test
    void results_news_and_instructions_are_filled_from_the_season() {
        Feeds.Season season = feeds.season("Турнир юных физиков", "Сезон 2026/27");
        UUID publication = UUID.randomUUID();
        feeds.published(feeds.result(season, feeds.participant(season, "Первый Пётр", null), publication, "diploma_1", null));
        feeds.published(feeds.result(season, feeds.participant(season, "Второй Виктор", null), publication, "honorable_mention_2", null));
        feeds.publicationPublished(season, publication, 2);
        awaitJob(publication, "succeeded");

        as("organizer").body(Map.of("materialType", "results_news"))
                .post("/seasons/{id}/teacher-materials/generated", season.id()).then().statusCode(201)
                .body("visibility", equalTo("public"))
                .body("textContent", containsString("Подведены итоги: Турнир юных физиков, Сезон 2026/27"))
                .body("textContent", containsString("выдано 1 дипломов победителей и призёров, 1 похвальных грамот"));
        for (String type : List.of("teacher_instruction", "student_instruction", "parent_instruction", "report_template")) {
            as("organizer").body(Map.of("materialType", type)).post("/seasons/{id}/teacher-materials/generated", season.id())
                    .then().statusCode(201).body("materialType", equalTo(type))
                    .body("textContent", containsString("Турнир юных физиков"));
        }
        as("organizer").body(Map.of("materialType", "results_news"))
                .post("/seasons/{id}/teacher-materials/generated", UUID.randomUUID()).then().statusCode(404);
    }
}
