package org.olympiad.competitions.registration.gradecategory;

import java.time.Instant;
import java.util.UUID;

/** A grade category as the API shows it; its snake_case form is the row snapshot in events. */
public record GradeCategoryView(UUID id, UUID seasonId, String key, String title, String gradeRangeKey,
                                Instant createdAt) {
}
