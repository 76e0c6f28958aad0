package org.olympiad.competitions.results.appeal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public final class AppealRequests {

    private AppealRequests() {
    }

    public record File(@NotBlank @Size(max = 4000) String reason) {
    }

    public record Transition(@NotNull AppealStatus to, @Size(max = 4000) String decisionComment, JsonNode requestedScores) {
    }
}
