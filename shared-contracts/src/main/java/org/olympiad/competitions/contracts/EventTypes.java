package org.olympiad.competitions.contracts;

/**
 * Event type names: {@code <entity>.<past-tense verb>}. A state change names the state reached, so a consumer
 * can react to {@code tour.opened} without diffing snapshots.
 */
public final class EventTypes {

    public static final String EVENT_CREATED = "event.created";
    public static final String EVENT_UPDATED = "event.updated";
    public static final String EVENT_ACTIVATED = "event.activated";
    public static final String EVENT_ARCHIVED = "event.archived";

    public static final String SEASON_CREATED = "season.created";
    public static final String SEASON_UPDATED = "season.updated";
    public static final String SEASON_REGISTRATION_OPENED = "season.registration_opened";
    public static final String SEASON_STARTED = "season.started";
    public static final String SEASON_CHECKING_STARTED = "season.checking_started";
    public static final String SEASON_RESULTS_REVIEW_STARTED = "season.results_review_started";
    public static final String SEASON_PUBLISHED = "season.published";
    public static final String SEASON_ARCHIVED = "season.archived";
    public static final String SEASON_CANCELLED = "season.cancelled";

    public static final String TOUR_CREATED = "tour.created";
    public static final String TOUR_UPDATED = "tour.updated";
    public static final String TOUR_SCHEDULED = "tour.scheduled";
    public static final String TOUR_OPENED = "tour.opened";
    public static final String TOUR_CLOSED = "tour.closed";
    public static final String TOUR_CHECKING_STARTED = "tour.checking_started";
    public static final String TOUR_RESULTS_READY = "tour.results_ready";
    public static final String TOUR_PUBLISHED = "tour.published";
    public static final String TOUR_ARCHIVED = "tour.archived";
    public static final String TOUR_CANCELLED = "tour.cancelled";

    public static final String GRADE_CATEGORY_CREATED = "grade_category.created";
    public static final String GRADE_CATEGORY_UPDATED = "grade_category.updated";
    public static final String GRADE_CATEGORY_DELETED = "grade_category.deleted";

    public static final String TRACK_CREATED = "track.created";
    public static final String TRACK_UPDATED = "track.updated";
    public static final String TRACK_DELETED = "track.deleted";

    private EventTypes() {
    }

    public static final String PARTICIPANT_CREATED = "participant.created";
    public static final String PARTICIPANT_UPDATED = "participant.updated";
    public static final String PARTICIPANT_MERGED = "participant.merged";

    public static final String REGISTRATION_CREATED = "registration.created";
    public static final String REGISTRATION_UPDATED = "registration.updated";
    public static final String REGISTRATION_PRE_SUBMITTED = "registration.pre_submitted";
    public static final String REGISTRATION_SUBMITTED = "registration.submitted";
    public static final String REGISTRATION_COMPLETION_REQUESTED = "registration.completion_requested";
    public static final String REGISTRATION_REVIEW_STARTED = "registration.review_started";
    public static final String REGISTRATION_APPROVED = "registration.approved";
    public static final String REGISTRATION_REJECTED = "registration.rejected";
    public static final String REGISTRATION_CANCELLED = "registration.cancelled";
    public static final String REGISTRATION_HELD_AS_DUPLICATE = "registration.held_as_duplicate";
    /** The official data package (ГИР) moved; {@code after.official_data_package_status} says where. */
    public static final String REGISTRATION_OFFICIAL_DATA_PACKAGE_CHANGED = "registration.official_data_package_changed";

    public static final String SEASON_PARTICIPATION_CREATED = "season_participation.created";
    public static final String SEASON_PARTICIPATION_STATUS_CHANGED = "season_participation.status_changed";
    public static final String TOUR_PARTICIPATION_ADMITTED = "tour_participation.admitted";
    public static final String TOUR_PARTICIPATION_ACTIVATED = "tour_participation.activated";
    public static final String TOUR_PARTICIPATION_COMPLETED = "tour_participation.completed";
    public static final String TOUR_PARTICIPATION_WITHDRAWN = "tour_participation.withdrawn";
    public static final String TOUR_PARTICIPATION_DISQUALIFIED = "tour_participation.disqualified";

