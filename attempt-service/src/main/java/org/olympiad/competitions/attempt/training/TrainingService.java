package org.olympiad.competitions.attempt.training;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.attempt.activity.ActivityService;
import org.olympiad.competitions.attempt.projection.ProjectedTour;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.problem.ProblemException;

import java.util.List;
import java.util.UUID;

/** Training publications: a tour's locked activity offered for practice once the tour has closed. */
@ApplicationScoped
public class TrainingService {

    private final Outbox outbox;

    public TrainingService(Outbox outbox) {
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<TrainingPublication.TrainingView> create(UUID bindingId, TrainingRequests.Create request) {
        return ActivityService.require(bindingId).chain(binding -> {
            binding.requireInForce("published for training");
            return ProjectedTour.require(binding.tourId).chain(tour -> {
                if (!ProjectedTour.CLOSED_OR_LATER.contains(tour.status)) {
                    throw ProblemException.lockedIn(EntityTypes.TOUR, tour.status, "published for training before it closes");
                }
                return ActivityService.structures(binding.id).chain(structures -> {
                    UUID structure = request.sourceTourTaskStructureId();
                    if (structure != null && structures.stream().noneMatch(s -> s.id.equals(structure))) {
                        throw ProblemException.invalidField("sourceTourTaskStructureId", "of-this-binding",
                                "task structure " + structure + " is not one of this binding's");
                    }
                    TrainingPublication t = TrainingPublication.draft(binding.id, structure, request);
                    return t.persist().chain(() -> outbox.record(t.created(binding.seasonId), t::view));
                });
            });
        });
    }

    @WithTransaction
    public Uni<TrainingPublication.TrainingView> transition(UUID id, TrainingRequests.Transition request) {
        return TrainingPublication.<TrainingPublication>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.TRAINING_PUBLICATION, id))
                .chain(t -> ActivityService.require(t.sourceActivityBindingId).chain(binding -> outbox.record(
                        t.moveTo(request.to(), request.scheduledAt(), request.reason(), binding.seasonId), t::view)));
    }

    @WithSession
    public Uni<List<TrainingPublication.TrainingView>> list(UUID bindingId) {
        return TrainingPublication.<TrainingPublication>list("sourceActivityBindingId", Sort.by("createdAt"), bindingId)
                .map(l -> l.stream().map(TrainingPublication::view).toList());
    }
}
