package org.olympiad.competitions.registration.group;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

@Path("/group-helpers")
@Tag(name = "groups")
public class GroupHelperResource {

    private final GroupService groups;

    public GroupHelperResource(GroupService groups) {
        this.groups = groups;
    }

    @POST
    @Path("/{helperId}/transitions")
    @RolesAllowed({Roles.TEACHER, Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "Revoke a helper's grant (or grant it again); the group's primary teacher or an organiser")
    public Uni<GroupHelperView> transition(@PathParam("helperId") UUID helperId,
                                           @Valid @NotNull GroupRequests.HelperTransition request) {
        return groups.transitionHelper(helperId, request);
    }
}
