package org.olympiad.competitions.venue.conduct;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Bodies of the teacher conduct application and photo report endpoints. */
public final class ConductRequests {

    private ConductRequests() {
    }

    /** A teacher applies to conduct the tour; {@code submit} sends it at once. */
    @Schema(name = "ConductApplicationCreate")
    public record Create(
            @NotNull UUID identityOrganizationId,
            UUID competitionOrganizationId,
            @Size(max = 1000) String locationText,
            @Positive @Max(100_000) Integer expectedParticipantCount,
            LocalDate plannedDateFrom,
            LocalDate plannedDateTo,
            @Size(max = 100) List<@NotNull UUID> gradeCategories,
            @NotNull ConductDeliveryMode deliveryMode,
            JsonNode contactSnapshot,
            Boolean submit) {
    }

    /** Only the fields given change; {@code photoReportRequired} and {@code adminComment} are the organisers'. */
    @Schema(name = "ConductApplicationUpdate")
    public record Update(
            @Size(min = 1, max = 1000) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String locationText,
            @Positive @Max(100_000) Integer expectedParticipantCount,
            LocalDate plannedDateFrom,
            LocalDate plannedDateTo,
            @Size(max = 100) List<@NotNull UUID> gradeCategories,
            ConductDeliveryMode deliveryMode,
            JsonNode contactSnapshot,
            Boolean photoReportRequired,
            @Size(max = 4000) String adminComment) {
    }

    /** A move along the application's lifecycle; {@code comment} (the admin comment) to ask for changes or reject. */
    @Schema(name = "ConductApplicationTransition")
    public record Transition(@NotNull ConductStatus to, @Size(max = 4000) String comment) {
    }

    /** A photo report: refs of the uploaded photos (never the photos), a comment, the group it shows. */
    @Schema(name = "PhotoReportCreate")
    public record Report(
            @NotNull @Size(min = 1, max = 200) List<@NotNull JsonNode> fileRefs,
            @Size(max = 4000) String comment,
            UUID competitionGroupId,
            UUID tourId) {
    }

    /** An organiser's verdict on a photo report. */
    @Schema(name = "PhotoReportReview")
    public record Review(@NotNull PhotoReportStatus to, @Size(max = 4000) String comment) {
    }
}
