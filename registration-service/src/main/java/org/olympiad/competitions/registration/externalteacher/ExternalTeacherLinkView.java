package org.olympiad.competitions.registration.externalteacher;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A link of an external teacher to a participant as the API shows it; snake_case, the row snapshot in events. */
public record ExternalTeacherLinkView(UUID id, UUID externalTeacherProfileId, UUID participantId,
                                      RelationStatus relationStatus, JsonNode evidence, Instant createdAt,
                                      Instant revokedAt) {
}
