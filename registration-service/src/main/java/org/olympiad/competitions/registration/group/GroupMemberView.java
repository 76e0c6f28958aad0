package org.olympiad.competitions.registration.group;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/** A group member as the API shows it to roster readers; its snake_case form is the row snapshot in events. */
public record GroupMemberView(UUID id, UUID groupId, UUID participantId, UUID learningGroupMemberId,
                              JsonNode memberSnapshot, GroupMemberStatus status) {
}
