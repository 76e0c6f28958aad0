package org.olympiad.competitions.attempt.activity;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.JsonObjects;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.personaldata.PersonalDataGuard;
import org.olympiad.competitions.platform.personaldata.Strictness;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/**
 * How many tasks a binding has for a grade category and what they add up to ({@code competition_tour_task_structures}).
 * {@code structure_snapshot.checking} holds the checking policy: {@code checksPerWork} (1 or 2) and the
 * {@code tolerance} beyond which two checks disagree.
 */
@Entity
@Table(name = "competition_tour_task_structures")
public class TaskStructure extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "activity_binding_id", nullable = false)
    public UUID activityBindingId;

    @Column(name = "grade_category_id")
    public UUID gradeCategoryId;

    @Column(name = "task_count", nullable = false)
    public int taskCount;

    @Column(name = "max_total_score", nullable = false)
    public BigDecimal maxTotalScore;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "structure_snapshot", nullable = false, columnDefinition = "jsonb")
    public JsonNode structureSnapshot;

    @Column(name = "locked_at")
    public Instant lockedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The checking policy of a structure snapshot. */
    public record CheckingPolicy(Integer checksPerWork, BigDecimal tolerance) {
        public static final CheckingPolicy SINGLE = new CheckingPolicy(1, BigDecimal.ZERO);
    }

    /** The snapshot as a policy: one check per work unless it says two. */
    public static CheckingPolicy checkingPolicy(JsonNode snapshot) {
        JsonNode checking = snapshot == null ? null : snapshot.get("checking");
        if (checking == null || !checking.isObject()) {
            return CheckingPolicy.SINGLE;
        }
        int checks = checking.path("checksPerWork").asInt(1);
        BigDecimal tolerance = checking.hasNonNull("tolerance") ? checking.get("tolerance").decimalValue() : BigDecimal.ZERO;
        return new CheckingPolicy(checks, tolerance);
    }

    /**
     * The checking policy of a binding with these structures: the strictest any of them asks for (the most checks
     * per work, and of the structures asking for that many, the smallest tolerance), since a work is checked as a
     * whole and a participation's grade category is not known here; no structure, or none with a policy: one check.
     */
    public static CheckingPolicy checkingPolicy(java.util.List<TaskStructure> structures) {
        CheckingPolicy strictest = CheckingPolicy.SINGLE;
        for (TaskStructure structure : structures) {
            CheckingPolicy policy = checkingPolicy(structure.structureSnapshot);
            if (policy.checksPerWork() > strictest.checksPerWork() || policy.checksPerWork().equals(strictest.checksPerWork())
                    && policy.tolerance().compareTo(strictest.tolerance()) < 0) {
                strictest = policy;
            }
        }
        return strictest;
    }

    static TaskStructure of(UUID bindingId, ActivityRequests.CreateStructure request) {
        JsonNode snapshot = JsonObjects.objectOrEmpty("structureSnapshot", request.structureSnapshot());
        PersonalDataGuard.refuseIn("structureSnapshot", snapshot, Strictness.FREE_TEXT_OR_POLICY);
        JsonNode checking = snapshot.get("checking");
        if (checking != null) {
            int checks = checking.path("checksPerWork").asInt(-1);
            if (!checking.isObject() || checks < 1 || checks > 2) {
                throw org.olympiad.competitions.platform.problem.ProblemException.invalidField(
                        "structureSnapshot.checking.checksPerWork", "one-of", "checksPerWork is 1 or 2");
            }
            JsonNode tolerance = checking.get("tolerance");
            if (tolerance != null && (!tolerance.isNumber() || tolerance.decimalValue().signum() < 0)) {
                throw org.olympiad.competitions.platform.problem.ProblemException.invalidField(
                        "structureSnapshot.checking.tolerance", "not-negative-number", "tolerance is a number, not negative");
            }
        }
        TaskStructure s = new TaskStructure();
        s.activityBindingId = bindingId;
        s.gradeCategoryId = request.gradeCategoryId();
        s.taskCount = request.taskCount();
        s.maxTotalScore = request.maxTotalScore().setScale(2, RoundingMode.UNNECESSARY);
        s.structureSnapshot = snapshot;
        s.createdAt = Timestamps.now();
        return s;
    }

    DomainChange created(UUID seasonId) {
        return DomainChange.of(EventTypes.TASK_STRUCTURE_CREATED, EntityTypes.TOUR_TASK_STRUCTURE, id, seasonId, null,
                view(), null);
    }

    DomainChange lock(UUID seasonId, Instant at) {
        TaskStructureView before = view();
        lockedAt = at;
        return DomainChange.of(EventTypes.TASK_STRUCTURE_LOCKED, EntityTypes.TOUR_TASK_STRUCTURE, id, seasonId, before,
                view(), null);
    }

    public TaskStructureView view() {
        return new TaskStructureView(id, activityBindingId, gradeCategoryId, taskCount, maxTotalScore, structureSnapshot,
                lockedAt, createdAt);
    }

    public record TaskStructureView(UUID id, UUID activityBindingId, UUID gradeCategoryId, int taskCount,
                                    BigDecimal maxTotalScore, JsonNode structureSnapshot, Instant lockedAt,
                                    Instant createdAt) {
    }
}
