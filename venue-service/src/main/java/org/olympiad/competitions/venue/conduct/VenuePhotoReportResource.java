package org.olympiad.competitions.venue.conduct;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.UUID;

@Path("/venues/{venueId}/photo-reports")
@Tag(name = "teacher-led tours")
public class VenuePhotoReportResource {

    private final PhotoReportService reports;

    public VenuePhotoReportResource(PhotoReportService reports) {
        this.reports = reports;
    }

    @POST
    @ResponseStatus(201)
    @Authenticated
    @Operation(summary = "Report a tour conducted at the venue (the venue's staff), naming the tour")
    public Uni<PhotoReportView> report(@PathParam("venueId") UUID venueId, @Valid @NotNull ConductRequests.Report request) {
        return reports.reportAtVenue(venueId, request);
    }
}
