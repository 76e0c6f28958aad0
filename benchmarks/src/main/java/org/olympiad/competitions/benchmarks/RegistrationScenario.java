package org.olympiad.competitions.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Issue 3's registration hot path: teachers register participants into a season that approves teacher
 * registrations automatically, so each {@code POST /seasons/{id}/registrations} stores a participant, the
 * registration, its season participation and first-tour admission, and their events (six outbox rows), in one
 * transaction; the relay publishes them and audit-service writes one audit row per event.
 *
 * <ol>
 *   <li>Set-up, as an organiser (as {@code RegistrationJourneyTest} does it): an event, a season, one grade category
 *       (grades 7–11), the registration policy ({@code teacher}: grade required, approved automatically;
 *       {@code self}: grade and parent contact, reviewed), two tours, then {@code registration_open}.</li>
 *   <li>Warm-up: {@code --warmup} registrations into the same season, not measured; then the driver waits until the
 *       audit trail has caught up with them, so that the measured phase does not pay for the warm-up's backlog.</li>
 *   <li>Measured: {@code --registrations} registrations by {@code --clients} closed-loop clients; source
 *       {@code teacher}, a distinct name each, grades 7 to 11 in turn, tokens of {@code --teachers} teachers in turn
 *       (signed beforehand: signing costs about a millisecond; the phase's own teachers, so that its audit rows can
 *       be counted by actor).</li>
 *   <li>Audit lag: from the last answer until {@code GET /audit-logs?entityType=competition_registrations&entityId=<last
 *       registration>} shows its {@code registration.created} row, and until
 *       {@code GET /audit-logs?action=registration.created&from=&to=&actorUserId=} (the measured phase's time range,
 *       summed over its teachers) counts every registration answered 2xx.</li>
 * </ol>
 */
final class RegistrationScenario {

    static final String NAME = "registration";
    static final double TARGET_THROUGHPUT = 1000;
    static final double TARGET_P99_MS = 100;

    /** {@code maxSeconds}: stop sending measured registrations after this long (0: send them all). */
    record Options(int clients, int registrations, int warmup, int teachers, Duration auditTimeout, long maxSeconds,
                   String registrationUrl, String auditUrl) {
    }

    /** What a run measured: everything the report shows. */
    static final class Outcome {
        Options options;
        String eventId;
        String seasonId;
        LoadDriver.Result warmup;
        Double warmupAuditCatchUpSeconds;
        LoadDriver.Result measured;
        final Map<String, Long> registrationStatuses = new TreeMap<>();
        String lastRegistrationId;
        Double auditLagLastSeconds;
        Double auditLagAllSeconds;
        long auditRowsFound;
        long auditRowsExpected;
        Map<String, Double> cpuDuringLoad = Map.of();
        Map<String, Double> cpuDuringAuditCatchUp = Map.of();
        Map<String, MetricsSampler.Figure> metricsDuringLoad = Map.of();
        Map<String, MetricsSampler.Figure> metricsDuringAuditCatchUp = Map.of();
        final List<String> notes = new ArrayList<>();

        boolean auditComplete() {
            return auditLagLastSeconds != null && auditLagAllSeconds != null;
        }
    }

    static final String TEACHER_NAME = "Мария Петровна";
    /** A registration's entity type in events and the audit log ({@code EntityTypes.REGISTRATION}). */
    private static final String REGISTRATION_ENTITY = "competition_registrations";
    static final String[] GRADES = {"7", "8", "9", "10", "11"};

    private final Api api;
    private final DevTokens tokens;
    private final Options options;
    private final PrintStream out;

    RegistrationScenario(Api api, DevTokens tokens, Options options, PrintStream out) {
        this.api = api;
        this.tokens = tokens;
        this.options = options;
        this.out = out;
    }

