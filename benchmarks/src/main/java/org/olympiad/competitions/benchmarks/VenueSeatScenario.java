package org.olympiad.competitions.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Issue 6's seat hot path: {@code --participants} participants admitted with the venue delivery mode ask for a seat
 * at once, spread over {@code --venues} venues with {@code --capacity} seats each (fewer seats than participants, so
 * the venues fill up under contention), one {@code POST /tour-participations/{id}/venue-assignments} each, by
 * {@code --clients} closed-loop clients. Target on this 2-core machine: at least 500 seat assignments per second with
 * p99 under 200 ms.
 *
 * <p>Everything is set up through the services' APIs, as a user would: registration-service registers the
 * participants (teacher source, automatic approval, delivery mode venue, each with an identity user whose token
 * then asks for the seat), venue-service learns of them from {@code competitions.registration.v1}; the venues are
 * applied for, approved and opened in venue-service. Only the seat requests are measured. Afterwards the venues'
 * counts are read back: they must equal the seats granted and never exceed the capacity.
 */
final class VenueSeatScenario {

    static final String NAME = "venue-seats";

    record Options(int clients, int participants, int venues, int capacity, int setupClients, int warmup,
                   String registrationUrl, String venueUrl) {
    }

    private final Api api;
    private final DevTokens tokens;
    private final Options options;
    private final PrintStream out;

    VenueSeatScenario(Api api, DevTokens tokens, Options options, PrintStream out) {
        this.api = api;
        this.tokens = tokens;
        this.options = options;
        this.out = out;
    }

    /** What a run measured. */
    static final class Outcome {
        Options options;
        String seasonId;
        LoadDriver.Result seats;
        long granted;
        long refusedFull;
        long otherAnswers;
        double grantingSeconds;
        long countedInVenues;
        boolean neverAboveCapacity = true;
        double setupRegistrationSeconds;
        double projectionWaitSeconds;
        LoadDriver.Result warmup;
        double settleSeconds;
        double busyBeforeMeasuring;
        Map<String, Double> cpuDuringSeats = Map.of();
        String loadAverageBefore = "?";
        String loadAverageAfter = "?";
        Instant finishedAt;

        double assignmentsPerSecond() {
            return granted / Math.max(grantingSeconds, 1e-9);
        }
    }

