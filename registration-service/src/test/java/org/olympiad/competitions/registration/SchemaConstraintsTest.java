package org.olympiad.competitions.registration;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registration-service schema (Liquibase changelog 001-registration-schema.sql, copied from the seed) is checked
 * against a real PostgreSQL: every test writes its own rows with random ids and slugs, so tests depend neither on
 * an empty database nor on each other, and each refused insert must fail with the SQLSTATE of the rule it breaks.
 */
@QuarkusTest
class SchemaConstraintsTest {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CHECK_VIOLATION = "23514";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String INVALID_TEXT_REPRESENTATION = "22P02";

    @Inject
    AgroalDataSource dataSource;

    // ---- the tables ---------------------------------------------------------------------------------------------

    @Test
    void the_database_holds_exactly_the_seed_tables_registration_service_owns() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select table_name from information_schema.tables "
                             + "where table_schema = 'public' and table_type = 'BASE TABLE'");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertThat(tables).containsExactlyInAnyOrder(
                "competition_events",
                "competition_seasons",
                "competition_tours",
                "competition_grade_categories",
                "competition_tracks",
                "competition_participants",
                "competition_registrations",
                "competition_season_participations",
                "competition_tour_participations",
                "competition_access_claims",
                "external_teacher_profiles",
                "external_teacher_student_links",
                "competition_organizations",
                "competition_organization_roles",
                "competition_groups",
                "competition_group_members",
                "competition_group_helpers",
                "outbox_events",
                "inbox_processed_events",
                "databasechangelog",
                "databasechangeloglock");
    }

    // ---- events, seasons, tours, grade categories ---------------------------------------------------------------

    @Test
    void a_season_with_an_unknown_status_is_refused() throws SQLException {
        UUID event = newEvent();

        assertFailsWith(INVALID_TEXT_REPRESENTATION, () -> insert(
                "insert into competition_seasons (event_id, title, status) "
                        + "values (?, 'Season', cast(? as competition_season_status))",
                event, "half_open"));
    }

    @Test
    void a_season_of_a_missing_event_is_refused() {
        assertFailsWith(FOREIGN_KEY_VIOLATION, () -> insert(
                "insert into competition_seasons (event_id, title) values (?, 'Season')", UUID.randomUUID()));
    }

    @Test
    void an_event_slug_is_taken_only_once() throws SQLException {
        String slug = "olympiad-" + UUID.randomUUID();
        insert("insert into competition_events (slug, title, type) values (?, 'Olympiad', 'olympiad')", slug);

        assertFailsWith(UNIQUE_VIOLATION, () -> insert(
                "insert into competition_events (slug, title, type) values (?, 'Another', 'contest')", slug));
    }

    @Test
    void two_tours_at_the_same_position_in_a_season_are_refused() throws SQLException {
        UUID season = newSeason();
        newTour(season, 1);

        assertFailsWith(UNIQUE_VIOLATION, () -> newTour(season, 1));
    }

    @Test
    void the_same_tour_position_is_free_in_another_season() throws SQLException {
        newTour(newSeason(), 1);

        assertThat(newTour(newSeason(), 1)).isNotNull();
    }

    @Test
    void a_tour_with_an_unknown_format_is_refused() throws SQLException {
        UUID season = newSeason();

        assertFailsWith(CHECK_VIOLATION, () -> insert(
                "insert into competition_tours (season_id, title, position, format) values (?, 'Tour', 1, 'oral')",
                season));
    }

    @Test
    void two_grade_categories_with_the_same_key_in_a_season_are_refused() throws SQLException {
        UUID season = newSeason();
        insert("insert into competition_grade_categories (season_id, key, title) values (?, 'grade_5_6', '5-6')",
                season);

        assertFailsWith(UNIQUE_VIOLATION, () -> insert(
                "insert into competition_grade_categories (season_id, key, title) values (?, 'grade_5_6', 'again')",
                season));
    }

    // ---- participants --------------------------------------------------------------------------------------------

    @Test
    void a_second_participant_for_the_same_identity_user_in_a_season_is_refused() throws SQLException {
        UUID season = newSeason();
        UUID user = UUID.randomUUID();
        newParticipantOfUser(season, user, "not_checked");

        assertFailsWith(UNIQUE_VIOLATION, () -> newParticipantOfUser(season, user, "not_checked"));
    }

    @Test
    void a_participant_for_the_same_identity_user_is_allowed_again_once_the_first_is_merged() throws SQLException {
        UUID season = newSeason();
        UUID user = UUID.randomUUID();
        newParticipantOfUser(season, user, "merged");

        assertThat(newParticipantOfUser(season, user, "not_checked")).isNotNull();
    }

    @Test
    void the_same_identity_user_may_take_part_in_two_seasons() throws SQLException {
        UUID user = UUID.randomUUID();
        newParticipantOfUser(newSeason(), user, "not_checked");

        assertThat(newParticipantOfUser(newSeason(), user, "not_checked")).isNotNull();
    }

    @Test
    void participants_without_an_identity_user_are_not_unique_by_it() throws SQLException {
        UUID season = newSeason();
        newParticipantOfUser(season, null, "not_checked");

        assertThat(newParticipantOfUser(season, null, "not_checked")).isNotNull();
    }

    @Test
    void a_second_participant_for_the_same_student_profile_in_a_season_is_refused() throws SQLException {
        UUID season = newSeason();
        UUID profile = UUID.randomUUID();
        String sql = "insert into competition_participants (season_id, student_profile_id, display_name, duplicate_status) "
                + "values (?, ?, 'Student', ?) returning id";
        insert(sql, season, profile, "not_checked");

        assertFailsWith(UNIQUE_VIOLATION, () -> insert(sql, season, profile, "not_checked"));
    }

    @Test
    void a_participant_for_the_same_student_profile_is_allowed_again_once_the_first_is_merged() throws SQLException {
        UUID season = newSeason();
        UUID profile = UUID.randomUUID();
        String sql = "insert into competition_participants (season_id, student_profile_id, display_name, duplicate_status) "
                + "values (?, ?, 'Student', ?) returning id";
        insert(sql, season, profile, "merged");

        assertThat(insert(sql, season, profile, "not_checked")).isNotNull();
    }

    @Test
    void a_second_participant_for_the_same_organization_student_in_a_season_is_refused() throws SQLException {
        UUID season = newSeason();
        UUID organizationStudent = UUID.randomUUID();
        String sql = "insert into competition_participants "
                + "(season_id, organization_student_id, identity_organization_id, display_name, duplicate_status) "
                + "values (?, ?, ?, 'Student', ?) returning id";
        insert(sql, season, organizationStudent, UUID.randomUUID(), "not_checked");

        assertFailsWith(UNIQUE_VIOLATION,
                () -> insert(sql, season, organizationStudent, UUID.randomUUID(), "not_checked"));
    }

    @Test
    void a_participant_for_the_same_organization_student_is_allowed_again_once_the_first_is_merged()
            throws SQLException {
        UUID season = newSeason();
        UUID organizationStudent = UUID.randomUUID();
        String sql = "insert into competition_participants "
                + "(season_id, organization_student_id, identity_organization_id, display_name, duplicate_status) "
                + "values (?, ?, ?, 'Student', ?) returning id";
        insert(sql, season, organizationStudent, UUID.randomUUID(), "merged");

        assertThat(insert(sql, season, organizationStudent, UUID.randomUUID(), "not_checked")).isNotNull();
    }

    @Test
    void an_organization_student_without_an_identity_organization_is_refused() throws SQLException {
        UUID season = newSeason();

        assertFailsWith(CHECK_VIOLATION, () -> insert(
                "insert into competition_participants (season_id, organization_student_id, display_name) "
                        + "values (?, ?, 'Student')",
                season, UUID.randomUUID()));
    }

    // ---- registrations -------------------------------------------------------------------------------------------

    @Test
    void a_registration_with_a_package_status_but_no_package_required_is_refused() throws SQLException {
        UUID season = newSeason();
        UUID participant = newParticipantOfUser(season, UUID.randomUUID(), "not_checked");

        assertFailsWith(CHECK_VIOLATION, () -> insert(
                "insert into competition_registrations "
                        + "(season_id, participant_id, source, official_data_package_required, official_data_package_status) "
                        + "values (?, ?, 'self', false, cast(? as competition_official_data_package_status))",
                season, participant, "not_filled"));
    }

    @Test
    void a_registration_that_requires_the_package_may_be_in_any_package_status() throws SQLException {
        UUID season = newSeason();
        UUID participant = newParticipantOfUser(season, UUID.randomUUID(), "not_checked");

        for (String status : List.of("not_required", "not_filled", "needs_verification", "confirmed")) {
            assertThat(insert("insert into competition_registrations "
                            + "(season_id, participant_id, source, official_data_package_required, official_data_package_status) "
                            + "values (?, ?, 'teacher', true, cast(? as competition_official_data_package_status)) returning id",
                    season, participant, status)).isNotNull();
        }
    }

    @Test
    void a_registration_by_default_is_a_draft_pre_registration_without_the_package() throws SQLException {
        UUID season = newSeason();
        UUID registration = insert(
                "insert into competition_registrations (season_id, source) values (?, 'parent') returning id", season);

        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select status::text, stage, official_data_package_required, official_data_package_status::text "
                             + "from competition_registrations where id = ?")) {
            select.setObject(1, registration);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("draft");
                assertThat(rs.getString(2)).isEqualTo("pre_registration");
                assertThat(rs.getBoolean(3)).isFalse();
                assertThat(rs.getString(4)).isEqualTo("not_required");
            }
        }
    }

    @Test
    void a_registration_at_an_unknown_stage_is_refused() throws SQLException {
        UUID season = newSeason();

        assertFailsWith(CHECK_VIOLATION, () -> insert(
                "insert into competition_registrations (season_id, source, stage) values (?, 'self', 'half_done')",
                season));
    }

    @Test
    void a_registration_from_an_unknown_source_is_refused() throws SQLException {
        UUID season = newSeason();

        assertFailsWith(CHECK_VIOLATION, () -> insert(
                "insert into competition_registrations (season_id, source) values (?, 'neighbour')", season));
    }

    @Test
    void a_registration_with_an_unknown_status_is_refused() throws SQLException {
        UUID season = newSeason();

        assertFailsWith(INVALID_TEXT_REPRESENTATION, () -> insert(
                "insert into competition_registrations (season_id, source, status) "
                        + "values (?, 'self', cast(? as competition_registration_status))",
                season, "accepted"));
    }

    @Test
    void a_registration_of_a_missing_participant_is_refused() throws SQLException {
        UUID season = newSeason();

        assertFailsWith(FOREIGN_KEY_VIOLATION, () -> insert(
                "insert into competition_registrations (season_id, participant_id, source) values (?, ?, 'self')",
                season, UUID.randomUUID()));
    }

    // ---- participations ------------------------------------------------------------------------------------------

    @Test
    void a_participant_takes_part_in_a_season_only_once() throws SQLException {
        UUID season = newSeason();
        UUID participant = newParticipantOfUser(season, UUID.randomUUID(), "not_checked");
        String sql = "insert into competition_season_participations (season_id, participant_id) values (?, ?) returning id";
        insert(sql, season, participant);

        assertFailsWith(UNIQUE_VIOLATION, () -> insert(sql, season, participant));
    }

    @Test
    void a_tour_participation_with_an_unknown_delivery_mode_is_refused_and_its_venue_is_a_plain_reference()
            throws SQLException {
        UUID season = newSeason();
        UUID tour = newTour(season, 1);
        UUID participant = newParticipantOfUser(season, UUID.randomUUID(), "not_checked");
        UUID seasonParticipation = insert(
                "insert into competition_season_participations (season_id, participant_id) values (?, ?) returning id",
                season, participant);
        String sql = "insert into competition_tour_participations (tour_id, season_participation_id, delivery_mode, venue_id) "
                + "values (?, ?, ?, ?) returning id";

        assertFailsWith(CHECK_VIOLATION, () -> insert(sql, tour, seasonParticipation, "by_pigeon", null));
        // venue_id points into venue-service's database: any uuid is accepted here
        assertThat(insert(sql, tour, seasonParticipation, "venue", UUID.randomUUID())).isNotNull();
    }

    // ---- access claims -------------------------------------------------------------------------------------------

    @Test
    void an_access_claim_of_an_unknown_type_is_refused() throws SQLException {
        UUID participant = newParticipantOfUser(newSeason(), UUID.randomUUID(), "not_checked");

        assertFailsWith(CHECK_VIOLATION, () -> insert(
                "insert into competition_access_claims (participant_id, requester_user_id, claim_type, status) "
                        + "values (?, ?, 'grandparent', 'requested')",
                participant, UUID.randomUUID()));
    }

    @Test
    void an_access_claim_in_an_unknown_status_is_refused() throws SQLException {
        UUID participant = newParticipantOfUser(newSeason(), UUID.randomUUID(), "not_checked");

        assertFailsWith(CHECK_VIOLATION, () -> insert(
                "insert into competition_access_claims (participant_id, requester_user_id, claim_type, status) "
                        + "values (?, ?, 'parent', 'granted')",
                participant, UUID.randomUUID()));
    }

    // ---- external teachers ---------------------------------------------------------------------------------------

    @Test
    void an_identity_user_has_one_external_teacher_profile_and_links_a_student_once() throws SQLException {
        UUID user = UUID.randomUUID();
        String profileSql = "insert into external_teacher_profiles "
                + "(identity_user_id, display_name_snapshot, verification_status, verification_source) "
                + "values (?, 'Teacher', 'pending', 'self_declaration') returning id";
        UUID profile = insert(profileSql, user);
        assertFailsWith(UNIQUE_VIOLATION, () -> insert(profileSql, user));

        UUID participant = newParticipantOfUser(newSeason(), UUID.randomUUID(), "not_checked");
        String linkSql = "insert into external_teacher_student_links (external_teacher_profile_id, participant_id, relation_status) "
                + "values (?, ?, ?) returning id";
        assertFailsWith(CHECK_VIOLATION, () -> insert(linkSql, profile, participant, "friendly"));
        insert(linkSql, profile, participant, "pending");
        assertFailsWith(UNIQUE_VIOLATION, () -> insert(linkSql, profile, participant, "active"));
    }

    // ---- organizations and groups --------------------------------------------------------------------------------

    @Test
    void a_group_of_a_missing_competition_organization_is_refused() throws SQLException {
        UUID season = newSeason();

        assertFailsWith(FOREIGN_KEY_VIOLATION, () -> newGroup(season, UUID.randomUUID()));
    }

    @Test
    void a_group_of_a_known_competition_organization_or_of_none_is_accepted() throws SQLException {
        UUID season = newSeason();
        UUID organization = newOrganization(season);

        assertThat(newGroup(season, organization)).isNotNull();
        assertThat(newGroup(season, null)).isNotNull();
    }

    @Test
    void an_organization_role_outside_the_seed_list_is_refused() throws SQLException {
        UUID organization = newOrganization(newSeason());

        assertFailsWith(CHECK_VIOLATION, () -> insert(
                "insert into competition_organization_roles (competition_organization_id, role) values (?, 'sponsor')",
                organization));
    }

    @Test
    void a_group_helper_with_an_unknown_role_is_refused() throws SQLException {
        UUID group = newGroup(newSeason(), null);

        assertFailsWith(CHECK_VIOLATION, () -> newHelper(group, UUID.randomUUID(), "grader"));
    }

    @Test
    void the_same_helper_role_granted_twice_on_a_group_is_refused() throws SQLException {
        UUID group = newGroup(newSeason(), null);
        UUID helper = UUID.randomUUID();
        newHelper(group, helper, "answers_entry");

        assertFailsWith(UNIQUE_VIOLATION, () -> newHelper(group, helper, "answers_entry"));
        // another role for the same helper on the same group is a separate grant
        assertThat(newHelper(group, helper, "file_upload")).isNotNull();
    }

    @Test
    void a_participant_is_a_member_of_a_group_once_and_deleting_the_group_removes_members_and_helpers()
            throws SQLException {
        UUID season = newSeason();
        UUID group = newGroup(season, null);
        UUID participant = newParticipantOfUser(season, UUID.randomUUID(), "not_checked");
        String memberSql = "insert into competition_group_members (group_id, participant_id, status) "
                + "values (?, ?, 'active') returning id";
        insert(memberSql, group, participant);
        assertFailsWith(UNIQUE_VIOLATION, () -> insert(memberSql, group, participant));
        newHelper(group, UUID.randomUUID(), "roster_view");

        update("delete from competition_groups where id = ?", group);

        assertThat(count("select count(*) from competition_group_members where group_id = ?", group)).isZero();
        assertThat(count("select count(*) from competition_group_helpers where group_id = ?", group)).isZero();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private UUID newEvent() throws SQLException {
        return insert("insert into competition_events (slug, title, type) values (?, 'Olympiad', 'olympiad') returning id",
                "olympiad-" + UUID.randomUUID());
    }

    private UUID newSeason() throws SQLException {
        return insert("insert into competition_seasons (event_id, title) values (?, 'Season') returning id", newEvent());
    }

    private UUID newTour(UUID season, int position) throws SQLException {
        return insert("insert into competition_tours (season_id, title, position, format) "
                + "values (?, 'Tour', ?, 'test') returning id", season, position);
    }

    private UUID newParticipantOfUser(UUID season, UUID identityUser, String duplicateStatus) throws SQLException {
        return insert("insert into competition_participants (season_id, identity_user_id, display_name, duplicate_status) "
                + "values (?, ?, 'Participant', ?) returning id", season, identityUser, duplicateStatus);
    }

    private UUID newOrganization(UUID season) throws SQLException {
        return insert("insert into competition_organizations (season_id, identity_organization_id, display_name_snapshot) "
                + "values (?, ?, 'School') returning id", season, UUID.randomUUID());
    }

    private UUID newGroup(UUID season, UUID competitionOrganization) throws SQLException {
        return insert("insert into competition_groups "
                        + "(season_id, competition_organization_id, learning_workspace_id, learning_group_id, title_snapshot, status) "
                        + "values (?, ?, ?, ?, 'Group', 'active') returning id",
                season, competitionOrganization, UUID.randomUUID(), UUID.randomUUID());
    }

    private UUID newHelper(UUID group, UUID helperUser, String role) throws SQLException {
        return insert("insert into competition_group_helpers (group_id, helper_user_id, role, granted_by_user_id, status) "
                + "values (?, ?, ?, ?, 'active') returning id", group, helperUser, role, UUID.randomUUID());
    }

    /** Runs an insert in its own auto-committed statement; returns the id it returned, if it returns one. */
    private UUID insert(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            if (!statement.execute()) {
                return null;
            }
            try (ResultSet rs = statement.getResultSet()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static void assertFailsWith(String sqlState, ThrowingCallable statement) {
        assertThatThrownBy(statement)
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(sqlState));
    }
}
