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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.olympiad.competitions.attempt.Fixtures.as;

/**
 * The organiser's whole-tour automatic check: every work still waiting for it is checked once, chunk by chunk by
 * parallel workers (the test profile's chunks hold two works), and a second run finds nothing left.
 */
@QuarkusTest
class BulkCheckingTest {

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
    void a_whole_tour_check_scores_every_waiting_work_once_in_chunks() throws Exception {
        World world = World.open(feed);
        List<String> works = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            World.Sitter p = world.admit();
            String submission = as("participant", p.user()).post("/tours/{id}/attempts", world.tour()).then().statusCode(201)
                    .extract().path("id");
            as("participant", p.user()).body(Map.of("answer", i % 2 == 0 ? "B" : "A", "baseVersion", 0))
                    .put("/submissions/{id}/answers/{item}", submission, world.activity().item(1)).then().statusCode(200);
            works.add(submission);
        }
        // works left waiting for their automatic check (as after a close whose check did not run)
        String ids = "'" + String.join("','", works) + "'";
        try (var c = db.getConnection(); var st = c.createStatement()) {
            st.executeUpdate("update competition_submissions set status = 'submitted', submitted_at = now() where id in (" + ids + ")");
        }

        as("checker").post("/tours/{id}/auto-check", world.tour()).then().statusCode(403);
        as("organizer").post("/tours/{id}/auto-check", world.tour()).then().statusCode(200)
                .body("checked", equalTo(5)).body("chunks", equalTo(3));
        as("organizer").post("/tours/{id}/auto-check", world.tour()).then().statusCode(200)
                .body("checked", equalTo(0)).body("chunks", equalTo(0));

        for (int i = 0; i < 5; i++) {
            String work = works.get(i);
            assertThat(TestSql.column(db, "select method || ':' || status || ':' || score from competition_checks "
                    + "where submission_id = ?::uuid", work)).containsExactly("auto:checked:" + (i % 2 == 0 ? "2.00" : "0.00"));
            assertThat(TestSql.column(db, "select status::text from competition_submissions where id = ?::uuid", work))
                    .containsExactly("checking");
            assertThat(TestSql.count(db, "select count(*) from outbox_events e join competition_scores s on s.id = e.aggregate_id "
                    + "where s.submission_id = ?::uuid and e.type = 'score.recorded'", work)).isEqualTo(2);
        }
    }

}
