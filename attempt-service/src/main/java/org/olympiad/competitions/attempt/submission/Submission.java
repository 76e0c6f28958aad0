package org.olympiad.competitions.attempt.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.JsonObjects;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.state.StateMachine;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import static org.olympiad.competitions.attempt.submission.SubmissionStatus.*;

/**
 * A participant's attempt at a tour ({@code competition_submissions}), one per tour participation. Answers are
 * saved while it is started and the tour open; it is submitted by the participant (or locked when the tour
 * closes), then checked; an organiser may void it with a reason. Nothing is ever deleted.
 */
@Entity
@Table(name = "competition_submissions")
public class Submission extends PanacheEntityBase {

    /**
     * not_started → started → submitted | locked → checking → checked (submitted/locked → checked when every item
     * is keyed). Void from any state but void.
     */
    public static final StateMachine<SubmissionStatus> LIFECYCLE = StateMachine.of(EntityTypes.SUBMISSION, SubmissionStatus.class)
            .path(not_started, started, submitted, checking, checked)
            .allow(started, locked)
            .allow(locked, checking)
            .allow(locked, checked)
            .allow(submitted, checked)
            .fromAllExcept(voided, EnumSet.noneOf(SubmissionStatus.class))
            .build();

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "tour_participation_id", nullable = false)
    public UUID tourParticipationId;

    @Column(name = "activity_binding_id")
    public UUID activityBindingId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "lms_activity_attempt_ref", columnDefinition = "jsonb")
    public JsonNode lmsActivityAttemptRef;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "adapter_attempt_ref", columnDefinition = "jsonb")
    public JsonNode adapterAttemptRef;

    @Convert(converter = SubmissionStatus.Column.class)
    @ColumnTransformer(write = "cast(? as competition_submission_status)")
    @Column(nullable = false, columnDefinition = "competition_submission_status")
    public SubmissionStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "attempt_status_snapshot", nullable = false, columnDefinition = "jsonb")
    public JsonNode attemptStatusSnapshot;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "locked_at")
    public Instant lockedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static Submission started(UUID tourParticipationId, UUID activityBindingId, UUID startedBy) {
        Submission s = new Submission();
        s.tourParticipationId = tourParticipationId;
        s.activityBindingId = activityBindingId;
        s.status = LIFECYCLE.require(not_started, started);
        s.createdAt = Timestamps.now();
        s.updatedAt = s.createdAt;
        ObjectNode snapshot = JsonObjects.emptyObject();
        snapshot.put("started_at", s.createdAt.toString());
        if (startedBy != null) {
            snapshot.put("started_by_user_id", startedBy.toString());
        }
        s.attemptStatusSnapshot = snapshot;
        return s;
    }

    /** The record of an offline tour's work whose scores are imported: it is checked from the start. */
    public static Submission imported(UUID tourParticipationId, UUID activityBindingId) {
        Submission s = new Submission();
        s.tourParticipationId = tourParticipationId;
        s.activityBindingId = activityBindingId;
        s.status = checked;
        s.createdAt = Timestamps.now();
        s.updatedAt = s.createdAt;
        ObjectNode snapshot = JsonObjects.emptyObject();
        snapshot.put("imported_at", s.createdAt.toString());
        s.attemptStatusSnapshot = snapshot;
        return s;
    }

    public DomainChange importedEvent(UUID seasonId) {
        return DomainChange.of(EventTypes.SUBMISSION_CHECKED, EntityTypes.SUBMISSION, id, seasonId, null, view(),
                "scores imported for an offline tour");
    }

    DomainChange startedEvent(UUID seasonId) {
        return DomainChange.of(EventTypes.SUBMISSION_STARTED, EntityTypes.SUBMISSION, id, seasonId, null, view(), null);
    }

    DomainChange submit(UUID seasonId, UUID submittedBy) {
        SubmissionView before = view();
        status = LIFECYCLE.require(status, submitted);
        submittedAt = Timestamps.now();
        updatedAt = submittedAt;
        ObjectNode snapshot = ((ObjectNode) attemptStatusSnapshot.deepCopy());
        if (submittedBy != null) {
            snapshot.put("submitted_by_user_id", submittedBy.toString());
        }
        attemptStatusSnapshot = snapshot;
        return DomainChange.of(EventTypes.SUBMISSION_SUBMITTED, EntityTypes.SUBMISSION, id, seasonId, before, view(), null);
    }

    DomainChange voidWith(UUID seasonId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "required-to-void", "voiding a submission needs a reason");
        }
        SubmissionView before = view();
        status = LIFECYCLE.require(status, voided);
        updatedAt = Timestamps.now();
        return DomainChange.of(EventTypes.SUBMISSION_VOIDED, EntityTypes.SUBMISSION, id, seasonId, before, view(), reason);
    }

    /** Every task of the submission has its current score now (a checker, a senior, an import). */
    public DomainChange checked(UUID seasonId) {
        if (status == checked) {
            return null;
        }
        SubmissionView before = view();
        status = LIFECYCLE.require(status, checked);
        updatedAt = Timestamps.now();
        return DomainChange.of(EventTypes.SUBMISSION_CHECKED, EntityTypes.SUBMISSION, id, seasonId, before, view(), null);
    }

    /** Answers are saved only into a started attempt: a 409 naming its state otherwise. */
    void requireStarted(String refusedAction) {
        if (status != started) {
            throw ProblemException.lockedIn(EntityTypes.SUBMISSION, status.dbValue(), refusedAction);
        }
    }

    public void requireNotVoid(String refusedAction) {
        if (status == voided) {
            throw ProblemException.lockedIn(EntityTypes.SUBMISSION, status.dbValue(), refusedAction);
        }
    }

    public SubmissionView view() {
        return new SubmissionView(id, tourParticipationId, activityBindingId, lmsActivityAttemptRef, adapterAttemptRef,
                status, attemptStatusSnapshot, submittedAt, lockedAt, createdAt, updatedAt);
    }
}
