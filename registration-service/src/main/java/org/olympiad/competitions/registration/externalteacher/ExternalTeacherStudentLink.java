package org.olympiad.competitions.registration.externalteacher;

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
import org.olympiad.competitions.registration.participant.Participant;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.olympiad.competitions.registration.externalteacher.RelationStatus.*;

/**
 * An external teacher's link to one participant ({@code external_teacher_student_links}), one per teacher and
 * participant: the teacher asks, the participant's side (or an organiser) confirms. An active link from a verified
 * profile is what lets the teacher see the participant's records ({@link ExternalTeachers#linkedTo}).
 */
@Entity
@Table(name = "external_teacher_student_links")
public class ExternalTeacherStudentLink extends PanacheEntityBase {

    /** pending → active | rejected; active → revoked. Rejected and revoked are final. */
    public static final StateMachine<RelationStatus> LIFECYCLE =
            StateMachine.of(EntityTypes.EXTERNAL_TEACHER_STUDENT_LINK, RelationStatus.class)
                    .allow(pending, active)
                    .allow(pending, rejected)
                    .allow(active, revoked)
                    .build();

    /** Decisions only the participant's side or an organiser makes; the teacher cannot confirm their own request. */
    static final Set<RelationStatus> CONFIRMATIONS = EnumSet.of(active, rejected);

    private static final Map<RelationStatus, String> EVENT_TYPE_ON_ENTERING = Map.of(
            active, EventTypes.EXTERNAL_TEACHER_LINK_ACTIVATED,
            rejected, EventTypes.EXTERNAL_TEACHER_LINK_REJECTED,
            revoked, EventTypes.EXTERNAL_TEACHER_LINK_REVOKED);

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "external_teacher_profile_id", nullable = false)
    public UUID externalTeacherProfileId;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Enumerated(EnumType.STRING)
    @Column(name = "relation_status", nullable = false)
    public RelationStatus relationStatus;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode evidence;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /**
     * A pending link of a verified profile to a participant of one of the profile's allowed seasons; the evidence
     * is refs, never raw personal data.
     */
    static ExternalTeacherStudentLink requested(ExternalTeacherProfile profile, Participant participant, JsonNode evidence) {
        PersonalDataGuard.refuseIn("evidence", evidence, Strictness.REF_OR_SNAPSHOT);
        JsonNode checkedEvidence = JsonObjects.objectOrEmpty("evidence", evidence);
        profile.requireVerified("linked to students");
        if (!profile.allowsSeason(participant.seasonId)) {
            throw ProblemException.invalidField("participantId", "season-allowed",
                    "participant " + participant.id + " takes part in season " + participant.seasonId
                            + ", which is not among the teacher's allowed seasons");
        }
        ExternalTeacherStudentLink link = new ExternalTeacherStudentLink();
        link.externalTeacherProfileId = profile.id;
        link.participantId = participant.id;
        link.relationStatus = pending;
        link.evidence = checkedEvidence;
        link.createdAt = Timestamps.now();
        return link;
    }

    DomainChange created(UUID seasonId) {
        return DomainChange.of(EventTypes.EXTERNAL_TEACHER_LINK_REQUESTED, EntityTypes.EXTERNAL_TEACHER_STUDENT_LINK,
                id, seasonId, null, view(), null);
    }

    /**
     * Confirms, rejects or revokes the link; activating needs the profile still verified. {@code seasonId} is the
     * participant's season, for the envelope.
     */
    DomainChange moveTo(RelationStatus target, String reason, ExternalTeacherProfile profile, UUID seasonId) {
        PersonalDataGuard.refuseIn("reason", reason, Strictness.FREE_TEXT_OR_POLICY);
        ExternalTeacherLinkView before = view();
        RelationStatus next = LIFECYCLE.require(relationStatus, target);
        if (next == active) {
            profile.requireVerified("linked to students");
        }
        relationStatus = next;
        if (next == revoked) {
            revokedAt = Timestamps.now();
        }
        return DomainChange.of(EVENT_TYPE_ON_ENTERING.get(target), EntityTypes.EXTERNAL_TEACHER_STUDENT_LINK, id,
                seasonId, before, view(), reason == null || reason.isBlank() ? null : reason.strip());
    }

    public ExternalTeacherLinkView view() {
        return new ExternalTeacherLinkView(id, externalTeacherProfileId, participantId, relationStatus, evidence,
                createdAt, revokedAt);
    }
}
