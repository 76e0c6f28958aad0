package org.olympiad.competitions.venue.application;

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
import org.jboss.resteasy.reactive.ResponseStatus;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

@Path("/seasons/{seasonId}/venue-applications")
@Tag(name = "venue applications")
public class SeasonVenueApplicationResource {

    private final VenueApplicationService applications;

    public SeasonVenueApplicationResource(VenueApplicationService applications) {
        this.applications = applications;
    }

    @POST
    @ResponseStatus(201)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.TEACHER, Roles.VENUE_STAFF})
    @Operation(summary = "Apply to host a venue for an organisation with the open_venue role (draft, or submitted with submit: true)")
    public Uni<VenueApplicationView> create(@PathParam("seasonId") UUID seasonId,
                                            @Valid @NotNull VenueApplicationRequests.Create request) {
        return applications.create(seasonId, request);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "The season's venue applications, newest first, by status")
    public Uni<Page<VenueApplicationView>> list(@PathParam("seasonId") UUID seasonId,
                                                @QueryParam("status") VenueApplicationStatus status,
                                                @Valid @BeanParam PageRequest page) {
        return applications.listOfSeason(seasonId, status, page);
    }
}