    /**
     * results-service: an arbitration case ended in a sanction. {@code after} carries {@code participant_id} and
     * {@code tour_participation_id}; registration-service disqualifies that tour participation.
     */
    public static final String ARBITRATION_CASE_SANCTIONED = "arbitration_case.sanctioned";

    public static final String ORGANIZATION_JOINED = "organization.joined";
    public static final String ORGANIZATION_UPDATED = "organization.updated";
    public static final String ORGANIZATION_SUSPENDED = "organization.suspended";
    public static final String ORGANIZATION_REACTIVATED = "organization.reactivated";
    public static final String ORGANIZATION_WITHDRAWN = "organization.withdrawn";

    public static final String ORGANIZATION_ROLE_GRANTED = "organization_role.granted";
    public static final String ORGANIZATION_ROLE_REVOKED = "organization_role.revoked";

    public static final String ACCESS_CLAIM_REQUESTED = "access_claim.requested";
    public static final String ACCESS_CLAIM_APPROVED = "access_claim.approved";
    public static final String ACCESS_CLAIM_REJECTED = "access_claim.rejected";
    public static final String ACCESS_CLAIM_CANCELLED = "access_claim.cancelled";

    public static final String EXTERNAL_TEACHER_DECLARED = "external_teacher.declared";
    public static final String EXTERNAL_TEACHER_VERIFIED = "external_teacher.verified";
    public static final String EXTERNAL_TEACHER_REJECTED = "external_teacher.rejected";
    public static final String EXTERNAL_TEACHER_REVOKED = "external_teacher.revoked";

    public static final String EXTERNAL_TEACHER_LINK_REQUESTED = "external_teacher_link.requested";
    public static final String EXTERNAL_TEACHER_LINK_ACTIVATED = "external_teacher_link.activated";
    public static final String EXTERNAL_TEACHER_LINK_REJECTED = "external_teacher_link.rejected";
    public static final String EXTERNAL_TEACHER_LINK_REVOKED = "external_teacher_link.revoked";

    public static final String GROUP_CREATED = "group.created";
    public static final String GROUP_SNAPSHOT_TAKEN = "group.snapshot_taken";
    public static final String GROUP_ARCHIVED = "group.archived";

    public static final String GROUP_MEMBER_ADDED = "group_member.added";
    public static final String GROUP_MEMBER_REMOVED = "group_member.removed";
    /** The member's participant was merged into another: the row now names the surviving participant. */
    public static final String GROUP_MEMBER_REASSIGNED = "group_member.reassigned";

    public static final String GROUP_HELPER_GRANTED = "group_helper.granted";
    public static final String GROUP_HELPER_REVOKED = "group_helper.revoked";

    // ==== Events that cross a service boundary (the contract between the services) ==========================
    // `after` is always the full row of the entity's seed table, snake_case; extra fields are named below.

    // attempt-service -> results-service
    public static final String SUBMISSION_STARTED = "submission.started";
    public static final String SUBMISSION_SUBMITTED = "submission.submitted";
    public static final String SUBMISSION_LOCKED = "submission.locked";
    /** A submission voided by an organiser with a reason; its scores no longer count. */
    public static final String SUBMISSION_VOIDED = "submission.voided";
    /** A first score of a (submission, task item): the competition_scores row. */
    public static final String SCORE_RECORDED = "score.recorded";
    /** A new current score version replaced the previous one (is_current flipped); {@code reason} says why. */
    public static final String SCORE_RECALCULATED = "score.recalculated";
    public static final String SCORE_VOIDED = "score.voided";

