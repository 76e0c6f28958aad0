package org.olympiad.competitions.benchmarks;

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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Calculating a season's results at scale: seeds N participants × 10 scored task items (20 grade categories, one
 * track, one tour) straight into results-service's database, as its projections of registration- and
 * attempt-service would hold them, then times POST /results/calculations (first calculation, an unchanged
 * recalculation, a dry run) and, as the floor, the bare SQL ranking query over the same data. Removes its season
 * afterwards (results, rankings, outbox rows, projections), so the local stack never relays the benchmark's events.
 */
final class ResultsScenario {

    static final String NAME = "results";

    record Options(int participants, String resultsUrl, String jdbcUrl, String user, Path key, Path results) {
    }

    static final String RULES = "{\"minimumScore\":{\"shareOfMax\":0.5,\"comparison\":\"more_than\"},"
            + "\"awards\":[{\"status\":\"diploma_1\",\"cumulativeShare\":0.08,\"rounding\":\"floor\"},"
            + "{\"status\":\"diploma_2\",\"cumulativeShare\":0.25},{\"status\":\"diploma_3\",\"cumulativeShare\":0.45},"
            + "{\"status\":\"honorable_mention_1\",\"cumulativeShare\":0.6,\"minimumScore\":{\"shareOfMax\":0.3,\"comparison\":\"at_least\"}}],"
            + "\"tieAtQuotaEdge\":\"all_in\",\"participationCertificates\":\"scored\"}";

    /** The floor: the same aggregation and a 1-2-2-4 rank per track and grade category, nothing stored. */
    static final String BARE_RANKING = "select count(*), max(rnk) from (select tp.participant_id, p.grade_category_id, tp.track_id, "
            + "rank() over (partition by tp.track_id, p.grade_category_id order by sum(s.score) desc) rnk "
            + "from results_projection_tour_participations tp join results_projection_participants p on p.id = tp.participant_id "
            + "join results_projection_submissions sub on sub.tour_participation_id = tp.id "
            + "join results_projection_scores s on s.submission_id = sub.id where tp.tour_id = ?::uuid "
            + "group by tp.participant_id, p.grade_category_id, tp.track_id) ranked";

    /**
     * The same ranking over the current totals per submission that the database keeps as scores arrive
     * (results_projection_submission_totals, one row per submission instead of one per task item): the floor of a
     * calculation that reads the totals, as results-service's does.
     */
    static final String BARE_RANKING_TOTALS = "select count(*), max(rnk) from (select tp.participant_id, p.grade_category_id, tp.track_id, "
            + "rank() over (partition by tp.track_id, p.grade_category_id order by sum(s.score) desc) rnk "
            + "from results_projection_tour_participations tp join results_projection_participants p on p.id = tp.participant_id "
            + "join results_projection_submissions sub on sub.tour_participation_id = tp.id "
            + "join results_projection_submission_totals s on s.submission_id = sub.id where tp.tour_id = ?::uuid "
            + "group by tp.participant_id, p.grade_category_id, tp.track_id) ranked";

    private final Options o;
    private final PrintStream out;
    private final String season = UUID.randomUUID().toString();
    private final String tour = UUID.randomUUID().toString();
    private final String track = UUID.randomUUID().toString();

    ResultsScenario(Options o, PrintStream out) {
        this.o = o;
        this.out = out;
    }

