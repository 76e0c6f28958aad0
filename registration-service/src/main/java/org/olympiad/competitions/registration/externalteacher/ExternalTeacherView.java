package org.olympiad.competitions.registration.externalteacher;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An external teacher's profile as the API shows it; its snake_case form is the row snapshot in events. */
public record ExternalTeacherView(UUID id, UUID identityUserId, String displayNameSnapshot, String organizationName,
                                  VerificationStatus verificationStatus, VerificationSource verificationSource,
                                  List<UUID> allowedSeasonRefs, UUID verifiedByUserId, Instant verifiedAt,
                                  Instant revokedAt, Instant createdAt, Instant updatedAt) {
}
