package org.olympiad.competitions.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every domain event travels in, on every {@code competitions.<service>.v1} topic.
 * {@code before}/{@code after} are row snapshots of the changed entity (seed column names), null where the
 * row did not exist before or no longer exists after.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EventEnvelope(
        UUID eventId,
        String type,
        String entityType,
        UUID entityId,
        UUID seasonId,
        UUID actorUserId,
        Instant occurredAt,
        String requestId,
        String reason,
        JsonNode before,
        JsonNode after,
        int schemaVersion) {

    /** The envelope layout version; bumped only for a change a consumer must know about. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        // JSON null and absent mean the same: the row did not exist on that side of the change
        before = before == null || before.isNull() ? null : before;
        after = after == null || after.isNull() ? null : after;
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1");
        }
    }

    /** The service part of the type name, e.g. {@code season} of {@code season.created}. */
    public String entityName() {
        int dot = type.indexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }
}
