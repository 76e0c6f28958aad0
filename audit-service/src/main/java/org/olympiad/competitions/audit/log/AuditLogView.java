package org.olympiad.competitions.audit.log;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** An audit row as the API shows it. {@code id} is the id of the event it records. */
public record AuditLogView(UUID id, UUID actorUserId, String action, String entityType, UUID entityId,
                           JsonNode before, JsonNode after, String reason, String requestId, Instant createdAt) {
}
