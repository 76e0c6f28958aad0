package org.olympiad.competitions.registration.participant;

import io.smallrye.mutiny.Uni;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.security.Roles;
import org.olympiad.competitions.registration.accessclaim.AccessClaims;
import org.olympiad.competitions.registration.externalteacher.ExternalTeachers;

/**
 * Who may see a participant's records (DESIGN: object-level rules, not only roles), in one place. Runs in the
 * caller's session.
 * <ul>
 *   <li>organisers and admins: everyone;</li>
 *   <li>the participant themself (their identity user);</li>
 *   <li>a parent or family member with an approved access claim on them;</li>
 *   <li>a verified external teacher with an active link to them (reading only).</li>
 * </ul>
 * Who may act for the participant (complete or cancel a registration) is narrower: the participant and an
 * approved claimant, see {@link #mayActFor}.
 */
public final class ParticipantAccess {

    private ParticipantAccess() {
    }

    public static Uni<Boolean> maySee(Caller caller, Participant participant) {
        return mayActFor(caller, participant).chain(may -> may || !caller.hasRole(Roles.TEACHER)
                ? Uni.createFrom().item(may)
                : ExternalTeachers.linkedTo(caller.userId(), participant.id));
    }

    public static Uni<Boolean> mayActFor(Caller caller, Participant participant) {
        if (caller.hasRole(Roles.ORGANIZER) || caller.hasRole(Roles.ADMIN) || participant.isIdentity(caller.userId())) {
            return Uni.createFrom().item(true);
        }
        return AccessClaims.grantsAccess(caller.userId(), participant.id);
    }
}
