package org.olympiad.competitions.attempt.checking;

import io.smallrye.mutiny.Uni;
import org.olympiad.competitions.attempt.activity.ScoringKey;
import org.olympiad.competitions.attempt.activity.TaskItem;
import org.olympiad.competitions.platform.sql.NativeSql;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How far the check of one work has come, in its two parts: the automatic part (the tasks with an answer key,
 * scored on submit or at the close) and the manual part (the tasks left to checkers). The method follows from the
 * tasks: {@code auto} when every task has a key, {@code manual} when none has, {@code hybrid} otherwise. A part is
 * {@code none} when the work has no task of its kind; the work is {@code complete} only when every part it has is
 * {@code checked}, and only then is there a {@code total}.
 *
 * <p>Scores are shown to organisers only ({@link #withoutScores()} for anyone else): a participant learns their
 * scores from the results that results-service publishes, not while the checking is still under way.
 *
 * @param automaticPart {@code none | waiting | checked}
 * @param manualPart    {@code none | waiting | in_progress | in_review | checked}
 */
public record CheckingProgress(String method, String automaticPart, String manualPart, boolean complete,
                               BigDecimal automaticScore, BigDecimal manualScore, BigDecimal total) {

    public static final String AUTO = "auto";
    public static final String MANUAL = "manual";
    public static final String HYBRID = "hybrid";

    /** The method of a work of these tasks. */
    public static String methodOf(List<TaskItem> items) {
        boolean keyed = items.stream().anyMatch(i -> ScoringKey.isKey(i.scoringSnapshot));
        boolean byHand = items.stream().anyMatch(i -> !ScoringKey.isKey(i.scoringSnapshot));
        return keyed && byHand ? HYBRID : keyed ? AUTO : MANUAL;
    }

    /** The progress of the submission's check, with the part scores (an organiser's view). */
    public static Uni<CheckingProgress> of(UUID submissionId, List<TaskItem> items) {
        return NativeSql.rows("select tour_task_item_id, score from competition_scores where submission_id = ?1 "
                        + "and is_current and voided_at is null", submissionId)
                .chain(scores -> NativeSql.rows("select status, count(*) from competition_checks where submission_id = ?1 "
                                + "and method = 'manual' group by status", submissionId)
                        .map(checks -> {
                            Map<UUID, BigDecimal> current = new HashMap<>();
                            scores.forEach(r -> current.put((UUID) r[0], (BigDecimal) r[1]));
                            Map<String, Long> manualChecks = new HashMap<>();
                            checks.forEach(r -> manualChecks.put(String.valueOf(r[0]), ((Number) r[1]).longValue()));
                            List<TaskItem> keyed = items.stream().filter(i -> ScoringKey.isKey(i.scoringSnapshot)).toList();
                            List<TaskItem> byHand = items.stream().filter(i -> !ScoringKey.isKey(i.scoringSnapshot)).toList();
                            BigDecimal automatic = sum(keyed, current);
                            BigDecimal manual = sum(byHand, current);
                            String automaticPart = keyed.isEmpty() ? "none" : automatic != null ? "checked" : "waiting";
                            String manualPart = byHand.isEmpty() ? "none" : manual != null ? "checked"
                                    : manualChecks.containsKey("needs_review") ? "in_review"
                                    : manualChecks.isEmpty() ? "waiting" : "in_progress";
                            boolean complete = !automaticPart.equals("waiting") && !manualPart.equals("waiting")
                                    && !manualPart.equals("in_progress") && !manualPart.equals("in_review");
                            BigDecimal total = complete ? nz(automatic).add(nz(manual)) : null;
                            return new CheckingProgress(methodOf(items), automaticPart, manualPart, complete,
                                    automatic, manual, total);
                        }));
    }

    /** The same progress without any score: what the participant and their helpers see. */
    public CheckingProgress withoutScores() {
        return new CheckingProgress(method, automaticPart, manualPart, complete, null, null, null);
    }

    /** The sum of the tasks' current scores; null while any of them has none (the part is not in yet). */
    private static BigDecimal sum(List<TaskItem> items, Map<UUID, BigDecimal> current) {
        if (items.isEmpty()) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (TaskItem item : items) {
            BigDecimal score = current.get(item.id);
            if (score == null) {
                return null;
            }
            sum = sum.add(score);
        }
        return sum;
    }

    private static BigDecimal nz(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
