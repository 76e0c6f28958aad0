package org.olympiad.competitions.results.policy;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

public final class AwardPolicyRequests {

    private AwardPolicyRequests() {
    }

    /** A policy for the whole season, or narrowed to a track and/or a grade category. */
    public record Create(UUID trackId, UUID gradeCategoryId, @NotNull JsonNode rules) {
    }

    public record Update(@NotNull JsonNode rules, @Size(max = 2000) String reason) {
    }
}