    Outcome run() throws IOException, InterruptedException {
        Outcome outcome = new Outcome();
        outcome.options = options;
        String organizer = tokens.bearer("organizer");
        String admin = tokens.bearer("admin");

        setUp(outcome, organizer);
        String registrationsUrl = options.registrationUrl() + "/seasons/" + outcome.seasonId + "/registrations";

        if (options.warmup() > 0) {
            Teachers warmupTeachers = teachers(options.teachers());
            out.printf("warm-up: %,d registrations, %d clients%n", options.warmup(), options.clients());
            Tracker warmupTracker = new Tracker();
            outcome.warmup = LoadDriver.run("warm-up", api.client(), options.clients(), options.warmup(), 0,
                    i -> registration(registrationsUrl, warmupTeachers.bearers(), i, i), warmupTracker, out, 5);
            out.printf("warm-up: %,.0f registrations/s, p99 %.1f ms, answers %s%n", outcome.warmup.throughput(),
                    LoadDriver.ms(outcome.warmup.latency, 99), outcome.warmup.outcomes);
            out.println("warm-up: waiting for the audit trail to catch up before measuring ...");
            AuditCount caughtUp = waitForAuditCount(admin, warmupTeachers, outcome.warmup, outcome.warmup.ok2xx,
                    outcome.warmup.endNanos, null);
            outcome.warmupAuditCatchUpSeconds = caughtUp.seconds();
            if (caughtUp.seconds() == null) {
                outcome.notes.add("the warm-up's audit rows had not all arrived after " + options.auditTimeout().toSeconds()
                        + " s; the measured phase shared the machine with that backlog");
            } else {
                out.printf("warm-up: audit caught up %.1f s after its last answer%n", caughtUp.seconds());
            }
            settle();
        }

        Teachers teachers = teachers(options.teachers());
        int offset = options.warmup();
        Tracker tracker = new Tracker();
        out.printf("measuring: %,d registrations, %d clients, %d teachers' tokens%n", options.registrations(),
                options.clients(), teachers.ids().size());
        CpuUse.Snapshot cpu0 = CpuUse.take();
        LoadDriver.Result measured;
        try (MetricsSampler sampler = sampler().start()) {
            measured = LoadDriver.run("registration", api.client(), options.clients(), options.registrations(),
                    options.maxSeconds(),
                    i -> registration(registrationsUrl, teachers.bearers(), offset + i, i), tracker, out, 5);
            outcome.metricsDuringLoad = sampler.figures();
        }
        CpuUse.Snapshot cpu1 = CpuUse.take();
        outcome.measured = measured;
        outcome.cpuDuringLoad = CpuUse.between(cpu0, cpu1);
        outcome.registrationStatuses.putAll(tracker.statuses());
        outcome.lastRegistrationId = tracker.lastId;
        if (measured.requests < measured.planned) {
            outcome.notes.add(String.format(java.util.Locale.ROOT, "stopped by --max-seconds %d after %,d of the %,d registrations "
                    + "asked for", options.maxSeconds(), measured.requests, measured.planned));
        }
        out.printf("measured: %,.0f registrations/s over %.1f s; answers %s%n", measured.throughput(), measured.wallSeconds(),
                measured.outcomes);

        try (MetricsSampler sampler = sampler().start()) {
            if (tracker.lastId != null) {
                out.printf("audit: waiting for the row of the last registration %s ...%n", tracker.lastId);
                outcome.auditLagLastSeconds = waitForEntity(admin, tracker.lastId, measured.endNanos);
                if (outcome.auditLagLastSeconds != null) {
                    out.printf("audit: the last registration's row %.2f s after its answer%n", outcome.auditLagLastSeconds);
                }
            }
            out.printf("audit: waiting for %,d registration.created rows ...%n", measured.ok2xx);
            AuditCount all = waitForAuditCount(admin, teachers, measured, measured.ok2xx, measured.endNanos, outcome.notes);
            outcome.auditLagAllSeconds = all.seconds();
            outcome.auditRowsFound = all.found();
            outcome.auditRowsExpected = measured.ok2xx;
            if (all.seconds() != null) {
                out.printf("audit: all %,d rows %.2f s after the last answer%n", all.found(), all.seconds());
            } else {
                out.printf("audit: only %,d of %,d rows after %d s%n", all.found(), measured.ok2xx,
                        options.auditTimeout().toSeconds());
            }
            if (all.found() > measured.ok2xx) {
                outcome.notes.add("the audit trail counts " + all.found() + " registration.created rows by this run's teachers, "
                        + "more than the " + measured.ok2xx + " answered 2xx");
            }
            outcome.metricsDuringAuditCatchUp = sampler.figures();
        }
        outcome.cpuDuringAuditCatchUp = CpuUse.between(cpu1, CpuUse.take());
        return outcome;
    }

    // ---- set-up ---------------------------------------------------------------------------------------------------

    private void setUp(Outcome outcome, String organizer) throws IOException, InterruptedException {
        String[] ids = setUpSeason(api, options.registrationUrl(), organizer, out);
        outcome.eventId = ids[0];
        outcome.seasonId = ids[1];
    }

