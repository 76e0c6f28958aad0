package org.olympiad.competitions.registration.registration;

/**
 * Whether a grade falls in a grade category: its {@code grade_range_key} lists grades ({@code 7}, {@code 5,6}) and
 * ranges ({@code 7-8}, {@code 9-11}); a category without one holds the grade equal to its key.
 */
final class GradeRanges {

    private GradeRanges() {
    }

    static boolean holds(String rangeKey, String categoryKey, String grade) {
        String ranges = rangeKey == null || rangeKey.isBlank() ? categoryKey : rangeKey;
        for (String part : ranges.split(",")) {
            String p = part.strip();
            int dash = p.indexOf('-');
            if (dash > 0) {
                Integer from = number(p.substring(0, dash));
                Integer to = number(p.substring(dash + 1));
                Integer g = number(grade);
                if (from != null && to != null && g != null && g >= from && g <= to) {
                    return true;
                }
            } else if (p.equalsIgnoreCase(grade)) {
                return true;
            }
        }
        return false;
    }

    private static Integer number(String s) {
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
