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
}
