package org.olympiad.competitions.registration.gradecategory;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

/** A season's grade categories, as a sub-collection of the season. */
@Path("/seasons/{seasonId}/grade-categories")
@Tag(name = "grade-categories")
public class SeasonGradeCategoryResource {

    private final GradeCategoryService categories;

    public SeasonGradeCategoryResource(GradeCategoryService categories) {
        this.categories = categories;
    }

    @POST
    @ResponseStatus(201)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Add a grade category to a season under a key unique within it")
    public Uni<GradeCategoryView> create(@PathParam("seasonId") UUID seasonId,
                                         @Valid @NotNull GradeCategoryRequests.Create request) {
        return categories.create(seasonId, request);
    }

    @GET
    @Authenticated
    @Operation(summary = "List a season's grade categories by key")
    public Uni<Page<GradeCategoryView>> list(@PathParam("seasonId") UUID seasonId, @Valid @BeanParam PageRequest page) {
        return categories.listOfSeason(seasonId, page);
    }
}
