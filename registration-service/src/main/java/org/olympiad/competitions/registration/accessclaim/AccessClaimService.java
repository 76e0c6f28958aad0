package org.olympiad.competitions.registration.accessclaim;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.problem.Problem;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.problem.ProblemType;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.security.Roles;
import org.olympiad.competitions.registration.participant.Participant;

import java.util.UUID;

/**
 * Units of work on access claims: each change and its outbox event commit together. Organisers (and admins) see
 * and review every claim; anyone else sees only the claims they made, and a claim of somebody else is a 404, so
 * its existence is not revealed.
 */
@ApplicationScoped
public class AccessClaimService {

    private static final Sort OLDEST_FIRST = Sort.by("createdAt").and("id");
    private static final Sort NEWEST_FIRST = Sort.by("createdAt").descending().and("id");

    private final Outbox outbox;
    private final Caller caller;

    public AccessClaimService(Outbox outbox, Caller caller) {
        this.outbox = outbox;
        this.caller = caller;
    }

    /** The caller asks to be linked to the participant; one open (requested or approved) claim per claim type. */
    @WithTransaction
    public Uni<AccessClaimView> create(UUID participantId, AccessClaimRequests.Create request) {
        UUID requester = requireUserId();
        return lockedParticipant(participantId).chain(participant -> {
            AccessClaim claim = AccessClaim.requested(participant, requester, request);
            return requireNoOpenClaim(participantId, requester, request.claimType())
                    .chain(claim::persist)
                    .chain(() -> outbox.record(claim.created(participant.seasonId), claim::view));
        });
    }

    @WithSession
    public Uni<AccessClaimView> get(UUID id) {
        boolean organiser = isOrganiser();
        UUID me = caller.userId();
        return AccessClaim.<AccessClaim>findById(id).map(claim -> {
            if (claim == null || !(organiser || claim.isRequestedBy(me))) {
                throw ProblemException.notFound(EntityTypes.ACCESS_CLAIM, id);
            }
            return claim.view();
        });
    }

    /** A participant's claims, newest first: all of them for an organiser, the caller's own for anyone else. */
    @WithSession
    public Uni<Page<AccessClaimView>> listOfParticipant(UUID participantId, PageRequest page) {
        boolean organiser = isOrganiser();
        UUID me = organiser ? null : requireUserId();
        return requireParticipant(participantId).chain(participant -> organiser
                ? Page.of(AccessClaim.<AccessClaim>find("participantId", NEWEST_FIRST, participantId), page, AccessClaim::view)
                : Page.of(AccessClaim.<AccessClaim>find("participantId = ?1 and requesterUserId = ?2", NEWEST_FIRST,
                        participantId, me), page, AccessClaim::view));
    }

    /** The review queue: claims oldest first, by status when given. */
    @WithSession
    public Uni<Page<AccessClaimView>> queue(AccessClaimStatus status, PageRequest page) {
        var query = status == null
                ? AccessClaim.<AccessClaim>findAll(OLDEST_FIRST)
                : AccessClaim.<AccessClaim>find("status", OLDEST_FIRST, status);
        return Page.of(query, page, AccessClaim::view);
    }

    /** The caller's own claims, newest first. */
    @WithSession
    public Uni<Page<AccessClaimView>> mine(PageRequest page) {
        UUID me = requireUserId();
        return Page.of(AccessClaim.<AccessClaim>find("requesterUserId", NEWEST_FIRST, me), page, AccessClaim::view);
    }

    /**
     * Approving and rejecting are an organiser's (403 for anyone else, whatever the claim); cancelling is the
     * requester's or an organiser's (a claim of somebody else is a 404).
     */
    @WithTransaction
    public Uni<AccessClaimView> transition(UUID id, AccessClaimRequests.Transition request) {
        boolean organiser = isOrganiser();
        UUID me = requireUserId();
        if (AccessClaim.REVIEW_DECISIONS.contains(request.to()) && !organiser) {
            throw forbidden("only an organiser approves or rejects an access claim");
        }
        return AccessClaim.<AccessClaim>findById(id, LockModeType.PESSIMISTIC_WRITE).chain(claim -> {
            if (claim == null || !(organiser || claim.isRequestedBy(me))) {
                throw ProblemException.notFound(EntityTypes.ACCESS_CLAIM, id);
            }
            return requireParticipant(claim.participantId).chain(participant -> outbox.record(
                    claim.moveTo(request.to(), request.reason(), me, participant.seasonId), claim::view));
        });
    }

    /** No second open claim of the same type by the same requester; the participant's row lock keeps this race-free. */
    private static Uni<Void> requireNoOpenClaim(UUID participantId, UUID requester, AccessClaimType type) {
        return AccessClaim.count("participantId = ?1 and requesterUserId = ?2 and claimType = ?3 and status in ?4",
                participantId, requester, type, AccessClaim.OPEN).map(count -> {
            if (count > 0) {
                throw ProblemException.conflict("claimType", "one-open-claim",
                        "you already have an open " + type + " claim on participant " + participantId);
            }
            return null;
        });
    }

    /**
     * The participant, locked until the transaction ends, or a 404: two concurrent claims of one requester wait for
     * each other, so that only one of them passes the open-claim check.
     */
    private static Uni<Participant> lockedParticipant(UUID id) {
        return Participant.<Participant>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.PARTICIPANT, id));
    }

    private static Uni<Participant> requireParticipant(UUID id) {
        return Participant.<Participant>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.PARTICIPANT, id));
    }

    private boolean isOrganiser() {
        return caller.hasRole(Roles.ORGANIZER) || caller.hasRole(Roles.ADMIN);
    }

    /** The caller's identity user id; a token whose subject is not one cannot own a claim. */
    private UUID requireUserId() {
        UUID me = caller.userId();
        if (me == null) {
            throw forbidden("the token's subject is not an identity user id");
        }
        return me;
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(ProblemType.FORBIDDEN, detail));
    }
}
