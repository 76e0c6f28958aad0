package org.olympiad.competitions.registration.registration;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import org.olympiad.competitions.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/registrations")
@Tag(name = "registrations")
public class RegistrationResource {

    private final RegistrationService registrations;

    public RegistrationResource(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Read a registration: its registrant, its participant, or an organiser")
    public Uni<RegistrationView> get(@PathParam("id") UUID id) {
        return registrations.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Complete a registration's details while it is a draft or needs completion")
    public Uni<RegistrationView> update(@PathParam("id") UUID id, @Valid @NotNull RegistrationRequests.Update request) {
        return registrations.update(id, request);
    }

    @POST
    @Path("/{id}/submit")
    @Authenticated
    @Operation(summary = "Send a draft on: submitted when complete, otherwise it asks for what is missing")
    public Uni<RegistrationView> submit(@PathParam("id") UUID id) {
        return registrations.submit(id);
    }

    @POST
    @Path("/{id}/official-data-package")
    @Authenticated
    @Operation(summary = "Collect (registrant, organiser) or verify (organiser) the official data package; refs only")
    public Uni<RegistrationView> moveOfficialDataPackage(@PathParam("id") UUID id,
                                                         @Valid @NotNull RegistrationRequests.OfficialDataPackageTransition request) {
        return registrations.moveOfficialDataPackage(id, request);
    }

    @POST
    @Path("/{id}/duplicate-resolution")
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "Resolve a duplicate hold: merge into the existing participant, or release as a different child")
    public Uni<RegistrationView> resolveDuplicate(@PathParam("id") UUID id,
                                                  @Valid @NotNull RegistrationRequests.DuplicateResolution request) {
        return registrations.resolveDuplicate(id, request);
    }

    @POST
    @Path("/{id}/transitions")
    @Authenticated
    @Operation(summary = "Review, approve, reject, send back or cancel (organiser); cancel own (registrant)")
    public Uni<RegistrationView> transition(@PathParam("id") UUID id, @Valid @NotNull RegistrationRequests.Transition request) {
        return registrations.transition(id, request);
    }
}
