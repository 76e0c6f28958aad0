package org.olympiad.competitions.registration.participant;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Who is being registered: the name and grade the season shows, and refs into identity and the school. */
@Schema(name = "ParticipantDetails")
public record ParticipantDetails(
        @NotBlank @Size(max = 200) String displayName,
        @Size(max = 20) String grade,
        UUID identityUserId,
        UUID studentProfileId,
        UUID organizationStudentId,
        UUID identityOrganizationId,
        UUID organizationMembershipId,
        JsonNode organizationStudentSnapshot,
        Boolean childModeRequired) {
}
