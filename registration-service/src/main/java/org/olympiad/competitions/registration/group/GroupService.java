package org.olympiad.competitions.registration.group;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.problem.Problem;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.problem.ProblemType;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.security.Roles;
import org.olympiad.competitions.platform.sql.NativeSql;
import org.olympiad.competitions.registration.season.SeasonService;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Units of work on groups, their members and their helpers: each change and its outbox events commit together.
 * Who may do what is {@link GroupAccess}'s; registering a whole group is {@link GroupRegistrationService}'s.
 */
@ApplicationScoped
public class GroupService {

    private static final Sort NEWEST_FIRST = Sort.by("createdAt").descending().and("id");

    private final Outbox outbox;
    private final Caller caller;

    public GroupService(Outbox outbox, Caller caller) {
        this.outbox = outbox;
        this.caller = caller;
    }

    /**
     * A group of the season from the teacher's learning group. A teacher becomes its primary teacher; an organiser
     * may name one. One group per season and learning group.
     */
    @WithTransaction
    public Uni<GroupView> create(UUID seasonId, GroupRequests.Create request) {
        UUID primaryTeacher = primaryTeacherOf(request);
        return SeasonService.require(seasonId).chain(season -> {
            CompetitionGroup group = CompetitionGroup.of(season, request, primaryTeacher);
            return requireOrganizationOfSeason(request.competitionOrganizationId(), seasonId)
                    .chain(() -> requireNoGroupOf(seasonId, request.learningGroupId()))
                    .chain(group::persist)
                    .chain(() -> outbox.record(group.created(), group::view));
        });
    }

    @WithSession
    public Uni<GroupView> get(UUID id) {
        return GroupAccess.requireReadable(id, caller).map(CompetitionGroup::view);
    }

    /** A season's groups, newest first, by status. */
    @WithSession
    public Uni<Page<GroupSummaryView>> listOfSeason(UUID seasonId, GroupStatus status, PageRequest page) {
        return SeasonService.require(seasonId).chain(season -> Page.of(status == null
                        ? CompetitionGroup.<CompetitionGroup>find("seasonId", NEWEST_FIRST, seasonId)
                        : CompetitionGroup.<CompetitionGroup>find("seasonId = ?1 and status = ?2", NEWEST_FIRST, seasonId, status),
                page, CompetitionGroup::summary));
    }

    /** The groups the caller teaches (primary teacher) or helps with (an active grant of any role), newest first. */
    @WithSession
    public Uni<Page<GroupSummaryView>> mine(PageRequest page) {
        UUID me = caller.userId();
        if (me == null) {
            return Uni.createFrom().item(new Page<>(List.of(), page.page, page.size, 0));
        }
        return Page.of(CompetitionGroup.<CompetitionGroup>find("primaryTeacherUserId = ?1 or id in "
                        + "(select h.groupId from GroupHelper h where h.helperUserId = ?1 and h.status = ?2)",
                NEWEST_FIRST, me, GroupHelperStatus.active), page, CompetitionGroup::summary);
    }

    /** The group's members mapped to participants (made when the group is registered), by status. */
    @WithSession
    public Uni<Page<GroupMemberView>> members(UUID id, GroupMemberStatus status, PageRequest page) {
        Sort order = Sort.by("learningGroupMemberId").and("id");
        return GroupAccess.requireReadable(id, caller).chain(group -> Page.of(status == null
                        ? GroupMember.<GroupMember>find("groupId", order, id)
                        : GroupMember.<GroupMember>find("groupId = ?1 and status = ?2", order, id, status),
                page, GroupMember::view));
    }

    /**
     * A newer snapshot of the learning group. Members new to it are in the snapshot and are registered by the next
     * group registration; members gone from it become {@code removed} (their registrations stay); members who come
     * back are active again.
     */
    @WithTransaction
    public Uni<GroupView> takeSnapshot(UUID id, GroupRequests.Snapshot snapshot) {
        return GroupAccess.requireManaged(id, caller, true).chain(group -> SeasonService.require(group.seasonId)
                .chain(season -> {
                    DomainChange taken = group.takeSnapshot(season, snapshot);
                    Map<UUID, GroupRequests.Member> now = new HashMap<>();
                    group.members().forEach(m -> now.put(m.learningGroupMemberId(), m));
                    return GroupMember.<GroupMember>list("groupId", id).chain(rows -> {
                        List<DomainChange> changes = new ArrayList<>();
                        changes.add(taken);
                        for (GroupMember row : rows) {
                            GroupRequests.Member listed = now.get(row.learningGroupMemberId);
                            if (listed == null && row.status == GroupMemberStatus.active) {
                                changes.add(row.removed(group.seasonId));
                            } else if (listed != null && row.status == GroupMemberStatus.removed) {
                                changes.add(row.listedAgainAs(listed, group.seasonId));
                            }
                        }
                        return recordAll(changes);
                    });
                })
                .map(done -> group.view()));
    }

    /** Archiving: the group takes no new snapshot, registration or helper afterwards. */
    @WithTransaction
    public Uni<GroupView> transition(UUID id, GroupRequests.Transition request) {
        return GroupAccess.requireManaged(id, caller, true)
                .chain(group -> outbox.record(group.moveTo(request.to(), request.reason()), group::view));
    }

