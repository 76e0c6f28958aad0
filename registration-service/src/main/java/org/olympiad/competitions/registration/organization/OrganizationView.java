package org.olympiad.competitions.registration.organization;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A competition organisation as the API shows it; its snake_case form is the row snapshot in events. */
public record OrganizationView(UUID id, UUID seasonId, UUID identityOrganizationId, String displayNameSnapshot,
                               ParticipationStatus participationStatus, JsonNode seasonScope, Instant snapshotTakenAt,
                               Instant createdAt, Instant updatedAt) {
}
