package org.olympiad.competitions.registration.season;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

@Path("/seasons")
@Tag(name = "seasons")
public class SeasonResource {

    private final SeasonService seasons;

    public SeasonResource(SeasonService seasons) {
        this.seasons = seasons;
    }

    @POST
    @ResponseStatus(201)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Create a season of an event (draft)")
    public Uni<SeasonView> create(@Valid @NotNull SeasonRequests.Create request) {
        return seasons.create(request);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Read a season")
    public Uni<SeasonView> get(@PathParam("id") UUID id) {
        return seasons.get(id);
    }

    @GET
    @Authenticated
    @Operation(summary = "List seasons, newest first, by event and status")
    public Uni<Page<SeasonView>> list(@QueryParam("eventId") UUID eventId, @QueryParam("status") SeasonStatus status,
                                      @Valid @BeanParam PageRequest page) {
        return seasons.list(eventId, status, page);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Change a season's title, dates or policies")
    public Uni<SeasonView> update(@PathParam("id") UUID id, @Valid @NotNull SeasonRequests.Update request) {
        return seasons.update(id, request);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Move a season along its lifecycle; a refused move is a 409 naming both states")
    public Uni<SeasonView> transition(@PathParam("id") UUID id, @Valid @NotNull SeasonRequests.Transition request) {
        return seasons.transition(id, request);
    }
}
