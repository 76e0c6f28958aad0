package org.olympiad.competitions.registration.accessclaim;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** An access claim as the API shows it; its snake_case form is the row snapshot in events. */
public record AccessClaimView(UUID id, UUID participantId, UUID requesterUserId, AccessClaimType claimType,
                              AccessClaimStatus status, JsonNode evidence, UUID reviewedByUserId,
                              Instant createdAt, Instant updatedAt) {
}
