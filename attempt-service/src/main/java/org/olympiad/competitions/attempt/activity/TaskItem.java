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
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.personaldata.PersonalDataGuard;
import org.olympiad.competitions.platform.personaldata.Strictness;
import org.olympiad.competitions.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One task of a binding ({@code competition_tour_task_items}) with its max score and, when keyed, its answer key. */
@Entity
@Table(name = "competition_tour_task_items")
public class TaskItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "activity_binding_id", nullable = false)
    public UUID activityBindingId;

    @Column(name = "task_structure_id")
    public UUID taskStructureId;

    @Column(name = "task_number", nullable = false)
    public int taskNumber;

    @Column(name = "display_title")
    public String displayTitle;

    @Column(name = "max_score", nullable = false)
    public BigDecimal maxScore;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "lms_activity_item_ref", columnDefinition = "jsonb")
    public JsonNode lmsActivityItemRef;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "task_bank_problem_version_ref", columnDefinition = "jsonb")
    public JsonNode taskBankProblemVersionRef;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "scoring_snapshot", nullable = false, columnDefinition = "jsonb")
    public JsonNode scoringSnapshot;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static TaskItem of(ActivityBinding binding, UUID structureId, ActivityRequests.CreateItem request) {
        TaskItem item = new TaskItem();
        item.activityBindingId = binding.id;
        item.taskStructureId = structureId;
        item.taskNumber = request.taskNumber();
        item.displayTitle = title(request.displayTitle());
        item.maxScore = score(request.maxScore());
        item.lmsActivityItemRef = ref("lmsActivityItemRef", request.lmsActivityItemRef());
        item.taskBankProblemVersionRef = ref("taskBankProblemVersionRef", request.taskBankProblemVersionRef());
        item.scoringSnapshot = ScoringKey.validated("scoringSnapshot", request.scoringSnapshot());
        item.createdAt = Timestamps.now();
        return item;
    }

    DomainChange created(UUID seasonId) {
        return DomainChange.of(EventTypes.TASK_ITEM_CREATED, EntityTypes.TOUR_TASK_ITEM, id, seasonId, null, view(), null);
    }

    DomainChange update(UUID seasonId, ActivityRequests.UpdateItem patch) {
        TaskItemView before = view();
        if (patch.displayTitle() != null) {
            displayTitle = title(patch.displayTitle());
        }
        if (patch.maxScore() != null) {
            maxScore = score(patch.maxScore());
        }
        if (patch.lmsActivityItemRef() != null) {
            lmsActivityItemRef = ref("lmsActivityItemRef", patch.lmsActivityItemRef());
        }
        if (patch.taskBankProblemVersionRef() != null) {
            taskBankProblemVersionRef = ref("taskBankProblemVersionRef", patch.taskBankProblemVersionRef());
        }
        if (patch.scoringSnapshot() != null) {
            scoringSnapshot = ScoringKey.validated("scoringSnapshot", patch.scoringSnapshot());
        }
        if (Objects.equals(before, view())) {
            return null;
        }
        return DomainChange.of(EventTypes.TASK_ITEM_UPDATED, EntityTypes.TOUR_TASK_ITEM, id, seasonId, before, view(), null);
    }

    /** A key corrected after the lock; an item checked by hand cannot become keyed then, nor the other way. */
    DomainChange correctKey(UUID seasonId, JsonNode corrected, String reason) {
        JsonNode key = ScoringKey.validated("scoringSnapshot", corrected);
        if (!ScoringKey.isKey(scoringSnapshot) || !ScoringKey.isKey(key)) {
            throw ProblemException.invalidField("scoringSnapshot.type", "keyed-stays-keyed",
                    "after the lock only an existing answer key can be corrected, into another answer key");
        }
        TaskItemView before = view();
        scoringSnapshot = key;
        return DomainChange.of(EventTypes.TASK_ITEM_KEY_CORRECTED, EntityTypes.TOUR_TASK_ITEM, id, seasonId, before,
                view(), reason);
    }

    private static String title(String value) {
        PersonalDataGuard.refuseIn("displayTitle", value, Strictness.FREE_TEXT_OR_POLICY);
        return value == null ? null : value.strip();
    }

    private static BigDecimal score(BigDecimal value) {
        if (value.scale() > 2) {
            throw ProblemException.invalidField("maxScore", "two-decimals", "maxScore has at most two decimals");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static JsonNode ref(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        PersonalDataGuard.refuseIn(field, value, Strictness.REF_OR_SNAPSHOT);
        return value;
    }

    public TaskItemView view() {
        return new TaskItemView(id, activityBindingId, taskStructureId, taskNumber, displayTitle, maxScore,
                lmsActivityItemRef, taskBankProblemVersionRef, scoringSnapshot, createdAt);
    }

    /** The row; {@code scoringSnapshot} holds the answer key, so participants never get this view. */
    public record TaskItemView(UUID id, UUID activityBindingId, UUID taskStructureId, int taskNumber,
                               String displayTitle, BigDecimal maxScore, JsonNode lmsActivityItemRef,
                               JsonNode taskBankProblemVersionRef, JsonNode scoringSnapshot, Instant createdAt) {
    }
}
