package org.olympiad.competitions.documents.material;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

@Path("/teacher-materials/{id}")
@Tag(name = "teacher materials")
public class MaterialResource {

    private final MaterialService materials;
    private final Caller caller;

    public MaterialResource(MaterialService materials, Caller caller) {
        this.materials = materials;
        this.caller = caller;
    }

    @GET
    @Authenticated
    @Operation(summary = "Read a material (published, for the caller's role, within its availability window)")
    public Uni<MaterialView> get(@PathParam("id") UUID id) {
        return materials.get(id, caller.snapshot());
    }

    @PATCH
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Change a material's texts, file, visibility or availability window")
    public Uni<MaterialView> update(@PathParam("id") UUID id, @Valid @NotNull MaterialRequests.Update request) {
        return materials.update(id, request);
    }

    @POST
    @Path("/transitions")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Publish or archive a material; a refused move is a 409 naming both states")
    public Uni<MaterialView> transition(@PathParam("id") UUID id, @Valid @NotNull MaterialRequests.Transition request) {
        return materials.transition(id, request);
    }

    @DELETE
    @ResponseStatus(204)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Delete a draft (published materials are archived instead)")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return materials.delete(id);
    }
}
