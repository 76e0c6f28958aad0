package org.olympiad.competitions.attempt.training;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.attempt.RegistrationFeed;
import org.olympiad.competitions.attempt.World;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.olympiad.competitions.attempt.Fixtures.as;

/** After the tour, its activity is offered for practice with a visibility and a schedule. */
@QuarkusTest
class TrainingPublicationTest {

    @Inject
    AgroalDataSource db;

    RegistrationFeed feed;

    @BeforeEach
    void connect() {
        feed = new RegistrationFeed(db);
    }

    @AfterEach
    void close() {
        feed.close();
    }

    @Test
    void a_closed_tours_activity_is_scheduled_then_published_for_practice() {
        World world = World.open(feed);
        Map<String, Object> body = Map.of("lmsRef", Map.of("practice_activity", "p-1"), "trainingMode", "practice",
                "visibility", "participants");
        as("organizer").body(body).post("/activity-bindings/{id}/training-publications", world.activity().bindingId())
                .then().statusCode(409).body("currentState", equalTo("open"));

        world.close();
        as("organizer").body(Map.of("lmsRef", Map.of("p", "1"), "trainingMode", "practice", "visibility", "everyone"))
                .post("/activity-bindings/{id}/training-publications", world.activity().bindingId())
                .then().statusCode(400);
        String id = as("organizer").body(body).post("/activity-bindings/{id}/training-publications", world.activity().bindingId())
                .then().statusCode(201).body("status", equalTo("draft")).extract().path("id");
        as("organizer").body(Map.of("to", "scheduled")).post("/training-publications/{id}/transitions", id)
                .then().statusCode(422).body("field", equalTo("scheduledAt"));
        as("organizer").body(Map.of("to", "scheduled", "scheduledAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .post("/training-publications/{id}/transitions", id).then().statusCode(200).body("status", equalTo("scheduled"));
        as("organizer").body(Map.of("to", "published")).post("/training-publications/{id}/transitions", id)
                .then().statusCode(200).body("publishedAt", notNullValue());
        as("organizer").body(Map.of("to", "scheduled")).post("/training-publications/{id}/transitions", id)
                .then().statusCode(409).body("currentState", equalTo("published"));
        as("participant").body(Map.of("to", "paused")).post("/training-publications/{id}/transitions", id)
                .then().statusCode(403);
    }
}
