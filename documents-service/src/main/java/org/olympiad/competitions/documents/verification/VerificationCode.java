package org.olympiad.competitions.documents.verification;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * A document's public verification code: 80 random bits from {@link SecureRandom}, written as 16 characters of
 * Crockford's base32 (digits and letters without I, L, O and U, so nothing looks like something else) in four groups:
 * {@code 7K3M-Q9TX-2HCW-R8VD}. Guessing one of a million live codes takes about 2^60 tries.
 * <p>
 * Reading is forgiving the way Crockford's alphabet intends: lower case, spaces and missing dashes are accepted, and
 * O, I and L typed by mistake read as 0, 1 and 1.
 */
public final class VerificationCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 16;
    private static final int GROUP = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCode() {
    }

    /** A new random code, grouped. */
    public static String next() {
        byte[] bytes = new byte[10]; // 80 bits = 16 characters of 5 bits
        RANDOM.nextBytes(bytes);
        StringBuilder code = new StringBuilder(LENGTH + 3);
        long high = 0;
        for (int i = 0; i < 5; i++) {
            high = high << 8 | bytes[i] & 0xFF;
        }
        long low = 0;
        for (int i = 5; i < 10; i++) {
            low = low << 8 | bytes[i] & 0xFF;
        }
        appendEight(code, high);
        appendEight(code, low);
        return group(code.toString());
    }

    /** The canonical grouped form of what someone typed, or empty when it cannot be a code at all. */
    public static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder plain = new StringBuilder(LENGTH);
        for (char c : typed.toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            char upper = Character.toUpperCase(c);
            upper = switch (upper) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> upper;
            };
            if (ALPHABET.indexOf(upper) < 0 || plain.length() == LENGTH) {
                return Optional.empty();
            }
            plain.append(upper);
        }
        return plain.length() == LENGTH ? Optional.of(group(plain.toString())) : Optional.empty();
    }

    /** 40 bits as eight characters, most significant first. */
    private static void appendEight(StringBuilder code, long fortyBits) {
        for (int shift = 35; shift >= 0; shift -= 5) {
            code.append(ALPHABET.charAt((int) (fortyBits >>> shift & 31)));
        }
    }

    private static String group(String plain) {
        StringBuilder grouped = new StringBuilder(LENGTH + 3);
        for (int i = 0; i < plain.length(); i++) {
            if (i > 0 && i % GROUP == 0) {
                grouped.append('-');
            }
            grouped.append(plain.charAt(i));
        }
        return grouped.toString();
    }
}
