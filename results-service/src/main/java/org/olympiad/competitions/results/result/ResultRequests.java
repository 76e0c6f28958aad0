package org.olympiad.competitions.results.result;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

public final class ResultRequests {

    private ResultRequests() {
    }

    /** Moves every live result of a scope (tour or season; optionally one track / grade category) to a status. */
    public record Transition(@NotNull UUID seasonId, UUID tourId, UUID trackId, UUID gradeCategoryId,
                             @NotNull Target to, @Size(max = 2000) String reason) {
    }

    public enum Target { calculated, review, finalized }

    public record Void(@NotBlank @Size(max = 2000) String reason) {
    }

    public record TransitionOutcome(Target to, int moved) {
    }
}
