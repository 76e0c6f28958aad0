package org.olympiad.competitions.documents.verification;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationCodeTest {

    @Test
    void a_code_is_four_groups_of_four_characters_without_look_alikes() {
        for (int i = 0; i < 1000; i++) {
            assertThat(VerificationCode.next()).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        }
    }

    @Test
    void codes_carry_eighty_random_bits_so_two_hundred_thousand_of_them_never_collide() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            assertThat(seen.add(VerificationCode.next())).isTrue();
        }
        // every character position takes every one of the 32 values: no position is fixed or biased to a few
        for (int position : new int[]{0, 7, 18}) {
            Set<Character> values = new HashSet<>();
            seen.stream().limit(5000).forEach(code -> values.add(code.charAt(position)));
            assertThat(values).hasSize(32);
        }
    }

    @Test
    void a_typed_code_is_read_forgivingly_but_nothing_else_passes() {
        assertThat(VerificationCode.normalise("7k3m q9tx 2hcw r8vd")).contains("7K3M-Q9TX-2HCW-R8VD");
        assertThat(VerificationCode.normalise("OIL0-0000-0000-0000")).contains("0110-0000-0000-0000");
        assertThat(VerificationCode.normalise("7K3M-Q9TX-2HCW-R8V")).isEmpty();
        assertThat(VerificationCode.normalise("7K3M-Q9TX-2HCW-R8VDX")).isEmpty();
        assertThat(VerificationCode.normalise("7K3M-Q9TX-2HCW-R8VU")).isEmpty();
        assertThat(VerificationCode.normalise("../../etc/passwd")).isEmpty();
        assertThat(VerificationCode.normalise(null)).isEmpty();
    }

    @Test
    void a_holder_name_is_shortened_to_the_surname_and_initials() {
        assertThat(HolderNames.shortened("Иванова Мария Петровна")).isEqualTo("Иванова М. П.");
        assertThat(HolderNames.shortened("  Петров   Илья ")).isEqualTo("Петров И.");
        assertThat(HolderNames.shortened("Сократ")).isEqualTo("Сократ");
    }
}