    // results-service -> attempt-service, documents-service, registration-service
    /**
     * An appeal was accepted: the competition_appeals row ({@code submission_id}, {@code participant_id},
     * {@code decision_comment}). attempt-service writes a new score version for that submission; when the appeal
     * carries {@code requested_scores} (a list of {@code {tour_task_item_id, score}}), those are the new scores.
     */
    public static final String APPEAL_ACCEPTED = "appeal.accepted";
    /**
     * A result became visible by a publication. {@code after} = the competition_results row plus
     * {@code publication_id}, {@code grade_category_id} and {@code award_title}. documents-service makes the
     * document the award earns.
     */
    public static final String RESULT_PUBLISHED = "result.published";
    /** A result voided with a reason (arbitration, correction): its document is revoked. */
    public static final String RESULT_VOIDED = "result.voided";
    /**
     * A published result changed (appeal, new score): {@code after} as for {@link #RESULT_PUBLISHED}. Its old
     * document is revoked and a new one issued.
     */
    public static final String RESULT_REVISED = "result.revised";
    /**
     * A publication went out. {@code after} = the competition_publications row plus {@code published_result_count}
     * (how many {@link #RESULT_PUBLISHED} events carry this publication's id).
     */
    public static final String PUBLICATION_PUBLISHED = "publication.published";

    // venue-service -> results-service
    /**
     * An organiser found a photo report wanting: the competition_photo_reports row; results of that group /
     * venue for the tour are withheld.
     */
    public static final String PHOTO_REPORT_UNCONFIRMED = "photo_report.unconfirmed";
    public static final String PHOTO_REPORT_CONFIRMED = "photo_report.confirmed";

    // ==== venue-service (its own events; add here) ==========================================================

    public static final String VENUE_APPLICATION_CREATED = "venue_application.created";
    public static final String VENUE_APPLICATION_UPDATED = "venue_application.updated";
    public static final String VENUE_APPLICATION_SUBMITTED = "venue_application.submitted";
    public static final String VENUE_APPLICATION_CHANGES_REQUESTED = "venue_application.changes_requested";
    public static final String VENUE_APPLICATION_APPROVED = "venue_application.approved";
    public static final String VENUE_APPLICATION_REJECTED = "venue_application.rejected";
    public static final String VENUE_APPLICATION_CANCELLED = "venue_application.cancelled";

    /** An approved venue application became a venue (status {@code approved}). */
    public static final String VENUE_CREATED = "venue.created";
    public static final String VENUE_UPDATED = "venue.updated";
    public static final String VENUE_ACTIVATED = "venue.activated";
    public static final String VENUE_REGISTRATION_OPENED = "venue.registration_opened";
    public static final String VENUE_CLOSED_FOR_SELECTION = "venue.closed_for_selection";
    public static final String VENUE_STARTED = "venue.started";
    public static final String VENUE_SUSPENDED = "venue.suspended";
    public static final String VENUE_CANCELLED = "venue.cancelled";
    public static final String VENUE_ARCHIVED = "venue.archived";
    public static final String VENUE_REJECTED = "venue.rejected";
    /** The venue's capacity changed by an applied capacity change. */
    public static final String VENUE_CAPACITY_CHANGED = "venue.capacity_changed";

    public static final String VENUE_CAPACITY_CHANGE_APPLIED = "venue_capacity_change.applied";
    /** A capacity below the current assignments: recorded, the capacity stays until participants are moved. */
    public static final String VENUE_CAPACITY_CHANGE_REQUIRES_ADMIN_PROCESS = "venue_capacity_change.requires_admin_process";
    /** An organiser turned down a capacity change that required the admin process; the capacity stays. */
    public static final String VENUE_CAPACITY_CHANGE_REJECTED = "venue_capacity_change.rejected";

