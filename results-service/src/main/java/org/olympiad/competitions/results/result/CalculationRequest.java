package org.olympiad.competitions.results.result;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** What to calculate: a season's results (no tourId: by its counted tours) or one tour's. */
public record CalculationRequest(@NotNull UUID seasonId, UUID tourId, Boolean dryRun) {
    public boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }
}
