package org.olympiad.competitions.registration.externalteacher;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/external-teacher-links")
@Tag(name = "external-teachers")
public class ExternalTeacherLinkResource {

    private final ExternalTeacherLinkService links;

    public ExternalTeacherLinkResource(ExternalTeacherLinkService links) {
        this.links = links;
    }

    @GET
    @Path("/{linkId}")
    @Authenticated
    @Operation(summary = "Read a teacher's link: the teacher, the participant's side or an organiser (anyone else gets a 404)")
    public Uni<ExternalTeacherLinkView> get(@PathParam("linkId") UUID linkId) {
        return links.get(linkId);
    }

    @POST
    @Path("/{linkId}/transitions")
    @Authenticated
    @Operation(summary = "Confirm or reject a pending link (the participant or a parent with an approved access claim, "
            + "or an organiser), or revoke an active one (also the teacher); a refused move is a 409 naming both states")
    public Uni<ExternalTeacherLinkView> transition(@PathParam("linkId") UUID linkId,
                                                   @Valid @NotNull ExternalTeacherRequests.LinkTransition request) {
        return links.transition(linkId, request);
    }
}
