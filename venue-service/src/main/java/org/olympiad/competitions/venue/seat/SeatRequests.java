package org.olympiad.competitions.venue.seat;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Bodies of the seat endpoints. */
public final class SeatRequests {

    private SeatRequests() {
    }

    /** Take a seat at a venue (also the body of a transfer: the venue to move to). */
    @Schema(name = "SeatRequest")
    public record Take(@NotNull UUID venueId) {
    }

    /** confirmed, cancelled (frees the seat), attended or no_show (venue staff). */
    @Schema(name = "VenueAssignmentTransition")
    public record Transition(@NotNull AssignmentStatus to, @Size(max = 2000) String reason) {
    }
}