    Outcome run() throws IOException, InterruptedException {
        Outcome outcome = new Outcome();
        outcome.options = options;
        String organizer = "Bearer " + tokens.sign("organizer", UUID.randomUUID());
        String reg = options.registrationUrl();
        String venueBase = options.venueUrl();

        // ---- the season in registration-service --------------------------------------------------------------------
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String event = api.post(reg + "/events", organizer, Map.of("slug", "bench-venue-" + tag,
                "title", "Олимпиада: нагрузка на площадки", "type", "olympiad"), 201).path("id").asText();
        outcome.seasonId = api.post(reg + "/seasons", organizer, Map.of("eventId", event, "title", "Сезон площадок " + tag),
                201).path("id").asText();
        String season = reg + "/seasons/" + outcome.seasonId;
        api.post(season + "/grade-categories", organizer, Map.of("key", "grade_7_11", "title", "7–11 классы",
                "gradeRangeKey", "7-11"), 201);
        api.patch(season, organizer, Map.of("registrationPolicy", Map.of("sources", Map.of("teacher",
                Map.of("requiredFields", List.of("grade"), "approval", "automatic")))), 200);
        String tour = api.post(season + "/tours", organizer, Map.of("title", "Очный тур", "position", 1, "format", "written"),
                201).path("id").asText();
        api.post(season + "/transitions", organizer, Map.of("to", "registration_open"), 200);
        String organization = api.post(season + "/organizations", organizer, Map.of("identityOrganizationId",
                UUID.randomUUID().toString(), "displayNameSnapshot", "Школа-площадка " + tag), 201).path("id").asText();
        api.post(reg + "/organizations/" + organization + "/roles", organizer, Map.of("role", "open_venue"), 201);
        out.printf("set-up: season %s, tour %s, organisation %s with the open_venue role%n", outcome.seasonId, tour, organization);

        // ---- participants admitted with the venue delivery mode, each with an identity user -------------------------
        int n = options.participants();
        List<UUID> users = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            users.add(UUID.randomUUID());
        }
        String teacher = "Bearer " + tokens.sign("teacher", UUID.randomUUID());
        String[] participantIds = new String[n];
        long t0 = System.nanoTime();
        LoadDriver.Result registered = LoadDriver.run("set-up registrations", api.client(), options.setupClients(), n, 0, i -> {
            ObjectNode body = Api.JSON.createObjectNode();
            body.put("source", "teacher");
            // grades 7-11 in turn: registration-service's likely-twin check compares a participant with the season's
            // others of the same grade, so one grade for all would make the set-up quadratic in --participants
            body.putObject("participant").put("displayName", Names.displayName(i)).put("grade", String.valueOf(7 + i % 5))
                    .put("identityUserId", users.get((int) i).toString());
            body.putObject("deliveryPreferences").put("mode", "venue");
            return Api.jsonPost(season + "/registrations", teacher, body.toString());
        }, (i, status, body) -> {
            if (status == 201) {
                try {
                    participantIds[(int) i] = Api.JSON.readTree(body).path("participantId").asText();
                } catch (IOException ignored) {
                    // counted as missing below
                }
            }
        }, out, 10);
        outcome.setupRegistrationSeconds = (System.nanoTime() - t0) / 1e9;
        if (registered.ok2xx != n) {
            throw new IOException("set-up: only " + registered.ok2xx + " of " + n + " registrations succeeded " + registered.outcomes);
        }
        Map<String, String> tourParticipationOf = new HashMap<>();
        for (int page = 0; tourParticipationOf.size() < n; page++) {
            JsonNode items = api.get(reg + "/tours/" + tour + "/participations?size=200&page=" + page, organizer, 200).path("items");
            if (items.isEmpty()) {
                break;
            }
            items.forEach(tp -> tourParticipationOf.put(tp.path("participantId").asText(), tp.path("id").asText()));
        }
        String[] tourParticipations = new String[n];
        for (int i = 0; i < n; i++) {
            tourParticipations[i] = tourParticipationOf.get(participantIds[i]);
            if (tourParticipations[i] == null) {
                throw new IOException("set-up: participant " + participantIds[i] + " was not admitted to the tour");
            }
        }
        out.printf("set-up: %,d participants registered and admitted (venue delivery) in %.1f s%n", n,
                outcome.setupRegistrationSeconds);

        // ---- venues, applied for, approved and opened in venue-service ----------------------------------------------
        UUID applicant = UUID.randomUUID();
        String applicantToken = "Bearer " + tokens.sign("teacher", applicant);
        List<String> venues = new ArrayList<>();
        long waitStart = System.nanoTime();
        int warmupSeats = Math.max(1, options.warmup() / 2);
        for (int v = 0; v <= options.venues(); v++) {
            // the last one is the warm-up venue, with seats for half the warm-up requests (so refusals are warmed too)
            boolean warm = v == options.venues();
            Map<String, Object> body = Map.of("competitionOrganizationId", organization,
                    "title", warm ? "Площадка для разогрева" : "Площадка " + (v + 1),
                    "address", Map.of("city", "Москва", "building", String.valueOf(v + 1)),
                    "geoPoint", Map.of("lat", 55.75 + v * 0.01, "lon", 37.62),
                    "capacityTotal", warm ? warmupSeats : options.capacity(), "submit", true);
            String application = untilAccepted(venueBase + "/seasons/" + outcome.seasonId + "/venue-applications",
                    applicantToken, body, Duration.ofSeconds(120));
            api.post(venueBase + "/venue-applications/" + application + "/transitions", organizer, Map.of("to", "approved"), 200);
            String venue = null;
            for (JsonNode item : api.get(venueBase + "/seasons/" + outcome.seasonId + "/venues?size=200", organizer, 200).path("items")) {
                if (application.equals(item.path("venueApplicationId").asText())) {
                    venue = item.path("id").asText();
                }
            }
            api.post(venueBase + "/venues/" + venue + "/transitions", organizer, Map.of("to", "active"), 200);
            api.post(venueBase + "/venues/" + venue + "/transitions", organizer, Map.of("to", "registration_open"), 200);
            venues.add(venue);
        }
        String warmupVenue = venues.remove(venues.size() - 1);
        // venue-service knows a participant once registration-service's events have reached its projection
        for (int i = n - 1; i >= Math.max(0, n - 20); i--) {
            untilFound(venueBase + "/tour-participations/" + tourParticipations[i] + "/venue-assignments", organizer,
                    Duration.ofSeconds(300));
        }
        outcome.projectionWaitSeconds = (System.nanoTime() - waitStart) / 1e9;
        out.printf("set-up: %d venues of %d seats open for selection; venue-service holds every participant (%.1f s)%n",
                venues.size(), options.capacity(), outcome.projectionWaitSeconds);

