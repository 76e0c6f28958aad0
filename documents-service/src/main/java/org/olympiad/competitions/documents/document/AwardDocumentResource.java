package org.olympiad.competitions.documents.document;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.olympiad.competitions.documents.job.JobView;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/award-documents")
@Tag(name = "award documents")
public class AwardDocumentResource {

    private final AwardDocumentService documents;
    private final Caller caller;

    public AwardDocumentResource(AwardDocumentService documents, Caller caller) {
        this.documents = documents;
        this.caller = caller;
    }

    @GET
    @Authenticated
    @Operation(summary = "A participant's documents (holder, parent with an approved claim, linked or group teacher), "
            + "or a generation job's documents (organisers)")
    public Uni<List<AwardDocumentView>> list(@QueryParam("participantId") UUID participantId,
                                             @QueryParam("jobId") UUID jobId) {
        if (participantId == null && jobId == null) {
            throw ProblemException.invalidField("participantId", "required", "participantId or jobId is required");
        }
        if (jobId != null) {
            if (!caller.hasRole(Roles.ADMIN) && !caller.hasRole(Roles.ORGANIZER)) {
                throw new ProblemException(org.olympiad.competitions.platform.problem.Problem.of(
                        org.olympiad.competitions.platform.problem.ProblemType.FORBIDDEN,
                        "only organisers list a job's documents").withField("jobId", "organiser"));
            }
            return documents.ofJob(jobId);
        }
        return documents.ofParticipant(participantId, caller.snapshot());
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Read a document")
    public Uni<AwardDocumentView> get(@PathParam("id") UUID id) {
        return documents.get(id, caller.snapshot());
    }

    @GET
    @Path("/{id}/pdf")
    @Authenticated
    @Produces("application/pdf")
    @Operation(summary = "Download a generated document's PDF")
    public Uni<Response> pdf(@PathParam("id") UUID id) {
        return documents.locate(id, caller.snapshot()).chain(download -> documents.read(download)
                .map(bytes -> Response.ok(bytes, "application/pdf")
                        .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                        .build()));
    }

    @POST
    @Path("/gratitude-letters")
    @ResponseStatus(202)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Request gratitude letters for a season's teachers, organisations, venues or team members; "
            + "answers with the job that makes them")
    public Uni<JobView> requestLetters(@Valid @NotNull GratitudeRequests.Create request) {
        return documents.requestLetters(request);
    }
}
