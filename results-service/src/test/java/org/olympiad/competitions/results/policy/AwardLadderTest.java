package org.olympiad.competitions.results.policy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.olympiad.competitions.contracts.EventJson;
import org.olympiad.competitions.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.olympiad.competitions.results.policy.AwardStatus.*;

/** The award rules of real olympiad regulations, applied to one group of scores. */
class AwardLadderTest {

    private static AwardRules rules(String json) {
        try {
            JsonNode node = EventJson.mapper().readTree(json.replace('\'', '"'));
            return AwardRules.parse(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static BigDecimal[] scores(double... values) {
        return Arrays.stream(values).mapToObj(BigDecimal::valueOf).toArray(BigDecimal[]::new);
    }

    @Test
    void ties_rank_one_two_two_four() {
        assertThat(AwardLadder.ranks(scores(90, 80, 80, 70, 70, 70, 10))).containsExactly(1, 2, 2, 4, 4, 4, 7);
    }

    @Test
    void winners_at_most_eight_percent_and_all_diploma_holders_at_most_a_quarter() {
        AwardRules r = rules("{'awards':[{'status':'diploma_1','cumulativeShare':0.08},"
                + "{'status':'diploma_2','cumulativeShare':0.15},{'status':'diploma_3','cumulativeShare':0.25}]}");
        BigDecimal[] s = IntStream.range(0, 100).mapToObj(i -> BigDecimal.valueOf(100 - i)).toArray(BigDecimal[]::new);
        AwardLadder.Outcome o = AwardLadder.apply(r, s, null);
        assertThat(Arrays.stream(o.awards()).filter(a -> a == diploma_1).count()).isEqualTo(8);
        assertThat(Arrays.stream(o.awards()).filter(a -> a == diploma_2).count()).isEqualTo(7);
        assertThat(Arrays.stream(o.awards()).filter(a -> a == diploma_3).count()).isEqualTo(10);
        assertThat(o.awards()[25]).isEqualTo(no_award);
        assertThat(o.thresholds().get(2).lowestAwardedScore()).isEqualByComparingTo("76");
    }

    @Test
    void a_share_is_rounded_as_the_policy_says_and_capped_by_its_max_count() {
        BigDecimal[] s = IntStream.range(0, 30).mapToObj(i -> BigDecimal.valueOf(100 - i)).toArray(BigDecimal[]::new);
        // 8% of 30 = 2.4
        assertThat(count(AwardLadder.apply(rules("{'awards':[{'status':'diploma_1','cumulativeShare':0.08,'rounding':'floor'}]}"), s, null), diploma_1)).isEqualTo(2);
        assertThat(count(AwardLadder.apply(rules("{'awards':[{'status':'diploma_1','cumulativeShare':0.08,'rounding':'ceil'}]}"), s, null), diploma_1)).isEqualTo(3);
        // 45% of 30 = 13.5
        assertThat(count(AwardLadder.apply(rules("{'awards':[{'status':'diploma_1','cumulativeShare':0.45,'rounding':'half_up'}]}"), s, null), diploma_1)).isEqualTo(14);
        assertThat(count(AwardLadder.apply(rules("{'awards':[{'status':'diploma_1','cumulativeShare':0.45,'rounding':'half_up','maxCount':5}]}"), s, null), diploma_1)).isEqualTo(5);
    }

    @Test
    void a_tie_at_the_quota_edge_is_all_in_or_all_out() {
        BigDecimal[] s = scores(95, 90, 80, 80, 80, 70, 60, 50, 40, 30);
        // quota 10% of 10 ... 30% = 3: the third place is tied with the fourth and fifth
        AwardLadder.Outcome in = AwardLadder.apply(rules("{'tieAtQuotaEdge':'all_in','awards':[{'status':'diploma_1','cumulativeShare':0.3}]}"), s, null);
        assertThat(count(in, diploma_1)).isEqualTo(5);
        assertThat(in.thresholds().get(0).quota()).isEqualTo(3);
        assertThat(in.thresholds().get(0).cutoff()).isEqualTo(5);
        AwardLadder.Outcome out = AwardLadder.apply(rules("{'tieAtQuotaEdge':'all_out','awards':[{'status':'diploma_1','cumulativeShare':0.3}]}"), s, null);
        assertThat(count(out, diploma_1)).isEqualTo(2);
        // a tie straddling the edge between two awards: all out drops the tied group to the next award
        AwardLadder.Outcome ladder = AwardLadder.apply(rules("{'tieAtQuotaEdge':'all_out','awards':[{'status':'diploma_1','cumulativeShare':0.3},"
                + "{'status':'diploma_2','cumulativeShare':0.6}]}"), s, null);
        assertThat(ladder.awards()).startsWith(diploma_1, diploma_1, diploma_2, diploma_2, diploma_2, diploma_2, no_award);
    }

    @Test
    void the_minimum_score_is_more_than_half_or_at_least_half_of_the_maximum() {
        BigDecimal[] s = scores(90, 60, 50, 50, 40);
        AwardLadder.Outcome strict = AwardLadder.apply(rules("{'minimumScore':{'shareOfMax':0.5,'comparison':'more_than'},"
                + "'awards':[{'status':'diploma_1','cumulativeShare':1}]}"), s, BigDecimal.valueOf(100));
        assertThat(strict.awards()).containsExactly(diploma_1, diploma_1, no_award, no_award, no_award);
        assertThat(strict.thresholds().get(0).minimumScore()).isEqualByComparingTo("50");
        AwardLadder.Outcome atLeast = AwardLadder.apply(rules("{'minimumScore':{'shareOfMax':0.5,'comparison':'at_least'},"
                + "'awards':[{'status':'diploma_1','cumulativeShare':1}]}"), s, BigDecimal.valueOf(100));
        assertThat(atLeast.awards()).containsExactly(diploma_1, diploma_1, diploma_1, diploma_1, no_award);
        // "more than half" of 25 is more than 12.5, not more than 13
        AwardLadder.Outcome odd = AwardLadder.apply(rules("{'minimumScore':{'shareOfMax':0.5,'comparison':'more_than'},"
                + "'awards':[{'status':'diploma_1','cumulativeShare':1}]}"), scores(13, 12.5), BigDecimal.valueOf(25));
        assertThat(odd.awards()).containsExactly(diploma_1, no_award);
    }

    @Test
    void honorable_mentions_have_their_own_minimum_and_the_rest_get_participation_certificates() {
        BigDecimal[] s = scores(90, 70, 45, 35, 10, 0);
        AwardLadder.Outcome o = AwardLadder.apply(rules("{'minimumScore':{'shareOfMax':0.5,'comparison':'more_than'},"
                + "'awards':[{'status':'diploma_1','cumulativeShare':0.2},{'status':'diploma_2','cumulativeShare':0.5},"
                + "{'status':'honorable_mention_1','cumulativeShare':0.8,'minimumScore':{'shareOfMax':0.3,'comparison':'at_least'}}],"
                + "'participationCertificates':'scored'}"), s, BigDecimal.valueOf(100));
        assertThat(o.awards()).containsExactly(diploma_1, diploma_2, honorable_mention_1, honorable_mention_1,
                participation_certificate, no_award);
    }

    @Test
    void an_empty_group_and_an_empty_policy_award_nothing() {
        assertThat(AwardLadder.apply(rules("{}"), new BigDecimal[0], null).awards()).isEmpty();
        assertThat(AwardLadder.apply(rules("{'participationCertificates':'all'}"), scores(0), null).awards())
                .containsExactly(participation_certificate);
    }

    @Test
    void unknown_keys_wrong_types_and_broken_rules_are_refused_naming_the_field() {
        assertRefused("{'quota':1}", "rules.quota", "unknown-field");
        assertRefused("{'awards':[{'status':'diploma_1','cumulativeShare':'0.08'}]}", "rules.awards[0].cumulativeShare", "type");
        assertRefused("{'awards':[{'status':'gold','cumulativeShare':0.08}]}", "rules.awards[0].status", "one-of");
        assertRefused("{'awards':[{'status':'diploma_1','cumulativeShare':1.5}]}", "rules.awards[0].cumulativeShare", "share");
        assertRefused("{'awards':[{'status':'diploma_2','cumulativeShare':0.1},{'status':'diploma_1','cumulativeShare':0.2}]}",
                "rules.awards[1].status", "best-first");
        assertRefused("{'awards':[{'status':'diploma_1','cumulativeShare':0.3},{'status':'diploma_2','cumulativeShare':0.2}]}",
                "rules.awards[1].cumulativeShare", "not-decreasing");
        assertRefused("{'awards':[{'status':'participation_certificate','cumulativeShare':0.3}]}", "rules.awards[0].status", "one-of");
        assertRefused("{'countedTours':{'mode':'best_of'}}", "rules.countedTours.count", "min-1");
        assertRefused("{'countedTours':{'mode':'sum','count':2}}", "rules.countedTours.count", "only-for-best_of");
        assertRefused("{'minimumScore':{'shareOfMax':0.5}}", "rules.minimumScore.comparison", "required");
        assertRefused("{'minimumScore':{'shareOfMax':0.5,'comparison':'over'}}", "rules.minimumScore.comparison", "one-of");
        assertRefused("{'tieAtQuotaEdge':true}", "rules.tieAtQuotaEdge", "type");
    }

    private static void assertRefused(String json, String field, String rule) {
        assertThatThrownBy(() -> rules(json)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().field()).as(json).isEqualTo(field);
            assertThat(e.problem().rule()).as(json).isEqualTo(rule);
            assertThat(e.problem().status()).isEqualTo(422);
        });
    }

    private static long count(AwardLadder.Outcome o, AwardStatus status) {
        return Arrays.stream(o.awards()).filter(a -> a == status).count();
    }
}
