package org.olympiad.competitions.attempt;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.olympiad.competitions.platform.testing.TestTokens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Builds activities over HTTP, as an organiser's front end would. */
public final class Fixtures {

    private Fixtures() {
    }

    public static RequestSpecification as(String role) {
        return as(role, UUID.randomUUID());
    }

    public static RequestSpecification as(String role, UUID user) {
        return given().header("Authorization", TestTokens.bearer(role, user)).contentType(ContentType.JSON);
    }

    /** A task: its number, max score and key (null for an item checked by hand). */
    public record Task(int number, double maxScore, Map<String, Object> key) {
    }

    public record Activity(String bindingId, String structureId, List<String> itemIds) {
        public String item(int number) {
            return itemIds.get(number - 1);
        }
    }

    public static Activity lockedActivity(UUID tourId, List<Task> tasks) {
        return lockedActivity(tourId, tasks, Map.of());
    }

    /** A binding with one structure holding the tasks (numbered from 1), locked. */
    public static Activity lockedActivity(UUID tourId, List<Task> tasks, Map<String, Object> structureSnapshot) {
        String binding = as("organizer").body(Map.of("mode", "lms_activity", "lmsActivityRef", Map.of("activity_id", "act-1")))
                .post("/tours/{id}/activity-bindings", tourId).then().statusCode(201).extract().path("id");
        double total = tasks.stream().mapToDouble(Task::maxScore).sum();
        String structure = as("organizer").body(Map.of("taskCount", tasks.size(), "maxTotalScore", total,
                        "structureSnapshot", structureSnapshot))
                .post("/activity-bindings/{id}/task-structures", binding).then().statusCode(201).extract().path("id");
        List<String> items = new ArrayList<>();
        for (Task task : tasks) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("taskNumber", task.number());
            body.put("displayTitle", "Задача " + task.number());
            body.put("maxScore", task.maxScore());
            if (task.key() != null) {
                body.put("scoringSnapshot", task.key());
            }
            items.add(as("organizer").body(body).post("/activity-bindings/{id}/task-items", binding)
                    .then().statusCode(201).extract().path("id"));
        }
        as("organizer").body(Map.of("to", "review")).post("/activity-bindings/{id}/transitions", binding).then().statusCode(200);
        as("organizer").body(Map.of("to", "locked")).post("/activity-bindings/{id}/transitions", binding).then().statusCode(200);
        return new Activity(binding, structure, items);
    }

    public static Map<String, Object> single(String correct) {
        return Map.of("type", "single_choice", "correct", correct);
    }

    public static Map<String, Object> number(double value, double tolerance) {
        return Map.of("type", "number", "value", value, "tolerance", tolerance);
    }
}
