package org.olympiad.competitions.documents.verification;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.documents.Feeds;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.olympiad.competitions.documents.Feeds.awaitJob;
import static org.olympiad.competitions.documents.Feeds.documentsOf;

/** Public verification without a token: valid, revoked with the reason, reissued, unknown, and guessing slowed down. */
@QuarkusTest
class VerificationTest {

    Feeds feeds;

    @BeforeEach
    void connect() {
        feeds = new Feeds();
    }

    @AfterEach
    void close() {
        feeds.close();
    }

    private record Issued(Feeds.Season season, UUID holder, Feeds.Result result, String code) {
    }

    private Issued issue(String name, String awardKey, String awardTitle) {
        Feeds.Season season = feeds.season("Олимпиада по информатике", "Сезон 2026/27");
        UUID holder = feeds.participant(season, name, UUID.randomUUID());
        UUID publication = UUID.randomUUID();
        Feeds.Result result = feeds.result(season, holder, publication, awardKey, awardTitle);
        feeds.published(result);
        feeds.publicationPublished(season, publication, 1);
        awaitJob(publication, "succeeded");
        return new Issued(season, holder, result, (String) documentsOf(holder).get(0).get("verificationCode"));
    }

    private static io.restassured.specification.RequestSpecification client() {
        return RestAssured.given().header("X-Forwarded-For", "198.51.100." + (int) (Math.random() * 250));
    }

    @Test
    void a_valid_document_shows_its_award_event_season_and_the_holders_shortened_name() {
        Issued issued = issue("Иванова Мария Петровна", "diploma_2", "Диплом II степени");

        client().accept("application/json").get("/verify/{code}", issued.code()).then().statusCode(200)
                .body("status", equalTo("valid")).body("code", equalTo(issued.code()))
                .body("documentType", equalTo("diploma")).body("award", equalTo("Диплом II степени"))
                .body("event", equalTo("Олимпиада по информатике")).body("season", equalTo("Сезон 2026/27"))
                .body("holder", equalTo("Иванова М. П.")).body("issuedOn", org.hamcrest.Matchers.notNullValue())
                .body("revocationReason", nullValue())
                .body(not(containsString("Мария")));
        // typed by a person: lower case, spaces for dashes
        client().accept("application/json").get("/verify/{code}", issued.code().toLowerCase().replace('-', ' '))
                .then().statusCode(200).body("code", equalTo(issued.code()));
    }

    @Test
    void a_person_who_scans_the_qr_code_gets_an_html_page() {
        Issued issued = issue("Петров Илья Сергеевич", "diploma_1", null);

        String page = client().accept("text/html").get("/verify/{code}", issued.code()).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertThat(page).contains("Документ действителен", "Петров И. С.", "ДИПЛОМ", "I степени",
                "Олимпиада по информатике", issued.code()).doesNotContain("Илья");
        client().get("/verify/{code}.html", issued.code()).then().statusCode(200)
                .body(containsString("Документ действителен"));
    }

    @Test
    void an_unknown_code_is_a_plain_not_found_that_reveals_nothing() {
        client().accept("application/json").get("/verify/{code}", "ABCD-EFGH-JKMN-PQRS").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404)).body("field", equalTo("code"))
                .body("holder", nullValue()).body("season", nullValue());
        client().accept("application/json").get("/verify/{code}", "not-a-code").then().statusCode(404)
                .contentType("application/problem+json");
        client().accept("text/html").get("/verify/{code}", "ABCD-EFGH-JKMN-PQRS").then().statusCode(404)
                .body(containsString("Документ не найден"));
    }

    @Test
    void a_voided_result_revokes_its_document_and_verification_shows_the_reason() {
        Issued issued = issue("Сидорова Анна", "diploma_3", null);

        feeds.voided(issued.result(), "аннулирован по решению апелляционной комиссии");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client().accept("application/json")
                .get("/verify/{code}", issued.code()).then().statusCode(200).body("status", equalTo("revoked"))
                .body("revocationReason", equalTo("аннулирован по решению апелляционной комиссии")));
        assertThat(client().accept("text/html").get("/verify/{code}", issued.code()).asString())
                .contains("Документ отозван", "аннулирован по решению апелляционной комиссии");
    }

    @Test
    void a_revised_result_gets_a_new_document_and_the_old_one_is_revoked() {
        Issued issued = issue("Кузнецов Пётр", "diploma_3", "Диплом III степени");

        feeds.revised(new Feeds.Result(issued.result().id(), issued.result().seasonId(), issued.holder(),
                issued.result().publicationId(), "diploma_2", "Диплом II степени"), "апелляция удовлетворена");

        await().atMost(Duration.ofSeconds(60)).until(() -> documentsOf(issued.holder()).stream()
                .anyMatch(d -> "generated".equals(d.get("status"))
                        && !issued.code().equals(d.get("verificationCode"))));
        List<Map<String, Object>> documents = documentsOf(issued.holder());
        assertThat(documents).extracting(d -> d.get("status")).containsExactlyInAnyOrder("generated", "revoked");
        String newCode = (String) documents.stream().filter(d -> "generated".equals(d.get("status"))).findFirst()
                .orElseThrow().get("verificationCode");
        client().accept("application/json").get("/verify/{code}", issued.code()).then().statusCode(200)
                .body("status", equalTo("revoked")).body("revocationReason", containsString("апелляция удовлетворена"));
        client().accept("application/json").get("/verify/{code}", newCode).then().statusCode(200)
                .body("status", equalTo("valid")).body("award", equalTo("Диплом II степени"));
    }

    @Test
    void a_revision_that_leaves_the_award_as_it_was_keeps_the_document_valid() {
        Issued issued = issue("Орлова Ксения", "diploma_1", "Диплом I степени");

        // another participant's appeal moved this result's rank and the scope's thresholds, not its award
        feeds.revised(new Feeds.Result(issued.result().id(), issued.result().seasonId(), issued.holder(),
                issued.result().publicationId(), "diploma_1", "Диплом I степени"), "апелляция другого участника");
        // a later event of the same result, on the same partition: once it is applied, so is the revision
        feeds.voided(issued.result(), "нарушение регламента");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client().accept("application/json")
                .get("/verify/{code}", issued.code()).then().statusCode(200).body("status", equalTo("revoked"))
                .body("revocationReason", equalTo("нарушение регламента")));
        assertThat(documentsOf(issued.holder())).as("the revision made no replacement").hasSize(1);
    }

    @Test
    void a_client_guessing_codes_is_slowed_down_with_429_and_retry_after_while_others_are_not() {
        Issued issued = issue("Морозов Игорь", "diploma_1", null);
        String guesser = "203.0.113." + (int) (Math.random() * 250);

        for (int i = 0; i < 10; i++) {
            RestAssured.given().header("X-Forwarded-For", guesser).accept("application/json")
                    .get("/verify/{code}", VerificationCode.next()).then().statusCode(404);
        }
        RestAssured.given().header("X-Forwarded-For", guesser).accept("application/json")
                .get("/verify/{code}", VerificationCode.next()).then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+"))
                .body("status", equalTo(429)).body("field", equalTo("code"));
        // while blocked, even a real code is refused to the guesser, but answered to anyone else
        RestAssured.given().header("X-Forwarded-For", guesser).accept("application/json")
                .get("/verify/{code}", issued.code()).then().statusCode(429);
        client().accept("application/json").get("/verify/{code}", issued.code()).then().statusCode(200);
    }
}
