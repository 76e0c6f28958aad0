package org.olympiad.competitions.results.policy;

import com.fasterxml.jackson.databind.JsonNode;
import org.olympiad.competitions.platform.api.StrictJson;
import org.olympiad.competitions.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.util.List;

/**
 * An award policy's {@code rules}, typed: what real olympiad regulations say about awards.
 * <pre>
 * {"countedTours": {"mode": "best_of", "count": 2},
 *  "maxScore": 100,
 *  "minimumScore": {"shareOfMax": 0.5, "comparison": "more_than"},
 *  "awards": [
 *    {"status": "diploma_1", "cumulativeShare": 0.08, "maxCount": 40, "rounding": "floor"},
 *    {"status": "diploma_2", "cumulativeShare": 0.25},
 *    {"status": "diploma_3", "cumulativeShare": 0.45},
 *    {"status": "honorable_mention_1", "cumulativeShare": 0.6, "minimumScore": {"shareOfMax": 0.3, "comparison": "at_least"}}],
 *  "tieAtQuotaEdge": "all_in",
 *  "participationCertificates": "scored"}
 * </pre>
 * Shares and counts are cumulative (this award or a better one): "winners at most 8%, all diploma holders at most
 * 45%". A step's share of the group's ranked participants is rounded as it says, then capped by its maxCount.
 * Ties rank 1-2-2-4 (standard competition ranking). A tie straddling a quota's edge is all in or all out.
 * The minimum score (a share of the maximum, "more than" or "at least") applies to every step unless the step
 * sets its own. maxScore, when absent, is the sum of the task items' maximum scores of the counted tours.
 */
public record AwardRules(
        CountedTours countedTours,
        BigDecimal maxScore,
        MinimumScore minimumScore,
        List<Step> awards,
        TieAtQuotaEdge tieAtQuotaEdge,
        ParticipationCertificates participationCertificates) {

    public static final String FIELD = "rules";

    public enum Mode { last, sum, best_of }

    public enum Comparison { more_than, at_least }

    public enum Rounding { floor, ceil, half_up }

    public enum TieAtQuotaEdge { all_in, all_out }

    public enum ParticipationCertificates { none, all, scored }

    public record CountedTours(Mode mode, Integer count) {
    }

    public record MinimumScore(BigDecimal shareOfMax, Comparison comparison) {
    }

    public record Step(AwardStatus status, BigDecimal cumulativeShare, Integer maxCount, Rounding rounding,
                       MinimumScore minimumScore) {
        public Step {
            rounding = rounding == null ? Rounding.floor : rounding;
        }
    }

    public AwardRules {
        countedTours = countedTours == null ? new CountedTours(Mode.last, null) : countedTours;
        awards = awards == null ? List.of() : List.copyOf(awards);
        tieAtQuotaEdge = tieAtQuotaEdge == null ? TieAtQuotaEdge.all_out : tieAtQuotaEdge;
        participationCertificates = participationCertificates == null ? ParticipationCertificates.none : participationCertificates;
    }

    /** Parses and checks rules; anything wrong is a 422 naming its path ({@code rules.awards[1].cumulativeShare}). */
    public static AwardRules parse(JsonNode json) {
        AwardRules rules = StrictJson.read(FIELD, json, AwardRules.class);
        rules.check();
        return rules;
    }

    private void check() {
        if (countedTours.mode() == null) {
            throw invalid("countedTours.mode", "required", "countedTours.mode is required: last, sum or best_of");
        }
        if (countedTours.mode() == Mode.best_of) {
            if (countedTours.count() == null || countedTours.count() < 1) {
                throw invalid("countedTours.count", "min-1", "countedTours.count must be at least 1 for best_of");
            }
        } else if (countedTours.count() != null) {
            throw invalid("countedTours.count", "only-for-best_of", "countedTours.count applies to best_of only");
        }
        if (maxScore != null && maxScore.signum() <= 0) {
            throw invalid("maxScore", "positive", "maxScore must be more than 0");
        }
        checkMinimum("minimumScore", minimumScore);
        AwardStatus previous = null;
        BigDecimal previousShare = BigDecimal.ZERO;
        for (int i = 0; i < awards.size(); i++) {
            Step step = awards.get(i);
            String at = "awards[" + i + "]";
            if (step == null) {
                throw invalid(at, "required", at + " must be an object");
            }
            if (step.status() == null || !step.status().isLadderStep()) {
                throw invalid(at + ".status", "one-of", at + ".status must be one of: diploma_1, diploma_2, diploma_3, "
                        + "honorable_mention_1, honorable_mention_2");
            }
            if (previous != null && step.status().ordinal() <= previous.ordinal()) {
                throw invalid(at + ".status", "best-first", "awards are listed best first, each status once: "
                        + step.status() + " cannot follow " + previous);
            }
            if (step.cumulativeShare() == null) {
                throw invalid(at + ".cumulativeShare", "required", at + ".cumulativeShare is required");
            }
            if (step.cumulativeShare().signum() < 0 || step.cumulativeShare().compareTo(BigDecimal.ONE) > 0) {
                throw invalid(at + ".cumulativeShare", "share", at + ".cumulativeShare must be between 0 and 1");
            }
            if (step.cumulativeShare().compareTo(previousShare) < 0) {
                throw invalid(at + ".cumulativeShare", "not-decreasing", at + ".cumulativeShare is cumulative and "
                        + "cannot be less than the share of the award before it (" + previousShare + ")");
            }
            if (step.maxCount() != null && step.maxCount() < 0) {
                throw invalid(at + ".maxCount", "min-0", at + ".maxCount cannot be negative");
            }
            checkMinimum(at + ".minimumScore", step.minimumScore());
            previous = step.status();
            previousShare = step.cumulativeShare();
        }
    }

    private static void checkMinimum(String at, MinimumScore minimum) {
        if (minimum == null) {
            return;
        }
        if (minimum.shareOfMax() == null || minimum.shareOfMax().signum() < 0
                || minimum.shareOfMax().compareTo(BigDecimal.ONE) > 0) {
            throw invalid(at + ".shareOfMax", "share", at + ".shareOfMax must be between 0 and 1");
        }
        if (minimum.comparison() == null) {
            throw invalid(at + ".comparison", "required", at + ".comparison is required: more_than or at_least");
        }
    }

    /** The minimum a step applies: its own, or the policy's. */
    public MinimumScore minimumFor(Step step) {
        return step.minimumScore() != null ? step.minimumScore() : minimumScore;
    }

    /** Whether awarding needs the maximum score (a minimum score is set somewhere). */
    public boolean needsMaxScore() {
        return minimumScore != null || awards.stream().anyMatch(s -> s.minimumScore() != null);
    }

    private static ProblemException invalid(String path, String rule, String detail) {
        return ProblemException.invalidField(FIELD + "." + path, rule, FIELD + "." + detail);
    }
}
