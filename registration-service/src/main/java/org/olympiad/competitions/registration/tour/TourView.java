package org.olympiad.competitions.registration.tour;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A tour as the API shows it; its snake_case form is the row snapshot in events. */
public record TourView(UUID id, UUID seasonId, String title, int position, TourFormat format, TourStatus status,
                       Instant startsAt, Instant endsAt, JsonNode settings) {
}
