package org.olympiad.competitions.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * attempt-service's hot paths, against a running attempt-service and its database:
 * <ol>
 * <li>submissions near the close: {@code --participants} participants, each with a started attempt of
 * {@code --items} answered keyed tasks, submit ({@code POST /submissions/{id}/submit}, which auto-checks at once)
 * from {@code --clients} closed-loop clients; latency percentiles and throughput;</li>
 * <li>the automatic check of {@code --bulk} submitted works ({@code POST /tours/{id}/auto-check}): wall time;</li>
 * <li>an answer-key correction rechecking those works ({@code POST /task-items/{id}/key-corrections}): wall time.</li>
 * </ol>
 * The works are seeded set-based in SQL (projections, a locked activity, submissions, answers): seeding is not measured.
 */
final class AttemptScenario {

    static final String NAME = "attempt";

    private AttemptScenario() {
    }

    static int run(Map<String, String> opts, PrintStream out) {
        int participants = Integer.parseInt(opts.getOrDefault("participants", "10000"));
        int bulk = Integer.parseInt(opts.getOrDefault("bulk", "100000"));
        int items = Integer.parseInt(opts.getOrDefault("items", "20"));
        int clients = Integer.parseInt(opts.getOrDefault("clients", "32"));
        // the submits are spread evenly over this many seconds (the target: 10,000 within a minute of the close);
        // 0: closed loop, each client sending its next submit as soon as the last is answered (the path's capacity)
        int submitSeconds = Integer.parseInt(opts.getOrDefault("submit-seconds", "60"));
        String url = opts.getOrDefault("attempt-url", "http://127.0.0.1:8083");
        String db = opts.getOrDefault("db-url", "jdbc:postgresql://127.0.0.1:5432/competitions_attempt?user=postgres");
        Path key = Path.of(opts.getOrDefault("key", "deploy/local/dev-jwt/dev-jwt-private.pem"));
        Path results = Path.of(opts.getOrDefault("results", "benchmarks/results"));
        try (Connection sql = DriverManager.getConnection(db)) {
            DevTokens tokens = DevTokens.fromPem(key);
            HttpClient http = Api.newClient();
            String organizer = "Bearer " + tokens.sign("organizer", UUID.randomUUID());
            List<String> lines = new ArrayList<>();
            lines.add("# attempt-service benchmark, " + Instant.now());
            lines.add("");
            lines.add(Report.MACHINE_NOTE);
            lines.add("");

            // 1. submissions near the close
            out.printf("seeding %,d started attempts of %d answered tasks%n", participants, items);
            World near = seed(sql, participants, items, "started");
            List<String> bearers = new ArrayList<>(participants);
            for (UUID user : near.users) {
                bearers.add("Bearer " + tokens.sign("participant", user));
            }
            java.util.concurrent.atomic.AtomicLong pacedStart = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicLong behindMicros = new java.util.concurrent.atomic.AtomicLong();
            LoadDriver.Result submit = LoadDriver.run("submit", http, clients, participants, 0,
                    i -> pacedUntil(i, participants, submitSeconds, pacedStart, behindMicros) == null ? null : HttpRequest.newBuilder(URI.create(url + "/submissions/" + near.submissions.get((int) i) + "/submit"))
                            .timeout(Duration.ofSeconds(60)).header("Authorization", bearers.get((int) i))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    (i, status, body) -> { }, out, 10);
            Histogram h = submit.latency;
            double seconds = (submit.endNanos - submit.startNanos) / 1e9;
            long ok = submit.outcomes.getOrDefault("200", 0L);
            String pacing = submitSeconds > 0 ? String.format("spread over %d s (%,.0f/s offered; sends at most %.0f ms "
                    + "behind schedule)", submitSeconds, participants / (double) submitSeconds, behindMicros.get() / 1000.0)
                    : "closed loop";
            String submitLine = String.format("| submissions near the close | %,d submits (each auto-checks %d tasks), %s, "
                            + "%d clients | %,.0f/s, %.1f s | p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms | %,d × 200 |",
                    participants, items, pacing, clients, participants / seconds, seconds, LoadDriver.ms(h, 50),
                    LoadDriver.ms(h, 95), LoadDriver.ms(h, 99), LoadDriver.maxMs(h), ok);
            out.println(submitLine);

            // 2. automatic check of the bulk
            out.printf("seeding %,d submitted works of %d answered tasks%n", bulk, items);
            World works = seed(sql, bulk, items, "submitted");
            long t0 = System.nanoTime();
            JsonNode checked = post(http, url + "/tours/" + works.tour + "/auto-check", organizer, "{}");
            double checkSeconds = (System.nanoTime() - t0) / 1e9;
            String checkLine = String.format("| automatic check | %,d works × %d keyed tasks = %,d scores | %.1f s "
                            + "(%,.0f works/s) | server: %s ms in %s chunks | %s checked |", bulk, items, (long) bulk * items,
                    checkSeconds, bulk / checkSeconds, checked.path("millis").asText(), checked.path("chunks").asText(),
                    checked.path("checked").asText());
            out.println(checkLine);

            // 3. key correction rechecking them
            t0 = System.nanoTime();
            JsonNode corrected = post(http, url + "/task-items/" + works.firstItem + "/key-corrections", organizer,
                    "{\"scoringSnapshot\":{\"type\":\"single_choice\",\"correct\":\"B\"},\"reason\":\"benchmark: key typo\"}");
            double correctSeconds = (System.nanoTime() - t0) / 1e9;
            String correctLine = String.format("| key correction | task 1 of %,d works rechecked | %.1f s | %s scores changed "
                    + "(new versions) | |", bulk, correctSeconds, corrected.path("rechecked").asText());
            out.println(correctLine);

            lines.add("| path | load | throughput / wall time | latency or server figures | answers |");
            lines.add("|---|---|---|---|---|");
            lines.add(submitLine);
            lines.add(checkLine);
            lines.add(correctLine);
            lines.add("");
            lines.add("Command: `benchmarks/run.sh attempt --participants " + participants + " --bulk " + bulk + " --items "
                    + items + " --clients " + clients + " --submit-seconds " + submitSeconds + "` against attempt-service started with the outbox relay off "
                    + "(the events are written to the outbox, not sent).");
            Files.createDirectories(results);
            Files.write(results.resolve("LATEST-attempt.md"), lines);
            out.println("written " + results.resolve("LATEST-attempt.md"));
            return ok == participants ? 0 : 1;
        } catch (SQLException | IOException e) {
            System.err.println("bench: attempt scenario set-up failed: " + e);
            return 4;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * Paces the submits: waits until submit {@code i}'s slot ({@code i × seconds / n} after the first) and notes how
     * far behind its slot it is sent (all clients busy: the server is not keeping up with the offered rate).
     * Answers a non-null marker.
     */
    private static Object pacedUntil(long i, int n, int seconds, java.util.concurrent.atomic.AtomicLong start,
                                     java.util.concurrent.atomic.AtomicLong behindMicros) {
        if (seconds <= 0) {
            return Boolean.TRUE;
        }
        start.compareAndSet(0, System.nanoTime());
        long slot = start.get() + i * seconds * 1_000_000_000L / n;
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        } else {
            behindMicros.accumulateAndGet(-wait / 1000, Math::max);
        }
        return Boolean.TRUE;
    }

    private static JsonNode post(HttpClient http, String url, String bearer, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(15))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return Api.JSON.readTree(r.body());
    }

