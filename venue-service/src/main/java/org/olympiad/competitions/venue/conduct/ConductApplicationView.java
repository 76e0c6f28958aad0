package org.olympiad.competitions.venue.conduct;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A teacher conduct application; its snake_case form is the row snapshot in events. */
public record ConductApplicationView(UUID id, UUID seasonId, UUID tourId, UUID identityOrganizationId,
                                     UUID competitionOrganizationId, UUID submittedByUserId, String locationText,
                                     Integer expectedParticipantCount, LocalDate plannedDateFrom, LocalDate plannedDateTo,
                                     JsonNode gradeCategories, ConductDeliveryMode deliveryMode, JsonNode contactSnapshot,
                                     boolean photoReportRequired, ConductStatus status, String adminComment,
                                     Instant submittedAt, UUID reviewedByUserId, Instant reviewedAt, Instant createdAt,
                                     Instant updatedAt) {
}
