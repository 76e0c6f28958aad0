package org.olympiad.competitions.results.arbitration;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

public final class ArbitrationRequests {

    private ArbitrationRequests() {
    }

    /** A suspicion about a participant's work (the submission, when known), with refs to the evidence. */
    public record Open(@NotNull UUID participantId, UUID submissionId, @NotBlank @Size(max = 200) String suspicionType,
                       @NotNull JsonNode evidenceRefs) {
    }

    public record Transition(@NotNull ArbitrationCaseStatus to, @Size(max = 4000) String decisionComment) {
    }
}
