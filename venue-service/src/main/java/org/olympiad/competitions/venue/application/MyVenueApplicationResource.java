package org.olympiad.competitions.venue.application;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;

@Path("/me/venue-applications")
@Tag(name = "venue applications")
public class MyVenueApplicationResource {

    private final VenueApplicationService applications;

    public MyVenueApplicationResource(VenueApplicationService applications) {
        this.applications = applications;
    }

    @GET
    @Authenticated
    @Operation(summary = "The caller's own venue applications, newest first")
    public Uni<Page<VenueApplicationView>> mine(@Valid @BeanParam PageRequest page) {
        return applications.mine(page);
    }
}
