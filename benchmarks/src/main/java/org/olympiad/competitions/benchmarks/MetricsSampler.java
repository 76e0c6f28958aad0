package org.olympiad.competitions.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads a few gauges from the services' Prometheus endpoints ({@code /q/metrics}) once a second while a phase runs,
 * and keeps the highest, the first and the last value of each (summed over its labels): the outbox backlog, the
 * database pool's use and waiting queue, the audit consumer's lag; for counters (the pool's total wait) the
 * increase over the phase. Evidence of where the time goes, for the report.
 */
final class MetricsSampler implements AutoCloseable {

    /**
     * One series to watch: a metric name at a service's metrics URL, summed over the samples whose labels contain
     * {@code labelFilter} (null: all of them).
     */
    record Series(String service, String url, String metric, String labelFilter) {
        Series(String service, String url, String metric) {
            this(service, url, metric, null);
        }

        String key() {
            return service + " " + metric;
        }
    }

    /** Highest, last and first sample (for a counter, last minus first is what the phase added). */
    record Figure(double max, double last, double first, int samples) {
        double increase() {
            return last - first;
        }
    }

    private final Api api;
    private final List<Series> series;
    private final Map<String, double[]> values = new LinkedHashMap<>(); // key -> {max, last, samples, first}
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "metrics-sampler");
        t.setDaemon(true);
        return t;
    });

    MetricsSampler(Api api, List<Series> series) {
        this.api = api;
        this.series = series;
    }

    MetricsSampler start() {
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
        return this;
    }

    synchronized Map<String, Figure> figures() {
        Map<String, Figure> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, new Figure(v[0], v[1], v[3], (int) v[2])));
        return out;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sample() {
        Map<String, String> pages = new LinkedHashMap<>();
        for (Series s : series) {
            String text = pages.computeIfAbsent(s.url(), api::text);
            if (text == null) {
                continue;
            }
            Double v = sum(text, s.metric(), s.labelFilter());
            if (v == null) {
                continue;
            }
            synchronized (this) {
                double[] f = values.computeIfAbsent(s.key(), k -> new double[]{Double.NEGATIVE_INFINITY, 0, 0, v});
                f[0] = Math.max(f[0], v);
                f[1] = v;
                f[2]++;
            }
        }
    }

    /** The sum of a metric's samples over all its labels, or null when the page does not have it. */
    static Double sum(String page, String metric) {
        return sum(page, metric, null);
    }

    /** The sum of a metric's samples whose labels contain {@code labelFilter} (null: all), or null when there are none. */
    static Double sum(String page, String metric, String labelFilter) {
        double total = 0;
        boolean found = false;
        for (String line : page.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(metric)) {
                continue;
            }
            int after = metric.length();
            if (line.length() <= after || (line.charAt(after) != '{' && line.charAt(after) != ' ')) {
                continue;
            }
            if (labelFilter != null && !line.substring(after, line.lastIndexOf(' ')).contains(labelFilter)) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            try {
                double v = Double.parseDouble(line.substring(space + 1).trim());
                if (!Double.isNaN(v)) {
                    total += v;
                    found = true;
                }
            } catch (NumberFormatException e) {
                // not a sample line
            }
        }
        return found ? total : null;
    }
}
