package org.olympiad.competitions.venue.application;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/venue-applications")
@Tag(name = "venue applications")
public class VenueApplicationResource {

    private final VenueApplicationService applications;

    public VenueApplicationResource(VenueApplicationService applications) {
        this.applications = applications;
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Read a venue application (its applicant or an organiser)")
    public Uni<VenueApplicationView> get(@PathParam("id") UUID id) {
        return applications.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Change a draft or needs_changes application (its applicant or an organiser)")
    public Uni<VenueApplicationView> update(@PathParam("id") UUID id, @Valid @NotNull VenueApplicationRequests.Update request) {
        return applications.update(id, request);
    }

    @POST
    @Path("/{id}/transitions")
    @Authenticated
    @Operation(summary = "Submit, cancel (applicant or organiser) or review (organiser): approving makes the venue")
    public Uni<VenueApplicationView> transition(@PathParam("id") UUID id,
                                                @Valid @NotNull VenueApplicationRequests.Transition request) {
        return applications.transition(id, request);
    }
}
