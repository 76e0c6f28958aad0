package org.olympiad.competitions.documents.job;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * A generation job as organisers see it: its state, progress ({@code done} of {@code total}, and {@code failed}),
 * its retry bookkeeping and the error of its last failure. The snake_case form is the row snapshot in events.
 */
public record JobView(UUID id, UUID publicationId, JobStatus status, JsonNode payload, String errorMessage,
                      Progress progress, Instant createdAt, Instant updatedAt) {

    /** Progress read from the payload: documents made and failed of those the job has, and its attempt count. */
    public record Progress(int done, int failed, int total, int attempt, Integer expectedResults, int receivedResults,
                           String nextAttemptAt) {
    }

    static JobView of(UUID id, UUID publicationId, JobStatus status, JsonNode payload, String errorMessage,
                      Instant createdAt, Instant updatedAt) {
        Progress progress = new Progress(payload.path("done").asInt(), payload.path("failed").asInt(),
                payload.path("total").asInt(), payload.path("attempt").asInt(),
                payload.hasNonNull("expected_results") ? payload.get("expected_results").asInt() : null,
                payload.path("received_results").asInt(),
                payload.hasNonNull("next_attempt_at") ? payload.get("next_attempt_at").asText() : null);
        return new JobView(id, publicationId, status, payload, errorMessage, progress, createdAt, updatedAt);
    }
}
