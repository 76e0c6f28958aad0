package org.olympiad.competitions.documents.document;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.documents.Feeds;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.olympiad.competitions.documents.Feeds.as;

/** Gratitude letters on request: a job of their own, real PDFs, verifiable like diplomas. */
@QuarkusTest
class GratitudeLetterTest {

    Feeds feeds;

    @BeforeEach
    void connect() {
        feeds = new Feeds();
    }

    @AfterEach
    void close() {
        feeds.close();
    }

    @Test
    void an_organiser_requests_letters_for_a_teacher_and_a_school_and_gets_verifiable_pdfs() throws Exception {
        Feeds.Season season = feeds.season("Олимпиада по русскому языку", "Сезон 2026/27");
        String job = as("organizer").body(Map.of("seasonId", season.id().toString(),
                        "text", "за подготовку призёров олимпиады",
                        "recipients", List.of(Map.of("recipientType", "teacher", "name", "Смирнова Ольга Ивановна"),
                                Map.of("recipientType", "organization", "name", "Лицей № 2"))))
                .post("/award-documents/gratitude-letters").then().statusCode(202)
                .body("payload.kind", equalTo("letters")).extract().path("id");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("organizer")
                .get("/document-generation-jobs/{id}", job).then().statusCode(200).body("status", equalTo("succeeded"))
                .body("progress.done", equalTo(2)));
        List<Map<String, Object>> letters = as("organizer").queryParam("jobId", job).get("/award-documents")
                .then().statusCode(200).extract().path("$");
        assertThat(letters).extracting(l -> l.get("type"))
                .containsExactlyInAnyOrder("teacher_gratitude", "organization_gratitude");
        Map<String, Object> teacherLetter = letters.stream().filter(l -> "teacher_gratitude".equals(l.get("type")))
                .findFirst().orElseThrow();

        byte[] pdf = as("organizer").get("/award-documents/{id}/pdf", teacherLetter.get("id")).then().statusCode(200)
                .extract().asByteArray();
        try (PDDocument read = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(read)).contains("БЛАГОДАРСТВЕННОЕ ПИСЬМО",
                    "Смирнова Ольга Ивановна", "за подготовку призёров олимпиады", "Олимпиада по русскому языку");
            assertThat(DocumentPdfTest.qrCodeOf(read)).endsWith((String) teacherLetter.get("verificationCode"));
        }
        RestAssured.given().header("X-Forwarded-For", "192.0.2.77").accept("application/json")
                .get("/verify/{code}", teacherLetter.get("verificationCode")).then().statusCode(200)
                .body("status", equalTo("valid")).body("holder", equalTo("Смирнова О. И."))
                .body("documentType", equalTo("teacher_gratitude"));
        as("teacher").get("/award-documents/{id}/pdf", teacherLetter.get("id")).then().statusCode(403);
        as("organizer").body(Map.of("seasonId", season.id().toString(), "recipients", List.of()))
                .post("/award-documents/gratitude-letters").then().statusCode(400);
    }
}
