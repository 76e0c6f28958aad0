package org.olympiad.competitions.attempt;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

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
 * Proves that the constraints of attempt-service's Liquibase schema (copied from the seed) bite in PostgreSQL.
 * Every test makes its own rows with random ids, so it needs neither an empty database nor any other test.
 */
@QuarkusTest
class SchemaConstraintsTest {

    private static final String UNIQUE = "23505";
    private static final String CHECK = "23514";
    private static final String FOREIGN_KEY = "23503";
    private static final String BAD_ENUM_VALUE = "22P02";

    @Inject
    AgroalDataSource dataSource;

    // ---- tour activity bindings --------------------------------------------------------------------------------

    @Test
    void a_temporary_adapter_binding_without_an_activity_snapshot_is_refused() {
        assertRefused(CHECK, "competition_tour_activity_bindings_check", () -> insertBinding(
                "temporary_adapter", null, "{\"adapter\":\"v1\"}", null));
    }

    @Test
    void a_temporary_adapter_binding_without_an_adapter_ref_is_refused() {
        assertRefused(CHECK, "competition_tour_activity_bindings_check", () -> insertBinding(
                "temporary_adapter", null, null, "{\"snapshot\":\"s1\"}"));
    }

    @Test
    void an_lms_activity_binding_without_an_lms_activity_ref_is_refused() {
        assertRefused(CHECK, "competition_tour_activity_bindings_check", () -> insertBinding(
                "lms_activity", null, "{\"adapter\":\"v1\"}", "{\"snapshot\":\"s1\"}"));
    }

    @Test
    void an_lms_activity_binding_with_its_ref_and_a_temporary_adapter_binding_with_adapter_and_snapshot_are_accepted()
            throws SQLException {
        UUID lms = insertBinding("lms_activity", "{\"activity\":\"a1\"}", null, null);
        UUID adapter = insertBinding("temporary_adapter", null, "{\"adapter\":\"v1\"}", "{\"snapshot\":\"s1\"}");

        assertThat(queryString("select mode from competition_tour_activity_bindings where id = ?", lms))
                .isEqualTo("lms_activity");
        assertThat(queryString("select mode from competition_tour_activity_bindings where id = ?", adapter))
                .isEqualTo("temporary_adapter");
    }

    @Test
    void a_binding_with_an_unknown_mode_or_status_is_refused() {
        // an unknown mode breaks both the column check and the table's mode/ref check; PostgreSQL names either
        assertRefused(CHECK, null, () -> insertBinding(
                "spreadsheet", "{\"activity\":\"a1\"}", "{\"adapter\":\"v1\"}", "{\"snapshot\":\"s1\"}"));
        assertRefused(CHECK, "competition_tour_activity_bindings_status_check", () -> update(
                "insert into competition_tour_activity_bindings (season_id, tour_id, mode, lms_activity_ref, status) "
                        + "values (?, ?, 'lms_activity', '{}'::jsonb, 'frozen')", UUID.randomUUID(), UUID.randomUUID()));
    }

    @Test
    void a_binding_may_name_a_season_and_tour_this_database_does_not_hold_because_they_are_cross_service_refs()
            throws SQLException {
        UUID season = UUID.randomUUID();
        UUID tour = UUID.randomUUID();
        UUID binding = insert("insert into competition_tour_activity_bindings "
                        + "(season_id, tour_id, grade_category_id, track_id, mode, lms_activity_ref, status) "
                        + "values (?, ?, ?, ?, 'lms_activity', '{}'::jsonb, 'draft') returning id",
                season, tour, UUID.randomUUID(), UUID.randomUUID());

        assertThat(queryString("select tour_id::text from competition_tour_activity_bindings where id = ?", binding))
                .isEqualTo(tour.toString());
    }

    // ---- task structures and items -----------------------------------------------------------------------------

