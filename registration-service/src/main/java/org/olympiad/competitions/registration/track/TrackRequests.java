package org.olympiad.competitions.registration.track;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** Bodies of the track endpoints. */
public final class TrackRequests {

    /** A key as other tables and services refer to it: lowercase letters, digits, {@code _} and {@code -}. */
    static final String KEY = "[a-z0-9][a-z0-9_-]{0,62}";
    static final String KEY_MESSAGE = "must be 1-63 lowercase letters, digits, underscores or dashes, starting with a letter or digit";

    private TrackRequests() {
    }

    /** Without {@code tourId} the track spans the whole season; with it, the tour must belong to the season. */
    @Schema(name = "TrackCreate")
    public record Create(
            @NotBlank @Pattern(regexp = KEY, message = KEY_MESSAGE) String key,
            @NotBlank @Size(max = 300) String title,
            UUID tourId,
            JsonNode settings) {
    }

    /** Only the fields given change; the key and the tour are fixed once created. */
    @Schema(name = "TrackUpdate")
    public record Update(
            @Size(min = 1, max = 300) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String title,
            JsonNode settings) {
    }
}
