package org.olympiad.competitions.registration.organization;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

@Path("/organizations")
@Tag(name = "organizations")
public class OrganizationResource {

    private final OrganizationService organizations;

    public OrganizationResource(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Read a competition organisation")
    public Uni<OrganizationView> get(@PathParam("id") UUID id) {
        return organizations.get(id);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Change an organisation's name snapshot (a new one is taken now) or season scope")
    public Uni<OrganizationView> update(@PathParam("id") UUID id, @Valid @NotNull OrganizationRequests.Update request) {
        return organizations.update(id, request);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Suspend, reactivate or withdraw an organisation (suspending and withdrawing need a reason;"
            + " withdrawal is final and revokes its roles); a refused move is a 409 naming both states")
    public Uni<OrganizationView> transition(@PathParam("id") UUID id,
                                            @Valid @NotNull OrganizationRequests.Transition request) {
        return organizations.transition(id, request);
    }

    @POST
    @Path("/{id}/roles")
    @ResponseStatus(201)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Grant an organisation a role (active); one active role of a kind at a time, none to a withdrawn one")
    public Uni<OrganizationRoleView> grantRole(@PathParam("id") UUID id,
                                               @Valid @NotNull OrganizationRequests.RoleGrant request) {
        return organizations.grantRole(id, request);
    }

    @GET
    @Path("/{id}/roles")
    @Authenticated
    @Operation(summary = "List an organisation's roles, active and revoked, oldest first, by status")
    public Uni<Page<OrganizationRoleView>> roles(@PathParam("id") UUID id,
                                                 @QueryParam("status") OrganizationRoleStatus status,
                                                 @Valid @BeanParam PageRequest page) {
        return organizations.rolesOf(id, status, page);
    }
}
