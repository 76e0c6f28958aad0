package org.olympiad.competitions.attempt.checking;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The automatic scoring of one answer against its key, as the database computes it for every automatic check. */
@QuarkusTest
class AutoScoreFunctionTest {

    @Inject
    AgroalDataSource db;

    @Test
    void a_single_choice_scores_the_max_for_the_correct_option_only() throws Exception {
        String key = "{\"type\":\"single_choice\",\"correct\":\"B\"}";
        assertThat(score(key, "\"B\"", "2")).isEqualTo("2.00");
        assertThat(score(key, "\"C\"", "2")).isEqualTo("0");
        assertThat(score(key, "[\"B\"]", "2")).isEqualTo("0");
        assertThat(score(key, null, "2")).isEqualTo("0");
    }

    @Test
    void a_multiple_choice_gives_partial_credit_by_its_rule() throws Exception {
        String strict = "{\"type\":\"multiple_choice\",\"correct\":[\"A\",\"C\",\"D\"]}";
        assertThat(score(strict, "[\"D\",\"A\",\"C\"]", "3")).isEqualTo("3.00");
        assertThat(score(strict, "[\"A\",\"C\"]", "3")).isEqualTo("0");
        String partial = "{\"type\":\"multiple_choice\",\"correct\":[\"A\",\"C\",\"D\"],\"partialCredit\":\"proportional\"}";
        assertThat(score(partial, "[\"A\",\"C\"]", "3")).isEqualTo("2.00");
        assertThat(score(partial, "[\"A\",\"C\",\"B\"]", "3")).isEqualTo("1.00");
        assertThat(score(partial, "[\"B\",\"E\",\"A\"]", "3")).isEqualTo("0.00");
        assertThat(score(partial, "[\"A\",\"A\",\"A\"]", "3")).isEqualTo("1.00");
        // a repeated pick counts once, a null pick not at all, a number pick by its text
        assertThat(score(strict, "[\"A\",\"C\",\"D\",\"A\",null]", "3")).isEqualTo("3.00");
        assertThat(score(partial, "[1, \"A\"]", "3")).isEqualTo("0.00");
        assertThat(score(partial, "[]", "3")).isEqualTo("0.00");
        assertThat(score("{\"type\":\"multiple_choice\",\"correct\":[\"1\",\"2\"]}", "[2, 1]", "2")).isEqualTo("2.00");
    }

    @Test
    void a_number_is_right_within_its_tolerance_also_as_text_with_a_decimal_comma() throws Exception {
        String key = "{\"type\":\"number\",\"value\":3.14,\"tolerance\":0.01}";
        assertThat(score(key, "3.15", "4")).isEqualTo("4.00");
        assertThat(score(key, "\" 3,13 \"", "4")).isEqualTo("4.00");
        assertThat(score(key, "3.16", "4")).isEqualTo("0");
        assertThat(score(key, "\"пи\"", "4")).isEqualTo("0");
        assertThat(score("{\"type\":\"number\",\"value\":12}", "12.0", "1")).isEqualTo("1.00");
        // text that is not a number scores 0 (recognised by its form: no exception, no subtransaction per call)
        for (String notANumber : new String[]{"\"3,14.1\"", "\"3.14 м\"", "\"-\"", "\".\"", "\"\"", "\"NaN\"",
                "\"Infinity\"", "\"1e99999\"", "true", "[3.14]"}) {
            assertThat(score(key, notANumber, "4")).as(notANumber).isEqualTo("0");
        }
        assertThat(score(key, "\"+3.14\"", "4")).isEqualTo("4.00");
        assertThat(score(key, "\"314e-2\"", "4")).isEqualTo("4.00");
        assertThat(score("{\"type\":\"number\",\"value\":0.5}", "\",5\"", "1")).isEqualTo("1.00");
        assertThat(score("{\"type\":\"number\",\"value\":3}", "\"3.\"", "1")).isEqualTo("1.00");
    }

    @Test
    void a_short_text_matches_a_variant_after_normalisation_unless_switched_off() throws Exception {
        String key = "{\"type\":\"short_text\",\"variants\":[\"Ёлка\",\"fir tree\"]}";
        assertThat(score(key, "\"  елка \"", "1")).isEqualTo("1.00");
        assertThat(score(key, "\"Fir   Tree\"", "1")).isEqualTo("1.00");
        assertThat(score(key, "\"сосна\"", "1")).isEqualTo("0");
        String exact = "{\"type\":\"short_text\",\"variants\":[\"Ёлка\"],\"normalisation\":{\"ignoreCase\":false,\"yoAsYe\":false}}";
        assertThat(score(exact, "\"ёлка\"", "1")).isEqualTo("0");
        assertThat(score(exact, "\" Ёлка\"", "1")).isEqualTo("1.00");
    }

    @Test
    void an_item_without_a_key_is_left_to_checkers() throws Exception {
        assertThat(score("{\"rubric\":\"by hand\"}", "\"anything\"", "5")).isNull();
        assertThat(score("{}", "\"anything\"", "5")).isNull();
    }

    private String score(String key, String answer, String max) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select attempt_auto_score(?::jsonb, ?::jsonb, ?::numeric(8,2))::text")) {
            ps.setString(1, key);
            ps.setString(2, answer);
            ps.setString(3, max);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
