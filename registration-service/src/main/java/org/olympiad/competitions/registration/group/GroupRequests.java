package org.olympiad.competitions.registration.group;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.olympiad.competitions.registration.participant.ParticipantDetails;
import org.olympiad.competitions.registration.registration.DeliveryPreferences;

import java.util.List;
import java.util.UUID;

/** Bodies of the group endpoints. Members are refs into identity and Learning Group, a name and a grade; nothing else. */
public final class GroupRequests {

    /** The most members one snapshot takes: a large school's whole year group, with room to spare. */
    static final int MAX_MEMBERS = 20_000;

    private GroupRequests() {
    }

    /**
     * A season group from the teacher's learning group as it is now (its title and members). A teacher becomes its
     * primary teacher; an organiser may name one ({@code primaryTeacherUserId}) or leave it without.
     */
    @Schema(name = "GroupCreate")
    public record Create(
            @NotNull UUID learningWorkspaceId,
            @NotNull UUID learningGroupId,
            UUID competitionOrganizationId,
            UUID primaryTeacherUserId,
            @NotBlank @Size(max = 300) String titleSnapshot,
            @NotNull @Size(max = MAX_MEMBERS) List<@NotNull @Valid Member> members) {
    }

    /** One member of the learning group, as the snapshot keeps it: {@code learning_group_member_id}, refs, name, grade. */
    @Schema(name = "GroupSnapshotMember")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Member(
            @NotNull UUID learningGroupMemberId,
            @NotBlank @Size(max = 200) String displayName,
            @Size(max = 20) String grade,
            UUID identityUserId,
            UUID studentProfileId,
            UUID organizationStudentId,
            UUID identityOrganizationId) {

        /** The member as a participant to register: the refs and what the season shows, nothing more. */
        ParticipantDetails participant() {
            return new ParticipantDetails(displayName, grade, identityUserId, studentProfileId, organizationStudentId,
                    identityOrganizationId, null, null, null);
        }

        boolean hasIdentityRef() {
            return identityUserId != null || studentProfileId != null || organizationStudentId != null;
        }
    }

    /** A newer snapshot of the same learning group: its members now, and its title when it changed. */
    @Schema(name = "GroupSnapshot")
    public record Snapshot(
            @Size(min = 1, max = 300) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String titleSnapshot,
            @NotNull @Size(max = MAX_MEMBERS) List<@NotNull @Valid Member> members) {
    }

    /** A move of the group's status: active → archived. */
    @Schema(name = "GroupTransition")
    public record Transition(@NotNull GroupStatus to, @Size(max = 2000) String reason) {
    }

    /** Registering the whole group: what every member's registration carries besides the member. */
    @Schema(name = "GroupRegistrationCreate")
    public record Register(DeliveryPreferences deliveryPreferences, @Size(max = 300) String teacherNameText) {
    }

    @Schema(name = "GroupHelperGrant")
    public record HelperGrant(@NotNull UUID helperUserId, @NotNull GroupHelperRole role) {
    }

    /** A move of a helper's grant: active → revoked, or revoked → active (granted again). */
    @Schema(name = "GroupHelperTransition")
    public record HelperTransition(@NotNull GroupHelperStatus to, @Size(max = 2000) String reason) {
    }
}