    @Test
    void a_task_structure_without_any_task_is_refused() throws SQLException {
        UUID binding = lmsBinding();

        assertRefused(CHECK, "competition_tour_task_structures_task_count_check", () -> update(
                "insert into competition_tour_task_structures (activity_binding_id, task_count, max_total_score) "
                        + "values (?, 0, 0)", binding));
        assertRefused(CHECK, "competition_tour_task_structures_task_count_check", () -> update(
                "insert into competition_tour_task_structures (activity_binding_id, task_count, max_total_score) "
                        + "values (?, -3, 0)", binding));
    }

    @Test
    void a_task_structure_with_tasks_is_accepted_once_per_binding_and_grade_category() throws SQLException {
        UUID binding = lmsBinding();
        UUID gradeCategory = UUID.randomUUID();
        insert("insert into competition_tour_task_structures (activity_binding_id, grade_category_id, task_count, "
                + "max_total_score) values (?, ?, 6, 42.50) returning id", binding, gradeCategory);

        assertRefused(UNIQUE, "competition_tour_task_structu_activity_binding_id_grade_cat_key", () -> update(
                "insert into competition_tour_task_structures (activity_binding_id, grade_category_id, task_count, "
                        + "max_total_score) values (?, ?, 5, 40)", binding, gradeCategory));
    }

    @Test
    void two_task_items_with_the_same_number_in_one_binding_are_refused() throws SQLException {
        UUID binding = lmsBinding();
        insertTaskItem(binding, 1);

        assertRefused(UNIQUE, "competition_tour_task_items_activity_binding_id_task_number_key",
                () -> insertTaskItem(binding, 1));
    }

    @Test
    void the_same_task_number_in_another_binding_is_accepted() throws SQLException {
        insertTaskItem(lmsBinding(), 1);
        UUID other = insertTaskItem(lmsBinding(), 1);

        assertThat(queryString("select task_number::text from competition_tour_task_items where id = ?", other))
                .isEqualTo("1");
    }

    @Test
    void deleting_a_binding_deletes_its_task_structures_and_items() throws SQLException {
        UUID binding = lmsBinding();
        UUID structure = insert("insert into competition_tour_task_structures (activity_binding_id, task_count, "
                + "max_total_score) values (?, 1, 10) returning id", binding);
        insert("insert into competition_tour_task_items (activity_binding_id, task_structure_id, task_number, max_score) "
                + "values (?, ?, 1, 10) returning id", binding, structure);

        update("delete from competition_tour_activity_bindings where id = ?", binding);

        assertThat(queryString("select count(*)::text from competition_tour_task_structures where activity_binding_id = ?",
                binding)).isEqualTo("0");
        assertThat(queryString("select count(*)::text from competition_tour_task_items where activity_binding_id = ?",
                binding)).isEqualTo("0");
    }

    @Test
    void a_training_publication_with_an_unknown_mode_or_visibility_is_refused() throws SQLException {
        UUID binding = lmsBinding();
        String sql = "insert into competition_training_publications (source_activity_binding_id, lms_ref, training_mode, "
                + "visibility, status) values (?, '{}'::jsonb, ?, ?, 'draft')";
        update(sql, binding, "practice", "public");

        assertRefused(CHECK, "competition_training_publications_training_mode_check",
                () -> update(sql, binding, "homework", "public"));
        assertRefused(CHECK, "competition_training_publications_visibility_check",
                () -> update(sql, binding, "practice", "everyone"));
    }

    // ---- submissions -------------------------------------------------------------------------------------------

    @Test
    void a_second_submission_for_the_same_tour_participation_is_refused() throws SQLException {
        UUID tourParticipation = UUID.randomUUID();
        insertSubmission(tourParticipation);

        assertRefused(UNIQUE, "competition_submissions_tour_participation_id_key",
                () -> insertSubmission(tourParticipation));
    }

    @Test
    void a_submission_with_an_unknown_status_value_is_refused() {
        assertRefused(BAD_ENUM_VALUE, null, () -> update(
                "insert into competition_submissions (tour_participation_id, status) "
                        + "values (?, ?::competition_submission_status)", UUID.randomUUID(), "abandoned"));
    }

