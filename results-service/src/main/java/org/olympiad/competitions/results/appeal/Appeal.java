package org.olympiad.competitions.results.appeal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.personaldata.PersonalDataGuard;
import org.olympiad.competitions.platform.personaldata.Strictness;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.state.StateMachine;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.olympiad.competitions.results.appeal.AppealStatus.*;

/**
 * An appeal against a published result ({@code competition_appeals}), filed by the participant or a parent inside
 * the appeal window. Accepting it asks attempt-service for a new score version ({@code appeal.accepted}); the result
 * is recalculated when that score arrives.
 */
@Entity
@Table(name = "competition_appeals")
public class Appeal extends PanacheEntityBase {

    /** (draft →) submitted → in_review → accepted | rejected; the filer may cancel it before review. */
    public static final StateMachine<AppealStatus> LIFECYCLE = StateMachine.of(EntityTypes.APPEAL, AppealStatus.class)
            .path(draft, submitted, in_review, accepted)
            .allow(in_review, rejected)
            .allow(draft, cancelled)
            .allow(submitted, cancelled)
            .build();

    private static final Map<AppealStatus, String> EVENT_TYPE_ON_ENTERING = Map.of(
            submitted, EventTypes.APPEAL_SUBMITTED,
            in_review, EventTypes.APPEAL_REVIEW_STARTED,
            accepted, EventTypes.APPEAL_ACCEPTED,
            rejected, EventTypes.APPEAL_REJECTED,
            cancelled, EventTypes.APPEAL_CANCELLED);

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "result_id")
    public UUID resultId;

    @Column(name = "submission_id")
    public UUID submissionId;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppealStatus status;

    @Column(nullable = false)
    public String reason;

    @Column(name = "decision_comment")
    public String decisionComment;

    @Column(name = "submitted_by_user_id", nullable = false)
    public UUID submittedByUserId;

    @Column(name = "reviewed_by_user_id")
    public UUID reviewedByUserId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static Appeal submitted(UUID resultId, UUID participantId, UUID submissionId, String reason, UUID by) {
        PersonalDataGuard.refuseIn("reason", reason, Strictness.FREE_TEXT_OR_POLICY);
        Appeal a = new Appeal();
        a.resultId = resultId;
        a.participantId = participantId;
        a.submissionId = submissionId;
        a.reason = reason.strip();
        a.status = submitted;
        a.submittedByUserId = by;
        a.createdAt = Timestamps.now();
        a.updatedAt = a.createdAt;
        return a;
    }

    DomainChange submittedEvent(UUID seasonId) {
        return DomainChange.of(EventTypes.APPEAL_SUBMITTED, EntityTypes.APPEAL, id, seasonId, null, view(), reason);
    }

    /**
     * Moves along {@link #LIFECYCLE}. A decision needs its comment; an acceptance may carry the new scores the
     * reviewer arrived at ({@code requested_scores} in the event), which attempt-service records as a new version.
     */
    DomainChange moveTo(AppealStatus target, String comment, JsonNode requestedScores, UUID reviewer, UUID seasonId) {
        if ((target == accepted || target == rejected) && (comment == null || comment.isBlank())) {
            throw ProblemException.invalidField("decisionComment", "required-to-decide", "a " + target + " appeal needs a decision comment");
        }
        if (requestedScores != null && (target != accepted || !requestedScores.isArray())) {
            throw ProblemException.invalidField("requestedScores", "accepted-only-list",
                    "requestedScores is a list of {tourTaskItemId, score}, given only when accepting");
        }
        PersonalDataGuard.refuseIn("decisionComment", comment, Strictness.FREE_TEXT_OR_POLICY);
        AppealView before = view();
        status = LIFECYCLE.require(status, target);
        if (target == accepted || target == rejected) {
            decisionComment = comment.strip();
            reviewedByUserId = reviewer;
        }
        updatedAt = Timestamps.now();
        ObjectNode after = (ObjectNode) EventJson.snapshot(view());
        if (target == accepted && requestedScores != null) {
            var scores = after.putArray("requested_scores");
            for (JsonNode s : requestedScores) {
                if (!s.path("tourTaskItemId").isTextual() || !s.path("score").isNumber()) {
                    throw ProblemException.invalidField("requestedScores", "item-and-score",
                            "each requested score needs tourTaskItemId (uuid) and score (number)");
                }
                scores.addObject().put("tour_task_item_id", s.get("tourTaskItemId").asText())
                        .put("score", s.get("score").decimalValue());
            }
        }
        return new DomainChange(EVENT_TYPE_ON_ENTERING.get(target), EntityTypes.APPEAL, id, seasonId,
                EventJson.snapshot(before), after, decisionComment);
    }

    public AppealView view() {
        return new AppealView(id, resultId, submissionId, participantId, status, reason, decisionComment, submittedByUserId,
                reviewedByUserId, createdAt, updatedAt);
    }
}
