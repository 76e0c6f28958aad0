package org.olympiad.competitions.registration.gradecategory;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

@Path("/grade-categories")
@Tag(name = "grade-categories")
public class GradeCategoryResource {

    private final GradeCategoryService categories;

    public GradeCategoryResource(GradeCategoryService categories) {
        this.categories = categories;
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Read a grade category")
    public Uni<GradeCategoryView> get(@PathParam("id") UUID id) {
        return categories.get(id);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Change a grade category's title or grade range; the key is fixed")
    public Uni<GradeCategoryView> update(@PathParam("id") UUID id, @Valid @NotNull GradeCategoryRequests.Update request) {
        return categories.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Delete a grade category while its season is a draft; later a 409")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return categories.delete(id);
    }
}
