package org.olympiad.competitions.registration.track;

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

/** A season's tracks, as a sub-collection of the season. */
@Path("/seasons/{seasonId}/tracks")
@Tag(name = "tracks")
public class SeasonTrackResource {

    private final TrackService tracks;

    public SeasonTrackResource(TrackService tracks) {
        this.tracks = tracks;
    }

    @POST
    @ResponseStatus(201)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Add a track to a season, season-wide or bound to one of its tours, under a key unique within them")
    public Uni<TrackView> create(@PathParam("seasonId") UUID seasonId, @Valid @NotNull TrackRequests.Create request) {
        return tracks.create(seasonId, request);
    }

    @GET
    @Authenticated
    @Operation(summary = "List a season's tracks by key")
    public Uni<Page<TrackView>> list(@PathParam("seasonId") UUID seasonId, @Valid @BeanParam PageRequest page) {
        return tracks.listOfSeason(seasonId, page);
    }
}
