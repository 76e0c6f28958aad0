package org.olympiad.competitions.venue.venue;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A venue as organisers and its staff see it; its snake_case form is the row snapshot in events. */
public record VenueView(UUID id, UUID seasonId, UUID competitionOrganizationId, UUID venueApplicationId, String title,
                        JsonNode address, JsonNode geoPoint, Integer capacity, int currentAssignmentCount,
                        PublicVisibility publicVisibility, OfficialStatus officialStatus, JsonNode accessRules,
                        JsonNode requiredDocuments, JsonNode guardianPolicy, JsonNode facilityRules,
                        JsonNode technicalCapabilities, String participantPublicComment, String adminInternalComment,
                        VenueStatus status, Instant createdAt) {
}
