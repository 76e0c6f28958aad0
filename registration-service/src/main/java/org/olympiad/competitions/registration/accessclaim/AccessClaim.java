package org.olympiad.competitions.registration.accessclaim;

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
import org.olympiad.competitions.platform.api.JsonObjects;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.personaldata.PersonalDataGuard;
import org.olympiad.competitions.platform.personaldata.Strictness;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.state.StateMachine;
import org.olympiad.competitions.registration.participant.Participant;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.olympiad.competitions.registration.accessclaim.AccessClaimStatus.*;

/**
 * A user's claim to be linked to a participant ({@code competition_access_claims}): a parent, family member or the
 * student themself asks, with evidence given as refs only, and an organiser approves or rejects it. An approved
 * claim is what lets a parent see the participant's records ({@link AccessClaims#grantsAccess}).
 */
@Entity
@Table(name = "competition_access_claims")
public class AccessClaim extends PanacheEntityBase {

    /**
     * requested → approved | rejected | cancelled; approved → cancelled (the link revoked). Rejected and cancelled
     * are final: asking again is a new claim.
     */
    public static final StateMachine<AccessClaimStatus> LIFECYCLE =
            StateMachine.of(EntityTypes.ACCESS_CLAIM, AccessClaimStatus.class)
                    .allow(requested, approved)
                    .allow(requested, rejected)
                    .allow(requested, cancelled)
                    .allow(approved, cancelled)
                    .build();

    /** Open claims: at most one per participant, requester and claim type. */
    static final Set<AccessClaimStatus> OPEN = EnumSet.of(requested, approved);

    /** Moves only an organiser (or an admin) makes; cancelling is also the requester's. */
    static final Set<AccessClaimStatus> REVIEW_DECISIONS = EnumSet.of(approved, rejected);

    private static final Map<AccessClaimStatus, String> EVENT_TYPE_ON_ENTERING = Map.of(
            approved, EventTypes.ACCESS_CLAIM_APPROVED,
            rejected, EventTypes.ACCESS_CLAIM_REJECTED,
            cancelled, EventTypes.ACCESS_CLAIM_CANCELLED);

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Column(name = "requester_user_id", nullable = false)
    public UUID requesterUserId;

    @Enumerated(EnumType.STRING)
    @Column(name = "claim_type", nullable = false)
    public AccessClaimType claimType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccessClaimStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode evidence;

    @Column(name = "reviewed_by_user_id")
    public UUID reviewedByUserId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A new claim of {@code requester} on the participant; the evidence is refs, never raw personal data. */
    static AccessClaim requested(Participant participant, UUID requester, AccessClaimRequests.Create request) {
        PersonalDataGuard.refuseIn("evidence", request.evidence(), Strictness.REF_OR_SNAPSHOT);
        AccessClaim claim = new AccessClaim();
        claim.participantId = participant.id;
        claim.requesterUserId = requester;
        claim.claimType = request.claimType();
        claim.status = requested;
        claim.evidence = JsonObjects.objectOrEmpty("evidence", request.evidence());
        claim.createdAt = Timestamps.now();
        claim.updatedAt = claim.createdAt;
        return claim;
    }

    DomainChange created(UUID seasonId) {
        return DomainChange.of(EventTypes.ACCESS_CLAIM_REQUESTED, EntityTypes.ACCESS_CLAIM, id, seasonId, null, view(), null);
    }

    /**
     * Moves the claim; approving or rejecting records the reviewer. A rejection needs a reason, which travels in
     * the event. {@code seasonId} is the participant's season, for the envelope.
     */
    DomainChange moveTo(AccessClaimStatus target, String reason, UUID actor, UUID seasonId) {
        PersonalDataGuard.refuseIn("reason", reason, Strictness.FREE_TEXT_OR_POLICY);
        AccessClaimView before = view();
        AccessClaimStatus next = LIFECYCLE.require(status, target);
        if (next == rejected && (reason == null || reason.isBlank())) {
            throw ProblemException.invalidField("reason", "required-to-reject", "rejecting an access claim needs a reason");
        }
        status = next;
        if (REVIEW_DECISIONS.contains(target)) {
            reviewedByUserId = actor;
        }
        updatedAt = Timestamps.now();
        return DomainChange.of(EVENT_TYPE_ON_ENTERING.get(target), EntityTypes.ACCESS_CLAIM, id, seasonId, before, view(),
                reason == null || reason.isBlank() ? null : reason.strip());
    }

    boolean isRequestedBy(UUID userId) {
        return userId != null && userId.equals(requesterUserId);
    }

    public AccessClaimView view() {
        return new AccessClaimView(id, participantId, requesterUserId, claimType, status, evidence, reviewedByUserId,
                createdAt, updatedAt);
    }
}
