package org.olympiad.competitions.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The registration run's summary: printed, and written as Markdown with the same figures as JSON inside it to
 * {@code benchmarks/results/registration-<UTC timestamp>.md} and {@code benchmarks/results/LATEST-registration.md}
 * (small, to be committed).
 */
final class Report {

    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    static final String MACHINE_NOTE = "The load driver runs on the same machine as the six services, PostgreSQL and "
            + "Kafka and competes with them for its " + Runtime.getRuntime().availableProcessors() + " cores (see the CPU table).";

    private Report() {
    }

    static ObjectNode json(RegistrationScenario.Outcome o) {
        LoadDriver.Result m = o.measured;
        ObjectNode root = Api.JSON.createObjectNode();
        root.put("scenario", RegistrationScenario.NAME);
        root.put("startedAt", m.startedAt.toString());
        ObjectNode machine = root.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.version"));
        machine.put("note", MACHINE_NOTE);
        ObjectNode options = root.putObject("options");
        options.put("clients", o.options.clients());
        options.put("registrations", o.options.registrations());
        options.put("warmup", o.options.warmup());
        options.put("teacherTokens", o.options.teachers());
        options.put("maxSeconds", o.options.maxSeconds());
        root.put("seasonId", o.seasonId);
        root.put("requests", m.requests);
        root.put("requestsPlanned", m.planned);
        root.put("ok2xx", m.ok2xx);
        root.put("status5xx", m.status5xx);
        root.put("transportErrors", m.transportErrors);
        ObjectNode outcomes = root.putObject("answers");
        m.outcomes.forEach(outcomes::put);
        ObjectNode statuses = root.putObject("registrationStatuses");
        o.registrationStatuses.forEach(statuses::put);
        root.put("wallSeconds", round(m.wallSeconds(), 3));
        root.put("throughputPerSecond", round(m.throughput(), 1));
        root.set("latencyMs", latency(m.latency));
        ObjectNode audit = root.putObject("auditLagSeconds");
        audit.put("lastRegistrationId", o.lastRegistrationId);
        putOrNull(audit, "last", o.auditLagLastSeconds);
        putOrNull(audit, "all", o.auditLagAllSeconds);
        audit.put("rowsFound", o.auditRowsFound);
        audit.put("rowsExpected", o.auditRowsExpected);
        audit.put("timeoutSeconds", o.options.auditTimeout().toSeconds());
        if (o.warmup != null) {
            ObjectNode w = root.putObject("warmup");
            w.put("requests", o.warmup.requests);
            w.put("throughputPerSecond", round(o.warmup.throughput(), 1));
            w.put("p99Ms", round(LoadDriver.ms(o.warmup.latency, 99), 2));
            putOrNull(w, "auditCatchUpSeconds", o.warmupAuditCatchUpSeconds);
        }
        ArrayNode tenths = root.putArray("tenths");
        for (LoadDriver.Slice s : m.tenths) {
            ObjectNode t = tenths.addObject();
            t.put("requests", s.label());
            t.put("participantsInSeasonBefore", o.options.warmup() + s.firstIndex());
            t.put("seconds", round(s.seconds(), 2));
            t.put("throughputPerSecond", round(s.throughput(), 1));
            t.set("latencyMs", latency(s.latency()));
        }
        ObjectNode cpu = root.putObject("cpuCores");
        ObjectNode load = cpu.putObject("load");
        o.cpuDuringLoad.forEach((k, v) -> load.put(k, round(v, 2)));
        ObjectNode catchUp = cpu.putObject("auditCatchUp");
        o.cpuDuringAuditCatchUp.forEach((k, v) -> catchUp.put(k, round(v, 2)));
        ObjectNode metrics = root.putObject("metrics");
        putMetrics(metrics.putObject("load"), o.metricsDuringLoad);
        putMetrics(metrics.putObject("auditCatchUp"), o.metricsDuringAuditCatchUp);
        ObjectNode targets = root.putObject("targets");
        targets.put("throughputAtLeast1000PerSecond", m.throughput() >= RegistrationScenario.TARGET_THROUGHPUT);
        targets.put("p99Below100Ms", LoadDriver.ms(m.latency, 99) < RegistrationScenario.TARGET_P99_MS);
        targets.put("no5xx", m.status5xx == 0 && m.transportErrors == 0);
        ArrayNode notes = root.putArray("notes");
        o.notes.forEach(notes::add);
        return root;
    }

