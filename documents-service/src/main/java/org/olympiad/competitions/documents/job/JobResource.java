package org.olympiad.competitions.documents.job;

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
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

@Path("/document-generation-jobs")
@Tag(name = "document generation jobs")
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
public class JobResource {

    private final JobService jobs;

    public JobResource(JobService jobs) {
        this.jobs = jobs;
    }

    @GET
    @Operation(summary = "List generation jobs, newest first, by publication and status")
    public Uni<Page<JobView>> list(@QueryParam("publicationId") UUID publicationId, @QueryParam("status") JobStatus status,
                                   @Valid @BeanParam PageRequest page) {
        return jobs.list(publicationId, status, page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A job's state and progress (done of total), its attempts and last error")
    public Uni<JobView> get(@PathParam("id") UUID id) {
        return jobs.get(id);
    }

    @POST
    @Path("/{id}/transitions")
    @Operation(summary = "Run a finished job again (to=queued) or cancel one (to=cancelled); a refused move is a 409")
    public Uni<JobView> transition(@PathParam("id") UUID id, @Valid @NotNull JobRequests.Transition request) {
        return switch (request.to()) {
            case queued -> jobs.rerun(id, request.reason());
            case cancelled -> jobs.cancel(id, request.reason());
            default -> throw ProblemException.invalidField("to", "queued-or-cancelled",
                    "a job is moved by hand only to queued (run again) or cancelled; the worker does the rest");
        };
    }
}
