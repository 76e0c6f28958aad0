package org.olympiad.competitions.registration.season;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A season as the API shows it; its snake_case form is the row snapshot in events. */
public record SeasonView(UUID id, UUID eventId, String title, SeasonStatus status, JsonNode registrationPolicy,
                         JsonNode feePolicy, Instant startsAt, Instant endsAt, Instant createdAt, Instant updatedAt) {
}
