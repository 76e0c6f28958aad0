package org.olympiad.competitions.registration.group;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.personaldata.PersonalDataGuard;
import org.olympiad.competitions.platform.personaldata.Strictness;
import org.olympiad.competitions.platform.state.StateMachine;

import java.time.Instant;
import java.util.UUID;

import static org.olympiad.competitions.registration.group.GroupHelperStatus.active;
import static org.olympiad.competitions.registration.group.GroupHelperStatus.revoked;

/**
 * A helper's grant on a group ({@code competition_group_helpers}): a user the group's teacher lets do one thing for
 * the group (enter answers, upload scans, read the roster, mark attendance). One row per group, helper and role:
 * granting a revoked role again re-activates its row.
 */
@Entity
@Table(name = "competition_group_helpers")
public class GroupHelper extends PanacheEntityBase {

    /** active → revoked, and revoked → active when the role is granted again. */
    public static final StateMachine<GroupHelperStatus> LIFECYCLE =
            StateMachine.of(EntityTypes.GROUP_HELPER, GroupHelperStatus.class)
                    .allow(active, revoked)
                    .allow(revoked, active)
                    .build();

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "group_id", nullable = false)
    public UUID groupId;

    @Column(name = "helper_user_id", nullable = false)
    public UUID helperUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GroupHelperRole role;

    @Column(name = "granted_by_user_id", nullable = false)
    public UUID grantedByUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GroupHelperStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    static GroupHelper granted(UUID groupId, GroupRequests.HelperGrant grant, UUID grantedBy) {
        GroupHelper helper = new GroupHelper();
        helper.groupId = groupId;
        helper.helperUserId = grant.helperUserId();
        helper.role = grant.role();
        helper.grantedByUserId = grantedBy;
        helper.status = active;
        helper.createdAt = Timestamps.now();
        return helper;
    }

    DomainChange created(UUID seasonId) {
        return DomainChange.of(EventTypes.GROUP_HELPER_GRANTED, EntityTypes.GROUP_HELPER, id, seasonId, null, view(), null);
    }

    /** Revokes the grant, or grants it again ({@code actor} becomes the one who granted it). */
    DomainChange moveTo(GroupHelperStatus target, UUID actor, String reason, UUID seasonId) {
        PersonalDataGuard.refuseIn("reason", reason, Strictness.FREE_TEXT_OR_POLICY);
        GroupHelperView before = view();
        status = LIFECYCLE.require(status, target);
        if (target == revoked) {
            revokedAt = Timestamps.now();
        } else {
            revokedAt = null;
            grantedByUserId = actor;
        }
        return DomainChange.of(target == revoked ? EventTypes.GROUP_HELPER_REVOKED : EventTypes.GROUP_HELPER_GRANTED,
                EntityTypes.GROUP_HELPER, id, seasonId, before, view(),
                reason == null || reason.isBlank() ? null : reason.strip());
    }

    public GroupHelperView view() {
        return new GroupHelperView(id, groupId, helperUserId, role, grantedByUserId, status, createdAt, revokedAt);
    }
}
