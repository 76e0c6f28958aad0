package org.olympiad.competitions.registration.participation;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/me/participations")
@Tag(name = "tour participations")
public class MyParticipationResource {

    private final TourParticipations participations;

    public MyParticipationResource(TourParticipations participations) {
        this.participations = participations;
    }

    @GET
    @Authenticated
    @Operation(summary = "The season and tour participations of the child the caller is, or has an approved claim on")
    public Uni<List<TourParticipations.SeasonWithTours>> mine() {
        return participations.mine();
    }
}
