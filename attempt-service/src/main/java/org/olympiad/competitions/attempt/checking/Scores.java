package org.olympiad.competitions.attempt.checking;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Score versions as organisers read them ({@code competition_scores}; written only by {@link ScoreVersions}). */
public final class Scores {

    private Scores() {
    }

    public record ScoreView(UUID id, UUID submissionId, UUID tourTaskItemId, int scoreVersion, boolean isCurrent,
                            BigDecimal score, BigDecimal maxScore, UUID sourceCheckId, String recalculationReason,
                            OffsetDateTime voidedAt, OffsetDateTime createdAt) {
    }

    static ScoreView of(Object[] r) {
        return new ScoreView((UUID) r[0], (UUID) r[1], (UUID) r[2], ((Number) r[3]).intValue(), (Boolean) r[4],
                (BigDecimal) r[5], (BigDecimal) r[6], (UUID) r[7], (String) r[8], time(r[9]), time(r[10]));
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString().replace(' ', 'T'));
    }

    static final String SELECT = "select id, submission_id, tour_task_item_id, score_version, is_current, score, max_score, "
            + "source_check_id, recalculation_reason, voided_at, created_at from competition_scores ";
}