    private String loadAtStart = loadAverage();

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    int run() throws IOException, SQLException, InterruptedException {
        String token = DevTokens.fromPem(o.key()).bearer("organizer");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> lines = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(o.jdbcUrl(), o.user(), "")) {
            long seedStart = System.nanoTime();
            seed(db);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            out.printf("seeded %,d participants x 10 scores (%,d score rows) in %.1f s%n", o.participants(), o.participants() * 10L, seedSeconds);
            loadAtStart = loadAverage();
            out.println("load average before the timed steps: " + loadAtStart);
            try {
                String body = "{\"seasonId\":\"" + season + "\",\"tourId\":\"" + tour + "\"}";
                String dry = "{\"seasonId\":\"" + season + "\",\"tourId\":\"" + tour + "\",\"dryRun\":true}";
                double bare1 = bare(db, BARE_RANKING);
                double totals1 = bare(db, BARE_RANKING_TOTALS);
                Timed first = calculate(http, token, body);
                Timed again = calculate(http, token, body);
                Timed dryRun = calculate(http, token, dry);
                double bare2 = bare(db, BARE_RANKING);
                double totals2 = bare(db, BARE_RANKING_TOTALS);
                long outbox = count(db, "select count(*) from outbox_events where payload->>'seasonId' = ?", season);
                long results = count(db, "select count(*) from competition_results where season_id = ?::uuid", season);
                lines.add("| what | seconds |");
                lines.add("|---|---|");
                lines.add(String.format("| first calculation (%,d results, %,d outbox events, rankings) over HTTP | **%.2f** |", results, outbox, first.seconds));
                lines.add(String.format("| recalculation, nothing changed | %.2f |", again.seconds));
                lines.add(String.format("| dry run | %.2f |", dryRun.seconds));
                lines.add(String.format("| bare SQL ranking query over the %,d score rows (aggregate + rank() per track and grade category), before / after | %.2f / %.2f |", o.participants() * 10L, bare1, bare2));
                lines.add(String.format("| the same over the %,d submission totals (what the calculation reads), the floor, before / after | %.2f / %.2f |", o.participants(), totals1, totals2));
                lines.add(String.format("| seeding %,d participants x 10 scores directly in SQL (not part of the target) | %.1f |", o.participants(), seedSeconds));
                out.println(String.join("\n", lines));
                out.println("first calculation answered: " + first.body.substring(0, Math.min(300, first.body.length())));
                if (first.status != 200) {
                    return 1;
                }
            } finally {
                cleanUp(db);
            }
        }
        write(lines);
        return 0;
    }

    record Timed(int status, double seconds, String body) {
    }

    private Timed calculate(HttpClient http, String token, String body) throws IOException, InterruptedException {
        long t = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(o.resultsUrl() + "/results/calculations"))
                .timeout(Duration.ofMinutes(5)).header("Authorization", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        Timed timed = new Timed(r.statusCode(), (System.nanoTime() - t) / 1e9, r.body());
        out.printf("POST /results/calculations %s -> %d in %.2f s%n", body.contains("dryRun") ? "(dry run)" : "", r.statusCode(), timed.seconds);
        return timed;
    }

    private double bare(Connection db, String query) throws SQLException {
        long t = System.nanoTime();
        try (PreparedStatement ps = db.prepareStatement(query)) {
            ps.setString(1, tour);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                out.printf("bare ranking query: %,d ranked, lowest rank %d%n", rs.getLong(1), rs.getLong(2));
            }
        }
        return (System.nanoTime() - t) / 1e9;
    }

    private void seed(Connection db) throws SQLException {
        String n = Integer.toString(o.participants());
        String s = "'" + season + "'";
        exec(db, "insert into results_projection_seasons (id, status) values (" + s + ", 'checking')");
        exec(db, "insert into results_projection_tours (id, season_id, title, position, status) values ('" + tour + "', " + s + ", 'Тур', 1, 'checking')");
        exec(db, "insert into results_projection_tracks (id, season_id, key, title) values ('" + track + "', " + s + ", 'main', 'Основной')");
        exec(db, "insert into results_projection_grade_categories (id, season_id, key, title) select md5(" + s + " || 'gc' || g)::uuid, "
                + s + ", 'g' || g, 'Категория ' || g from generate_series(1, 20) g");
        exec(db, "insert into results_projection_participants (id, season_id, display_name, grade, grade_category_id) "
                + "select md5(" + s + " || 'p' || i)::uuid, " + s + ", 'Участник ' || i, (i % 20 + 1)::text, "
                + "md5(" + s + " || 'gc' || (i % 20 + 1))::uuid from generate_series(1, " + n + ") i");
        exec(db, "insert into results_projection_tour_participations (id, tour_id, season_id, season_participation_id, "
                + "participant_id, track_id, status) select md5(" + s + " || 'tp' || i)::uuid, '" + tour + "', " + s + ", "
                + "md5(" + s + " || 'sp' || i)::uuid, md5(" + s + " || 'p' || i)::uuid, '" + track + "', 'completed' "
                + "from generate_series(1, " + n + ") i");
        exec(db, "insert into results_projection_submissions (id, tour_participation_id, status) select md5(" + s
                + " || 's' || i)::uuid, md5(" + s + " || 'tp' || i)::uuid, 'checked' from generate_series(1, " + n + ") i");
        exec(db, "insert into results_projection_scores (submission_id, tour_task_item_id, score_id, score_version, score, max_score) "
                + "select md5(" + s + " || 's' || i)::uuid, md5(" + s + " || 'item' || k)::uuid, gen_random_uuid(), 1, "
                + "floor(random() * 11), 10 from generate_series(1, " + n + ") i, generate_series(1, 10) k");
        exec(db, "insert into competition_award_policies (season_id, rules) values (" + s + ", '" + RULES + "'::jsonb)");
        // as autovacuum would leave freshly loaded tables: statistics, visibility map and hint bits set, so the first
        // timed read does not pay for writing them
        for (String table : List.of("results_projection_scores", "results_projection_submission_totals",
                "results_projection_participants", "results_projection_tour_participations", "results_projection_submissions")) {
            exec(db, "vacuum (analyze) " + table);
        }
    }

    private void cleanUp(Connection db) throws SQLException {
        String s = "'" + season + "'";
        exec(db, "delete from outbox_events where payload->>'seasonId' = '" + season + "'");
        exec(db, "delete from competition_rankings where season_id = " + s);
        exec(db, "delete from competition_results where season_id = " + s);
        exec(db, "delete from competition_award_policies where season_id = " + s);
        exec(db, "delete from results_projection_scores where submission_id in (select id from results_projection_submissions "
                + "where tour_participation_id in (select id from results_projection_tour_participations where season_id = " + s + "))");
        exec(db, "delete from results_projection_submission_totals where submission_id in (select id from results_projection_submissions "
                + "where tour_participation_id in (select id from results_projection_tour_participations where season_id = " + s + "))");
        exec(db, "delete from results_projection_submissions where tour_participation_id in "
                + "(select id from results_projection_tour_participations where season_id = " + s + ")");
        exec(db, "delete from results_projection_tour_participations where season_id = " + s);
        exec(db, "delete from results_projection_participants where season_id = " + s);
        exec(db, "delete from results_projection_grade_categories where season_id = " + s);
        exec(db, "delete from results_projection_tracks where season_id = " + s);
        exec(db, "delete from results_projection_tours where season_id = " + s);
        exec(db, "delete from results_projection_seasons where id = " + s);
    }

    private static void exec(Connection db, String sql) throws SQLException {
        try (var st = db.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(Connection db, String sql, String param) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void write(List<String> lines) throws IOException {
        Files.createDirectories(o.results());
        String md = "# results: calculating a tour of " + String.format("%,d", o.participants()) + " participants x 10 scored items\n\n"
                + "Measured " + Instant.now() + " on this machine (2 cores, shared with PostgreSQL, the broker and other work); "
                + "load average (1/5/15 min) " + loadAtStart + " before the timed steps (after seeding), " + loadAverage() + " at the end. "
                + "20 grade categories, one track; award policy: minimum more than half, diploma_1 8%, up to 25% and 45% "
                + "cumulative, honorable mentions to 60% at 30%, ties at the edge all in, certificates for a score above zero. "
                + "Command: `benchmarks/run.sh results` (runs `benchmarks/run-results.sh`, which starts results-service from its jar with the relay and consumers off, "
                + "seeds, measures, removes its data).\n\n" + String.join("\n", lines) + "\n";
        Files.writeString(o.results().resolve("LATEST-results.md"), md);
        out.println("written: " + o.results().resolve("LATEST-results.md"));
    }

}
