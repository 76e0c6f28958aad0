package org.olympiad.competitions.attempt.checking;

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
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.state.StateMachine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.olympiad.competitions.attempt.checking.CheckStatus.*;

/**
 * One check of a submission ({@code competition_checks}): automatic, by a checker from the queue, by a senior
 * deciding, imported, or from an accepted appeal. Its per-item marks are in {@code attempt_check_marks}.
 */
@Entity
@Table(name = "competition_checks")
public class Check extends PanacheEntityBase {

    /** pending → checked → needs_review → overridden; a checked check may be overridden by a senior directly. */
    public static final StateMachine<CheckStatus> LIFECYCLE = StateMachine.of(EntityTypes.CHECK, CheckStatus.class)
            .path(pending, checked, needs_review, overridden)
            .allow(checked, overridden)
            .allow(pending, failed)
            .build();

    private static final Map<CheckStatus, String> EVENT_TYPE_ON_ENTERING = Map.of(
            checked, EventTypes.CHECK_COMPLETED,
            needs_review, EventTypes.CHECK_NEEDS_REVIEW,
            overridden, EventTypes.CHECK_OVERRIDDEN);

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "submission_id", nullable = false)
    public UUID submissionId;

    @Column(nullable = false)
    public String method;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CheckStatus status;

    public BigDecimal score;

    @Column(name = "checked_by_user_id")
    public UUID checkedByUserId;

    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static Check taken(UUID submissionId, UUID checker) {
        Check c = new Check();
        c.submissionId = submissionId;
        c.method = "manual";
        c.status = pending;
        c.checkedByUserId = checker;
        c.createdAt = Timestamps.now();
        return c;
    }

    /** A check recorded complete at once: a senior's decision, an appeal, an import. */
    static Check completed(UUID submissionId, String method, UUID by, BigDecimal score, String reason) {
        Check c = new Check();
        c.submissionId = submissionId;
        c.method = method;
        c.status = checked;
        c.checkedByUserId = by;
        c.score = score;
        c.reason = reason;
        c.createdAt = Timestamps.now();
        return c;
    }

    DomainChange takenEvent(UUID seasonId) {
        return DomainChange.of(EventTypes.CHECK_TAKEN, EntityTypes.CHECK, id, seasonId, null, view(), null);
    }

    DomainChange createdEvent(UUID seasonId) {
        return DomainChange.of(EventTypes.CHECK_COMPLETED, EntityTypes.CHECK, id, seasonId, null, view(), reason);
    }

    DomainChange complete(UUID seasonId, BigDecimal total, String comment) {
        CheckView before = view();
        status = LIFECYCLE.require(status, checked);
        score = total;
        reason = comment;
        return DomainChange.of(EventTypes.CHECK_COMPLETED, EntityTypes.CHECK, id, seasonId, before, view(), comment);
    }

    DomainChange moveTo(CheckStatus target, UUID seasonId, String why) {
        CheckView before = view();
        status = LIFECYCLE.require(status, target);
        return DomainChange.of(EVENT_TYPE_ON_ENTERING.get(target), EntityTypes.CHECK, id, seasonId, before, view(), why);
    }

    public CheckView view() {
        return new CheckView(id, submissionId, method, status, score, checkedByUserId, reason, createdAt);
    }

    public record CheckView(UUID id, UUID submissionId, String method, CheckStatus status, BigDecimal score,
                            UUID checkedByUserId, String reason, Instant createdAt) {
    }
}
