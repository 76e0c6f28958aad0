package org.olympiad.competitions.contracts;

/**
 * Whether a grade falls in a grade category: its {@code grade_range_key} lists grades ({@code 7}, {@code 5,6}) and
 * ranges ({@code 7-8}, {@code 9-11}); a category without one holds the grade equal to its key. Part of the contract:
 * registration-service files a participant under a category by it, and venue-service decides by the same rule which
 * participants a venue accepts (both read {@code grade_range_key} from the grade category rows).
 */
public final class GradeRanges {

    private GradeRanges() {
    }

    public static boolean holds(String rangeKey, String categoryKey, String grade) {
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
