package org.olympiad.competitions.attempt.training;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
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
@Tag(name = "training")
public class TrainingPublicationResource {

    private final TrainingService training;

    public TrainingPublicationResource(TrainingService training) {
        this.training = training;
    }

    @POST
    @Path("activity-bindings/{id}/training-publications")
    @ResponseStatus(201)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Offer a closed tour's locked activity for practice (draft), with its mode, visibility and schedule")
    public Uni<TrainingPublication.TrainingView> create(@PathParam("id") UUID bindingId,
                                                        @Valid @NotNull TrainingRequests.Create request) {
        return training.create(bindingId, request);
    }

    @GET
    @Path("activity-bindings/{id}/training-publications")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "The binding's training publications")
    public Uni<List<TrainingPublication.TrainingView>> list(@PathParam("id") UUID bindingId) {
        return training.list(bindingId);
    }

    @POST
    @Path("training-publications/{id}/transitions")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Schedule, publish, pause or archive a training publication")
    public Uni<TrainingPublication.TrainingView> transition(@PathParam("id") UUID id,
                                                            @Valid @NotNull TrainingRequests.Transition request) {
        return training.transition(id, request);
    }
}
