package org.olympiad.competitions.registration.participant;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A participant as the API shows it to those allowed to see it; snake_case, the row snapshot in events. */
public record ParticipantView(UUID id, UUID seasonId, UUID identityUserId, UUID studentProfileId,
                              UUID organizationStudentId, UUID identityOrganizationId, UUID organizationMembershipId,
                              JsonNode organizationStudentSnapshot, String displayName, String grade,
                              boolean childModeRequired, JsonNode officialDataRef, String identityStatus,
                              String duplicateStatus, UUID createdByUserId, Instant createdAt, Instant updatedAt) {
}
