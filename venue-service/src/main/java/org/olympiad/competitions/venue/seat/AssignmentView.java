package org.olympiad.competitions.venue.seat;

import java.time.Instant;
import java.util.UUID;

/** A seat assignment; its snake_case form is the row snapshot in events. */
public record AssignmentView(UUID id, UUID venueId, UUID tourParticipationId, UUID participantId, UUID assignedByUserId,
                             AssignmentStatus status, Instant createdAt) {
}
