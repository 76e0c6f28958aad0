package org.olympiad.competitions.registration.organization;

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

/** A season's competition organisations, as a sub-collection of the season. */
@Path("/seasons/{seasonId}/organizations")
@Tag(name = "organizations")
public class SeasonOrganizationResource {

    private final OrganizationService organizations;

    public SeasonOrganizationResource(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @POST
    @ResponseStatus(201)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Let an identity organisation join a season (active), under a snapshot of its name; once per season")
    public Uni<OrganizationView> create(@PathParam("seasonId") UUID seasonId,
                                       @Valid @NotNull OrganizationRequests.Create request) {
        return organizations.join(seasonId, request);
    }

    @GET
    @Authenticated
    @Operation(summary = "List a season's organisations by display name, by participation status and by an active role")
    public Uni<Page<OrganizationView>> list(@PathParam("seasonId") UUID seasonId,
                                            @QueryParam("participationStatus") ParticipationStatus participationStatus,
                                            @QueryParam("role") OrganizationRoleKind role,
                                            @Valid @BeanParam PageRequest page) {
        return organizations.listOfSeason(seasonId, participationStatus, role, page);
    }
}
