package org.olympiad.competitions.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.olympiad.competitions.contracts.EventJson;

import java.util.UUID;

/**
 * What changed, as the domain says it: the event type, the entity and its row before and after.
 * The outbox adds who did it, when, and under which request.
 */
public record DomainChange(
        String type,
        String entityType,
        UUID entityId,
        UUID seasonId,
        JsonNode before,
        JsonNode after,
        String reason) {

    /** A change of one row: snapshots are taken now, so later mutation of the entity cannot alter them. */
    public static DomainChange of(String type, String entityType, UUID entityId, UUID seasonId,
                                  Object before, Object after, String reason) {
        return new DomainChange(type, entityType, entityId, seasonId,
                EventJson.snapshot(before), EventJson.snapshot(after), reason);
    }
}
