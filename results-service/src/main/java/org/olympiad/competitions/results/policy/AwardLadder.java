package org.olympiad.competitions.results.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Ranks and awards one group (a track and grade category of a tour or season) by its {@link AwardRules}.
 * Pure: scores in, ranks, award statuses and the thresholds that were applied out. The thresholds are what a
 * result's {@code threshold_policy_snapshot} stores, so that a published award can always be explained.
 */
public final class AwardLadder {

    private AwardLadder() {
    }

    /** One applied step: how many could hold this award or better, and the lowest score that got it. */
    public record Threshold(AwardStatus status, BigDecimal cumulativeShare, Integer maxCount, String rounding,
                            int quota, int cutoff, BigDecimal minimumScore, String minimumComparison,
                            BigDecimal lowestAwardedScore, int awarded) {
    }

    /**
     * The outcome for scores given in descending order: {@code ranks[i]} and {@code awards[i]} belong to
     * {@code scores[i]}.
     */
    public record Outcome(int[] ranks, AwardStatus[] awards, List<Threshold> thresholds, BigDecimal maxScore) {
    }

    /**
     * @param descending the group's scores, highest first
     * @param maxScore   the maximum score, needed only when a minimum score applies (null otherwise)
     */
    public static Outcome apply(AwardRules rules, BigDecimal[] descending, BigDecimal maxScore) {
        int n = descending.length;
        int[] ranks = ranks(descending);
        AwardStatus[] awards = new AwardStatus[n];
        List<Threshold> thresholds = new ArrayList<>();
        int previousCutoff = 0;
        int assigned = 0; // everyone before this index has an award from an earlier step
        for (AwardRules.Step step : rules.awards()) {
            int quota = quota(step, n);
            int cutoff = Math.max(previousCutoff, edge(descending, ranks, quota, rules.tieAtQuotaEdge()));
            AwardRules.MinimumScore minimum = rules.minimumFor(step);
            BigDecimal minimumScore = minimum == null ? null : minimumScore(minimum, maxScore);
            BigDecimal lowest = null;
            int awarded = 0;
            for (int i = assigned; i < cutoff; i++) {
                if (minimumScore != null && !meets(descending[i], minimumScore, minimum.comparison())) {
                    break; // sorted: nobody further down meets it either
                }
                awards[i] = step.status();
                lowest = descending[i];
                awarded++;
                assigned = i + 1;
            }
            thresholds.add(new Threshold(step.status(), step.cumulativeShare(), step.maxCount(),
                    step.rounding().name(), quota, cutoff, minimumScore,
                    minimum == null ? null : minimum.comparison().name(), lowest, awarded));
            previousCutoff = cutoff;
        }
        for (int i = 0; i < n; i++) {
            if (awards[i] == null) {
                awards[i] = switch (rules.participationCertificates()) {
                    case all -> AwardStatus.participation_certificate;
                    case scored -> descending[i].signum() > 0 ? AwardStatus.participation_certificate : AwardStatus.no_award;
                    case none -> AwardStatus.no_award;
                };
            }
        }
        return new Outcome(ranks, awards, thresholds, maxScore);
    }

    /** Standard competition ranking (1-2-2-4): one more than the number of strictly higher scores. */
    public static int[] ranks(BigDecimal[] descending) {
        int[] ranks = new int[descending.length];
        for (int i = 0; i < descending.length; i++) {
            if (i > 0 && descending[i].compareTo(descending[i - 1]) > 0) {
                throw new IllegalArgumentException("scores must be in descending order");
            }
            ranks[i] = i > 0 && descending[i].compareTo(descending[i - 1]) == 0 ? ranks[i - 1] : i + 1;
        }
        return ranks;
    }

    /** The step's share of the group, rounded as it says, capped by its maxCount. */
    static int quota(AwardRules.Step step, int n) {
        BigDecimal exact = step.cumulativeShare().multiply(BigDecimal.valueOf(n));
        int rounded = exact.setScale(0, switch (step.rounding()) {
            case floor -> RoundingMode.FLOOR;
            case ceil -> RoundingMode.CEILING;
            case half_up -> RoundingMode.HALF_UP;
        }).intValueExact();
        return step.maxCount() == null ? rounded : Math.min(rounded, step.maxCount());
    }

    /** Where the quota really ends once a tie straddling it is taken all in or all out. */
    static int edge(BigDecimal[] descending, int[] ranks, int quota, AwardRules.TieAtQuotaEdge tie) {
        int n = descending.length;
        if (quota <= 0 || quota >= n || descending[quota - 1].compareTo(descending[quota]) != 0) {
            return Math.max(0, Math.min(quota, n));
        }
        if (tie == AwardRules.TieAtQuotaEdge.all_out) {
            return ranks[quota - 1] - 1; // everyone before the tied group
        }
        int end = quota;
        while (end < n && descending[end].compareTo(descending[quota - 1]) == 0) {
            end++;
        }
        return end;
    }

    static BigDecimal minimumScore(AwardRules.MinimumScore minimum, BigDecimal maxScore) {
        if (maxScore == null) {
            throw new IllegalStateException("a minimum score needs the maximum score");
        }
        return minimum.shareOfMax().multiply(maxScore).stripTrailingZeros(); // exact: "more than 12.5" must stay 12.5
    }

    static boolean meets(BigDecimal score, BigDecimal minimum, AwardRules.Comparison comparison) {
        int c = score.compareTo(minimum);
        return comparison == AwardRules.Comparison.more_than ? c > 0 : c >= 0;
    }
}
