package org.olympiad.competitions.registration.group;

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
import org.jboss.resteasy.reactive.ResponseStatus;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

/** A season's groups, as a sub-collection of the season. */
@Path("/seasons/{seasonId}/groups")
@Tag(name = "groups")
public class SeasonGroupResource {

    private final GroupService groups;

    public SeasonGroupResource(GroupService groups) {
        this.groups = groups;
    }

    @POST
    @ResponseStatus(201)
    @RolesAllowed({Roles.TEACHER, Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "Create a season group from a snapshot of a learning group (title, members); one per season "
            + "and learning group; a teacher becomes its primary teacher")
    public Uni<GroupView> create(@PathParam("seasonId") UUID seasonId, @Valid @NotNull GroupRequests.Create request) {
        return groups.create(seasonId, request);
    }

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "List a season's groups, newest first, by status")
    public Uni<Page<GroupSummaryView>> list(@PathParam("seasonId") UUID seasonId, @QueryParam("status") GroupStatus status,
                                            @Valid @BeanParam PageRequest page) {
        return groups.listOfSeason(seasonId, status, page);
    }
}
