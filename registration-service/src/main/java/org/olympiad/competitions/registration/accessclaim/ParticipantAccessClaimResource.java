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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

/** A participant's access claims, as a sub-collection of the participant. */
@Path("/participants/{participantId}/access-claims")
@Tag(name = "access-claims")
public class ParticipantAccessClaimResource {

    private final AccessClaimService claims;

    public ParticipantAccessClaimResource(AccessClaimService claims) {
        this.claims = claims;
    }

    @POST
    @ResponseStatus(201)
    @RolesAllowed({Roles.PARTICIPANT, Roles.PARENT})
    @Operation(summary = "Ask to be linked to a participant (as the student, a parent or family), with evidence as refs; "
            + "one open claim per claim type")
    public Uni<AccessClaimView> create(@PathParam("participantId") UUID participantId,
                                       @Valid @NotNull AccessClaimRequests.Create request) {
        return claims.create(participantId, request);
    }

    @GET
    @Authenticated
    @Operation(summary = "List a participant's access claims, newest first: all for an organiser, the caller's own otherwise")
    public Uni<Page<AccessClaimView>> list(@PathParam("participantId") UUID participantId, @Valid @BeanParam PageRequest page) {
        return claims.listOfParticipant(participantId, page);
    }
}
