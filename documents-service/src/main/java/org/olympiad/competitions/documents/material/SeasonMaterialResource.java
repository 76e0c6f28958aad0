package org.olympiad.competitions.documents.material;

import io.quarkus.security.Authenticated;
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
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/seasons/{seasonId}/teacher-materials")
@Tag(name = "teacher materials")
public class SeasonMaterialResource {

    private final MaterialService materials;
    private final Caller caller;

    public SeasonMaterialResource(MaterialService materials, Caller caller) {
        this.materials = materials;
        this.caller = caller;
    }

    @POST
    @ResponseStatus(201)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Create a material for the season's teachers (draft)")
    public Uni<MaterialView> create(@PathParam("seasonId") UUID seasonId, @Valid @NotNull MaterialRequests.Create request) {
        return materials.create(seasonId, request);
    }

    @GET
    @Authenticated
    @Operation(summary = "The season's materials the caller may read, newest first")
    public Uni<List<MaterialView>> list(@PathParam("seasonId") UUID seasonId, @QueryParam("materialType") MaterialType type) {
        return materials.ofSeason(seasonId, type, caller.snapshot());
    }

    @POST
    @Path("/generated")
    @ResponseStatus(201)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.TEACHER})
    @Operation(summary = "Generate a material from its template with the season's data (participant list, instructions, "
            + "report template, results news)")
    public Uni<MaterialView> generate(@PathParam("seasonId") UUID seasonId, @Valid @NotNull MaterialRequests.Generate request) {
        return materials.generate(seasonId, request, caller.snapshot());
    }
}
