package org.olympiad.competitions.attempt.activity;

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
@Tag(name = "activities")
public class ActivityBindingResource {

    private final ActivityService activities;

    public ActivityBindingResource(ActivityService activities) {
        this.activities = activities;
    }

    @POST
    @Path("tours/{tourId}/activity-bindings")
    @ResponseStatus(201)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Bind a tour (for a grade category / track) to an LMS activity or a temporary adapter (draft)")
    public Uni<ActivityBindingView> create(@PathParam("tourId") UUID tourId,
                                           @Valid @NotNull ActivityRequests.CreateBinding request) {
        return activities.create(tourId, request);
    }

    @GET
    @Path("tours/{tourId}/activity-bindings")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.CHECKER})
    @Operation(summary = "The tour's activity bindings")
    public Uni<List<ActivityBindingView>> list(@PathParam("tourId") UUID tourId) {
        return activities.listForTour(tourId);
    }

    @GET
    @Path("activity-bindings/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "A binding with its task structures and items, answer keys included")
    public Uni<ActivityService.BindingDetails> get(@PathParam("id") UUID id) {
        return activities.get(id);
    }

    @POST
    @Path("activity-bindings/{id}/transitions")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Move a binding along draft → review → locked → published → archived; locking checks the "
            + "task count and max scores add up")
    public Uni<ActivityBindingView> transition(@PathParam("id") UUID id,
                                               @Valid @NotNull ActivityRequests.Transition request) {
        return activities.transition(id, request);
    }

    @POST
    @Path("activity-bindings/{id}/task-structures")
    @ResponseStatus(201)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Add a task structure (task count, max total score, checking policy) before the lock")
    public Uni<TaskStructure.TaskStructureView> addStructure(@PathParam("id") UUID id,
                                                             @Valid @NotNull ActivityRequests.CreateStructure request) {
        return activities.addStructure(id, request);
    }

    @POST
    @Path("activity-bindings/{id}/task-items")
    @ResponseStatus(201)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Add a task item with its max score and, for automatic checking, its answer key")
    public Uni<TaskItem.TaskItemView> addItem(@PathParam("id") UUID id, @Valid @NotNull ActivityRequests.CreateItem request) {
        return activities.addItem(id, request);
    }

    @PATCH
    @Path("task-items/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Change a task item before the lock")
    public Uni<TaskItem.TaskItemView> updateItem(@PathParam("id") UUID id, @Valid @NotNull ActivityRequests.UpdateItem request) {
        return activities.updateItem(id, request);
    }

    @POST
    @Path("task-items/{id}/key-corrections")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Correct an answer key after the lock, with a reason: every affected submission is rechecked "
            + "and changed scores get a new version")
    public Uni<ActivityService.KeyCorrectionResult> correctKey(@PathParam("id") UUID id,
                                                               @Valid @NotNull ActivityRequests.KeyCorrection request) {
        return activities.correctKey(id, request);
    }
}
