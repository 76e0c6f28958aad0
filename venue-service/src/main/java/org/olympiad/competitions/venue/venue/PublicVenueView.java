package org.olympiad.competitions.venue.venue;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

/**
 * A venue in the public listing: what a family choosing a venue needs, nothing internal (no admin comment, no
 * contacts, no organisation ids). {@code geoPoint} only when the venue is shown on the map, {@code distanceKm} only
 * when a point was given.
 */
public record PublicVenueView(UUID id, String title, JsonNode address, JsonNode geoPoint, Integer capacity,
                              int freeSeats, List<UUID> acceptedGradeCategories, PublicVisibility publicVisibility,
                              OfficialStatus officialStatus, VenueStatus status, JsonNode accessRules,
                              JsonNode requiredDocuments, JsonNode guardianPolicy, JsonNode facilityRules,
                              JsonNode technicalCapabilities, String participantPublicComment, Double distanceKm) {
}