    /** Grants a helper a role on the group; a revoked grant of the same role is active again, an active one is a 409. */
    @WithTransaction
    public Uni<GroupHelperView> grantHelper(UUID groupId, GroupRequests.HelperGrant grant) {
        UUID me = requireUserId();
        return GroupAccess.requireManaged(groupId, caller, true).chain(group -> {
            group.requireActive("given helpers");
            return GroupHelper.<GroupHelper>find("groupId = ?1 and helperUserId = ?2 and role = ?3",
                    groupId, grant.helperUserId(), grant.role()).firstResult().chain(existing -> {
                if (existing == null) {
                    GroupHelper helper = GroupHelper.granted(groupId, grant, me);
                    return helper.persist().chain(() -> outbox.record(helper.created(group.seasonId), helper::view));
                }
                if (existing.status == GroupHelperStatus.active) {
                    throw ProblemException.conflict("role", "granted-already",
                            "user " + grant.helperUserId() + " already holds the " + grant.role() + " grant on this group");
                }
                return outbox.record(existing.moveTo(GroupHelperStatus.active, me, null, group.seasonId), existing::view);
            });
        });
    }

    /** The group's helper grants, active and revoked, oldest first; {@code status} narrows them. */
    @WithSession
    public Uni<Page<GroupHelperView>> helpers(UUID groupId, GroupHelperStatus status, PageRequest page) {
        Sort oldestFirst = Sort.by("createdAt").and("id");
        return GroupAccess.requireManaged(groupId, caller, false).chain(group -> Page.of(status == null
                        ? GroupHelper.<GroupHelper>find("groupId", oldestFirst, groupId)
                        : GroupHelper.<GroupHelper>find("groupId = ?1 and status = ?2", oldestFirst, groupId, status),
                page, GroupHelper::view));
    }

    /** Revokes a helper's grant, or grants it again; the group's managers only. */
    @WithTransaction
    public Uni<GroupHelperView> transitionHelper(UUID helperId, GroupRequests.HelperTransition request) {
        UUID me = requireUserId();
        return GroupHelper.<GroupHelper>findById(helperId, LockModeType.PESSIMISTIC_WRITE).chain(helper -> {
            if (helper == null) {
                throw ProblemException.notFound(EntityTypes.GROUP_HELPER, helperId);
            }
            return GroupAccess.requireManaged(helper.groupId, caller, false)
                    .onFailure(ProblemException.class).transform(f -> hidden(f, helperId))
                    .chain(group -> {
                        if (request.to() == GroupHelperStatus.active) {
                            group.requireActive("given helpers");
                        }
                        return outbox.record(helper.moveTo(request.to(), me, request.reason(), group.seasonId), helper::view);
                    });
        });
    }

    // ---- checks ----------------------------------------------------------------------------------------------

    /**
     * Who the group's primary teacher is: the one an organiser names, else the calling teacher. A teacher may name
     * only themself.
     */
    private UUID primaryTeacherOf(GroupRequests.Create request) {
        UUID me = caller.userId();
        UUID named = request.primaryTeacherUserId();
        if (GroupAccess.isOrganiser(caller)) {
            return named != null ? named : caller.hasRole(Roles.TEACHER) ? me : null;
        }
        if (me == null) {
            throw forbidden("the token's subject is not an identity user id");
        }
        if (named != null && !named.equals(me)) {
            throw forbidden("a teacher creates groups of their own; only an organiser names another primary teacher");
        }
        return me;
    }

    /** The organisation, when given, is one of the season's. */
    private static Uni<Void> requireOrganizationOfSeason(UUID organizationId, UUID seasonId) {
        if (organizationId == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> NativeSql.bind(session
                        .createNativeQuery("select cast(season_id as text) from competition_organizations where id = ?1",
                                String.class), organizationId)
                        .getSingleResultOrNull())
                .map(season -> {
                    if (season == null || !season.equals(seasonId.toString())) {
                        throw ProblemException.invalidField("competitionOrganizationId", "organization-of-season",
                                "competition organisation " + organizationId + " does not take part in season " + seasonId);
                    }
                    return null;
                });
    }

    /** One group per season and learning group; the table's unique key backs the check against a race. */
    private static Uni<Void> requireNoGroupOf(UUID seasonId, UUID learningGroupId) {
        return CompetitionGroup.count("seasonId = ?1 and learningGroupId = ?2", seasonId, learningGroupId).map(count -> {
            if (count > 0) {
                throw ProblemException.conflict("learningGroupId", "unique-in-season",
                        "the season already has a group of learning group " + learningGroupId);
            }
            return null;
        });
    }

    /** Records the changes in order, one statement at a time, however many there are (a Multi, not a nested chain). */
    private Uni<Void> recordAll(List<DomainChange> changes) {
        return Multi.createFrom().iterable(changes).onItem().transformToUniAndConcatenate(outbox::record)
                .collect().last().replaceWithVoid();
    }

    /** A helper row of a group the caller cannot see is itself unknown to them. */
    private static Throwable hidden(Throwable failure, UUID helperId) {
        ProblemException problem = (ProblemException) failure;
        return problem.problem().status() == 404 ? ProblemException.notFound(EntityTypes.GROUP_HELPER, helperId) : failure;
    }

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
