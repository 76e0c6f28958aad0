package org.olympiad.competitions.registration.participation;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/tour-participations")
@Tag(name = "tour participations")
public class TourParticipationResource {

    private final TourParticipations participations;

    public TourParticipationResource(TourParticipations participations) {
        this.participations = participations;
    }

    @POST
    @Path("/{id}/transitions")
    @Authenticated
    @Operation(summary = "Withdraw (the participant or an organiser), disqualify, activate or complete (organiser)")
    public Uni<TourParticipation.TourParticipationView> transition(@PathParam("id") UUID id,
                                                                  @Valid @NotNull TourParticipations.Transition request) {
        return participations.transition(id, request);
    }
}
