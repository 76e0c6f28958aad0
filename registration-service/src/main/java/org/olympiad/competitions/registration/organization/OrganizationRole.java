package org.olympiad.competitions.registration.organization;

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
import org.olympiad.competitions.registration.season.Season;

import java.time.Instant;
import java.util.UUID;

import static org.olympiad.competitions.registration.organization.OrganizationRoleStatus.*;

/**
 * A role of a competition organisation in its season ({@code competition_organization_roles}): organizer,
 * closed_group_host or open_venue. A revoked role stays as history; granting the role again adds a new row. Its
 * events carry the organisation's season, so a consumer (venue-service, for {@code open_venue}) can keep a
 * projection per season.
 */
@Entity
@Table(name = "competition_organization_roles")
public class OrganizationRole extends PanacheEntityBase {

    /** active → revoked, which is final. */
    public static final StateMachine<OrganizationRoleStatus> LIFECYCLE =
            StateMachine.of(EntityTypes.ORGANIZATION_ROLE, OrganizationRoleStatus.class)
                    .allow(active, revoked)
                    .build();

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "competition_organization_id", nullable = false)
    public UUID competitionOrganizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganizationRoleKind role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganizationRoleStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A new active role; a withdrawn organisation, or one of a season that is over, gets none. */
    static OrganizationRole grant(Season season, CompetitionOrganization organization, OrganizationRoleKind kind) {
        season.requireChangeable();
        organization.requireNotFinal("granted roles");
        OrganizationRole role = new OrganizationRole();
        role.competitionOrganizationId = organization.id;
        role.role = kind;
        role.status = active;
        role.createdAt = Timestamps.now();
        return role;
    }

    DomainChange granted(UUID seasonId) {
        return DomainChange.of(EventTypes.ORGANIZATION_ROLE_GRANTED, EntityTypes.ORGANIZATION_ROLE, id, seasonId,
                null, view(), null);
    }

    DomainChange moveTo(Season season, OrganizationRoleStatus target, String reason) {
        PersonalDataGuard.refuseIn("reason", reason, Strictness.FREE_TEXT_OR_POLICY);
        season.requireChangeable();
        OrganizationRoleView before = view();
        status = LIFECYCLE.require(status, target);
        return DomainChange.of(EventTypes.ORGANIZATION_ROLE_REVOKED, EntityTypes.ORGANIZATION_ROLE, id, season.id,
                before, view(), reason);
    }

    public OrganizationRoleView view() {
        return new OrganizationRoleView(id, competitionOrganizationId, role, status, createdAt);
    }
}
