package org.olympiad.competitions.documents.document;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.documents.Feeds;
import org.olympiad.competitions.platform.testing.TestSql;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.olympiad.competitions.documents.Feeds.as;
import static org.olympiad.competitions.documents.Feeds.awaitJob;
import static org.olympiad.competitions.documents.Feeds.documentsOf;

/** Who downloads a document: the holder, a parent with an approved claim, a linked teacher; a group's teacher its ZIP. */
@QuarkusTest
class DownloadAccessTest {

    @Inject
    AgroalDataSource db;

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
    void the_holder_a_parent_with_an_approved_claim_and_a_linked_teacher_download_and_nobody_else() throws Exception {
        Feeds.Season season = feeds.season("Олимпиада по литературе", "Сезон 2026/27");
        UUID holderUser = UUID.randomUUID();
        UUID parent = UUID.randomUUID();
        UUID unapprovedParent = UUID.randomUUID();
        UUID linkedTeacher = UUID.randomUUID();
        UUID holder = feeds.participant(season, "Соколова Елена", holderUser);
        feeds.accessClaim(holder, parent, "approved");
        feeds.accessClaim(holder, unapprovedParent, "requested");
        feeds.linkedTeacher(holder, linkedTeacher);
        UUID publication = UUID.randomUUID();
        feeds.published(feeds.result(season, holder, publication, "diploma_1", null));
        feeds.publicationPublished(season, publication, 1);
        awaitJob(publication, "succeeded");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.count(db,
                "select count(*) from documents_projection_teacher_links where participant_id = ?::uuid", holder.toString()) == 1);
        String document = (String) documentsOf(holder).get(0).get("id");

        for (var reader : List.of(as("participant", holderUser), as("parent", parent), as("teacher", linkedTeacher))) {
            byte[] pdf = reader.get("/award-documents/{id}/pdf", document).then().statusCode(200)
                    .contentType("application/pdf").extract().asByteArray();
            assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        }
        as("parent", parent).queryParam("participantId", holder.toString()).get("/award-documents").then()
                .statusCode(200).body("size()", equalTo(1));

        as("parent", unapprovedParent).get("/award-documents/{id}/pdf", document).then().statusCode(403)
                .contentType("application/problem+json");
        as("participant").get("/award-documents/{id}/pdf", document).then().statusCode(403);
        as("teacher").queryParam("participantId", holder.toString()).get("/award-documents").then().statusCode(403);
        io.restassured.RestAssured.given().get("/award-documents/{id}/pdf", document).then().statusCode(401);
        as("organizer").get("/award-documents/{id}/pdf", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void a_groups_teacher_downloads_every_generated_document_of_its_members_as_one_zip() throws Exception {
        Feeds.Season season = feeds.season("Олимпиада по истории", "Сезон 2026/27");
        UUID teacher = UUID.randomUUID();
        UUID group = feeds.group(season, teacher, "9 «Б»");
        UUID a = feeds.participant(season, "Алексеев Антон", UUID.randomUUID());
        UUID b = feeds.participant(season, "Борисова Бэлла", UUID.randomUUID());
        UUID removed = feeds.participant(season, "Васильев Вадим", UUID.randomUUID());
        UUID outsider = feeds.participant(season, "Григорьев Глеб", UUID.randomUUID());
        feeds.groupMember(group, a, "active");
        feeds.groupMember(group, b, "active");
        feeds.groupMember(group, removed, "removed");
        UUID publication = UUID.randomUUID();
        for (UUID p : List.of(a, b, removed, outsider)) {
            feeds.published(feeds.result(season, p, publication, "diploma_2", null));
        }
        feeds.publicationPublished(season, publication, 4);
        awaitJob(publication, "succeeded");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.count(db,
                "select count(*) from documents_projection_group_members where group_id = ?::uuid", group.toString()) == 3);

        byte[] zip = as("teacher", teacher).get("/groups/{id}/award-documents.zip", group).then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();

        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                names.add(entry.getName());
                assertThat(new String(in.readAllBytes(), 0, 5)).isEqualTo("%PDF-");
            }
        }
        assertThat(names).hasSize(2);
        assertThat(names.get(0)).startsWith("Алексеев Антон - diploma - ");
        assertThat(names.get(1)).startsWith("Борисова Бэлла - diploma - ");

        as("teacher").get("/groups/{id}/award-documents.zip", group).then().statusCode(403)
                .contentType("application/problem+json");
        as("teacher", teacher).get("/groups/{id}/award-documents.zip", UUID.randomUUID()).then().statusCode(404);
    }
}
