package org.olympiad.competitions.registration.event;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the event endpoints. */
public final class EventRequests {

    private EventRequests() {
    }

    @Schema(name = "EventCreate")
    public record Create(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must be 2-63 lowercase letters, digits or dashes")
            String slug,
            @NotBlank @Size(max = 300) String title,
            @NotNull EventKind type,
            @Size(max = 100) String subjectKey,
            EventVisibility publicVisibility) {
    }

    /** Only the fields given change. */
    @Schema(name = "EventUpdate")
    public record Update(
            @Size(min = 1, max = 300) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String title,
            @Size(max = 100) String subjectKey,
            EventVisibility publicVisibility) {
    }

    @Schema(name = "EventTransition")
    public record Transition(@NotNull EventStatus to, @Size(max = 2000) String reason) {
    }
}
