package org.olympiad.competitions.venue.venue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.olympiad.competitions.venue.application.GeoPoint;

/** Bodies of the venue endpoints. */
public final class VenueRequests {

    private VenueRequests() {
    }

    /** Only the fields given change. Capacity changes go through {@link CapacityChange}. */
    @Schema(name = "VenueUpdate")
    public record Update(
            @Size(min = 1, max = 300) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String title,
            JsonNode address,
            @Valid GeoPoint geoPoint,
            PublicVisibility publicVisibility,
            OfficialStatus officialStatus,
            JsonNode accessRules,
            JsonNode requiredDocuments,
            JsonNode guardianPolicy,
            JsonNode facilityRules,
            JsonNode technicalCapabilities,
            @Size(max = 4000) String participantPublicComment,
            @Size(max = 4000) String adminInternalComment) {
    }

    @Schema(name = "VenueTransition")
    public record Transition(@NotNull VenueStatus to, @Size(max = 2000) String reason) {
    }

    @Schema(name = "VenueCapacityChange")
    public record CapacityChange(@NotNull @Min(0) @Max(100_000) Integer capacity, @Size(max = 2000) String reason) {
    }

    /** An organiser's decision on a capacity change that requires the admin process: applied or rejected. */
    @Schema(name = "VenueCapacityChangeDecision")
    public record CapacityDecision(@NotNull CapacityChangeStatus to, @Size(max = 2000) String reason) {
    }
}