    /**
     * The season every scenario registers into, made as an organiser: answers the event's and the season's ids.
     * Teacher registrations need the grade and are approved automatically.
     */
    static String[] setUpSeason(Api api, String base, String organizer, PrintStream out) throws IOException, InterruptedException {
        Outcome outcome = new Outcome();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        outcome.eventId = api.post(base + "/events", organizer, Map.of("slug", "bench-" + tag,
                "title", "Олимпиада для нагрузочного теста", "type", "olympiad", "subjectKey", "math"), 201).path("id").asText();
        outcome.seasonId = api.post(base + "/seasons", organizer, Map.of("eventId", outcome.eventId,
                "title", "Сезон нагрузочного теста " + tag, "startsAt", "2026-09-01T00:00:00Z",
                "endsAt", "2027-05-31T00:00:00Z"), 201).path("id").asText();
        String season = base + "/seasons/" + outcome.seasonId;
        api.post(season + "/grade-categories", organizer,
                Map.of("key", "grade_7_11", "title", "7–11 классы", "gradeRangeKey", "7-11"), 201);
        Map<String, Object> policy = Map.of("sources", Map.of(
                "teacher", Map.of("requiredFields", List.of("grade"), "approval", "automatic"),
                "self", Map.of("requiredFields", List.of("grade", "parentContact"),
                        "gradeCategories", List.of("grade_7_11"), "approval", "review")));
        api.patch(season, organizer, Map.of("registrationPolicy", policy), 200);
        for (int position = 1; position <= 2; position++) {
            api.post(season + "/tours", organizer, Map.of("title", "Тур " + position, "position", position, "format", "test"), 201);
        }
        api.post(season + "/transitions", organizer, Map.of("to", "registration_open"), 200);
        out.printf("set-up: event %s, season %s (registration_open; teacher registrations approved automatically)%n",
                outcome.eventId, outcome.seasonId);
        return new String[]{outcome.eventId, outcome.seasonId};
    }

    /** Teachers of one phase: their user ids (the audit rows' actor) and their signed tokens, in the same order. */
    record Teachers(List<UUID> ids, List<String> bearers) {
    }

