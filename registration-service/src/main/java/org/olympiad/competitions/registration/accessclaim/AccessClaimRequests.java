package org.olympiad.competitions.registration.accessclaim;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the access-claim endpoints. */
public final class AccessClaimRequests {

    private AccessClaimRequests() {
    }

    /** The requester is the caller; {@code evidence} is a JSON object of refs (documents in identity, not their content). */
    @Schema(name = "AccessClaimCreate")
    public record Create(@NotNull AccessClaimType claimType, JsonNode evidence) {
    }

    /** A move along the claim's lifecycle; rejecting needs a reason, which travels in the event. */
    @Schema(name = "AccessClaimTransition")
    public record Transition(@NotNull AccessClaimStatus to, @Size(max = 2000) String reason) {
    }
}
