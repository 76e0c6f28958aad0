package org.olympiad.competitions.results.publication;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A publication as the API shows it; its snake_case form is the row snapshot in events. */
public record PublicationView(UUID id, UUID seasonId, PublicationType type, PublicationStatus status, UUID gradeCategoryId,
                              UUID trackId, JsonNode settings, Instant publishedAt) {
}
