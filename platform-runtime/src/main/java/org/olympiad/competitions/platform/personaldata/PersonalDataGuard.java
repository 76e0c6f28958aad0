package org.olympiad.competitions.platform.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import org.olympiad.competitions.platform.problem.Problem;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.problem.ProblemType;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one guard against raw personal data (seed rule 10): this platform never stores a raw SNILS, a child's birth
 * date, or a parent's e-mail or phone. Those live in identity's protected attributes; here only a requirement,
 * status, ref or audit entry. Every service calls this guard where an entity takes its input, before anything is
 * written; a hit is a {@code 422} {@link ProblemType#PERSONAL_DATA_REFUSED} naming the field's JSON path
 * ({@code officialDataRef.documents[0].number}) and the rule. The answer never echoes the value, and nothing here
 * logs it.
 *
 * <h2>What is looked at</h2>
 * Objects and arrays are walked recursively. Every string value, every number, and every object key (a map keyed
 * by e-mail is still an e-mail; a hit in a key is reported on the object holding it, so the path never carries
 * the value) is checked. Booleans and nulls are never personal data.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>{@code raw-email}: {@code local@domain.tld}, Latin or Cyrillic ({@code мама@почта.рф}), anywhere in the
 *       text.</li>
 *   <li>{@code raw-snils}: {@code \d{3}[- ]?\d{3}[- ]?\d{3}[- ]?\d{2}} standing alone: not touching a Latin
 *       letter, a digit, an underscore, or another digit group ({@code 1 500 000 000 00}), and not inside a UUID
 *       (UUIDs are blanked before digits are looked at). It is refused when its SNILS checksum holds (digits 1-9
 *       weighted 9..1; a sum below 100 is the control number, 100 and 101 give 00, larger sums are taken modulo
 *       101 with 100 giving 00), so that a random 11-digit id is let through; when it is written exactly as
 *       {@code XXX-XXX-XXX YY} or {@code XXX-XXX-XXX-YY}, whatever its checksum; and under a key naming a SNILS
 *       ({@code snils}, {@code снилс}), whatever its checksum.</li>
 *   <li>{@code raw-phone}: {@code 8} followed by 10 digits, or {@code +} followed by 10 to 15 digits (which covers
 *       {@code +7} and 10 digits), with optional spaces, dashes and parentheses between the digits:
 *       {@code +7 (912) 345-67-89}, {@code 89123456789}, {@code 8 912 345 67 89}, {@code +79123456789},
 *       {@code +375 29 123-45-67}. The run must not continue into further digits.</li>
 *   <li>{@code raw-birth-date}: a date {@code yyyy-mm-dd} (with or without a time and zone), {@code dd.mm.yyyy},
 *       {@code dd/mm/yyyy}, {@code dd-mm-yyyy} (also {@code yyyy.mm.dd}, {@code yyyy/mm/dd}), with day 1-31,
 *       month 1-12 and year 1900-2100. Under a key naming a birth date ({@code birth}, {@code dob},
 *       {@code рожд}, any case) also {@code 14 мая 2010}, {@code May 14, 2010} and {@code 20100514}.</li>
 *   <li>Numbers: a JSON number without a fraction and with 11 digits is a SNILS when its checksum holds (or under
 *       a SNILS key), else a phone when it starts with 7 or 8; under a birth key an 8-digit {@code yyyymmdd} is a
 *       birth date. Scores, counts and positions pass.</li>
 * </ul>
 *
 * <h2>Strictness</h2>
 * {@link Strictness#REF_OR_SNAPSHOT} refuses all four kinds: a ref is an opaque id, so any date in it is refused.
 * {@link Strictness#FREE_TEXT_OR_POLICY} refuses SNILS, e-mail and phone, and a date only under a key naming a birth
 * date (that key, its nested objects and arrays), where any date is refused, a timestamp with a zone included; a
 * registration window {@code 2026-09-01T00:00:00Z} elsewhere in a policy passes. The field name given to
 * {@code refuseIn} counts as a key: {@code refuseIn("birthDate", ...)} is a birth-date context.
 */
public final class PersonalDataGuard {

    /** The rule named in the problem's {@code rule}, and how the detail names the kind of data. */
    private enum Kind {
        SNILS("raw-snils", "a raw SNILS"),
        BIRTH_DATE("raw-birth-date", "a birth date"),
        EMAIL("raw-email", "a raw e-mail address"),
        PHONE("raw-phone", "a raw phone number");

        final String rule;
        final String what;

        Kind(String rule, String what) {
            this.rule = rule;
            this.what = what;
        }
    }

    /** Where in the value the walk is: how strict, and whether an enclosing key names a birth date or a SNILS. */
    private record Scope(Strictness strictness, boolean birthKey, boolean snilsKey) {

        Scope enter(String key) {
            if (key == null) {
                return this;
            }
            String name = key.toLowerCase(Locale.ROOT);
            boolean birth = name.contains("birth") || name.contains("dob") || name.contains("рожд");
            boolean snils = name.contains("snils") || name.contains("снилс");
            return new Scope(strictness, birthKey || birth, snilsKey || snils);
        }

        boolean refusesDates() {
            return strictness == Strictness.REF_OR_SNAPSHOT || birthKey;
        }
    }

    private static final Pattern UUID = Pattern.compile(
            "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]++@(?:[\\p{L}\\p{N}-]++\\.)+\\p{L}{2,}");

    /** SNILS separators: dash, space, no-break space. */
    private static final String S = "[- \\u00A0]";
    private static final Pattern SNILS = Pattern.compile(
            "(?<![0-9A-Za-z_]|\\d" + S + "|\\d[.,])"
                    + "(\\d{3})(" + S + "?)(\\d{3})(" + S + "?)(\\d{3})(" + S + "?)(\\d{2})"
                    + "(?![0-9A-Za-z_]|" + S + "\\d|[.,]\\d)");

    /** Phone separators: space, no-break space, dash, parentheses. */
    private static final String P = "[ \\u00A0()-]";
    private static final Pattern RU_PHONE = Pattern.compile(
            "(?<![0-9A-Za-z_+]|\\d[.,])8(?:" + P + "{0,3}\\d){10}(?!\\d|[.,]\\d)");
    private static final Pattern INTL_PHONE = Pattern.compile(
            "(?<![0-9A-Za-z_+])\\+" + P + "?\\d(?:" + P + "{0,3}\\d){9,14}(?!\\d|[.,]\\d)");

    private static final String YEAR = "(?:19\\d{2}|20\\d{2}|2100)";
    private static final String MONTH = "(?:0?[1-9]|1[0-2])";
    private static final String DAY = "(?:0?[1-9]|[12]\\d|3[01])";
    private static final Pattern ISO_DATE = Pattern.compile(
            "(?<![0-9A-Za-z_.])" + YEAR + "-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])(?!\\d)");
    private static final Pattern DAY_FIRST_DATE = Pattern.compile(
            "(?<![0-9A-Za-z_]|\\d[./-])" + DAY + "([./-])" + MONTH + "\\1" + YEAR + "(?!\\d|[./-]\\d)");
    private static final Pattern YEAR_FIRST_DATE = Pattern.compile(
            "(?<![0-9A-Za-z_]|\\d[./-])" + YEAR + "([./])" + MONTH + "\\1" + DAY + "(?!\\d|[./-]\\d)");

    private static final String MONTH_NAME = "(?:янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек"
            + "|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\p{L}*\\.?";
    private static final Pattern WORDY_DATE = Pattern.compile(
            "(?iu)(?<![\\p{L}\\p{N}])(?:" + DAY + "\\s*" + MONTH_NAME + ",?\\s*" + YEAR
                    + "|" + MONTH_NAME + "\\s*" + DAY + "(?:st|nd|rd|th)?,?\\s*" + YEAR + ")(?!\\p{N})");
    private static final Pattern COMPACT_DATE = Pattern.compile(
            "(?<!\\d)" + YEAR + "(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])(?!\\d)");

    private PersonalDataGuard() {
    }

    /**
     * Refuses a JSON value (object, array or scalar) that carries raw personal data anywhere inside it.
     *
     * @param field the field's name in the request, the root of the reported path ({@code registrationPolicy})
     * @throws ProblemException a 422 {@code personal-data-refused} naming the path and the rule
     */
    public static void refuseIn(String field, JsonNode value, Strictness strictness) {
        String root = field == null ? "" : field;
        walk(root, value, new Scope(strictness, false, false).enter(lastKeyOf(root)));
    }

    /** Refuses a plain text field (a title, a comment, a key) that carries raw personal data. */
    public static void refuseIn(String field, String value, Strictness strictness) {
        String root = field == null ? "" : field;
        Kind kind = findInText(value, new Scope(strictness, false, false).enter(lastKeyOf(root)));
        if (kind != null) {
            throw refusal(root, kind, false);
        }
    }

    private static void walk(String path, JsonNode node, Scope scope) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                Kind inKey = findInText(entry.getKey(), scope);
                if (inKey != null) {
                    throw refusal(path, inKey, true);
                }
                walk(join(path, entry.getKey()), entry.getValue(), scope.enter(entry.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(path + "[" + i + "]", node.get(i), scope);
            }
        } else if (node.isTextual()) {
            Kind kind = findInText(node.textValue(), scope);
            if (kind != null) {
                throw refusal(path, kind, false);
            }
        } else if (node.isNumber()) {
            Kind kind = findInNumber(node, scope);
            if (kind != null) {
                throw refusal(path, kind, false);
            }
        }
    }

    private static Kind findInText(String text, Scope scope) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.indexOf('@') >= 0 && EMAIL.matcher(text).find()) {
            return Kind.EMAIL;
        }
        if (!containsDigit(text)) {
            return null;
        }
        String masked = UUID.matcher(text).replaceAll(uuid -> "x".repeat(uuid.group().length()));
        Matcher snils = SNILS.matcher(masked);
        while (snils.find()) {
            if (scope.snilsKey() || isFormattedAsSnils(snils) || hasSnilsChecksum(digitsOf(snils))) {
                return Kind.SNILS;
            }
        }
        if (RU_PHONE.matcher(masked).find() || INTL_PHONE.matcher(masked).find()) {
            return Kind.PHONE;
        }
        if (scope.refusesDates() && containsDate(masked, scope.birthKey())) {
            return Kind.BIRTH_DATE;
        }
        return null;
    }

    private static Kind findInNumber(JsonNode number, Scope scope) {
        if ((number.isDouble() || number.isFloat()) && !Double.isFinite(number.doubleValue())) {
            return null;
        }
        BigDecimal value = number.decimalValue().abs().stripTrailingZeros();
        int integerDigits = value.precision() - value.scale();
        if (value.scale() > 0 || (integerDigits != 11 && integerDigits != 8)) {
            return null;
        }
        String digits = value.toBigIntegerExact().toString();
        if (digits.length() == 11) {
            if (scope.snilsKey() || hasSnilsChecksum(digits)) {
                return Kind.SNILS;
            }
            if (digits.charAt(0) == '7' || digits.charAt(0) == '8') {
                return Kind.PHONE;
            }
        }
        if (scope.birthKey() && COMPACT_DATE.matcher(digits).matches()) {
            return Kind.BIRTH_DATE;
        }
        return null;
    }

    private static boolean containsDate(String text, boolean birthKey) {
        if (ISO_DATE.matcher(text).find() || DAY_FIRST_DATE.matcher(text).find() || YEAR_FIRST_DATE.matcher(text).find()) {
            return true;
        }
        return birthKey && (WORDY_DATE.matcher(text).find() || COMPACT_DATE.matcher(text).find());
    }

    /** {@code XXX-XXX-XXX YY} or {@code XXX-XXX-XXX-YY}: a SNILS by its form, whatever its checksum. */
    private static boolean isFormattedAsSnils(Matcher snils) {
        return "-".equals(snils.group(2)) && "-".equals(snils.group(4))
                && ("-".equals(snils.group(6)) || " ".equals(snils.group(6)));
    }

    private static String digitsOf(Matcher snils) {
        return snils.group(1) + snils.group(3) + snils.group(5) + snils.group(7);
    }

    /** The SNILS control number: digits 1-9 weighted 9..1, summed; below 100 as is, 100 and 101 → 00, else mod 101. */
    static boolean hasSnilsChecksum(String elevenDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (elevenDigits.charAt(i) - '0') * (9 - i);
        }
        int control;
        if (sum < 100) {
            control = sum;
        } else if (sum <= 101) {
            control = 0;
        } else {
            control = sum % 101;
            if (control == 100) {
                control = 0;
            }
        }
        return control == Integer.parseInt(elevenDigits.substring(9));
    }

    private static boolean containsDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The last key of a dotted path, without array indexes: {@code child.birthDate[0]} → {@code birthDate}. */
    private static String lastKeyOf(String path) {
        String key = path.substring(path.lastIndexOf('.') + 1);
        int bracket = key.indexOf('[');
        return bracket >= 0 ? key.substring(0, bracket) : key;
    }

    private static ProblemException refusal(String path, Kind kind, boolean inKey) {
        String where = path.isEmpty() ? "the value" : path;
        String subject = inKey ? "a key of " + where : where;
        String detail = subject + " looks like " + kind.what
                + "; store a reference to identity's protected attributes instead";
        return new ProblemException(Problem.of(ProblemType.PERSONAL_DATA_REFUSED, detail)
                .withField(path.isEmpty() ? null : path, kind.rule));
    }
}