        // ---- measured: every participant asks for a seat at once -----------------------------------------------------
        String[] bearers = new String[n];
        for (int i = 0; i < n; i++) {
            bearers[i] = "Bearer " + tokens.sign("participant", users.get(i));
        }

        // ---- warm-up, not measured: the first --warmup participants take (and give back) a seat at the warm-up venue,
        // so the measured phase meets a JIT-compiled seat path rather than a cold JVM
        int w = Math.min(options.warmup(), n);
        if (w > 0) {
            String[] warmSeats = new String[w];
            outcome.warmup = LoadDriver.run("warm-up seats", api.client(), options.clients(), w, 0, i ->
                    Api.jsonPost(venueBase + "/tour-participations/" + tourParticipations[(int) i] + "/venue-assignments",
                            bearers[(int) i], "{\"venueId\":\"" + warmupVenue + "\"}"), (i, status, body) -> {
                if (status == 201) {
                    try {
                        warmSeats[(int) i] = Api.JSON.readTree(body).path("id").asText();
                    } catch (IOException ignored) {
                        // an unreadable answer leaves the seat taken; the participant's measured request then says so
                    }
                }
            }, out, 5);
            List<Integer> granted = new ArrayList<>();
            for (int i = 0; i < w; i++) {
                if (warmSeats[i] != null) {
                    granted.add(i);
                }
            }
            if (!granted.isEmpty()) {
                LoadDriver.run("warm-up cancellations", api.client(), options.clients(), granted.size(), 0, k -> {
                    int i = granted.get((int) k);
                    return Api.jsonPost(venueBase + "/venue-assignments/" + warmSeats[i] + "/transitions", bearers[i],
                            "{\"to\":\"cancelled\"}");
                }, (k, status, body) -> {
                }, out, 5);
            }
        }

        // ---- settle: the services' consumers are still working through the set-up's events; measure when quiet ------
        long settleStart = System.nanoTime();
        outcome.busyBeforeMeasuring = waitUntilQuiet(Duration.ofSeconds(180));
        outcome.settleSeconds = (System.nanoTime() - settleStart) / 1e9;
        out.printf("settled in %.1f s: the machine was using %.2f cores before the measured phase%n", outcome.settleSeconds,
                outcome.busyBeforeMeasuring);
        outcome.loadAverageBefore = loadAverage();
        CpuUse.Snapshot cpu0 = CpuUse.take();
        LongAdder granted = new LongAdder();
        LongAdder full = new LongAdder();
        LongAdder other = new LongAdder();
        AtomicLong lastGrant = new AtomicLong();
        long start = System.nanoTime();
        outcome.seats = LoadDriver.run("seats", api.client(), options.clients(), n, 0, i -> {
            String venue = venues.get((int) (i % venues.size()));
            return Api.jsonPost(venueBase + "/tour-participations/" + tourParticipations[(int) i] + "/venue-assignments",
                    bearers[(int) i], "{\"venueId\":\"" + venue + "\"}");
        }, (i, status, body) -> {
            if (status == 201) {
                granted.increment();
                lastGrant.accumulateAndGet(System.nanoTime(), Math::max);
            } else if (status == 409 && body != null && body.contains("\"venue-full\"")) {
                full.increment();
            } else {
                other.increment();
            }
        }, out, 5);
        outcome.granted = granted.sum();
        outcome.refusedFull = full.sum();
        outcome.otherAnswers = other.sum();
        outcome.grantingSeconds = (Math.max(lastGrant.get(), start) - start) / 1e9;
        outcome.cpuDuringSeats = CpuUse.between(cpu0, CpuUse.take());
        outcome.loadAverageAfter = loadAverage();

