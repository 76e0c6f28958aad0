package org.olympiad.competitions.results.result;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a calculation did, or (dry run) would do: per group the thresholds applied and how many got each award;
 * how many results are new, changed, unchanged or voided; and the first changes, before and after.
 */
public record CalculationReport(UUID seasonId, UUID tourId, boolean dryRun, int participants, int created, int changed,
                                int unchanged, int voided, List<Group> groups, List<Change> changes, long millis) {

    public record Group(UUID trackId, UUID gradeCategoryId, UUID policyId, int participants, BigDecimal maxScore,
                        Map<String, Integer> awards, JsonNode thresholds) {
    }

    public record Change(UUID participantId, Standing before, Standing after) {
    }

    public record Standing(BigDecimal score, Integer rank, String awardStatusKey, boolean withheld) {
    }
}