    @Test
    void a_new_submission_is_not_started_and_takes_every_known_status() throws SQLException {
        UUID submission = insertSubmission(UUID.randomUUID());
        assertThat(queryString("select status::text from competition_submissions where id = ?", submission))
                .isEqualTo("not_started");

        for (String status : List.of("started", "submitted", "locked", "checking", "checked", "void")) {
            update("update competition_submissions set status = ?::competition_submission_status where id = ?",
                    status, submission);
            assertThat(queryString("select status::text from competition_submissions where id = ?", submission))
                    .isEqualTo(status);
        }
    }

    @Test
    void a_submission_file_of_an_unknown_type_is_refused() throws SQLException {
        UUID submission = insertSubmission(UUID.randomUUID());
        String sql = "insert into competition_submission_files (submission_id, type, url) values (?, ?, ?)";
        update(sql, submission, "scan", "s3://works/scan-1.pdf");

        assertRefused(CHECK, "competition_submission_files_type_check",
                () -> update(sql, submission, "docx", "s3://works/answer.docx"));
    }

    @Test
    void a_file_for_a_submission_that_does_not_exist_is_refused() {
        assertRefused(FOREIGN_KEY, "competition_submission_files_submission_id_fkey", () -> update(
                "insert into competition_submission_files (submission_id, type, url) values (?, 'scan', 'x')",
                UUID.randomUUID()));
    }

    // ---- checks ------------------------------------------------------------------------------------------------

    @Test
    void a_check_with_an_unknown_method_is_refused() throws SQLException {
        UUID submission = insertSubmission(UUID.randomUUID());
        insertCheck(submission, "manual", "pending");

        assertRefused(CHECK, "competition_checks_method_check", () -> insertCheck(submission, "guesswork", "pending"));
    }

    @Test
    void a_check_with_an_unknown_status_is_refused() throws SQLException {
        UUID submission = insertSubmission(UUID.randomUUID());
        insertCheck(submission, "auto", "checked");

        assertRefused(CHECK, "competition_checks_status_check", () -> insertCheck(submission, "auto", "approved"));
    }

    // ---- scores ------------------------------------------------------------------------------------------------

    @Test
    void a_second_current_score_for_the_same_submission_and_task_is_refused() throws SQLException {
        UUID submission = insertSubmission(UUID.randomUUID());
        UUID task = insertTaskItem(lmsBinding(), 1);
        insertScore(submission, task, 1, true, "5.00");

        assertRefused(UNIQUE, "competition_scores_current_unique", () -> insertScore(submission, task, 2, true, "6.00"));
    }

    @Test
    void a_recalculation_keeps_the_older_version_as_non_current_beside_the_new_current_one() throws SQLException {
        UUID submission = insertSubmission(UUID.randomUUID());
        UUID task = insertTaskItem(lmsBinding(), 1);
        UUID first = insertScore(submission, task, 1, true, "5.00");

        update("update competition_scores set is_current = false where id = ?", first);
        insertScore(submission, task, 2, true, "7.50");
        insertScore(submission, task, 3, false, "7.00");

        assertThat(queryString("select string_agg(score_version || ':' || is_current, ',' order by score_version) "
                + "from competition_scores where submission_id = ?", submission)).isEqualTo("1:false,2:true,3:false");
    }

    @Test
    void a_repeated_score_version_for_the_same_submission_and_task_is_refused() throws SQLException {
        UUID submission = insertSubmission(UUID.randomUUID());
        UUID task = insertTaskItem(lmsBinding(), 1);
        insertScore(submission, task, 1, false, "5.00");

        assertRefused(UNIQUE, "competition_scores_submission_id_tour_task_item_id_score_ve_key",
                () -> insertScore(submission, task, 1, false, "6.00"));
    }

