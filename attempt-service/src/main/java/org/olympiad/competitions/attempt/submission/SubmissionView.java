package org.olympiad.competitions.attempt.submission;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A submission as the API shows it; its snake_case form is the row snapshot in events. */
public record SubmissionView(UUID id, UUID tourParticipationId, UUID activityBindingId, JsonNode lmsActivityAttemptRef,
                             JsonNode adapterAttemptRef, SubmissionStatus status, JsonNode attemptStatusSnapshot,
                             Instant submittedAt, Instant lockedAt, Instant createdAt, Instant updatedAt) {
}
