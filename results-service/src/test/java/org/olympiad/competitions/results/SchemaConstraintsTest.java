package org.olympiad.competitions.results;

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
 * Proves that the constraints of results-service's Liquibase schema (copied from the seed) bite in PostgreSQL,
 * and that the seven award statuses are there. Every test makes its own rows with random ids, so it needs neither
 * an empty database nor any other test.
 */
@QuarkusTest
class SchemaConstraintsTest {

    private static final String UNIQUE = "23505";
    private static final String CHECK = "23514";
    private static final String FOREIGN_KEY = "23503";
    private static final String BAD_ENUM_VALUE = "22P02";

    @Inject
    AgroalDataSource dataSource;

    // ---- award statuses ----------------------------------------------------------------------------------------

    @Test
    void the_seven_award_statuses_exist_in_their_sort_order_with_russian_titles_and_document_types()
            throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select key, title, coalesce(document_type, '-'), sort_order, active "
                             + "from competition_award_statuses order by sort_order");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getInt(4)
                        + "|" + rs.getBoolean(5));
            }
        }

        assertThat(rows).containsExactly(
                "diploma_1|Диплом I степени|diploma|1|true",
                "diploma_2|Диплом II степени|diploma|2|true",
                "diploma_3|Диплом III степени|diploma|3|true",
                "honorable_mention_1|Похвальная грамота I степени|certificate|4|true",
                "honorable_mention_2|Похвальная грамота II степени|certificate|5|true",
                "participation_certificate|Сертификат участника|participation|6|true",
                "no_award|Без награды|-|7|true");
    }

    @Test
    void an_eighth_award_status_key_is_refused() {
        assertRefused(CHECK, "competition_award_statuses_key_check", () -> update(
                "insert into competition_award_statuses (key, title, document_type, sort_order) "
                        + "values ('grand_prix', 'Гран-при', 'diploma', 0)"));
    }

    @Test
    void an_award_status_key_cannot_be_added_twice() {
        assertRefused(UNIQUE, "competition_award_statuses_pkey", () -> update(
                "insert into competition_award_statuses (key, title, sort_order) values ('diploma_1', 'Диплом', 1)"));
    }

    @Test
    void an_award_status_that_a_result_carries_cannot_be_deleted() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                execute(connection, "insert into competition_results (season_id, participant_id, score, "
                        + "award_status_key, status) values (?, ?, 90, 'diploma_1', 'calculated')",
                        UUID.randomUUID(), UUID.randomUUID());

                assertRefused(FOREIGN_KEY, "competition_results_award_status_key_fkey", () -> execute(connection,
                        "delete from competition_award_statuses where key = 'diploma_1'"));
            } finally {
                connection.rollback();
            }
        }
    }

    // ---- results -----------------------------------------------------------------------------------------------

    @Test
    void a_result_with_an_award_status_key_not_in_the_table_is_refused() {
        assertRefused(FOREIGN_KEY, "competition_results_award_status_key_fkey", () -> update(
                "insert into competition_results (season_id, participant_id, score, award_status_key, status) "
                        + "values (?, ?, 99, 'grand_prix', 'calculated')", UUID.randomUUID(), UUID.randomUUID()));
    }

    @Test
    void a_new_result_has_no_award_is_hidden_and_may_name_a_participant_this_database_does_not_hold()
            throws SQLException {
        UUID result = insertResult("draft");

        assertThat(queryString("select award_status_key || '|' || publication_status || '|' || is_withheld "
                + "from competition_results where id = ?", result)).isEqualTo("no_award|hidden|false");
    }

    @Test
    void a_result_with_an_unknown_status_is_refused() throws SQLException {
        for (String status : List.of("draft", "calculated", "review", "finalized", "void")) {
            insertResult(status);
        }

        assertRefused(CHECK, "competition_results_status_check", () -> insertResult("published"));
    }

    @Test
    void a_result_with_an_unknown_publication_status_value_is_refused() {
        assertRefused(BAD_ENUM_VALUE, null, () -> update(
                "insert into competition_results (season_id, participant_id, score, status, publication_status) "
                        + "values (?, ?, 10, 'draft', ?::competition_publication_status)",
                UUID.randomUUID(), UUID.randomUUID(), "everyone"));
    }

    // ---- appeals -----------------------------------------------------------------------------------------------

    @Test
    void an_appeal_with_an_unknown_status_is_refused() throws SQLException {
        UUID result = insertResult("finalized");
        insertAppeal(result, "submitted");

        assertRefused(CHECK, "competition_appeals_status_check", () -> insertAppeal(result, "granted"));
    }

    @Test
    void an_appeal_against_a_result_that_does_not_exist_is_refused() {
        assertRefused(FOREIGN_KEY, "competition_appeals_result_id_fkey",
                () -> insertAppeal(UUID.randomUUID(), "submitted"));
    }

    @Test
    void an_appeal_may_name_a_submission_this_database_does_not_hold_because_it_is_attempt_services()
            throws SQLException {
        UUID submission = UUID.randomUUID();
        UUID appeal = insert("insert into competition_appeals (submission_id, participant_id, status, reason, "
                        + "submitted_by_user_id) values (?, ?, 'submitted', 'Задача 3 оценена неверно', ?) returning id",
                submission, UUID.randomUUID(), UUID.randomUUID());

        assertThat(queryString("select submission_id::text from competition_appeals where id = ?", appeal))
                .isEqualTo(submission.toString());
    }

    // ---- publications and arbitration --------------------------------------------------------------------------

    @Test
    void a_publication_of_an_unknown_type_is_refused() throws SQLException {
        String sql = "insert into competition_publications (season_id, type, status) values (?, ?, ?)";
        update(sql, UUID.randomUUID(), "public_results", "draft");

        assertRefused(CHECK, "competition_publications_type_check",
                () -> update(sql, UUID.randomUUID(), "diplomas", "draft"));
    }

    @Test
    void a_publication_with_an_unknown_status_is_refused() {
        assertRefused(CHECK, "competition_publications_status_check", () -> update(
                "insert into competition_publications (season_id, type, status) values (?, 'personal_results', 'live')",
                UUID.randomUUID()));
    }

    @Test
    void an_arbitration_case_with_an_unknown_status_is_refused() throws SQLException {
        String sql = "insert into competition_arbitration_cases (submission_id, participant_id, status, suspicion_type) "
                + "values (?, ?, ?, 'identical_answers')";
        update(sql, UUID.randomUUID(), UUID.randomUUID(), "opened");

        assertRefused(CHECK, "competition_arbitration_cases_status_check",
                () -> update(sql, UUID.randomUUID(), UUID.randomUUID(), "dismissed"));
    }

    // ---- the schema as a whole ---------------------------------------------------------------------------------

    @Test
    void the_public_schema_holds_exactly_the_results_tables_and_the_platform_tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select table_name from information_schema.tables where table_schema = 'public'");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }

        // the projections of other services' data (002-results-projections.sql) are results-service's own copies
        tables.removeIf(t -> t.startsWith("results_projection_"));
        assertThat(tables).containsExactlyInAnyOrder(
                "competition_award_statuses",
                "competition_award_policies",
                "competition_results",
                "competition_rankings",
                "competition_appeals",
                "competition_arbitration_cases",
                "competition_publications",
                "outbox_events",
                "inbox_processed_events",
                "databasechangelog",
                "databasechangeloglock");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private UUID insertResult(String status) throws SQLException {
        return insert("insert into competition_results (season_id, participant_id, score, status) "
                + "values (?, ?, 42.5, ?) returning id", UUID.randomUUID(), UUID.randomUUID(), status);
    }

    private UUID insertAppeal(UUID result, String status) throws SQLException {
        return insert("insert into competition_appeals (result_id, participant_id, status, reason, submitted_by_user_id) "
                + "values (?, ?, ?, 'Прошу перепроверить задачу 2', ?) returning id",
                result, UUID.randomUUID(), status, UUID.randomUUID());
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
        try (Connection connection = dataSource.getConnection()) {
            return execute(connection, sql, parameters);
        }
    }

    private static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
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

    /** The call fails in PostgreSQL with this SQLSTATE and, when given, this constraint's name. */
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
