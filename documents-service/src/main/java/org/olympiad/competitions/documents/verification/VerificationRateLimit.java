package org.olympiad.competitions.documents.verification;

import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.documents.DocumentsConfig;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing of verification codes: a client (by address) may look up a limited number of unknown codes per
 * window; past that every lookup of that client is refused until its window ends. Known codes do not count, so a
 * school checking its own diplomas is not held up. Kept in memory per replica: with N replicas a guesser gets N
 * budgets, which 80-bit codes still make worthless.
 */
@ApplicationScoped
public class VerificationRateLimit {

    private static final int SWEEP_ABOVE = 10_000;

    private final int missesPerWindow;
    private final long windowNanos;
    private final ConcurrentHashMap<String, Window> clients = new ConcurrentHashMap<>();

    private static final class Window {
        final long start;
        int misses;

        Window(long start) {
            this.start = start;
        }
    }

    public VerificationRateLimit(DocumentsConfig config) {
        this.missesPerWindow = config.verification().missesPerWindow();
        this.windowNanos = config.verification().window().toNanos();
    }

    /** Empty when the client may look up a code now; otherwise how long it must wait. */
    public java.util.Optional<Duration> refusal(String client) {
        long now = System.nanoTime();
        Window window = clients.get(client);
        if (window == null || now - window.start >= windowNanos) {
            return java.util.Optional.empty();
        }
        synchronized (window) {
            if (window.misses < missesPerWindow) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(Duration.ofNanos(windowNanos - (now - window.start)));
    }

    /** Counts a lookup of an unknown code. */
    public void miss(String client) {
        long now = System.nanoTime();
        if (clients.size() > SWEEP_ABOVE) {
            clients.values().removeIf(w -> now - w.start >= windowNanos);
        }
        Window window = clients.compute(client, (k, w) -> w == null || now - w.start >= windowNanos ? new Window(now) : w);
        synchronized (window) {
            window.misses++;
        }
    }
}
