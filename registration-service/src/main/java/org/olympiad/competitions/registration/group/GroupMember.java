package org.olympiad.competitions.registration.group;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.state.StateMachine;

import java.util.UUID;

import static org.olympiad.competitions.registration.group.GroupMemberStatus.active;
import static org.olympiad.competitions.registration.group.GroupMemberStatus.removed;

/**
 * One member of a group mapped to a participant of the season ({@code competition_group_members}), with the
 * member's entry of the snapshot it was mapped from. Made when the group is registered, since a participant comes
 * with a registration; one per group and participant.
 */
@Entity
@Table(name = "competition_group_members")
public class GroupMember extends PanacheEntityBase {

    /** active ⇄ removed: a member gone from the learning group is removed, and active again when they come back. */
    public static final StateMachine<GroupMemberStatus> LIFECYCLE =
            StateMachine.of(EntityTypes.GROUP_MEMBER, GroupMemberStatus.class)
                    .allow(active, removed)
                    .allow(removed, active)
                    .build();

    /** Assigned when the row is made (not by Hibernate at persist): its events name it before it is stored. */
    @Id
    public UUID id;

    @Column(name = "group_id", nullable = false)
    public UUID groupId;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Column(name = "learning_group_member_id")
    public UUID learningGroupMemberId;

    @JdbcTypeCode(SqlTypes.JSON)
    @org.hibernate.annotations.Mutability(org.olympiad.competitions.platform.persistence.JsonNodeMutability.class)
    @Column(name = "member_snapshot", nullable = false, columnDefinition = "jsonb")
    public JsonNode memberSnapshot;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GroupMemberStatus status;

    static GroupMember of(UUID groupId, UUID participantId, GroupRequests.Member member) {
        GroupMember m = new GroupMember();
        m.id = UUID.randomUUID();
        m.groupId = groupId;
        m.participantId = participantId;
        m.learningGroupMemberId = member.learningGroupMemberId();
        m.memberSnapshot = EventJson.mapper().valueToTree(member);
        m.status = active;
        return m;
    }

    DomainChange added(UUID seasonId) {
        return DomainChange.of(EventTypes.GROUP_MEMBER_ADDED, EntityTypes.GROUP_MEMBER, id, seasonId, null, view(), null);
    }

    /**
     * The same child listed again under this snapshot entry: back in the group after being removed, or under a new
     * learning group member id. Active, with the entry it now has.
     */
    DomainChange listedAgainAs(GroupRequests.Member member, UUID seasonId) {
        GroupMemberView before = view();
        if (status != active) {
            status = LIFECYCLE.require(status, active);
        }
        learningGroupMemberId = member.learningGroupMemberId();
        memberSnapshot = EventJson.mapper().valueToTree(member);
        return DomainChange.of(EventTypes.GROUP_MEMBER_ADDED, EntityTypes.GROUP_MEMBER, id, seasonId, before, view(), null);
    }

    /** Gone from the learning group's newest snapshot; the participant's registration stays as it is. */
    DomainChange removed(UUID seasonId) {
        GroupMemberView before = view();
        status = LIFECYCLE.require(status, removed);
        return DomainChange.of(EventTypes.GROUP_MEMBER_REMOVED, EntityTypes.GROUP_MEMBER, id, seasonId, before, view(),
                "gone from the learning group's snapshot");
    }

    /**
     * The member's participant was merged into {@code survivor}: the row follows the child, or, where the survivor
     * is already a member of this group, is removed (one child, one row).
     */
    public DomainChange followMerge(UUID survivor, boolean survivorAlreadyMember, UUID seasonId) {
        GroupMemberView before = view();
        if (survivorAlreadyMember) {
            status = status == removed ? removed : LIFECYCLE.require(status, removed);
            return DomainChange.of(EventTypes.GROUP_MEMBER_REMOVED, EntityTypes.GROUP_MEMBER, id, seasonId, before, view(),
                    "merged into participant " + survivor + ", already a member of the group");
        }
        participantId = survivor;
        return DomainChange.of(EventTypes.GROUP_MEMBER_REASSIGNED, EntityTypes.GROUP_MEMBER, id, seasonId, before, view(),
                "merged into participant " + survivor);
    }

    public GroupMemberView view() {
        return new GroupMemberView(id, groupId, participantId, learningGroupMemberId, memberSnapshot, status);
    }
}
