package org.olympiad.competitions.registration.externalteacher;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own external teacher profile. */
@Path("/me/external-teacher")
@Tag(name = "external-teachers")
public class MyExternalTeacherResource {

    private final ExternalTeacherService teachers;

    public MyExternalTeacherResource(ExternalTeacherService teachers) {
        this.teachers = teachers;
    }

    @GET
    @Authenticated
    @Operation(summary = "Read the caller's own external teacher profile, or a 404 when they have none")
    public Uni<ExternalTeacherView> mine() {
        return teachers.mine();
    }
}
