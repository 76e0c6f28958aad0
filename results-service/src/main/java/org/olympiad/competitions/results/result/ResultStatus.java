package org.olympiad.competitions.results.result;

/** {@code competition_results.status}. */
public enum ResultStatus { draft, calculated, review, finalized, void_;

    /** The column's value ({@code void} is a Java keyword). */
    public String key() {
        return this == void_ ? "void" : name();
    }

    @Override
    public String toString() {
        return key();
    }

    public static ResultStatus of(String key) {
        return "void".equals(key) ? void_ : valueOf(key);
    }
}