        // ---- the counts never passed the capacity --------------------------------------------------------------------
        for (String venue : venues) {
            JsonNode v = api.get(venueBase + "/venues/" + venue, organizer, 200);
            int count = v.path("currentAssignmentCount").asInt();
            outcome.countedInVenues += count;
            if (count > v.path("capacity").asInt()) {
                outcome.neverAboveCapacity = false;
            }
        }
        outcome.finishedAt = Instant.now();
        return outcome;
    }

    /**
     * Waits until the machine's busy cores, over 3-second windows, fall below 0.35 (or the patience runs out); the
     * last window's figure.
     */
    private static double waitUntilQuiet(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        double busy;
        do {
            CpuUse.Snapshot a = CpuUse.take();
            Thread.sleep(3000);
            busy = CpuUse.between(a, CpuUse.take()).getOrDefault("machine busy", 0.0);
        } while (busy >= 0.35 && System.nanoTime() < deadline);
        return busy;
    }

    /** The 1, 5 and 15 minute load averages, as uptime prints them. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** POSTs until venue-service accepts (201): it answers 404/422 until the season and organisation are projected. */
    private String untilAccepted(String url, String bearer, Object body, Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return api.post(url, bearer, body, 201).path("id").asText();
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    private void untilFound(String url, String bearer, Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                api.get(url, bearer, 200);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    // ---- report ---------------------------------------------------------------------------------------------------

    static String markdown(Outcome o) {
        LoadDriver.Result s = o.seats;
        StringBuilder md = new StringBuilder();
        md.append("# venue-seats — ").append(o.finishedAt).append("\n\n");
        md.append("`benchmarks/run.sh venue-seats --clients ").append(o.options.clients()).append(" --participants ")
                .append(o.options.participants()).append(" --venues ").append(o.options.venues()).append(" --capacity ")
                .append(o.options.capacity()).append(" --warmup ").append(o.options.warmup()).append("` (season ").append(o.seasonId).append(")\n\n");
        md.append("Target: ≥ 500 seat assignments/s with p99 < 200 ms on this 2-core machine.\n\n");
        md.append("| figure | value |\n|---|---|\n");
        md.append(String.format("| seat requests | %,d by %d clients at %d venues × %d seats |%n", s.requests, s.clients,
                o.options.venues(), o.options.capacity()));
        md.append(String.format("| seats granted (201) | %,d |%n", o.granted));
        md.append(String.format("| refused, venue full (409 venue-full) | %,d |%n", o.refusedFull));
        md.append(String.format("| other answers | %,d %s |%n", o.otherAnswers, s.outcomes));
        md.append(String.format("| **seat assignments per second** (granted / time until the last grant) | **%,.0f** |%n",
                o.assignmentsPerSecond()));
        md.append(String.format("| seat requests per second (all answers / wall time) | %,.0f |%n", s.throughput()));
        md.append(String.format("| latency of every seat request p50 / p95 / p99 / max | %.1f / %.1f / %.1f / %.1f ms |%n",
                LoadDriver.ms(s.latency, 50), LoadDriver.ms(s.latency, 95), LoadDriver.ms(s.latency, 99),
                LoadDriver.maxMs(s.latency)));
        md.append(String.format("| venues' counts after the run (sum) | %,d (%s) |%n", o.countedInVenues,
                o.neverAboveCapacity ? "none above its capacity" : "**A VENUE IS ABOVE ITS CAPACITY**"));
        md.append(String.format("| set-up: registrations through registration-service / until venue-service held them | %.1f s / %.1f s |%n",
                o.setupRegistrationSeconds, o.projectionWaitSeconds));
        if (o.warmup != null) {
            md.append(String.format("| warm-up (not measured): seat requests at a separate venue, then the seats given back | %,d (%s) |%n",
                    o.warmup.requests, o.warmup.outcomes));
        }
        md.append(String.format("| waited for the machine to settle before measuring / its busy cores then | %.1f s / %.2f |%n",
                o.settleSeconds, o.busyBeforeMeasuring));
        md.append(String.format("| load average (1, 5, 15 min) before / after the measured phase | %s / %s |%n",
                o.loadAverageBefore, o.loadAverageAfter));
        md.append("\nLatency per tenth of the requests (the seats run out during the run; later requests are refusals):\n\n");
        md.append("| requests | p50 ms | p99 ms | answered per s |\n|---|---|---|---|\n");
        for (LoadDriver.Slice t : s.tenths) {
            md.append(String.format("| %s | %.1f | %.1f | %,.0f |%n", t.label(), LoadDriver.ms(t.latency(), 50),
                    LoadDriver.ms(t.latency(), 99), t.throughput()));
        }
        if (!o.cpuDuringSeats.isEmpty()) {
            md.append("\nCPU used during the measured phase, in cores (of 2):\n\n| process | cores |\n|---|---:|\n");
            o.cpuDuringSeats.forEach((who, cores) -> md.append(String.format("| %s | %.2f |%n", who, cores)));
        }
        md.append("\nThe load driver runs on the same 2 cores as the services, PostgreSQL and Kafka.\n");
        return md.toString();
    }

    static Path write(Outcome o, Path resultsDir) throws IOException {
        Files.createDirectories(resultsDir);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(o.finishedAt);
        Path file = resultsDir.resolve(NAME + "-" + stamp + ".md");
        String md = markdown(o);
        Files.writeString(file, md);
        Files.writeString(resultsDir.resolve("LATEST-venue.md"), md);
        return file;
    }

    // ---- entry from Bench -------------------------------------------------------------------------------------------

    /** {@code Bench venue-seats [--option value ...]}: exit 0 when no venue went above its capacity and nothing failed. */
    static int main(Map<String, String> opts, PrintStream out) {
        Path repo = Bench.repositoryRoot();
        Options options = new Options(number(opts, "clients", 32), number(opts, "participants", 3000),
                number(opts, "venues", 10), number(opts, "capacity", 200), number(opts, "setup-clients", 8),
                opts.containsKey("warmup") && "0".equals(opts.get("warmup")) ? 0 : number(opts, "warmup", 600),
                opts.getOrDefault("registration-url", "http://127.0.0.1:8081"),
                opts.getOrDefault("venue-url", "http://127.0.0.1:8082"));
        Path key = Path.of(opts.getOrDefault("key", repo.resolve("deploy/local/dev-jwt/dev-jwt-private.pem").toString()));
        Path results = Path.of(opts.getOrDefault("results", repo.resolve("benchmarks/results").toString()));
        opts.keySet().removeAll(java.util.Set.of("clients", "participants", "venues", "capacity", "setup-clients", "warmup",
                "registration-url", "venue-url", "audit-url", "key", "results"));
        if (!opts.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + opts.keySet()
                    + " (venue-seats: --clients --participants --venues --capacity --setup-clients --warmup --registration-url --venue-url)");
        }
        Api api = new Api(Api.newClient());
        for (String base : new String[]{options.registrationUrl(), options.venueUrl()}) {
            if (api.status(base + "/q/health/ready") != 200) {
                System.err.println("bench: " + base + "/q/health/ready does not answer 200: start the suite (deploy/local/up.sh)");
                return 4;
            }
        }
        Outcome outcome;
        try {
            outcome = new VenueSeatScenario(api, DevTokens.fromPem(key), options, out).run();
        } catch (IOException e) {
            System.err.println("bench: " + e.getMessage());
            return 4;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 4;
        }
        out.println();
        out.print(markdown(outcome));
        try {
            out.println("written: " + write(outcome, results));
        } catch (IOException e) {
            System.err.println("bench: could not write the report: " + e.getMessage());
        }
        boolean clean = outcome.neverAboveCapacity && outcome.otherAnswers == 0 && outcome.countedInVenues == outcome.granted;
        return clean ? 0 : 1;
    }

    private static int number(Map<String, String> opts, String name, int otherwise) {
        String v = opts.get(name);
        try {
            int n = v == null ? otherwise : Integer.parseInt(v.replace("_", ""));
            if (n < 1) {
                throw new IllegalArgumentException("--" + name + " must be at least 1");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a whole number, not '" + v + "'");
        }
    }
}
