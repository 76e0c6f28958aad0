package org.olympiad.competitions.venue.conduct;

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

@Path("/me/conduct-applications")
@Tag(name = "teacher-led tours")
public class MyConductApplicationResource {

    private final ConductApplicationService applications;

    public MyConductApplicationResource(ConductApplicationService applications) {
        this.applications = applications;
    }

    @GET
    @Authenticated
    @Operation(summary = "The caller's own conduct applications, newest first")
    public Uni<Page<ConductApplicationView>> mine(@Valid @BeanParam PageRequest page) {
        return applications.mine(page);
    }
}
