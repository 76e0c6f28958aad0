package org.olympiad.competitions.attempt.checking;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Bodies of the checking endpoints. */
public final class CheckingRequests {

    private CheckingRequests() {
    }

    @Schema(name = "CheckMark")
    public record Mark(@NotNull UUID taskItemId, @NotNull @DecimalMin("0.00") BigDecimal score,
                       @Size(max = 2000) String comment) {
    }

    /** A checker's marks for every task of the work left to checkers. */
    @Schema(name = "CheckMarks")
    public record Marks(@NotNull @Size(min = 1, max = 500) List<@Valid @NotNull Mark> marks, @Size(max = 2000) String comment) {
    }

    /** A senior's decision (or a recheck): new scores for the named tasks, with the reason. */
    @Schema(name = "CheckDecision")
    public record Decision(@NotNull @Size(min = 1, max = 500) List<@Valid @NotNull Mark> marks,
                           @NotBlank @Size(max = 2000) String reason) {
    }
}