    static String markdown(RegistrationScenario.Outcome o, ObjectNode json) throws IOException {
        LoadDriver.Result m = o.measured;
        Histogram h = m.latency;
        StringBuilder md = new StringBuilder();
        md.append("# Registration benchmark, ").append(m.startedAt.toString(), 0, 19).append("Z\n\n");
        md.append(String.format(Locale.ROOT, "`benchmarks/run.sh registration --clients %d --registrations %d --warmup %d --teachers %d%s` "
                        + "against the local suite (`deploy/local/up.sh`), season `%s`.%n%n", o.options.clients(),
                o.options.registrations(), o.options.warmup(), o.options.teachers(),
                o.options.maxSeconds() > 0 ? " --max-seconds " + o.options.maxSeconds() : "", o.seasonId));
        md.append(MACHINE_NOTE).append("\n\n");
        md.append("| clients | requests | 2xx | non-2xx | wall s | registrations/s | p50 ms | p90 ms | p95 ms | p99 ms | p99.9 ms | max ms | audit lag, last | audit lag, all |\n");
        md.append("|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| %d | %,d | %,d | %s | %.1f | **%,.0f** | %.1f | %.1f | %.1f | **%.1f** | %.1f | %.1f | %s | %s |%n%n",
                m.clients, m.requests, m.ok2xx, nonOk(m), m.wallSeconds(), m.throughput(), LoadDriver.ms(h, 50),
                LoadDriver.ms(h, 90), LoadDriver.ms(h, 95), LoadDriver.ms(h, 99), LoadDriver.ms(h, 99.9), LoadDriver.maxMs(h),
                seconds(o.auditLagLastSeconds), seconds(o.auditLagAllSeconds)));
        md.append(String.format(Locale.ROOT, "Targets: ≥ 1,000 registrations/s — **%s** (%,.0f/s); p99 < 100 ms — **%s** (%.1f ms); "
                        + "no 5xx — **%s**.%n%n",
                m.throughput() >= RegistrationScenario.TARGET_THROUGHPUT ? "met" : "not met", m.throughput(),
                LoadDriver.ms(h, 99) < RegistrationScenario.TARGET_P99_MS ? "met" : "not met", LoadDriver.ms(h, 99),
                m.status5xx == 0 && m.transportErrors == 0 ? "yes" : "no"));
        md.append("Registration statuses answered: ").append(o.registrationStatuses).append(". ");
        md.append(String.format(Locale.ROOT, "Audit: the last registration's `registration.created` row %s after its answer; "
                        + "all %,d of %,d rows %s after the last answer.%n%n", seconds(o.auditLagLastSeconds), o.auditRowsFound,
                o.auditRowsExpected, seconds(o.auditLagAllSeconds)));
        if (o.warmup != null) {
            md.append(String.format(Locale.ROOT, "Warm-up (not measured): %,d registrations at %,.0f/s, p99 %.1f ms; its audit rows "
                            + "complete %s after its last answer.%n%n", o.warmup.requests, o.warmup.throughput(),
                    LoadDriver.ms(o.warmup.latency, 99), seconds(o.warmupAuditCatchUpSeconds)));
        }
        md.append("## Each tenth of the measured phase\n\n");
        md.append("The season already holds the warm-up's participants and the phase's earlier ones.\n\n");
        md.append("| requests | participants in the season before | s | registrations/s | p50 ms | p99 ms | max ms |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        for (LoadDriver.Slice s : m.tenths) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %.1f | %.1f | %.1f |%n", s.label(),
                    o.options.warmup() + s.firstIndex(), s.seconds(),
                    s.throughput(), LoadDriver.ms(s.latency(), 50), LoadDriver.ms(s.latency(), 99), LoadDriver.maxMs(s.latency())));
        }
        md.append("\n## CPU, in cores (CPU seconds per second)\n\n");
        md.append("| who | during the load | during the audit catch-up |\n|---|---:|---:|\n");
        for (String who : o.cpuDuringLoad.keySet()) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %s |%n", who, o.cpuDuringLoad.get(who),
                    o.cpuDuringAuditCatchUp.containsKey(who) ? String.format(Locale.ROOT, "%.2f", o.cpuDuringAuditCatchUp.get(who)) : "–"));
        }
        if (!o.metricsDuringLoad.isEmpty() || !o.metricsDuringAuditCatchUp.isEmpty()) {
            md.append("\n## The services' metrics, sampled once a second\n\n");
            md.append("Gauges: highest / last; counters (`_sum`, `_count`): what the phase added.\n\n");
            md.append("| series | during the load | during the audit catch-up |\n|---|---:|---:|\n");
            java.util.Set<String> keys = new java.util.LinkedHashSet<>(o.metricsDuringLoad.keySet());
            keys.addAll(o.metricsDuringAuditCatchUp.keySet());
            for (String k : keys) {
                md.append("| `").append(k).append("` | ").append(figure(k, o.metricsDuringLoad.get(k))).append(" | ")
                        .append(figure(k, o.metricsDuringAuditCatchUp.get(k))).append(" |\n");
            }
            for (String service : new String[]{"registration-service", "audit-service"}) {
                Double waitMs = averageMs(o.metricsDuringLoad, service, "sql_pool_queue_delay_seconds");
                Double useMs = averageMs(o.metricsDuringLoad, service, "sql_pool_usage_seconds");
                MetricsSampler.Figure gc = o.metricsDuringLoad.get(service + " jvm_gc_pause_seconds_sum");
                if (waitMs != null || useMs != null) {
                    md.append(String.format(Locale.ROOT, "%n%s during the load: a database connection was waited for %s on "
                                    + "average and held %s per use.%n", service, waitMs == null ? "?" : String.format(Locale.ROOT, "%.2f ms", waitMs),
                            useMs == null ? "?" : String.format(Locale.ROOT, "%.2f ms", useMs)));
                }
                if (gc != null) {
                    md.append(String.format(Locale.ROOT, "%n%s paused for garbage collection %.1f s of the %.1f s load.%n", service,
                            gc.increase(), m.wallSeconds()));
                }
            }
        }
        if (!o.notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            o.notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        md.append("\n## The same, as JSON\n\n```json\n").append(compact(json)).append("\n```\n");
        return md.toString();
    }

    /** Prints the summary and writes the two files; the path of the timestamped one. */
    static Path write(RegistrationScenario.Outcome o, Path resultsDir) throws IOException {
        ObjectNode json = json(o);
        String md = markdown(o, json);
        Files.createDirectories(resultsDir);
        Path file = resultsDir.resolve(RegistrationScenario.NAME + "-" + FILE_STAMP.format(o.measured.startedAt) + ".md");
        Files.writeString(file, md);
        Files.writeString(resultsDir.resolve("LATEST-" + RegistrationScenario.NAME + ".md"), md);
        return file;
    }

    static void print(RegistrationScenario.Outcome o, java.io.PrintStream out) {
        LoadDriver.Result m = o.measured;
        Histogram h = m.latency;
        out.println();
        out.println("==== registration: summary ====");
        out.printf(Locale.ROOT, "clients %d, requests %,d, 2xx %,d, non-2xx %s%n", m.clients, m.requests, m.ok2xx, nonOk(m));
        out.printf(Locale.ROOT, "wall %.2f s, throughput %,.1f registrations/s%n", m.wallSeconds(), m.throughput());
        out.printf(Locale.ROOT, "latency ms: p50 %.1f  p90 %.1f  p95 %.1f  p99 %.1f  p99.9 %.1f  max %.1f  (mean %.1f)%n",
                LoadDriver.ms(h, 50), LoadDriver.ms(h, 90), LoadDriver.ms(h, 95), LoadDriver.ms(h, 99), LoadDriver.ms(h, 99.9),
                LoadDriver.maxMs(h), h.getMean() / 1000.0);
        out.printf(Locale.ROOT, "registration statuses: %s%n", o.registrationStatuses);
        out.printf(Locale.ROOT, "audit lag: last registration %s, all %,d of %,d rows %s%n", seconds(o.auditLagLastSeconds),
                o.auditRowsFound, o.auditRowsExpected, seconds(o.auditLagAllSeconds));
        out.printf(Locale.ROOT, "targets: throughput >= 1000/s %s, p99 < 100 ms %s%n",
                m.throughput() >= RegistrationScenario.TARGET_THROUGHPUT ? "MET" : "NOT MET",
                LoadDriver.ms(h, 99) < RegistrationScenario.TARGET_P99_MS ? "MET" : "NOT MET");
        out.print("CPU cores during the load:");
        o.cpuDuringLoad.forEach((k, v) -> out.printf(Locale.ROOT, " %s %.2f;", k, v));
        out.println();
        out.println("(" + MACHINE_NOTE + ")");
        o.notes.forEach(n -> out.println("note: " + n));
    }

    /** One top-level field a line, each value on one line: short, and a diff shows which figure changed. */
    static String compact(ObjectNode json) throws IOException {
        StringBuilder out = new StringBuilder("{\n");
        var fields = json.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            out.append("  ").append(Api.JSON.writeValueAsString(field.getKey())).append(": ")
                    .append(Api.JSON.writeValueAsString(field.getValue())).append(fields.hasNext() ? ",\n" : "\n");
        }
        return out.append('}').toString();
    }

    private static String nonOk(LoadDriver.Result m) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Long> e : m.outcomes.entrySet()) {
            if (e.getKey().matches("2\\d\\d")) {
                continue;
            }
            s.append(s.length() == 0 ? "" : ", ").append(e.getKey()).append(": ").append(e.getValue());
        }
        return s.length() == 0 ? "none" : s.toString();
    }

    private static ObjectNode latency(Histogram h) {
        ObjectNode l = Api.JSON.createObjectNode();
        l.put("p50", round(LoadDriver.ms(h, 50), 2));
        l.put("p90", round(LoadDriver.ms(h, 90), 2));
        l.put("p95", round(LoadDriver.ms(h, 95), 2));
        l.put("p99", round(LoadDriver.ms(h, 99), 2));
        l.put("p99.9", round(LoadDriver.ms(h, 99.9), 2));
        l.put("max", round(LoadDriver.maxMs(h), 2));
        l.put("mean", round(h.getTotalCount() == 0 ? 0 : h.getMean() / 1000.0, 2));
        return l;
    }

    private static void putMetrics(ObjectNode node, Map<String, MetricsSampler.Figure> figures) {
        figures.forEach((k, f) -> {
            ObjectNode m = node.putObject(k);
            if (counter(k)) {
                m.put("increase", round(f.increase(), 3));
            } else {
                m.put("max", round(f.max(), 1));
                m.put("last", round(f.last(), 1));
            }
            m.put("samples", f.samples());
        });
    }

    private static boolean counter(String key) {
        return key.endsWith("_sum") || key.endsWith("_count") || key.endsWith("_total");
    }

    private static String figure(String key, MetricsSampler.Figure f) {
        if (f == null) {
            return "–";
        }
        return counter(key) ? String.format(Locale.ROOT, "+%,.1f", f.increase())
                : String.format(Locale.ROOT, "%,.0f / %,.0f", f.max(), f.last());
    }

    /** The average, in ms, of a timer over the phase: its sum's increase over its count's. */
    static Double averageMs(Map<String, MetricsSampler.Figure> figures, String service, String timer) {
        MetricsSampler.Figure sum = figures.get(service + " " + timer + "_sum");
        MetricsSampler.Figure count = figures.get(service + " " + timer + "_count");
        if (sum == null || count == null || count.increase() <= 0) {
            return null;
        }
        return sum.increase() / count.increase() * 1000;
    }

    private static void putOrNull(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, round(value, 3));
        }
    }

    private static String seconds(Double s) {
        return s == null ? "not within the timeout" : String.format(Locale.ROOT, "%.2f s", s);
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
