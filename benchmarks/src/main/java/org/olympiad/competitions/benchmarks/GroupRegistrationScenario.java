package org.olympiad.competitions.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 3's second target: a group of {@code --members} (10,000) registered in one request in under 10 s.
 * <ol>
 *   <li>Set-up: the season of {@link RegistrationScenario} (teacher registrations approved automatically).</li>
 *   <li>A teacher creates the season's group from a learning group's snapshot of {@code --members} members (names
 *       distinct, grades 7–11 in turn, no identity refs): {@code POST /seasons/{id}/groups}, timed.</li>
 *   <li>Measured: {@code POST /groups/{id}/registrations}, one request: every member gets a participant, an
 *       approved registration, a season participation, a first-tour admission, a group row and their seven events.
 *       Time to the answer, and the CPU the processes used meanwhile.</li>
 *   <li>The same request again, timed: it must register nobody twice ({@code alreadyRegistered} = members).</li>
 *   <li>Audit lag: from the first answer until the teacher's {@code registration.created} rows number the members.</li>
 * </ol>
 */
final class GroupRegistrationScenario {

    static final String NAME = "group-registration";
    static final double TARGET_SECONDS = 10;

    private final Api api;
    private final DevTokens tokens;
    private final String registrationUrl;
    private final String auditUrl;
    private final int members;
    private final Duration auditTimeout;
    private final Path results;
    private final PrintStream out;

    GroupRegistrationScenario(Api api, DevTokens tokens, String registrationUrl, String auditUrl, int members,
                              Duration auditTimeout, Path results, PrintStream out) {
        this.api = api;
        this.tokens = tokens;
        this.registrationUrl = registrationUrl;
        this.auditUrl = auditUrl;
        this.members = members;
        this.auditTimeout = auditTimeout;
        this.results = results;
        this.out = out;
    }

    /** Runs the scenario; answers the exit code (0 ok, 1 a request failed, 3 the audit rows were late). */
    int run() throws IOException, InterruptedException {
        String organizer = tokens.bearer("organizer");
        String admin = tokens.bearer("admin");
        UUID teacherId = UUID.randomUUID();
        String teacher = "Bearer " + tokens.sign("teacher", teacherId);
        String seasonId = RegistrationScenario.setUpSeason(api, registrationUrl, organizer, out)[1];

        ObjectNode snapshot = Api.JSON.createObjectNode();
        snapshot.put("learningWorkspaceId", UUID.randomUUID().toString());
        snapshot.put("learningGroupId", UUID.randomUUID().toString());
        snapshot.put("titleSnapshot", "Параллель нагрузочного теста");
        ArrayNode list = snapshot.putArray("members");
        for (int i = 0; i < members; i++) {
            list.addObject().put("learningGroupMemberId", UUID.randomUUID().toString())
                    .put("displayName", Names.displayName(i))
                    .put("grade", RegistrationScenario.GRADES[i % RegistrationScenario.GRADES.length]);
        }
        String body = snapshot.toString();
        long t0 = System.nanoTime();
        String groupId = api.send(longPost(registrationUrl + "/seasons/" + seasonId + "/groups", teacher, body), 201)
                .path("id").asText();
        double createSeconds = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "group %s: snapshot of %,d members (%,d bytes) created in %.2f s%n", groupId, members,
                body.getBytes(StandardCharsets.UTF_8).length, createSeconds);

        String register = "{\"teacherNameText\": \"" + RegistrationScenario.TEACHER_NAME + "\"}";
        Instant startedAt = Instant.now();
        CpuUse.Snapshot cpu0 = CpuUse.take();
        long t1 = System.nanoTime();
        JsonNode first;
        try {
            first = api.send(longPost(registrationUrl + "/groups/" + groupId + "/registrations", teacher, register), 200);
        } catch (IOException e) {
            out.println("group registration failed: " + e.getMessage());
            return 1;
        }
        long answeredNanos = System.nanoTime();
        double registerSeconds = (answeredNanos - t1) / 1e9;
        Map<String, Double> cpu = CpuUse.between(cpu0, CpuUse.take());
        out.printf(Locale.ROOT, "measured: %,d members registered in one request in %.2f s (%,.0f members/s): %s%n", members,
                registerSeconds, members / registerSeconds, abbreviated(first));

        long t2 = System.nanoTime();
        JsonNode again = api.send(longPost(registrationUrl + "/groups/" + groupId + "/registrations", teacher, register), 200);
        double againSeconds = (System.nanoTime() - t2) / 1e9;
        out.printf(Locale.ROOT, "again: %.2f s: %s%n", againSeconds, abbreviated(again));

        String range = auditUrl + "/audit-logs?size=1&action=registration.created&actorUserId=" + teacherId
                + "&from=" + URLEncoder.encode(startedAt.minusSeconds(1).toString(), StandardCharsets.UTF_8);
        long expected = first.path("registered").asLong() + first.path("held").asLong();
        Double auditLag = null;
        long found = 0;
        long deadline = System.nanoTime() + auditTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            found = api.get(range, admin, 200).path("total").asLong();
            if (found >= expected) {
                auditLag = (System.nanoTime() - answeredNanos) / 1e9;
                break;
            }
            Thread.sleep(250);
        }
        out.printf(Locale.ROOT, "audit: %,d of %,d registration.created rows%s%n", found, expected,
                auditLag == null ? " (timed out)" : String.format(Locale.ROOT, ", the last %.2f s after the answer", auditLag));

        StringBuilder cpuLine = new StringBuilder();
        cpu.forEach((process, cores) -> cpuLine.append(String.format(Locale.ROOT, "| %s | %.2f |%n", process, cores)));
        String report = String.format(Locale.ROOT, """
                # group-registration, %s

                Target: %,d members registered in one request in under %.0f s.

                | figure | value |
                |---|---:|
                | members | %,d |
                | snapshot body, bytes | %,d |
                | creating the group (POST /seasons/{id}/groups), s | %.2f |
                | **registering the group (POST /groups/{id}/registrations), s** | **%.2f** |
                | members/s | %,.0f |
                | answer | `%s` |
                | the same request again, s | %.2f |
                | answer again | `%s` |
                | audit rows (registration.created) found / expected | %,d / %,d |
                | audit lag after the answer, s | %s |

                CPU during the registering request, in cores (process group: cores over %.2f s):

                | process | cores |
                |---|---:|
                %s""", DateTimeFormatter.ISO_INSTANT.format(startedAt), members, TARGET_SECONDS, members,
                body.getBytes(StandardCharsets.UTF_8).length, createSeconds, registerSeconds, members / registerSeconds,
                first.toString().length() > 300 ? first.toString().substring(0, 300) + "…" : first.toString(),
                againSeconds, abbreviated(again), found, expected,
                auditLag == null ? "timed out" : String.format(Locale.ROOT, "%.2f", auditLag), registerSeconds, cpuLine);
        Files.createDirectories(results);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(startedAt);
        Path file = results.resolve(NAME + "-" + stamp + ".md");
        Files.writeString(file, report);
        Files.writeString(results.resolve("LATEST-" + NAME + ".md"), report);
        out.print(report);
        out.println("written: " + file);
        return auditLag == null ? 3 : 0;
    }

    /** A POST that may take minutes (the driver's usual timeout is 30 s). */
    private static HttpRequest longPost(String url, String bearer, String body) {
        return HttpRequest.newBuilder(java.net.URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Accept", "application/json").header("Authorization", bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String abbreviated(JsonNode answer) {
        String s = answer.toString();
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
