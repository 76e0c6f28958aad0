package org.olympiad.competitions.registration.group;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.FlushMode;
import org.hibernate.reactive.mutiny.Mutiny;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.personaldata.PersonalDataGuard;
import org.olympiad.competitions.platform.personaldata.Strictness;
import org.olympiad.competitions.platform.problem.Problem;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.problem.ProblemType;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.registration.participant.Participant;
import org.olympiad.competitions.registration.participant.ParticipantDetails;
import org.olympiad.competitions.registration.policy.RegistrationSource;
import org.olympiad.competitions.registration.registration.Registration;
import org.olympiad.competitions.registration.registration.RegistrationRequests;
import org.olympiad.competitions.registration.registration.RegistrationService;
import org.olympiad.competitions.registration.registration.RegistrationWrites;
import org.olympiad.competitions.registration.registration.RegistrationStatus;
import org.olympiad.competitions.registration.registration.SeasonCatalogue;
import org.olympiad.competitions.registration.registration.Twins;
import org.olympiad.competitions.registration.season.Season;
import org.olympiad.competitions.registration.season.SeasonService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Registering a whole group in one request and one transaction: every member of the group's snapshot that has no
 * registration from this group yet is registered through {@link RegistrationService#register} (source
 * {@code teacher}, the group's learning workspace and group), and mapped to its participant by a
 * {@code competition_group_members} row. Running it again registers nobody twice: a member with a row is already
 * registered, and so is a child the group registered before under another learning group member id (found by its
 * identity refs).
 *
 * <p>A member the season's policy refuses (a grade it does not take) is reported in the answer and the others are
 * registered: one pupil out of range does not keep a class out. A refusal that would hold for every member (the
 * season is not open for registration, the policy takes no teacher registrations, the window is closed, the track
 * does not exist) refuses the whole request, and nothing is written.
 *
 * <p>For speed, everything a member's registration reads is read for all members at once, up front, in a few
 * queries: the group's rows, the participants registered through the group, the season's participants sharing an
 * identity ref with a member, the season's likely twins by name and grade, and the season's catalogue (grade
 * categories, track, first admitting tour). Registering a member then reads nothing (unless it is held against an
 * existing participant) and the session, in flush mode {@code COMMIT}, is flushed and cleared every {@link #CHUNK}
 * members: their inserts go out in batches and the session stays small however large the group is. A likely twin
 * within the group is found without a flush, since the participants the run creates are added to the twins it
 * looked up; identity refs need no such care, since no two members of a snapshot share one (the snapshot refuses it).
 */
@ApplicationScoped
public class GroupRegistrationService {

    /** Members registered between two flushes; the session is cleared after each. */
    static final int CHUNK = 250;

    /** Members whose identity refs go into one lookup query (three lists of at most this many parameters). */
    private static final int MEMBERS_PER_LOOKUP = 1000;

    /** Stands in for an empty list of ids in a query. */
    private static final UUID NONE = new UUID(0, 0);

    private final RegistrationService registrations;
    private final Outbox outbox;
    private final Caller caller;

    public GroupRegistrationService(RegistrationService registrations, Outbox outbox, Caller caller) {
        this.registrations = registrations;
        this.outbox = outbox;
        this.caller = caller;
    }

    /** Registers the group's members not registered from it yet; the group's primary teacher or an organiser. */
    @WithTransaction
    public Uni<GroupRegistrationResult> register(UUID groupId, GroupRequests.Register given) {
        GroupRequests.Register request = given == null ? new GroupRequests.Register(null, null) : given;
        PersonalDataGuard.refuseIn("teacherNameText", request.teacherNameText(), Strictness.FREE_TEXT_OR_POLICY);
        UUID actor = caller.userId();
        Instant now = Instant.now();
        return GroupAccess.requireManaged(groupId, caller, true).chain(group -> {
            group.requireActive("registered");
            return SeasonService.require(group.seasonId).chain(season -> {
                Run run = new Run(group, season, request, actor, now);
                return run.plan().chain(run::registerPending).map(done -> run.result());
            });
        });
    }

    /** One group registration: what it found, what it decided for each member, and what it counts. */
    private final class Run {

        private final CompetitionGroup group;
        private final Season season;
        private final GroupRequests.Register request;
        private final UUID actor;
        private final Instant now;

        /** Participant → the learning group member it belongs to in this group, as this run found or made it. */
        private final Map<UUID, UUID> claimed = new HashMap<>();
        /** Members to register, each with the season's participants sharing an identity ref (to be held against). */
        private final Map<GroupRequests.Member, Set<TwinRef>> pending = new LinkedHashMap<>();
        private final List<GroupRegistrationResult.Refusal> refused = new ArrayList<>();
        private int registered;
        private int alreadyRegistered;
        private int held;

        Run(CompetitionGroup group, Season season, GroupRequests.Register request, UUID actor, Instant now) {
            this.group = group;
            this.season = season;
            this.request = request;
            this.actor = actor;
            this.now = now;
        }

        GroupRegistrationResult result() {
            return new GroupRegistrationResult(registered, alreadyRegistered, held, List.copyOf(refused));
        }

        /**
         * Sorts the snapshot's members, in a few queries: registered already (a row), registered before under
         * another member id (a row of the same child, linked again), registered through the group one by one (a new
         * row for that registration), one child listed twice (refused), and the rest, to register.
         */
        Uni<Void> plan() {
            List<GroupRequests.Member> members = group.members();
            return GroupMember.<GroupMember>list("groupId", group.id).chain(rows -> {
                Map<UUID, GroupMember> rowByMember = new HashMap<>();
                Map<UUID, GroupMember> rowByParticipant = new HashMap<>();
                rows.forEach(row -> {
                    rowByMember.put(row.learningGroupMemberId, row);
                    rowByParticipant.put(row.participantId, row);
                });
                List<DomainChange> changes = new ArrayList<>();
                List<GroupRequests.Member> rest = new ArrayList<>();
                for (GroupRequests.Member member : members) {
                    GroupMember row = rowByMember.get(member.learningGroupMemberId());
                    if (row == null) {
                        rest.add(member);
                        continue;
                    }
                    alreadyRegistered++;
                    claimed.put(row.participantId, member.learningGroupMemberId());
                    if (row.status != GroupMemberStatus.active) {
                        changes.add(row.listedAgainAs(member, group.seasonId));
                    }
                }
                return participantsRegisteredThroughGroup().chain(throughGroup -> twinsOf(rest).chain(twins -> {
                    List<GroupMember> newRows = new ArrayList<>();
                    for (GroupRequests.Member member : rest) {
                        Set<TwinRef> found = twins.getOrDefault(member.learningGroupMemberId(), Set.of());
                        if (found.isEmpty()) {
                            pending.put(member, found);
                            continue;
                        }
                        if (refusedAsListedTwice(member, found)) {
                            continue;
                        }
                        TwinRef same = found.stream().filter(t -> rowByParticipant.containsKey(t.participantId()))
                                .findFirst().orElse(null);
                        if (same != null) { // the child is in the group under an id the learning group no longer has
                            alreadyRegistered++;
                            claimed.put(same.participantId(), member.learningGroupMemberId());
                            changes.add(rowByParticipant.get(same.participantId()).listedAgainAs(member, group.seasonId));
                            continue;
                        }
                        TwinRef registeredHere = found.stream().filter(t -> throughGroup.contains(t.participantId()))
                                .findFirst().orElse(null);
                        if (registeredHere != null) { // registered with this group's id, one by one
                            alreadyRegistered++;
                            claimed.put(registeredHere.participantId(), member.learningGroupMemberId());
                            newRows.add(GroupMember.of(group.id, registeredHere.participantId(), member));
                            continue;
                        }
                        pending.put(member, found); // a participant of the season already: held as a duplicate
                    }
                    return Multi.createFrom().iterable(newRows)
                            .onItem().transformToUniAndConcatenate(row -> row.<GroupMember>persist()
                                    .chain(() -> outbox.record(row.added(group.seasonId))))
                            .collect().last()
                            .chain(() -> Multi.createFrom().iterable(changes)
                                    .onItem().transformToUniAndConcatenate(outbox::record).collect().last())
                            .replaceWithVoid();
                }));
            });
        }

        /**
         * Registers the pending members one after another, {@link #CHUNK} at a time, with what every member needs
         * read beforehand: the season's catalogue (categories, track, first admitting tour) once, and the season's
         * likely twins of all members by name and grade in a few queries ({@link #MEMBERS_PER_LOOKUP} names each).
         * So registering a member reads nothing (unless it is held against an existing participant), the session's
         * flush mode is {@code COMMIT}, and its writes go out in batches when the chunk is flushed; the session is
         * then cleared, so that it stays small however large the group is. The participants the run creates are
         * added to the twins as it goes, so a likely twin within the group is held without a flush.
         */
        Uni<Void> registerPending() {
            List<List<GroupRequests.Member>> chunks = new ArrayList<>();
            List<GroupRequests.Member> all = new ArrayList<>(pending.keySet());
            for (int i = 0; i < all.size(); i += CHUNK) {
                chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
            }
            return SeasonCatalogue.of(season, request.deliveryPreferences())
                    .chain(catalogue -> likelyTwinsOf(all).chain(likely -> Panache.getSession().chain(session -> {
                        session.setFlushMode(FlushMode.COMMIT);
                        return flushAndClear(session).chain(() -> Multi.createFrom().iterable(chunks)
                                .onItem().transformToUniAndConcatenate(chunk -> {
                                    // the chunk's rows go out table by table, a batch each, then its events
                                    RegistrationWrites writes = RegistrationWrites.deferred(outbox);
                                    return Multi.createFrom().iterable(chunk)
                                            .onItem().transformToUniAndConcatenate(member -> registerOne(member, catalogue, likely, writes))
                                            .collect().last()
                                            .chain(writes::write)
                                            .chain(() -> flushAndClear(session));
                                })
                                .collect().last());
                    })))
                    .replaceWithVoid();
        }

        /** The season's participants (not merged away) with the name and grade of a member, by both. */
        private Uni<LikelyTwins> likelyTwinsOf(List<GroupRequests.Member> members) {
            List<String> names = new ArrayList<>(new LinkedHashSet<>(members.stream()
                    .filter(m -> m.grade() != null && !m.grade().isBlank())
                    .map(m -> Participant.nameKey(m.displayName())).toList()));
            List<String> grades = members.stream().map(GroupRequests.Member::grade)
                    .filter(g -> g != null && !g.isBlank()).map(String::strip).distinct().toList();
            LikelyTwins twins = new LikelyTwins();
            List<List<String>> batches = new ArrayList<>();
            for (int i = 0; i < names.size(); i += MEMBERS_PER_LOOKUP) {
                batches.add(names.subList(i, Math.min(names.size(), i + MEMBERS_PER_LOOKUP)));
            }
            return Multi.createFrom().iterable(batches)
                    .onItem().transformToUniAndConcatenate(batch -> Panache.getSession().chain(session -> session
                            .createSelectionQuery("select p.id, p.displayName, p.grade, p.identityOrganizationId "
                                    + "from Participant p where p.seasonId = :season and p.duplicateStatus <> 'merged' "
                                    + "and p.grade in :grades "
                                    + "and lower(replace(replace(p.displayName, 'Ё', 'Е'), 'ё', 'е')) in :names", Object[].class)
                            .setParameter("season", season.id)
                            .setParameter("grades", grades)
                            .setParameter("names", batch)
                            .getResultList())
                            .invoke(rows -> rows.forEach(row -> {
                                Participant p = new Participant(); // a detached stand-in: only compared, never stored
                                p.id = (UUID) row[0];
                                p.displayName = (String) row[1];
                                p.grade = (String) row[2];
                                p.identityOrganizationId = (UUID) row[3];
                                twins.add(p);
                            })))
                    .collect().last()
                    .replaceWith(twins);
        }

        private Uni<Void> registerOne(GroupRequests.Member member, SeasonCatalogue catalogue, LikelyTwins likely,
                                      RegistrationWrites writes) {
            Set<TwinRef> twins = pending.get(member);
            if (refusedAsListedTwice(member, twins)) {
                return Uni.createFrom().voidItem();
            }
            RegistrationRequests.Create create = new RegistrationRequests.Create(RegistrationSource.teacher,
                    member.participant(), request.deliveryPreferences(), request.teacherNameText(), null, null, null,
                    group.id, group.learningWorkspaceId, group.learningGroupId, null);
            Twins memberTwins = new Twins() {
                @Override
                public Uni<Participant> sameIdentity(UUID seasonId, ParticipantDetails details) {
                    // found for the whole group up front; no two members of a snapshot share an identity ref
                    return twins.isEmpty() ? Uni.createFrom().nullItem()
                            : Participant.findById(twins.iterator().next().participantId());
                }

                @Override
                public Uni<Participant> likely(UUID seasonId, ParticipantDetails details) {
                    return Uni.createFrom().item(likely.of(details));
                }

                @Override
                public void created(Participant participant) {
                    likely.add(participant);
                }
            };
            return Uni.createFrom().deferred(() -> registrations.register(season, catalogue, memberTwins, create, actor, now, writes))
                    .chain(registration -> mapped(member, registration, writes))
                    .onFailure(GroupRegistrationService::refusedForTheMember)
                    .recoverWithItem(failure -> {
                        var problem = ((ProblemException) failure).problem();
                        refused.add(new GroupRegistrationResult.Refusal(member.learningGroupMemberId(),
                                memberField(problem.field()), problem.rule(), problem.detail()));
                        return null;
                    });
        }
        /** The member's row: it maps the snapshot's member to the participant the registration is for. */
        private Uni<Void> mapped(GroupRequests.Member member, Registration registration, RegistrationWrites writes) {
            UUID other = claimed.putIfAbsent(registration.participantId, member.learningGroupMemberId());
            if (other != null) { // the season's participants changed under this run (a concurrent registration)
                throw new ProblemException(Problem.of(ProblemType.CONFLICT, "participant " + registration.participantId
                        + " is member " + other + " of this group already; repeat the request"));
            }
            if (registration.status == RegistrationStatus.duplicate_hold) {
                held++;
            } else {
                registered++;
            }
            GroupMember row = GroupMember.of(group.id, registration.participantId, member);
            return writes.insert(row).chain(() -> writes.record(row.added(group.seasonId)));
        }

        /** One child listed twice in the group: a participant the member would be is another member's already. */
        private boolean refusedAsListedTwice(GroupRequests.Member member, Set<TwinRef> twins) {
            for (TwinRef twin : twins) {
                UUID other = claimed.get(twin.participantId());
                if (other != null && !other.equals(member.learningGroupMemberId())) {
                    refused.add(new GroupRegistrationResult.Refusal(member.learningGroupMemberId(), twin.field(),
                            "one-child-once", "the season's participant with this " + twin.field()
                            + " is learning group member " + other + " of this group already"));
                    return true;
                }
            }
            return false;
        }

        /** The ids of participants with a registration that names this group (made one by one, or by this feature). */
        private Uni<Set<UUID>> participantsRegisteredThroughGroup() {
            return Panache.getSession().chain(session -> session.createSelectionQuery(
                            "select distinct r.participantId from Registration r where r.groupId = :group "
                                    + "and r.participantId is not null", UUID.class)
                    .setParameter("group", group.id)
                    .getResultList()).map(HashSet::new);
        }

        /**
         * The season's participants (not merged away) sharing an identity ref with each member, by learning group
         * member id: a few queries for the whole group, {@link #MEMBERS_PER_LOOKUP} members each.
         */
        private Uni<Map<UUID, Set<TwinRef>>> twinsOf(List<GroupRequests.Member> members) {
            List<GroupRequests.Member> withRefs = members.stream().filter(GroupRequests.Member::hasIdentityRef).toList();
            List<List<GroupRequests.Member>> batches = new ArrayList<>();
            for (int i = 0; i < withRefs.size(); i += MEMBERS_PER_LOOKUP) {
                batches.add(withRefs.subList(i, Math.min(withRefs.size(), i + MEMBERS_PER_LOOKUP)));
            }
            Map<UUID, Set<TwinRef>> twins = new HashMap<>();
            return Multi.createFrom().iterable(batches)
                    .onItem().transformToUniAndConcatenate(batch -> participantsWithRefsOf(batch).invoke(rows -> {
                        Map<UUID, UUID> byIdentity = new HashMap<>();
                        Map<UUID, UUID> byProfile = new HashMap<>();
                        Map<UUID, UUID> byOrganizationStudent = new HashMap<>();
                        for (Object[] row : rows) {
                            UUID participant = (UUID) row[0];
                            putIfRef(byIdentity, (UUID) row[1], participant);
                            putIfRef(byProfile, (UUID) row[2], participant);
                            putIfRef(byOrganizationStudent, (UUID) row[3], participant);
                        }
                        for (GroupRequests.Member m : batch) {
                            Set<TwinRef> found = new LinkedHashSet<>();
                            addIfFound(found, byIdentity, m.identityUserId(), "identityUserId");
                            addIfFound(found, byProfile, m.studentProfileId(), "studentProfileId");
                            addIfFound(found, byOrganizationStudent, m.organizationStudentId(), "organizationStudentId");
                            if (!found.isEmpty()) {
                                twins.put(m.learningGroupMemberId(), found);
                            }
                        }
                    }))
                    .collect().last()
                    .replaceWith(twins);
        }

        private Uni<List<Object[]>> participantsWithRefsOf(List<GroupRequests.Member> batch) {
            return Panache.getSession().chain(session -> session.createSelectionQuery(
                            "select p.id, p.identityUserId, p.studentProfileId, p.organizationStudentId from Participant p "
                                    + "where p.seasonId = :season and p.duplicateStatus <> 'merged' and "
                                    + "(p.identityUserId in :identityUsers or p.studentProfileId in :profiles "
                                    + "or p.organizationStudentId in :students)", Object[].class)
                    .setParameter("season", season.id)
                    .setParameter("identityUsers", idsOrNone(batch.stream().map(GroupRequests.Member::identityUserId).toList()))
                    .setParameter("profiles", idsOrNone(batch.stream().map(GroupRequests.Member::studentProfileId).toList()))
                    .setParameter("students", idsOrNone(batch.stream().map(GroupRequests.Member::organizationStudentId).toList()))
                    .getResultList());
        }
    }

    /** Participants by normalised name and grade, to find a likely twin ({@link Participant#likelySameChildAs}) in. */
    private static final class LikelyTwins {

        private final Map<String, List<Participant>> byNameAndGrade = new HashMap<>();

        void add(Participant p) {
            if (p.grade != null && !p.grade.isBlank()) {
                byNameAndGrade.computeIfAbsent(key(p.displayName, p.grade), k -> new ArrayList<>(1)).add(p);
            }
        }

        Participant of(ParticipantDetails details) {
            if (details.grade() == null || details.grade().isBlank()) {
                return null; // a name alone is too weak a sign
            }
            return byNameAndGrade.getOrDefault(key(details.displayName(), details.grade()), List.of()).stream()
                    .filter(p -> p.likelySameChildAs(details)).findFirst().orElse(null);
        }

        private static String key(String name, String grade) {
            return Participant.nameKey(name) + '\u0000' + grade.strip();
        }
    }

    /** A participant of the season that shares the named identity ref with a member. */
    private record TwinRef(UUID participantId, String field) {
    }

    /**
     * A refusal about this member (a field of the participant: its grade, its organisation), as opposed to one that
     * would refuse every member (the season, the policy's source rule or window, the track), which refuses the request.
     */
    private static boolean refusedForTheMember(Throwable failure) {
        return failure instanceof ProblemException problem && problem.problem().field() != null
                && problem.problem().field().startsWith("participant.");
    }

    /** {@code participant.grade} → the member's {@code grade}. */
    private static String memberField(String participantField) {
        return participantField.substring("participant.".length());
    }

    private static Uni<Void> flushAndClear(Mutiny.Session session) {
        return session.flush().invoke(session::clear);
    }

    private static void putIfRef(Map<UUID, UUID> map, UUID ref, UUID participant) {
        if (ref != null) {
            map.putIfAbsent(ref, participant);
        }
    }

    private static void addIfFound(Set<TwinRef> found, Map<UUID, UUID> byRef, UUID ref, String field) {
        UUID participant = ref == null ? null : byRef.get(ref);
        if (participant != null && found.stream().noneMatch(t -> t.participantId().equals(participant))) {
            found.add(new TwinRef(participant, field));
        }
    }

    private static List<UUID> idsOrNone(List<UUID> ids) {
        List<UUID> given = ids.stream().filter(id -> id != null).toList();
        return given.isEmpty() ? List.of(NONE) : given;
    }
}
