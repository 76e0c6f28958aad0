package org.olympiad.competitions.documents.document;

import com.fasterxml.jackson.databind.JsonNode;
import org.olympiad.competitions.contracts.EventJson;

import java.util.UUID;

/**
 * The fields of a {@code result.published} / {@code result.revised} snapshot that documents use: the
 * competition_results row plus {@code publication_id}, {@code grade_category_id} and {@code award_title}.
 */
record PublishedResult(UUID resultId, UUID seasonId, UUID participantId, UUID tourId, UUID publicationId,
                       UUID gradeCategoryId, String awardStatusKey, String awardTitle, String status,
                       boolean withheld) {

    static PublishedResult of(JsonNode after) {
        if (after == null) {
            throw new EventJson.MalformedEventException("a result event without its row");
        }
        return new PublishedResult(required(after, "id"), required(after, "season_id"),
                required(after, "participant_id"), optional(after, "tour_id"), optional(after, "publication_id"),
                optional(after, "grade_category_id"), text(after, "award_status_key"), text(after, "award_title"),
                text(after, "status"), after.path("is_withheld").asBoolean(false));
    }

    /** A result earns a document only while it stands: not void and not withheld. */
    boolean stands() {
        return !"void".equals(status) && !withheld;
    }

    /** What the document prints under its heading: results-service's award title, or the degree by the key. */
    String awardLine() {
        return awardTitle == null || awardTitle.isBlank() ? AwardDocumentType.defaultAwardLine(awardStatusKey) : awardTitle;
    }

    private static UUID required(JsonNode row, String field) {
        UUID value = optional(row, field);
        if (value == null) {
            throw new EventJson.MalformedEventException("a result event without " + field);
        }
        return value;
    }

    private static UUID optional(JsonNode row, String field) {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return UUID.fromString(value.asText());
        } catch (IllegalArgumentException e) {
            throw new EventJson.MalformedEventException("a result event whose " + field + " is not a uuid");
        }
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
