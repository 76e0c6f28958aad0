package org.olympiad.competitions.registration.event;

import java.time.Instant;
import java.util.UUID;

/** An event as the API shows it; its snake_case form is the row snapshot in events. */
public record EventView(UUID id, String slug, String title, EventKind type, String subjectKey, EventStatus status,
                        EventVisibility publicVisibility, Instant createdAt, Instant updatedAt) {
}
