package org.olympiad.competitions.registration.externalteacher;

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
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

@Path("/external-teachers")
@Tag(name = "external-teachers")
public class ExternalTeacherResource {

    private final ExternalTeacherService teachers;
    private final ExternalTeacherLinkService links;

    public ExternalTeacherResource(ExternalTeacherService teachers, ExternalTeacherLinkService links) {
        this.teachers = teachers;
        this.links = links;
    }

    @POST
    @ResponseStatus(201)
    @RolesAllowed({Roles.TEACHER, Roles.ADMIN})
    @Operation(summary = "Declare the caller's own external teacher profile (a teacher), or create one for another user "
            + "(an admin, naming identityUserId); it starts pending, one per user")
    public Uni<ExternalTeacherView> create(@Valid @NotNull ExternalTeacherRequests.Create request) {
        return teachers.create(request);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "List external teacher profiles oldest first, by verification status")
    public Uni<Page<ExternalTeacherView>> list(@QueryParam("verificationStatus") VerificationStatus verificationStatus,
                                               @Valid @BeanParam PageRequest page) {
        return teachers.list(verificationStatus, page);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Read an external teacher profile: the teacher, an organiser or an admin (anyone else gets a 404)")
    public Uni<ExternalTeacherView> get(@PathParam("id") UUID id) {
        return teachers.get(id);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Verify, reject or revoke an external teacher profile (an admin); a refused move is a 409 naming both states")
    public Uni<ExternalTeacherView> transition(@PathParam("id") UUID id, @Valid @NotNull ExternalTeacherRequests.Transition request) {
        return teachers.transition(id, request);
    }

    @POST
    @Path("/{id}/students")
    @ResponseStatus(201)
    @RolesAllowed({Roles.TEACHER, Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Ask to link a verified profile to a participant (the teacher or an organiser); pending until "
            + "the participant's side or an organiser confirms; one link per teacher and participant")
    public Uni<ExternalTeacherLinkView> link(@PathParam("id") UUID id, @Valid @NotNull ExternalTeacherRequests.LinkCreate request) {
        return links.create(id, request);
    }

    @GET
    @Path("/{id}/students")
    @Authenticated
    @Operation(summary = "List a profile's links to participants oldest first, by relation status: the teacher, an organiser or an admin")
    public Uni<Page<ExternalTeacherLinkView>> students(@PathParam("id") UUID id, @QueryParam("status") RelationStatus status,
                                                       @Valid @BeanParam PageRequest page) {
        return links.listOfProfile(id, status, page);
    }
}
