package org.olympiad.competitions.results.arbitration;

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

import static org.olympiad.competitions.results.arbitration.ArbitrationCaseStatus.*;

/**
 * A suspicion of cheating ({@code competition_arbitration_cases}), opened with evidence refs. While it is open the
 * participant's results are withheld from every publication; cleared releases them, sanctioned voids them and
 * disqualifies the tour participation (registration-service, through {@code arbitration_case.sanctioned}).
 */
@Entity
@Table(name = "competition_arbitration_cases")
public class ArbitrationCase extends PanacheEntityBase {

    /** opened → in_review → cleared | sanctioned → closed. A decision is taken in review, with a comment. */
    public static final StateMachine<ArbitrationCaseStatus> LIFECYCLE =
            StateMachine.of(EntityTypes.ARBITRATION_CASE, ArbitrationCaseStatus.class)
                    .path(opened, in_review, cleared, closed)
                    .path(in_review, sanctioned, closed)
                    .build();

    private static final Map<ArbitrationCaseStatus, String> EVENT_TYPE_ON_ENTERING = Map.of(
            in_review, EventTypes.ARBITRATION_CASE_REVIEW_STARTED,
            cleared, EventTypes.ARBITRATION_CASE_CLEARED,
            sanctioned, EventTypes.ARBITRATION_CASE_SANCTIONED,
            closed, EventTypes.ARBITRATION_CASE_CLOSED);

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "submission_id")
    public UUID submissionId;

    @Column(name = "participant_id")
    public UUID participantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ArbitrationCaseStatus status;

    @Column(name = "suspicion_type", nullable = false)
    public String suspicionType;

    /** Kept as text: the reactive driver decodes only JSON objects into jsonb-mapped fields, and this is an array. */
    @Column(name = "evidence_refs", nullable = false, columnDefinition = "jsonb")
    @org.hibernate.annotations.ColumnTransformer(read = "evidence_refs::text", write = "cast(? as jsonb)")
    public String evidenceRefs;

    @Column(name = "decision_comment")
    public String decisionComment;

    @Column(name = "opened_by_user_id")
    public UUID openedByUserId;

    @Column(name = "decided_by_user_id")
    public UUID decidedByUserId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static ArbitrationCase open(ArbitrationRequests.Open request, UUID seasonSubmission, UUID openedBy) {
        if (request.evidenceRefs() == null || !request.evidenceRefs().isArray()) {
            throw ProblemException.invalidField("evidenceRefs", "json-array", "evidenceRefs must be a JSON array of refs");
        }
        PersonalDataGuard.refuseIn("evidenceRefs", request.evidenceRefs(), Strictness.FREE_TEXT_OR_POLICY);
        PersonalDataGuard.refuseIn("suspicionType", request.suspicionType(), Strictness.FREE_TEXT_OR_POLICY);
        ArbitrationCase c = new ArbitrationCase();
        c.participantId = request.participantId();
        c.submissionId = seasonSubmission;
        c.status = opened;
        c.suspicionType = request.suspicionType().strip();
        c.evidenceRefs = request.evidenceRefs().toString();
        c.openedByUserId = openedBy;
        c.createdAt = Timestamps.now();
        c.updatedAt = c.createdAt;
        return c;
    }

    DomainChange opened(UUID seasonId) {
        return DomainChange.of(EventTypes.ARBITRATION_CASE_OPENED, EntityTypes.ARBITRATION_CASE, id, seasonId, null, view(), null);
    }

    /**
     * Moves along {@link #LIFECYCLE}; a decision (cleared, sanctioned) needs its comment. A sanction's event carries
     * the tour participation that registration-service disqualifies.
     */
    DomainChange moveTo(ArbitrationCaseStatus target, String comment, UUID decidedBy, UUID seasonId, UUID tourParticipationId) {
        if ((target == cleared || target == sanctioned) && (comment == null || comment.isBlank())) {
            throw ProblemException.invalidField("decisionComment", "required-to-decide",
                    "a " + target + " case needs a decision comment");
        }
        PersonalDataGuard.refuseIn("decisionComment", comment, Strictness.FREE_TEXT_OR_POLICY);
        ArbitrationCaseView before = view();
        status = LIFECYCLE.require(status, target);
        if (target == cleared || target == sanctioned) {
            decisionComment = comment.strip();
            decidedByUserId = decidedBy;
        }
        updatedAt = Timestamps.now();
        ObjectNode after = (ObjectNode) EventJson.snapshot(view());
        if (target == sanctioned) {
            after.put("tour_participation_id", tourParticipationId.toString());
        }
        return new DomainChange(EVENT_TYPE_ON_ENTERING.get(target), EntityTypes.ARBITRATION_CASE, id, seasonId,
                EventJson.snapshot(before), after, target == sanctioned || target == cleared ? decisionComment : comment);
    }

    public ArbitrationCaseView view() {
        JsonNode refs;
        try {
            refs = EventJson.mapper().readTree(evidenceRefs);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("evidence_refs is jsonb", e);
        }
        return new ArbitrationCaseView(id, submissionId, participantId, status, suspicionType, refs, decisionComment,
                openedByUserId, decidedByUserId, createdAt, updatedAt);
    }
}