    /** A seat taken: the competition_venue_assignments row plus {@code venue_current_assignment_count}. */
    public static final String VENUE_ASSIGNMENT_ASSIGNED = "venue_assignment.assigned";
    public static final String VENUE_ASSIGNMENT_CONFIRMED = "venue_assignment.confirmed";
    /** The old seat of a transfer, released; the new one is its own {@link #VENUE_ASSIGNMENT_ASSIGNED}. */
    public static final String VENUE_ASSIGNMENT_TRANSFERRED = "venue_assignment.transferred";
    public static final String VENUE_ASSIGNMENT_CANCELLED = "venue_assignment.cancelled";
    public static final String VENUE_ASSIGNMENT_ATTENDED = "venue_assignment.attended";
    public static final String VENUE_ASSIGNMENT_NO_SHOW = "venue_assignment.no_show";

    public static final String TEACHER_CONDUCT_APPLICATION_CREATED = "teacher_conduct_application.created";
    public static final String TEACHER_CONDUCT_APPLICATION_UPDATED = "teacher_conduct_application.updated";
    public static final String TEACHER_CONDUCT_APPLICATION_SUBMITTED = "teacher_conduct_application.submitted";
    public static final String TEACHER_CONDUCT_APPLICATION_APPROVED = "teacher_conduct_application.approved";
    public static final String TEACHER_CONDUCT_APPLICATION_CHANGES_REQUESTED = "teacher_conduct_application.changes_requested";
    public static final String TEACHER_CONDUCT_APPLICATION_REJECTED = "teacher_conduct_application.rejected";
    public static final String TEACHER_CONDUCT_APPLICATION_CANCELLED = "teacher_conduct_application.cancelled";
    public static final String TEACHER_CONDUCT_APPLICATION_COMPLETED = "teacher_conduct_application.completed";

    public static final String PHOTO_REPORT_SUBMITTED = "photo_report.submitted";


    // ==== attempt-service (its own events; add here) ========================================================
    public static final String ACTIVITY_BINDING_CREATED = "activity_binding.created";
    public static final String ACTIVITY_BINDING_SENT_TO_REVIEW = "activity_binding.sent_to_review";
    public static final String ACTIVITY_BINDING_RETURNED_TO_DRAFT = "activity_binding.returned_to_draft";
    public static final String ACTIVITY_BINDING_LOCKED = "activity_binding.locked";
    public static final String ACTIVITY_BINDING_PUBLISHED = "activity_binding.published";
    public static final String ACTIVITY_BINDING_ARCHIVED = "activity_binding.archived";
    public static final String TASK_STRUCTURE_CREATED = "task_structure.created";
    public static final String TASK_STRUCTURE_LOCKED = "task_structure.locked";
    public static final String TASK_ITEM_CREATED = "task_item.created";
    public static final String TASK_ITEM_UPDATED = "task_item.updated";
    /** An answer key corrected after the lock, with a reason; every affected submission is rechecked. */
    public static final String TASK_ITEM_KEY_CORRECTED = "task_item.key_corrected";
    public static final String ANSWER_ITEM_SAVED = "answer_item.saved";
    public static final String SUBMISSION_FILE_UPLOADED = "submission_file.uploaded";
    public static final String SUBMISSION_CHECKING_STARTED = "submission.checking_started";
    public static final String SUBMISSION_CHECKED = "submission.checked";
    /** A checker took a work from the queue: the competition_checks row, pending. */
    public static final String CHECK_TAKEN = "check.taken";
    public static final String CHECK_COMPLETED = "check.completed";
    /** Two checks of a work disagree beyond the tolerance: a senior decides. */
    public static final String CHECK_NEEDS_REVIEW = "check.needs_review";
    public static final String CHECK_OVERRIDDEN = "check.overridden";
    public static final String TRAINING_PUBLICATION_CREATED = "training_publication.created";
    public static final String TRAINING_PUBLICATION_SCHEDULED = "training_publication.scheduled";
    public static final String TRAINING_PUBLICATION_PUBLISHED = "training_publication.published";
    public static final String TRAINING_PUBLICATION_PAUSED = "training_publication.paused";
    public static final String TRAINING_PUBLICATION_ARCHIVED = "training_publication.archived";


