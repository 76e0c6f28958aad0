package org.olympiad.competitions.results.policy;

/** The keys of {@code competition_award_statuses}, best first (their sort_order). */
public enum AwardStatus {
    diploma_1, diploma_2, diploma_3, honorable_mention_1, honorable_mention_2, participation_certificate, no_award;

    public boolean isLadderStep() {
        return ordinal() <= honorable_mention_2.ordinal();
    }
}
