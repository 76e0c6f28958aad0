package org.olympiad.competitions.registration.registration;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;

import java.util.UUID;

@Path("/participants/{participantId}/registrations")
@Tag(name = "registrations")
public class ParticipantRegistrationResource {

    private final RegistrationService registrations;

    public ParticipantRegistrationResource(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @GET
    @Authenticated
    @Operation(summary = "A participant's registrations: for the child, an approved claimant, a linked teacher, an organiser")
    public Uni<Page<RegistrationView>> list(@PathParam("participantId") UUID participantId, @Valid @BeanParam PageRequest page) {
        return registrations.ofParticipant(participantId, page);
    }
}
