package org.olympiad.competitions.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GradeRangesTest {

    @Test
    void a_range_key_holds_the_grades_it_lists_and_spans() {
        assertThat(GradeRanges.holds("7-11", "grade_7_11", "7")).isTrue();
        assertThat(GradeRanges.holds("7-11", "grade_7_11", "11")).isTrue();
        assertThat(GradeRanges.holds("7-11", "grade_7_11", "6")).isFalse();
        assertThat(GradeRanges.holds("5,6", "junior", "6")).isTrue();
        assertThat(GradeRanges.holds("5,6, 9-10", "mixed", "10")).isTrue();
        assertThat(GradeRanges.holds("5,6", "junior", "7")).isFalse();
    }

    @Test
    void without_a_range_key_the_category_key_is_the_range() {
        assertThat(GradeRanges.holds(null, "7-8", "8")).isTrue();
        assertThat(GradeRanges.holds(" ", "9", "9")).isTrue();
        assertThat(GradeRanges.holds(null, "7-8", "9")).isFalse();
    }

    @Test
    void a_grade_that_is_not_a_number_matches_only_a_listed_word() {
        assertThat(GradeRanges.holds("7-8", "7-8", "седьмой")).isFalse();
        assertThat(GradeRanges.holds("college", "college", "College")).isTrue();
    }
}
