package org.olympiad.competitions.venue.venue;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
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
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

@Path("/seasons/{seasonId}")
@Tag(name = "venues")
public class SeasonVenueResource {

    private final VenueService venues;

    public SeasonVenueResource(VenueService venues) {
        this.venues = venues;
    }

    @GET
    @Path("/public-venues")
    @PermitAll
    @Operation(summary = "The season's public venue listing (no token): by view, grade category, free seats and distance")
    public Uni<Page<PublicVenueView>> publicListing(@PathParam("seasonId") UUID seasonId,
                                                    @Valid @BeanParam PublicVenueQuery query,
                                                    @Valid @BeanParam PageRequest page) {
        return venues.publicListing(seasonId, query, page);
    }

    @GET
    @Path("/venues")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "The season's venues in full, newest first, by status")
    public Uni<Page<VenueView>> list(@PathParam("seasonId") UUID seasonId, @QueryParam("status") VenueStatus status,
                                     @Valid @BeanParam PageRequest page) {
        return venues.listOfSeason(seasonId, status, page);
    }
}
