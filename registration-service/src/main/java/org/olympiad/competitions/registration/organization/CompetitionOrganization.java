package org.olympiad.competitions.registration.organization;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.JsonObjects;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.personaldata.PersonalDataGuard;
import org.olympiad.competitions.platform.personaldata.Strictness;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.state.StateMachine;
import org.olympiad.competitions.registration.season.Season;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.olympiad.competitions.registration.organization.ParticipationStatus.*;

/**
 * A competition organisation ({@code competition_organizations}): the season's projection of an identity
 * organisation (a school, a university, a centre), one per season and identity organisation, with a snapshot of its
 * name as identity had it when the snapshot was taken. Its roles are {@link OrganizationRole} rows.
 */
@Entity
@Table(name = "competition_organizations")
public class CompetitionOrganization extends PanacheEntityBase {

    /**
     * active ↔ suspended; active or suspended → withdrawn, which is final. A suspended organisation keeps its roles
     * but exercises none of them until it is active again; a withdrawn one loses them all.
     */
    public static final StateMachine<ParticipationStatus> LIFECYCLE =
            StateMachine.of(EntityTypes.ORGANIZATION, ParticipationStatus.class)
                    .allow(active, suspended)
                    .allow(suspended, active)
                    .allow(active, withdrawn)
                    .allow(suspended, withdrawn)
                    .build();

    private static final Map<ParticipationStatus, String> EVENT_TYPE_ON_ENTERING = Map.of(
            active, EventTypes.ORGANIZATION_REACTIVATED,
            suspended, EventTypes.ORGANIZATION_SUSPENDED,
            withdrawn, EventTypes.ORGANIZATION_WITHDRAWN);

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "season_id", nullable = false)
    public UUID seasonId;

    @Column(name = "identity_organization_id", nullable = false)
    public UUID identityOrganizationId;

    @Column(name = "display_name_snapshot", nullable = false)
    public String displayNameSnapshot;

    @Enumerated(EnumType.STRING)
    @Column(name = "participation_status", nullable = false)
    public ParticipationStatus participationStatus;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "season_scope", nullable = false, columnDefinition = "jsonb")
    public JsonNode seasonScope;

    @Column(name = "snapshot_taken_at", nullable = false)
    public Instant snapshotTakenAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static CompetitionOrganization joining(Season season, OrganizationRequests.Create request) {
        PersonalDataGuard.refuseIn("displayNameSnapshot", request.displayNameSnapshot(), Strictness.FREE_TEXT_OR_POLICY);
        PersonalDataGuard.refuseIn("seasonScope", request.seasonScope(), Strictness.FREE_TEXT_OR_POLICY);
        season.requireChangeable();
        CompetitionOrganization organization = new CompetitionOrganization();
        organization.seasonId = season.id;
        organization.identityOrganizationId = request.identityOrganizationId();
        organization.displayNameSnapshot = request.displayNameSnapshot().strip();
        organization.participationStatus = active;
        organization.seasonScope = JsonObjects.objectOrEmpty("seasonScope", request.seasonScope());
        organization.createdAt = Timestamps.now();
        organization.snapshotTakenAt = organization.createdAt;
        organization.updatedAt = organization.createdAt;
        return organization;
    }

    DomainChange joined() {
        return DomainChange.of(EventTypes.ORGANIZATION_JOINED, EntityTypes.ORGANIZATION, id, seasonId, null, view(), null);
    }

    /**
     * Applies the given fields; returns the change, or null when nothing changed. A name that differs from the
     * snapshot is a new snapshot, taken now; the same name again changes nothing.
     */
    DomainChange update(Season season, OrganizationRequests.Update patch) {
        PersonalDataGuard.refuseIn("displayNameSnapshot", patch.displayNameSnapshot(), Strictness.FREE_TEXT_OR_POLICY);
        PersonalDataGuard.refuseIn("seasonScope", patch.seasonScope(), Strictness.FREE_TEXT_OR_POLICY);
        season.requireChangeable();
        requireNotFinal("changed");
        OrganizationView before = view();
        Instant now = Timestamps.now();
        if (patch.displayNameSnapshot() != null && !patch.displayNameSnapshot().strip().equals(displayNameSnapshot)) {
            displayNameSnapshot = patch.displayNameSnapshot().strip();
            snapshotTakenAt = now;
        }
        if (patch.seasonScope() != null) {
            seasonScope = JsonObjects.objectOrEmpty("seasonScope", patch.seasonScope());
        }
        if (Objects.equals(before, view())) {
            return null;
        }
        updatedAt = now;
        return DomainChange.of(EventTypes.ORGANIZATION_UPDATED, EntityTypes.ORGANIZATION, id, seasonId, before, view(), null);
    }

    /** Suspending and withdrawing need a reason; reactivating does not. */
    DomainChange moveTo(Season season, ParticipationStatus target, String reason) {
        PersonalDataGuard.refuseIn("reason", reason, Strictness.FREE_TEXT_OR_POLICY);
        season.requireChangeable();
        if (target != active && (reason == null || reason.isBlank())) {
            String verb = target == suspended ? "suspend" : "withdraw";
            throw ProblemException.invalidField("reason", "required-to-" + verb, verb + "ing an organisation needs a reason");
        }
        OrganizationView before = view();
        participationStatus = LIFECYCLE.require(participationStatus, target);
        updatedAt = Timestamps.now();
        return DomainChange.of(EVENT_TYPE_ON_ENTERING.get(target), EntityTypes.ORGANIZATION, id, seasonId, before, view(), reason);
    }

    /** A withdrawn organisation is history for the season: it takes no changes and no new roles. */
    void requireNotFinal(String refusedAction) {
        if (LIFECYCLE.isFinal(participationStatus)) {
            throw ProblemException.lockedIn(EntityTypes.ORGANIZATION, participationStatus, refusedAction);
        }
    }

    public OrganizationView view() {
        return new OrganizationView(id, seasonId, identityOrganizationId, displayNameSnapshot, participationStatus,
                seasonScope, snapshotTakenAt, createdAt, updatedAt);
    }
}
