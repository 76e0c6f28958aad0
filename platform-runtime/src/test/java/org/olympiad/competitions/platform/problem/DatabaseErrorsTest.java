package org.olympiad.competitions.platform.problem;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseErrorsTest {

    @Test
    void a_unique_violation_is_a_conflict_naming_the_constraint() {
        Problem p = DatabaseErrors.fromSqlState("23505", "competition_events_slug_key", "duplicate key");
        assertThat(p.status()).isEqualTo(409);
        assertThat(p.field()).isEqualTo("competition_events_slug_key");
        assertThat(p.rule()).isEqualTo("unique");
    }

    @Test
    void a_check_or_reference_violation_is_unprocessable() {
        assertThat(DatabaseErrors.fromSqlState("23514", "c", "m").status()).isEqualTo(422);
        assertThat(DatabaseErrors.fromSqlState("23503", "fk", "m").rule()).isEqualTo("reference");
    }

    @Test
    void a_lost_connection_is_a_503_and_an_unknown_state_is_not_mapped() {
        assertThat(DatabaseErrors.fromSqlState("08006", null, "m").status()).isEqualTo(503);
        assertThat(DatabaseErrors.fromSqlState("XX000", null, "m")).isNull();
        assertThat(DatabaseErrors.toProblem(new RuntimeException(new SQLException("dup", "23505"))).status()).isEqualTo(409);
        assertThat(DatabaseErrors.toProblem(new IllegalStateException("boom"))).isNull();
    }
}
