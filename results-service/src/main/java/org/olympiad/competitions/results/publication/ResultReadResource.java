package org.olympiad.competitions.results.publication;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.olympiad.competitions.platform.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/")
@Tag(name = "published results")
public class ResultReadResource {

    private final ResultReads reads;

    public ResultReadResource(ResultReads reads) {
        this.reads = reads;
    }

    @GET
    @Path("participants/{participantId}/results")
    @RolesAllowed({Roles.PARTICIPANT, Roles.PARENT, Roles.TEACHER, Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "A participant's published results: for the participant, a parent with an approved claim and a "
            + "linked teacher only; withheld results show no score; appealsUntil closes the appeal window")
    public Uni<List<ResultReads.PersonalResult>> personal(@PathParam("participantId") UUID participantId) {
        return reads.personal(participantId);
    }

    @GET
    @Path("public/seasons/{seasonId}/results")
    @PermitAll
    @Operation(summary = "Public results of a season (tourId: a tour's), without a token: published, not withheld, names "
            + "shortened as the publication says")
    public Uni<List<ResultReads.PublicResult>> publicResults(@PathParam("seasonId") UUID seasonId,
                                                             @QueryParam("tourId") UUID tourId,
                                                             @QueryParam("trackId") UUID trackId,
                                                             @QueryParam("gradeCategoryId") UUID gradeCategoryId,
                                                             @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                             @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        return reads.publicResults(seasonId, tourId, trackId, gradeCategoryId, page, size);
    }

    @GET
    @Path("seasons/{seasonId}/protocol.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "The final protocol (finalized results) of a season, or of a tour with tourId, as CSV")
    public Uni<Response> protocol(@PathParam("seasonId") UUID seasonId, @QueryParam("tourId") UUID tourId) {
        return reads.protocol(seasonId, tourId).map(csv -> Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"protocol-" + seasonId + ".csv\"").build());
    }
}
