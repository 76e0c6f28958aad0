package org.olympiad.competitions.registration.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.olympiad.competitions.platform.problem.ProblemException;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrationPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void a_full_policy_reads_per_source() {
        RegistrationPolicy policy = RegistrationPolicy.parse(json("""
                {'sources': {
                  'self': {'requiredFields': ['grade', 'parentContact'], 'gradeCategories': ['grade_7_8'],
                           'window': {'opensAt': '2026-09-01T00:00:00Z', 'closesAt': '2026-10-01T00:00:00Z'},
                           'officialDataPackage': {'required': true, 'approvalWaitsForIt': true}, 'approval': 'review'},
                  'teacher': {'approval': 'automatic'},
                  'parent': {'enabled': false}}}"""));
        var self = policy.ruleFor(RegistrationSource.self);
        assertThat(self.requiredFields()).containsExactly(RegistrationPolicy.RequiredField.grade,
                RegistrationPolicy.RequiredField.parentContact);
        assertThat(self.admitsCategory("grade_7_8")).isTrue();
        assertThat(self.admitsCategory("grade_9")).isFalse();
        assertThat(self.isOpenAt(Instant.parse("2026-09-15T12:00:00Z"))).isTrue();
        assertThat(self.isOpenAt(Instant.parse("2026-10-01T00:00:00Z"))).as("the window closes at closesAt").isFalse();
        assertThat(self.officialDataPackage().approvalWaitsForIt()).isTrue();

        var teacher = policy.ruleFor(RegistrationSource.teacher);
        assertThat(teacher.approval()).isEqualTo(RegistrationPolicy.Approval.automatic);
        assertThat(teacher.admitsCategory("anything")).isTrue();
        assertThat(teacher.officialDataPackage().required()).isFalse();

        assertThat(policy.ruleFor(RegistrationSource.parent)).as("disabled").isNull();
        assertThat(policy.ruleFor(RegistrationSource.admin)).as("not mentioned").isNull();
    }

    @Test
    void an_empty_policy_lets_nobody_register_yet() {
        RegistrationPolicy policy = RegistrationPolicy.parse(json("{}"));
        for (RegistrationSource source : RegistrationSource.values()) {
            assertThat(policy.ruleFor(source)).isNull();
        }
    }

    @ParameterizedTest(name = "{0} → {1} ({2})")
    @CsvSource(delimiter = '|', value = {
            "{'colour': 'red'}                                                  | registrationPolicy.colour                            | unknown-field",
            "{'sources': {'robot': {}}}                                         | registrationPolicy.sources                            | one-of",
            "{'sources': {'self': {'approval': 'maybe'}}}                       | registrationPolicy.sources.self.approval             | one-of",
            "{'sources': {'self': {'enabled': 'yes'}}}                          | registrationPolicy.sources.self.enabled              | type",
            "{'sources': {'self': {'requiredFields': ['shoeSize']}}}            | registrationPolicy.sources.self.requiredFields[0]    | one-of",
            "{'sources': {'self': {'window': {'opensAt': 'soon'}}}}             | registrationPolicy.sources.self.window.opensAt       | type",
            "{'sources': {'self': {'window': {'opensAt': '2026-10-01T00:00:00Z', 'closesAt': '2026-09-01T00:00:00Z'}}}} | registrationPolicy.sources.self.window.closesAt | after-registrationPolicy.sources.self.window.opensAt",
            "{'sources': {'self': {'gradeCategories': ['Grade 7']}}}            | registrationPolicy.sources.self.gradeCategories[0]   | grade-category-key",
            "{'sources': {'self': {'officialDataPackage': {'required': false, 'approvalWaitsForIt': true}}}} | registrationPolicy.sources.self.officialDataPackage.approvalWaitsForIt | requires-required",
            "{'sources': {'self': {'officialDataPackage': {'required': 1}}}}    | registrationPolicy.sources.self.officialDataPackage.required | type",
            "{'sources': []}                                                    | registrationPolicy.sources                           | type",
    })
    void a_wrong_policy_is_refused_naming_the_path_and_the_rule(String policy, String field, String rule) {
        assertThatThrownBy(() -> RegistrationPolicy.parse(json(policy)))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> {
                    var problem = ((ProblemException) e).problem();
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.field()).isEqualTo(field);
                    assertThat(problem.rule()).isEqualTo(rule);
                });
    }

    @Test
    void a_fee_policy_says_who_pays_what() {
        FeePolicy fee = FeePolicy.parse(json("{'required': true, 'amount': 500, 'currency': 'RUB', 'exemptSources': ['organization']}"));
        assertThat(fee.payableBy(RegistrationSource.self)).isTrue();
        assertThat(fee.payableBy(RegistrationSource.organization)).isFalse();
        assertThat(FeePolicy.parse(json("{}")).payableBy(RegistrationSource.self)).isFalse();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "{'amount': -1}                          | feePolicy.amount        | not-negative",
            "{'currency': 'rubles'}                  | feePolicy.currency      | iso-4217",
            "{'required': true, 'currency': 'RUB'}   | feePolicy.amount        | required-when-paid",
            "{'amount': '500'}                       | feePolicy.amount        | type",
            "{'exemptSources': ['school']}           | feePolicy.exemptSources[0] | one-of",
            "{'discount': 10}                        | feePolicy.discount      | unknown-field",
    })
    void a_wrong_fee_policy_is_refused(String policy, String field, String rule) {
        assertThatThrownBy(() -> FeePolicy.parse(json(policy)))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> {
                    assertThat(((ProblemException) e).problem().field()).isEqualTo(field);
                    assertThat(((ProblemException) e).problem().rule()).isEqualTo(rule);
                });
    }
}
