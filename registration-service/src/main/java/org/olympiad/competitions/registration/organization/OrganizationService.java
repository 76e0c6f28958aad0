package org.olympiad.competitions.registration.organization;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.registration.season.Season;
import org.olympiad.competitions.registration.season.SeasonService;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Units of work on competition organisations and their roles: each change and its outbox event commit together.
 * Every change of an organisation or of its roles first locks the organisation's row, so a grant never races a
 * withdrawal and a patch never writes back a participation status that changed meanwhile.
 */
@ApplicationScoped
public class OrganizationService {

    private final Outbox outbox;

    public OrganizationService(Outbox outbox) {
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<OrganizationView> join(UUID seasonId, OrganizationRequests.Create request) {
        return SeasonService.requireLocked(seasonId)
                .chain(season -> {
                    CompetitionOrganization organization = CompetitionOrganization.joining(season, request);
                    return requireNotJoined(seasonId, request.identityOrganizationId()).replaceWith(organization);
                })
                .chain(organization -> organization.persist()
                        .chain(() -> outbox.record(organization.joined(), organization::view)));
    }

    @WithSession
    public Uni<OrganizationView> get(UUID id) {
        return require(id).map(CompetitionOrganization::view);
    }

    /** A season's organisations by display name, by participation status and by an active role they hold. */
    @WithSession
    public Uni<Page<OrganizationView>> listOfSeason(UUID seasonId, ParticipationStatus participationStatus,
                                                    OrganizationRoleKind role, PageRequest page) {
        return SeasonService.require(seasonId).chain(season -> {
            List<String> where = new ArrayList<>(List.of("seasonId = :seasonId"));
            Parameters params = Parameters.with("seasonId", seasonId);
            if (participationStatus != null) {
                where.add("participationStatus = :participationStatus");
                params.and("participationStatus", participationStatus);
            }
            if (role != null) {
                where.add("id in (select r.competitionOrganizationId from OrganizationRole r"
                        + " where r.role = :role and r.status = :activeRole)");
                params.and("role", role).and("activeRole", OrganizationRoleStatus.active);
            }
            return Page.of(CompetitionOrganization.<CompetitionOrganization>find(String.join(" and ", where),
                    Sort.by("displayNameSnapshot").and("id"), params), page, CompetitionOrganization::view);
        });
    }

    @WithTransaction
    public Uni<OrganizationView> update(UUID id, OrganizationRequests.Update patch) {
        return requireLocked(id).chain(organization -> SeasonService.require(organization.seasonId)
                .chain(season -> outbox.record(organization.update(season, patch), organization::view)));
    }

    /** A withdrawal also revokes every role the organisation still holds, each with its own event and the same reason. */
    @WithTransaction
    public Uni<OrganizationView> transition(UUID id, OrganizationRequests.Transition request) {
        return requireLocked(id).chain(organization -> SeasonService.require(organization.seasonId).chain(season -> {
            var change = organization.moveTo(season, request.to(), request.reason());
            return outbox.record(change)
                    .chain(() -> organization.participationStatus == ParticipationStatus.withdrawn
                            ? revokeAllRolesOf(organization, season, request.reason())
                            : Uni.createFrom().voidItem())
                    .map(done -> organization.view());
        }));
    }

    @WithTransaction
    public Uni<OrganizationRoleView> grantRole(UUID organizationId, OrganizationRequests.RoleGrant request) {
        return requireLocked(organizationId).chain(organization -> SeasonService.require(organization.seasonId)
                .chain(season -> {
                    OrganizationRole role = OrganizationRole.grant(season, organization, request.role());
                    return requireNotHeld(organization.id, request.role())
                            .chain(() -> role.persist())
                            .chain(() -> outbox.record(role.granted(season.id), role::view));
                }));
    }

    /** An organisation's roles, active and revoked, oldest first; {@code status} narrows them. */
    @WithSession
    public Uni<Page<OrganizationRoleView>> rolesOf(UUID organizationId, OrganizationRoleStatus status, PageRequest page) {
        Sort oldestFirst = Sort.by("createdAt").and("id");
        return require(organizationId).chain(organization -> Page.of(status == null
                        ? OrganizationRole.<OrganizationRole>find("competitionOrganizationId", oldestFirst, organizationId)
                        : OrganizationRole.<OrganizationRole>find("competitionOrganizationId = ?1 and status = ?2",
                        oldestFirst, organizationId, status),
                page, OrganizationRole::view));
    }

    @WithTransaction
    public Uni<OrganizationRoleView> transitionRole(UUID roleId, OrganizationRequests.RoleTransition request) {
        return OrganizationRole.<OrganizationRole>findById(roleId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.ORGANIZATION_ROLE, roleId))
                .chain(role -> require(role.competitionOrganizationId)
                        .chain(organization -> SeasonService.require(organization.seasonId))
                        .chain(season -> outbox.record(role.moveTo(season, request.to(), request.reason()), role::view)));
    }

    /**
     * Revokes the organisation's active roles one by one (a session runs one statement at a time). They are locked
     * first: a concurrent revocation of one of them finishes, and that role, revoked by then, is left out.
     */
    private Uni<Void> revokeAllRolesOf(CompetitionOrganization organization, Season season, String reason) {
        return OrganizationRole.<OrganizationRole>find("competitionOrganizationId = ?1 and status = ?2",
                        Sort.by("createdAt").and("id"), organization.id, OrganizationRoleStatus.active)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(roles -> {
                    Uni<Void> revocations = Uni.createFrom().voidItem();
                    for (OrganizationRole role : roles) {
                        revocations = revocations.chain(() ->
                                outbox.record(role.moveTo(season, OrganizationRoleStatus.revoked, reason)).replaceWithVoid());
                    }
                    return revocations;
                });
    }

    /** An identity organisation joins a season once. Checked under the season's lock; the table's unique key backs it. */
    private static Uni<Void> requireNotJoined(UUID seasonId, UUID identityOrganizationId) {
        return CompetitionOrganization.count("seasonId = ?1 and identityOrganizationId = ?2", seasonId, identityOrganizationId)
                .map(taken -> {
                    if (taken > 0) {
                        throw ProblemException.conflict("identityOrganizationId", "unique-in-season",
                                "identity organisation " + identityOrganizationId + " already takes part in the season");
                    }
                    return null;
                });
    }

    /**
     * An organisation holds a role at most once at a time. The table has no unique key for it (revoked rows repeat),
     * so the check runs here, under the organisation's row lock, which keeps two concurrent grants from both passing.
     */
    private static Uni<Void> requireNotHeld(UUID organizationId, OrganizationRoleKind kind) {
        return OrganizationRole.count("competitionOrganizationId = ?1 and role = ?2 and status = ?3",
                        organizationId, kind, OrganizationRoleStatus.active)
                .map(held -> {
                    if (held > 0) {
                        throw ProblemException.conflict("role", "role-held",
                                "the organisation already holds the active role " + kind);
                    }
                    return null;
                });
    }

    private static Uni<CompetitionOrganization> require(UUID id) {
        return CompetitionOrganization.<CompetitionOrganization>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.ORGANIZATION, id));
    }

    /** The organisation, or a 404, its row locked until the transaction ends. */
    private static Uni<CompetitionOrganization> requireLocked(UUID id) {
        return CompetitionOrganization.<CompetitionOrganization>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(EntityTypes.ORGANIZATION, id));
    }
}
