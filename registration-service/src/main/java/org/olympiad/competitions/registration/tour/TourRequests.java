package org.olympiad.competitions.registration.tour;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** Bodies of the tour endpoints. */
public final class TourRequests {

    private TourRequests() {
    }

    @Schema(name = "TourCreate")
    public record Create(
            @NotBlank @Size(max = 300) String title,
            @NotNull @Min(1) @Max(100) Integer position,
            @NotNull TourFormat format,
            Instant startsAt,
            Instant endsAt,
            JsonNode settings) {
    }

    /** Only the fields given change. */
    @Schema(name = "TourUpdate")
    public record Update(
            @Size(min = 1, max = 300) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String title,
            @Min(1) @Max(100) Integer position,
            TourFormat format,
            Instant startsAt,
            Instant endsAt,
            JsonNode settings) {
    }

    @Schema(name = "TourTransition")
    public record Transition(@NotNull TourStatus to, @Size(max = 2000) String reason) {
    }
}
