package org.olympiad.competitions.benchmarks;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The closed-loop load driver every scenario uses: {@code clients} threads share one counter of requests; each
 * sends its next request when the answer to its previous one has arrived (no think time), so at most
 * {@code clients} requests are in flight. Each request's latency (send to last byte of the answer, in
 * microseconds) and answer time are kept by request index and turned into HdrHistograms afterwards: the whole
 * phase, each tenth of it (to show a slowdown as the data grows), and a per-second timeline.
 *
 * <p>Closed loop: when the service slows down, the driver slows down with it, so the latencies are those of
 * requests actually sent (no coordinated-omission correction) and the throughput is what the service sustained
 * at that concurrency.
 */
final class LoadDriver {

    /** The request with index {@code i} (0-based within the phase). Called on the client thread. */
    interface RequestFactory {
        HttpRequest request(long index);
    }

    /** Sees each answer on the client thread, after its latency was taken; keep it cheap. */
    interface AnswerSink {
        void answered(long index, int status, String body);
    }

    /** Highest latency the histograms hold: 10 minutes, in microseconds; 3 significant digits. */
    static final long HIGHEST_MICROS = 600_000_000L;

    private LoadDriver() {
    }

    /**
     * Sends {@code requests} requests, or as many as are sent before {@code maxSeconds} (0: no limit) have passed:
     * then no client takes a new one, the ones in flight are answered, and the result covers the requests sent.
     */
    static Result run(String phase, HttpClient http, int clients, int requests, long maxSeconds, RequestFactory factory,
                      AnswerSink sink, PrintStream out, int progressSeconds) throws InterruptedException {
        long[] latencyMicros = new long[requests];
        long[] endNanos = new long[requests];
        int[] status = new int[requests]; // 0: no answer (transport error, see errors)
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        AtomicLong next = new AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        LongAdder done = new LongAdder();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long i;
                while (!stop.get() && (i = next.getAndIncrement()) < requests) {
                    int k = (int) i;
                    HttpRequest request = factory.request(i);
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long t1 = System.nanoTime();
                        latencyMicros[k] = Math.max(1, (t1 - t0) / 1000);
                        endNanos[k] = t1;
                        status[k] = response.statusCode();
                        done.increment();
                        sink.answered(i, response.statusCode(), response.body());
                    } catch (IOException e) {
                        long t1 = System.nanoTime();
                        latencyMicros[k] = Math.max(1, (t1 - t0) / 1000);
                        endNanos[k] = t1;
                        errors.computeIfAbsent(e.getClass().getSimpleName(), x -> new LongAdder()).increment();
                        done.increment();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, phase + "-client-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        ready.await();
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        go.countDown();

        long lastPrint = start;
        long lastDone = 0;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            for (Thread t : threads) {
                t.join(200);
                if (maxSeconds > 0 && !stop.get() && System.nanoTime() - start >= maxSeconds * 1_000_000_000L) {
                    stop.set(true);
                    out.printf("  [%s] the %d s limit is reached: no new requests, waiting for the ones in flight%n", phase,
                            maxSeconds);
                }
                if (System.nanoTime() - lastPrint >= progressSeconds * 1_000_000_000L) {
                    long now = System.nanoTime();
                    long d = done.sum();
                    out.printf("  [%s] %5.0f s: %,d of %,d answered, %,.0f/s in the last %d s%n", phase,
                            (now - start) / 1e9, d, requests, (d - lastDone) / ((now - lastPrint) / 1e9), progressSeconds);
                    lastPrint = now;
                    lastDone = d;
                }
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        int sent = (int) Math.min(requests, next.get());
        long end = start;
        for (long e : endNanos) {
            end = Math.max(end, e);
        }
        Instant endedAt = startedAt.plusNanos(end - start);
        return new Result(phase, clients, sent, requests, startedAt, endedAt, start, end, latencyMicros, endNanos, status,
                toCounts(errors));
    }

    private static Map<String, Long> toCounts(Map<String, LongAdder> adders) {
        Map<String, Long> counts = new TreeMap<>();
        adders.forEach((k, v) -> counts.put(k, v.sum()));
        return counts;
    }

    /** One phase's figures; {@code startedAt}/{@code endedAt} are wall-clock (for audit time ranges). */
    static final class Result {
        final String phase;
        final int clients;
        /** Requests sent (and answered or failed); fewer than {@code planned} when the time limit stopped the phase. */
        final int requests;
        final int planned;
        final Instant startedAt;
        final Instant endedAt;
        final long startNanos;
        final long endNanos;
        final Histogram latency = histogram();
        /** Answers by status code ("201", "409", …) and transport errors by exception name. */
        final Map<String, Long> outcomes = new TreeMap<>();
        final List<Slice> tenths = new ArrayList<>();
        final List<Slice> perSecond = new ArrayList<>();
        long ok2xx;
        long status5xx;
        long transportErrors;

        private Result(String phase, int clients, int requests, int planned, Instant startedAt, Instant endedAt, long startNanos,
                       long endNanos, long[] latencyMicros, long[] answerNanos, int[] status, Map<String, Long> errors) {
            this.phase = phase;
            this.clients = clients;
            this.requests = requests;
            this.planned = planned;
            this.startedAt = startedAt;
            this.endedAt = endedAt;
            this.startNanos = startNanos;
            this.endNanos = endNanos;
            for (int i = 0; i < requests; i++) {
                latency.recordValue(Math.min(latencyMicros[i], HIGHEST_MICROS));
                if (status[i] == 0) {
                    continue;
                }
                outcomes.merge(Integer.toString(status[i]), 1L, Long::sum);
                if (status[i] >= 200 && status[i] < 300) {
                    ok2xx++;
                } else if (status[i] >= 500) {
                    status5xx++;
                }
            }
            errors.forEach((name, n) -> outcomes.merge(name, n, Long::sum));
            transportErrors = errors.values().stream().mapToLong(Long::longValue).sum();
            // tenths by request index: request i of n is sent about when i requests have been taken
            int parts = Math.min(10, requests);
            long previousEnd = startNanos;
            for (int p = 0; p < parts; p++) {
                int from = (int) ((long) requests * p / parts);
                int to = (int) ((long) requests * (p + 1) / parts);
                Histogram h = histogram();
                long lastEnd = previousEnd;
                for (int i = from; i < to; i++) {
                    h.recordValue(Math.min(latencyMicros[i], HIGHEST_MICROS));
                    lastEnd = Math.max(lastEnd, answerNanos[i]);
                }
                tenths.add(new Slice("requests " + from + "–" + (to - 1), from, (previousEnd - startNanos) / 1e9,
                        (lastEnd - previousEnd) / 1e9, h));
                previousEnd = Math.max(previousEnd, lastEnd);
            }
            // per second of answers
            int seconds = (int) Math.ceil((endNanos - startNanos) / 1e9);
            List<Histogram> bySecond = new ArrayList<>();
            for (int s = 0; s < Math.max(1, seconds); s++) {
                bySecond.add(histogram());
            }
            for (int i = 0; i < requests; i++) {
                int s = (int) Math.min(bySecond.size() - 1, Math.max(0, (answerNanos[i] - startNanos) / 1_000_000_000L));
                bySecond.get(s).recordValue(Math.min(latencyMicros[i], HIGHEST_MICROS));
            }
            for (int s = 0; s < bySecond.size(); s++) {
                double length = Math.min(1.0, (endNanos - startNanos) / 1e9 - s);
                perSecond.add(new Slice("second " + s, -1, s, Math.max(length, 1e-3), bySecond.get(s)));
            }
        }

        double wallSeconds() {
            return (endNanos - startNanos) / 1e9;
        }

        double throughput() {
            return requests / Math.max(wallSeconds(), 1e-9);
        }

        static Histogram histogram() {
            return new Histogram(HIGHEST_MICROS, 3);
        }
    }

    /** A part of a phase: its requests' latencies and how long it took to answer them. */
    record Slice(String label, long firstIndex, double fromSecond, double seconds, Histogram latency) {
        double throughput() {
            return latency.getTotalCount() / Math.max(seconds, 1e-9);
        }
    }

    static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    static double maxMs(Histogram h) {
        return h.getTotalCount() == 0 ? 0 : h.getMaxValue() / 1000.0;
    }
}
