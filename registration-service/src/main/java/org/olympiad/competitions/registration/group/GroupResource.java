package org.olympiad.competitions.registration.group;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/**
 * A group, its members, its registration and its helpers. Its primary teacher and organisers manage it; a helper
 * with roster_view reads it; anyone else gets a 404.
 */
@Path("/groups")
@Tag(name = "groups")
public class GroupResource {

    private final GroupService groups;
    private final GroupRegistrationService registrations;

    public GroupResource(GroupService groups, GroupRegistrationService registrations) {
        this.groups = groups;
        this.registrations = registrations;
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Read a group with its member snapshot: its primary teacher, an organiser, or a roster_view helper")
    public Uni<GroupView> get(@PathParam("id") UUID id) {
        return groups.get(id);
    }

    @PUT
    @Path("/{id}/snapshot")
    @RolesAllowed({Roles.TEACHER, Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "Take a newer snapshot of the learning group: new members join the snapshot, members gone "
            + "from it are removed from the group (their registrations stay)")
    public Uni<GroupView> takeSnapshot(@PathParam("id") UUID id, @Valid @NotNull GroupRequests.Snapshot request) {
        return groups.takeSnapshot(id, request);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.TEACHER, Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "Archive a group (active → archived, final); a refused move is a 409 naming both states")
    public Uni<GroupView> transition(@PathParam("id") UUID id, @Valid @NotNull GroupRequests.Transition request) {
        return groups.transition(id, request);
    }

    @GET
    @Path("/{id}/members")
    @Authenticated
    @Operation(summary = "A group's members mapped to the season's participants, by status: its primary teacher, an "
            + "organiser, or a roster_view helper")
    public Uni<Page<GroupMemberView>> members(@PathParam("id") UUID id, @QueryParam("status") GroupMemberStatus status,
                                              @Valid @BeanParam PageRequest page) {
        return groups.members(id, status, page);
    }

    @POST
    @Path("/{id}/registrations")
    @RolesAllowed({Roles.TEACHER, Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "Register every member of the group not registered from it yet, in one request (source "
            + "teacher); members the season's policy refuses are reported and the others registered")
    public Uni<GroupRegistrationResult> register(@PathParam("id") UUID id, @Valid GroupRequests.Register request) {
        return registrations.register(id, request);
    }

    @POST
    @Path("/{id}/helpers")
    @ResponseStatus(201)
    @RolesAllowed({Roles.TEACHER, Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "Grant a user a helper role on the group (answers_entry, file_upload, roster_view, "
            + "venue_staff); a revoked grant of that role is active again")
    public Uni<GroupHelperView> grantHelper(@PathParam("id") UUID id, @Valid @NotNull GroupRequests.HelperGrant request) {
        return groups.grantHelper(id, request);
    }

    @GET
    @Path("/{id}/helpers")
    @RolesAllowed({Roles.TEACHER, Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "A group's helper grants, oldest first, by status")
    public Uni<Page<GroupHelperView>> helpers(@PathParam("id") UUID id, @QueryParam("status") GroupHelperStatus status,
                                              @Valid @BeanParam PageRequest page) {
        return groups.helpers(id, status, page);
    }
}
