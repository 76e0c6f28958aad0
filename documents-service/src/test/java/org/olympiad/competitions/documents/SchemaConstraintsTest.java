package org.olympiad.competitions.documents;

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
 * Proves that the constraints of documents-service's Liquibase schema (copied from the seed) bite in PostgreSQL.
 * Every test makes its own rows with random ids, so it needs neither an empty database nor any other test.
 */
@QuarkusTest
class SchemaConstraintsTest {

    private static final String UNIQUE = "23505";
    private static final String CHECK = "23514";

    @Inject
    AgroalDataSource dataSource;

    // ---- award documents ---------------------------------------------------------------------------------------

    @Test
    void a_participant_document_without_a_result_is_refused() {
        assertRefused(CHECK, "competition_award_documents_check", () -> insertDocument(
                null, "diploma", "participant", "pending", null));
    }

    @Test
    void a_document_without_a_recipient_type_is_a_participant_document_and_needs_a_result() {
        assertRefused(CHECK, "competition_award_documents_check", () -> update(
                "insert into competition_award_documents (type, status) values ('certificate', 'pending')"));
    }

    @Test
    void a_teacher_document_without_a_result_is_accepted() throws SQLException {
        UUID document = insertDocument(null, "teacher_gratitude", "teacher", "pending", null);

        assertThat(queryString("select recipient_type from competition_award_documents where id = ?", document))
                .isEqualTo("teacher");
    }

    @Test
    void a_participant_document_may_name_a_result_this_database_does_not_hold_because_it_is_results_services()
            throws SQLException {
        UUID result = UUID.randomUUID();
        UUID document = insertDocument(result, "diploma", "participant", "generated", code());

        assertThat(queryString("select result_id::text from competition_award_documents where id = ?", document))
                .isEqualTo(result.toString());
    }

    @Test
    void two_documents_with_the_same_verification_code_are_refused() throws SQLException {
        String code = code();
        insertDocument(UUID.randomUUID(), "diploma", "participant", "generated", code);

        assertRefused(UNIQUE, "competition_award_documents_verification_code_key", () -> insertDocument(
                UUID.randomUUID(), "certificate", "participant", "generated", code));
    }

    @Test
    void documents_not_yet_generated_may_all_lack_a_verification_code() throws SQLException {
        UUID result = UUID.randomUUID();
        insertDocument(result, "diploma", "participant", "pending", null);
        insertDocument(result, "participation", "participant", "pending", null);

        assertThat(queryString("select count(*)::text from competition_award_documents where result_id = ?", result))
                .isEqualTo("2");
    }

    @Test
    void a_document_of_an_unknown_type_status_or_recipient_type_is_refused() {
        assertRefused(CHECK, "competition_award_documents_type_check", () -> insertDocument(
                UUID.randomUUID(), "medal", "participant", "pending", null));
        assertRefused(CHECK, "competition_award_documents_status_check", () -> insertDocument(
                UUID.randomUUID(), "diploma", "participant", "printed", null));
        assertRefused(CHECK, "competition_award_documents_recipient_type_check", () -> insertDocument(
                UUID.randomUUID(), "gratitude", "parent", "pending", null));
    }

    // ---- generation jobs ---------------------------------------------------------------------------------------

    @Test
    void a_generation_job_with_an_unknown_status_is_refused() throws SQLException {
        String sql = "insert into competition_document_generation_jobs (publication_id, status) values (?, ?)";
        for (String status : List.of("queued", "running", "succeeded", "failed", "cancelled")) {
            update(sql, UUID.randomUUID(), status);
        }

        assertRefused(CHECK, "competition_document_generation_jobs_status_check",
                () -> update(sql, UUID.randomUUID(), "paused"));
    }

    // ---- teacher materials -------------------------------------------------------------------------------------

    @Test
    void a_teacher_material_of_a_known_type_and_visibility_is_accepted() throws SQLException {
        UUID material = insertMaterial("poster", "teacher_and_helpers");

        assertThat(queryString("select material_type || '|' || visibility || '|' || generated "
                + "from competition_teacher_materials where id = ?", material)).isEqualTo("poster|teacher_and_helpers|false");
    }

    @Test
    void a_teacher_material_of_an_unknown_type_is_refused() {
        assertRefused(CHECK, "competition_teacher_materials_material_type_check",
                () -> insertMaterial("flyer", "teacher"));
    }

    @Test
    void a_teacher_material_with_an_unknown_visibility_is_refused() {
        assertRefused(CHECK, "competition_teacher_materials_visibility_check",
                () -> insertMaterial("banner", "parents"));
    }

    @Test
    void a_teacher_material_with_an_unknown_status_is_refused() {
        assertRefused(CHECK, "competition_teacher_materials_status_check", () -> update(
                "insert into competition_teacher_materials (season_id, material_type, title, visibility, status) "
                        + "values (?, 'poster', 'Афиша', 'public', 'hidden')", UUID.randomUUID()));
    }

    // ---- the schema as a whole ---------------------------------------------------------------------------------

    @Test
    void the_public_schema_holds_exactly_the_documents_tables_its_projections_and_the_platform_tables() throws SQLException {
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
                "competition_award_documents",
                "competition_document_generation_jobs",
                "competition_teacher_materials",
                "documents_projection_events",
                "documents_projection_seasons",
                "documents_projection_participants",
                "documents_projection_access_claims",
                "documents_projection_external_teachers",
                "documents_projection_teacher_links",
                "documents_projection_groups",
                "documents_projection_group_members",
                "outbox_events",
                "inbox_processed_events",
                "databasechangelog",
                "databasechangeloglock");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static String code() {
        return "DOC-" + UUID.randomUUID();
    }

    private UUID insertDocument(UUID result, String type, String recipientType, String status, String verificationCode)
            throws SQLException {
        return insert("insert into competition_award_documents (result_id, type, recipient_type, status, "
                + "verification_code) values (?, ?, ?, ?, ?) returning id", result, type, recipientType, status,
                verificationCode);
    }

    private UUID insertMaterial(String materialType, String visibility) throws SQLException {
        return insert("insert into competition_teacher_materials (season_id, tour_id, teacher_conduct_application_id, "
                        + "material_type, title, visibility, status) values (?, ?, ?, ?, 'Материалы тура', ?, 'draft') "
                        + "returning id", UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), materialType,
                visibility);
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
