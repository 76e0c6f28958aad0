package org.olympiad.competitions.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.PrintStream;
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
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * A publication of N diplomas through documents-service, end to end: the scenario plays registration-service
 * (a season and N participants, read by documents-service before the publication) and then results-service
 * (N {@code result.published} and one {@code publication.published} on {@code competitions.results.v1}), and times
 * from the first result event to the job's {@code succeeded}: every PDF rendered, stored and marked generated with
 * its event. It samples documents-service's heap from {@code /q/metrics} every second to show memory stays flat.
 */
final class DocumentsScenario {

    static final String NAME = "documents";
    private static final String REGISTRATION_TOPIC = "competitions.registration.v1";
    private static final String RESULTS_TOPIC = "competitions.results.v1";
    private static final String[] AWARDS = {"diploma_1", "diploma_2", "diploma_3"};
    private static final String[] TITLES = {"Диплом I степени", "Диплом II степени", "Диплом III степени"};

    record Options(int documents, String documentsUrl, String kafka, String registrationGroup, Duration timeout) {
    }

    record Sample(double seconds, int done, long heapBytes) {
    }

    record Outcome(Options options, double totalSeconds, double generationSeconds, int done, int failed, String status,
                   List<Sample> samples, long heapMin, long heapMax, double sendSeconds, String loadBefore,
                   String loadAfter) {
        double documentsPerSecond() {
            return done / totalSeconds;
        }
    }

    private final Api api;
    private final DevTokens tokens;
    private final Options options;
    private final PrintStream out;
    private String loadBefore = "?";

    DocumentsScenario(Api api, DevTokens tokens, Options options, PrintStream out) {
        this.api = api;
        this.tokens = tokens;
        this.options = options;
        this.out = out;
    }

    Outcome run() throws IOException, InterruptedException {
        UUID event = UUID.randomUUID();
        UUID season = UUID.randomUUID();
        UUID publication = UUID.randomUUID();
        List<UUID> participants = new ArrayList<>(options.documents());
        try (KafkaProducer<String, String> producer = producer()) {
            out.printf("set-up: a season and %d participants to %s%n", options.documents(), REGISTRATION_TOPIC);
            send(producer, REGISTRATION_TOPIC, envelope("event.created", "competition_events", event, null,
                    row(event).put("slug", "bench-" + event).put("title", "Олимпиада по математике (бенчмарк)")
                            .put("type", "olympiad")));
            send(producer, REGISTRATION_TOPIC, envelope("season.created", "competition_seasons", season, season,
                    row(season).put("event_id", event.toString()).put("title", "Сезон 2026/27").put("status", "published")));
            List<Future<?>> acks = new ArrayList<>();
            for (int i = 0; i < options.documents(); i++) {
                UUID participant = UUID.randomUUID();
                participants.add(participant);
                acks.add(send(producer, REGISTRATION_TOPIC, envelope("participant.created", "competition_participants",
                        participant, season, row(participant).put("season_id", season.toString())
                                .put("display_name", Names.displayName(i)).put("grade", "9"))));
            }
            await(acks);
            waitForConsumer(options.registrationGroup(), REGISTRATION_TOPIC);

            loadBefore = loadAverage();
            out.printf("publication: %d result.published + publication.published to %s%n", options.documents(), RESULTS_TOPIC);
            long start = System.nanoTime();
            acks.clear();
            for (int i = 0; i < participants.size(); i++) {
                UUID result = UUID.randomUUID();
                ObjectNode row = row(result).put("season_id", season.toString())
                        .put("participant_id", participants.get(i).toString()).put("score", 100 - i % 50)
                        .put("rank", i + 1).put("award_status_key", AWARDS[i % 3]).put("status", "finalized")
                        .put("publication_status", "personal").put("is_withheld", false)
                        .put("publication_id", publication.toString()).put("award_title", TITLES[i % 3]);
                acks.add(send(producer, RESULTS_TOPIC, envelope("result.published", "competition_results", result, season, row)));
            }
            acks.add(send(producer, RESULTS_TOPIC, envelope("publication.published", "competition_publications",
                    publication, season, row(publication).put("season_id", season.toString())
                            .put("type", "personal_results").put("status", "published")
                            .put("published_result_count", options.documents()))));
            await(acks);
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            out.printf("sent in %.1f s; waiting for the job%n", sendSeconds);
            return follow(publication, start, sendSeconds);
        }
    }

