package org.olympiad.competitions.venue.seat;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/venue-assignments/{id}")
@Tag(name = "seats")
public class VenueAssignmentResource {

    private final SeatService seats;

    public VenueAssignmentResource(SeatService seats) {
        this.seats = seats;
    }

    @GET
    @Authenticated
    @Operation(summary = "Read a seat (its participant, the venue's staff or an organiser)")
    public Uni<AssignmentView> get(@PathParam("id") UUID id) {
        return seats.get(id);
    }

    @POST
    @Path("/transitions")
    @Authenticated
    @Operation(summary = "Confirm, cancel (frees the seat) or mark attendance (attended / no_show: venue staff)")
    public Uni<AssignmentView> transition(@PathParam("id") UUID id, @Valid @NotNull SeatRequests.Transition request) {
        return seats.transition(id, request);
    }

    @POST
    @Path("/transfer")
    @Authenticated
    @Operation(summary = "Move the seat to another venue: the new seat is taken before the old one is freed, or nothing changes")
    public Uni<AssignmentView> transfer(@PathParam("id") UUID id, @Valid @NotNull SeatRequests.Take request) {
        return seats.transfer(id, request);
    }
}
