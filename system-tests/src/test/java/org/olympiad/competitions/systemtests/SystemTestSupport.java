package org.olympiad.competitions.systemtests;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.olympiad.competitions.platform.testing.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Front-end moves over HTTP against the running suite. */
final class SystemTestSupport {

    static final UUID ORGANIZER = UUID.randomUUID();

    private final Suite suite;

    SystemTestSupport(Suite suite) {
        this.suite = suite;
    }

    RequestSpecification registration(String requestId) {
        return given().baseUri(suite.url("registration")).contentType(ContentType.JSON)
                .header("Authorization", TestTokens.bearer("organizer", ORGANIZER))
                .header("X-Request-Id", requestId);
    }

    String createEvent() {
        return registration("evt-" + UUID.randomUUID())
                .body(Map.of("slug", "sys-" + UUID.randomUUID().toString().substring(0, 12), "title", "Всероссийская олимпиада",
                        "type", "olympiad"))
                .post("/events").then().statusCode(201).extract().path("id");
    }

    String createSeason(String eventId, String requestId) {
        return registration(requestId).body(Map.of("eventId", eventId, "title", "Сезон " + requestId))
                .post("/seasons").then().statusCode(201).extract().path("id");
    }

    void moveSeason(String season, String to) {
        registration("move-" + UUID.randomUUID()).body(Map.of("to", to))
                .post("/seasons/{id}/transitions", season).then().statusCode(200);
    }

    /** The audit trail of one entity, newest first. */
    List<Map<String, Object>> trail(String entityId) {
        return given().baseUri(suite.url("audit"))
                .header("Authorization", TestTokens.bearer("admin"))
                .queryParam("entityId", entityId).queryParam("size", 200)
                .get("/audit-logs").then().statusCode(200).extract().path("items");
    }

    List<Map<String, Object>> awaitTrail(String entityId, int rows, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(250)).until(() -> trail(entityId).size() >= rows);
        return trail(entityId);
    }
}
