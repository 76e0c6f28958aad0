package org.olympiad.competitions.attempt.submission;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

@Path("/")
@Tag(name = "attempts")
public class AttemptResource {

    private final SubmissionService submissions;

    public AttemptResource(SubmissionService submissions) {
        this.submissions = submissions;
    }

    @POST
    @Path("tours/{tourId}/attempts")
    @Authenticated
    @Operation(summary = "Start the caller's attempt (or, for a helper with answers_entry, a group member's) while the "
            + "tour is open; 201 when started now, 200 with the attempt already started")
    public Uni<RestResponse<SubmissionView>> start(@PathParam("tourId") UUID tourId, @Valid SubmissionRequests.Start request) {
        return submissions.start(tourId, request == null ? new SubmissionRequests.Start(null, null) : request)
                .map(started -> RestResponse.status(started.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK,
                        started.submission()));
    }

    @GET
    @Path("tours/{tourId}/attempts/mine")
    @Authenticated
    @Operation(summary = "The caller's own attempt at the tour, with its tasks (no keys), answers and files")
    public Uni<SubmissionService.SubmissionDetails> mine(@PathParam("tourId") UUID tourId) {
        return submissions.mine(tourId);
    }

    @GET
    @Path("submissions/{id}")
    @Authenticated
    @Operation(summary = "A submission, for its participant, their group's helpers and organisers")
    public Uni<SubmissionService.SubmissionDetails> get(@PathParam("id") UUID id) {
        return submissions.get(id);
    }

    @PUT
    @Path("submissions/{id}/answers/{taskItemId}")
    @Authenticated
    @Operation(summary = "Save one answer (overwrites); baseVersion is the version last read, a stale save is a 409")
    public Uni<SubmissionService.AnswerView> saveAnswer(@PathParam("id") UUID id, @PathParam("taskItemId") UUID taskItemId,
                                                        @Valid @NotNull SubmissionRequests.SaveAnswer request) {
        return submissions.saveAnswer(id, taskItemId, request);
    }

    @POST
    @Path("submissions/{id}/submit")
    @Authenticated
    @Operation(summary = "Submit the attempt while the tour is open; keyed items are checked at once")
    public Uni<SubmissionView> submit(@PathParam("id") UUID id) {
        return submissions.submit(id);
    }

    @POST
    @Path("submissions/{id}/files")
    @ResponseStatus(201)
    @Authenticated
    @Operation(summary = "Upload a scan or file (the participant, or a helper with file_upload); after the close it "
            + "is late and needs a reason")
    public Uni<SubmissionFile.SubmissionFileView> uploadFile(@PathParam("id") UUID id,
                                                             @Valid @NotNull SubmissionRequests.UploadFile request) {
        return submissions.uploadFile(id, request);
    }

    @POST
    @Path("submissions/{id}/void")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Void a submission with a reason; its scores are marked voided, nothing is deleted")
    public Uni<SubmissionView> voidSubmission(@PathParam("id") UUID id, @Valid @NotNull SubmissionRequests.Void request) {
        return submissions.voidSubmission(id, request.reason());
    }
}
