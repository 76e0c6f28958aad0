package org.olympiad.competitions.registration.event;

import io.smallrye.mutiny.Uni;
import io.quarkus.security.Authenticated;
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

@Path("/events")
@Tag(name = "events")
public class EventResource {

    private final EventService events;

    public EventResource(EventService events) {
        this.events = events;
    }

    @POST
    @ResponseStatus(201)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Create an event (draft)")
    public Uni<EventView> create(@Valid @NotNull EventRequests.Create request) {
        return events.create(request);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Read an event")
    public Uni<EventView> get(@PathParam("id") UUID id) {
        return events.get(id);
    }

    @GET
    @Authenticated
    @Operation(summary = "List events, newest first")
    public Uni<Page<EventView>> list(@QueryParam("status") EventStatus status, @Valid @BeanParam PageRequest page) {
        return events.list(status, page);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Change an event's title, subject or visibility")
    public Uni<EventView> update(@PathParam("id") UUID id, @Valid @NotNull EventRequests.Update request) {
        return events.update(id, request);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Move an event along draft → active → archived")
    public Uni<EventView> transition(@PathParam("id") UUID id, @Valid @NotNull EventRequests.Transition request) {
        return events.transition(id, request);
    }
}
