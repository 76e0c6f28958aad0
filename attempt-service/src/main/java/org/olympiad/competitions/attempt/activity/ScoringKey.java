package org.olympiad.competitions.attempt.activity;

import com.fasterxml.jackson.databind.JsonNode;
import org.olympiad.competitions.platform.api.JsonObjects;
import org.olympiad.competitions.platform.api.StrictJson;
import org.olympiad.competitions.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;

/**
 * The answer key in {@code competition_tour_task_items.scoring_snapshot}, validated before it is stored. The score
 * itself is computed by the database function {@code attempt_auto_score} (changeset 003), which reads these keys:
 * <ul>
 * <li>{@code {"type":"single_choice","correct":"B"}} — the answer is {@code "B"};</li>
 * <li>{@code {"type":"multiple_choice","correct":["A","C"],"partialCredit":"proportional"}} — the answer is a list;
 * {@code all_or_nothing} (default) gives the max for exactly the right set, {@code proportional} gives
 * max × (right − wrong picks) / right answers, never below 0;</li>
 * <li>{@code {"type":"number","value":3.14,"tolerance":0.01}} — a number or numeric text (a decimal comma too);</li>
 * <li>{@code {"type":"short_text","variants":["Москва"],"normalisation":{…}}} — text equal to a variant after
 * trimming, collapsing spaces, ignoring case and reading ё as е (each switchable off).</li>
 * </ul>
 * A snapshot without {@code type} (empty, or only a {@code rubric} for checkers) means the item is checked by hand.
 */
public record ScoringKey(String type, JsonNode correct, PartialCredit partialCredit, BigDecimal value,
                         BigDecimal tolerance, List<String> variants, Normalisation normalisation, String rubric) {

    public enum PartialCredit { all_or_nothing, proportional }

    public record Normalisation(Boolean trim, Boolean collapseSpaces, Boolean ignoreCase, Boolean yoAsYe) {
    }

    private static final List<String> TYPES = List.of("single_choice", "multiple_choice", "number", "short_text");

    /** The snapshot as given, once it is a well-formed key or a manual item's snapshot; otherwise a 422. */
    public static JsonNode validated(String field, JsonNode given) {
        JsonNode json = JsonObjects.objectOrEmpty(field, given);
        ScoringKey key = StrictJson.read(field, json, ScoringKey.class);
        if (key.type == null) {
            if (key.correct != null || key.value != null || key.variants != null || key.partialCredit != null
                    || key.tolerance != null || key.normalisation != null) {
                throw ProblemException.invalidField(field + ".type", "required",
                        field + ".type is required with an answer key (one of " + TYPES + ")");
            }
            return json;
        }
        switch (key.type) {
            case "single_choice" -> {
                if (key.correct == null || !key.correct.isTextual() || key.correct.asText().isBlank()) {
                    throw invalid(field + ".correct", "text", "a single choice key names its correct option as text");
                }
            }
            case "multiple_choice" -> {
                if (key.correct == null || !key.correct.isArray() || key.correct.isEmpty()) {
                    throw invalid(field + ".correct", "non-empty-list", "a multiple choice key lists its correct options");
                }
                var seen = new HashSet<String>();
                for (JsonNode option : key.correct) {
                    if (!option.isTextual() || !seen.add(option.asText())) {
                        throw invalid(field + ".correct", "distinct-texts", "correct options are distinct texts");
                    }
                }
            }
            case "number" -> {
                if (key.value == null) {
                    throw invalid(field + ".value", "required", "a number key gives its value");
                }
                if (key.tolerance != null && key.tolerance.signum() < 0) {
                    throw invalid(field + ".tolerance", "not-negative", "a tolerance is not negative");
                }
            }
            case "short_text" -> {
                if (key.variants == null || key.variants.isEmpty()
                        || key.variants.stream().anyMatch(v -> v == null || v.isBlank())) {
                    throw invalid(field + ".variants", "non-empty-list", "a short text key lists its accepted variants");
                }
            }
            default -> throw invalid(field + ".type", "one-of", field + ".type must be one of: " + String.join(", ", TYPES));
        }
        return json;
    }

    /** True when the snapshot is an answer key (the item is checked automatically). */
    public static boolean isKey(JsonNode snapshot) {
        return snapshot != null && snapshot.hasNonNull("type");
    }

    private static ProblemException invalid(String field, String rule, String detail) {
        return ProblemException.invalidField(field, rule, detail);
    }
}
