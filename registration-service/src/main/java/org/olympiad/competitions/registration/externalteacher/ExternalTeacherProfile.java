package org.olympiad.competitions.registration.externalteacher;

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
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.personaldata.PersonalDataGuard;
import org.olympiad.competitions.platform.personaldata.Strictness;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.state.StateMachine;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.olympiad.competitions.registration.externalteacher.VerificationStatus.*;

/**
 * A teacher from outside the olympiad's organisations ({@code external_teacher_profiles}), one per identity user:
 * declared by the teacher (or created by an admin) and verified by an admin before it may be linked to students.
 */
@Entity
@Table(name = "external_teacher_profiles")
public class ExternalTeacherProfile extends PanacheEntityBase {

    /**
     * pending → verified | rejected; verified → revoked. Rejected and revoked are final: a rejected profile does
     * not go back to pending (the unique identity user keeps it the user's one profile).
     */
    public static final StateMachine<VerificationStatus> LIFECYCLE =
            StateMachine.of(EntityTypes.EXTERNAL_TEACHER_PROFILE, VerificationStatus.class)
                    .allow(pending, verified)
                    .allow(pending, rejected)
                    .allow(verified, revoked)
                    .build();

    private static final Map<VerificationStatus, String> EVENT_TYPE_ON_ENTERING = Map.of(
            verified, EventTypes.EXTERNAL_TEACHER_VERIFIED,
            rejected, EventTypes.EXTERNAL_TEACHER_REJECTED,
            revoked, EventTypes.EXTERNAL_TEACHER_REVOKED);

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "identity_user_id", nullable = false)
    public UUID identityUserId;

    @Column(name = "display_name_snapshot", nullable = false)
    public String displayNameSnapshot;

    @Column(name = "organization_name")
    public String organizationName;

    @Enumerated(EnumType.STRING)
    @Column(name = "verification_status", nullable = false)
    public VerificationStatus verificationStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "verification_source", nullable = false)
    public VerificationSource verificationSource;

    /** A jsonb array in the row; see {@link SeasonRefsJson} for why it travels as text. */
    @Convert(converter = SeasonRefsJson.class)
    @ColumnTransformer(read = "allowed_season_refs::text", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "allowed_season_refs", nullable = false)
    public List<UUID> allowedSeasonRefs;

    @Column(name = "verified_by_user_id")
    public UUID verifiedByUserId;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A new profile of {@code identityUserId}, pending verification. */
    static ExternalTeacherProfile declared(UUID identityUserId, VerificationSource source,
                                           ExternalTeacherRequests.Create request) {
        PersonalDataGuard.refuseIn("displayNameSnapshot", request.displayNameSnapshot(), Strictness.REF_OR_SNAPSHOT);
        PersonalDataGuard.refuseIn("organizationName", request.organizationName(), Strictness.FREE_TEXT_OR_POLICY);
        ExternalTeacherProfile profile = new ExternalTeacherProfile();
        profile.identityUserId = identityUserId;
        profile.displayNameSnapshot = request.displayNameSnapshot().strip().replaceAll("\\s+", " ");
        profile.organizationName = request.organizationName() == null || request.organizationName().isBlank()
                ? null : request.organizationName().strip();
        profile.verificationStatus = pending;
        profile.verificationSource = source;
        profile.allowedSeasonRefs = request.allowedSeasonRefs() == null
                ? List.of() : List.copyOf(new LinkedHashSet<>(request.allowedSeasonRefs()));
        profile.createdAt = Timestamps.now();
        profile.updatedAt = profile.createdAt;
        return profile;
    }

    DomainChange created() {
        return DomainChange.of(EventTypes.EXTERNAL_TEACHER_DECLARED, EntityTypes.EXTERNAL_TEACHER_PROFILE, id, null,
                null, view(), null);
    }

    /** A verification decision: verifying records who and when, revoking when; the reason travels in the event. */
    DomainChange moveTo(VerificationStatus target, String reason, UUID actor) {
        PersonalDataGuard.refuseIn("reason", reason, Strictness.FREE_TEXT_OR_POLICY);
        ExternalTeacherView before = view();
        verificationStatus = LIFECYCLE.require(verificationStatus, target);
        Instant now = Timestamps.now();
        if (target == verified) {
            verifiedByUserId = actor;
            verifiedAt = now;
        } else if (target == revoked) {
            revokedAt = now;
        }
        updatedAt = now;
        return DomainChange.of(EVENT_TYPE_ON_ENTERING.get(target), EntityTypes.EXTERNAL_TEACHER_PROFILE, id, null,
                before, view(), reason == null || reason.isBlank() ? null : reason.strip());
    }

    /** Only a verified profile takes (or activates) links to students; otherwise a 409 naming its state. */
    void requireVerified(String refusedAction) {
        if (verificationStatus != verified) {
            throw ProblemException.lockedIn(EntityTypes.EXTERNAL_TEACHER_PROFILE, verificationStatus, refusedAction);
        }
    }

    /** An empty list of allowed seasons restricts nothing; otherwise the season must be in it. */
    boolean allowsSeason(UUID seasonId) {
        return allowedSeasonRefs.isEmpty() || allowedSeasonRefs.contains(seasonId);
    }

    boolean isOwnedBy(UUID userId) {
        return userId != null && userId.equals(identityUserId);
    }

    public ExternalTeacherView view() {
        return new ExternalTeacherView(id, identityUserId, displayNameSnapshot, organizationName, verificationStatus,
                verificationSource, allowedSeasonRefs, verifiedByUserId, verifiedAt, revokedAt, createdAt, updatedAt);
    }
}
