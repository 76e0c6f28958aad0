package org.olympiad.competitions.registration.participation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.contracts.EventEnvelope;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.Topics;
import org.olympiad.competitions.platform.testing.TestSql;
import org.olympiad.competitions.platform.testing.TestKafka;
import org.olympiad.competitions.registration.registration.RegistrationJourneyTest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.olympiad.competitions.registration.CatalogueFixtures.as;
import static org.olympiad.competitions.registration.registration.RegistrationJourneyTest.openSeason;
import static org.olympiad.competitions.registration.registration.RegistrationJourneyTest.selfRegistration;
import static org.olympiad.competitions.registration.registration.RegistrationJourneyTest.user;

/** After approval: later tours, withdrawal, and disqualification by an arbitration sanction from results-service. */
@QuarkusTest
class TourParticipationTest {

    @Inject
    AgroalDataSource db;

    KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = TestKafka.companion();
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    static String approvedByTeacher(String season, String name) {
        return user("teacher", UUID.randomUUID())
                .body(Map.of("source", "teacher", "participant", Map.of("displayName", name, "grade", "10")))
                .post("/seasons/{id}/registrations", season).then().statusCode(201)
                .body("status", equalTo("approved")).extract().path("participantId");
    }

    @Test
    void active_participants_are_admitted_to_a_later_tour_once() {
        RegistrationJourneyTest.OpenSeason season = openSeason();
        String participant = approvedByTeacher(season.id(), "Вера Орлова");
        String stranger = UUID.randomUUID().toString();
        as("organizer").body(Map.of("participantIds", List.of(participant, stranger), "deliveryMode", "venue"))
                .post("/tours/{id}/admissions", season.secondTour()).then().statusCode(200)
                .body("admitted", equalTo(1)).body("alreadyAdmitted", equalTo(0))
                .body("notActiveInSeason", equalTo(List.of(stranger)));
        as("organizer").body(Map.of("participantIds", List.of(participant)))
                .post("/tours/{id}/admissions", season.secondTour()).then().statusCode(200)
                .body("admitted", equalTo(0)).body("alreadyAdmitted", equalTo(1));
        as("organizer").queryParam("status", "admitted").get("/tours/{id}/participations", season.secondTour())
                .then().statusCode(200).body("total", equalTo(1))
                .body("items[0].participantId", equalTo(participant))
                .body("items[0].deliveryMode", equalTo("venue"));
        user("teacher", UUID.randomUUID()).body(Map.of("participantIds", List.of(participant)))
                .post("/tours/{id}/admissions", season.secondTour()).then().statusCode(403);
    }

    @Test
    void a_participant_withdraws_from_a_tour_with_a_reason_and_only_organisers_disqualify() {
        RegistrationJourneyTest.OpenSeason season = openSeason();
        UUID student = UUID.randomUUID();
        String registration = user("participant", student).body(selfRegistration("7", true))
                .post("/seasons/{id}/registrations", season.id()).then().statusCode(201).extract().path("id");
        as("organizer").body(Map.of("to", "approved")).post("/registrations/{id}/transitions", registration).then().statusCode(200);
        String participant = as("organizer").get("/registrations/{id}", registration).then().extract().path("participantId");
        String tp = as("organizer").get("/tours/{id}/participations", season.firstTour()).then().statusCode(200)
                .extract().path("items.find { it.participantId == '" + participant + "' }.id");

        user("participant", UUID.randomUUID()).body(Map.of("to", "withdrawn", "reason", "x"))
                .post("/tour-participations/{id}/transitions", tp).then().statusCode(404);
        user("participant", student).body(Map.of("to", "disqualified", "reason", "x"))
                .post("/tour-participations/{id}/transitions", tp).then().statusCode(403);
        user("participant", student).body(Map.of("to", "withdrawn"))
                .post("/tour-participations/{id}/transitions", tp).then().statusCode(422).body("field", equalTo("reason"));
        user("participant", student).body(Map.of("to", "withdrawn", "reason", "заболела"))
                .post("/tour-participations/{id}/transitions", tp).then().statusCode(200).body("status", equalTo("withdrawn"));
        as("organizer").body(Map.of("to", "active")).post("/tour-participations/{id}/transitions", tp)
                .then().statusCode(409).body("currentState", equalTo("withdrawn")).body("requestedState", equalTo("active"));
    }

    @Test
    void an_arbitration_sanction_from_results_disqualifies_the_tour_participation_once() throws Exception {
        RegistrationJourneyTest.OpenSeason season = openSeason();
        String participant = approvedByTeacher(season.id(), "Максим Белов");
        String tp = as("organizer").get("/tours/{id}/participations", season.firstTour()).then().statusCode(200)
                .extract().path("items.find { it.participantId == '" + participant + "' }.id");
        UUID arbiter = UUID.randomUUID();
        var after = EventJson.mapper().createObjectNode().put("participant_id", participant).put("tour_participation_id", tp)
                .put("status", "sanctioned");
        EventEnvelope sanction = new EventEnvelope(UUID.randomUUID(), "arbitration_case.sanctioned",
                "competition_arbitration_cases", UUID.randomUUID(), UUID.fromString(season.id()), arbiter, Instant.now(),
                "req-arb", "списывание: совпадение решений", null, after, 1);
        send(sanction);
        send(sanction); // redelivered

        await().atMost(Duration.ofSeconds(30)).until(() ->
                query("select status::text from competition_tour_participations where id = ?::uuid", tp).equals(List.of("disqualified")));
        send(new EventEnvelope(UUID.randomUUID(), "result.calculated", "competition_results", UUID.randomUUID(), null,
                null, Instant.now(), null, null, null, after, 1)); // not ours: ignored
        ServiceWait.quietly(1500);
        assertThat(query("select reason from outbox_events e, lateral (select e.payload->>'reason' as reason) r "
                + "where e.aggregate_id = ?::uuid and e.type = 'tour_participation.disqualified'", tp))
                .containsExactly("списывание: совпадение решений");
        assertThat(query("select payload->>'actorUserId' from outbox_events where aggregate_id = ?::uuid "
                + "and type = 'tour_participation.disqualified'", tp)).containsExactly(arbiter.toString());
    }

    @Test
    void a_sanction_without_a_tour_participation_goes_to_the_dead_letter_topic() {
        EventEnvelope broken = new EventEnvelope(UUID.randomUUID(), "arbitration_case.sanctioned",
                "competition_arbitration_cases", UUID.randomUUID(), null, null, Instant.now(), null, "x", null,
                EventJson.mapper().createObjectNode().put("participant_id", UUID.randomUUID().toString()), 1);
        send(broken);
        var dead = TestKafka.await(kafka, Topics.deadLetterTopicOf("registration"), 1,
                r -> r.value().contains(broken.eventId().toString()));
        assertThat(dead.get(0).headers().lastHeader("dead-letter-reason")).isNotNull();
    }

    private void send(EventEnvelope event) {
        kafka.produce(String.class, String.class)
                .fromRecords(new ProducerRecord<>(Topics.RESULTS, event.entityId().toString(), EventJson.write(event)))
                .awaitCompletion(Duration.ofSeconds(10));
    }

    private List<String> query(String sql, String param) throws Exception {
        return TestSql.column(db, sql, param);
    }

    private static final class ServiceWait {
        static void quietly(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }
    }
}
