package org.olympiad.competitions.results.arbitration;

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

@Path("/arbitration-cases")
@Tag(name = "arbitration")
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
public class ArbitrationResource {

    private final ArbitrationService cases;

    public ArbitrationResource(ArbitrationService cases) {
        this.cases = cases;
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Open a case of suspected cheating with evidence refs; the participant's results are withheld")
    public Uni<ArbitrationCaseView> open(@Valid @NotNull ArbitrationRequests.Open request) {
        return cases.open(request);
    }

    @POST
    @Path("/{id}/transitions")
    @Operation(summary = "Review, clear (results released), sanction (results voided, tour participation disqualified) or close")
    public Uni<ArbitrationCaseView> transition(@PathParam("id") UUID id, @Valid @NotNull ArbitrationRequests.Transition request) {
        return cases.transition(id, request);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a case")
    public Uni<ArbitrationCaseView> get(@PathParam("id") UUID id) {
        return cases.get(id);
    }

    @GET
    @Operation(summary = "A participant's cases")
    public Uni<List<ArbitrationCaseView>> ofParticipant(@QueryParam("participantId") UUID participantId) {
        if (participantId == null) {
            throw ProblemException.invalidField("participantId", "required", "participantId is required");
        }
        return cases.ofParticipant(participantId);
    }
}
