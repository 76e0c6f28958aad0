package org.olympiad.competitions.registration.season;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** Bodies of the season endpoints. */
public final class SeasonRequests {

    private SeasonRequests() {
    }

    @Schema(name = "SeasonCreate")
    public record Create(
            @NotNull UUID eventId,
            @NotBlank @Size(max = 300) String title,
            Instant startsAt,
            Instant endsAt,
            JsonNode registrationPolicy,
            JsonNode feePolicy) {
    }

    /** Only the fields given change. */
    @Schema(name = "SeasonUpdate")
    public record Update(
            @Size(min = 1, max = 300) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String title,
            Instant startsAt,
            Instant endsAt,
            JsonNode registrationPolicy,
            JsonNode feePolicy) {
    }

    /** A move along the season's lifecycle; cancelling needs a reason. */
    @Schema(name = "SeasonTransition")
    public record Transition(@NotNull SeasonStatus to, @Size(max = 2000) String reason) {
    }
}
