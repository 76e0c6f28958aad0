package org.olympiad.competitions.attempt.activity;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A binding as the API shows it; its snake_case form is the row snapshot in events. */
public record ActivityBindingView(UUID id, UUID seasonId, UUID tourId, UUID gradeCategoryId, UUID trackId,
                                  BindingMode mode, JsonNode lmsActivityRef, JsonNode adapterRef,
                                  JsonNode taskBankSourceRef, ActivityBindingStatus status,
                                  JsonNode activitySnapshotRef, Instant lockedAt, Instant createdAt) {
}
