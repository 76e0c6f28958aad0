package org.olympiad.competitions.registration.group;

import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.platform.problem.Problem;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.problem.ProblemType;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.security.Roles;

import java.util.UUID;

/**
 * Who may do what with a group. Its primary teacher and organisers (and admins) manage it: snapshot, registration,
 * helpers, archiving. A helper may do what the role granted on that group lets them ({@link #helperMay}); reading the
 * group and its members takes {@code roster_view}. Anyone else does not learn that the group exists (404); a helper
 * who asks for more than the grant gives is refused (403).
 */
public final class GroupAccess {

    private GroupAccess() {
    }

    /**
     * True when {@code userId} holds an active grant of {@code role} on the group and the group is active: a revoked
     * grant, a grant of another role, or a grant on an archived group gives nothing, and neither does a null user
     * or group. Runs in the caller's session: call it from a {@code @WithSession} or {@code @WithTransaction} method.
     *
     * @param role one of {@code answers_entry}, {@code file_upload}, {@code roster_view}, {@code venue_staff}
     * @throws IllegalArgumentException for any other role name: a caller's mistake, not a user's
     */
    public static Uni<Boolean> helperMay(UUID userId, UUID groupId, String role) {
        GroupHelperRole kind = GroupHelperRole.valueOf(role);
        if (userId == null || groupId == null) {
            return Uni.createFrom().item(false);
        }
        return GroupHelper.count("groupId = ?1 and helperUserId = ?2 and role = ?3 and status = ?4 and groupId in "
                                + "(select g.id from CompetitionGroup g where g.status = ?5)",
                        groupId, userId, kind, GroupHelperStatus.active, GroupStatus.active)
                .map(count -> count > 0);
    }

    /** The group, when the caller may read it and its members (manager or roster_view helper); otherwise 403 or 404. */
    static Uni<CompetitionGroup> requireReadable(UUID id, Caller caller) {
        return CompetitionGroup.<CompetitionGroup>findById(id).chain(group -> {
            if (group == null) {
                throw ProblemException.notFound(EntityTypes.GROUP, id);
            }
            if (manages(caller, group)) {
                return Uni.createFrom().item(group);
            }
            return helperMay(caller.userId(), id, GroupHelperRole.roster_view.name()).chain(may -> may
                    ? Uni.createFrom().item(group)
                    : refusal(caller, group, "reading the group's roster takes the roster_view grant"));
        });
    }

    /**
     * The group, when the caller manages it; otherwise 403 (a helper of the group) or 404. {@code lock}: its row is
     * locked until the transaction ends, so two changes of one group (two bulk registrations) run one after the other.
     */
    static Uni<CompetitionGroup> requireManaged(UUID id, Caller caller, boolean lock) {
        var found = lock
                ? CompetitionGroup.<CompetitionGroup>findById(id, LockModeType.PESSIMISTIC_WRITE)
                : CompetitionGroup.<CompetitionGroup>findById(id);
        return found.chain(group -> {
            if (group == null) {
                throw ProblemException.notFound(EntityTypes.GROUP, id);
            }
            return manages(caller, group)
                    ? Uni.createFrom().item(group)
                    : refusal(caller, group, "only the group's primary teacher or an organiser manages the group");
        });
    }

    static boolean isOrganiser(Caller caller) {
        return caller.hasRole(Roles.ORGANIZER) || caller.hasRole(Roles.ADMIN);
    }

    private static boolean manages(Caller caller, CompetitionGroup group) {
        return isOrganiser(caller) || group.isPrimaryTeacher(caller.userId());
    }

    /** A helper of the group knows it exists (it is in their groups): 403. Anybody else: 404. */
    private static Uni<CompetitionGroup> refusal(Caller caller, CompetitionGroup group, String detail) {
        UUID me = caller.userId();
        if (me == null) {
            throw ProblemException.notFound(EntityTypes.GROUP, group.id);
        }
        return GroupHelper.count("groupId = ?1 and helperUserId = ?2 and status = ?3", group.id, me, GroupHelperStatus.active)
                .map(helps -> {
                    if (helps > 0) {
                        throw new ProblemException(Problem.of(ProblemType.FORBIDDEN, detail));
                    }
                    throw ProblemException.notFound(EntityTypes.GROUP, group.id);
                });
    }
}
