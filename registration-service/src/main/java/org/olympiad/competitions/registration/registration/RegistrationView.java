package org.olympiad.competitions.registration.registration;

import com.fasterxml.jackson.databind.JsonNode;
import org.olympiad.competitions.registration.policy.RegistrationSource;

import java.time.Instant;
import java.util.UUID;

/** A registration as the API shows it; snake_case, the row snapshot in events. */
public record RegistrationView(UUID id, UUID seasonId, UUID participantId, UUID groupId, UUID learningWorkspaceId,
                               UUID learningGroupId, RegistrationStatus status, RegistrationStage stage,
                               RegistrationSource source, JsonNode requiredFieldsStatus, JsonNode deliveryPreferences,
                               String teacherNameText, boolean officialDataPackageRequired,
                               OfficialDataPackageStatus officialDataPackageStatus, JsonNode officialDataRef,
                               JsonNode parentContactRef, JsonNode parentInviteRef, UUID submittedByUserId,
                               Instant createdAt, Instant updatedAt) {
}
