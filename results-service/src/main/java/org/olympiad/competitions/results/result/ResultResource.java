package org.olympiad.competitions.results.result;

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
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

@Path("/")
@Tag(name = "results")
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
public class ResultResource {

    private final ResultService results;

    public ResultResource(ResultService results) {
        this.results = results;
    }

    @POST
    @Path("results/calculations")
    @Operation(summary = "Calculate a tour's or a season's results (score, rank, award per track and grade category); "
            + "dryRun shows the changes and stores nothing")
    public Uni<CalculationReport> calculate(@Valid @NotNull CalculationRequest request) {
        return results.calculate(request);
    }

    @POST
    @Path("results/transitions")
    @Operation(summary = "Move a scope's live results to calculated, review or finalized; a refused move is a 409 naming both states")
    public Uni<ResultRequests.TransitionOutcome> transition(@Valid @NotNull ResultRequests.Transition request) {
        return results.transition(request);
    }

    @POST
    @Path("results/{id}/void")
    @Operation(summary = "Void a result with a reason; it stays as history and its document is revoked")
    public Uni<ResultView> voidResult(@PathParam("id") UUID id, @Valid @NotNull ResultRequests.Void request) {
        return results.voidResult(id, request.reason());
    }

    @GET
    @Path("results/{id}")
    @Operation(summary = "Read a result with its threshold policy snapshot")
    public Uni<ResultView> get(@PathParam("id") UUID id) {
        return results.get(id);
    }

    @GET
    @Path("seasons/{seasonId}/results")
    @Operation(summary = "A season's results (tourId for a tour's; without it the season's own), by track and rank")
    public Uni<Page<ResultView>> list(@PathParam("seasonId") UUID seasonId, @QueryParam("tourId") UUID tourId,
                                      @QueryParam("trackId") UUID trackId, @QueryParam("gradeCategoryId") UUID gradeCategoryId,
                                      @Valid @BeanParam PageRequest page) {
        return results.list(seasonId, tourId, trackId, gradeCategoryId, page);
    }

    @GET
    @Path("seasons/{seasonId}/rankings")
    @Operation(summary = "A season's or tour's stored ranking per track")
    public Uni<Page<RankingView>> rankings(@PathParam("seasonId") UUID seasonId, @QueryParam("tourId") UUID tourId,
                                           @QueryParam("trackId") UUID trackId, @Valid @BeanParam PageRequest page) {
        return results.rankings(seasonId, tourId, trackId, page);
    }
}
