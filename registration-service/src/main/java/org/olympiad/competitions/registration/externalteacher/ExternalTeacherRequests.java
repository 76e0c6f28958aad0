package org.olympiad.competitions.registration.externalteacher;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** Bodies of the external-teacher endpoints. */
public final class ExternalTeacherRequests {

    private ExternalTeacherRequests() {
    }

    /**
     * A teacher declares their own profile ({@code identityUserId} absent or their own); an admin creates one for
     * the user named by {@code identityUserId}. {@code allowedSeasonRefs} are seasons of this service; empty means
     * no restriction by season.
     */
    @Schema(name = "ExternalTeacherCreate")
    public record Create(
            UUID identityUserId,
            @NotBlank @Size(max = 200) String displayNameSnapshot,
            @Size(max = 300) String organizationName,
            @Size(max = 100) List<@NotNull UUID> allowedSeasonRefs) {
    }

    /** A verification decision on a profile (an admin's). */
    @Schema(name = "ExternalTeacherTransition")
    public record Transition(@NotNull VerificationStatus to, @Size(max = 2000) String reason) {
    }

    /** A teacher asks to be linked to a participant, with evidence given as refs. */
    @Schema(name = "ExternalTeacherLinkCreate")
    public record LinkCreate(@NotNull UUID participantId, JsonNode evidence) {
    }

    /** Confirming, rejecting or revoking a link. */
    @Schema(name = "ExternalTeacherLinkTransition")
    public record LinkTransition(@NotNull RelationStatus to, @Size(max = 2000) String reason) {
    }
}
