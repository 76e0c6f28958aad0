package org.olympiad.competitions.venue.application;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A venue application as its applicant and the organisers see it; its snake_case form is the row snapshot in events. */
public record VenueApplicationView(UUID id, UUID seasonId, UUID competitionOrganizationId, VenueApplicationStatus status,
                                   String title, JsonNode address, JsonNode geoPoint, Integer capacityTotal,
                                   JsonNode acceptedGradeCategories, JsonNode contacts, JsonNode accessRules,
                                   JsonNode requiredDocuments, JsonNode guardianPolicy, JsonNode facilityRules,
                                   JsonNode technicalCapabilities, String participantPublicComment,
                                   String adminInternalComment, UUID submittedByUserId, UUID reviewedByUserId,
                                   Instant reviewedAt, String reviewComment, Instant createdAt, Instant updatedAt) {
}
