package org.olympiad.competitions.registration.tour;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

@Path("/tours")
@Tag(name = "tours")
public class TourResource {

    private final TourService tours;

    public TourResource(TourService tours) {
        this.tours = tours;
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Read a tour")
    public Uni<TourView> get(@PathParam("id") UUID id) {
        return tours.get(id);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Change a tour's title, position, format, dates or settings")
    public Uni<TourView> update(@PathParam("id") UUID id, @Valid @NotNull TourRequests.Update request) {
        return tours.update(id, request);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Move a tour along its lifecycle; a refused move is a 409 naming both states")
    public Uni<TourView> transition(@PathParam("id") UUID id, @Valid @NotNull TourRequests.Transition request) {
        return tours.transition(id, request);
    }
}
