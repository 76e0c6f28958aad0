package org.olympiad.competitions.results.appeal;

import java.time.Instant;
import java.util.UUID;

/** An appeal as the API shows it; its snake_case form is the row snapshot in events. */
public record AppealView(UUID id, UUID resultId, UUID submissionId, UUID participantId, AppealStatus status, String reason,
                         String decisionComment, UUID submittedByUserId, UUID reviewedByUserId, Instant createdAt,
                         Instant updatedAt) {
}
