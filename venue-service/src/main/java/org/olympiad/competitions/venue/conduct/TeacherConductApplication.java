package org.olympiad.competitions.venue.conduct;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.contracts.EventTypes;
import org.olympiad.competitions.platform.api.JsonObjects;
import org.olympiad.competitions.platform.api.JsonArrayColumn;
import org.olympiad.competitions.platform.api.Timestamps;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.personaldata.PersonalDataGuard;
import org.olympiad.competitions.platform.personaldata.Strictness;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.state.StateMachine;
import org.olympiad.competitions.venue.application.VenueFields;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.olympiad.competitions.venue.conduct.ConductStatus.*;
import static org.olympiad.competitions.venue.application.VenueFields.text;

/** A teacher's application to conduct a tour at their school ({@code competition_teacher_conduct_applications}). */
@Entity
@Table(name = "competition_teacher_conduct_applications")
public class TeacherConductApplication extends PanacheEntityBase {

    /**
     * draft → submitted → approved | needs_changes | rejected; needs_changes → submitted; approved → completed once
     * the tour was conducted. Cancelled from draft, submitted, needs_changes or approved; rejected, cancelled and
     * completed are final.
     */
    public static final StateMachine<ConductStatus> LIFECYCLE =
            StateMachine.of(EntityTypes.TEACHER_CONDUCT_APPLICATION, ConductStatus.class)
                    .path(draft, submitted, approved, completed)
                    .allow(submitted, needs_changes)
                    .allow(needs_changes, submitted)
                    .allow(submitted, rejected)
                    .fromAllExcept(cancelled, EnumSet.of(rejected, completed))
                    .build();

    private static final Map<ConductStatus, String> EVENT_TYPE_ON_ENTERING = Map.of(
            submitted, EventTypes.TEACHER_CONDUCT_APPLICATION_SUBMITTED,
            approved, EventTypes.TEACHER_CONDUCT_APPLICATION_APPROVED,
            needs_changes, EventTypes.TEACHER_CONDUCT_APPLICATION_CHANGES_REQUESTED,
            rejected, EventTypes.TEACHER_CONDUCT_APPLICATION_REJECTED,
            cancelled, EventTypes.TEACHER_CONDUCT_APPLICATION_CANCELLED,
            completed, EventTypes.TEACHER_CONDUCT_APPLICATION_COMPLETED);

