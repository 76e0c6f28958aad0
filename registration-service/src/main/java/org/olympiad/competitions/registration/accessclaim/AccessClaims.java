package org.olympiad.competitions.registration.accessclaim;

import io.smallrye.mutiny.Uni;

import java.util.UUID;

/**
 * What an approved access claim grants, for other features to ask: a parent (or family member, or the student
 * under another account) sees a participant's registrations and results only while an approved claim links them.
 */
public final class AccessClaims {

    private AccessClaims() {
    }

    /**
     * True when {@code userId} holds an approved access claim, of any claim type, on {@code participantId}: a claim
     * still requested, rejected, or cancelled (a revoked link) grants nothing, and neither does a null user or
     * participant. Being the participant's own identity user is a separate check ({@code Participant.isIdentity}).
     * Runs in the caller's session: call it from a {@code @WithSession} or {@code @WithTransaction} method.
     */
    public static Uni<Boolean> grantsAccess(UUID userId, UUID participantId) {
        if (userId == null || participantId == null) {
            return Uni.createFrom().item(false);
        }
        return AccessClaim.count("requesterUserId = ?1 and participantId = ?2 and status = ?3",
                userId, participantId, AccessClaimStatus.approved).map(count -> count > 0);
    }
}
