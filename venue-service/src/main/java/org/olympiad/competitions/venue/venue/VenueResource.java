package org.olympiad.competitions.venue.venue;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

@Path("/venues")
@Tag(name = "venues")
public class VenueResource {

    private final VenueService venues;

    public VenueResource(VenueService venues) {
        this.venues = venues;
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Read a venue in full (organisers and the venue's staff)")
    public Uni<VenueView> get(@PathParam("id") UUID id) {
        return venues.get(id);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Change a venue's title, address, point, visibility, official status, rules or comments")
    public Uni<VenueView> update(@PathParam("id") UUID id, @Valid @NotNull VenueRequests.Update request) {
        return venues.update(id, request);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Move a venue along its lifecycle; seats are taken only while registration_open")
    public Uni<VenueView> transition(@PathParam("id") UUID id, @Valid @NotNull VenueRequests.Transition request) {
        return venues.transition(id, request);
    }

    @POST
    @Path("/{id}/capacity-changes")
    @ResponseStatus(201)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Change a venue's capacity: applied when it holds the current assignments, else requires_admin_process")
    public Uni<CapacityChangeView> changeCapacity(@PathParam("id") UUID id, @Valid @NotNull VenueRequests.CapacityChange request) {
        return venues.changeCapacity(id, request);
    }

    @POST
    @Path("/{id}/capacity-changes/{changeId}/transitions")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Apply (once participants are moved) or reject (with a reason) a capacity change that requires the admin process")
    public Uni<CapacityChangeView> decideCapacityChange(@PathParam("id") UUID id, @PathParam("changeId") UUID changeId,
                                                        @Valid @NotNull VenueRequests.CapacityDecision request) {
        return venues.decideCapacityChange(id, changeId, request);
    }

    @GET
    @Path("/{id}/capacity-changes")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "A venue's capacity changes, newest first")
    public Uni<Page<CapacityChangeView>> capacityChanges(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return venues.capacityChanges(id, page);
    }
}
