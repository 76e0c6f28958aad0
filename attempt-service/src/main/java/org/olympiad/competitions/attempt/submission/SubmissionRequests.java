package org.olympiad.competitions.attempt.submission;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Bodies of the attempt endpoints. */
public final class SubmissionRequests {

    private SubmissionRequests() {
    }

    /** {@code participantId} only when a helper starts the attempt for a member of its group. */
    @Schema(name = "AttemptStart")
    public record Start(UUID participantId, UUID activityBindingId) {
    }

    /** {@code baseVersion}: the answer's version the client last read (0 when it has none). */
    @Schema(name = "AnswerSave")
    public record SaveAnswer(@NotNull JsonNode answer, @NotNull @Min(0) @Max(1_000_000) Integer baseVersion) {
    }

    @Schema(name = "SubmissionFileUpload")
    public record UploadFile(@NotNull SubmissionFile.FileType type, @NotBlank @Size(max = 2000) String url,
                             @Size(max = 2000) String lateReason, JsonNode metadata) {
    }

    @Schema(name = "SubmissionVoid")
    public record Void(@NotBlank @Size(max = 2000) String reason) {
    }
}