    private record World(UUID tour, UUID firstItem, List<UUID> submissions, List<UUID> users) {
    }

    /**
     * An open tour with a locked activity of {@code items} keyed tasks (single choice, proportional multiple choice,
     * number, short text in turn) and {@code n} admitted participants with a submission in {@code status} holding an
     * answer to every task (about two thirds right).
     */
    private static World seed(Connection sql, int n, int items, String status) throws SQLException {
        UUID season = UUID.randomUUID();
        UUID tour = UUID.randomUUID();
        UUID binding = UUID.randomUUID();
        UUID structure = UUID.randomUUID();
        sql.setAutoCommit(false);
        try (Statement st = sql.createStatement()) {
            st.execute("insert into attempt_projection_tours (tour_id, season_id, status, format) values ('" + tour + "', '"
                    + season + "', 'open', 'test')");
            st.execute("insert into competition_tour_activity_bindings (id, season_id, tour_id, mode, lms_activity_ref, status, "
                    + "locked_at) values ('" + binding + "', '" + season + "', '" + tour + "', 'lms_activity', "
                    + "'{\"activity\":\"bench\"}', 'locked', now())");
            st.execute("insert into competition_tour_task_structures (id, activity_binding_id, task_count, max_total_score, "
                    + "locked_at) values ('" + structure + "', '" + binding + "', " + items + ", " + items + ", now())");
            st.execute("insert into competition_tour_task_items (activity_binding_id, task_structure_id, task_number, max_score, "
                    + "scoring_snapshot) select '" + binding + "', '" + structure + "', g, 1, case g % 4 "
                    + "when 1 then '{\"type\":\"single_choice\",\"correct\":\"A\"}'::jsonb "
                    + "when 2 then '{\"type\":\"multiple_choice\",\"correct\":[\"A\",\"C\"],\"partialCredit\":\"proportional\"}'::jsonb "
                    + "when 3 then '{\"type\":\"number\",\"value\":3.14,\"tolerance\":0.01}'::jsonb "
                    + "else '{\"type\":\"short_text\",\"variants\":[\"Москва\"]}'::jsonb end from generate_series(1, " + items + ") g");
            st.execute("create temp table bench_people on commit drop as select gen_random_uuid() as participant, "
                    + "gen_random_uuid() as usr, gen_random_uuid() as tp, gen_random_uuid() as submission, g "
                    + "from generate_series(1, " + n + ") g");
            st.execute("insert into attempt_projection_participants (participant_id, season_id, identity_user_id) "
                    + "select participant, '" + season + "', usr from bench_people");
            st.execute("insert into attempt_projection_tour_participations (tour_participation_id, tour_id, participant_id, "
                    + "delivery_mode, status) select tp, '" + tour + "', participant, 'online', 'admitted' from bench_people");
            st.execute("insert into competition_submissions (id, tour_participation_id, activity_binding_id, status, "
                    + "submitted_at) select submission, tp, '" + binding + "', '" + status + "', "
                    + ("submitted".equals(status) ? "now()" : "null") + " from bench_people");
            st.execute("insert into competition_answer_items (submission_id, tour_task_item_id, item_result_snapshot) "
                    + "select p.submission, i.id, jsonb_build_object('version', 1, 'answer', case "
                    + "when (p.g + i.task_number) % 3 = 0 then '\"B\"'::jsonb "
                    + "when i.task_number % 4 = 1 then '\"A\"'::jsonb when i.task_number % 4 = 2 then '[\"A\",\"C\"]'::jsonb "
                    + "when i.task_number % 4 = 3 then '\"3,14\"'::jsonb else '\" москва \"'::jsonb end) "
                    + "from bench_people p cross join competition_tour_task_items i where i.activity_binding_id = '" + binding + "'");
            List<UUID> submissions = new ArrayList<>(n);
            List<UUID> users = new ArrayList<>(n);
            try (var rs = st.executeQuery("select submission, usr from bench_people order by g")) {
                while (rs.next()) {
                    submissions.add(rs.getObject(1, UUID.class));
                    users.add(rs.getObject(2, UUID.class));
                }
            }
            UUID first;
            try (PreparedStatement ps = sql.prepareStatement("select id from competition_tour_task_items "
                    + "where activity_binding_id = ? and task_number = 1")) {
                ps.setObject(1, binding);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    first = rs.getObject(1, UUID.class);
                }
            }
            sql.commit();
            try (Statement analyze = sql.createStatement()) {
                sql.setAutoCommit(true);
                analyze.execute("analyze");
            }
            return new World(tour, first, submissions, users);
        } catch (SQLException e) {
            sql.rollback();
            throw e;
        }
    }
}
