package org.olympiad.competitions.registration.participation;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

/** A tour's participations: admission to it and the list of who takes it. */
@Path("/tours/{tourId}")
@Tag(name = "tour participations")
public class TourAdmissionResource {

    private final TourParticipations participations;

    public TourAdmissionResource(TourParticipations participations) {
        this.participations = participations;
    }

    @POST
    @Path("/admissions")
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "Admit active participants of the season to a later tour; admitting twice admits once")
    public Uni<TourParticipations.AdmissionResult> admit(@PathParam("tourId") UUID tourId,
                                                         @Valid @NotNull TourParticipations.AdmissionRequest request) {
        return participations.admit(tourId, request);
    }

    @GET
    @Path("/participations")
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "A tour's participations, by status")
    public Uni<Page<TourParticipation.TourParticipationView>> list(@PathParam("tourId") UUID tourId,
                                                                  @QueryParam("status") TourParticipationStatus status,
                                                                  @Valid @BeanParam PageRequest page) {
        return participations.listOfTour(tourId, status, page);
    }
}
