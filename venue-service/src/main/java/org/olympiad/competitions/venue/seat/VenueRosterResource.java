package org.olympiad.competitions.venue.seat;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;

import java.util.UUID;

@Path("/venues/{venueId}/assignments")
@Tag(name = "seats")
public class VenueRosterResource {

    private final SeatService seats;

    public VenueRosterResource(SeatService seats) {
        this.seats = seats;
    }

    @GET
    @Authenticated
    @Operation(summary = "A venue's seats, oldest first, by status (the venue's staff or an organiser)")
    public Uni<Page<AssignmentView>> list(@PathParam("venueId") UUID venueId, @QueryParam("status") AssignmentStatus status,
                                          @Valid @BeanParam PageRequest page) {
        return seats.ofVenue(venueId, status, page);
    }
}
