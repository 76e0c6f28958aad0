package org.olympiad.competitions.results.result;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A result as organisers see it; its snake_case form is the row snapshot in events. */
public record ResultView(UUID id, UUID tourId, UUID seasonId, UUID participantId, UUID trackId, BigDecimal score,
                         Integer rank, String awardStatusKey, String status, String publicationStatus,
                         JsonNode thresholdPolicySnapshot, UUID approvedByUserId, Instant approvedAt,
                         boolean isWithheld, String withheldReason, Instant createdAt, Instant updatedAt) {
}
