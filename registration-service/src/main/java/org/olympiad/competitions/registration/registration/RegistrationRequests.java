package org.olympiad.competitions.registration.registration;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.olympiad.competitions.registration.participant.ParticipantDetails;
import org.olympiad.competitions.registration.policy.RegistrationSource;

import java.util.UUID;

/** Bodies of the registration endpoints. Refs are opaque JSON objects pointing into identity; never raw data. */
public final class RegistrationRequests {

    private RegistrationRequests() {
    }

    /** {@code submit=false} keeps it a draft the registrant can still complete. */
    @Schema(name = "RegistrationCreate")
    public record Create(
            @NotNull RegistrationSource source,
            @NotNull @Valid ParticipantDetails participant,
            DeliveryPreferences deliveryPreferences,
            @Size(max = 300) String teacherNameText,
            JsonNode parentContactRef,
            JsonNode parentInviteRef,
            JsonNode officialDataRef,
            UUID groupId,
            UUID learningWorkspaceId,
            UUID learningGroupId,
            Boolean submit) {

        public boolean submitNow() {
            return submit == null || submit;
        }

        public Create withParticipant(ParticipantDetails details) {
            return new Create(source, details, deliveryPreferences, teacherNameText, parentContactRef, parentInviteRef,
                    officialDataRef, groupId, learningWorkspaceId, learningGroupId, submit);
        }
    }

    /** Only the fields given change; allowed while the registration is not yet under review. */
    @Schema(name = "RegistrationUpdate")
    public record Update(
            @Size(max = 20) String grade,
            DeliveryPreferences deliveryPreferences,
            @Size(max = 300) String teacherNameText,
            JsonNode parentContactRef,
            JsonNode officialDataRef,
            UUID identityOrganizationId) {
    }

    @Schema(name = "RegistrationTransition")
    public record Transition(@NotNull RegistrationStatus to, @Size(max = 2000) String reason) {
    }

    public enum DuplicateAction { merge, release }

    /** {@code intoParticipantId}: with merge, the participant the held one is the same child as (found when omitted). */
    @Schema(name = "RegistrationDuplicateResolution")
    public record DuplicateResolution(@NotNull DuplicateAction action, UUID intoParticipantId,
                                      @Size(max = 2000) String reason) {
    }

    /** A move of the official data package; {@code officialDataRef} points into identity's protected attributes. */
    @Schema(name = "OfficialDataPackageTransition")
    public record OfficialDataPackageTransition(@NotNull OfficialDataPackageStatus to, JsonNode officialDataRef,
                                                @Size(max = 2000) String reason) {
    }
}
