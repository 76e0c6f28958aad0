package org.olympiad.competitions.results.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.state.StateMachine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import static org.olympiad.competitions.results.result.ResultStatus.*;

/**
 * A participant's result in a tour or (tour_id null) a season ({@code competition_results}): score, rank, award
 * status, and the thresholds that were applied. Calculations write results set-based ({@link Calculation}); this
 * entity carries the changes of one result (void, withholding, a revision after an appeal).
 */
@Entity
@Table(name = "competition_results")
public class Result extends PanacheEntityBase {

    /**
     * draft → calculated → review → finalized; review may go back to calculated for a correction; every state but
     * void may be voided (with a reason). Void is final: a voided result stays as history, never deleted.
     */
    public static final StateMachine<ResultStatus> LIFECYCLE = StateMachine.of(EntityTypes.RESULT, ResultStatus.class)
            .path(draft, calculated, review, finalized)
            .allow(review, calculated)
            .fromAllExcept(void_, EnumSet.noneOf(ResultStatus.class))
            .build();

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "tour_id")
    public UUID tourId;

    @Column(name = "season_id", nullable = false)
    public UUID seasonId;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Column(name = "track_id")
    public UUID trackId;

    @Column(nullable = false)
    public BigDecimal score;

    public Integer rank;

    @Column(name = "award_status_key", nullable = false)
    public String awardStatusKey;

    @Column(nullable = false)
    public String status;

    @Column(name = "publication_status", nullable = false, columnDefinition = "competition_publication_status")
    @org.hibernate.annotations.ColumnTransformer(write = "?::competition_publication_status")
    public String publicationStatus;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "threshold_policy_snapshot", nullable = false, columnDefinition = "jsonb")
    public JsonNode thresholdPolicySnapshot;

    @Column(name = "approved_by_user_id")
    public UUID approvedByUserId;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "is_withheld", nullable = false)
    public boolean isWithheld;

    @Column(name = "withheld_reason")
    public String withheldReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public ResultStatus status() {
        return ResultStatus.of(status);
    }

    public boolean isPublished() {
        return !"hidden".equals(publicationStatus);
    }

    /** Voids the result with a reason: its document is revoked downstream; the row stays. */
    public DomainChange voidWith(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "required-to-void", "voiding a result needs a reason");
        }
        ResultView before = view();
        status = LIFECYCLE.require(status(), void_).key();
        updatedAt = Timestamps.now();
        return DomainChange.of(EventTypes.RESULT_VOIDED, EntityTypes.RESULT, id, seasonId, before, view(), reason);
    }

    /** Withholds the result from every publication until the cause is decided; null when it already was. */
    public DomainChange withhold(String reason) {
        if (isWithheld && reason.equals(withheldReason)) {
            return null;
        }
        ResultView before = view();
        isWithheld = true;
        withheldReason = reason;
        updatedAt = Timestamps.now();
        return DomainChange.of(EventTypes.RESULT_WITHHELD, EntityTypes.RESULT, id, seasonId, before, view(), reason);
    }

    /** Releases a withheld result; null when it was not withheld. */
    public DomainChange release(String reason) {
        if (!isWithheld) {
            return null;
        }
        ResultView before = view();
        isWithheld = false;
        withheldReason = null;
        updatedAt = Timestamps.now();
        return DomainChange.of(EventTypes.RESULT_RELEASED, EntityTypes.RESULT, id, seasonId, before, view(), reason);
    }

    /**
     * Shows a released result in a results publication that went out while it was withheld, as that publication
     * would have shown it: {@code result.published} with the publication, the grade category and the award's title.
     */
    public DomainChange showIn(String visibility, UUID publicationId, String gradeCategoryId, String awardTitle, String reason) {
        ResultView before = view();
        publicationStatus = visibility;
        updatedAt = Timestamps.now();
        ObjectNode after = (ObjectNode)
                EventJson.snapshot(view());
        after.put("publication_id", publicationId.toString());
        after.put("grade_category_id", gradeCategoryId);
        after.put("award_title", awardTitle);
        return new DomainChange(EventTypes.RESULT_PUBLISHED, EntityTypes.RESULT, id, seasonId,
                EventJson.snapshot(before), after, reason);
    }

    public ResultView view() {
        return new ResultView(id, tourId, seasonId, participantId, trackId, score, rank, awardStatusKey, status,
                publicationStatus, thresholdPolicySnapshot, approvedByUserId, approvedAt, isWithheld, withheldReason,
                createdAt, updatedAt);
    }
}
