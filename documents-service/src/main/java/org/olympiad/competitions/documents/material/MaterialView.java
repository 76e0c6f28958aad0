package org.olympiad.competitions.documents.material;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A teacher material as the API shows it; its snake_case form is the row snapshot in events. */
public record MaterialView(UUID id, UUID seasonId, UUID tourId, UUID teacherConductApplicationId,
                           MaterialType materialType, String title, String description, JsonNode fileRef,
                           String textContent, MaterialVisibility visibility, Instant availableFrom,
                           Instant availableUntil, MaterialStatus status, boolean generated, JsonNode sourceRef,
                           UUID createdByUserId, Instant createdAt, Instant updatedAt) {
}
