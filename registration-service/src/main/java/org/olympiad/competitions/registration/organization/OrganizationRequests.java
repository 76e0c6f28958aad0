package org.olympiad.competitions.registration.organization;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Bodies of the competition organisation and organisation role endpoints. */
public final class OrganizationRequests {

    private OrganizationRequests() {
    }

    /** The season's projection of an identity organisation, under the name identity has for it now. */
    @Schema(name = "OrganizationCreate")
    public record Create(
            @NotNull UUID identityOrganizationId,
            @NotBlank @Size(max = 1000) String displayNameSnapshot,
            JsonNode seasonScope) {
    }

    /** Only the fields given change; a new name is a new snapshot. The identity organisation is fixed. */
    @Schema(name = "OrganizationUpdate")
    public record Update(
            @Size(min = 1, max = 1000) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String displayNameSnapshot,
            JsonNode seasonScope) {
    }

    /** A move of the participation status; suspending and withdrawing need a reason. */
    @Schema(name = "OrganizationTransition")
    public record Transition(@NotNull ParticipationStatus to, @Size(max = 2000) String reason) {
    }

    @Schema(name = "OrganizationRoleGrant")
    public record RoleGrant(@NotNull OrganizationRoleKind role) {
    }

    /** A move of a role's status: active → revoked, once. */
    @Schema(name = "OrganizationRoleTransition")
    public record RoleTransition(@NotNull OrganizationRoleStatus to, @Size(max = 2000) String reason) {
    }
}
