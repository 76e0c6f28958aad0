package org.olympiad.competitions.attempt.activity;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.UUID;

/** Bodies of the activity endpoints. */
public final class ActivityRequests {

    private ActivityRequests() {
    }

    @Schema(name = "ActivityBindingCreate")
    public record CreateBinding(
            UUID gradeCategoryId,
            UUID trackId,
            @NotNull BindingMode mode,
            JsonNode lmsActivityRef,
            JsonNode adapterRef,
            JsonNode taskBankSourceRef,
            JsonNode activitySnapshotRef) {
    }

    @Schema(name = "ActivityBindingTransition")
    public record Transition(@NotNull ActivityBindingStatus to, @Size(max = 2000) String reason) {
    }

    @Schema(name = "TaskStructureCreate")
    public record CreateStructure(
            UUID gradeCategoryId,
            @NotNull @Min(1) @Max(500) Integer taskCount,
            @NotNull @DecimalMin("0.01") @DecimalMax("999999.99") BigDecimal maxTotalScore,
            JsonNode structureSnapshot) {
    }

    @Schema(name = "TaskItemCreate")
    public record CreateItem(
            UUID taskStructureId,
            @NotNull @Min(1) @Max(500) Integer taskNumber,
            @Size(max = 500) String displayTitle,
            @NotNull @DecimalMin("0.00") @DecimalMax("999999.99") BigDecimal maxScore,
            JsonNode lmsActivityItemRef,
            JsonNode taskBankProblemVersionRef,
            JsonNode scoringSnapshot) {
    }

    /** Only the fields given change; allowed while the binding is a draft or in review. */
    @Schema(name = "TaskItemUpdate")
    public record UpdateItem(
            @Size(max = 500) String displayTitle,
            @DecimalMin("0.00") @DecimalMax("999999.99") BigDecimal maxScore,
            JsonNode lmsActivityItemRef,
            JsonNode taskBankProblemVersionRef,
            JsonNode scoringSnapshot) {
    }

    /** A corrected answer key after the lock: every affected submission is rechecked under it. */
    @Schema(name = "AnswerKeyCorrection")
    public record KeyCorrection(@NotNull JsonNode scoringSnapshot, @NotBlank @Size(max = 2000) String reason) {
    }
}