    // ==== results-service (its own events; add here) ========================================================
    public static final String AWARD_POLICY_CREATED = "award_policy.created";
    public static final String AWARD_POLICY_UPDATED = "award_policy.updated";
    /** A calculation gave a participant a first result in a scope (tour or season). */
    public static final String RESULT_CALCULATED = "result.calculated";
    /** A recalculation before finalization changed a result's score, rank, award, thresholds or status. */
    public static final String RESULT_RECALCULATED = "result.recalculated";
    public static final String RESULT_REVIEW_STARTED = "result.review_started";
    public static final String RESULT_RETURNED_TO_CALCULATED = "result.returned_to_calculated";
    public static final String RESULT_FINALIZED = "result.finalized";
    /** Held back from every publication (an open arbitration case, an unconfirmed photo report); reason says why. */
    public static final String RESULT_WITHHELD = "result.withheld";
    public static final String RESULT_RELEASED = "result.released";
    /** A publication was hidden or archived: the result is no longer shown. */
    public static final String RESULT_UNPUBLISHED = "result.unpublished";
    /** One per scope and track: {@code after} = season_id, tour_id, track_id, participants, calculated_at. */
    public static final String RANKING_CALCULATED = "ranking.calculated";
    public static final String APPEAL_SUBMITTED = "appeal.submitted";
    public static final String APPEAL_REVIEW_STARTED = "appeal.review_started";
    public static final String APPEAL_REJECTED = "appeal.rejected";
    public static final String APPEAL_CANCELLED = "appeal.cancelled";
    public static final String ARBITRATION_CASE_OPENED = "arbitration_case.opened";
    public static final String ARBITRATION_CASE_REVIEW_STARTED = "arbitration_case.review_started";
    public static final String ARBITRATION_CASE_CLEARED = "arbitration_case.cleared";
    public static final String ARBITRATION_CASE_CLOSED = "arbitration_case.closed";
    public static final String PUBLICATION_CREATED = "publication.created";
    public static final String PUBLICATION_UPDATED = "publication.updated";
    public static final String PUBLICATION_SCHEDULED = "publication.scheduled";
    public static final String PUBLICATION_HIDDEN = "publication.hidden";
    public static final String PUBLICATION_ARCHIVED = "publication.archived";


    // ==== documents-service (its own events; add here) ======================================================
    /** A document a result (or a request for a gratitude letter) earns, waiting for its PDF: status pending. */
    public static final String AWARD_DOCUMENT_CREATED = "award_document.created";
    /** Its PDF is stored and its verification code is live. */
    public static final String AWARD_DOCUMENT_GENERATED = "award_document.generated";
    /** Its PDF could not be made; {@code reason} says why. */
    public static final String AWARD_DOCUMENT_FAILED = "award_document.failed";
    /** Revoked (its result voided or revised); {@code reason} is shown on verification. */
    public static final String AWARD_DOCUMENT_REVOKED = "award_document.revoked";

    public static final String DOCUMENT_GENERATION_JOB_QUEUED = "document_generation_job.queued";
    public static final String DOCUMENT_GENERATION_JOB_STARTED = "document_generation_job.started";
    public static final String DOCUMENT_GENERATION_JOB_SUCCEEDED = "document_generation_job.succeeded";
    public static final String DOCUMENT_GENERATION_JOB_FAILED = "document_generation_job.failed";
    public static final String DOCUMENT_GENERATION_JOB_CANCELLED = "document_generation_job.cancelled";

    public static final String TEACHER_MATERIAL_CREATED = "teacher_material.created";
    public static final String TEACHER_MATERIAL_UPDATED = "teacher_material.updated";
    public static final String TEACHER_MATERIAL_PUBLISHED = "teacher_material.published";
    public static final String TEACHER_MATERIAL_ARCHIVED = "teacher_material.archived";
    /** A draft deleted by its author's organiser; published materials are archived, never deleted. */
    public static final String TEACHER_MATERIAL_DELETED = "teacher_material.deleted";

}
