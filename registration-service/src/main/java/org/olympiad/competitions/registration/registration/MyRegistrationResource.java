package org.olympiad.competitions.registration.registration;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;

@Path("/me/registrations")
@Tag(name = "registrations")
public class MyRegistrationResource {

    private final RegistrationService registrations;

    public MyRegistrationResource(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @GET
    @Authenticated
    @Operation(summary = "The caller's registrations: those they submitted and those of the participant they are")
    public Uni<Page<RegistrationView>> mine(@Valid @BeanParam PageRequest page) {
        return registrations.mine(page);
    }
}
