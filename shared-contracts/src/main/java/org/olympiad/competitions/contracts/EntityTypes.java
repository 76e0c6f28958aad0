package org.olympiad.competitions.contracts;

/** {@code entityType} values: the seed table that holds the entity. */
public final class EntityTypes {
    public static final String EVENT = "competition_events";
    public static final String SEASON = "competition_seasons";
    public static final String TOUR = "competition_tours";
    public static final String GRADE_CATEGORY = "competition_grade_categories";
    public static final String TRACK = "competition_tracks";
    public static final String PARTICIPANT = "competition_participants";
    public static final String REGISTRATION = "competition_registrations";
    public static final String SEASON_PARTICIPATION = "competition_season_participations";
    public static final String TOUR_PARTICIPATION = "competition_tour_participations";

    private EntityTypes() {
    }

    public static final String ORGANIZATION = "competition_organizations";
    public static final String ORGANIZATION_ROLE = "competition_organization_roles";

    public static final String ACCESS_CLAIM = "competition_access_claims";
    public static final String EXTERNAL_TEACHER_PROFILE = "external_teacher_profiles";
    public static final String EXTERNAL_TEACHER_STUDENT_LINK = "external_teacher_student_links";

    public static final String GROUP = "competition_groups";
    public static final String GROUP_MEMBER = "competition_group_members";
    public static final String GROUP_HELPER = "competition_group_helpers";

    // venue-service
    public static final String VENUE_APPLICATION = "competition_venue_applications";
    public static final String VENUE = "competition_venues";
    public static final String TEACHER_CONDUCT_APPLICATION = "competition_teacher_conduct_applications";
    public static final String VENUE_CAPACITY_CHANGE = "competition_venue_capacity_changes";
    public static final String VENUE_ASSIGNMENT = "competition_venue_assignments";
    public static final String PHOTO_REPORT = "competition_photo_reports";

    // attempt-service
    public static final String TOUR_ACTIVITY_BINDING = "competition_tour_activity_bindings";
    public static final String TOUR_TASK_STRUCTURE = "competition_tour_task_structures";
    public static final String TOUR_TASK_ITEM = "competition_tour_task_items";
    public static final String TRAINING_PUBLICATION = "competition_training_publications";
    public static final String SUBMISSION = "competition_submissions";
    public static final String SUBMISSION_FILE = "competition_submission_files";
    public static final String ANSWER_ITEM = "competition_answer_items";
    public static final String CHECK = "competition_checks";
    public static final String SCORE = "competition_scores";

    // results-service
    public static final String AWARD_POLICY = "competition_award_policies";
    public static final String RESULT = "competition_results";
    public static final String RANKING = "competition_rankings";
    public static final String APPEAL = "competition_appeals";
    public static final String ARBITRATION_CASE = "competition_arbitration_cases";
    public static final String PUBLICATION = "competition_publications";

    // documents-service
    public static final String AWARD_DOCUMENT = "competition_award_documents";
    public static final String DOCUMENT_GENERATION_JOB = "competition_document_generation_jobs";
    public static final String TEACHER_MATERIAL = "competition_teacher_materials";
}
