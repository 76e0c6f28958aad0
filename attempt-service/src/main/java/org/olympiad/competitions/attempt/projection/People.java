package org.olympiad.competitions.attempt.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.olympiad.competitions.platform.sql.NativeSql;

import java.util.List;
import java.util.UUID;

/**
 * Who a caller is to a participant, from the projections: the participant themself (their identity user is the
 * JWT's {@code sub}) or a helper with a role on a group the participant is an active member of.
 */
@ApplicationScoped
public class People {

    /** The tour participations of the caller's own participants in a tour (one per season, so at most one). */
    public Uni<List<UUID>> ownParticipantIds(UUID identityUserId) {
        if (identityUserId == null) {
            return Uni.createFrom().item(List.of());
        }
        return NativeSql.column("select participant_id from attempt_projection_participants where identity_user_id = ?1",
                UUID.class, identityUserId);
    }

    public Uni<Boolean> isOwnParticipant(UUID identityUserId, UUID participantId) {
        if (identityUserId == null || participantId == null) {
            return Uni.createFrom().item(false);
        }
        return NativeSql.column("select count(*) from attempt_projection_participants "
                        + "where identity_user_id = ?1 and participant_id = ?2", Long.class, identityUserId, participantId)
                .map(n -> n.get(0) > 0);
    }

    /** True when the user holds an active helper grant of this role on a group the participant is an active member of. */
    public Uni<Boolean> isHelperOf(UUID helperUserId, String role, UUID participantId) {
        if (helperUserId == null || participantId == null) {
            return Uni.createFrom().item(false);
        }
        return NativeSql.column("select count(*) from attempt_projection_group_helpers h "
                        + "join attempt_projection_group_members m on m.group_id = h.group_id "
                        + "where h.helper_user_id = ?1 and h.role = ?2 and h.status = 'active' "
                        + "and m.participant_id = ?3 and m.status = 'active'", Long.class, helperUserId, role, participantId)
                .map(n -> n.get(0) > 0);
    }
}