    private Outcome follow(UUID publication, long start, double sendSeconds) throws IOException, InterruptedException {
        String organizer = tokens.bearer("organizer");
        List<Sample> samples = new ArrayList<>();
        long heapMin = Long.MAX_VALUE;
        long heapMax = 0;
        Double firstDone = null;
        long deadline = start + options.timeout().toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode page = api.get(options.documentsUrl() + "/document-generation-jobs?publicationId=" + publication,
                    organizer, 200);
            long heap = heapUsed();
            double seconds = (System.nanoTime() - start) / 1e9;
            JsonNode job = page.path("items").path(0);
            int done = job.path("progress").path("done").asInt();
            if (heap > 0) {
                heapMin = Math.min(heapMin, heap);
                heapMax = Math.max(heapMax, heap);
            }
            samples.add(new Sample(seconds, done, heap));
            if (firstDone == null && done > 0) {
                firstDone = seconds;
            }
            String status = job.path("status").asText("none");
            if (samples.size() % 5 == 1 || status.equals("succeeded") || status.equals("failed")) {
                out.printf("  %6.1f s  %-9s %5d of %5d  heap %4d MB%n", seconds, status, done,
                        job.path("progress").path("total").asInt(), heap / 1_000_000);
            }
            if (status.equals("succeeded") || status.equals("failed")) {
                return new Outcome(options, seconds, seconds - (firstDone == null ? 0 : firstDone), done,
                        job.path("progress").path("failed").asInt(), status, samples, heapMin, heapMax, sendSeconds,
                        loadBefore, loadAverage());
            }
            Thread.sleep(1000);
        }
        throw new IOException("the job did not finish within " + options.timeout().toSeconds() + " s");
    }

    /** The machine's load average (1, 5, 15 min), which every figure must be read with. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** documents-service's heap in use now (all pools), from its Prometheus metrics; -1 when unreadable. */
    private long heapUsed() {
        String metrics = api.text(options.documentsUrl() + "/q/metrics");
        if (metrics == null) {
            return -1;
        }
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) sum;
    }

    /** Waits until the consumer group has read the topic to its end (documents-service knows every participant). */
    private void waitForConsumer(String group, String topic) throws InterruptedException, IOException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafka());
        try (Admin admin = Admin.create(props)) {
            long until = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (System.nanoTime() < until) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                long lag = 0;
                for (var e : ends.entrySet()) {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    lag += e.getValue().offset() - (c == null ? 0 : c.offset());
                }
                if (lag == 0) {
                    return;
                }
                out.printf("  documents-service has %d registration events to read%n", lag);
                Thread.sleep(2000);
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("Kafka admin: " + e.getCause(), e);
        }
        throw new IOException("documents-service did not read the registration events within 10 minutes");
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafka());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static Future<?> send(KafkaProducer<String, String> producer, String topic, ObjectNode envelope) {
        return producer.send(new ProducerRecord<>(topic, envelope.get("entityId").asText(), envelope.toString()));
    }

    private static void await(List<Future<?>> acks) throws IOException, InterruptedException {
        for (Future<?> ack : acks) {
            try {
                ack.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException("Kafka refused an event: " + e.getCause(), e);
            }
        }
    }

    private static ObjectNode envelope(String type, String entityType, UUID id, UUID season, ObjectNode after) {
        ObjectNode e = Api.JSON.createObjectNode();
        e.put("eventId", UUID.randomUUID().toString()).put("type", type).put("entityType", entityType)
                .put("entityId", id.toString()).put("seasonId", season == null ? null : season.toString())
                .putNull("actorUserId").put("occurredAt", Instant.now().toString()).put("requestId", "bench")
                .putNull("reason").putNull("before").put("schemaVersion", 1);
        e.set("after", after);
        return e;
    }

    private static ObjectNode row(UUID id) {
        return Api.JSON.createObjectNode().put("id", id.toString());
    }

    // ---- report --------------------------------------------------------------------------------------------------

    static void print(Outcome o, PrintStream out) {
        out.println(markdown(o));
    }

    static String markdown(Outcome o) {
        StringBuilder md = new StringBuilder();
        md.append("# documents: a publication of ").append(o.options().documents()).append(" diplomas\n\n");
        md.append("Measured ").append(DateTimeFormatter.ISO_INSTANT.format(Instant.now())).append(" on this machine (2 cores). ")
                .append("Driver: `benchmarks/run.sh documents --documents ").append(o.options().documents())
                .append("` against one documents-service (`-Xmx384m`), PostgreSQL and Kafka on the same cores. ")
                .append("Load average at the first result event: ").append(o.loadBefore()).append("; at the end: ")
                .append(o.loadAfter()).append(".\n\n");
        md.append("| figure | value |\n|---|---|\n");
        md.append("| job status | ").append(o.status()).append(" (").append(o.done()).append(" generated, ")
                .append(o.failed()).append(" failed) |\n");
        md.append(String.format("| total: first result event sent → job succeeded | **%.1f s** (target < 120 s) |%n", o.totalSeconds()));
        md.append(String.format("| documents per second, end to end | **%.0f** |%n", o.documentsPerSecond()));
        md.append(String.format("| sending the %d result events | %.1f s |%n", o.options().documents(), o.sendSeconds()));
        md.append(String.format("| first PDF done → last PDF done | %.1f s (%.0f documents/s) |%n", o.generationSeconds(),
                o.generationSeconds() > 0 ? o.done() / o.generationSeconds() : 0));
        md.append(String.format("| heap used by documents-service while it ran | min %d MB, max %d MB (of 384 MB max) |%n",
                o.heapMin() / 1_000_000, o.heapMax() / 1_000_000));
        md.append("\nHeap over the run (one sample a second; PDFs are made in batches of 100 and stored, not held):\n\n");
        md.append("| s | documents done | heap MB |\n|---|---|---|\n");
        int step = Math.max(1, o.samples().size() / 20);
        for (int i = 0; i < o.samples().size(); i += step) {
            Sample s = o.samples().get(i);
            md.append(String.format("| %.0f | %d | %d |%n", s.seconds(), s.done(), s.heapBytes() / 1_000_000));
        }
        Sample last = o.samples().get(o.samples().size() - 1);
        md.append(String.format("| %.0f | %d | %d |%n", last.seconds(), last.done(), last.heapBytes() / 1_000_000));
        return md.toString();
    }

    static Path write(Outcome o, Path results) throws IOException {
        Files.createDirectories(results);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        Path file = results.resolve(NAME + "-" + stamp + ".md");
        Files.writeString(file, markdown(o));
        Files.writeString(results.resolve("LATEST-" + NAME + ".md"), markdown(o));
        return file;
    }
}
