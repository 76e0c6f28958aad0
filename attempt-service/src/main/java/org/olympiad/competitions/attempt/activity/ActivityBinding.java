package org.olympiad.competitions.attempt.activity;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.personaldata.PersonalDataGuard;
import org.olympiad.competitions.platform.personaldata.Strictness;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.state.StateMachine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.olympiad.competitions.attempt.activity.ActivityBindingStatus.*;

/**
 * What a tour (for a grade category / track) is sat on ({@code competition_tour_activity_bindings}): an LMS activity
 * or a temporary adapter with its locked snapshot. Its task structure and items are edited while it is a draft or in
 * review; the lock checks that they add up and freezes them.
 */
@Entity
@Table(name = "competition_tour_activity_bindings")
public class ActivityBinding extends PanacheEntityBase {

    /** draft ⇄ review → locked → published → archived; a draft or a locked binding may also be archived. */
    public static final StateMachine<ActivityBindingStatus> LIFECYCLE =
            StateMachine.of(EntityTypes.TOUR_ACTIVITY_BINDING, ActivityBindingStatus.class)
                    .path(draft, review, locked, published, archived)
                    .allow(review, draft)
                    .allow(draft, archived)
                    .allow(locked, archived)
                    .build();

    private static final Map<ActivityBindingStatus, String> EVENT_TYPE_ON_ENTERING = Map.of(
            draft, EventTypes.ACTIVITY_BINDING_RETURNED_TO_DRAFT,
            review, EventTypes.ACTIVITY_BINDING_SENT_TO_REVIEW,
            locked, EventTypes.ACTIVITY_BINDING_LOCKED,
            published, EventTypes.ACTIVITY_BINDING_PUBLISHED,
            archived, EventTypes.ACTIVITY_BINDING_ARCHIVED);

