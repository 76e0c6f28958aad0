package org.olympiad.competitions.registration.track;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

@Path("/tracks")
@Tag(name = "tracks")
public class TrackResource {

    private final TrackService tracks;

    public TrackResource(TrackService tracks) {
        this.tracks = tracks;
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Read a track")
    public Uni<TrackView> get(@PathParam("id") UUID id) {
        return tracks.get(id);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Change a track's title or settings; the key and the tour are fixed")
    public Uni<TrackView> update(@PathParam("id") UUID id, @Valid @NotNull TrackRequests.Update request) {
        return tracks.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Delete a track while its season is a draft; later a 409")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return tracks.delete(id);
    }
}
