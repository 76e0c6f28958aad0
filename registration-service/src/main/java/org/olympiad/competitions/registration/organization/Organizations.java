package org.olympiad.competitions.registration.organization;

import io.smallrye.mutiny.Uni;

import java.util.UUID;

/** What other features of this service ask about competition organisations. */
public final class Organizations {

    private Organizations() {
    }

    /**
     * Whether the organisation may act in the given role now: it holds the role (an active, unrevoked row) and takes
     * part in the season (participation status active; a suspended organisation keeps its roles but exercises none).
     * False for an organisation that does not exist. Runs in the caller's session.
     *
     * @param role one of {@code organizer}, {@code closed_group_host}, {@code open_venue}
     * @throws IllegalArgumentException for any other role name: a caller's mistake, not a user's
     */
    public static Uni<Boolean> holdsRole(UUID competitionOrganizationId, String role) {
        OrganizationRoleKind kind = OrganizationRoleKind.valueOf(role);
        return CompetitionOrganization.count("id = ?1 and participationStatus = ?2 and id in ("
                                + "select r.competitionOrganizationId from OrganizationRole r where r.role = ?3 and r.status = ?4)",
                        competitionOrganizationId, ParticipationStatus.active, kind, OrganizationRoleStatus.active)
                .map(count -> count > 0);
    }
}
