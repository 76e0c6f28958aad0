package org.olympiad.competitions.venue.venue;

import java.time.Instant;
import java.util.UUID;

/** A recorded capacity change; its snake_case form is the row snapshot in events. */
public record CapacityChangeView(UUID id, UUID venueId, Integer oldCapacity, int newCapacity, int currentAssignmentCount,
                                 CapacityChangeStatus status, String reason, UUID actorUserId, Instant createdAt) {
}
