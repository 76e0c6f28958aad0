package org.olympiad.competitions.results.arbitration;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** An arbitration case as organisers see it; its snake_case form is the row snapshot in events. */
public record ArbitrationCaseView(UUID id, UUID submissionId, UUID participantId, ArbitrationCaseStatus status,
                                  String suspicionType, JsonNode evidenceRefs, String decisionComment,
                                  UUID openedByUserId, UUID decidedByUserId, Instant createdAt, Instant updatedAt) {
}
