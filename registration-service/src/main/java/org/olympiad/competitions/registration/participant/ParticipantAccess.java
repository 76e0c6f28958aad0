package org.olympiad.competitions.registration.participant;

import io.smallrye.mutiny.Uni;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.security.Roles;
import org.olympiad.competitions.registration.accessclaim.AccessClaims;
import org.olympiad.competitions.registration.externalteacher.ExternalTeachers;
import org.olympiad.competitions.registration.group.GroupHelperRole;
import org.olympiad.competitions.registration.group.GroupHelperStatus;
import org.olympiad.competitions.registration.group.GroupMember;
import org.olympiad.competitions.registration.group.GroupMemberStatus;
import org.olympiad.competitions.registration.group.GroupStatus;

/**
 * Who may see a participant's records (DESIGN: object-level rules, not only roles), in one place. Runs in the
 * caller's session.
 * <ul>
 *   <li>organisers and admins: everyone;</li>
 *   <li>the participant themself (their identity user);</li>
 *   <li>a parent or family member with an approved access claim on them;</li>
 *   <li>a verified external teacher with an active link to them (reading only);</li>
 *   <li>the primary teacher of an active group they are an active member of, and that group's helpers holding
 *       {@code roster_view} (reading only).</li>
 * </ul>
 * Who may act for the participant (complete or cancel a registration) is narrower: the participant and an
 * approved claimant, see {@link #mayActFor}.
 */
public final class ParticipantAccess {

    private ParticipantAccess() {
    }

    public static Uni<Boolean> maySee(Caller caller, Participant participant) {
        return mayActFor(caller, participant)
                .chain(may -> may || !caller.hasRole(Roles.TEACHER)
                        ? Uni.createFrom().item(may)
                        : ExternalTeachers.linkedTo(caller.userId(), participant.id))
                .chain(may -> may ? Uni.createFrom().item(true) : inTheirGroup(caller, participant));
    }

    /** The participant is an active member of an active group the caller teaches or reads as a roster_view helper. */
    private static Uni<Boolean> inTheirGroup(Caller caller, Participant participant) {
        if (caller.userId() == null) {
            return Uni.createFrom().item(false);
        }
        return GroupMember.count("participantId = ?1 and status = ?2 and groupId in (select g.id from CompetitionGroup g "
                                + "where g.status = ?3 and (g.primaryTeacherUserId = ?4 or g.id in (select h.groupId from "
                                + "GroupHelper h where h.helperUserId = ?4 and h.role = ?5 and h.status = ?6)))",
                        participant.id, GroupMemberStatus.active, GroupStatus.active, caller.userId(),
                        GroupHelperRole.roster_view, GroupHelperStatus.active)
                .map(count -> count > 0);
    }

    public static Uni<Boolean> mayActFor(Caller caller, Participant participant) {
        if (caller.hasRole(Roles.ORGANIZER) || caller.hasRole(Roles.ADMIN) || participant.isIdentity(caller.userId())) {
            return Uni.createFrom().item(true);
        }
        return AccessClaims.grantsAccess(caller.userId(), participant.id);
    }
}
