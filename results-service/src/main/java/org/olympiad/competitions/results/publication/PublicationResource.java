package org.olympiad.competitions.results.publication;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.olympiad.competitions.platform.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/")
@Tag(name = "publications")
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
public class PublicationResource {

    private final PublicationService publications;

    public PublicationResource(PublicationService publications) {
        this.publications = publications;
    }

    @POST
    @Path("seasons/{seasonId}/publications")
    @ResponseStatus(201)
    @Operation(summary = "Create a draft publication of personal or public results, works, materials, training or venues")
    public Uni<PublicationView> create(@PathParam("seasonId") UUID seasonId, @Valid @NotNull PublicationRequests.Create request) {
        return publications.create(seasonId, request);
    }

    @GET
    @Path("seasons/{seasonId}/publications")
    @Operation(summary = "A season's publications")
    public Uni<List<PublicationView>> ofSeason(@PathParam("seasonId") UUID seasonId) {
        return publications.ofSeason(seasonId);
    }

    @GET
    @Path("publications/{id}")
    @Operation(summary = "Read a publication")
    public Uni<PublicationView> get(@PathParam("id") UUID id) {
        return publications.get(id);
    }

    @PATCH
    @Path("publications/{id}")
    @Operation(summary = "Change a publication's settings (schedule, tour, name format, appeal window) before it is published")
    public Uni<PublicationView> update(@PathParam("id") UUID id, @Valid @NotNull PublicationRequests.Update request) {
        return publications.update(id, request);
    }

    @POST
    @Path("publications/{id}/transitions")
    @Operation(summary = "Schedule, publish, hide or archive; a refused move is a 409 naming both states")
    public Uni<PublicationView> transition(@PathParam("id") UUID id, @Valid @NotNull PublicationRequests.Transition request) {
        return publications.transition(id, request);
    }
}
