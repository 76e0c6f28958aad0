package org.olympiad.competitions.registration.organization;

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

@Path("/organization-roles")
@Tag(name = "organizations")
public class OrganizationRoleResource {

    private final OrganizationService organizations;

    public OrganizationRoleResource(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @POST
    @Path("/{roleId}/transitions")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Revoke an organisation's role (active → revoked, final; grant it again as a new role);"
            + " a refused move is a 409 naming both states")
    public Uni<OrganizationRoleView> transition(@PathParam("roleId") UUID roleId,
                                                @Valid @NotNull OrganizationRequests.RoleTransition request) {
        return organizations.transitionRole(roleId, request);
    }
}
