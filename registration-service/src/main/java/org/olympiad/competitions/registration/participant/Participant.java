package org.olympiad.competitions.registration.participant;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.JsonObjects;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;

import java.time.Instant;
import java.util.UUID;

/**
 * A child taking part in one season ({@code competition_participants}): the season's own record of the person,
 * linked to identity, the student profile and the organisation's student by refs only. Personal data beyond the
 * display name and grade stays in identity (seed rule 10).
 */
@Entity
@Table(name = "competition_participants")
public class Participant extends PanacheEntityBase {

    /** {@code duplicate_status}: not yet checked, checked and unique, suspected twin on hold, or merged into another. */
    public static final String NOT_CHECKED = "not_checked";
    public static final String UNIQUE = "unique";
    public static final String SUSPECTED = "suspected";
    public static final String MERGED = "merged";

    /** Assigned when the row is made (not by Hibernate at persist): its events name it before it is stored. */
    @Id
    public UUID id;

    @Column(name = "season_id", nullable = false)
    public UUID seasonId;

    @Column(name = "student_profile_id")
    public UUID studentProfileId;

    @Column(name = "organization_student_id")
    public UUID organizationStudentId;

    @Column(name = "identity_organization_id")
    public UUID identityOrganizationId;

    @Column(name = "organization_membership_id")
    public UUID organizationMembershipId;

    @JdbcTypeCode(SqlTypes.JSON)
    @org.hibernate.annotations.Mutability(org.olympiad.competitions.platform.persistence.JsonNodeMutability.class)
    @Column(name = "organization_student_snapshot", nullable = false, columnDefinition = "jsonb")
    public JsonNode organizationStudentSnapshot;

    @Column(name = "identity_user_id")
    public UUID identityUserId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    public String grade;

    @Column(name = "child_mode_required", nullable = false)
    public boolean childModeRequired;

    @JdbcTypeCode(SqlTypes.JSON)
    @org.hibernate.annotations.Mutability(org.olympiad.competitions.platform.persistence.JsonNodeMutability.class)
    @Column(name = "official_data_ref", columnDefinition = "jsonb")
    public JsonNode officialDataRef;

    @Column(name = "identity_status", nullable = false)
    public String identityStatus;

    @Column(name = "duplicate_status", nullable = false)
    public String duplicateStatus;

    @Column(name = "created_by_user_id")
    public UUID createdByUserId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A new participant of a season; its refs are checked for twins before it is stored. */
    public static Participant of(UUID seasonId, ParticipantDetails details, UUID createdBy) {
        Participant p = new Participant();
        p.id = UUID.randomUUID();
        p.seasonId = seasonId;
        p.displayName = details.displayName().strip().replaceAll("\\s+", " ");
        p.grade = details.grade();
        p.identityUserId = details.identityUserId();
        p.studentProfileId = details.studentProfileId();
        p.organizationStudentId = details.organizationStudentId();
        p.identityOrganizationId = details.identityOrganizationId();
        p.organizationMembershipId = details.organizationMembershipId();
        p.organizationStudentSnapshot = JsonObjects.objectOrEmpty("participant.organizationStudentSnapshot",
                details.organizationStudentSnapshot());
        p.childModeRequired = details.childModeRequired() != null && details.childModeRequired();
        p.identityStatus = p.identityUserId == null ? "unlinked" : "linked";
        p.duplicateStatus = NOT_CHECKED;
        p.createdByUserId = createdBy;
        p.createdAt = Timestamps.now();
        p.updatedAt = p.createdAt;
        return p;
    }

    public DomainChange created() {
        return DomainChange.of(EventTypes.PARTICIPANT_CREATED, EntityTypes.PARTICIPANT, id, seasonId, null, view(), null);
    }

    /**
     * The name as duplicates are compared: case, ё/е and extra spaces do not make two children different.
     */
    public static String nameKey(String displayName) {
        return displayName == null ? "" : displayName.strip().toLowerCase(java.util.Locale.ROOT)
                .replace('ё', 'е').replaceAll("\\s+", " ");
    }

    /** Likely the same child: the same name (as {@link #nameKey} compares it), grade and organisation. */
    public boolean likelySameChildAs(ParticipantDetails details) {
        return nameKey(displayName).equals(nameKey(details.displayName()))
                && java.util.Objects.equals(grade == null ? null : grade.strip(), details.grade() == null ? null : details.grade().strip())
                && java.util.Objects.equals(identityOrganizationId, details.identityOrganizationId());
    }

    /** This participant is the same child as {@code survivor}: it becomes merged, and its registrations move. */
    public DomainChange mergeInto(Participant survivor, String reason) {
        ParticipantView before = view();
        duplicateStatus = MERGED;
        updatedAt = Timestamps.now();
        return DomainChange.of(EventTypes.PARTICIPANT_MERGED, EntityTypes.PARTICIPANT, id, seasonId, before, view(),
                reason == null ? "merged into participant " + survivor.id : reason);
    }

    /** An organiser decided a suspected twin is a different child. */
    public DomainChange releaseAsUnique(String reason) {
        ParticipantView before = view();
        duplicateStatus = UNIQUE;
        updatedAt = Timestamps.now();
        return DomainChange.of(EventTypes.PARTICIPANT_UPDATED, EntityTypes.PARTICIPANT, id, seasonId, before, view(), reason);
    }

    /** The participant is the person behind this identity user (a student, or an adult taking part). */
    public boolean isIdentity(UUID userId) {
        return userId != null && userId.equals(identityUserId);
    }

    public ParticipantView view() {
        return new ParticipantView(id, seasonId, identityUserId, studentProfileId, organizationStudentId,
                identityOrganizationId, organizationMembershipId, organizationStudentSnapshot, displayName, grade,
                childModeRequired, officialDataRef, identityStatus, duplicateStatus, createdByUserId, createdAt, updatedAt);
    }
}
