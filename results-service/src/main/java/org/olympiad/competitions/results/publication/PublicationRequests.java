package org.olympiad.competitions.results.publication;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

public final class PublicationRequests {

    private PublicationRequests() {
    }

    public record Create(@NotNull PublicationType type, UUID gradeCategoryId, UUID trackId, JsonNode settings) {
    }

    public record Update(@NotNull JsonNode settings) {
    }

    public record Transition(@NotNull PublicationStatus to, @Size(max = 2000) String reason) {
    }
}
