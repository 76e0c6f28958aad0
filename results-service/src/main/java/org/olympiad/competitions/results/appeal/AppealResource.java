package org.olympiad.competitions.results.appeal;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/")
@Tag(name = "appeals")
public class AppealResource {

    private final AppealService appeals;

    public AppealResource(AppealService appeals) {
        this.appeals = appeals;
    }

    @POST
    @Path("results/{resultId}/appeals")
    @ResponseStatus(201)
    @RolesAllowed({Roles.PARTICIPANT, Roles.PARENT})
    @Operation(summary = "Appeal a published result inside the appeal window (the participant, or a parent with an approved claim)")
    public Uni<AppealView> file(@PathParam("resultId") UUID resultId, @Valid @NotNull AppealRequests.File request) {
        return appeals.file(resultId, request);
    }

    @POST
    @Path("appeals/{id}/transitions")
    @RolesAllowed({Roles.PARTICIPANT, Roles.PARENT, Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Review, accept (asks attempt-service for a new score) or reject an appeal; its filer may cancel it")
    public Uni<AppealView> transition(@PathParam("id") UUID id, @Valid @NotNull AppealRequests.Transition request) {
        return appeals.transition(id, request);
    }

    @GET
    @Path("appeals")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "A participant's appeals")
    public Uni<List<AppealView>> list(@QueryParam("participantId") UUID participantId) {
        if (participantId == null) {
            throw ProblemException.invalidField("participantId", "required", "participantId is required");
        }
        return appeals.list(participantId);
    }
}
