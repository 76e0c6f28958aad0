package org.olympiad.competitions.venue.conduct;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

@Path("/photo-reports/{id}")
@Tag(name = "teacher-led tours")
public class PhotoReportResource {

    private final PhotoReportService reports;

    public PhotoReportResource(PhotoReportService reports) {
        this.reports = reports;
    }

    @GET
    @Authenticated
    @Operation(summary = "Read a photo report (organisers, its submitter, the conducting teacher)")
    public Uni<PhotoReportView> get(@PathParam("id") UUID id) {
        return reports.get(id);
    }

    @POST
    @Path("/review")
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "Confirm a photo report or find it wanting (unconfirmed: results-service withholds the results)")
    public Uni<PhotoReportView> review(@PathParam("id") UUID id, @Valid @NotNull ConductRequests.Review request) {
        return reports.review(id, request);
    }
}
