package org.olympiad.competitions.registration.accessclaim;

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
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

@Path("/access-claims")
@Tag(name = "access-claims")
public class AccessClaimResource {

    private final AccessClaimService claims;

    public AccessClaimResource(AccessClaimService claims) {
        this.claims = claims;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "The review queue: access claims oldest first, by status")
    public Uni<Page<AccessClaimView>> queue(@QueryParam("status") AccessClaimStatus status, @Valid @BeanParam PageRequest page) {
        return claims.queue(status, page);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Read an access claim: an organiser, or the claim's requester (anyone else gets a 404)")
    public Uni<AccessClaimView> get(@PathParam("id") UUID id) {
        return claims.get(id);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.PARTICIPANT, Roles.PARENT})
    @Operation(summary = "Approve or reject (an organiser; rejecting needs a reason), or cancel (the requester or an "
            + "organiser) an access claim; a refused move is a 409 naming both states")
    public Uni<AccessClaimView> transition(@PathParam("id") UUID id, @Valid @NotNull AccessClaimRequests.Transition request) {
        return claims.transition(id, request);
    }
}
