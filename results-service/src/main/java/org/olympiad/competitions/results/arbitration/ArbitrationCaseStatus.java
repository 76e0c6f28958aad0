package org.olympiad.competitions.results.arbitration;

/** {@code competition_arbitration_cases.status}. */
public enum ArbitrationCaseStatus { opened, in_review, cleared, sanctioned, closed;

    /** A case not yet decided withholds the participant's results. */
    public boolean isOpen() {
        return this == opened || this == in_review;
    }
}
