package org.olympiad.competitions.venue.conduct;

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

@Path("/tours/{tourId}/conduct-applications")
@Tag(name = "teacher-led tours")
public class TourConductApplicationResource {

    private final ConductApplicationService applications;

    public TourConductApplicationResource(ConductApplicationService applications) {
        this.applications = applications;
    }

    @POST
    @ResponseStatus(201)
    @RolesAllowed({Roles.TEACHER, Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "Apply to conduct the tour (draft, or submitted with submit: true); photo report required by default")
    public Uni<ConductApplicationView> create(@PathParam("tourId") UUID tourId, @Valid @NotNull ConductRequests.Create request) {
        return applications.create(tourId, request);
    }

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "The tour's conduct applications, newest first, by status")
    public Uni<Page<ConductApplicationView>> list(@PathParam("tourId") UUID tourId, @QueryParam("status") ConductStatus status,
                                                  @Valid @BeanParam PageRequest page) {
        return applications.listOfTour(tourId, status, page);
    }
}