    private static final EnumSet<ActivityBindingStatus> EDITABLE = EnumSet.of(draft, review);
    /** A binding attempts may be started on. */
    public static final EnumSet<ActivityBindingStatus> IN_FORCE = EnumSet.of(locked, published);

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "season_id", nullable = false)
    public UUID seasonId;

    @Column(name = "tour_id", nullable = false)
    public UUID tourId;

    @Column(name = "grade_category_id")
    public UUID gradeCategoryId;

    @Column(name = "track_id")
    public UUID trackId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BindingMode mode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "lms_activity_ref", columnDefinition = "jsonb")
    public JsonNode lmsActivityRef;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "adapter_ref", columnDefinition = "jsonb")
    public JsonNode adapterRef;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "task_bank_source_ref", columnDefinition = "jsonb")
    public JsonNode taskBankSourceRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActivityBindingStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "activity_snapshot_ref", columnDefinition = "jsonb")
    public JsonNode activitySnapshotRef;

    @Column(name = "locked_at")
    public Instant lockedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static ActivityBinding draft(UUID seasonId, UUID tourId, ActivityRequests.CreateBinding request) {
        ActivityBinding b = new ActivityBinding();
        b.seasonId = seasonId;
        b.tourId = tourId;
        b.gradeCategoryId = request.gradeCategoryId();
        b.trackId = request.trackId();
        b.mode = request.mode();
        b.lmsActivityRef = ref("lmsActivityRef", request.lmsActivityRef());
        b.adapterRef = ref("adapterRef", request.adapterRef());
        b.taskBankSourceRef = ref("taskBankSourceRef", request.taskBankSourceRef());
        b.activitySnapshotRef = ref("activitySnapshotRef", request.activitySnapshotRef());
        if (b.mode == BindingMode.lms_activity && b.lmsActivityRef == null) {
            throw ProblemException.invalidField("lmsActivityRef", "required-for-lms_activity",
                    "an lms_activity binding names its LMS activity");
        }
        if (b.mode == BindingMode.temporary_adapter && b.adapterRef == null) {
            throw ProblemException.invalidField("adapterRef", "required-for-temporary_adapter",
                    "a temporary_adapter binding names its adapter");
        }
        if (b.mode == BindingMode.temporary_adapter && b.activitySnapshotRef == null) {
            throw ProblemException.invalidField("activitySnapshotRef", "required-for-temporary_adapter",
                    "a temporary_adapter binding keeps a locked activity snapshot");
        }
        b.status = draft;
        b.createdAt = Timestamps.now();
        return b;
    }

    DomainChange created() {
        return DomainChange.of(EventTypes.ACTIVITY_BINDING_CREATED, EntityTypes.TOUR_ACTIVITY_BINDING, id, seasonId,
                null, view(), null);
    }

    /**
     * Moves the binding. Locking checks every task structure against its items (count and max scores) and names
     * what does not add up; the structures are locked with it.
     */
    List<DomainChange> moveTo(ActivityBindingStatus target, String reason, List<TaskStructure> structures,
                              List<TaskItem> items) {
        ActivityBindingView before = view();
        ActivityBindingStatus next = LIFECYCLE.require(status, target);
        List<DomainChange> changes = new ArrayList<>();
        if (next == locked) {
            requireComplete(structures, items);
            Instant now = Timestamps.now();
            lockedAt = now;
            for (TaskStructure structure : structures) {
                changes.add(structure.lock(seasonId, now));
            }
        }
        status = next;
        changes.add(0, DomainChange.of(EVENT_TYPE_ON_ENTERING.get(target), EntityTypes.TOUR_ACTIVITY_BINDING, id,
                seasonId, before, view(), reason));
        return changes;
    }

    private static void requireComplete(List<TaskStructure> structures, List<TaskItem> items) {
        if (structures.isEmpty()) {
            throw ProblemException.invalidField("taskStructures", "required-to-lock",
                    "a binding is locked with at least one task structure");
        }
        for (TaskItem item : items) {
            if (item.taskStructureId == null) {
                throw ProblemException.invalidField("taskItems[" + item.taskNumber + "].taskStructureId",
                        "required-to-lock", "task " + item.taskNumber + " belongs to no task structure");
            }
        }
        for (TaskStructure structure : structures) {
            List<TaskItem> own = items.stream().filter(i -> structure.id.equals(i.taskStructureId)).toList();
            if (own.size() != structure.taskCount) {
                throw ProblemException.invalidField("taskStructures[" + structure.id + "].taskCount", "equals-item-count",
                        "task structure " + structure.id + " expects " + structure.taskCount + " tasks but has "
                                + own.size());
            }
            BigDecimal sum = own.stream().map(i -> i.maxScore).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(structure.maxTotalScore) != 0) {
                throw ProblemException.invalidField("taskStructures[" + structure.id + "].maxTotalScore",
                        "equals-sum-of-max-scores", "task structure " + structure.id + " has max total score "
                                + structure.maxTotalScore.toPlainString() + " but its tasks add up to " + sum.toPlainString());
            }
        }
    }

    /** Structure and items change only before the lock: afterwards a 409 naming the binding's state. */
    public void requireEditable(String refusedAction) {
        if (!EDITABLE.contains(status)) {
            throw ProblemException.lockedIn(EntityTypes.TOUR_ACTIVITY_BINDING, status, refusedAction);
        }
    }

    /** Answer keys are corrected only on a binding in force (locked or published); before, an item is just edited. */
    public void requireInForce(String refusedAction) {
        if (!IN_FORCE.contains(status)) {
            throw ProblemException.lockedIn(EntityTypes.TOUR_ACTIVITY_BINDING, status, refusedAction);
        }
    }

    private static JsonNode ref(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        PersonalDataGuard.refuseIn(field, value, Strictness.REF_OR_SNAPSHOT);
        return value;
    }

    public ActivityBindingView view() {
        return new ActivityBindingView(id, seasonId, tourId, gradeCategoryId, trackId, mode, lmsActivityRef, adapterRef,
                taskBankSourceRef, status, activitySnapshotRef, lockedAt, createdAt);
    }
}
