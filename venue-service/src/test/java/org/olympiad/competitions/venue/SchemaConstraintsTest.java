package org.olympiad.competitions.venue;

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
 * The venue-service schema (Liquibase changelog 001-venue-schema.sql, copied from the seed) is checked against a real
 * PostgreSQL: every test writes its own rows with random ids, so tests depend neither on an empty database nor on
 * each other, and each refused insert must fail with the SQLSTATE of the rule it breaks. Seasons, tours,
 * organizations, groups, participants and tour participations live in registration-service's database, so here
 * they are random uuids.
 */
@QuarkusTest
class SchemaConstraintsTest {

    private static final String CHECK_VIOLATION = "23514";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    @Inject
    AgroalDataSource dataSource;

    // ---- the tables ---------------------------------------------------------------------------------------------

    @Test
    void the_database_holds_exactly_the_seed_tables_venue_service_owns_and_its_registration_projection() throws SQLException {
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
                "competition_venue_applications",
                "competition_venues",
                "competition_teacher_conduct_applications",
                "competition_venue_capacity_changes",
                "competition_venue_assignments",
                "competition_photo_reports",
                "venue_projection_seasons",
                "venue_projection_tours",
                "venue_projection_grade_categories",
                "venue_projection_organizations",
                "venue_projection_organization_roles",
                "venue_projection_participants",
                "venue_projection_season_participations",
                "venue_projection_tour_participations",
                "venue_projection_groups",
                "venue_projection_group_helpers",
                "outbox_events",
                "inbox_processed_events",
                "databasechangelog",
                "databasechangeloglock");
    }

    @Test
    void references_to_registration_service_rows_are_plain_uuids_without_foreign_keys() throws SQLException {
        // none of these seasons, organizations, tours, groups, participants or tour participations exist here
        UUID application = newVenueApplication("submitted");
        UUID venue = insert("insert into competition_venues (season_id, competition_organization_id, venue_application_id, "
                        + "title, status) values (?, ?, ?, 'School 1', 'active') returning id",
                UUID.randomUUID(), UUID.randomUUID(), application);
        UUID conduct = newTeacherConductApplication("teacher_led");

        assertThat(newAssignment(venue, UUID.randomUUID(), UUID.randomUUID())).isNotNull();
        assertThat(insert("insert into competition_photo_reports (tour_id, venue_id, competition_group_id, "
                        + "teacher_conduct_application_id, competition_organization_id, submitted_by_user_id, status) "
                        + "values (?, ?, ?, ?, ?, ?, 'submitted') returning id",
                UUID.randomUUID(), venue, UUID.randomUUID(), conduct, UUID.randomUUID(), UUID.randomUUID()))
                .isNotNull();
    }

    // ---- venue applications and venues ---------------------------------------------------------------------------

    @Test
    void a_venue_application_in_an_unknown_status_is_refused() {
        assertFailsWith(CHECK_VIOLATION, () -> newVenueApplication("pending"));
    }

    @Test
    void a_venue_with_an_unknown_public_visibility_is_refused() {
        assertFailsWith(CHECK_VIOLATION, () -> insert(
                "insert into competition_venues (season_id, title, status, public_visibility) "
                        + "values (?, 'School 1', 'active', 'everywhere')",
                UUID.randomUUID()));
    }

    @Test
    void a_venue_in_an_unknown_status_is_refused() {
        assertFailsWith(CHECK_VIOLATION, () -> insert(
                "insert into competition_venues (season_id, title, status) values (?, 'School 1', 'open')",
                UUID.randomUUID()));
    }

    @Test
    void a_venue_with_an_unknown_official_status_is_refused() {
        assertFailsWith(CHECK_VIOLATION, () -> insert(
                "insert into competition_venues (season_id, title, status, official_status) "
                        + "values (?, 'School 1', 'active', 'semi_official')",
                UUID.randomUUID()));
    }

    @Test
    void a_venue_of_a_missing_venue_application_is_refused() {
        assertFailsWith(FOREIGN_KEY_VIOLATION, () -> insert(
                "insert into competition_venues (season_id, venue_application_id, title, status) "
                        + "values (?, ?, 'School 1', 'active')",
                UUID.randomUUID(), UUID.randomUUID()));
    }

    @Test
    void a_new_venue_is_hidden_not_official_and_has_no_assignments() throws SQLException {
        UUID venue = newVenue();

        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select public_visibility, official_status, current_assignment_count "
                             + "from competition_venues where id = ?")) {
            select.setObject(1, venue);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("hidden");
                assertThat(rs.getString(2)).isEqualTo("not_official");
                assertThat(rs.getInt(3)).isZero();
            }
        }
    }

    // ---- teacher conduct applications ----------------------------------------------------------------------------

    @Test
    void a_teacher_conduct_application_with_an_unknown_delivery_mode_is_refused() {
        assertFailsWith(CHECK_VIOLATION, () -> newTeacherConductApplication("by_correspondence"));
    }

    @Test
    void a_teacher_conduct_application_in_an_unknown_status_is_refused() {
        assertFailsWith(CHECK_VIOLATION, () -> insert(
                "insert into competition_teacher_conduct_applications "
                        + "(season_id, tour_id, identity_organization_id, submitted_by_user_id, delivery_mode, status) "
                        + "values (?, ?, ?, ?, 'mixed', 'accepted')",
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
    }

    // ---- capacity changes ----------------------------------------------------------------------------------------

    @Test
    void a_capacity_change_below_the_assigned_count_cannot_be_applied() throws SQLException {
        UUID venue = newVenue();

        assertFailsWith(CHECK_VIOLATION, () -> newCapacityChange(venue, 30, 25, 28, "applied"));
    }

    @Test
    void a_capacity_change_below_the_assigned_count_is_accepted_when_it_requires_the_admin_process()
            throws SQLException {
        UUID venue = newVenue();

        assertThat(newCapacityChange(venue, 30, 25, 28, "requires_admin_process")).isNotNull();
    }

    @Test
    void a_capacity_change_below_the_assigned_count_can_be_stored_as_rejected() throws SQLException {
        // changeset 032 widens the seed's check: a rejected change never took effect, so it may lie below the count
        UUID venue = newVenue();
        assertThat(newCapacityChange(venue, 30, 25, 28, "rejected")).isNotNull();
    }

    @Test
    void a_capacity_change_down_to_exactly_the_assigned_count_can_be_applied() throws SQLException {
        UUID venue = newVenue();

        assertThat(newCapacityChange(venue, 30, 28, 28, "applied")).isNotNull();
    }

    @Test
    void a_capacity_change_in_an_unknown_status_is_refused() throws SQLException {
        UUID venue = newVenue();

        assertFailsWith(CHECK_VIOLATION, () -> newCapacityChange(venue, 30, 40, 10, "pending"));
    }

    @Test
    void a_capacity_change_of_a_missing_venue_is_refused() {
        assertFailsWith(FOREIGN_KEY_VIOLATION, () -> newCapacityChange(UUID.randomUUID(), 30, 40, 10, "applied"));
    }

    // ---- assignments ---------------------------------------------------------------------------------------------

    @Test
    void an_assignment_with_neither_a_tour_participation_nor_a_participant_is_refused() throws SQLException {
        UUID venue = newVenue();

        assertFailsWith(CHECK_VIOLATION, () -> newAssignment(venue, null, null));
    }

    @Test
    void an_assignment_with_only_a_tour_participation_or_only_a_participant_is_accepted() throws SQLException {
        UUID venue = newVenue();

        assertThat(newAssignment(venue, UUID.randomUUID(), null)).isNotNull();
        assertThat(newAssignment(venue, null, UUID.randomUUID())).isNotNull();
    }

    @Test
    void an_assignment_in_an_unknown_status_is_refused() throws SQLException {
        UUID venue = newVenue();

        assertFailsWith(CHECK_VIOLATION, () -> insert(
                "insert into competition_venue_assignments (venue_id, participant_id, status) values (?, ?, 'booked')",
                venue, UUID.randomUUID()));
    }

    @Test
    void an_assignment_to_a_missing_venue_is_refused() {
        assertFailsWith(FOREIGN_KEY_VIOLATION, () -> newAssignment(UUID.randomUUID(), null, UUID.randomUUID()));
    }

    // ---- photo reports -------------------------------------------------------------------------------------------

    @Test
    void a_photo_report_for_a_missing_venue_is_refused() {
        assertFailsWith(FOREIGN_KEY_VIOLATION, () -> insert(
                "insert into competition_photo_reports (tour_id, venue_id, submitted_by_user_id, status) "
                        + "values (?, ?, ?, 'submitted')",
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
    }

    @Test
    void a_photo_report_for_a_missing_teacher_conduct_application_is_refused() {
        assertFailsWith(FOREIGN_KEY_VIOLATION, () -> insert(
                "insert into competition_photo_reports (tour_id, teacher_conduct_application_id, submitted_by_user_id, status) "
                        + "values (?, ?, ?, 'submitted')",
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
    }

    @Test
    void a_photo_report_in_an_unknown_status_is_refused() throws SQLException {
        UUID venue = newVenue();

        assertFailsWith(CHECK_VIOLATION, () -> insert(
                "insert into competition_photo_reports (tour_id, venue_id, submitted_by_user_id, status) "
                        + "values (?, ?, ?, 'approved')",
                UUID.randomUUID(), venue, UUID.randomUUID()));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private UUID newVenueApplication(String status) throws SQLException {
        return insert("insert into competition_venue_applications (season_id, competition_organization_id, status, title) "
                + "values (?, ?, ?, 'School 1') returning id", UUID.randomUUID(), UUID.randomUUID(), status);
    }

    private UUID newVenue() throws SQLException {
        return insert("insert into competition_venues (season_id, title, status) values (?, 'School 1', 'active') returning id",
                UUID.randomUUID());
    }

    private UUID newTeacherConductApplication(String deliveryMode) throws SQLException {
        return insert("insert into competition_teacher_conduct_applications "
                        + "(season_id, tour_id, identity_organization_id, submitted_by_user_id, delivery_mode, status) "
                        + "values (?, ?, ?, ?, ?, 'submitted') returning id",
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), deliveryMode);
    }

    private UUID newCapacityChange(UUID venue, int oldCapacity, int newCapacity, int currentAssignmentCount,
                                   String status) throws SQLException {
        return insert("insert into competition_venue_capacity_changes "
                        + "(venue_id, old_capacity, new_capacity, current_assignment_count, status, actor_user_id) "
                        + "values (?, ?, ?, ?, ?, ?) returning id",
                venue, oldCapacity, newCapacity, currentAssignmentCount, status, UUID.randomUUID());
    }

    private UUID newAssignment(UUID venue, UUID tourParticipation, UUID participant) throws SQLException {
        return insert("insert into competition_venue_assignments (venue_id, tour_participation_id, participant_id) "
                + "values (?, ?, ?) returning id", venue, tourParticipation, participant);
    }

    /** Runs an insert in its own auto-committed statement; returns the id it returned, if it returns one. */
    private UUID insert(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            if (!statement.execute()) {
                return null;
            }
            try (ResultSet rs = statement.getResultSet()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }

    private static void assertFailsWith(String sqlState, ThrowingCallable statement) {
        assertThatThrownBy(statement)
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(sqlState));
    }
}
