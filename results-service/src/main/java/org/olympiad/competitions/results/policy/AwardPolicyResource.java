package org.olympiad.competitions.results.policy;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.olympiad.competitions.platform.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/")
@Tag(name = "award policies")
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
public class AwardPolicyResource {

    private final AwardPolicyService policies;

    public AwardPolicyResource(AwardPolicyService policies) {
        this.policies = policies;
    }

    @POST
    @Path("seasons/{seasonId}/award-policies")
    @ResponseStatus(201)
    @Operation(summary = "Create a season's award policy, optionally for one track and/or grade category; rules are validated")
    public Uni<AwardPolicyView> create(@PathParam("seasonId") UUID seasonId, @Valid @NotNull AwardPolicyRequests.Create request) {
        return policies.create(seasonId, request);
    }

    @GET
    @Path("seasons/{seasonId}/award-policies")
    @Operation(summary = "A season's award policies")
    public Uni<List<AwardPolicyView>> ofSeason(@PathParam("seasonId") UUID seasonId) {
        return policies.ofSeason(seasonId);
    }

    @GET
    @Path("award-policies/{id}")
    @Operation(summary = "Read an award policy")
    public Uni<AwardPolicyView> get(@PathParam("id") UUID id) {
        return policies.get(id);
    }

    @PATCH
    @Path("award-policies/{id}")
    @Operation(summary = "Replace an award policy's rules (validated); the next calculation applies them")
    public Uni<AwardPolicyView> update(@PathParam("id") UUID id, @Valid @NotNull AwardPolicyRequests.Update request) {
        return policies.update(id, request);
    }
}
