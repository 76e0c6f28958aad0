package org.olympiad.competitions.registration.group;

import java.time.Instant;
import java.util.UUID;

/** A helper's grant on a group as the API shows it; its snake_case form is the row snapshot in events. */
public record GroupHelperView(UUID id, UUID groupId, UUID helperUserId, GroupHelperRole role, UUID grantedByUserId,
                              GroupHelperStatus status, Instant createdAt, Instant revokedAt) {
}
