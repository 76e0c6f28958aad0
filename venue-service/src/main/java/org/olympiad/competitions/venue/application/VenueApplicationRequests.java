package org.olympiad.competitions.venue.application;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** Bodies of the venue application endpoints. */
public final class VenueApplicationRequests {

    private VenueApplicationRequests() {
    }

    /** A new application of an organisation with the {@code open_venue} role; {@code submit} sends it at once. */
    @Schema(name = "VenueApplicationCreate")
    public record Create(
            @NotNull UUID competitionOrganizationId,
            @NotBlank @Size(max = 300) String title,
            JsonNode address,
            @Valid GeoPoint geoPoint,
            @Positive @Max(100_000) Integer capacityTotal,
            @Size(max = 100) List<@NotNull UUID> acceptedGradeCategories,
            JsonNode contacts,
            JsonNode accessRules,
            JsonNode requiredDocuments,
            JsonNode guardianPolicy,
            JsonNode facilityRules,
            JsonNode technicalCapabilities,
            @Size(max = 4000) String participantPublicComment,
            Boolean submit) {
    }

    /** Only the fields given change; while draft or needs_changes. */
    @Schema(name = "VenueApplicationUpdate")
    public record Update(
            @Size(min = 1, max = 300) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String title,
            JsonNode address,
            @Valid GeoPoint geoPoint,
            @Positive @Max(100_000) Integer capacityTotal,
            @Size(max = 100) List<@NotNull UUID> acceptedGradeCategories,
            JsonNode contacts,
            JsonNode accessRules,
            JsonNode requiredDocuments,
            JsonNode guardianPolicy,
            JsonNode facilityRules,
            JsonNode technicalCapabilities,
            @Size(max = 4000) String participantPublicComment,
            @Size(max = 4000) String adminInternalComment) {
    }

    /**
     * A move along the application's lifecycle. {@code comment} is the review comment: required to ask for changes
     * or to reject.
     */
    @Schema(name = "VenueApplicationTransition")
    public record Transition(@NotNull VenueApplicationStatus to, @Size(max = 4000) String comment) {
    }
}
