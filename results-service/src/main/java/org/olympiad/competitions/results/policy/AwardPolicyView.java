package org.olympiad.competitions.results.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** An award policy as the API shows it; its snake_case form is the row snapshot in events. */
public record AwardPolicyView(UUID id, UUID seasonId, UUID trackId, UUID gradeCategoryId, JsonNode rules,
                              Instant createdAt, Instant updatedAt) {
}
