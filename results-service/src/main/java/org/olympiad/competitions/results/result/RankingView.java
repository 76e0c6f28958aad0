package org.olympiad.competitions.results.result;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One line of a stored ranking (per season, tour and track; rank 1-2-2-4 over every grade category). */
public record RankingView(UUID participantId, String displayName, UUID trackId, int rank, BigDecimal score,
                          OffsetDateTime calculatedAt) {
}
