package org.olympiad.competitions.venue.conduct;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;

import java.util.UUID;

@Path("/conduct-applications/{id}")
@Tag(name = "teacher-led tours")
public class ConductApplicationResource {

    private final ConductApplicationService applications;
    private final PhotoReportService reports;

    public ConductApplicationResource(ConductApplicationService applications, PhotoReportService reports) {
        this.applications = applications;
        this.reports = reports;
    }

    @GET
    @Authenticated
    @Operation(summary = "Read a conduct application (its teacher or an organiser)")
    public Uni<ConductApplicationView> get(@PathParam("id") UUID id) {
        return applications.get(id);
    }

    @PATCH
    @Authenticated
    @Operation(summary = "Change an application: the teacher while draft / needs_changes; organisers also photoReportRequired")
    public Uni<ConductApplicationView> update(@PathParam("id") UUID id, @Valid @NotNull ConductRequests.Update request) {
        return applications.update(id, request);
    }

    @POST
    @Path("/transitions")
    @Authenticated
    @Operation(summary = "Submit, cancel, complete (teacher or organiser) or review (organiser); completing may need a confirmed photo report")
    public Uni<ConductApplicationView> transition(@PathParam("id") UUID id, @Valid @NotNull ConductRequests.Transition request) {
        return applications.transition(id, request);
    }

    @POST
    @Path("/photo-reports")
    @ResponseStatus(201)
    @Authenticated
    @Operation(summary = "Report the conducted tour with photos (refs): the application's teacher, once approved")
    public Uni<PhotoReportView> report(@PathParam("id") UUID id, @Valid @NotNull ConductRequests.Report request) {
        return reports.reportConducted(id, request);
    }

    @GET
    @Path("/photo-reports")
    @Authenticated
    @Operation(summary = "The application's photo reports, oldest first")
    public Uni<Page<PhotoReportView>> reports(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return reports.ofConductApplication(id, page);
    }
}
