package org.olympiad.competitions.registration.tour;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

/** A season's tours, as a sub-collection of the season. */
@Path("/seasons/{seasonId}/tours")
@Tag(name = "tours")
public class SeasonTourResource {

    private final TourService tours;

    public SeasonTourResource(TourService tours) {
        this.tours = tours;
    }

    @POST
    @ResponseStatus(201)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Add a tour to a season at a free position (draft)")
    public Uni<TourView> create(@PathParam("seasonId") UUID seasonId, @Valid @NotNull TourRequests.Create request) {
        return tours.create(seasonId, request);
    }

    @GET
    @Authenticated
    @Operation(summary = "List a season's tours by position")
    public Uni<Page<TourView>> list(@PathParam("seasonId") UUID seasonId, @Valid @BeanParam PageRequest page) {
        return tours.listOfSeason(seasonId, page);
    }
}
