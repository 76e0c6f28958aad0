package org.olympiad.competitions.attempt.activity;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.olympiad.competitions.attempt.checking.KeyCorrections;
import org.olympiad.competitions.attempt.projection.ProjectedTour;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.problem.ProblemException;

import java.util.List;
import java.util.UUID;

/** Units of work on activity bindings, their task structures and items: each change and its event commit together. */
@ApplicationScoped
public class ActivityService {

    private final Outbox outbox;
    private final KeyCorrections keyCorrections;

    public ActivityService(Outbox outbox, KeyCorrections keyCorrections) {
        this.outbox = outbox;
        this.keyCorrections = keyCorrections;
    }

    /** A binding with its structures and items, as organisers and checkers read it (answer keys included). */
    public record BindingDetails(ActivityBindingView binding, List<TaskStructure.TaskStructureView> taskStructures,
                                 List<TaskItem.TaskItemView> taskItems) {
    }

    /** What a key correction did: the item, and how many scores the recheck changed. */
    public record KeyCorrectionResult(TaskItem.TaskItemView taskItem, int rechecked) {
    }

    @WithTransaction
    public Uni<ActivityBindingView> create(UUID tourId, ActivityRequests.CreateBinding request) {
        return ProjectedTour.require(tourId).chain(tour -> {
            ActivityBinding binding = ActivityBinding.draft(tour.seasonId, tour.tourId, request);
            return binding.persist().chain(() -> outbox.record(binding.created(), binding::view));
        });
    }

    @WithSession
    public Uni<BindingDetails> get(UUID id) {
        return require(id).chain(this::details);
    }

    @WithSession
    public Uni<List<ActivityBindingView>> listForTour(UUID tourId) {
        return ActivityBinding.<ActivityBinding>list("tourId", Sort.by("createdAt").and("id"), tourId)
                .map(list -> list.stream().map(ActivityBinding::view).toList());
    }

    @WithTransaction
    public Uni<TaskStructure.TaskStructureView> addStructure(UUID bindingId, ActivityRequests.CreateStructure request) {
        return requireLocked(bindingId).chain(binding -> {
            binding.requireEditable("given task structures");
            TaskStructure structure = TaskStructure.of(binding.id, request);
            return structure.persist().chain(() -> outbox.record(structure.created(binding.seasonId), structure::view));
        });
    }

    @WithTransaction
    public Uni<TaskItem.TaskItemView> addItem(UUID bindingId, ActivityRequests.CreateItem request) {
        return requireLocked(bindingId).chain(binding -> {
            binding.requireEditable("given task items");
            return structureFor(binding, request.taskStructureId()).chain(structureId -> {
                TaskItem item = TaskItem.of(binding, structureId, request);
                return item.persist().chain(() -> outbox.record(item.created(binding.seasonId), item::view));
            });
        });
    }

    @WithTransaction
    public Uni<TaskItem.TaskItemView> updateItem(UUID itemId, ActivityRequests.UpdateItem patch) {
        return requireItem(itemId).chain(item -> requireLocked(item.activityBindingId).chain(binding -> {
            binding.requireEditable("changed in its task items");
            return outbox.record(item.update(binding.seasonId, patch), item::view);
        }));
    }

    /** Corrects a key on a locked or published binding and rechecks every submission scored under the old one. */
    @WithTransaction
    public Uni<KeyCorrectionResult> correctKey(UUID itemId, ActivityRequests.KeyCorrection request) {
        return requireItem(itemId).chain(item -> requireLocked(item.activityBindingId).chain(binding -> {
            binding.requireInForce("given answer key corrections");
            DomainChange change = item.correctKey(binding.seasonId, request.scoringSnapshot(), request.reason());
            return outbox.record(change)
                    .chain(() -> item.<TaskItem>persistAndFlush())
                    .chain(() -> keyCorrections.recheck(item.id, binding.seasonId, request.reason()))
                    .map(changed -> new KeyCorrectionResult(item.view(), changed));
        }));
    }

    @WithTransaction
    public Uni<ActivityBindingView> transition(UUID bindingId, ActivityRequests.Transition request) {
        return requireLocked(bindingId).chain(binding -> structures(binding.id).chain(structures -> items(binding.id)
                .chain(items -> {
                    List<DomainChange> changes = binding.moveTo(request.to(), request.reason(), structures, items);
                    Uni<Void> recorded = Uni.createFrom().voidItem();
                    for (DomainChange change : changes) {
                        recorded = recorded.chain(() -> outbox.record(change)).replaceWithVoid();
                    }
                    return recorded.map(v -> binding.view());
                })));
    }

    private Uni<BindingDetails> details(ActivityBinding binding) {
        return structures(binding.id).chain(structures -> items(binding.id).map(items -> new BindingDetails(binding.view(),
                structures.stream().map(TaskStructure::view).toList(), items.stream().map(TaskItem::view).toList())));
    }

    /** The named structure of this binding, or the binding's only one when none is named. */
    private static Uni<UUID> structureFor(ActivityBinding binding, UUID named) {
        return structures(binding.id).map(structures -> {
            if (named != null) {
                if (structures.stream().noneMatch(s -> s.id.equals(named))) {
                    throw ProblemException.invalidField("taskStructureId", "of-this-binding",
                            "task structure " + named + " is not one of this binding's");
                }
                return named;
            }
            return structures.size() == 1 ? structures.get(0).id : null;
        });
    }

    public static Uni<List<TaskStructure>> structures(UUID bindingId) {
        return TaskStructure.list("activityBindingId", Sort.by("createdAt").and("id"), bindingId);
    }

    public static Uni<List<TaskItem>> items(UUID bindingId) {
        return TaskItem.list("activityBindingId", Sort.by("taskNumber"), bindingId);
    }

    public static Uni<ActivityBinding> require(UUID id) {
        return ActivityBinding.<ActivityBinding>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.TOUR_ACTIVITY_BINDING, id));
    }

    /** The binding, locked for the transaction: its edits and its lock do not race. */
    static Uni<ActivityBinding> requireLocked(UUID id) {
        return ActivityBinding.<ActivityBinding>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.TOUR_ACTIVITY_BINDING, id));
    }

    public static Uni<TaskItem> requireItem(UUID id) {
        return TaskItem.<TaskItem>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.TOUR_TASK_ITEM, id));
    }
}