    @Test
    void the_same_score_version_for_another_task_of_the_submission_is_accepted() throws SQLException {
        UUID submission = insertSubmission(UUID.randomUUID());
        UUID binding = lmsBinding();
        insertScore(submission, insertTaskItem(binding, 1), 1, true, "5.00");
        insertScore(submission, insertTaskItem(binding, 2), 1, true, "3.00");

        assertThat(queryString("select count(*)::text from competition_scores where submission_id = ? and is_current",
                submission)).isEqualTo("2");
    }

    @Test
    void a_score_for_a_submission_that_does_not_exist_is_refused() throws SQLException {
        UUID task = insertTaskItem(lmsBinding(), 1);

        assertRefused(FOREIGN_KEY, "competition_scores_submission_id_fkey",
                () -> insertScore(UUID.randomUUID(), task, 1, true, "1.00"));
    }

    // ---- the schema as a whole ---------------------------------------------------------------------------------

    @Test
    void the_public_schema_holds_exactly_the_attempt_tables_its_projections_and_the_platform_tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select table_name from information_schema.tables where table_schema = 'public'");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }

        assertThat(tables).containsExactlyInAnyOrder(
                "competition_tour_activity_bindings",
                "competition_tour_task_structures",
                "competition_tour_task_items",
                "competition_training_publications",
                "competition_submissions",
                "competition_submission_files",
                "competition_answer_items",
                "competition_checks",
                "competition_scores",
                "outbox_events",
                "inbox_processed_events",
                "attempt_projection_tours",
                "attempt_projection_participants",
                "attempt_projection_season_participations",
                "attempt_projection_tour_participations",
                "attempt_projection_group_members",
                "attempt_projection_group_helpers",
                "attempt_check_marks",
                "databasechangelog",
                "databasechangeloglock");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private UUID insertBinding(String mode, String lmsActivityRef, String adapterRef, String activitySnapshotRef)
            throws SQLException {
        return insert("insert into competition_tour_activity_bindings "
                        + "(season_id, tour_id, mode, lms_activity_ref, adapter_ref, activity_snapshot_ref, status) "
                        + "values (?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, 'draft') returning id",
                UUID.randomUUID(), UUID.randomUUID(), mode, lmsActivityRef, adapterRef, activitySnapshotRef);
    }

    private UUID lmsBinding() throws SQLException {
        return insertBinding("lms_activity", "{\"activity\":\"" + UUID.randomUUID() + "\"}", null, null);
    }

    private UUID insertTaskItem(UUID binding, int taskNumber) throws SQLException {
        return insert("insert into competition_tour_task_items (activity_binding_id, task_number, max_score) "
                + "values (?, ?, 10) returning id", binding, taskNumber);
    }

    private UUID insertSubmission(UUID tourParticipation) throws SQLException {
        return insert("insert into competition_submissions (tour_participation_id) values (?) returning id",
                tourParticipation);
    }

    private UUID insertCheck(UUID submission, String method, String status) throws SQLException {
        return insert("insert into competition_checks (submission_id, method, status) values (?, ?, ?) returning id",
                submission, method, status);
    }

    private UUID insertScore(UUID submission, UUID task, int version, boolean current, String score)
            throws SQLException {
        return insert("insert into competition_scores (submission_id, tour_task_item_id, score_version, is_current, score) "
                + "values (?, ?, ?, ?, ?::numeric) returning id", submission, task, version, current, score);
    }

    private UUID insert(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rs = statement.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getObject(1, UUID.class);
        }
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private String queryString(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rs = statement.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
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

    /**
     * The call fails in PostgreSQL with this SQLSTATE and, when given, this constraint's name. The seed leaves its
     * constraints unnamed, so the names are PostgreSQL's generated ones (cut to 63 bytes for the long unique keys).
     */
    private static void assertRefused(String sqlState, String constraint, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(sqlState))
                .satisfies(e -> {
                    if (constraint != null) {
                        assertThat(e).isInstanceOf(PSQLException.class);
                        assertThat(((PSQLException) e).getServerErrorMessage()).isNotNull();
                        assertThat(((PSQLException) e).getServerErrorMessage().getConstraint()).isEqualTo(constraint);
                    }
                });
    }
}
