package org.olympiad.competitions.registration.registration;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.security.Roles;
import org.olympiad.competitions.registration.policy.RegistrationSource;

import java.util.UUID;

/** A season's registrations: where every source registers, and the organiser's list. */
@Path("/seasons/{seasonId}/registrations")
@Tag(name = "registrations")
public class SeasonRegistrationResource {

    private final RegistrationService registrations;
    private final RegistrationExport export;

    public SeasonRegistrationResource(RegistrationService registrations, RegistrationExport export) {
        this.registrations = registrations;
        this.export = export;
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "The season's registrations as CSV (UTF-8, RFC 4180)")
    public Uni<Response> exportCsv(@PathParam("seasonId") UUID seasonId) {
        return export.csv(seasonId).map(csv -> Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"registrations-" + seasonId + ".csv\"").build());
    }

    @POST
    @ResponseStatus(201)
    @RolesAllowed({Roles.PARTICIPANT, Roles.PARENT, Roles.TEACHER, Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "Register a participant for the season under its registration policy")
    public Uni<RegistrationView> create(@PathParam("seasonId") UUID seasonId,
                                        @Valid @NotNull RegistrationRequests.Create request) {
        return registrations.create(seasonId, request);
    }

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "A season's registrations, oldest first, by status and source")
    public Uni<Page<RegistrationView>> list(@PathParam("seasonId") UUID seasonId,
                                            @QueryParam("status") RegistrationStatus status,
                                            @QueryParam("source") RegistrationSource source,
                                            @Valid @BeanParam PageRequest page) {
        return registrations.listOfSeason(seasonId, status, source, page);
    }
}
