package org.olympiad.competitions.attempt.training;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** Bodies of the training publication endpoints. */
public final class TrainingRequests {

    private TrainingRequests() {
    }

    @Schema(name = "TrainingPublicationCreate")
    public record Create(UUID sourceTourTaskStructureId,
                         @NotNull JsonNode lmsRef,
                         JsonNode storefrontRef,
                         @NotNull TrainingPublication.TrainingMode trainingMode,
                         @NotNull @Pattern(regexp = "public|registered|participants|teacher|admin",
                                 message = "must be one of: public, registered, participants, teacher, admin") String visibility,
                         Instant scheduledAt) {
    }

    @Schema(name = "TrainingPublicationTransition")
    public record Transition(@NotNull TrainingStatus to, Instant scheduledAt, @Size(max = 2000) String reason) {
    }
}
