package org.olympiad.competitions.documents.material;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** Request bodies for teacher materials. */
public final class MaterialRequests {

    private MaterialRequests() {
    }

    public record Create(@NotNull MaterialType materialType, @NotBlank @Size(max = 300) String title,
                         @Size(max = 2000) String description, @Size(max = 100_000) String textContent,
                         JsonNode fileRef, @NotNull MaterialVisibility visibility, Instant availableFrom,
                         Instant availableUntil, UUID tourId, UUID teacherConductApplicationId) {
    }

    public record Update(@Size(min = 1, max = 300) String title, @Size(max = 2000) String description,
                         @Size(max = 100_000) String textContent, JsonNode fileRef, MaterialVisibility visibility,
                         Instant availableFrom, Instant availableUntil) {
    }

    public record Transition(@NotNull MaterialStatus to, @Size(max = 1000) String reason) {
    }

    /** A material generated from the template of its type, filled from the season's data (and a group's). */
    public record Generate(@NotNull MaterialType materialType, UUID groupId, MaterialVisibility visibility) {
    }
}
