package org.olympiad.competitions.venue.conduct;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A photo report; its snake_case form is the row snapshot in events ({@code photo_report.*}). */
public record PhotoReportView(UUID id, UUID tourId, UUID venueId, UUID competitionGroupId, UUID teacherConductApplicationId,
                              UUID competitionOrganizationId, UUID submittedByUserId, PhotoReportStatus status,
                              JsonNode fileRefs, String comment, UUID reviewedByUserId, Instant reviewedAt,
                              Instant createdAt, Instant updatedAt) {
}
