package org.olympiad.competitions.documents.verification;

import java.time.Duration;

/** A client looked up too many unknown codes: 429 with Retry-After (see {@link VerificationResource}). */
public class TooManyRequests extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequests(Duration retryAfter) {
        super("too many lookups of unknown codes; try again in " + Math.max(1, retryAfter.toSeconds()) + " s", null,
                false, false);
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