    /** Moves only an organiser may make: the review. */
    static final EnumSet<ConductStatus> REVIEW_MOVES = EnumSet.of(approved, needs_changes, rejected);

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "season_id", nullable = false)
    public UUID seasonId;

    @Column(name = "tour_id", nullable = false)
    public UUID tourId;

    @Column(name = "identity_organization_id", nullable = false)
    public UUID identityOrganizationId;

    @Column(name = "competition_organization_id")
    public UUID competitionOrganizationId;

    @Column(name = "submitted_by_user_id", nullable = false)
    public UUID submittedByUserId;

    @Column(name = "location_text")
    public String locationText;

    @Column(name = "expected_participant_count")
    public Integer expectedParticipantCount;

    @Column(name = "planned_date_from")
    public LocalDate plannedDateFrom;

    @Column(name = "planned_date_to")
    public LocalDate plannedDateTo;

    @Convert(converter = JsonArrayColumn.class)
    @ColumnTransformer(read = "grade_categories::text", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "grade_categories", nullable = false)
    public JsonNode gradeCategories;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_mode", nullable = false)
    public ConductDeliveryMode deliveryMode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "contact_snapshot", nullable = false, columnDefinition = "jsonb")
    public JsonNode contactSnapshot;

    @Column(name = "photo_report_required", nullable = false)
    public boolean photoReportRequired;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConductStatus status;

    @Column(name = "admin_comment")
    public String adminComment;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "reviewed_by_user_id")
    public UUID reviewedByUserId;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static TeacherConductApplication draft(UUID seasonId, UUID tourId, ConductRequests.Create request, UUID teacher) {
        TeacherConductApplication a = new TeacherConductApplication();
        a.seasonId = seasonId;
        a.tourId = tourId;
        a.identityOrganizationId = request.identityOrganizationId();
        a.competitionOrganizationId = request.competitionOrganizationId();
        a.submittedByUserId = teacher;
        a.locationText = text("locationText", request.locationText());
        a.expectedParticipantCount = request.expectedParticipantCount();
        a.plannedDateFrom = request.plannedDateFrom();
        a.plannedDateTo = request.plannedDateTo();
        a.gradeCategories = VenueFields.idArray(request.gradeCategories());
        a.deliveryMode = request.deliveryMode();
        a.contactSnapshot = contactOf(request.contactSnapshot());
        a.photoReportRequired = true;
        a.status = draft;
        a.requireOrderedDates();
        a.createdAt = Timestamps.now();
        a.updatedAt = a.createdAt;
        return a;
    }

    DomainChange created() {
        return DomainChange.of(EventTypes.TEACHER_CONDUCT_APPLICATION_CREATED, EntityTypes.TEACHER_CONDUCT_APPLICATION, id,
                seasonId, null, view(), null);
    }

    /** Applies the given fields; the teacher's while draft or needs_changes, the organiser's until it is final. */
    DomainChange update(ConductRequests.Update patch, boolean organiser) {
        if (!organiser && patch.photoReportRequired() != null) {
            throw ProblemException.invalidField("photoReportRequired", "organisers-only",
                    "whether a photo report is required is the organisers' decision");
        }
        if (!organiser && patch.adminComment() != null) {
            throw ProblemException.invalidField("adminComment", "organisers-only", "adminComment is written by organisers only");
        }
        if (LIFECYCLE.isFinal(status) || !organiser && status != draft && status != needs_changes) {
            throw ProblemException.lockedIn(EntityTypes.TEACHER_CONDUCT_APPLICATION, status, "changed");
        }
        ConductApplicationView before = view();
        if (patch.locationText() != null) {
            locationText = text("locationText", patch.locationText());
        }
        if (patch.expectedParticipantCount() != null) {
            expectedParticipantCount = patch.expectedParticipantCount();
        }
        if (patch.plannedDateFrom() != null) {
            plannedDateFrom = patch.plannedDateFrom();
        }
        if (patch.plannedDateTo() != null) {
            plannedDateTo = patch.plannedDateTo();
        }
        if (patch.gradeCategories() != null) {
            gradeCategories = VenueFields.idArray(patch.gradeCategories());
        }
        if (patch.deliveryMode() != null) {
            deliveryMode = patch.deliveryMode();
        }
        if (patch.contactSnapshot() != null) {
            contactSnapshot = contactOf(patch.contactSnapshot());
        }
        if (patch.photoReportRequired() != null) {
            photoReportRequired = patch.photoReportRequired();
        }
        if (patch.adminComment() != null) {
            adminComment = text("adminComment", patch.adminComment());
        }
        requireOrderedDates();
        if (Objects.equals(before, view())) {
            return null;
        }
        updatedAt = Timestamps.now();
        return DomainChange.of(EventTypes.TEACHER_CONDUCT_APPLICATION_UPDATED, EntityTypes.TEACHER_CONDUCT_APPLICATION, id,
                seasonId, before, view(), null);
    }

    /**
     * Moves along {@link #LIFECYCLE}. Submitting needs the planned dates and the expected participants; asking for
     * changes and rejecting need a comment; completing an application that requires a photo report needs a
     * confirmed one ({@code confirmedReports}).
     */
    DomainChange moveTo(ConductStatus target, String comment, UUID actor, long confirmedReports) {
        ConductApplicationView before = view();
        LIFECYCLE.require(status, target);
        if (target == submitted) {
            if (plannedDateFrom == null || plannedDateTo == null) {
                throw ProblemException.invalidField(plannedDateFrom == null ? "plannedDateFrom" : "plannedDateTo",
                        "required-to-submit", "an application needs its planned dates before it is submitted");
            }
            if (expectedParticipantCount == null) {
                throw ProblemException.invalidField("expectedParticipantCount", "required-to-submit",
                        "an application needs the expected number of participants before it is submitted");
            }
            submittedAt = Timestamps.now();
        }
        if ((target == needs_changes || target == rejected) && (comment == null || comment.isBlank())) {
            throw ProblemException.invalidField("comment", "required-to-" + (target == rejected ? "reject" : "request-changes"),
                    "a comment is needed to move a conduct application to " + target);
        }
        if (target == completed && photoReportRequired && confirmedReports == 0) {
            throw ProblemException.conflict("photoReportRequired", "confirmed-photo-report-required",
                    "this tour needs a confirmed photo report before the application is completed");
        }
        if (REVIEW_MOVES.contains(target)) {
            reviewedByUserId = actor;
            reviewedAt = Timestamps.now();
            if (comment != null) {
                adminComment = text("comment", comment);
            }
        }
        status = target;
        updatedAt = Timestamps.now();
        return DomainChange.of(EVENT_TYPE_ON_ENTERING.get(target), EntityTypes.TEACHER_CONDUCT_APPLICATION, id, seasonId,
                before, view(), comment);
    }

    boolean isTeacher(UUID user) {
        return user != null && user.equals(submittedByUserId);
    }

    List<UUID> gradeCategoryIds() {
        return VenueFields.ids(gradeCategories);
    }

    private void requireOrderedDates() {
        if (plannedDateFrom != null && plannedDateTo != null && plannedDateTo.isBefore(plannedDateFrom)) {
            throw ProblemException.invalidField("plannedDateTo", "not-before-plannedDateFrom",
                    "plannedDateTo must not be before plannedDateFrom");
        }
    }

    public ConductApplicationView view() {
        return new ConductApplicationView(id, seasonId, tourId, identityOrganizationId, competitionOrganizationId,
                submittedByUserId, locationText, expectedParticipantCount, plannedDateFrom, plannedDateTo, gradeCategories,
                deliveryMode, contactSnapshot, photoReportRequired, status, adminComment, submittedAt, reviewedByUserId,
                reviewedAt, createdAt, updatedAt);
    }

    /** The teacher's contact as a snapshot of refs: a raw e-mail, phone, SNILS or date is refused. */
    private static JsonNode contactOf(JsonNode value) {
        JsonNode json = JsonObjects.objectOrEmpty("contactSnapshot", value);
        PersonalDataGuard.refuseIn("contactSnapshot", json, Strictness.REF_OR_SNAPSHOT);
        return json;
    }
}