    private Teachers teachers(int count) {
        List<UUID> ids = new ArrayList<>();
        List<String> bearers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            bearers.add("Bearer " + tokens.sign("teacher", id));
        }
        return new Teachers(ids, bearers);
    }

    /** Registration {@code index} of the season (distinct name), sent with teacher token {@code tokenIndex % n}. */
    private static HttpRequest registration(String url, List<String> bearers, long index, long tokenIndex) {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("source", "teacher");
        body.putObject("participant").put("displayName", Names.displayName(index)).put("grade", GRADES[(int) (index % GRADES.length)]);
        body.put("teacherNameText", TEACHER_NAME);
        return Api.jsonPost(url, bearers.get((int) (tokenIndex % bearers.size())), body.toString());
    }

    /** Counts the registrations' statuses and remembers the last one answered. */
    private static final class Tracker implements LoadDriver.AnswerSink {
        private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        private long lastNanos = Long.MIN_VALUE;
        private String lastId;

        @Override
        public void answered(long index, int status, String body) {
            if (status < 200 || status >= 300) {
                return;
            }
            long now = System.nanoTime();
            try {
                JsonNode registration = Api.JSON.readTree(body);
                statuses.computeIfAbsent(registration.path("status").asText("?"), k -> new LongAdder()).increment();
                String id = registration.path("id").asText(null);
                synchronized (this) {
                    if (now > lastNanos && id != null) {
                        lastNanos = now;
                        lastId = id;
                    }
                }
            } catch (IOException e) {
                statuses.computeIfAbsent("unreadable answer", k -> new LongAdder()).increment();
            }
        }

        Map<String, Long> statuses() {
            Map<String, Long> counts = new TreeMap<>();
            statuses.forEach((k, v) -> counts.put(k, v.sum()));
            return counts;
        }
    }

    // ---- audit ----------------------------------------------------------------------------------------------------

    record AuditCount(Double seconds, long found) {
    }

    /** Seconds from {@code sinceNanos} until the entity's {@code registration.created} row is in the trail; null on timeout. */
    private Double waitForEntity(String admin, String entityId, long sinceNanos) throws InterruptedException {
        long deadline = System.nanoTime() + options.auditTimeout().toNanos();
        // entityType too, so that the audit log's (entity_type, entity_id, created_at) index serves the poll
        String url = options.auditUrl() + "/audit-logs?size=50&entityType=" + REGISTRATION_ENTITY + "&entityId=" + entityId;
        while (System.nanoTime() < deadline) {
            try {
                JsonNode page = api.get(url, admin, 200);
                for (JsonNode row : page.path("items")) {
                    if ("registration.created".equals(row.path("action").asText())) {
                        return (System.nanoTime() - sinceNanos) / 1e9;
                    }
                }
            } catch (IOException e) {
                out.println("audit: " + e.getMessage());
            }
            Thread.sleep(50);
        }
        return null;
    }

    /**
     * Seconds from {@code sinceNanos} until the trail holds {@code expected} {@code registration.created} rows by the
     * phase's teachers in the phase's time range; null (and the count found) on timeout. The audit log has no index
     * for these filters, so each count reads the whole table: the driver polls one count for the phase's time range
     * until it is high enough, then confirms it per teacher (one count each), because the broker may be shared with
     * test runs whose events the local audit-service records too. The time is taken when the confirming answer
     * arrives: an upper bound, later than the truth by at most one round of counts (reported in the notes).
     */
    private AuditCount waitForAuditCount(String admin, Teachers teachers, LoadDriver.Result phase, long expected,
                                         long sinceNanos, List<String> notes) throws InterruptedException {
        long deadline = System.nanoTime() + options.auditTimeout().toNanos();
        String range = "/audit-logs?size=1&action=registration.created&from=" + iso(phase.startedAt.minusMillis(5))
                + "&to=" + iso(phase.endedAt.plusSeconds(2));
        long found = 0;
        long lastPrint = System.nanoTime();
        boolean perTeacher = false;
        while (System.nanoTime() < deadline) {
            long roundStart = System.nanoTime();
            try {
                if (!perTeacher) {
                    found = api.get(options.auditUrl() + range, admin, 200).path("total").asLong();
                    perTeacher = found >= expected;
                }
                if (perTeacher) {
                    long sum = 0;
                    for (UUID teacher : teachers.ids()) {
                        sum += api.get(options.auditUrl() + range + "&actorUserId=" + teacher, admin, 200).path("total").asLong();
                    }
                    found = sum;
                    if (found >= expected) {
                        long now = System.nanoTime();
                        if (notes != null) {
                            notes.add(String.format(java.util.Locale.ROOT, "the audit lag for all rows is an upper bound: the "
                                    + "confirming counts took %.2f s (the audit log has no index for them)", (now - roundStart) / 1e9));
                        }
                        return new AuditCount((now - sinceNanos) / 1e9, found);
                    }
                }
            } catch (IOException e) {
                out.println("audit: " + e.getMessage());
            }
            if (System.nanoTime() - lastPrint > 5_000_000_000L) {
                out.printf("  [audit] %5.0f s: %,d of %,d rows%s%n", (System.nanoTime() - sinceNanos) / 1e9, found, expected,
                        perTeacher ? " (by this run's teachers)" : " (in the time range)");
                lastPrint = System.nanoTime();
            }
            Thread.sleep(200);
        }
        return new AuditCount(null, found);
    }

    /**
     * Waits (at most 120 s) until the registration outbox is empty and the audit consumer has no lag, so that the
     * measured phase starts on a quiet suite.
     */
    private void settle() throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        Double pending = null;
        Double lag = null;
        while (System.nanoTime() < deadline) {
            pending = pendingOutbox();
            String page = api.text(options.auditUrl() + "/q/metrics");
            lag = page == null ? null : MetricsSampler.sum(page, AUDIT_LAG, AUDIT_LAG_TOPICS);
            if ((pending == null || pending == 0) && (lag == null || lag <= 0)) {
                out.println("warm-up: settled (outbox empty, audit consumer without lag)");
                return;
            }
            Thread.sleep(500);
        }
        out.printf("warm-up: not settled after 120 s (outbox %s, audit consumer lag %s); measuring anyway%n", pending, lag);
    }

    private Double pendingOutbox() {
        String page = api.text(options.registrationUrl() + "/q/metrics");
        return page == null ? null : MetricsSampler.sum(page, "competitions_outbox_pending");
    }

    private MetricsSampler sampler() {
        String registration = options.registrationUrl() + "/q/metrics";
        String audit = options.auditUrl() + "/q/metrics";
        List<MetricsSampler.Series> series = new ArrayList<>();
        for (String metric : GAUGES) {
            series.add(new MetricsSampler.Series("registration-service", registration, metric));
        }
        for (String metric : List.of("sql_pool_active", "sql_pool_queue_size", "jvm_gc_pause_seconds_sum",
                "jvm_gc_pause_seconds_count")) {
            series.add(new MetricsSampler.Series("audit-service", audit, metric));
        }
        series.add(new MetricsSampler.Series("audit-service", audit, AUDIT_LAG, AUDIT_LAG_TOPICS));
        return new MetricsSampler(api, series);
    }

    /**
     * The audit consumer's lag: records not yet consumed, per partition, summed over the change topics (the client
     * also reports each topic under a name with {@code _} for {@code .}; those copies are left out).
     */
    private static final String AUDIT_LAG = "kafka_consumer_fetch_manager_records_lag";
    private static final String AUDIT_LAG_TOPICS = "topic=\"competitions.";

    /** The registration service's gauges and counters the report shows. */
    private static final List<String> GAUGES = List.of("http_server_active_requests", "sql_pool_active", "sql_pool_queue_size",
            "sql_pool_queue_delay_seconds_sum", "sql_pool_queue_delay_seconds_count", "sql_pool_usage_seconds_sum",
            "sql_pool_usage_seconds_count", "competitions_outbox_pending", "competitions_outbox_oldest_pending_age_seconds",
            "jvm_gc_pause_seconds_sum", "jvm_gc_pause_seconds_count");

    private static String iso(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}
