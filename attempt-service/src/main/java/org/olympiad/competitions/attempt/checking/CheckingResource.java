package org.olympiad.competitions.attempt.checking;

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
import org.jboss.resteasy.reactive.RestResponse;
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

@Path("/")
@Tag(name = "checking")
public class CheckingResource {

    private final CheckingService checking;
    private final BulkChecking bulk;
    private final ScoreImport imports;

    public CheckingResource(CheckingService checking, BulkChecking bulk, ScoreImport imports) {
        this.checking = checking;
        this.bulk = bulk;
        this.imports = imports;
    }

    @POST
    @Path("tours/{tourId}/score-imports")
    @jakarta.ws.rs.Consumes("text/csv")
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "Import an offline tour's scores from CSV (tour_participation_id,task_number,score): every line "
            + "is validated, a refused line is reported and then nothing is imported")
    public Uni<ScoreImport.Result> importScores(@PathParam("tourId") UUID tourId, String csv) {
        return imports.importCsv(tourId, csv);
    }

    @GET
    @Path("tours/{tourId}/checking/queue")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.CHECKER})
    @Operation(summary = "How many works of the tour wait for a check by hand")
    public Uni<CheckingService.QueueView> queue(@PathParam("tourId") UUID tourId) {
        return checking.queue(tourId);
    }

    @POST
    @Path("tours/{tourId}/checking/take")
    @RolesAllowed({Roles.CHECKER, Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "Take a work from the queue (the one already held first); 204 when none waits. Blind: a work "
            + "code, never the participant")
    public Uni<RestResponse<CheckingService.WorkView>> take(@PathParam("tourId") UUID tourId) {
        return checking.take(tourId).map(work -> work == null ? RestResponse.noContent() : RestResponse.ok(work));
    }

    @GET
    @Path("checks/{id}")
    @RolesAllowed({Roles.CHECKER, Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "A held work, for its checker or a senior")
    public Uni<CheckingService.WorkView> get(@PathParam("id") UUID id) {
        return checking.get(id);
    }

    @POST
    @Path("checks/{id}/marks")
    @RolesAllowed({Roles.CHECKER, Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "Mark every task of the held work; a score above the task's max is refused")
    public Uni<Check.CheckView> mark(@PathParam("id") UUID id, @Valid @NotNull CheckingRequests.Marks request) {
        return checking.mark(id, request);
    }

    @POST
    @Path("submissions/{id}/decisions")
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "A senior's decision or a recheck: new score versions for the named tasks, with the reason; "
            + "checks in review are overridden")
    public Uni<Check.CheckView> decide(@PathParam("id") UUID id, @Valid @NotNull CheckingRequests.Decision request) {
        return checking.decide(id, request);
    }

    @POST
    @Path("tours/{tourId}/auto-check")
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "Run the automatic check over every submitted or locked submission of the tour still waiting "
            + "for it, chunk by chunk")
    public Uni<BulkChecking.Result> autoCheck(@PathParam("tourId") UUID tourId) {
        return bulk.autoCheckTour(tourId);
    }

    @GET
    @Path("submissions/{id}/scores")
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "Every score version of a submission, current and older, with its reason and source check")
    public Uni<java.util.List<Scores.ScoreView>> scores(@PathParam("id") UUID id) {
        return bulk.scores(id);
    }
}
