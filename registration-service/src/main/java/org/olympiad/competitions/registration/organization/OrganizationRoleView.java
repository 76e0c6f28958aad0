package org.olympiad.competitions.registration.organization;

import java.time.Instant;
import java.util.UUID;

/** A role of a competition organisation as the API shows it; its snake_case form is the row snapshot in events. */
public record OrganizationRoleView(UUID id, UUID competitionOrganizationId, OrganizationRoleKind role,
                                   OrganizationRoleStatus status, Instant createdAt) {
}
