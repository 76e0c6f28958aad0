package org.olympiad.competitions.registration.group;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.personaldata.PersonalDataGuard;
import org.olympiad.competitions.platform.personaldata.Strictness;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.state.StateMachine;
import org.olympiad.competitions.registration.season.Season;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.olympiad.competitions.registration.group.GroupStatus.active;
import static org.olympiad.competitions.registration.group.GroupStatus.archived;

/**
 * A teacher's group in one season ({@code competition_groups}): the season's own snapshot of a Learning Group (its
 * title and members when the snapshot was taken; seed rule 9), not the teacher's canonical roster. One per season
 * and learning group. Its members, once registered, are {@link GroupMember} rows mapping each snapshot member to a
 * participant; its helpers are {@link GroupHelper} grants.
 */
@Entity
@Table(name = "competition_groups")
public class CompetitionGroup extends PanacheEntityBase {

    /** active → archived, which is final. */
    public static final StateMachine<GroupStatus> LIFECYCLE = StateMachine.of(EntityTypes.GROUP, GroupStatus.class)
            .allow(active, archived)
            .build();

    private static final TypeReference<List<GroupRequests.Member>> MEMBERS = new TypeReference<>() {
    };

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "season_id", nullable = false)
    public UUID seasonId;

    @Column(name = "competition_organization_id")
    public UUID competitionOrganizationId;

    @Column(name = "learning_workspace_id", nullable = false)
    public UUID learningWorkspaceId;

    @Column(name = "learning_group_id", nullable = false)
    public UUID learningGroupId;

    @Column(name = "primary_teacher_user_id")
    public UUID primaryTeacherUserId;

    @Column(name = "title_snapshot", nullable = false)
    public String titleSnapshot;

    /** A jsonb array; see {@link MemberSnapshotJson} for why it travels as text. */
    @Convert(converter = MemberSnapshotJson.class)
    @ColumnTransformer(read = "member_snapshot::text", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "member_snapshot", nullable = false)
    public JsonNode memberSnapshot;

    @Column(name = "snapshot_taken_at", nullable = false)
    public Instant snapshotTakenAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GroupStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A new active group of the season, from the learning group's snapshot; the members are checked first. */
    static CompetitionGroup of(Season season, GroupRequests.Create request, UUID primaryTeacherUserId) {
        PersonalDataGuard.refuseIn("titleSnapshot", request.titleSnapshot(), Strictness.FREE_TEXT_OR_POLICY);
        JsonNode members = snapshotOf(request.members());
        season.requireChangeable();
        CompetitionGroup group = new CompetitionGroup();
        group.seasonId = season.id;
        group.competitionOrganizationId = request.competitionOrganizationId();
        group.learningWorkspaceId = request.learningWorkspaceId();
        group.learningGroupId = request.learningGroupId();
        group.primaryTeacherUserId = primaryTeacherUserId;
        group.titleSnapshot = request.titleSnapshot().strip();
        group.memberSnapshot = members;
        group.createdAt = Timestamps.now();
        group.snapshotTakenAt = group.createdAt;
        group.status = active;
        return group;
    }

    DomainChange created() {
        return DomainChange.of(EventTypes.GROUP_CREATED, EntityTypes.GROUP, id, seasonId, null, summary(), null);
    }

    /** Takes a newer snapshot of the learning group: its members now (and its title, when given), as of now. */
    DomainChange takeSnapshot(Season season, GroupRequests.Snapshot snapshot) {
        PersonalDataGuard.refuseIn("titleSnapshot", snapshot.titleSnapshot(), Strictness.FREE_TEXT_OR_POLICY);
        JsonNode members = snapshotOf(snapshot.members());
        season.requireChangeable();
        requireActive("given a new snapshot");
        GroupSummaryView before = summary();
        if (snapshot.titleSnapshot() != null) {
            titleSnapshot = snapshot.titleSnapshot().strip();
        }
        memberSnapshot = members;
        snapshotTakenAt = Timestamps.now();
        return DomainChange.of(EventTypes.GROUP_SNAPSHOT_TAKEN, EntityTypes.GROUP, id, seasonId, before, summary(), null);
    }

    DomainChange moveTo(GroupStatus target, String reason) {
        PersonalDataGuard.refuseIn("reason", reason, Strictness.FREE_TEXT_OR_POLICY);
        GroupSummaryView before = summary();
        status = LIFECYCLE.require(status, target);
        return DomainChange.of(EventTypes.GROUP_ARCHIVED, EntityTypes.GROUP, id, seasonId, before, summary(),
                reason == null || reason.isBlank() ? null : reason.strip());
    }

    /** An archived group is history: it takes no new snapshot, registration or helper. */
    void requireActive(String refusedAction) {
        if (status != active) {
            throw ProblemException.lockedIn(EntityTypes.GROUP, status, refusedAction);
        }
    }

    boolean isPrimaryTeacher(UUID userId) {
        return userId != null && userId.equals(primaryTeacherUserId);
    }

    /** The members of the current snapshot, typed, in the snapshot's order. */
    List<GroupRequests.Member> members() {
        return EventJson.mapper().convertValue(memberSnapshot, MEMBERS);
    }

    /**
     * The snapshot as stored: each member's refs, name (single-spaced) and grade, nothing else. Refused when it
     * carries raw personal data (seed rule 10), lists a learning group member twice, lists one child twice (the same
     * identity ref on two members), or names an organisation's student without the organisation.
     */
    static JsonNode snapshotOf(List<GroupRequests.Member> given) {
        List<GroupRequests.Member> members = given.stream().map(CompetitionGroup::normalised).toList();
        JsonNode json = EventJson.mapper().valueToTree(members);
        PersonalDataGuard.refuseIn("members", json, Strictness.REF_OR_SNAPSHOT);
        Map<UUID, Integer> memberIds = new HashMap<>();
        Map<UUID, Integer> identityUsers = new HashMap<>();
        Map<UUID, Integer> studentProfiles = new HashMap<>();
        Map<UUID, Integer> organizationStudents = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            GroupRequests.Member m = members.get(i);
            requireOnce(memberIds, m.learningGroupMemberId(), i, "learningGroupMemberId", "unique-in-snapshot",
                    "learning group member");
            requireOnce(identityUsers, m.identityUserId(), i, "identityUserId", "one-child-once", "identity user");
            requireOnce(studentProfiles, m.studentProfileId(), i, "studentProfileId", "one-child-once", "student profile");
            requireOnce(organizationStudents, m.organizationStudentId(), i, "organizationStudentId", "one-child-once",
                    "organisation student");
            if (m.organizationStudentId() != null && m.identityOrganizationId() == null) {
                throw ProblemException.invalidField("members[" + i + "].identityOrganizationId",
                        "required-with-organization-student",
                        "an organisation's student is listed with the organisation's identity id");
            }
        }
        return json;
    }

    private static GroupRequests.Member normalised(GroupRequests.Member m) {
        String grade = m.grade() == null || m.grade().isBlank() ? null : m.grade().strip();
        return new GroupRequests.Member(m.learningGroupMemberId(), m.displayName().strip().replaceAll("\\s+", " "),
                grade, m.identityUserId(), m.studentProfileId(), m.organizationStudentId(), m.identityOrganizationId());
    }

    private static void requireOnce(Map<UUID, Integer> seen, UUID id, int index, String field, String rule, String what) {
        if (id == null) {
            return;
        }
        Integer first = seen.putIfAbsent(id, index);
        if (first != null) {
            throw ProblemException.invalidField("members[" + index + "]." + field, rule,
                    "members[" + first + "] and members[" + index + "] name the same " + what);
        }
    }

    int memberCount() {
        return memberSnapshot == null ? 0 : memberSnapshot.size();
    }

    public GroupView view() {
        return new GroupView(id, seasonId, competitionOrganizationId, learningWorkspaceId, learningGroupId,
                primaryTeacherUserId, titleSnapshot, memberSnapshot, memberCount(), snapshotTakenAt, status, createdAt);
    }

    public GroupSummaryView summary() {
        return new GroupSummaryView(id, seasonId, competitionOrganizationId, learningWorkspaceId, learningGroupId,
                primaryTeacherUserId, titleSnapshot, memberCount(), snapshotTakenAt, status, createdAt);
    }
}
