package org.olympiad.competitions.attempt.checking;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.attempt.RegistrationFeed;
import org.olympiad.competitions.attempt.World;
import org.olympiad.competitions.platform.testing.TestSql;
import org.olympiad.competitions.platform.testing.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/** An offline tour's scores from CSV: validated line by line, all or nothing. */
@QuarkusTest
class ScoreImportTest {

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
    void a_file_with_refused_lines_reports_every_one_and_imports_nothing_then_a_clean_file_imports_all() throws Exception {
        World world = World.open(feed);
        tour = world.tour();
        World.Sitter a = world.admit();
        World.Sitter b = world.admit();
        String header = "tour_participation_id,task_number,score\n";
        String bad = header
                + a.tourParticipation() + ",1,2\n"
                + a.tourParticipation() + ",3,7.5\n"
                + UUID.randomUUID() + ",1,1\n"
                + b.tourParticipation() + ",9,1\n"
                + b.tourParticipation() + ",2,abc\n"
                + a.tourParticipation() + ",1,1\n";
        csv(bad).then().statusCode(422).body("errors", hasSize(5))
                .body("errors.field", hasItems("line 3: score", "line 4: tour_participation_id", "line 5: task_number",
                        "line 6: score", "line 7: task_number"))
                .body("errors.find { it.field == 'line 3: score' }.rule", equalTo("between-0-and-max-score"));
        assertThat(TestSql.count(db, "select count(*) from competition_submissions where tour_participation_id = ?::uuid",
                a.tourParticipation().toString())).isZero();

        csv(header + a.tourParticipation() + ",1,2\n" + a.tourParticipation() + ",3,4.5\n" + b.tourParticipation() + ",2,3\n")
                .then().statusCode(200).body("lines", equalTo(3)).body("submissions", equalTo(2)).body("scores", equalTo(3));
        assertThat(TestSql.column(db, "select s.status::text || ':' || sum(sc.score) from competition_submissions s "
                + "join competition_scores sc on sc.submission_id = s.id and sc.is_current "
                + "where s.tour_participation_id = ?::uuid group by s.status", a.tourParticipation().toString()))
                .containsExactly("checked:6.50");
        assertThat(TestSql.column(db, "select c.method from competition_checks c join competition_submissions s "
                + "on s.id = c.submission_id where s.tour_participation_id = ?::uuid", b.tourParticipation().toString()))
                .containsExactly("imported");
        given().header("Authorization", TestTokens.bearer("checker")).contentType("text/csv").body(header)
                .post("/tours/{id}/score-imports", world.tour()).then().statusCode(403);
    }

    private UUID tour;

    private io.restassured.response.Response csv(String body) {
        return given().header("Authorization", TestTokens.bearer("organizer")).contentType("text/csv").body(body)
                .post("/tours/{id}/score-imports", tour);
    }
}
