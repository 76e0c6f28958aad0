package org.olympiad.competitions.venue.seat;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;

import java.util.UUID;

@Path("/tour-participations/{tourParticipationId}/venue-assignments")
@Tag(name = "seats")
public class SeatResource {

    private final SeatService seats;

    public SeatResource(SeatService seats) {
        this.seats = seats;
    }

    @POST
    @ResponseStatus(201)
    @Authenticated
    @Operation(summary = "Take a seat at a venue (the participant or an organiser); a full venue is a 409 venue-full")
    public Uni<AssignmentView> take(@PathParam("tourParticipationId") UUID tourParticipationId,
                                    @Valid @NotNull SeatRequests.Take request) {
        return seats.take(tourParticipationId, request);
    }

    @GET
    @Authenticated
    @Operation(summary = "The tour participation's seats, current and past (the participant or an organiser)")
    public Uni<Page<AssignmentView>> list(@PathParam("tourParticipationId") UUID tourParticipationId,
                                          @Valid @BeanParam PageRequest page) {
        return seats.ofTourParticipation(tourParticipationId, page);
    }
}
